// The plan's steps: select one to see its details; apply, skip or pick an alternative to change the plan.
// Each step shows the image size after it and the change it made.
import { memo, useEffect } from "react";
import { formatBytes, formatDelta } from "../../engine/format";
import type { Decision } from "../../engine/plan/plan";
import { usePlan } from "../../state/plan-client";
import { useSelectedStep } from "../../state/selectors";
import { useAppStore } from "../../state/store";
import type { StepView } from "../../worker/plan-view";
import { hasNoRewrite, ifAppliedText, safetyLabel, stepStatusLabel } from "../labels";

export function StepList() {
  const { plan, pending } = usePlan();
  const selected = useSelectedStep();
  const hasDecisions = useAppStore((s) => Object.keys(s.decisions).length > 0);
  const resetDecisions = useAppStore((s) => s.resetDecisions);
  const canUndo = useAppStore((s) => s.decisionHistory.length > 0);
  const undoDecision = useAppStore((s) => s.undoDecision);
  useUndoShortcut();
  if (plan === null) return <p className="hint" data-testid="steps-loading">Weighing your image…</p>;
  return (
    <section className="panel" aria-labelledby="steps-heading" aria-busy={pending}>
      <div className="panel__header">
        <h2 id="steps-heading" className="panel__title">Steps</h2>
        <span className="steps__actions">
          {canUndo ? <button type="button" className="link-button" data-testid="undo-decision" onClick={undoDecision} title="Undo the last decision (Ctrl+Z outside the editors)">Undo</button> : null}
          {hasDecisions ? <button type="button" className="link-button" data-testid="reset-decisions" onClick={resetDecisions}>Apply every step again</button> : null}
        </span>
      </div>
      {plan.notice !== null ? <p className="notice notice--info" data-testid="plan-notice">{plan.notice}</p> : null}
      {plan.steps.length === 1 && plan.notice === null ? (
        <p className="hint" data-testid="no-steps">No rewrite to propose: nothing found that makes this image smaller.</p>
      ) : null}
      {plan.faults.length > 0 ? (
        <div className="notice notice--error notice--list" role="alert" data-testid="plan-faults">
          <span>Some checks failed on this text and were left out (please report it with the Dockerfile):</span>
          <ul>{plan.faults.map((fault) => <li key={fault}>{fault}</li>)}</ul>
        </div>
      ) : null}
      <ol className="steps" data-testid="steps">
        {plan.steps.map((step, index) => (
          <StepRow key={step.id} step={step} index={index} previous={plan.steps[index - 1] ?? null} selected={selected?.step.id === step.id} />
        ))}
      </ol>
    </section>
  );
}

interface StepRowProps {
  readonly step: StepView;
  readonly index: number;
  readonly previous: StepView | null;
  readonly selected: boolean;
}

/** Memoised: a keystroke flips the list's `pending`, which must not render every row again. */
const StepRow = memo(function StepRow({ step, index, previous, selected }: StepRowProps) {
  const selectStep = useAppStore((s) => s.selectStep);
  const decide = useAppStore((s) => s.decide);
  const delta = previous === null ? null : step.estimate.totalBytes - previous.estimate.totalBytes;
  // A finding with no rewrite has nothing to apply or skip: it shows its reason instead.
  const decidable = step.status !== "original" && !hasNoRewrite(step);
  const choose = (decision: Decision) => {
    // A fix to review may be offered when undecided (engine defaultActionOf), so its apply is kept; the
    // seed path's base variant is one applied by default anyway, which only lengthens the link by a rule.
    decide(step.id, decision, step.safety !== "safe");
    selectStep(step.id);
  };
  return (
    <li className={`step step--${step.status}${decidable || step.status === "original" ? "" : " step--manual"}${selected ? " step--selected" : ""}`} data-testid="step" data-step-id={step.id} data-status={step.status}>
      <button type="button" className="step__select" aria-current={selected ? "step" : undefined} data-testid="step-select"
        onClick={() => selectStep(step.id)}>
        <span className="step__index">{index}</span>
        <span className="step__title">{step.title}</span>
        <span className="step__size" data-testid="step-size">{formatBytes(step.estimate.totalBytes)}</span>
        <span className={`step__delta${delta !== null && delta < 0 ? " step__delta--down" : ""}`} data-testid="step-delta">
          {delta === null ? "" : formatDelta(delta)}
        </span>
        <span className="step__status" data-testid="step-status">{stepStatusLabel(step)}{safetyLabel(step) === null ? "" : ` · ${safetyLabel(step) ?? ""}`}</span>
      </button>
      {step.status === "failed" ? <p className="step__reason" data-testid="step-reason">{step.rationale}</p> : null}
      {step.preview !== null ? (
        // The size in the row is the image without the offer (the plan goes on without it): the would-be
        // size is said here and shown with its diff in the step's details, never in the row's numbers.
        <p className="step__reason" data-testid="step-if-applied">
          Size shown without it; {ifAppliedText(step)}, shown with its diff in the details.
        </p>
      ) : null}
      {decidable ? (
        <div className="step__controls" role="group" aria-label={`Decision for ${step.title}`}>
          <button type="button" data-testid="step-apply" aria-pressed={step.status === "applied"} onClick={() => choose({ action: "apply" })}>Apply</button>
          <button type="button" data-testid="step-skip" aria-pressed={step.status === "skipped"} onClick={() => choose({ action: "skip" })}>Skip</button>
          {step.alternatives.length > 1 ? (
            <label className="step__alternative">
              <span className="visually-hidden">Alternative for {step.title}</span>
              <select data-testid="step-alternative" value={step.alternative ?? step.alternatives[0]?.id ?? ""}
                onChange={(event) => {
                  const index = step.alternatives.findIndex((a) => a.id === event.target.value);
                  choose(index <= 0 ? { action: "apply" } : { action: "apply", alternative: event.target.value });
                }}>
                {step.alternatives.map((a) => <option key={a.id} value={a.id}>{a.title}</option>)}
              </select>
            </label>
          ) : null}
        </div>
      ) : null}
    </li>
  );
});

/** Ctrl+Z (⌘Z) outside the editors and fields undoes the last decision; inside them it undoes typing, as ever. */
function useUndoShortcut(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== "z" || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return;
      const target = event.target;
      if (target instanceof HTMLElement && (target.isContentEditable || target.closest("input, textarea, select, .monaco-editor") !== null)) return;
      if (useAppStore.getState().decisionHistory.length === 0) return;
      event.preventDefault();
      useAppStore.getState().undoDecision();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
