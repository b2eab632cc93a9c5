// Reading the derived plan together with the selection: which step the details show, and its neighbour.
import type { PlanView, StepView } from "../worker/plan-view";
import { useMemo } from "react";
import { usePlanView } from "./plan-client";
import { useAppStore } from "./store";

export interface SelectedStep {
  readonly step: StepView;
  readonly index: number;
  /** The step before it (null for the original). */
  readonly previous: StepView | null;
}

/** The selected step, or the final one when nothing (or a step that no longer exists) is selected. */
export function useSelectedStep(): SelectedStep | null {
  const plan = usePlanView();
  const selectedId = useAppStore((s) => s.selectedStep);
  // One object per (plan, selection): memoised components given it do not render again for nothing.
  return useMemo(() => selectedStepOf(plan, selectedId), [plan, selectedId]);
}

/** The same for a given plan (one shown a frame late: ui/after-paint.ts). */
export function selectedStepOf(plan: PlanView | null, selectedId: string | null): SelectedStep | null {
  if (plan === null || plan.steps.length === 0) return null;
  const found = selectedId === null ? -1 : plan.steps.findIndex((s) => s.id === selectedId);
  const index = found === -1 ? plan.steps.length - 1 : found;
  const step = plan.steps[index];
  if (step === undefined) return null;
  return { step, index, previous: plan.steps[index - 1] ?? null };
}
