// What the page needs of a plan, as plain structured-clonable data: the plan minus the parsed models
// (which the UI never reads and which would cost a deep copy per step on every keystroke).
import type { Diagnostic } from "../engine/diagnostics";
import type { ImageEstimate } from "../engine/estimate/types";
import type { Plan, PlanStep, StepStatus } from "../engine/plan/plan";
import type { PlanTexts } from "../engine/plan/texts";
import type { Finding } from "../engine/rules/types";

export interface StepView {
  /** `original` or the rule id (stable across recomputations: selections and decisions key on it). */
  readonly id: string;
  readonly title: string;
  readonly status: StepStatus;
  readonly alternatives: readonly { readonly id: string; readonly title: string }[];
  readonly alternative: string | null;
  readonly findings: readonly Finding[];
  readonly texts: PlanTexts;
  readonly estimate: ImageEstimate;
  readonly diagnostics: readonly Diagnostic[];
  readonly diff: string;
  readonly rationale: string;
}

export interface PlanView {
  readonly steps: readonly StepView[];
  /** Findings of every rule on the original texts: the editor's markers. */
  readonly findings: readonly Finding[];
  /** Rules that failed on these texts (left out of the plan): shown, never hidden. */
  readonly faults: readonly string[];
  /** Why the plan has fewer steps than the rules would give (a very large input), or null. */
  readonly notice: string | null;
}

export function toPlanView(plan: Plan): PlanView {
  return { steps: plan.steps.map(toStepView), findings: plan.findings, faults: plan.faults, notice: plan.notice };
}

function toStepView(step: PlanStep): StepView {
  return {
    id: step.id,
    title: step.title,
    status: step.status,
    alternatives: step.alternatives,
    alternative: step.alternative,
    findings: step.findings,
    texts: step.texts,
    estimate: step.analysis.estimate,
    diagnostics: step.analysis.diagnostics,
    diff: step.diff,
    rationale: step.rationale,
  };
}
