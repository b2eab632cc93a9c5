// The engine off the main thread: a 1 MB Dockerfile takes about a second to plan, which must not freeze
// typing. Requests are answered in order; the page drops answers it no longer needs. The package table
// is fetched before the first answer (every request awaits the same promises, so order is kept). A diff
// request is answered from the latest plan (compute-plan.ts).
//
// Cold load (issue 13): the table's download is started first, by this small entry, and the engine is
// fetched and compiled meanwhile (plan-engine.ts, a chunk of its own). With the engine imported statically
// the download waited for the whole bundle's compile and evaluation (~140–400 ms on the bench machine).
// The Debian release tables the request names (the page reads them off its FROM lines) are fetched
// meanwhile too (debian-fetch-ahead.ts), instead of synchronously from inside the plan once the engine
// has loaded.
import { fetchAhead } from "./debian-fetch-ahead";
import type { WorkerReady, WorkerRequest } from "./protocol";
import { ensurePythonTable } from "./python-table";
import { markTime } from "./timeline";

markTime("worker-started");
const tableReady = ensurePythonTable().finally(() => markTime("wheel-table-installed"));
const engine = import("./plan-engine");

engine.then(
  // The engine loaded: from here on, a failure of this worker is a failure on an input, not a missing worker.
  () => {
    markTime("engine-loaded");
    self.postMessage({ ready: true } satisfies WorkerReady);
  },
  // It did not (a blocked or missing chunk): thrown from a task of its own, the error reaches the page's
  // `onerror` before `ready`, which then plans small inputs on the main thread (state/plan-runner.ts).
  (error: unknown) => setTimeout(() => {
    throw error instanceof Error ? error : new Error(String(error));
  }),
);

/** Each request waits for the one before it: answers go out in order even when their tables differ. */
let queue: Promise<unknown> = Promise.resolve();

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  // The Debian tables the page expects the plan to read (never rejects: a table not fetched ahead is
  // fetched when the engine asks for it).
  const tables = "diffId" in request ? undefined : Promise.all((request.debianTables ?? []).map(fetchAhead));
  // A request that failed (it cannot, short of the engine's chunk failing) must not hold the ones after it.
  const previous = queue.catch(() => undefined);
  queue = Promise.all([engine, tableReady, tables, previous]).then(([{ computeDiff, computePlan }]) => {
    if ("diffId" in request) {
      self.postMessage(computeDiff(request));
      return;
    }
    markTime("plan-start");
    const response = computePlan(request);
    markTime("plan-end");
    self.postMessage(response);
  });
};
