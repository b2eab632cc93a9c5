// Texts (and the decisions around them) saved to localStorage as the user types, so a reload loses
// nothing. Saved into the slots of autosave-slots.ts: the user's typing updates their newest typed slot,
// and a link opened over it gets a slot of its own (saveLinkState), so neither ever writes over the other.
import { TABLES_VERSION } from "../engine/knowledge/data/tables-version";
import type { SharedState } from "../permalink/shared-state";
import type { Saved } from "./autosave-types";
import { newestHash, saveSlot, stateHash } from "./autosave-slots";
import { useAppStore, type AppState } from "./store";

export type { Saved } from "./autosave-types";

/** Quiet time after the last edit before saving: JSON of a 1 MB text takes a few ms, not per keystroke. */
const SAVE_DELAY_MS = 400;

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

/** The running autosave (one per page), so a link opened later can save itself and flush the typing. */
interface Active {
  readonly storage: Storage;
  /** The state last written (or restored from storage): an equal one is not written again. */
  saved: SharedState;
  timer: ReturnType<typeof setTimeout> | undefined;
  warned: boolean;
}
let active: Active | null = null;

function same(a: SharedState, b: SharedState): boolean {
  return a.dockerfile === b.dockerfile && a.requirements === b.requirements && a.projectFiles === b.projectFiles && a.dockerignore === b.dockerignore &&
    a.decisions === b.decisions && a.selectedStep === b.selectedStep && a.contextBytes === b.contextBytes && a.arch === b.arch && a.packageSizes === b.packageSizes;
}

function saveTyped(run: Active, force = false): void {
  clearTimeout(run.timer);
  run.timer = undefined;
  const snapshot = snapshotOf(useAppStore.getState());
  if (!force && same(snapshot, run.saved)) return;
  const result = saveSlot(run.storage, "typed", snapshot, Date.now());
  if (result.ok) {
    run.saved = snapshot;
  } else if (!run.warned) {
    run.warned = true;
    useAppStore.getState().showNotice({ tone: "info", message: "The text is too large to save in this browser (its storage is full); use Share or Download to keep it." });
  }
}

/** Save pending typing now (before a link replaces the text, or when the tab goes away). */
export function flushAutosave(): void {
  if (active?.timer !== undefined) saveTyped(active);
}

/** Save the state a link just brought as a link slot (the user's own stays in its typed slot); false
 *  when storage has no room for it (the link is then open in this tab only). Call it right after the
 *  store holds the link's state. */
export function saveLinkState(storage: Storage, state: Saved): boolean {
  const ok = saveSlot(storage, "link", state, Date.now()).ok;
  // Whether or not it fit, it is not the user's typing: do not save it again as typed.
  if (active !== null) active.saved = snapshotOf(useAppStore.getState());
  return ok;
}

/** Start saving: now, when the state on screen is not the newest saved one (e.g. the example on a first
 *  visit), then whenever anything worth keeping changes; returns the stop function. */
export function startAutosave(storage: Storage): () => void {
  const run: Active = { storage, saved: snapshotOf(useAppStore.getState()), timer: undefined, warned: false };
  active = run;
  if (newestHash(storage) !== stateHash(run.saved)) saveTyped(run, true);
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (!sharedStateChanged(state, previous)) return;
    clearTimeout(run.timer);
    run.timer = setTimeout(() => saveTyped(run), SAVE_DELAY_MS);
  });
  // Save what is pending when the tab goes away, so the last keystrokes are not lost.
  const flush = () => {
    if (run.timer !== undefined) saveTyped(run);
  };
  // (No window in the unit tests' Node.)
  const events = typeof window === "undefined" ? null : window;
  events?.addEventListener("pagehide", flush);
  return () => {
    unsubscribe();
    clearTimeout(run.timer);
    events?.removeEventListener("pagehide", flush);
    if (active === run) active = null;
  };
}
