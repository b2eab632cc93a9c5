// What the page needs of a plan, as plain structured-clonable data: the plan minus the parsed models
// (which the UI never reads and which would cost a deep copy per step on every keystroke).
import type { Diagnostic } from "../engine/diagnostics";
import type { ImageEstimate } from "../engine/estimate/types";
import type { Plan, PlanStep } from "../engine/plan/plan";

/** A plan step with the estimate and diagnostics lifted out of its analysis, and no parsed model. */
export type StepView = Omit<PlanStep, "analysis"> & {
  readonly estimate: ImageEstimate;
  readonly diagnostics: readonly Diagnostic[];
};

/** The plan with its steps as views (findings, faults and notice as the plan has them). */
export type PlanView = Omit<Plan, "steps"> & { readonly steps: readonly StepView[] };

export function toPlanView(plan: Plan): PlanView {
  return { steps: plan.steps.map(toStepView), findings: plan.findings, faults: plan.faults, notice: plan.notice };
}

function toStepView({ analysis, preview, ...step }: PlanStep): StepView {
  // The preview's diff is a lazy getter: spreading it makes plain data (the diff computed here, in the worker).
  return { ...step, preview: preview === null ? null : { ...preview }, estimate: analysis.estimate, diagnostics: analysis.diagnostics };
}
