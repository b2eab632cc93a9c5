// Right-hand side: the steps, the chart, the selected step's details and the result, all derived from the
// plan — or, when the input gives no image to weigh, what is wrong with it (and no numbers).
import { lazy, Suspense, useCallback, useMemo } from "react";
import { formatBytes } from "../engine/format";
import { planAnyway, planSnapshot, usePlan } from "../state/plan-client";
import { selectedStepOf, useSelectedStep } from "../state/selectors";
import { useAppStore } from "../state/store";
import { planProblem, type PlanProblem } from "./details/plan-problem";
import { CopyMarkdown } from "./details/CopyMarkdown";
import { ResultActions } from "./details/ResultActions";
import { StepDetails } from "./details/StepDetails";
import { editorNameFor, revealInEditor } from "./editor/editor-registry";
import { useAfterPaint } from "./after-paint";
import { loadedSizeChart, loadSizeChart } from "./chart/load-size-chart";
import { ResultPane } from "./result/ResultPane";
import { StepList } from "./steps/StepList";

// Its chunk is requested at start-up (main.tsx), beside the plan, not after it: see load-size-chart.ts.
// Lazy only while the chunk is still on its way; once loaded, rendered as is (no suspended first render).
const LazySizeChart = lazy(() => loadSizeChart().then((m) => ({ default: m.SizeChart })));

export function AnalysisPanel() {
  const { plan, pending, error, version, held, planId } = usePlan();
  // Whichever this render finds; the lazy one is rendered only if the plan beats the chunk (then, once,
  // the loaded one replaces it at a later render).
  const SizeChart = loadedSizeChart()?.SizeChart ?? LazySizeChart;
  const selected = useSelectedStep();
  const selectStep = useAppStore((s) => s.selectStep);
  const final = plan?.steps[plan.steps.length - 1];
  const original = plan?.steps[0];
  // The problem is the planned text's (the texts the plan answers), so a keystroke alone renders nothing here.
  const problem = useMemo(() => (original === undefined ? null : planProblem(original.texts.dockerfile, original.estimate, original.diagnostics)), [original]);
  // The details and the result pane are not on the chart's path: a new plan reaches them after the chart
  // has painted (after-paint.ts).
  const later = useAfterPaint(useMemo(() => ({ plan, planId }), [plan, planId]));
  const selectedId = useAppStore((s) => s.selectedStep);
  const laterSelected = useMemo(() => selectedStepOf(later.plan, selectedId), [later.plan, selectedId]);
  // The same function for every plan (the chart is memoised): the step is looked up in the plan on screen.
  const onSelect = useCallback((index: number) => selectStep(planSnapshot().plan?.steps[index]?.id ?? null), [selectStep]);
  return (
    <div className="analysis" data-testid="analysis" data-pending={pending} data-plan-version={version} data-held={held}>
      {held ? (
        <div className="notice notice--error" role="alert" data-testid="plan-held">
          This text was not analysed: the page closed or crashed while analysing it last time, so it is shown
          without running the analysis again. Your text is unchanged.{" "}
          <button type="button" data-testid="plan-anyway" onClick={planAnyway}>Plan it anyway</button>
        </div>
      ) : null}
      {error === null ? null : (
        <div className="notice notice--error" role="alert" data-testid="plan-error">
          The analysis failed: {error}. Your text is unchanged; the last good result is shown.
        </div>
      )}
      {problem !== null ? <ProblemPanel problem={problem} pending={pending} /> : null}
      <div data-phone-pane="steps">
        {problem === null && final !== undefined && original !== undefined ? (
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
        {problem === null ? <StepList /> : null}
        {plan !== null && problem === null ? (
          <section className="panel" aria-labelledby="chart-heading">
            <h2 id="chart-heading" className="panel__title">Size at each step</h2>
            <Suspense fallback={<p className="hint" data-testid="chart-loading">Loading the chart…</p>}>
              <SizeChart steps={plan.steps} selectedIndex={selected?.index ?? 0} onSelect={onSelect} />
            </Suspense>
          </section>
        ) : null}
      </div>
      <div data-phone-pane="result">
        {laterSelected !== null && problem === null ? <StepDetails selected={laterSelected} planId={later.planId} /> : null}
        {later.plan !== null && problem === null ? <ResultPane steps={later.plan.steps} /> : null}
      </div>
    </div>
  );
}

/** The input's problem where the result would be: what, where (a link to the line), and no numbers. */
function ProblemPanel({ problem, pending }: { readonly problem: PlanProblem; readonly pending: boolean }) {
  return (
    <section className={`panel result-problem${problem.diagnostics.length === 0 ? " result-problem--empty" : ""}`} aria-labelledby="problem-heading" data-testid="result-problem" role="status">
      <h2 id="problem-heading" className="panel__title">{problem.title}</h2>
      <p>{problem.detail}{pending ? <span className="muted"> Updating…</span> : null}</p>
      {problem.diagnostics.length > 0 ? (
        <ul className="result-problem__list">
          {problem.diagnostics.map((d, i) => (
            <li key={`${d.code}:${d.line}:${i}`} data-testid="result-problem-item">
              <button type="button" className="link-button problems__where" onClick={() => revealInEditor(editorNameFor(d.file, []), d.line, d.column)}>
                Dockerfile:{d.line}:{d.column}
              </button>{" "}
              {d.message}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
