// Right-hand side: the steps, the chart and the selected step's details, all derived from the plan.
import { lazy, Suspense } from "react";
import { formatBytes } from "../engine/format";
import { usePlan } from "../state/plan-client";
import { useSelectedStep } from "../state/selectors";
import { useAppStore } from "../state/store";
import { CopyMarkdown } from "./details/CopyMarkdown";
import { ResultActions } from "./details/ResultActions";
import { StepDetails } from "./details/StepDetails";
import { StepList } from "./steps/StepList";

const SizeChart = lazy(() => import("./chart/SizeChart").then((m) => ({ default: m.SizeChart })));

export function AnalysisPanel() {
  const { plan, pending, error, version } = usePlan();
  const selected = useSelectedStep();
  const selectStep = useAppStore((s) => s.selectStep);
  const final = plan?.steps[plan.steps.length - 1];
  const original = plan?.steps[0];
  return (
    <div className="analysis" data-testid="analysis" data-pending={pending} data-plan-version={version}>
      {error === null ? null : (
        <div className="notice notice--error" role="alert" data-testid="plan-error">
          The analysis failed: {error}. Your text is unchanged; the last good result is shown.
        </div>
      )}
      <div data-phone-pane="steps">
        {final !== undefined && original !== undefined ? (
          <section className="panel summary" aria-label="Summary" data-testid="summary">
            <p>
              <span className="summary__big" data-testid="summary-final">{formatBytes(final.estimate.totalBytes)}</span>{" "}
              on disk after {plan !== null && plan.steps.length > 1 ? `${plan.steps.length - 1} steps` : "no change"}
              {final.estimate.totalBytes !== original.estimate.totalBytes ? ` (was ${formatBytes(original.estimate.totalBytes)})` : ""},{" "}
              {formatBytes(final.estimate.compressedBytes)} to pull.
              {pending ? <span className="muted" role="status"> Updating…</span> : null}
            </p>
            <ResultActions texts={final.texts} />
            {plan === null ? null : <CopyMarkdown plan={plan} />}
          </section>
        ) : null}
        <StepList />
        {plan !== null ? (
          <section className="panel" aria-labelledby="chart-heading">
            <h2 id="chart-heading" className="panel__title">Size at each step</h2>
            <Suspense fallback={<p className="hint" data-testid="chart-loading">Loading the chart…</p>}>
              <SizeChart steps={plan.steps} selectedIndex={selected?.index ?? 0}
                onSelect={(index) => selectStep(plan.steps[index]?.id ?? null)} />
            </Suspense>
          </section>
        ) : null}
      </div>
      <div data-phone-pane="result">
        {selected !== null ? <StepDetails selected={selected} /> : null}
      </div>
    </div>
  );
}
