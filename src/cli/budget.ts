// The size budget (`--max-size`, `--max-pull-size`): the estimate of the Dockerfile *as written* (the
// plan's step 0, not what the plan could make of it) against the limits the user set. Over budget is exit
// code 3, and every output format says so (issue 11). Where the estimate leaves out something that weighs
// (an unknown base image, `conda install`: the report's "Not in these sizes"), its total is a floor: over
// is still over, but "within" cannot be said — the budget is not judged (exit 4 unless `--unweighed pass`).
import type { EstimateWarning, ImageEstimate } from "../engine/estimate/types";
import { uncountedWarnings } from "../engine/estimate/uncounted";
import { formatBytes } from "../engine/format";

export interface BudgetLimits {
  /** `--max-size`: on-disk bytes (what `docker images` shows); null = no limit. */
  readonly maxBytes: number | null;
  /** `--max-pull-size`: compressed bytes a pull downloads; null = no limit. */
  readonly maxPullBytes: number | null;
}

export interface BudgetViolation {
  /** The option that set the limit; also the SARIF rule id's tail (`budget/max-size`). */
  readonly limit: "max-size" | "max-pull-size";
  readonly limitBytes: number;
  readonly actualBytes: number;
  readonly message: string;
}

export interface BudgetVerdict {
  readonly maxBytes: number | null;
  readonly maxPullBytes: number | null;
  readonly totalBytes: number;
  readonly compressedBytes: number;
  readonly over: boolean;
  /** False when the estimate leaves something out (`unweighed`) and is not over: its totals are floors,
   *  so the image may be over the limit or within it. Over on a floor is judged: the image is larger still. */
  readonly judged: boolean;
  /** What the totals leave out (the report's "Not in these sizes"); when not empty, the sizes are floors. */
  readonly unweighed: readonly Unweighed[];
  readonly violations: readonly BudgetViolation[];
}

/** One thing the estimate does not weigh: the estimate warning that says so. */
export type Unweighed = Pick<EstimateWarning, "code" | "message" | "line">;

/** `--unweighed`: what a budget that cannot be judged does to the exit code: fail (4, the default: a gate
 *  that cannot weigh the image must not pass it silently) or pass (0; the outputs still say so). */
export type UnweighedPolicy = "fail" | "pass";

/** The exit code of a run over budget (0 ok, 1 lint errors, 2 usage or I/O, 3 over budget, 4 not judged). */
export const EXIT_OVER_BUDGET = 3;
/** The exit code of a budget that cannot be judged: the estimate leaves out something that weighs. */
export const EXIT_CANNOT_JUDGE = 4;

/** The exit code the budget asks for (0 when it has nothing to say): over wins over "cannot judge". */
export function budgetExitCode(verdict: BudgetVerdict | null, policy: UnweighedPolicy): number {
  if (verdict === null) return 0;
  if (verdict.over) return EXIT_OVER_BUDGET;
  return !verdict.judged && policy === "fail" ? EXIT_CANNOT_JUDGE : 0;
}

/** Null when no limit was given (the outputs then say nothing about a budget). */
export function checkBudget(estimate: ImageEstimate, limits: BudgetLimits, path: string): BudgetVerdict | null {
  if (limits.maxBytes === null && limits.maxPullBytes === null) return null;
  const violations: BudgetViolation[] = [];
  const check = (limit: BudgetViolation["limit"], limitBytes: number | null, actualBytes: number, what: string) => {
    // Equal to the limit is within it: a budget is a maximum.
    if (limitBytes === null || actualBytes <= limitBytes) return;
    violations.push({
      limit, limitBytes, actualBytes,
      message: `${path} as written is ${formatBytes(actualBytes)} ${what}, over the --${limit} budget of ${formatBytes(limitBytes)} (by ${formatBytes(actualBytes - limitBytes)})`,
    });
  };
  check("max-size", limits.maxBytes, estimate.totalBytes, "on disk");
  check("max-pull-size", limits.maxPullBytes, estimate.compressedBytes, "to pull (compressed)");
  const unweighed = uncountedWarnings(estimate).map((w) => ({ code: w.code, message: w.message, line: w.line }));
  const over = violations.length > 0;
  return { maxBytes: limits.maxBytes, maxPullBytes: limits.maxPullBytes, totalBytes: estimate.totalBytes, compressedBytes: estimate.compressedBytes, over, judged: over || unweighed.length === 0, unweighed, violations };
}

/** One line for a person: the verdict with both numbers, e.g. for the text output and the PR report. */
export function budgetLine(verdict: BudgetVerdict, path: string): string {
  if (verdict.over) return `Over budget: ${verdict.violations.map((v) => v.message).join("; ")}.`;
  if (!verdict.judged) return `Cannot judge the budget: ${cannotJudgeMessage(verdict, path)}.`;
  const within = [
    verdict.maxBytes === null ? null : `${formatBytes(verdict.totalBytes)} on disk ≤ ${formatBytes(verdict.maxBytes)}`,
    verdict.maxPullBytes === null ? null : `${formatBytes(verdict.compressedBytes)} to pull ≤ ${formatBytes(verdict.maxPullBytes)}`,
  ].filter((s) => s !== null);
  return `Within budget: ${within.join(", ")}.`;
}

/** Why a verdict is not judged: the floors against the limits, and how many things are left out. */
export function cannotJudgeMessage(verdict: BudgetVerdict, path: string): string {
  const floors = [
    verdict.maxBytes === null ? null : `${formatBytes(verdict.totalBytes)} on disk (limit ${formatBytes(verdict.maxBytes)})`,
    verdict.maxPullBytes === null ? null : `${formatBytes(verdict.compressedBytes)} to pull (limit ${formatBytes(verdict.maxPullBytes)})`,
  ].filter((s) => s !== null);
  const n = verdict.unweighed.length;
  return `${path} as written is at least ${floors.join(" and ")}, but the estimate leaves out ${n === 1 ? "1 thing" : `${n} things`} it cannot weigh`;
}

/** The verdict not judged in one line, with what is left out: for stderr and the SARIF result. */
export function cannotJudgeLine(verdict: BudgetVerdict, path: string): string {
  return `${cannotJudgeMessage(verdict, path)} (${unweighedLines(verdict).map((l) => l.replace(/\.$/, "")).join("; ")})`;
}

/** The things not weighed, one per line (`line 3: …`). */
export function unweighedLines(verdict: BudgetVerdict): string[] {
  return verdict.unweighed.map((w) => `${w.line === null ? "" : `line ${w.line}: `}${w.message}`);
}

/** The verdict for the text outputs: its line, and under a verdict that cannot be judged, what is left out. */
export function budgetText(verdict: BudgetVerdict, path: string): string[] {
  return [budgetLine(verdict, path), ...(verdict.judged ? [] : unweighedLines(verdict).map((l) => `  ${l}`))];
}

/**
 * `250MB`, `1.5GB`, `300MiB`, `100000000`: decimal units as the outputs print them (1 MB = 10^6 bytes,
 * like `docker images`), binary ones (MiB = 2^20) for those who think in them; a bare number is bytes.
 * Null when the text is not a size.
 */
export function parseSize(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*([kmgt]i?b|b)?$/i.exec(text.trim());
  if (match === null) return null;
  const unit = (match[2] ?? "b").toLowerCase();
  const powers: Readonly<Record<string, number>> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, kib: 2 ** 10, mib: 2 ** 20, gib: 2 ** 30, tib: 2 ** 40 };
  const factor = powers[unit];
  return factor === undefined ? null : Math.round(Number(match[1]) * factor);
}
