// Whether Tab indents in the editors or moves the focus on (the default: a keyboard user must be able to
// leave an editor without knowing a shortcut — WCAG 2.1.2, no keyboard trap). The user's choice is kept
// in localStorage, apart from the autosaved project: it is a preference of the person, not of the text.
import { useSyncExternalStore } from "react";
import { browserStorage } from "../../state/storage";

export const TAB_INDENTS_KEY = "whaleweight:tab-indents";

const listeners = new Set<() => void>();
let current: boolean | null = null;

function read(): boolean {
  current ??= browserStorage().getItem(TAB_INDENTS_KEY) === "true";
  return current;
}

export function tabIndents(): boolean {
  return read();
}

export function setTabIndents(on: boolean): void {
  current = on;
  try {
    browserStorage().setItem(TAB_INDENTS_KEY, String(on));
  } catch {
    // Storage full or refused: the choice holds for this visit only.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useTabIndents(): boolean {
  return useSyncExternalStore(subscribe, read);
}

/** Ctrl+M (and Ctrl+Shift+M, Monaco's own binding on a Mac) switches the mode from inside an editor. */
export function isTabModeShortcut(event: { readonly key: string; readonly ctrlKey: boolean; readonly metaKey: boolean; readonly altKey: boolean }): boolean {
  return event.ctrlKey && !event.metaKey && !event.altKey && event.key.toLowerCase() === "m";
}
