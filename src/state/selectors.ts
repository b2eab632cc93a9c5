// Reading the derived plan together with the selection: which step the details show, and its neighbour.
import type { StepView } from "../worker/plan-view";
import { usePlan } from "./plan-client";
import { useAppStore } from "./store";

export interface SelectedStep {
  readonly step: StepView;
  readonly index: number;
  /** The step before it (null for the original). */
  readonly previous: StepView | null;
}

/** The selected step, or the final one when nothing (or a step that no longer exists) is selected. */
export function useSelectedStep(): SelectedStep | null {
  const { plan } = usePlan();
  const selectedId = useAppStore((s) => s.selectedStep);
  if (plan === null || plan.steps.length === 0) return null;
  const found = selectedId === null ? -1 : plan.steps.findIndex((s) => s.id === selectedId);
  const index = found === -1 ? plan.steps.length - 1 : found;
  const step = plan.steps[index];
  if (step === undefined) return null;
  return { step, index, previous: plan.steps[index - 1] ?? null };
}
