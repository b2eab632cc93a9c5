// Starting the plan worker. A module worker's global scope exists 150–400 ms after `new Worker` on the
// bench machine (issue 13), and the first plan waits for it, so the page starts it before anything else:
// main.tsx imports start-early.ts first, whose body runs before React and the UI's modules are
// evaluated; the plan runner then takes that worker instead of starting its own.
import type { PlanWorker } from "./plan-runner";

/** The worker started ahead (null: none could start), until the runner takes it; undefined when none. */
let early: PlanWorker | null | undefined;

export function newPlanWorker(): PlanWorker | null {
  if (typeof Worker === "undefined") return null;
  try {
    const worker = new Worker(new URL("../worker/plan.worker.ts", import.meta.url), { type: "module", name: "whaleweight-plan" }) as PlanWorker;
    try {
      performance.mark("whaleweight:worker-created");
    } catch {
      // No User Timing: the mark is for measuring only.
    }
    return worker;
  } catch (error) {
    console.warn("No plan worker:", error);
    return null;
  }
}

/** Starts the worker now, for the runner to take later (once). */
export function startPlanWorkerEarly(): void {
  if (early === undefined) early = newPlanWorker();
}

/** The worker started ahead, once (then undefined), or a fresh one. */
export function takePlanWorker(): PlanWorker | null {
  if (early === undefined) return newPlanWorker();
  const worker = early;
  early = undefined;
  return worker;
}
