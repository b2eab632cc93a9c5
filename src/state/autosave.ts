// Texts (and the decisions around them) saved to localStorage as the user types, so a reload loses
// nothing. Stored in the permalink's wire format and read back through its schema: storage can hold
// anything (another version, a hand edit), and nothing unchecked reaches the store.
import * as v from "valibot";
import { fromWire, toWire } from "../permalink/codec";
import { WireCurrent } from "../permalink/schema";
import type { SharedState } from "../permalink/shared-state";
import { TABLES_VERSION } from "../engine/knowledge/data/tables-version";
import { useAppStore, type AppState } from "./store";

const KEY = "whaleweight:autosave:v1";
/** Quiet time after the last edit before saving: JSON of a 1 MB text takes a few ms, not per keystroke. */
const SAVE_DELAY_MS = 400;

export type Saved = Omit<SharedState, "tablesVersion">;

export function snapshotOf(state: AppState): SharedState {
  return {
    dockerfile: state.dockerfile,
    requirements: state.requirements,
    projectFiles: state.projectFiles,
    dockerignore: state.dockerignore,
    decisions: state.decisions,
    selectedStep: state.selectedStep,
    contextBytes: state.contextBytes,
    arch: state.arch,
    packageSizes: state.packageSizes,
    tablesVersion: TABLES_VERSION,
  };
}

/** True when anything a link or the autosave carries differs between the two states. */
export function sharedStateChanged(a: AppState, b: AppState): boolean {
  return a.dockerfile !== b.dockerfile || a.requirements !== b.requirements || a.projectFiles !== b.projectFiles || a.dockerignore !== b.dockerignore ||
    a.decisions !== b.decisions || a.selectedStep !== b.selectedStep || a.contextBytes !== b.contextBytes ||
    a.arch !== b.arch || a.packageSizes !== b.packageSizes;
}

function read(storage: Storage, key: string): Saved | null {
  try {
    const raw = storage.getItem(key);
    if (raw === null) return null;
    // A save made before project files or package sizes existed (version 1's or 2's shape) passes: their
    // keys are optional.
    const parsed = v.safeParse(WireCurrent, JSON.parse(raw));
    return parsed.success ? fromWire(parsed.output) : null;
  } catch {
    return null;
  }
}

function write(storage: Storage, key: string, state: SharedState): boolean {
  try {
    storage.setItem(key, JSON.stringify(toWire(state)));
    return true;
  } catch {
    // Quota exceeded or storage disabled (private mode): the page still works, it just cannot save.
    return false;
  }
}

export function loadAutosave(storage: Storage): Saved | null {
  return read(storage, KEY);
}

/** Save now (so a link just opened is what a reload shows), then whenever anything worth keeping
 *  changes; returns the unsubscribe function. */
export function startAutosave(storage: Storage): () => void {
  write(storage, KEY, snapshotOf(useAppStore.getState()));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let warned = false;
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (!sharedStateChanged(state, previous)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const ok = write(storage, KEY, snapshotOf(useAppStore.getState()));
      if (!ok && !warned) {
        warned = true;
        useAppStore.getState().showNotice({ tone: "info", message: "The text is too large to save in this browser; use Share or Download to keep it." });
      }
    }, SAVE_DELAY_MS);
  });
  // Save what is pending when the tab goes away, so the last keystrokes are not lost.
  const flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    write(storage, KEY, snapshotOf(useAppStore.getState()));
  };
  // (No window in the unit tests' Node.)
  const events = typeof window === "undefined" ? null : window;
  events?.addEventListener("pagehide", flush);
  return () => {
    unsubscribe();
    events?.removeEventListener("pagehide", flush);
  };
}
