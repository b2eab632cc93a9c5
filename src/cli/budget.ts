// The size budget (`--max-size`, `--max-pull-size`): the estimate of the Dockerfile *as written* (the
// plan's step 0, not what the plan could make of it) against the limits the user set. Over budget is exit
// code 3, and every output format says so (issue 11).
import type { ImageEstimate } from "../engine/estimate/types";
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
  readonly violations: readonly BudgetViolation[];
}

/** The exit code of a run over budget (0 ok, 1 lint errors, 2 usage or I/O, 3 over budget). */
export const EXIT_OVER_BUDGET = 3;

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
  return { maxBytes: limits.maxBytes, maxPullBytes: limits.maxPullBytes, totalBytes: estimate.totalBytes, compressedBytes: estimate.compressedBytes, over: violations.length > 0, violations };
}

/** One line for a person: the verdict with both numbers, e.g. for the text output and the PR report. */
export function budgetLine(verdict: BudgetVerdict): string {
  if (verdict.over) return `Over budget: ${verdict.violations.map((v) => v.message).join("; ")}.`;
  const within = [
    verdict.maxBytes === null ? null : `${formatBytes(verdict.totalBytes)} on disk ≤ ${formatBytes(verdict.maxBytes)}`,
    verdict.maxPullBytes === null ? null : `${formatBytes(verdict.compressedBytes)} to pull ≤ ${formatBytes(verdict.maxPullBytes)}`,
  ].filter((s) => s !== null);
  return `Within budget: ${within.join(", ")}.`;
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
