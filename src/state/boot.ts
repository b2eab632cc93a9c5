// What the page opens with: a shared link wins over the autosave (the user followed it on purpose), the
// autosave over the default example. A link's state replaces the texts, so the user's own are offered
// back in the notice until the next save overwrites them. `location`, `history` and `storage` are parameters so this runs in tests.
import { decodePermalink, isPermalinkFragment } from "../permalink/codec";
import { TABLES_VERSION } from "../engine/knowledge/data/tables-version";
import { DEFAULT_EXAMPLE } from "./defaults";
import { loadAutosave, type Saved } from "./autosave";
import { useAppStore } from "./store";
import type { ThemeChoice } from "./ui-slice";

const THEME_KEY = "whaleweight:theme";

export interface BootEnvironment {
  readonly location: { readonly hash: string; readonly pathname: string; readonly search: string };
  readonly history: Pick<History, "replaceState">;
  readonly storage: Storage;
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

function sameTexts(a: Saved, b: Saved): boolean {
  return a.dockerfile === b.dockerfile && a.dockerignore === b.dockerignore && JSON.stringify(a.requirements) === JSON.stringify(b.requirements) &&
    JSON.stringify(a.projectFiles) === JSON.stringify(b.projectFiles);
}

export function boot(env: BootEnvironment): void {
  const store = useAppStore.getState();
  const theme = safeGet(env.storage, THEME_KEY);
  if (theme === "light" || theme === "dark" || theme === "system") store.setTheme(theme);

  const saved = loadAutosave(env.storage);
  if (!isPermalinkFragment(env.location.hash)) {
    store.restore(saved ?? defaultState());
    return;
  }
  const decoded = decodePermalink(env.location.hash);
  if (!decoded.ok) {
    store.restore(saved ?? defaultState());
    store.showNotice({ tone: "error", message: `This shared link could not be opened. ${decoded.message} Your own text is shown instead.` });
    return;
  }
  store.restore(decoded.state);
  // The link has done its job; without it in the address bar, a reload shows the autosave (the link's
  // state plus whatever the user changed since) instead of discarding those changes.
  env.history.replaceState(null, "", `${env.location.pathname}${env.location.search}`);
  const messages: string[] = ["Opened a shared link."];
  if (decoded.state.tablesVersion !== TABLES_VERSION) {
    messages.push(`It was made with older size tables (${decoded.state.tablesVersion}; now ${TABLES_VERSION}), so the numbers may differ from what its author saw.`);
  }
  if (saved !== null && !sameTexts(saved, decoded.state)) {
    const before = saved;
    messages.push("It replaced your previous text, which you can bring back.");
    store.showNotice({
      tone: "info",
      message: messages.join(" "),
      action: { label: "Restore my previous text", run: () => { useAppStore.getState().restore(before); useAppStore.getState().showNotice(null); } },
    });
    return;
  }
  store.showNotice({ tone: "info", message: messages.join(" ") });
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
