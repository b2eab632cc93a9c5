// One fuzz case through the engine as the playground and the CLI use it (buildPlan), classified the way
// issue 14 counts faults: an exception out of the engine, a slow input (> 1 s), a rewrite that does not
// re-parse, one after which its rule still fires (does not converge), a plan that is not idempotent (run
// again on its own result it still applies a step), a rewrite that adds a dockerfile-utils error, and a
// plan that holds more heap than MEMORY_BUDGET_BYTES.
import { readFileSync } from "node:fs";
import v8 from "node:v8";
import vm from "node:vm";
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
function cpuMs<T>(work: () => T): { value: T; ms: number; threadMs: number | null } {
  const threadBefore = threadCpuMs();
  const before = process.cpuUsage();
  const value = work();
  const used = process.cpuUsage(before);
  const threadAfter = threadCpuMs();
  return { value, ms: (used.user + used.system) / 1000, threadMs: threadBefore === null || threadAfter === null ? null : threadAfter - threadBefore };
}

/**
 * CPU milliseconds of the calling thread (Linux: utime + stime of /proc/thread-self/stat, in ticks of 10 ms),
 * or null where there is no such file. Printed beside a slow case's process CPU time: V8's background
 * threads (optimising compiler, concurrent marking) run beside the plan and count in the process's time
 * (2026-12-02: the `bulk` cases near 1 s spent about half of it there; `node --single-threaded` puts it all
 * on one thread, at about the same total), so the thread's share is the least the plan blocks its worker.
 */
function threadCpuMs(): number | null {
  try {
    const stat = readFileSync("/proc/thread-self/stat", "utf8");
    // Fields after the command name (which may hold spaces, inside parentheses): utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : null;
  } catch {
    return null;
  }
}

/**
 * The "memory" bar: a plan whose heap grows by more than this. The engine's own limits (engine/limits.ts)
 * bound the worst plan found to ~126 MB of heap (LIMITS.fsEntryLevels: ~105 MB over the resting heap at
 * the filesystem limit); twice that, rounded, leaves room for the plan's other analyses, so a case over it
 * is a growth path the limits miss — while staying far below where this process dies (last session's run
 * died at its 4 GB heap).
 */
export const MEMORY_BUDGET_BYTES = 256 * 1024 * 1024;

const MiB = 1024 * 1024;

export type Fault = "exception" | "slow" | "memory" | "non-reparsing" | "non-converging" | "non-idempotent" | "dockerfile-utils";

export interface CaseResult {
  readonly faults: readonly { readonly fault: Fault; readonly detail: string }[];
  /** CPU time of the plan, in milliseconds. */
  readonly ms: number;
  /** Heap the plan grew by (see `heapGrowth`), in bytes: measured exactly past the budget, an upper bound
   *  (garbage not yet collected included) under it. */
  readonly heapBytes: number;
}

export interface CheckOptions {
  readonly slowMs?: number;
  readonly memoryBytes?: number;
  /** The registry's by default; the harness's own test passes faulty rules to see it count them. */
  readonly rules?: readonly Rule[];
}

/** V8's full collection, exposed at run time (the fuzz runs under tsx and Vitest, not `node --expose-gc`). */
let collect: (() => void) | undefined;
function collectGarbage(): void {
  if (collect === undefined) {
    v8.setFlagsFromString("--expose-gc");
    collect = vm.runInNewContext("gc") as () => void;
  }
  collect();
}

/** The heap in use at rest (tables, warm caches), after a full collection: taken at the first case and
 *  again at every exact measurement, so warmed caches do not keep pushing cases to be measured again. */
let restingHeap: number | undefined;

/** The heap in use while `work` ran: `collected`, the largest figure V8 reports after a collection during
 *  it (what it could not free: live data and, after a minor collection, old-generation garbage not yet
 *  swept; 0 when none ran), and `held`, the heap in use once `work` returned (its result alive, garbage
 *  included). Nothing is collected first: that is the caller's choice. */
function heapHighWater<T>(work: () => T): { value: T; collected: number; held: number } {
  const profiler = new v8.GCProfiler();
  profiler.start();
  let value: T;
  try {
    value = work();
  } catch (error) {
    profiler.stop();
    throw error;
  }
  const held = process.memoryUsage().heapUsed;
  const stats = profiler.stop();
  return { value, collected: Math.max(0, ...stats.statistics.map((s) => s.afterGC.heapStatistics.usedHeapSize)), held };
}

/**
 * How much the heap grew while a plan ran and what it returned still holds, in two passes.
 * - Cheap, every case: the larger of `heapHighWater`'s figures minus the resting heap. An upper bound: it
 *   also counts garbage not yet collected, of this case and earlier ones. A full collection before every
 *   case made the run ~60% slower (40 corpus cases: 9.6–10.1 s of CPU against 5.9–6.4 s), so only a case
 *   over the budget pays for collections.
 * - Exact, for a case over the budget: a full collection (the first pass's result is alive, so it is in the
 *   baseline), the heap in use; the same plan again (plans are deterministic); the larger of the
 *   collections' high-water mark during it and the heap in use after it, collected first (its result
 *   alive: the analyses a plan keeps); the difference.
 * What it misses: a peak between two collections (V8 collects the young generation every few MB
 * allocated, so a short-lived peak is seen within that), memory outside the JS heap, what the engine's
 * caches (parsed files) already hold when the exact pass plans the text a second time, and the
 * idempotence re-plan, which is not measured.
 */
function heapGrowth(first: { collected: number; held: number }, again: () => unknown, budget: number): number {
  if (restingHeap === undefined) {
    collectGarbage();
    restingHeap = process.memoryUsage().heapUsed;
  }
  const bound = Math.max(first.collected, first.held) - restingHeap;
  if (bound <= budget) return Math.max(0, bound);
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  restingHeap = before;
  const { value, collected } = heapHighWater(again);
  collectGarbage();
  const retained = process.memoryUsage().heapUsed;
  // `value` is read after the collection so that it is alive through it (what the plan keeps is counted).
  return value === undefined ? 0 : Math.max(0, Math.max(collected, retained) - before);
}

export function checkCase(input: FuzzInput, options: CheckOptions = {}): CaseResult {
  const { slowMs = SLOW_MS, memoryBytes = MEMORY_BUDGET_BYTES, rules } = options;
  const plan = (texts: FuzzInput & { dockerignore?: string | null }): Plan =>
    buildPlan({ dockerfile: texts.dockerfile, requirements: texts.requirements, dockerignore: texts.dockerignore ?? null, ...(rules === undefined ? {} : { rules }) });
  const faults: { fault: Fault; detail: string }[] = [];
  const started = performance.now();
  let result: Plan;
  let ms: number;
  let threadMs: number | null;
  let heapBytes: number;
  try {
    const first = heapHighWater(() => cpuMs(() => plan(input)));
    ({ value: result, ms, threadMs } = first.value);
    // Any collections and the re-plan of an exact measurement are outside the CPU time measured.
    heapBytes = heapGrowth(first, () => plan(input), memoryBytes);
  } catch (error) {
    return { faults: [{ fault: "exception", detail: String(error) }], ms: performance.now() - started, heapBytes: 0 };
  }
  if (ms > slowMs) faults.push({ fault: "slow", detail: `${Math.round(ms)} ms of CPU time (${Math.round(performance.now() - started)} ms wall${threadMs === null ? "" : `, ${threadMs} ms on the plan's own thread`})` });
  if (heapBytes > memoryBytes) faults.push({ fault: "memory", detail: `the heap grew by ${(heapBytes / MiB).toFixed(1)} MB (budget ${(memoryBytes / MiB).toFixed(0)} MB)` });
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
  return { faults, ms, heapBytes };
}
