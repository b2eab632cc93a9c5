// The python tag grammar: what a tag's version reads as, and that a rewrite writes the user's text back.
import { describe, expect, it } from "vitest";
import { formatPythonTag, parsePythonTag } from "./python-tag";

describe("parsePythonTag", () => {
  it.each([
    // `2` stopped moving at 2.7 (2.7.18): every reader sees 2.7; `3` still moves, so it names no minor.
    { name: "python 2, major only", tag: "2", major: 2, minor: 7, variant: "full" },
    { name: "python 2, major only, slim", tag: "2-slim", major: 2, minor: 7, variant: "slim" },
    { name: "python 2, major only, alpine", tag: "2-alpine", major: 2, minor: 7, variant: "alpine" },
    { name: "python 2.7", tag: "2.7-slim", major: 2, minor: 7, variant: "slim" },
    { name: "python 3, major only", tag: "3", major: 3, minor: null, variant: "full" },
    { name: "python 3, major only, slim", tag: "3-slim", major: 3, minor: null, variant: "slim" },
  ])("$name: $tag", ({ tag, major, minor, variant }) => {
    const parsed = parsePythonTag(tag);
    expect(parsed?.version).toMatchObject({ major, minor });
    expect(parsed?.variant).toBe(variant);
  });

  it("keeps the tag's own text, so another variant of python:2 is still written `2`", () => {
    const parsed = parsePythonTag("2");
    expect(parsed === null ? null : formatPythonTag({ ...parsed, variant: "slim" })).toBe("2-slim");
  });
});
