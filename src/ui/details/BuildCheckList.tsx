// The build check of the selected step (engine/verify): what would make `docker build` fail, or the
// built image fail to run, line by line in the check's own sentences. The same findings mark the
// editor (as `build-check/…` diagnostics) for the user's own text.
import type { BuildCheckFinding } from "../../engine/verify/types";

/** What a severity means to someone about to build. */
const SEVERITY_WORDS = { error: "fails", warning: "may fail" } as const;

export function BuildCheckList({ findings }: { readonly findings: readonly BuildCheckFinding[] }) {
  if (findings.length === 0) {
    return <p className="hint" data-testid="build-check-clean">Build check: nothing found that would fail to build or run.</p>;
  }
  return (
    <div className="build-check" data-testid="build-check">
      <h4>Build check: {findings.length} {findings.length === 1 ? "problem" : "problems"}</h4>
      <ul>
        {findings.map((f) => (
          <li key={`${f.code}|${f.subject}|${f.line}|${f.column}`} className={`build-check__item build-check__item--${f.severity}`}
            data-testid="build-check-finding" data-line={f.line} data-severity={f.severity}>
            <span className="build-check__severity">{SEVERITY_WORDS[f.severity]}</span> {sentence(f)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "Line 4 installs requirements.txt, …" as the check wrote it, or "Line 4: …" when it names no line. */
function sentence(finding: BuildCheckFinding): string {
  const prefix = `Line ${finding.line} `;
  return finding.message.startsWith(prefix) ? finding.message : `Line ${finding.line}: ${finding.message}`;
}
