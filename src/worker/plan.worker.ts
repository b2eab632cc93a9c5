// The engine off the main thread: a 1 MB Dockerfile takes about a second to plan, which must not freeze
// typing. Requests are answered in order; the page drops answers it no longer needs. The package table
// is fetched before the first answer (every request awaits the same promises, so order is kept). A diff
// request is answered from the latest plan (compute-plan.ts).
//
// Cold load (issue 13): the table's download is started first, by this small entry, and the engine is
// fetched and compiled meanwhile (plan-engine.ts, a chunk of its own). With the engine imported statically
// the download waited for the whole bundle's compile and evaluation (~140–400 ms on the bench machine).
import type { WorkerReady, WorkerRequest } from "./protocol";
import { ensurePythonTable } from "./python-table";

const tableReady = ensurePythonTable();
const engine = import("./plan-engine");

engine.then(
  // The engine loaded: from here on, a failure of this worker is a failure on an input, not a missing worker.
  () => self.postMessage({ ready: true } satisfies WorkerReady),
  // It did not (a blocked or missing chunk): thrown from a task of its own, the error reaches the page's
  // `onerror` before `ready`, which then plans small inputs on the main thread (state/plan-runner.ts).
  (error: unknown) => setTimeout(() => {
    throw error instanceof Error ? error : new Error(String(error));
  }),
);

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  void Promise.all([engine, tableReady]).then(([{ computeDiff, computePlan }]) => {
    self.postMessage("diffId" in request ? computeDiff(request) : computePlan(request));
  });
};
