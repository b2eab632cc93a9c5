// One text input: a plain <textarea> at once (the text is visible and editable before any editor code
// arrives), replaced by Monaco when it loads and kept if Monaco fails. The store owns the text; Monaco
// reports edits up and is told about outside changes (an example, a restore) without losing its undo.
import { useEffect, useRef } from "react";
import type * as MonacoApi from "monaco-editor/editor/editor.api";
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
}

export function CodeEditor(props: CodeEditorProps) {
  const { name, label, value, onChange, monaco, height } = props;
  const id = `editor-${name}`;
  const indents = useTabIndents();
  return (
    <div className="code-editor" data-testid={id} data-editor={monaco === null ? "plain" : "monaco"}>
      <label className="code-editor__label" htmlFor={`${id}-input`} id={`${id}-label`}>{label}</label>
      {monaco === null ? (
        <textarea
          id={`${id}-input`}
          data-testid={`${id}-textarea`}
          className="code-editor__textarea"
          style={{ height }}
          value={value}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          placeholder={props.placeholder}
          onChange={(event) => onChange(event.target.value)}
          onFocus={wantMonaco}
          onKeyDown={(event) => {
            if (isTabModeShortcut(event)) {
              event.preventDefault();
              setTabIndents(!indents);
            } else if (indents && event.key === "Tab" && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey) {
              // Insert the tab as typing would (setRangeText keeps the caret), then tell the store.
              event.preventDefault();
              const area = event.currentTarget;
              area.setRangeText("\t", area.selectionStart, area.selectionEnd, "end");
              onChange(area.value);
            }
          }}
        />
      ) : (
        <MonacoEditor {...props} monaco={monaco} inputId={`${id}-input`} />
      )}
    </div>
  );
}

function MonacoEditor({ monaco, value, onChange, language, markers, theme, label, height, inputId }: CodeEditorProps & { monaco: Monaco; inputId: string }) {
  const host = useRef<HTMLDivElement>(null);
  const indents = useTabIndents();
  const editorRef = useRef<MonacoApi.editor.IStandaloneCodeEditor | null>(null);
  /** The last text this editor reported, so its own echo from the store is not written back. */
  const emitted = useRef(value);
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
    editorRef.current?.updateOptions({ tabFocusMode: !indents });
  }, [indents]);

  useEffect(() => {
    monaco.editor.setTheme(theme === "dark" ? "vs-dark" : "vs");
  }, [monaco, theme]);

  return <div ref={host} className="code-editor__monaco" style={{ height }} />;
}
