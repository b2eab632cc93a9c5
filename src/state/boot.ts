// What the page opens with. First, synchronously (before the first paint), the newest saved state —
// salvaged and said so when damaged — else the default example. Then, when the address carries a shared
// link, the link, decoded off the main thread: it replaces the text on screen only once it is known
// good, it is saved in a slot of its own (autosave-slots.ts), and the text it replaced is offered back —
// from memory in this tab, from its slot after a reload. A link pasted into an open tab goes through the
// same openLink, so it never brings back an older save over the current text (issue 15).
// `location`, `history` and `storage` are parameters so this runs in tests.
import { isPermalinkFragment, type DecodeResult } from "../permalink/codec";
import type { SharedState } from "../permalink/shared-state";
import { TABLES_VERSION } from "../engine/knowledge/data/tables-version";
import { DEFAULT_EXAMPLE } from "./defaults";
import { flushAutosave, saveLinkState, snapshotOf, type Saved } from "./autosave";
import { loadSlots, saveSlot } from "./autosave-slots";
import { decodeLinkOffThread } from "./link-decoder";
import { useAppStore } from "./store";
import type { ThemeChoice } from "./ui-slice";

const THEME_KEY = "whaleweight:theme";

export interface BootEnvironment {
  readonly location: { readonly hash: string; readonly pathname: string; readonly search: string };
  readonly history: Pick<History, "replaceState">;
  readonly storage: Storage;
  /** How a link's fragment is decoded: off the main thread by default; tests pass the codec. */
  readonly decode?: (fragment: string) => Promise<DecodeResult>;
}

function defaultState(): Saved {
  return {
    dockerfile: DEFAULT_EXAMPLE.dockerfile,
    requirements: DEFAULT_EXAMPLE.requirements,
    projectFiles: [],
    dockerignore: DEFAULT_EXAMPLE.dockerignore,
    decisions: {},
    selectedStep: null,
    contextBytes: null,
    arch: null,
    packageSizes: {},
  };
}

export function sameTexts(a: Saved, b: Saved): boolean {
  return a.dockerfile === b.dockerfile && a.dockerignore === b.dockerignore && JSON.stringify(a.requirements) === JSON.stringify(b.requirements) &&
    JSON.stringify(a.projectFiles) === JSON.stringify(b.projectFiles);
}

function restoreAction(state: Saved) {
  return {
    label: "Restore my previous text",
    run: () => {
      useAppStore.getState().restore(state);
      useAppStore.getState().showNotice(null);
    },
  };
}

/** The newest saved state (or the example), before the first paint. */
export function restoreSaved(env: Pick<BootEnvironment, "storage">): void {
  const store = useAppStore.getState();
  const theme = safeGet(env.storage, THEME_KEY);
  if (theme === "light" || theme === "dark" || theme === "system") store.setTheme(theme);

  const { slots, lost } = loadSlots(env.storage);
  const newest = slots[0];
  if (newest === undefined) {
    store.restore(defaultState());
    if (lost.length > 0) {
      store.showNotice({ tone: "error", message: `Your saved text could not be read: ${lost.join("; ")}. The example is shown instead; the damaged save is kept in this browser's storage.` });
    }
    return;
  }
  store.restore(newest.state);
  const onScreen = snapshotOf(useAppStore.getState());
  const damage = [...newest.problems, ...lost];
  if (damage.length > 0) {
    // Saved beside the damaged original, not over it: what could not be read stays there.
    if (newest.problems.length > 0) saveSlot(env.storage, "typed", onScreen, Date.now(), { newSlot: true });
    store.showNotice({ tone: "error", message: `Your saved text was damaged (${damage.join("; ")}). Everything that could be read is shown.` });
    return;
  }
  // The texts on screen are still a link's (only decisions or the selection may have changed since): offer
  // the user's own text from before that link.
  const linkAt = slots.findIndex((slot) => slot.origin === "link");
  const link = slots[linkAt];
  if (link !== undefined && sameTexts(newest.state, link.state)) {
    const own = slots.slice(linkAt + 1).find((slot) => slot.origin === "typed" && !sameTexts(slot.state, newest.state));
    if (own !== undefined) {
      store.showNotice({ tone: "info", message: "This is the shared link you opened last time; your own previous text is saved too.", action: restoreAction(own.state) });
    }
  }
}

/** Open a shared link in this tab: the text on screen stays until the link is known good. */
export async function openLink(env: BootEnvironment, fragment: string): Promise<void> {
  const store = useAppStore.getState();
  // Typing not yet saved is saved now, in the user's own slot, before anything replaces it.
  flushAutosave();
  store.showNotice({ tone: "info", message: "Opening the shared link…" });
  const decoded = await (env.decode ?? decodeLinkOffThread)(fragment);
  if (!decoded.ok) {
    store.showNotice({ tone: "error", message: `This shared link could not be opened. ${decoded.message} Your own text is shown instead.` });
    return;
  }
  // The text on screen now (the user may have typed while the link was decoded), kept in memory.
  const before: SharedState = snapshotOf(useAppStore.getState());
  store.restore(decoded.state);
  // As the store holds it (e.g. with its empty requirements.txt), so a reload finds it unchanged.
  const saved = saveLinkState(env.storage, snapshotOf(useAppStore.getState()));
  // The link has done its job; without it in the address bar, a reload shows the saved state (the
  // link's, plus whatever the user changed since) instead of discarding those changes.
  env.history.replaceState(null, "", `${env.location.pathname}${env.location.search}`);
  const messages: string[] = ["Opened a shared link."];
  if (decoded.state.tablesVersion !== TABLES_VERSION) {
    messages.push(`It was made with older size tables (${decoded.state.tablesVersion}; now ${TABLES_VERSION}), so the numbers may differ from what its author saw.`);
  }
  if (!saved) messages.push("This browser's storage is full, so the link is not saved: a reload shows your own text again.");
  if (!sameTexts(before, decoded.state)) {
    messages.push("Your previous text is kept, and you can bring it back.");
    store.showNotice({ tone: "info", message: messages.join(" "), action: restoreAction(before) });
    return;
  }
  store.showNotice({ tone: "info", message: messages.join(" ") });
}

/** Both steps, for tests and callers that need no first paint in between. */
export async function boot(env: BootEnvironment): Promise<void> {
  restoreSaved(env);
  if (isPermalinkFragment(env.location.hash)) await openLink(env, env.location.hash);
}

export function saveTheme(storage: Storage, theme: ThemeChoice): void {
  try {
    storage.setItem(THEME_KEY, theme);
  } catch {
    // Storage disabled: the choice lasts for this visit.
  }
}

function safeGet(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}
