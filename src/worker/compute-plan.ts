// One plan request → one response, never throwing: shared by the worker and the main-thread fallback.
// The latest plan is kept (the engine's objects, with their lazy diffs) so that the diff of the step the
// page shows can be computed when asked, and only that one.
import { describeError } from "../engine/diagnostics";
import { buildPlan, type Plan } from "../engine/plan/plan";
import { toPlanView } from "./plan-view";
import type { DiffRequest, DiffResponse, PlanRequest, PlanResponse } from "./protocol";

let latest: { readonly id: number; readonly plan: Plan } | null = null;

export function computePlan(request: PlanRequest): PlanResponse {
  try {
    const plan = buildPlan(request.input);
    latest = { id: request.id, plan };
    return { id: request.id, ok: true, plan: toPlanView(plan) };
  } catch (error) {
    // The engine promises not to throw; if it does anyway, the page says so and keeps the text.
    return { id: request.id, ok: false, error: describeError(error) };
  }
}

export function computeDiff(request: DiffRequest): DiffResponse {
  if (latest === null || latest.id !== request.planId) return { diffId: request.diffId, diff: null };
  try {
    const step = latest.plan.steps.find((s) => s.id === request.stepId);
    // An offered step changes nothing itself: what the page shows for it is the change Apply would make.
    return { diffId: request.diffId, diff: step === undefined ? null : step.preview === null ? step.diff : step.preview.diff };
  } catch (error) {
    // jsdiff is not expected to throw; if it does, the step shows no plain diff rather than breaking.
    console.warn(`diff of ${request.stepId} failed: ${describeError(error)}`);
    return { diffId: request.diffId, diff: null };
  }
}
