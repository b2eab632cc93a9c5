// One fuzz case through the engine as the playground and the CLI use it (buildPlan), classified the way
// issue 14 counts faults: an exception out of the engine, a slow input (> 1 s), a rewrite that does not
// re-parse, one after which its rule still fires (does not converge), a plan that is not idempotent (run
// again on its own result it still applies a step), and a rewrite that adds a dockerfile-utils error.
import { buildPlan, type Plan } from "../../src/engine/plan/plan";
import type { Rule } from "../../src/engine/rules/types";
import { newDockerfileUtilsErrors } from "../../src/engine/rules/support/dockerfile-utils-errors";
import type { FuzzInput } from "./mutate";

/** Issue 14's bar for "slow": one plan over a second. */
export const SLOW_MS = 1_000;

/**
 * Milliseconds of CPU time this process spent in `work`. The bar is measured in CPU time, not wall time:
 * the fuzz runs on a machine shared with other jobs (load averages of 10–16 seen on the 2-core box), where
 * wall time counts the minutes other processes held the cores; CPU time is what the same plan costs on a
 * machine of its own. It includes the garbage collector's helper threads, so it errs on the slow side.
 */
function cpuMs<T>(work: () => T): { value: T; ms: number } {
  const before = process.cpuUsage();
  const value = work();
  const used = process.cpuUsage(before);
  return { value, ms: (used.user + used.system) / 1000 };
}

export type Fault = "exception" | "slow" | "non-reparsing" | "non-converging" | "non-idempotent" | "dockerfile-utils";

export interface CaseResult {
  readonly faults: readonly { readonly fault: Fault; readonly detail: string }[];
  /** CPU time of the plan, in milliseconds. */
  readonly ms: number;
}

/** `rules`: the registry's by default; the harness's own test passes faulty rules to see it count them. */
export function checkCase(input: FuzzInput, slowMs: number = SLOW_MS, rules?: readonly Rule[]): CaseResult {
  const plan = (texts: FuzzInput & { dockerignore?: string | null }): Plan =>
    buildPlan({ dockerfile: texts.dockerfile, requirements: texts.requirements, dockerignore: texts.dockerignore ?? null, ...(rules === undefined ? {} : { rules }) });
  const faults: { fault: Fault; detail: string }[] = [];
  const started = performance.now();
  let result: Plan;
  let ms: number;
  try {
    ({ value: result, ms } = cpuMs(() => plan(input)));
  } catch (error) {
    return { faults: [{ fault: "exception", detail: String(error) }], ms: performance.now() - started };
  }
  if (ms > slowMs) faults.push({ fault: "slow", detail: `${Math.round(ms)} ms of CPU time (${Math.round(performance.now() - started)} ms wall)` });
  for (const fault of result.faults) faults.push({ fault: "exception", detail: fault });
  for (const d of result.steps[0]?.analysis.diagnostics ?? []) {
    if (d.code.endsWith("-fault") || d.code.endsWith("internal-error")) faults.push({ fault: "exception", detail: d.message });
  }
  let previous = result.steps[0];
  for (const step of result.steps) {
    // A finding with no rewrite (no alternatives) is the rule saying "fix by hand", not a rewrite that failed.
    if (step.status === "failed" && step.alternatives.length > 0) {
      const fault: Fault = step.rationale.includes("does not parse") ? "non-reparsing" : "non-converging";
      faults.push({ fault, detail: `${step.id}: ${step.rationale}` });
    }
    if (step.status === "applied" && previous !== undefined) {
      const added = newDockerfileUtilsErrors(previous.texts.dockerfile, step.texts.dockerfile);
      if (added.length > 0) faults.push({ fault: "dockerfile-utils", detail: `${step.id}: ${added[0] ?? ""}` });
    }
    if (step.status === "applied") previous = step;
  }
  const last = result.steps.at(-1);
  // A plan stopped at its work budget (a notice) is not complete: planning its result again goes on where
  // it stopped, which is not a rule re-firing.
  if (last !== undefined && last !== result.steps[0] && faults.length === 0 && result.notice === null) {
    try {
      const again = plan({ dockerfile: last.texts.dockerfile, requirements: last.texts.requirements.map((r) => ({ path: r.path, content: r.text })), dockerignore: last.texts.dockerignore });
      const reapplied = again.steps.filter((s) => s.status === "applied").map((s) => s.id);
      if (reapplied.length > 0) faults.push({ fault: "non-idempotent", detail: `applies again: ${reapplied.join(", ")}` });
    } catch (error) {
      faults.push({ fault: "exception", detail: String(error) });
    }
  }
  return { faults, ms };
}
