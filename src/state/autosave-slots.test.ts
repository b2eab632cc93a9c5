import { describe, expect, it } from "vitest";
import { toWire } from "../permalink/codec";
import type { Saved } from "./autosave-types";
import { DAMAGED_KEY, INDEX_KEY, loadSlots, MAX_SLOTS, saveSlot, SLOT_PREFIX, V1_KEY, type SlotOrigin } from "./autosave-slots";
import { memoryStorage } from "./storage";

function state(dockerfile: string): Saved {
  return { dockerfile, requirements: [], projectFiles: [], dockerignore: null, decisions: {}, selectedStep: null, contextBytes: null, arch: null, packageSizes: {} };
}

/** A storage that throws QuotaExceededError past `quota` characters of keys and values, as browsers do. */
function limitedStorage(quota: number): Storage {
  const inner = memoryStorage();
  const used = () => {
    let n = 0;
    for (let i = 0; i < inner.length; i++) {
      const key = inner.key(i) ?? "";
      n += key.length + (inner.getItem(key)?.length ?? 0);
    }
    return n;
  };
  return {
    get length() {
      return inner.length;
    },
    clear: () => inner.clear(),
    getItem: (key) => inner.getItem(key),
    key: (index) => inner.key(index),
    removeItem: (key) => inner.removeItem(key),
    setItem: (key, value) => {
      const before = inner.getItem(key);
      const grow = value.length - (before?.length ?? -key.length);
      if (used() + grow > quota) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      inner.setItem(key, value);
    },
  };
}

function texts(storage: Storage): [SlotOrigin, string][] {
  return loadSlots(storage).slots.map((s) => [s.origin, s.state.dockerfile]);
}

describe("saveSlot", () => {
  it("typing updates the newest typed slot in place", () => {
    const storage = memoryStorage();
    saveSlot(storage, "typed", state("a"), 1);
    saveSlot(storage, "typed", state("ab"), 2);
    expect(texts(storage)).toEqual([["typed", "ab"]]);
  });

  it("a link gets a slot of its own, and typing after it starts a new typed slot", () => {
    const storage = memoryStorage();
    saveSlot(storage, "typed", state("mine"), 1);
    saveSlot(storage, "link", state("linked"), 2);
    saveSlot(storage, "typed", state("linked, edited"), 3);
    expect(texts(storage)).toEqual([["typed", "linked, edited"], ["link", "linked"], ["typed", "mine"]]);
  });

  it("the same state saved again with its origin replaces the older copy", () => {
    const storage = memoryStorage();
    saveSlot(storage, "typed", state("mine"), 1);
    saveSlot(storage, "link", state("linked"), 2);
    saveSlot(storage, "typed", state("mine"), 3);
    expect(texts(storage)).toEqual([["typed", "mine"], ["link", "linked"]]);
  });

  it(`keeps at most ${MAX_SLOTS} slots, dropping links before typed text`, () => {
    const storage = memoryStorage();
    saveSlot(storage, "typed", state("mine"), 0);
    for (let i = 1; i <= MAX_SLOTS + 2; i++) saveSlot(storage, "link", state(`link ${i}`), i);
    const kept = texts(storage);
    expect(kept).toHaveLength(MAX_SLOTS);
    expect(kept).toContainEqual(["typed", "mine"]);
    expect(kept[0]).toEqual(["link", `link ${MAX_SLOTS + 2}`]);
  });

  it("storage full: a link never pushes out the typed text, and says it was not saved", () => {
    const storage = limitedStorage(600);
    expect(saveSlot(storage, "typed", state("m".repeat(300)), 1).ok).toBe(true);
    expect(saveSlot(storage, "link", state("l".repeat(300)), 2).ok).toBe(false);
    expect(texts(storage)).toEqual([["typed", "m".repeat(300)]]);
  });

  it("storage full: typed text makes room by dropping the oldest link first", () => {
    const storage = limitedStorage(1_200);
    saveSlot(storage, "typed", state("m".repeat(200)), 1);
    saveSlot(storage, "link", state("l".repeat(200)), 2);
    saveSlot(storage, "link", state("k".repeat(200)), 3);
    // All three fit; the next one needs the room of one of them.
    expect(texts(storage)).toHaveLength(3);
    expect(saveSlot(storage, "typed", state("n".repeat(300)), 4).ok).toBe(true);
    expect(texts(storage).map(([origin, text]) => [origin, text[0]])).toEqual([["typed", "n"], ["link", "k"], ["typed", "m"]]);
  });

  it("storage full: a failed in-place save leaves the older typed text there", () => {
    const storage = limitedStorage(400);
    saveSlot(storage, "typed", state("m".repeat(100)), 1);
    expect(saveSlot(storage, "typed", state("m".repeat(1_000)), 2).ok).toBe(false);
    expect(texts(storage)).toEqual([["typed", "m".repeat(100)]]);
  });
});

describe("loadSlots", () => {
  it("moves the version-1 save into a typed slot", () => {
    const storage = memoryStorage();
    storage.setItem(V1_KEY, JSON.stringify(toWire({ ...state("from v1"), tablesVersion: "x" })));
    expect(texts(storage)).toEqual([["typed", "from v1"]]);
    expect(storage.getItem(V1_KEY)).toBeNull();
    expect(storage.getItem(`${SLOT_PREFIX}1`)).not.toBeNull();
  });

  it("reads the version-1 save in place when there is no room to move it", () => {
    const storage = limitedStorage(200);
    storage.setItem(V1_KEY, JSON.stringify(toWire({ ...state("v1 ".repeat(30)), tablesVersion: "x" })));
    expect(texts(storage)).toEqual([["typed", "v1 ".repeat(30)]]);
    expect(storage.getItem(V1_KEY)).not.toBeNull();
  });

  it("rebuilds a damaged index from the slot keys, newest first, and says so", () => {
    const storage = memoryStorage();
    saveSlot(storage, "typed", state("old"), 1);
    saveSlot(storage, "link", state("new"), 2);
    storage.setItem(INDEX_KEY, "{\"v\":2,\"slots\":[{\"k\":");
    const loaded = loadSlots(storage);
    expect(loaded.slots.map((s) => s.state.dockerfile)).toEqual(["new", "old"]);
    expect(loaded.lost.join()).toContain("list of saved states was damaged");
  });

  it("salvages a slot cut short, and reports one with no text left without deleting it", () => {
    const storage = memoryStorage();
    saveSlot(storage, "typed", state("kept"), 1);
    saveSlot(storage, "link", state("cut short here"), 2);
    storage.setItem(`${SLOT_PREFIX}2`, storage.getItem(`${SLOT_PREFIX}2`)?.slice(0, -8) ?? "");
    storage.setItem(`${SLOT_PREFIX}9`, "garbage");
    const loaded = loadSlots(storage);
    expect(loaded.slots.map((s) => [s.state.dockerfile, s.problems.length > 0])).toEqual([["cut shor", true], ["kept", false]]);
    // Set aside under its own key, reported once, never deleted.
    expect(loaded.lost.join()).toContain(DAMAGED_KEY);
    expect(storage.getItem(`${SLOT_PREFIX}9`)).toBeNull();
    expect(storage.getItem(DAMAGED_KEY)).toBe("garbage");
    expect(loadSlots(storage).lost).toEqual([]);
  });
});
