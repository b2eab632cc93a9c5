// Page state that is not part of the analysis: theme, notices, the last share link, the editor's state.
import type { StateCreator } from "zustand";
import type { AppState } from "./store";

export type ThemeChoice = "system" | "light" | "dark";

export interface Notice {
  readonly tone: "error" | "info";
  readonly message: string;
  /** Offered beside the message, e.g. restoring the text a shared link replaced. */
  readonly action?: { readonly label: string; readonly run: () => void };
}

/** What the last drop or file pick left out, for the file list. */
export interface ImportReport {
  /** Files the engine does not read: listed, never read. */
  readonly unused: readonly string[];
  /** Files it would read, left out, with why (a cap, not text). */
  readonly refused: readonly { readonly path: string; readonly reason: string }[];
  /** Folders not walked (.git, node_modules, …). */
  readonly skippedFolders: readonly string[];
}

export type EditorStatus = "loading" | "ready" | "failed";

export interface UiSlice {
  readonly theme: ThemeChoice;
  readonly notice: Notice | null;
  /** The URL the Share button last made (shown so it can be copied by hand too); cleared on any change
   *  it would not reflect. */
  readonly shareUrl: string | null;
  /** What became of the last Share: copied, copy by hand, or why there is no link. */
  readonly shareStatus: string;
  /** Whether Monaco has replaced the plain text areas. */
  readonly editorStatus: EditorStatus;
  readonly importReport: ImportReport | null;
  setTheme(theme: ThemeChoice): void;
  showNotice(notice: Notice | null): void;
  setShare(url: string | null, status: string): void;
  setEditorStatus(status: EditorStatus): void;
  setImportReport(report: ImportReport | null): void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  theme: "system",
  notice: null,
  shareUrl: null,
  shareStatus: "",
  editorStatus: "loading",
  importReport: null,
  setTheme: (theme) => set({ theme }),
  showNotice: (notice) => set({ notice }),
  setShare: (shareUrl, shareStatus) => set({ shareUrl, shareStatus }),
  setEditorStatus: (editorStatus) => set({ editorStatus }),
  setImportReport: (importReport) => set({ importReport }),
});
