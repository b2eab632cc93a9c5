// Why the step, with its numbers: the engine's rationale, the rebuild cost, and every warning and
// assumption the estimate rests on (DESIGN §1: every number can be traced).
import type { StepView } from "../../worker/plan-view";
import { formatBytes } from "../../engine/format";
import { useAppStore } from "../../state/store";
import { requirementsEditorName, revealInEditor, revealWhenReady } from "../editor/editor-registry";
import { missingRequirementsPath } from "../files/missing-file";
import { LineLink } from "./LineLink";

export function Rationale({ step }: { readonly step: StepView }) {
  const { estimate } = step;
  // Lines point into the editor only while this step's Dockerfile is the editor's text.
  const linesInEditor = useAppStore((s) => s.dockerfile === step.texts.dockerfile);
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
            {estimate.warnings.map((w) => {
              const missing = missingRequirementsPath(w);
              return (
                <li key={`${w.code}:${w.line ?? ""}`} data-testid="warning" data-code={w.code}>
                  {w.line === null ? "" : <><LineLink line={w.line} inEditor={linesInEditor} />: </>}{w.message}
                  {missing === null ? null : <>{" "}<AddFileButton path={missing} /></>}
                </li>
              );
            })}
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

/** Adds the requirements file a warning asks for, and puts the cursor in its (empty) editor. */
function AddFileButton({ path }: { readonly path: string }) {
  const exists = useAppStore((s) => s.requirements.some((f) => f.path === path) || s.projectFiles.some((f) => f.path === path));
  if (exists) return <button type="button" className="link-button" onClick={() => revealInEditor(requirementsEditorName(path), 1, 1)}>Go to {path}</button>;
  return (
    <button type="button" data-testid="add-missing-file" onClick={() => {
      useAppStore.getState().setRequirements(path, "");
      revealWhenReady(requirementsEditorName(path), 1, 1);
    }}>Add {path}</button>
  );
}
