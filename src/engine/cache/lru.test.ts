import { describe, expect, it } from "vitest";
import { LruCache } from "./lru";

describe("LruCache", () => {
  it("computes once per key and returns the kept value after", () => {
    const cache = new LruCache<number>({ maxEntries: 4, maxKeyChars: 100 });
    let calls = 0;
    const compute = () => ++calls;
    expect(cache.getOrCompute("a", compute)).toBe(1);
    expect(cache.getOrCompute("a", compute)).toBe(1);
    expect(calls).toBe(1);
  });

  it.each([
    // Three keys into two entries: the least recently used ("b", since "a" was read again) goes.
    { name: "entries", options: { maxEntries: 2, maxKeyChars: 100 }, keys: ["a", "b", "a", "c"], kept: ["a", "c"], dropped: ["b"] },
    // 3 + 3 + 3 characters into a budget of 7: the oldest key goes.
    { name: "key characters", options: { maxEntries: 10, maxKeyChars: 7 }, keys: ["aaa", "bbb", "ccc"], kept: ["bbb", "ccc"], dropped: ["aaa"] },
    // A key longer than the whole budget is computed but never kept (and evicts nothing).
    { name: "an oversized key", options: { maxEntries: 10, maxKeyChars: 4 }, keys: ["ab", "abcdef"], kept: ["ab"], dropped: ["abcdef"] },
  ])("is bounded by $name", ({ options, keys, kept, dropped }) => {
    const cache = new LruCache<string>(options);
    for (const key of keys) cache.getOrCompute(key, () => key);
    for (const key of kept) expect(cache.getOrCompute(key, () => "recomputed")).toBe(key);
    for (const key of dropped) expect(cache.getOrCompute(key, () => "recomputed")).toBe("recomputed");
  });

  it.each([
    // Read right after its insertion (not moved: it is among the newest quarter), then 3/4 of the entries.
    { name: "read while among the newest", target: "k7", inserted: 6 },
    // Read once it has drifted to the front (moved to the back), then 3/4 of the entries.
    { name: "read at the front", target: "k0", inserted: 6 },
  ])("keeps an entry read since the last quarter of insertions through the next three quarters: $name", ({ target, inserted }) => {
    const cache = new LruCache<string>({ maxEntries: 8, maxKeyChars: 1000 });
    const keys = Array.from({ length: 8 }, (_, i) => `k${i}`);
    for (const key of keys) cache.getOrCompute(key, () => key);
    expect(cache.getOrCompute(target, () => "recomputed")).toBe(target);
    for (let i = 0; i < inserted; i++) cache.getOrCompute(`new${i}`, () => "new");
    expect(cache.getOrCompute(target, () => "recomputed")).toBe(target);
    expect(cache.size).toBe(8);
  });
});

