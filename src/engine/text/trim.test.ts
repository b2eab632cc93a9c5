import { describe, expect, it } from "vitest";
import { trimEndChar, trimStartChar } from "./trim";

describe("trimEndChar / trimStartChar", () => {
  it.each([
    { name: "trailing slashes", text: "/app///", char: "/", end: "/app", start: "app///" },
    { name: "only the character", text: "\\\\\\", char: "\\", end: "", start: "" },
    { name: "none to trim", text: "a/b", char: "/", end: "a/b", start: "a/b" },
    { name: "empty", text: "", char: "/", end: "", start: "" },
    { name: "inner run kept", text: "\\\\x\\", char: "\\", end: "\\\\x", start: "x\\" },
  ])("$name", ({ text, char, end, start }) => {
    expect(trimEndChar(text, char)).toBe(end);
    expect(trimStartChar(text, char)).toBe(start);
  });

  // The reproducer from issue 14: the regex took ~6 s here; a linear scan takes well under a millisecond.
  it("is linear on a long run that does not reach the end", () => {
    const text = `${"\\".repeat(200_000)}x\\`;
    const started = performance.now();
    expect(trimEndChar(text, "\\")).toHaveLength(200_001);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
