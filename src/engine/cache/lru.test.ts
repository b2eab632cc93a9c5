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
});
