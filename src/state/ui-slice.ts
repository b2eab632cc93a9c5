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
  setTheme(theme: ThemeChoice): void;
  showNotice(notice: Notice | null): void;
  setShare(url: string | null, status: string): void;
  setEditorStatus(status: EditorStatus): void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  theme: "system",
  notice: null,
  shareUrl: null,
  shareStatus: "",
  editorStatus: "loading",
  setTheme: (theme) => set({ theme }),
  showNotice: (notice) => set({ notice }),
  setShare: (shareUrl, shareStatus) => set({ shareUrl, shareStatus }),
  setEditorStatus: (editorStatus) => set({ editorStatus }),
});
