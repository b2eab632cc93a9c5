// The engine off the main thread: a 1 MB Dockerfile takes about a second to plan, which must not freeze
// typing. Requests are answered in order; the page drops answers it no longer needs.
import { computePlan } from "./compute-plan";
import { registerWorkerDebianTables } from "./debian-tables-loader";
import type { PlanRequest } from "./protocol";

registerWorkerDebianTables();

self.onmessage = (event: MessageEvent<PlanRequest>) => {
  self.postMessage(computePlan(event.data));
};
