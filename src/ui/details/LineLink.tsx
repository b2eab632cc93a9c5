// "Line 4", as a link to that line of the Dockerfile editor when the line is in the editor's text (the
// original step, or a step that left the Dockerfile as written); plain text otherwise.
import { revealInEditor } from "../editor/editor-registry";

export function LineLink({ line, inEditor, label = `Line ${line}` }: { readonly line: number; readonly inEditor: boolean; readonly label?: string }) {
  if (!inEditor) return <span title="A line of this step's rewritten Dockerfile">{label}</span>;
  return (
    <button type="button" className="link-button line-link" data-testid="line-link" data-line={line} title={`Go to line ${line} of the Dockerfile`}
      onClick={() => revealInEditor("dockerfile", line, 1)}>{label}</button>
  );
}
