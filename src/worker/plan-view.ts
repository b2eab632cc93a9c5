// What the page needs of a plan, as plain structured-clonable data: the plan minus the parsed models
// (which the UI never reads and which would cost a deep copy per step on every keystroke) and minus the
// steps' diffs. A step's diff is a getter that runs jsdiff when first read (engine/plan/plan.ts): copying
// it into the view would diff every step on every keystroke, for the one step the page shows. The page
// asks for that one when it shows it (protocol.ts DiffRequest).
import type { Diagnostic } from "../engine/diagnostics";
import type { ImageEstimate } from "../engine/estimate/types";
import type { Plan, PlanStep } from "../engine/plan/plan";
import type { StepPreview } from "../engine/plan/preview";

/** An offered step's preview without its diff (asked for when shown, as a step's diff is). */
export type PreviewView = Omit<StepPreview, "diff">;

/** A plan step with the estimate and diagnostics lifted out of its analysis, no parsed model, no diff. */
export type StepView = Omit<PlanStep, "analysis" | "diff" | "preview"> & {
  readonly preview: PreviewView | null;
  readonly estimate: ImageEstimate;
  readonly diagnostics: readonly Diagnostic[];
};

/** The plan with its steps as views (findings, faults and notice as the plan has them). */
export type PlanView = Omit<Plan, "steps"> & { readonly steps: readonly StepView[] };

export function toPlanView(plan: Plan): PlanView {
  return { steps: plan.steps.map(toStepView), findings: plan.findings, faults: plan.faults, notice: plan.notice };
}

/** Field by field, never a spread: a spread reads every enumerable property, the lazy diff included. */
function toStepView(step: PlanStep): StepView {
  return {
    id: step.id, title: step.title, status: step.status, safety: step.safety, alternatives: step.alternatives,
    alternative: step.alternative, findings: step.findings, texts: step.texts, rationale: step.rationale,
    // An offered step's would-be texts and sizes; its diff, like every step's, is asked for when shown.
    preview: step.preview === null ? null : { texts: step.preview.texts, totalBytes: step.preview.totalBytes, compressedBytes: step.preview.compressedBytes },
    estimate: step.analysis.estimate, diagnostics: step.analysis.diagnostics,
  };
}
