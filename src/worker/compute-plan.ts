// One plan request → one response, never throwing: shared by the worker and the main-thread fallback.
import { describeError } from "../engine/diagnostics";
import { buildPlan } from "../engine/plan/plan";
import { toPlanView } from "./plan-view";
import type { PlanRequest, PlanResponse } from "./protocol";

export function computePlan(request: PlanRequest): PlanResponse {
  try {
    return { id: request.id, ok: true, plan: toPlanView(buildPlan(request.input)) };
  } catch (error) {
    // The engine promises not to throw; if it does anyway, the page says so and keeps the text.
    return { id: request.id, ok: false, error: describeError(error) };
  }
}
