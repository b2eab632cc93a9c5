// Where each editor is, by name, so a finding, a warning or a layer row can move the user to its line.
// The editors register themselves (Monaco or the plain text area); the names are the ones their test ids use.
import type { DiagnosticFile } from "../../engine/diagnostics";

export interface EditorHandle {
  /** Put the cursor at a 1-based line and column, scroll it into view and focus the editor. */
  reveal(line: number, column: number): void;
}

const editors = new Map<string, EditorHandle>();

export function registerEditor(name: string, handle: EditorHandle): () => void {
  editors.set(name, handle);
  return () => {
    if (editors.get(name) === handle) editors.delete(name);
  };
}

/** Move to a line of an editor; false when there is no such editor (a file since removed). */
export function revealInEditor(name: string, line: number, column = 1): boolean {
  const handle = editors.get(name);
  if (handle === undefined) return false;
  handle.reveal(Math.max(1, line), Math.max(1, column));
  return true;
}

/** Tries for this long for an editor that is still being created (a file just added, Monaco mounting). */
const REVEAL_WAIT_MS = 2000;
const REVEAL_RETRY_MS = 50;

/** revealInEditor, once the editor exists: for an editor the same click has just added. */
export function revealWhenReady(name: string, line: number, column = 1): void {
  const started = Date.now();
  const attempt = () => {
    if (revealInEditor(name, line, column) || Date.now() - started > REVEAL_WAIT_MS) return;
    setTimeout(attempt, REVEAL_RETRY_MS);
  };
  setTimeout(attempt, 0);
}

function slug(path: string): string {
  return path.replace(/[^A-Za-z0-9]+/g, "-");
}

/** The editor of a requirements file: `requirements` for requirements.txt, else by its path. */
export function requirementsEditorName(path: string): string {
  return path === "requirements.txt" ? "requirements" : `requirements-${slug(path)}`;
}

export function projectEditorName(path: string): string {
  return `project-${slug(path)}`;
}

/** The editor a diagnostic's file is in: a requirements path the project holds among its project files
 *  (an "other" file added there) is in that list's editor. */
export function editorNameFor(file: DiagnosticFile, projectPaths: readonly string[]): string {
  if (typeof file === "string") return file;
  if ("requirements" in file) return projectPaths.includes(file.requirements) ? projectEditorName(file.requirements) : requirementsEditorName(file.requirements);
  return projectEditorName(file.project);
}

/** 1-based line/column → offset in a text (for the plain text area), clamped to the text. */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf("\n", offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  const end = text.indexOf("\n", offset);
  const lineEnd = end === -1 ? text.length : end;
  return Math.min(offset + column - 1, lineEnd);
}
