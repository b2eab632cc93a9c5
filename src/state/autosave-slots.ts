// The autosave's slots (issue 15): the last few states, each under its own key, newest first, each
// marked with where it came from — "typed" (the user's own work) or "link" (what a shared link brought).
// Opening a link adds a slot instead of writing over the user's text, so a reload, a crash or a full
// storage never loses it; the user's typing updates their newest typed slot in place.
//
// Storage layout (localStorage):
//   whaleweight:autosave:v2        index: { v: 2, slots: [{ k: key, o: "typed" | "link", at: ms, h: fingerprint }] }, newest first
//   whaleweight:autosave:v2:<n>    one state, as the permalink's wire JSON (see salvage.ts for reading it)
//   whaleweight:autosave:v1        the single save of earlier versions: read as a typed slot, moved into v2
//   whaleweight:autosave:damaged   the last save in which nothing was readable, set aside once reported
// Every read tolerates a damaged index (the slots are found by their keys) and damaged slots (salvaged).
import * as v from "valibot";
import { toWire } from "../permalink/codec";
import { TABLES_VERSION } from "../engine/knowledge/data/tables-version";
import type { Saved } from "./autosave-types";
import { fingerprint } from "./fingerprint";
import { readSaved } from "./salvage";

export const INDEX_KEY = "whaleweight:autosave:v2";
export const SLOT_PREFIX = `${INDEX_KEY}:`;
export const V1_KEY = "whaleweight:autosave:v1";
/** Where the last save with no readable text is set aside (kept for the user, no longer a slot). */
export const DAMAGED_KEY = "whaleweight:autosave:damaged";
/** States kept. Enough for the user's text plus a few links opened over it; few enough that 1 MB texts
 *  (the largest the page plans) mostly fit the ~5 MiB of localStorage an origin gets (MDN, "Storage
 *  quotas and eviction criteria", Web Storage). When storage is full, older slots make room (below). */
export const MAX_SLOTS = 5;

export type SlotOrigin = "typed" | "link";

export interface SlotMeta {
  readonly key: string;
  readonly origin: SlotOrigin;
  /** When it was last written (ms since the epoch; 0 when unknown). */
  readonly savedAt: number;
  /** fingerprint() of the stored JSON ("" when unknown), to skip rewriting or duplicating a state. */
  readonly hash: string;
}

export interface Slot extends SlotMeta {
  readonly state: Saved;
  /** What was damaged in this slot and salvaged (empty when intact). */
  readonly problems: readonly string[];
}

export interface LoadedSlots {
  /** Readable slots, newest first. */
  readonly slots: readonly Slot[];
  /** Saved states that could not be read at all, and a damaged index: said to the user, never hidden. */
  readonly lost: readonly string[];
}

const IndexEntry = v.object({ k: v.pipe(v.string(), v.startsWith(SLOT_PREFIX)), o: v.picklist(["typed", "link"]), at: v.number(), h: v.string() });

interface IndexRead {
  readonly metas: SlotMeta[];
  /** True when an index was stored but could not be read. */
  readonly damaged: boolean;
}

function slotNumber(key: string): number {
  const n = Number(key.slice(SLOT_PREFIX.length));
  return Number.isSafeInteger(n) ? n : 0;
}

/** The index, completed with slot keys it does not list (a slot written when the index could not be). */
function readIndex(storage: Storage): IndexRead {
  const metas: SlotMeta[] = [];
  let damaged = false;
  const raw = safeGet(storage, INDEX_KEY);
  if (raw !== null) {
    try {
      const parsed: unknown = JSON.parse(raw);
      const entries: unknown = typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>)["slots"] : undefined;
      if (!Array.isArray(entries)) throw new Error("no slots");
      for (const entry of entries) {
        const e = v.safeParse(IndexEntry, entry);
        if (e.success && !metas.some((m) => m.key === e.output.k)) metas.push({ key: e.output.k, origin: e.output.o, savedAt: e.output.at, hash: e.output.h });
        else damaged = true;
      }
    } catch {
      damaged = true;
    }
  }
  for (const key of slotKeys(storage)) {
    if (!metas.some((m) => m.key === key)) metas.push({ key, origin: "typed", savedAt: 0, hash: "" });
  }
  // Slot numbers only grow, so the highest is the newest, whatever order a damaged index had.
  metas.sort((a, b) => slotNumber(b.key) - slotNumber(a.key));
  if (safeGet(storage, V1_KEY) !== null) metas.push({ key: V1_KEY, origin: "typed", savedAt: 0, hash: "" });
  return { metas, damaged };
}

function slotKeys(storage: Storage): string[] {
  const keys: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key !== null && key.startsWith(SLOT_PREFIX) && /^\d+$/.test(key.slice(SLOT_PREFIX.length))) keys.push(key);
    }
  } catch {
    // Storage disabled: no slots.
  }
  return keys;
}

/** Every slot that can be read, newest first; the version-1 save is moved into a slot when there is room. */
export function loadSlots(storage: Storage): LoadedSlots {
  migrateV1(storage);
  const { metas, damaged } = readIndex(storage);
  const slots: Slot[] = [];
  const lost: string[] = damaged ? ["the list of saved states was damaged (the states themselves were looked for one by one)"] : [];
  for (const meta of metas) {
    const raw = safeGet(storage, meta.key);
    if (raw === null) continue;
    const read = readSaved(raw);
    if (read !== null) {
      slots.push({ ...meta, state: read.state, problems: read.problems });
    } else if (meta.key !== V1_KEY && safeSet(storage, DAMAGED_KEY, raw)) {
      // Set aside (not deleted), so it is reported once rather than at every start, and a slot is freed.
      safeRemove(storage, meta.key);
      lost.push(`a saved state held no readable text; it is kept as it was under ${DAMAGED_KEY}`);
    } else {
      lost.push(`a saved state (${meta.key}) held no readable text; it is left in storage`);
    }
  }
  return { slots, lost };
}

/** Move the version-1 save into a typed slot (raw, so a damaged one is salvaged on read like any slot). */
function migrateV1(storage: Storage): void {
  const raw = safeGet(storage, V1_KEY);
  if (raw === null) return;
  const { metas } = readIndex(storage);
  const others = metas.filter((m) => m.key !== V1_KEY);
  const key = `${SLOT_PREFIX}${nextNumber(others)}`;
  // Oldest of all: anything already in v2 was written after the upgrade.
  const meta: SlotMeta = { key, origin: "typed", savedAt: 0, hash: fingerprint(raw) };
  if (!safeSet(storage, key, raw)) return; // No room: it is read from the v1 key until there is.
  if (!writeIndex(storage, [...others, meta])) {
    safeRemove(storage, key);
    return;
  }
  safeRemove(storage, V1_KEY);
}

function nextNumber(metas: readonly SlotMeta[]): number {
  return metas.reduce((n, m) => Math.max(n, slotNumber(m.key)), 0) + 1;
}

export interface SaveResult {
  readonly ok: boolean;
  readonly key: string | null;
}

/**
 * Save a state as the newest slot. Typed text updates the newest slot when that is typed too (typing
 * is one slot, not one per pause); a link always gets a slot of its own. When storage is full, older
 * slots make room — links first; a link never pushes out the user's typed text. `newSlot` keeps the
 * newest typed slot as it is (a salvaged state is saved beside the damaged original, not over it).
 */
export function saveSlot(storage: Storage, origin: SlotOrigin, state: Saved, now: number, options: { readonly newSlot?: boolean } = {}): SaveResult {
  const json = JSON.stringify(toWire({ ...state, tablesVersion: TABLES_VERSION }));
  const hash = fingerprint(json);
  const { metas } = readIndex(storage);
  const newest = metas[0];
  if (newest !== undefined && newest.origin === origin && newest.hash === hash) return { ok: true, key: newest.key };
  const inPlace = options.newSlot !== true && origin === "typed" && newest !== undefined && newest.origin === "typed" && newest.key !== V1_KEY;
  const key = inPlace ? newest.key : `${SLOT_PREFIX}${nextNumber(metas)}`;
  const target: SlotMeta = { key, origin, savedAt: now, hash };
  // The same state saved again with the same origin replaces its older copy, once the new one is written
  // (until then the copy may be the only one).
  const isCopy = (m: SlotMeta) => m.origin === origin && m.hash === hash && m.key !== V1_KEY;
  let others = metas.filter((m) => m.key !== key);
  while (!safeSet(storage, key, json)) {
    const victim = evictionCandidate(others.filter((m) => !isCopy(m)), origin);
    if (victim === undefined) {
      writeIndex(storage, inPlace ? [newest, ...others] : others);
      return { ok: false, key: null };
    }
    safeRemove(storage, victim.key);
    others = others.filter((m) => m !== victim);
  }
  for (const m of others) if (isCopy(m)) safeRemove(storage, m.key);
  const kept = [target, ...others.filter((m) => !isCopy(m))];
  while (kept.length > MAX_SLOTS) {
    const victim = evictionCandidate(kept.slice(1), "typed");
    if (victim === undefined) break;
    safeRemove(storage, victim.key);
    kept.splice(kept.indexOf(victim), 1);
  }
  // An index that cannot be written is rebuilt from the slot keys on the next read.
  writeIndex(storage, kept);
  return { ok: true, key };
}

/** The slot to give up for room: the oldest link, else (only to save typed text) the oldest typed. */
function evictionCandidate(metas: readonly SlotMeta[], saving: SlotOrigin): SlotMeta | undefined {
  const oldestFirst = [...metas].reverse();
  return oldestFirst.find((m) => m.origin === "link") ?? (saving === "typed" ? oldestFirst[0] : undefined);
}

function writeIndex(storage: Storage, metas: readonly SlotMeta[]): boolean {
  const entries = metas.filter((m) => m.key !== V1_KEY).map((m) => ({ k: m.key, o: m.origin, at: m.savedAt, h: m.hash }));
  return safeSet(storage, INDEX_KEY, JSON.stringify({ v: 2, slots: entries }));
}

/** The newest slot's fingerprint, without reading any state ("" when none is known). */
export function newestHash(storage: Storage): string {
  return readIndex(storage).metas[0]?.hash ?? "";
}

/** The fingerprint saveSlot gives a state, to compare with newestHash. */
export function stateHash(state: Saved): string {
  return fingerprint(JSON.stringify(toWire({ ...state, tablesVersion: TABLES_VERSION })));
}

function safeGet(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function safeSet(storage: Storage, key: string, value: string): boolean {
  try {
    storage.setItem(key, value);
    return true;
  } catch {
    // Quota exceeded (or storage disabled): the caller makes room or reports it.
    return false;
  }
}

function safeRemove(storage: Storage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Storage disabled: nothing to remove.
  }
}
