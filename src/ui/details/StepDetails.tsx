// The selected step in full: how sure its numbers are, what would fail to build, its rationale, its diff
// against the step before (asked of the worker when shown: use-step-diff.ts), and its layers.
import { memo } from "react";
import { formatBytes } from "../../engine/format";
import type { SelectedStep } from "../../state/selectors";
import { useAppStore } from "../../state/store";
import { stepStatusLabel } from "../labels";
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
        <span className="muted">({stepStatusLabel(step)}; {formatBytes(step.estimate.totalBytes)} on disk, {formatBytes(step.estimate.compressedBytes)} to pull)</span>
      </h2>
      <Confidence estimate={step.estimate} />
      <BuildCheckList findings={step.estimate.buildCheck} />
      <Rationale step={step} />
      <h3 className="panel__subtitle">Changes</h3>
      <DiffView diff={diff} before={previous?.texts ?? null} after={step.texts} />
      <h3 className="panel__subtitle">Layers</h3>
      <LayerTable layers={step.estimate.layers} caption="Layers of the final image, base first" testId="layer-table" linesInEditor={linesInEditor} />
      <LayerTable layers={step.estimate.buildLayers} caption="Build-stage layers (not in the final image)" testId="build-layer-table" linesInEditor={linesInEditor} />
    </section>
  );
});
