// What the selected step changed: Monaco's diff editor per changed file once Monaco has loaded, and the
// unified diff as plain text before that (and always, folded, for copying and screen readers).
import { useEffect, useRef } from "react";
import type * as MonacoApi from "monaco-editor/editor/editor.api";
import type { PlanTexts } from "../../engine/plan/texts";
import type { Monaco } from "../editor/monaco";
import { useMonacoIfLoaded } from "../editor/use-monaco";
import { useResolvedTheme } from "../theme";

/** Longer diffs are cut in the plain view: a 1 MB paste must not become a 1 MB <pre> per render. */
const MAX_PLAIN_CHARS = 100_000;
/** Rows of diff shown before the editor scrolls (px per row at 13 px font). */
const MAX_ROWS = 24;
const ROW_PX = 19;

interface ChangedFile {
  readonly name: string;
  readonly language: "dockerfile" | "plaintext";
  readonly before: string;
  readonly after: string;
}

export function changedFiles(before: PlanTexts, after: PlanTexts): ChangedFile[] {
  const files: ChangedFile[] = [];
  if (before.dockerfile !== after.dockerfile) files.push({ name: "Dockerfile", language: "dockerfile", before: before.dockerfile, after: after.dockerfile });
  if (before.dockerignore !== after.dockerignore) files.push({ name: ".dockerignore", language: "plaintext", before: before.dockerignore ?? "", after: after.dockerignore ?? "" });
  for (const file of after.requirements) {
    const old = before.requirements.find((r) => r.path === file.path)?.text ?? "";
    if (old !== file.text) files.push({ name: file.path, language: "plaintext", before: old, after: file.text });
  }
  return files;
}

export function DiffView({ diff, before, after, same = "This step changes nothing.", testId = "diff" }: {
  /** null while the diff is being computed (use-step-diff.ts). */
  readonly diff: string | null; readonly before: PlanTexts | null; readonly after: PlanTexts; readonly same?: string;
  /** Prefix of the test ids: the step's diff and the result's comparison are on the page together. */
  readonly testId?: string;
}) {
  const monaco = useMonacoIfLoaded();
  const theme = useResolvedTheme();
  if (before === null || diff === "") {
    return <p className="hint" data-testid={`${testId}-empty`}>{before === null ? "Your Dockerfile as written: later steps show what they change." : same}</p>;
  }
  if (diff === null) return <p className="hint" data-testid={`${testId}-loading`}>Working out the changes…</p>;
  const plain = diff.length > MAX_PLAIN_CHARS ? `${diff.slice(0, MAX_PLAIN_CHARS)}\n… (diff cut at ${MAX_PLAIN_CHARS.toLocaleString("en")} characters)` : diff;
  const pre = <pre className="diff" data-testid={`${testId}-text`}>{plain.split("\n").map((line, i) => <span key={i} className={diffLineClass(line)}>{line}{"\n"}</span>)}</pre>;
  if (monaco === null) return <div data-testid={testId}>{pre}</div>;
  return (
    <div data-testid={testId}>
      {changedFiles(before, after).map((file) => <MonacoDiff key={file.name} monaco={monaco} file={file} theme={theme} />)}
      <details className="diff__plain">
        <summary>Unified diff (text)</summary>
        {pre}
      </details>
    </div>
  );
}

function diffLineClass(line: string): string | undefined {
  if (line.startsWith("+++") || line.startsWith("---")) return "diff__file";
  if (line.startsWith("+")) return "diff__add";
  if (line.startsWith("-")) return "diff__del";
  if (line.startsWith("@@")) return "diff__hunk";
  return undefined;
}

function MonacoDiff({ monaco, file, theme }: { readonly monaco: Monaco; readonly file: ChangedFile; readonly theme: "light" | "dark" }) {
  const host = useRef<HTMLDivElement>(null);
  const models = useRef<{ original: MonacoApi.editor.ITextModel; modified: MonacoApi.editor.ITextModel } | null>(null);
  // The editor and its two models live and die together; later texts are set into the same models, so
  // a diff being computed never refers to a disposed model.
  const initial = useRef(file);
  useEffect(() => {
    if (host.current === null) return undefined;
    const editor = monaco.editor.createDiffEditor(host.current, {
      readOnly: true, originalEditable: false, automaticLayout: true, renderSideBySide: false, minimap: { enabled: false },
      scrollBeyondLastLine: false, fontSize: 13, lineNumbersMinChars: 3, renderOverviewRuler: false,
      ariaLabel: `Changes to ${initial.current.name}`,
    });
    // Each side's hidden text input needs its own name (axe: aria-input-field-name). Monaco 0.57 drops
    // the diff editor's originalAriaLabel/modifiedAriaLabel when it re-derives the inner editors' options,
    // so the names are set on the inner editors themselves.
    editor.getOriginalEditor().updateOptions({ ariaLabel: `${initial.current.name} before the change` });
    editor.getModifiedEditor().updateOptions({ ariaLabel: `${initial.current.name} after the change` });
    const pair = {
      original: monaco.editor.createModel(initial.current.before, initial.current.language),
      modified: monaco.editor.createModel(initial.current.after, initial.current.language),
    };
    editor.setModel(pair);
    models.current = pair;
    return () => {
      models.current = null;
      editor.dispose();
      pair.original.dispose();
      pair.modified.dispose();
    };
  }, [monaco]);
  // Keyed on the texts, not the file object (a new one per plan): a plan that leaves this file's texts as
  // they were costs no getValue() copy of both sides.
  const { before, after } = file;
  useEffect(() => {
    const pair = models.current;
    if (pair === null) return;
    if (pair.original.getValue() !== before) pair.original.setValue(before);
    if (pair.modified.getValue() !== after) pair.modified.setValue(after);
  }, [before, after]);
  useEffect(() => {
    monaco.editor.setTheme(theme === "dark" ? "vs-dark" : "vs");
  }, [monaco, theme]);
  const rows = Math.min(MAX_ROWS, Math.max(file.before.split("\n").length, file.after.split("\n").length) + 2);
  return (
    <div className="diff__file-block">
      <h4 className="diff__name">{file.name}</h4>
      <div ref={host} className="diff__monaco" style={{ height: rows * ROW_PX + 8 }} />
    </div>
  );
}
