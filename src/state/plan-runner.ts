// Where plans are computed: a module Web Worker when the browser gives us one, else the main thread
// (the engine is loaded lazily either way, so it never weighs on the first paint).
import type { PlanRequest, PlanResponse } from "../worker/protocol";

export interface PlanRunner {
  run(request: PlanRequest): Promise<PlanResponse>;
}

export function createPlanRunner(): PlanRunner {
  let worker = startWorker();
  const waiting = new Map<number, (response: PlanResponse) => void>();
  const inline: PlanRunner = {
    async run(request) {
      const [{ computePlan }, { ensurePythonTable }, { fetchAllDebianTables }] = await Promise.all([import("../worker/compute-plan"), import("../worker/python-table"), import("../worker/debian-tables-loader")]);
      // The main thread loads the big tables before planning, fetched once (the worker does it lazily).
      await Promise.all([ensurePythonTable(), fetchAllDebianTables()]);
      return computePlan(request);
    },
  };
  if (worker !== null) {
    worker.onmessage = (event: MessageEvent<PlanResponse>) => {
      waiting.get(event.data.id)?.(event.data);
      waiting.delete(event.data.id);
    };
    worker.onerror = (event) => {
      // The worker could not load (or died): plan on the main thread from now on, and answer what was
      // waiting so the page does not hang.
      event.preventDefault();
      console.warn(`Plan worker failed (${event.message}); planning on the main thread.`);
      worker?.terminate();
      worker = null;
      const pending = [...waiting.entries()];
      waiting.clear();
      for (const [, resolve] of pending) resolve({ id: -1, ok: false, error: "retry" });
    };
  }
  return {
    run(request) {
      const current = worker;
      if (current === null) return inline.run(request);
      return new Promise<PlanResponse>((resolve) => {
        waiting.set(request.id, (response) => {
          if (response.id === -1) void inline.run(request).then(resolve);
          else resolve(response);
        });
        current.postMessage(request);
      });
    },
  };
}

function startWorker(): Worker | null {
  if (typeof Worker === "undefined") return null;
  try {
    return new Worker(new URL("../worker/plan.worker.ts", import.meta.url), { type: "module", name: "whaleweight-plan" });
  } catch (error) {
    console.warn("No plan worker:", error);
    return null;
  }
}
