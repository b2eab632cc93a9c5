// What an offered step would change (issue 10 leftover): a fix to review is checked like an applied one
// but the plan goes on from the unchanged texts, so the step's own `diff` is empty. Its preview keeps the
// rewrite the check produced — the would-be texts, their sizes, and the diff against the step's texts —
// so the user can see the change before picking Apply. The diff is computed when first read and capped,
// as an applied step's is (plan.ts withLazyDiff, diff.ts DIFF_MAX_EDIT_LENGTH).
import type { Analysis } from "../analyze";
import { diffTexts } from "./diff";
import type { PlanTexts } from "./texts";

export interface StepPreview {
  /** The texts if the step were applied (the plan's next steps do not start from them). */
  readonly texts: PlanTexts;
  /** Unified diff from the step's texts to `texts`: what applying it would change. Lazy, capped. */
  readonly diff: string;
  /** The would-be estimate's on-disk and pull sizes (the numbers the step's rationale quotes). */
  readonly totalBytes: number;
  readonly compressedBytes: number;
}

export function previewOf(before: PlanTexts, after: PlanTexts, analysis: Analysis): StepPreview {
  let diff: string | null = null;
  return Object.defineProperty({ texts: after, totalBytes: analysis.estimate.totalBytes, compressedBytes: analysis.estimate.compressedBytes }, "diff", {
    enumerable: true,
    get: () => (diff ??= diffTexts(before, after)),
  }) as StepPreview;
}
