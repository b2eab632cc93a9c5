// The selected step's unified diff, asked of the worker when the step is shown (plan-view.ts: the plan's
// answer carries no diffs, so a keystroke never diffs the steps nobody looks at). While a newer plan's
// diff is on its way, the last one of the same step stays on screen (marked not fresh) rather than
// blinking to a placeholder at every keystroke.
import { useEffect, useState } from "react";
import { stepDiff } from "../../state/plan-client";
import type { StepView } from "../../worker/plan-view";
import { changedFiles } from "./DiffView";

export interface StepDiff {
  /** The unified diff ("" when the step changes nothing), or null before the first answer. */
  readonly diff: string | null;
  /** True when `diff` is the one of this very plan. */
  readonly fresh: boolean;
}

/** For an offered step (one with a preview) the diff asked for is the one Apply would make: from the step's
 *  texts to the preview's (compute-plan.ts computeDiff answers with it). */
export function useStepDiff(planId: number, step: StepView, previous: StepView | null): StepDiff {
  const before = step.preview === null ? (previous?.texts ?? null) : step.texts;
  const after = step.preview === null ? step.texts : step.preview.texts;
  // Same texts, no diff to ask for (engine/plan/diff.ts compares the same files the same way).
  const unchanged = before === null || changedFiles(before, after).length === 0;
  const key = unchanged ? null : `${planId}:${step.id}`;
  const [answer, setAnswer] = useState<{ readonly key: string; readonly stepId: string; readonly diff: string } | null>(null);
  useEffect(() => {
    if (key === null) return undefined;
    let live = true;
    void stepDiff(planId, step.id).then((diff) => {
      // null: that plan was superseded; the next render asks the newer one.
      if (live && diff !== null) setAnswer({ key, stepId: step.id, diff });
    });
    return () => {
      live = false;
    };
  }, [key, planId, step.id]);
  if (key === null) return { diff: "", fresh: true };
  if (answer?.key === key) return { diff: answer.diff, fresh: true };
  return { diff: answer?.stepId === step.id ? answer.diff : null, fresh: false };
}
