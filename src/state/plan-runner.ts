// Where plans are computed: a module Web Worker, under a watchdog (issue 15). A plan that runs past the
// time budget has its worker terminated and replaced, and is answered with the limit it hit; the text is
// untouched. Memory has no budget of its own: a worker cannot measure its memory
// (`performance.measureUserAgentSpecificMemory` is not exposed to dedicated workers; the page can measure
// its workers with it only when `crossOriginIsolated` — web-platform-tests measure-memory/ assert it in
// every case —, which needs COOP/COEP headers a static host such as GitHub Pages cannot send), so memory is bounded by the engine's input limits (engine/limits.ts:
// expanded variables, instructions, stages, line lengths, the path levels the size model holds) and,
// past those, by the time budget.
// Only where no worker can start is a plan computed on the main thread, and then only a small input: a
// hostile text is never planned where it could freeze the page. The engine is loaded lazily either way.
import type { DiffRequest, PlanRequest, PlanResponse, WorkerMessage, WorkerRequest } from "../worker/protocol";
import { takePlanWorker } from "./plan-worker";

export interface PlanRunner {
  run(request: PlanRequest): Promise<PlanResponse>;
  /** The diff of one step of the plan answered to request `planId`; null when that plan is no longer the
   *  latest computed (or its worker was replaced). Optional: a runner without it shows no plain diff. */
  diff?(planId: number, stepId: string): Promise<string | null>;
}

/** Time one plan may take. A 1 MB Dockerfile (the engine's cap) plans in about a second on a laptop
 *  (worker/plan.worker.ts); the first plan also loads the package tables. Thirty times that leaves room
 *  for a slow phone or a loaded machine; past it the input is not one the engine handles well. */
export const PLAN_TIME_BUDGET_MS = 30_000;

/** Largest input (characters of all texts) planned on the main thread when there is no worker: the
 *  corpus' largest Dockerfile is under 10 kB and plans in milliseconds; at the ~1 s per MB the worker
 *  sees, 100 kB is about a tenth of a second of frozen page, the most an edit may cost. */
export const INLINE_MAX_CHARS = 100_000;

/** What the runner needs of a Worker (tests pass a fake). */
export interface PlanWorker {
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(request: WorkerRequest): void;
  terminate(): void;
}

export interface PlanRunnerOptions {
  readonly timeBudgetMs?: number;
  /** null where no worker can be started. */
  readonly createWorker?: () => PlanWorker | null;
  /** The main-thread planner (the engine, loaded lazily). */
  readonly inline?: (request: PlanRequest) => Promise<PlanResponse>;
  /** The main-thread diff of a step of the plan `inline` computed last. */
  readonly inlineDiff?: (request: DiffRequest) => Promise<string | null>;
}

interface Waiting {
  readonly request: PlanRequest;
  readonly worker: PlanWorker;
  readonly resolve: (response: PlanResponse) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

export function createPlanRunner(options: PlanRunnerOptions = {}): PlanRunner {
  const create = options.createWorker ?? takePlanWorker;
  const budget = options.timeBudgetMs ?? PLAN_TIME_BUDGET_MS;
  const inline = options.inline ?? planOnMainThread;
  const inlineDiff = options.inlineDiff ?? diffOnMainThread;
  let worker: PlanWorker | null = null;
  /** True once the current worker's script has loaded (its `ready` message). */
  let ready = false;
  /** The browser cannot run the worker: plan small inputs on the main thread. */
  let noWorker = false;
  const waiting = new Map<number, Waiting>();
  /** Diff requests in flight, by diffId: answered null if their worker goes away. */
  const diffs = new Map<number, { readonly worker: PlanWorker; readonly resolve: (diff: string | null) => void }>();
  let nextDiffId = 1;

  const runInline = (request: PlanRequest): Promise<PlanResponse> => {
    const size = inputChars(request);
    if (size > INLINE_MAX_CHARS) {
      return Promise.resolve({ id: request.id, ok: false, error: `this browser cannot run the analysis in the background, and the texts (${size.toLocaleString("en")} characters) are too large to analyse without freezing the page (${INLINE_MAX_CHARS.toLocaleString("en")} at most)` });
    }
    return inline(request);
  };

  /** Answer everything the given worker was computing, and forget it. */
  const settle = (from: PlanWorker, answer: (entry: Waiting) => void) => {
    for (const [id, entry] of [...waiting.entries()]) {
      if (entry.worker !== from) continue;
      clearTimeout(entry.timer);
      waiting.delete(id);
      answer(entry);
    }
  };

  const retire = (old: PlanWorker) => {
    for (const [id, entry] of [...diffs.entries()]) {
      if (entry.worker !== old) continue;
      diffs.delete(id);
      entry.resolve(null);
    }
    old.onmessage = null;
    old.onerror = null;
    old.terminate();
    if (worker === old) worker = null;
  };

  const start = (): PlanWorker | null => {
    const fresh = create();
    if (fresh === null) {
      noWorker = true;
      return null;
    }
    ready = false;
    fresh.onmessage = (event) => {
      const data = event.data;
      if ("ready" in data) {
        if (worker === fresh) ready = true;
        return;
      }
      if ("diffId" in data) {
        diffs.get(data.diffId)?.resolve(data.diff);
        diffs.delete(data.diffId);
        return;
      }
      const entry = waiting.get(data.id);
      if (entry === undefined) return;
      clearTimeout(entry.timer);
      waiting.delete(data.id);
      entry.resolve(data);
    };
    fresh.onerror = (event) => {
      event.preventDefault();
      const loaded = ready && worker === fresh;
      retire(fresh);
      if (!loaded) {
        // The script never loaded (an old browser, a blocked file): plan small inputs here from now on.
        console.warn(`Plan worker failed to start (${event.message || "no message"}); planning small inputs on the main thread.`);
        noWorker = true;
        settle(fresh, (entry) => void runInline(entry.request).then(entry.resolve));
        return;
      }
      // It died on an input: answer why, never retry that input here, and have a fresh worker for the next.
      settle(fresh, (entry) => entry.resolve({ id: entry.request.id, ok: false, error: `the analysis stopped unexpectedly (${event.message || "its worker failed"}); edit the text to try again` }));
      worker = start();
    };
    return fresh;
  };

  worker = start();
  return {
    run(request) {
      if (worker === null && !noWorker) worker = start();
      const current = worker;
      if (current === null) return runInline(request);
      return new Promise<PlanResponse>((resolve) => {
        const timer = setTimeout(() => {
          // Past the budget: stop the worker (the only way to stop a running plan) and start a new one.
          retire(current);
          settle(current, (entry) => entry.resolve({ id: entry.request.id, ok: false, error: timeLimitMessage(budget) }));
          worker = start();
        }, budget);
        waiting.set(request.id, { request, worker: current, resolve, timer });
        current.postMessage(request);
      });
    },
    diff(planId, stepId) {
      const diffId = nextDiffId++;
      const current = worker;
      if (current === null) return noWorker ? inlineDiff({ diffId, planId, stepId }) : Promise.resolve(null);
      // No watchdog of its own: a diff is capped (engine/plan/diff.ts DIFF_MAX_EDIT_LENGTH), and a worker
      // replaced meanwhile answers null (retire).
      return new Promise<string | null>((resolve) => {
        diffs.set(diffId, { worker: current, resolve });
        current.postMessage({ diffId, planId, stepId });
      });
    },
  };
}

export function timeLimitMessage(budgetMs: number): string {
  return `it ran past the time limit of ${budgetMs / 1000} s and was stopped (memory is bounded by the input limits, time by this one)`;
}

function inputChars(request: PlanRequest): number {
  const { dockerfile, requirements, projectFiles, dockerignore } = request.input;
  return dockerfile.length + (dockerignore?.length ?? 0) + [...(requirements ?? []), ...(projectFiles ?? [])].reduce((n, f) => n + f.content.length, 0);
}

async function planOnMainThread(request: PlanRequest): Promise<PlanResponse> {
  const [{ computePlan }, { ensurePythonTable }, { fetchAllDebianTables }] = await Promise.all([import("../worker/compute-plan"), import("../worker/python-table"), import("../worker/debian-tables-loader")]);
  // The main thread loads the big tables before planning, fetched once (the worker does it lazily).
  await Promise.all([ensurePythonTable(), fetchAllDebianTables()]);
  return computePlan(request);
}

async function diffOnMainThread(request: DiffRequest): Promise<string | null> {
  const { computeDiff } = await import("../worker/compute-plan");
  return computeDiff(request).diff;
}
