// The project's files, as the engine takes them: the Dockerfile, each requirements file at its path, the
// project files (pyproject.toml, locks) and the .dockerignore. A name moves to its editor; requirements and
// project files can be renamed or removed. "Open files…" and a drop onto the page read files in the
// browser; what the engine does not read is listed as not used (and never read).
import { useId, useRef, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { snapshotOf } from "../../state/autosave";
import { EMPTY_PROJECT, pathProblem } from "../../state/project-files";
import { useAppStore } from "../../state/store";
import { projectEditorName, requirementsEditorName, revealInEditor } from "../editor/editor-registry";
import { importPicked } from "./import-files";
import { pickedFromFileList } from "./read-files";

/** Not-used names shown before "show all": a dropped folder can hold thousands. */
const UNUSED_SHOWN = 12;

interface Row {
  readonly path: string;
  readonly editor: string;
  readonly kind: "dockerfile" | "requirements" | "project" | "dockerignore";
  readonly lines: number;
}

function lineCount(text: string): number {
  return text === "" ? 0 : text.replace(/\n$/, "").split("\n").length;
}

/** Replace every text with empty editors, offering the old ones back (also used by "Start from your own"). */
export function clearProject(message: string): void {
  const store = useAppStore.getState();
  const before = snapshotOf(store);
  store.replaceProject(EMPTY_PROJECT);
  store.setImportReport(null);
  store.showNotice({ tone: "info", message, action: { label: "Bring back my text", run: () => { useAppStore.getState().restore(before); useAppStore.getState().showNotice(null); } } });
}

export function FileList() {
  const state = useAppStore(useShallow((s) => ({ dockerfile: s.dockerfile, requirements: s.requirements, projectFiles: s.projectFiles, dockerignore: s.dockerignore })));
  const report = useAppStore((s) => s.importReport);
  const picker = useRef<HTMLInputElement>(null);
  const ids = useId();
  const rows: Row[] = [
    { path: "Dockerfile", editor: "dockerfile", kind: "dockerfile", lines: lineCount(state.dockerfile) },
    ...state.requirements.map((f) => ({ path: f.path, editor: requirementsEditorName(f.path), kind: "requirements" as const, lines: lineCount(f.text) })),
    ...state.projectFiles.map((f) => ({ path: f.path, editor: projectEditorName(f.path), kind: "project" as const, lines: lineCount(f.text) })),
    { path: ".dockerignore", editor: "dockerignore", kind: "dockerignore", lines: lineCount(state.dockerignore ?? "") },
  ];
  return (
    <nav className="files" aria-labelledby={`${ids}-title`} data-testid="file-list">
      <div className="files__header">
        <h3 id={`${ids}-title`} className="files__title">Files</h3>
        <button type="button" data-testid="open-files" onClick={() => picker.current?.click()}>Open files…</button>
        <input ref={picker} type="file" multiple hidden data-testid="open-files-input" aria-label="Open files"
          onChange={(event) => {
            const list = event.target.files;
            if (list !== null) void importPicked(pickedFromFileList(list));
            event.target.value = "";
          }} />
        <button type="button" data-testid="clear-project" onClick={() => clearProject("Cleared every file.")}>Clear</button>
      </div>
      <ul className="files__list">
        {rows.map((row) => <FileRow key={`${row.kind}:${row.path}`} row={row} />)}
      </ul>
      <p className="hint">Drop a project folder or files onto the page, or open them: they are read here, nothing is uploaded. Only the files Whaleweight weighs are loaded.</p>
      {report !== null && (report.unused.length > 0 || report.refused.length > 0 || report.skippedFolders.length > 0) ? <NotUsed report={report} /> : null}
    </nav>
  );
}

function FileRow({ row }: { readonly row: Row }) {
  const [draft, setDraft] = useState<string | null>(null);
  const renamable = row.kind === "requirements" || row.kind === "project";
  const empty = row.kind === "dockerignore" && row.lines === 0;
  return (
    <li className="files__item" data-testid="file-row" data-path={row.path} data-kind={row.kind}>
      {draft === null ? (
        <>
          <button type="button" className="link-button files__name" data-testid="file-open" onClick={() => revealInEditor(row.editor, 1, 1)}>{row.path}</button>
          <span className="muted files__meta">{empty ? "none" : `${row.lines} ${row.lines === 1 ? "line" : "lines"}`}</span>
          {renamable ? (
            <span className="files__actions">
              <button type="button" className="link-button" data-testid="file-rename" aria-label={`Rename ${row.path}`} onClick={() => setDraft(row.path)}>Rename</button>
              <button type="button" className="link-button" data-testid="file-remove" aria-label={`Remove ${row.path}`} onClick={() => {
                const store = useAppStore.getState();
                if (row.kind === "project") store.removeProjectFile(row.path);
                else store.removeRequirements(row.path);
              }}>Remove</button>
            </span>
          ) : null}
        </>
      ) : (
        <RenameForm from={row.path} draft={draft} setDraft={setDraft} />
      )}
    </li>
  );
}

function RenameForm({ from, draft, setDraft }: { readonly from: string; readonly draft: string; readonly setDraft: (d: string | null) => void }) {
  const project = useAppStore(useShallow((s) => ({ dockerfile: s.dockerfile, requirements: s.requirements, projectFiles: s.projectFiles, dockerignore: s.dockerignore })));
  const problem = draft === from ? null : pathProblem(project, draft, from);
  const ids = useId();
  return (
    <form className="files__rename" onSubmit={(event) => {
      event.preventDefault();
      if (problem !== null) return;
      if (draft !== from) useAppStore.getState().renameFile(from, draft);
      setDraft(null);
    }}>
      <label htmlFor={`${ids}-path`} className="visually-hidden">New path of {from}</label>
      <input id={`${ids}-path`} data-testid="file-rename-input" value={draft} autoFocus size={24} aria-invalid={problem !== null} aria-describedby={`${ids}-problem`}
        onChange={(event) => setDraft(event.target.value)} onKeyDown={(event) => { if (event.key === "Escape") setDraft(null); }} />
      <button type="submit" data-testid="file-rename-save" disabled={problem !== null}>Rename</button>
      <button type="button" className="link-button" onClick={() => setDraft(null)}>Cancel</button>
      <span id={`${ids}-problem`} className="field__error" role="status">{problem ?? ""}</span>
    </form>
  );
}

function NotUsed({ report }: { readonly report: NonNullable<ReturnType<typeof useAppStore.getState>["importReport"]> }) {
  const [all, setAll] = useState(false);
  const shown = all ? report.unused : report.unused.slice(0, UNUSED_SHOWN);
  return (
    <div className="files__unused" data-testid="files-not-used">
      {report.refused.length > 0 ? (
        <>
          <h4 className="files__subtitle">Left out</h4>
          <ul>{report.refused.map((r) => <li key={r.path} data-testid="file-refused"><code>{r.path}</code>: {r.reason}</li>)}</ul>
        </>
      ) : null}
      {report.unused.length > 0 || report.skippedFolders.length > 0 ? (
        <>
          <h4 className="files__subtitle">Not used (not loaded)</h4>
          <ul>
            {shown.map((path) => <li key={path} data-testid="file-not-used"><code>{path}</code></li>)}
            {report.skippedFolders.map((path) => <li key={path} data-testid="folder-skipped"><code>{path}</code> <span className="muted">(folder not read)</span></li>)}
          </ul>
          {report.unused.length > UNUSED_SHOWN && !all ? <button type="button" className="link-button" onClick={() => setAll(true)}>Show all {report.unused.length}</button> : null}
        </>
      ) : null}
      <button type="button" className="link-button" onClick={() => useAppStore.getState().setImportReport(null)}>Hide this list</button>
    </div>
  );
}
