// Messages between the page and the plan worker. Each request carries an id; the page ignores answers
// to requests it has since superseded. The worker says `ready` once its script has loaded, so the page
// can tell a worker that cannot start (plan on the main thread) from one that died on an input (never
// retry that input on the main thread).
import type { PlanInput } from "../engine/plan/plan";
import type { PlanView } from "./plan-view";

export interface PlanRequest {
  readonly id: number;
  readonly input: Omit<PlanInput, "rules">;
}

export type PlanResponse =
  | { readonly id: number; readonly ok: true; readonly plan: PlanView }
  | { readonly id: number; readonly ok: false; readonly error: string };

/** The worker's first message: its script loaded. */
export interface WorkerReady {
  readonly ready: true;
}

export type WorkerMessage = PlanResponse | WorkerReady;
