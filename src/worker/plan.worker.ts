// The engine off the main thread: a 1 MB Dockerfile takes about a second to plan, which must not freeze
// typing. Requests are answered in order; the page drops answers it no longer needs. The package table
// is fetched before the first answer (every request awaits the same promise, so order is kept). A diff
// request is answered from the latest plan (compute-plan.ts).
import { computeDiff, computePlan } from "./compute-plan";
import { registerWorkerDebianTables } from "./debian-tables-loader";
import type { WorkerReady, WorkerRequest } from "./protocol";
import { ensurePythonTable } from "./python-table";

const tableReady = ensurePythonTable();

registerWorkerDebianTables();

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  void tableReady.then(() => {
    self.postMessage("diffId" in request ? computeDiff(request) : computePlan(request));
  });
};

// The script loaded: from here on, a failure of this worker is a failure on an input, not a missing worker.
self.postMessage({ ready: true } satisfies WorkerReady);
