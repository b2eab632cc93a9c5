// One text input: a plain <textarea> at once (the text is visible and editable before any editor code
// arrives), replaced by Monaco when it loads and kept if Monaco fails. The store owns the text; Monaco
// reports edits up and is told about outside changes (an example, a restore) without losing its undo.
import { useEffect, useRef, type ReactNode } from "react";
import type * as MonacoApi from "monaco-editor/editor/editor.api";
import { offsetOf, registerEditor } from "./editor-registry";
import type { InlineHint } from "./inline-sizes";
import type { MarkerData } from "./markers";
import type { Monaco } from "./monaco";
import { wantMonaco } from "./use-monaco";
import { isTabModeShortcut, setTabIndents, tabIndents, useTabIndents } from "./tab-indent";

export interface CodeEditorProps {
  /** Used for the element ids and test ids, e.g. `dockerfile`. */
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly language: "dockerfile" | "plaintext";
  readonly markers: readonly MarkerData[];
  readonly monaco: Monaco | null;
  readonly theme: "light" | "dark";
  /** CSS height of the editing area. */
  readonly height: string;
  readonly placeholder?: string;
  /** Sizes shown at the end of lines (Monaco only: a text area cannot show them). */
  readonly hints?: readonly InlineHint[];
  /** Buttons beside the label (rename, remove). */
  readonly actions?: ReactNode;
}

const NO_HINTS: readonly InlineHint[] = [];

export function CodeEditor(props: CodeEditorProps) {
  const { name, label, monaco } = props;
  const id = `editor-${name}`;
  return (
    <div className="code-editor" data-testid={id} data-editor={monaco === null ? "plain" : "monaco"}>
      <div className="code-editor__header">
        <label className="code-editor__label" htmlFor={`${id}-input`} id={`${id}-label`}>{label}</label>
        {props.actions}
      </div>
      {monaco === null ? (
        <PlainEditor {...props} inputId={`${id}-input`} testId={`${id}-textarea`} />
      ) : (
        <MonacoEditor {...props} monaco={monaco} inputId={`${id}-input`} />
      )}
    </div>
  );
}

function PlainEditor({ name, value, onChange, height, placeholder, inputId, testId }: CodeEditorProps & { inputId: string; testId: string }) {
  const area = useRef<HTMLTextAreaElement>(null);
  const indents = useTabIndents();
  useEffect(() => registerEditor(name, {
    reveal: (line, column) => {
      const el = area.current;
      if (el === null) return;
      const offset = offsetOf(el.value, line, column);
      el.focus();
      el.setSelectionRange(offset, offset);
      // A text area scrolls to its caret only on input: scroll it by lines (the 19 px line-height of .code-editor__textarea).
      el.scrollTop = Math.max(0, (line - 3) * 19);
      el.scrollIntoView({ block: "nearest" });
    },
  }), [name]);
  return (
    <textarea
      ref={area}
      id={inputId}
      data-testid={testId}
      className="code-editor__textarea"
      style={{ height }}
      value={value}
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      placeholder={placeholder}
      onChange={(event) => onChange(event.target.value)}
      onFocus={wantMonaco}
      onKeyDown={(event) => {
        if (isTabModeShortcut(event)) {
          event.preventDefault();
          setTabIndents(!indents);
        } else if (indents && event.key === "Tab" && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey) {
          // Insert the tab as typing would (setRangeText keeps the caret), then tell the store.
          event.preventDefault();
          const el = event.currentTarget;
          el.setRangeText("\t", el.selectionStart, el.selectionEnd, "end");
          onChange(el.value);
        }
      }}
    />
  );
}

function MonacoEditor({ name, monaco, value, onChange, language, markers, theme, label, height, inputId, hints = NO_HINTS }: CodeEditorProps & { monaco: Monaco; inputId: string }) {
  const host = useRef<HTMLDivElement>(null);
  const indents = useTabIndents();
  const editorRef = useRef<MonacoApi.editor.IStandaloneCodeEditor | null>(null);
  /** The last text this editor reported, so its own echo from the store is not written back. */
  const emitted = useRef(value);
  const hintsRef = useRef<MonacoApi.editor.IEditorDecorationsCollection | null>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  // Create once per Monaco instance; the initial value is read from a ref-like snapshot on purpose.
  const initial = useRef({ value, language, label });
  useEffect(() => {
    if (host.current === null) return undefined;
    const model = monaco.editor.createModel(initial.current.value, initial.current.language);
    const editor = monaco.editor.create(host.current, {
      model,
      ariaLabel: initial.current.label,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      lineNumbersMinChars: 3,
      renderLineHighlight: "line",
      fixedOverflowWidgets: true,
      tabSize: 4,
      wordWrap: "off",
      // Tab moves the focus unless the user chose Tab-to-indent (tab-indent.ts); kept in step below.
      tabFocusMode: !tabIndents(),
    });
    // Monaco's own Ctrl+M flips a page-wide mode this page does not use; this one flips the user's choice,
    // on Monaco's keys for it: CtrlCmd+M (Ctrl+M; ⌘M on a Mac, which macOS may keep), and ⌃⇧M, the Mac's.
    const toggle = () => setTabIndents(!tabIndents());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyM, toggle);
    editor.addCommand(monaco.KeyMod.WinCtrl | monaco.KeyMod.Shift | monaco.KeyCode.KeyM, toggle);
    // Give the hidden input the id the <label> points at, so the label focuses the editor.
    editor.getDomNode()?.querySelector("textarea")?.setAttribute("id", inputId);
    editorRef.current = editor;
    const sub = editor.onDidChangeModelContent(() => {
      const text = editor.getValue();
      emitted.current = text;
      onChangeRef.current(text);
    });
    return () => {
      sub.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
      hintsRef.current = null;
    };
  }, [monaco, inputId]);

  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (editor === null || editor === undefined || model === null || model === undefined) return;
    if (value === emitted.current || value === model.getValue()) return;
    emitted.current = value;
    // An edit operation rather than setValue, so Ctrl+Z brings back what was there before.
    editor.pushUndoStop();
    editor.executeEdits("whaleweight", [{ range: model.getFullModelRange(), text: value }]);
    editor.pushUndoStop();
  }, [value]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model === null || model === undefined) return;
    monaco.editor.setModelMarkers(model, "whaleweight", markers.map((m) => ({ ...m })));
  }, [monaco, markers]);

  useEffect(() => {
    const editor = editorRef.current;
    if (editor === null) return undefined;
    return registerEditor(name, {
      reveal: (line, column) => {
        editor.setPosition({ lineNumber: line, column });
        editor.revealLineInCenterIfOutsideViewport(line);
        host.current?.scrollIntoView({ block: "nearest" });
        editor.focus();
      },
    });
  }, [monaco, name]);

  // The sizes after each line's text: injected text (an `after` decoration), which never becomes part of
  // the model, so it is not copied, saved or shared. Set when the plan brings new ones; between plans the
  // decorations move with the user's edits.
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (editor === null || editor === undefined || model === null || model === undefined) return;
    hintsRef.current ??= editor.createDecorationsCollection();
    const lines = model.getLineCount();
    hintsRef.current.set(hints.filter((h) => h.line <= lines).map((h) => {
      const end = model.getLineMaxColumn(h.line);
      return {
        // The whole line: `after` text goes at the range's end (an empty range would need showIfCollapsed).
        range: new monaco.Range(h.line, 1, h.line, end),
        options: { after: { content: `  ${h.text}`, inlineClassName: "inline-size", cursorStops: monaco.editor.InjectedTextCursorStops.None }, hoverMessage: { value: h.title } },
      };
    }));
  }, [monaco, hints]);

  useEffect(() => {
    editorRef.current?.updateOptions({ tabFocusMode: !indents });
  }, [indents]);

  useEffect(() => {
    monaco.editor.setTheme(theme === "dark" ? "vs-dark" : "vs");
  }, [monaco, theme]);

  return <div ref={host} className="code-editor__monaco" style={{ height }} />;
}
