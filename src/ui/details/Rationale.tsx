// Why the step, with its numbers: the engine's rationale, the rebuild cost, and every warning and
// assumption the estimate rests on (DESIGN §1: every number can be traced).
import type { StepView } from "../../worker/plan-view";
import { formatBytes } from "../../engine/format";

export function Rationale({ step }: { readonly step: StepView }) {
  const { estimate } = step;
  return (
    <div className="rationale" data-testid="rationale">
      <p data-testid="rationale-text">{step.rationale}</p>
      <p>
        A change to your source alone rebuilds {formatBytes(estimate.rebuild.bytes)}
        {estimate.rebuild.fromLine === null ? "" : ` from line ${estimate.rebuild.fromLine}`}
        {estimate.rebuild.reinstallsPackages ? ", and reinstalls every Python package." : "; the packages stay cached."}
      </p>
      {estimate.warnings.length > 0 ? (
        <>
          <h4>Warnings</h4>
          <ul className="rationale__warnings">
            {estimate.warnings.map((w) => <li key={`${w.code}:${w.line ?? ""}`}>{w.line === null ? "" : `Line ${w.line}: `}{w.message}</li>)}
          </ul>
        </>
      ) : null}
      {estimate.assumptions.length > 0 ? (
        <details className="rationale__assumptions">
          <summary>Assumptions behind these numbers ({estimate.assumptions.length})</summary>
          <ul>
            {estimate.assumptions.map((a) => <li key={`${a.id}:${a.line ?? ""}`}>{a.line === null ? "" : `Line ${a.line}: `}{a.text}</li>)}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
