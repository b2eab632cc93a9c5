// Messages between the page and the plan worker. Each request carries an id; the page ignores answers
// to requests it has since superseded.
import type { PlanInput } from "../engine/plan/plan";
import type { PlanView } from "./plan-view";

export interface PlanRequest {
  readonly id: number;
  readonly input: Omit<PlanInput, "rules">;
}

export type PlanResponse =
  | { readonly id: number; readonly ok: true; readonly plan: PlanView }
  | { readonly id: number; readonly ok: false; readonly error: string };
