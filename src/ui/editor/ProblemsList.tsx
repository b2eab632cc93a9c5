// Findings and diagnostics as a list too: readable without Monaco (the plain editors have no markers)
// and by screen readers. Long lists are cut: a 1 MB paste can raise thousands.
import { memo } from "react";
import { diagnosticFilePath, type Diagnostic } from "../../engine/diagnostics";
import type { Finding } from "../../engine/rules/types";
import { editorNameFor, revealInEditor } from "./editor-registry";

/** Enough to act on; the rest are counted. */
const MAX_SHOWN = 50;

interface Problem {
  readonly key: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: "error" | "warning" | "info";
  readonly message: string;
  readonly code: string;
  /** The editor the problem is in (editor-registry names). */
  readonly editor: string;
}

function fileName(file: Diagnostic["file"]): string {
  return diagnosticFilePath(file);
}

/** Memoised: its inputs change with the plan, not with every keystroke that re-renders the editors. */
export const ProblemsList = memo(function ProblemsList({ findings, diagnostics, projectPaths }: { readonly findings: readonly Finding[]; readonly diagnostics: readonly Diagnostic[]; readonly projectPaths: readonly string[] }) {
  const problems: Problem[] = [
    ...diagnostics.map((d, i) => ({ key: `d${i}`, file: fileName(d.file), line: d.line, column: d.column, severity: d.severity, message: d.message, code: d.code, editor: editorNameFor(d.file, projectPaths) })),
    ...findings.map((f, i) => ({ key: `f${i}`, file: "Dockerfile", line: f.line, column: f.column, severity: f.severity, message: f.message, code: f.ruleId, editor: "dockerfile" })),
  ];
  if (problems.length === 0) return null;
  return (
    <details className="problems" data-testid="problems" open={problems.length <= 8}>
      <summary>{problems.length} {problems.length === 1 ? "finding" : "findings"} in your files</summary>
      <ul>
        {problems.slice(0, MAX_SHOWN).map((p) => (
          <li key={p.key} className={`problems__item problems__item--${p.severity}`}>
            <button type="button" className="link-button problems__where" data-testid="problem-goto" title={`Go to ${p.file} line ${p.line}`}
              onClick={() => revealInEditor(p.editor, p.line, p.column)}>{p.file}:{p.line}:{p.column}</button> {p.message} <code>{p.code}</code>
          </li>
        ))}
      </ul>
      {problems.length > MAX_SHOWN ? <p className="hint">…and {problems.length - MAX_SHOWN} more.</p> : null}
    </details>
  );
});
