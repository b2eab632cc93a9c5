// The crash guard (issue 15): before a state is planned, its fingerprint is written to storage, and it is
// removed when the answer comes (or the tab is closed normally). A mark still there at the next start
// means a tab died while planning that state — a doubling link once grew the tab by ~8 GB — so the page
// shows that text without planning it again, says why, and offers to plan it anyway.
//
// Each tab marks under a key of its own (GUARD_KEY:<tab id>; the id is kept in sessionStorage, so a
// reload of the same tab finds its own mark), and holds a Web Lock named after its id for as long as it
// lives. At start, a tab takes up its own mark and the marks of tabs whose lock nobody holds: those tabs
// are gone (crashed, or closed mid-plan). A mark whose tab still holds its lock is a plan in progress in
// another tab, not a crash: it is left alone (it used to hold the other tab's text too, and the other
// tab's start cleared this tab's mark). Where there are no Web Locks, every mark is taken up, as before.

export const GUARD_KEY = "whaleweight:plan-guard:v1";
/** sessionStorage key of this tab's id. */
export const TAB_ID_KEY = "whaleweight:tab-id";
const LOCK_PREFIX = "whaleweight:tab:";

export interface PlanMark {
  /** fingerprint() of the planned input. */
  readonly input: string;
  /** When planning started (ms since the epoch). */
  readonly startedAt: number;
}

/** What the guard needs of the Web Locks API (tests pass a fake). */
export interface TabLocks {
  request(name: string, callback: () => Promise<void>): Promise<unknown>;
  query(): Promise<{ readonly held?: readonly { readonly name?: string }[] }>;
}

export interface TabGuard {
  /** Marks the input about to be planned. */
  mark(mark: PlanMark): void;
  /** The answer came (or the tab is leaving normally): no mark. */
  clear(): void;
  /** Fingerprints of the inputs tabs died planning (this one before a reload, or a gone one). */
  readonly died: readonly string[];
}

export interface TabGuardEnvironment {
  readonly storage: Storage;
  /** Where this tab's id survives a reload (sessionStorage); null: a new id each start. */
  readonly session: Storage | null;
  readonly locks: TabLocks | null;
}

/** Opens this tab's guard: takes up the marks of dead tabs (and its own), then holds its lock. */
export async function openTabGuard(env: TabGuardEnvironment): Promise<TabGuard> {
  const held = await heldLocks(env.locks);
  let tab = readSession(env.session) ?? newTabId();
  // A duplicated tab copies sessionStorage, id included: while the original lives, take a new id.
  if (held !== null && held.has(LOCK_PREFIX + tab)) tab = newTabId();
  writeSession(env.session, tab);
  const own = `${GUARD_KEY}:${tab}`;
  const died: string[] = [];
  for (const key of guardKeys(env.storage)) {
    // The key of the version before tabs had ids counts as a gone tab's.
    const owner = key === GUARD_KEY ? null : key.slice(GUARD_KEY.length + 1);
    const gone = key === own || held === null || owner === null || !held.has(LOCK_PREFIX + owner);
    if (!gone) continue;
    const mark = readMark(env.storage, key);
    if (mark !== null && !died.includes(mark.input)) died.push(mark.input);
    remove(env.storage, key);
  }
  // Held until the tab goes: the browser releases it then, crash included.
  void env.locks?.request(LOCK_PREFIX + tab, () => new Promise<void>(() => undefined)).catch(() => undefined);
  return {
    died,
    mark: (mark) => {
      try {
        env.storage.setItem(own, JSON.stringify(mark));
      } catch {
        // Storage full or disabled: no guard for this plan (the worker's budgets still hold).
      }
    },
    clear: () => remove(env.storage, own),
  };
}

/** Every mark in storage, whichever tab left it (tests and tools). */
export function readPlanningMarks(storage: Storage): PlanMark[] {
  return guardKeys(storage).flatMap((key) => readMark(storage, key) ?? []);
}

function guardKeys(storage: Storage): string[] {
  const keys: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key !== null && (key === GUARD_KEY || key.startsWith(`${GUARD_KEY}:`))) keys.push(key);
    }
  } catch {
    // Storage disabled: no marks.
  }
  return keys;
}

function readMark(storage: Storage, key: string): PlanMark | null {
  try {
    const raw = storage.getItem(key);
    if (raw === null) return null;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== "object" || parsed === null) return null;
    const { input, startedAt } = parsed as Record<string, unknown>;
    return typeof input === "string" && typeof startedAt === "number" ? { input, startedAt } : null;
  } catch {
    return null;
  }
}

function remove(storage: Storage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Storage disabled: nothing was marked.
  }
}

/** Names of the locks held now, or null without Web Locks (or when the query fails). */
async function heldLocks(locks: TabLocks | null): Promise<Set<string> | null> {
  if (locks === null) return null;
  try {
    const state = await locks.query();
    return new Set((state.held ?? []).flatMap((lock) => (lock.name === undefined ? [] : [lock.name])));
  } catch {
    return null;
  }
}

function readSession(session: Storage | null): string | null {
  try {
    return session?.getItem(TAB_ID_KEY) ?? null;
  } catch {
    return null;
  }
}

function writeSession(session: Storage | null, tab: string): void {
  try {
    session?.setItem(TAB_ID_KEY, tab);
  } catch {
    // No sessionStorage: a reload of this tab will look like another tab (its mark is still taken up when
    // this tab is gone).
  }
}

function newTabId(): string {
  return typeof crypto !== "undefined" && typeof crypto.randomUUID === "function" ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
