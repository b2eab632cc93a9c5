import { describe, expect, it } from "vitest";
import { applyEdits } from "./edits";

describe("applyEdits", () => {
  it.each([
    { name: "no edits", text: "abc", edits: [], out: "abc" },
    { name: "replace middle", text: "abcdef", edits: [{ start: 2, end: 4, text: "XY" }], out: "abXYef" },
    { name: "unsorted edits", text: "abcdef", edits: [{ start: 4, end: 5, text: "2" }, { start: 0, end: 1, text: "1" }], out: "1bcd2f" },
    { name: "insertions at one offset keep order", text: "ab", edits: [{ start: 1, end: 1, text: "x" }, { start: 1, end: 1, text: "y" }], out: "axyb" },
    { name: "adjacent edits", text: "abcd", edits: [{ start: 0, end: 2, text: "" }, { start: 2, end: 4, text: "Z" }], out: "Z" },
  ])("$name", ({ text, edits, out }) => {
    expect(applyEdits(text, edits)).toEqual({ ok: true, text: out });
  });

  it.each([
    { name: "overlap", edits: [{ start: 0, end: 3, text: "" }, { start: 2, end: 4, text: "" }], error: /overlap/ },
    { name: "out of range", edits: [{ start: 2, end: 9, text: "" }], error: /outside/ },
    { name: "reversed range", edits: [{ start: 3, end: 2, text: "" }], error: /outside/ },
  ])("refuses $name", ({ edits, error }) => {
    const result = applyEdits("abcdef", edits);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});
