// The selected step in full: how sure its numbers are, what would fail to build, its rationale, its diff
// against the step before (for an offered step, the diff it would apply: a preview), asked of the worker
// when shown (use-step-diff.ts), and its layers.
import { memo } from "react";
import { formatBytes } from "../../engine/format";
import type { SelectedStep } from "../../state/selectors";
import { useAppStore } from "../../state/store";
import { ifAppliedText, stepStatusLabel } from "../labels";
import { BuildCheckList } from "./BuildCheckList";
import { Confidence } from "./Confidence";
import { DiffView } from "./DiffView";
import { LayerTable } from "./LayerTable";
import { Rationale } from "./Rationale";
import { useStepDiff } from "./use-step-diff";

/** Memoised: it renders when its step or plan changes, not when `pending` flips at a keystroke. */
export const StepDetails = memo(function StepDetails({ selected, planId }: { readonly selected: SelectedStep; readonly planId: number }) {
  const { step, index, previous } = selected;
  const linesInEditor = useAppStore((s) => s.dockerfile === step.texts.dockerfile);
  const { diff, fresh } = useStepDiff(planId, step, previous);
  return (
    <section className="panel" aria-labelledby="details-heading" data-testid="step-details" data-step-id={step.id} data-diff={fresh ? "ready" : "loading"}>
      <h2 id="details-heading" className="panel__title">
        {index === 0 ? "Your Dockerfile" : `Step ${index}: ${step.title}`}{" "}
        <span className="muted">({stepStatusLabel(step)}; {formatBytes(step.estimate.totalBytes)} on disk, {formatBytes(step.estimate.compressedBytes)} to pull{step.preview === null ? "" : ` without it, ${ifAppliedText(step) ?? ""}`})</span>
      </h2>
      <Confidence estimate={step.estimate} />
      <BuildCheckList findings={step.estimate.buildCheck} />
      <Rationale step={step} />
      {step.preview === null ? (
        <>
          <h3 className="panel__subtitle">Changes</h3>
          <DiffView diff={diff} before={previous?.texts ?? null} after={step.texts} />
        </>
      ) : (
        // Offered: nothing changed yet, so the step's own diff is empty; what Apply would change is shown
        // instead, labelled as a preview, with the sizes it would give (the rest of the page is without it).
        <div className="preview" data-testid="preview">
          <h3 className="panel__subtitle">If applied <span className="preview__badge">preview</span></h3>
          <p className="hint" data-testid="preview-note">
            Not applied: the plan goes on without this change, and the sizes, chart and layers show the image without it.
            With it: {formatBytes(step.preview.totalBytes)} on disk, {formatBytes(step.preview.compressedBytes)} to pull. Pick Apply to use it.
          </p>
          <DiffView diff={diff} before={step.texts} after={step.preview.texts} same="Applying it changes no text." testId="preview-diff" />
        </div>
      )}
      <h3 className="panel__subtitle">Layers</h3>
      <LayerTable layers={step.estimate.layers} caption="Layers of the final image, base first" testId="layer-table" linesInEditor={linesInEditor} />
      <LayerTable layers={step.estimate.buildLayers} caption="Build-stage layers (not in the final image)" testId="build-layer-table" linesInEditor={linesInEditor} />
    </section>
  );
});
