// A diff between any two steps (by default: your Dockerfile against the final one). Loaded on its own
// chunk: the diff library is not needed before the user looks at the result.
import { useMemo, useState } from "react";
import { diffTexts } from "../../engine/plan/diff";
import type { PlanTexts } from "../../engine/plan/texts";
import type { StepView } from "../../worker/plan-view";
import { DiffView } from "../details/DiffView";

/** Texts longer than this (in all, both sides) are compared on request: jsdiff on the main thread takes
 *  seconds on a 1 MB paste, and the page must stay responsive while the user types. */
export const AUTO_COMPARE_CHARS = 200_000;

function stepLabel(step: StepView, index: number): string {
  return index === 0 ? "0 · Your Dockerfile" : `${index} · ${step.title}`;
}

function textLength(step: StepView): number {
  return step.texts.dockerfile.length + (step.texts.dockerignore?.length ?? 0) + step.texts.requirements.reduce((sum, f) => sum + f.text.length, 0);
}

/** The texts, as the same object while their content is the same. */
function useSameTexts(texts: PlanTexts | undefined): PlanTexts | undefined {
  const key = texts === undefined ? "" : JSON.stringify(texts);
  return useMemo(() => (key === "" ? undefined : (JSON.parse(key) as PlanTexts)), [key]);
}

export function StepCompare({ steps }: { readonly steps: readonly StepView[] }) {
  const [picked, setPicked] = useState<{ from: string | null; to: string | null }>({ from: null, to: null });
  const [forced, setForced] = useState(false);
  // A pick of a step that no longer exists (the plan changed) falls back to the default.
  const fromIndex = Math.max(0, steps.findIndex((s) => s.id === picked.from));
  const toFound = steps.findIndex((s) => s.id === picked.to);
  const toIndex = toFound === -1 ? steps.length - 1 : toFound;
  const from = steps[fromIndex];
  const to = steps[toIndex];
  const large = from !== undefined && to !== undefined && textLength(from) + textLength(to) > AUTO_COMPARE_CHARS;
  // Keyed on the texts' content: every plan brings new step objects (a keystroke's plan too), and jsdiff on
  // the main thread is worth skipping when the two texts compared are the ones already diffed.
  const fromTexts = useSameTexts(from?.texts);
  const toTexts = useSameTexts(to?.texts);
  const diff = useMemo(() => (fromTexts === undefined || toTexts === undefined || (large && !forced) ? null : diffTexts(fromTexts, toTexts)), [fromTexts, toTexts, large, forced]);
  if (from === undefined || to === undefined) return null;
  const select = (which: "from" | "to", value: string, testId: string, label: string) => (
    <label className="field">
      <span className="field__label">{label}</span>
      <select data-testid={testId} value={value} onChange={(event) => setPicked((p) => ({ ...p, [which]: event.target.value }))}>
        {steps.map((step, index) => <option key={step.id} value={step.id}>{stepLabel(step, index)}</option>)}
      </select>
    </label>
  );
  return (
    <div className="compare" data-testid="compare">
      <div className="compare__pick">
        {select("from", from.id, "compare-from", "Compare")}
        {select("to", to.id, "compare-to", "with")}
      </div>
      {diff === null ? (
        <button type="button" data-testid="compare-large" onClick={() => setForced(true)}>Compare these large files</button>
      ) : (
        <DiffView diff={diff} before={from.texts} after={to.texts} same={from.id === to.id ? "The same step on both sides." : "These two steps have the same files."} testId="compare-diff" />
      )}
    </div>
  );
}
