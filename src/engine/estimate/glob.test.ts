import { describe, expect, it } from "vitest";
import { globMatch, globSegments } from "./glob";

describe("globMatch", () => {
  it.each([
    { pattern: "/var/lib/apt/lists/*", path: "/var/lib/apt/lists/partial", matches: true },
    { pattern: "/tmp/*.whl", path: "/tmp/a/b.whl", matches: false },
    { pattern: "/tmp/*.whl", path: "/tmp/b.whl", matches: true },
    { pattern: "/wheels/**", path: "/wheels/a/b.whl", matches: true },
    { pattern: "/wheels/**/b.whl", path: "/wheels/b.whl", matches: true },
    { pattern: "/a/?", path: "/a/b", matches: true },
    { pattern: "/a/?", path: "/a/", matches: false },
    { pattern: "/a/[bc]d", path: "/a/cd", matches: true },
    { pattern: "/a/[!bc]d", path: "/a/cd", matches: false },
    { pattern: "/a/[a-c]", path: "/a/b", matches: true },
    { pattern: "/a/[z-a]", path: "/a/b", matches: false },
    { pattern: "/a/[b", path: "/a/[b", matches: true },
    { pattern: "*.pyc", path: "x.pyc", matches: true },
    { pattern: "", path: "", matches: true },
    { pattern: "", path: "a", matches: false },
  ])("$pattern on $path: $matches", ({ pattern, path, matches }) => {
    expect(globMatch(pattern, path)).toBe(matches);
  });

  // Minimised from issue 14's class of hangs: as a RegExp (`^[^/]*a[^/]*a…b$`) this backtracks for minutes.
  it("stays linear in pattern × path on many stars", () => {
    const started = performance.now();
    expect(globMatch(`${"*a".repeat(40)}*b`, "a".repeat(5_000))).toBe(false);
    expect(globMatch(`/${"**a".repeat(40)}**b`, `/${"a/".repeat(2_500)}`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe("globSegments", () => {
  it.each([
    { pattern: "/wheels/*.whl", segments: ["", "wheels", "*.whl"] },
    { pattern: "/a/[bc]/d?", segments: ["", "a", "[bc]", "d?"] },
    // A `[` never closed is literal, in the segment as in the whole pattern.
    { pattern: "/a/[b/c", segments: ["", "a", "[b", "c"] },
    { pattern: "*.pyc", segments: ["*.pyc"] },
    // `**` crosses slashes, and a slash inside a class is no separator: no segment-wise match.
    { pattern: "/wheels/**/x.whl", segments: null },
    { pattern: "/a/[b/]c", segments: null },
  ])("$pattern", ({ pattern, segments }) => {
    expect(globSegments(pattern)).toEqual(segments);
  });
});
