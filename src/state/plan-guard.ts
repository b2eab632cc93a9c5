// The crash guard (issue 15): before a state is planned, its fingerprint is written to storage, and it is
// removed when the answer comes (or the tab is closed normally). A mark still there at the next start
// means the tab died while planning that state — a doubling link once grew the tab by ~8 GB — so the
// page shows that text without planning it again, says why, and offers to plan it anyway.
// The mark is shared by the origin's tabs: a second tab opened while the first plans the same text would
// hold it too, which costs one click, never a lost text.

export const GUARD_KEY = "whaleweight:plan-guard:v1";

export interface PlanMark {
  /** fingerprint() of the planned input. */
  readonly input: string;
  /** When planning started (ms since the epoch). */
  readonly startedAt: number;
}

export function markPlanning(storage: Storage, mark: PlanMark): void {
  try {
    storage.setItem(GUARD_KEY, JSON.stringify(mark));
  } catch {
    // Storage full or disabled: no guard for this plan (the worker's budgets still hold).
  }
}

export function clearPlanning(storage: Storage): void {
  try {
    storage.removeItem(GUARD_KEY);
  } catch {
    // Storage disabled: nothing was marked.
  }
}

/** The mark a previous visit left (it died while planning), or null. */
export function readPlanning(storage: Storage): PlanMark | null {
  try {
    const raw = storage.getItem(GUARD_KEY);
    if (raw === null) return null;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== "object" || parsed === null) return null;
    const { input, startedAt } = parsed as Record<string, unknown>;
    return typeof input === "string" && typeof startedAt === "number" ? { input, startedAt } : null;
  } catch {
    return null;
  }
}
