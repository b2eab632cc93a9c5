// The plan, derived: whenever the texts, decisions or settings change, the latest of them is planned off
// the main thread and the result published to React through useSyncExternalStore. Only one request is
// in flight; edits made meanwhile coalesce into the next one, so a burst of typing costs one plan after
// it, not one per keystroke. This is a cache of a pure function of the store, not a second copy of state.
import { useSyncExternalStore } from "react";
import type { PlanView } from "../worker/plan-view";
import type { PlanRequest } from "../worker/protocol";
import { debianReleasesOf } from "../worker/debian-releases";
import { markTime } from "../worker/timeline";
import { fingerprint } from "./fingerprint";
import { planDelay } from "./plan-delay";
import { openTabGuard, type TabGuard, type TabLocks } from "./plan-guard";
import { createPlanRunner, type PlanRunner } from "./plan-runner";
import { useAppStore, type AppState } from "./store";

export interface PlanResult {
  /** The latest plan computed; it may describe slightly older texts while `pending`. */
  readonly plan: PlanView | null;
  /** True while the texts have changed since `plan` was computed. */
  readonly pending: boolean;
  /** Why the latest plan failed, or null. */
  readonly error: string | null;
  /** Which change of the inputs `plan` describes (counts up with every edit or decision): lets tests
   *  and the page tell a fresh result from the one before an edit. */
  readonly version: number;
  /** True when the texts on screen are the ones the page died planning last time (the crash guard):
   *  they are not planned until the user asks (planAnyway) or changes them. */
  readonly held: boolean;
  /** The id of the request `plan` answers (0: none yet): what a step's diff is asked by (stepDiff). */
  readonly planId: number;
}

let snapshot: PlanResult = { plan: null, pending: true, error: null, version: 0, held: false, planId: 0 };
let inputVersion = 0;
const listeners = new Set<() => void>();
let runner: PlanRunner | null = null;
let nextId = 1;
let inFlight = false;
let dirty = true;
let timer: ReturnType<typeof setTimeout> | undefined;
/** The crash guard (null: none), once open; `guardOpening` until then (no plan starts meanwhile). */
let guard: TabGuard | null = null;
let guardOpening: Promise<void> | null = null;
/** Fingerprints of the inputs a tab died planning: not planned again unless asked. */
let blocked = new Set<string>();

function publish(next: PlanResult): void {
  snapshot = next;
  for (const listener of listeners) listener();
}

function planInput(state: AppState): PlanRequest["input"] {
  return {
    dockerfile: state.dockerfile,
    requirements: state.requirements.map((f) => ({ path: f.path, content: f.text })),
    ...(state.projectFiles.length === 0 ? {} : { projectFiles: state.projectFiles.map((f) => ({ path: f.path, content: f.text })) }),
    dockerignore: state.dockerignore,
    decisions: state.decisions,
    settings: settingsOf(state),
  };
}

/** Only the settings the user changed: the rest are the engine's defaults. */
function settingsOf(state: AppState): NonNullable<PlanRequest["input"]["settings"]> {
  return {
    ...(state.contextBytes === null ? {} : { contextBytes: state.contextBytes }),
    ...(state.arch === null ? {} : { arch: state.arch }),
    ...(Object.keys(state.packageSizes).length === 0 ? {} : { packageSizes: state.packageSizes }),
  };
}

function affectsPlan(a: AppState, b: AppState): boolean {
  return a.dockerfile !== b.dockerfile || a.requirements !== b.requirements || a.projectFiles !== b.projectFiles || a.dockerignore !== b.dockerignore ||
    a.decisions !== b.decisions || a.contextBytes !== b.contextBytes || a.arch !== b.arch || a.packageSizes !== b.packageSizes;
}

function textSize(state: AppState): number {
  return state.dockerfile.length + [...state.requirements, ...state.projectFiles].reduce((n, f) => n + f.text.length, 0) + (state.dockerignore?.length ?? 0);
}

async function pump(): Promise<void> {
  if (inFlight || !dirty || runner === null || guardOpening !== null) return;
  dirty = false;
  const version = inputVersion;
  const state = useAppStore.getState();
  const input = planInput(state);
  const inputPrint = guard === null ? "" : fingerprint(JSON.stringify(input));
  if (blocked.has(inputPrint)) {
    publish({ ...snapshot, pending: false, error: null, version, held: true });
    return;
  }
  guard?.mark({ input: inputPrint, startedAt: Date.now() });
  inFlight = true;
  const id = nextId++;
  const response = await runner.run({ id, input, debianTables: debianReleasesOf(state.dockerfile) });
  inFlight = false;
  markTime("plan-received");
  // Answered, even with an error or past the time limit: the tab survived this input.
  guard?.clear();
  publish(response.ok
    ? { plan: response.plan, pending: dirty, error: null, version, held: false, planId: id }
    : { ...snapshot, pending: dirty, error: response.error, version, held: false });
  void pump();
}

function schedule(state: AppState): void {
  dirty = true;
  inputVersion++;
  clearTimeout(timer);
  // Adaptive (plan-delay.ts): at once for small texts, after a pause for large ones. "At once" is a
  // microtask, not a timer: it still folds the store updates of one event into one plan, and it is queued
  // before React's render of the same update (this listener subscribed before React mounted), so the
  // worker plans while the page renders the keystroke instead of after (issue 13: the timer task ran
  // only after the keystroke's render and the editor's paint, 40–80 ms later).
  const delay = planDelay(textSize(state));
  if (delay === 0) queueMicrotask(() => void pump());
  else timer = setTimeout(() => void pump(), delay);
  if (!snapshot.pending) publish({ ...snapshot, pending: true });
}

/** Plan the held texts after all (the crash guard's "Plan it anyway"). */
export function planAnyway(): void {
  blocked = new Set();
  dirty = true;
  publish({ ...snapshot, held: false, pending: true });
  void pump();
}

export interface PlanClientOptions {
  /** Where the crash guard marks the input being planned (none: no guard). */
  readonly storage?: Storage;
  /** Where this tab's id survives a reload, and the Web Locks that tell a live tab from a gone one
   *  (plan-guard.ts); the browser's by default. */
  readonly session?: Storage | null;
  readonly locks?: TabLocks | null;
  readonly runner?: PlanRunner;
}

/** Start deriving plans from the store (once, after the store holds the restored state). With a
 *  storage, the crash guard runs: a mark left by a tab that died planning holds those texts. */
export function startPlanClient(options: PlanClientOptions = {}): void {
  if (runner !== null) return;
  runner = options.runner ?? createPlanRunner();
  if (options.storage !== undefined) {
    const storage = options.storage;
    guardOpening = openTabGuard({ storage, session: options.session ?? browserSession(), locks: options.locks ?? browserLocks() }).then((opened) => {
      guard = opened;
      blocked = new Set(opened.died);
      guardOpening = null;
      void pump();
    });
    // A tab closed or reloaded normally did not die planning: leave no mark behind.
    if (typeof window !== "undefined") window.addEventListener("pagehide", () => guard?.clear());
  }
  useAppStore.subscribe((state, previous) => {
    if (affectsPlan(state, previous)) schedule(state);
  });
  void pump();
}

function browserSession(): Storage | null {
  try {
    return typeof sessionStorage === "undefined" ? null : sessionStorage;
  } catch {
    return null;
  }
}

function browserLocks(): TabLocks | null {
  return typeof navigator !== "undefined" && "locks" in navigator ? (navigator.locks as unknown as TabLocks) : null;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current result outside React (tests, non-component code). */
export function planSnapshot(): PlanResult {
  return snapshot;
}

export function usePlan(): PlanResult {
  return useSyncExternalStore(subscribe, () => snapshot);
}

/** The plan alone: a component that reads only this does not render again when `pending` flips at a
 *  keystroke, only when a new plan arrives. */
export function usePlanView(): PlanView | null {
  return useSyncExternalStore(subscribe, () => snapshot.plan);
}

/** The unified diff of step `stepId` of the plan answered to `planId`, computed by the worker on request
 *  (plan-view.ts); null when that plan has been superseded meanwhile or there is no runner. */
export function stepDiff(planId: number, stepId: string): Promise<string | null> {
  return runner?.diff?.(planId, stepId) ?? Promise.resolve(null);
}
