import { describe, expect, it } from "vitest";
import { unquoteWord } from "./unquote";

describe("unquoteWord", () => {
  it.each([
    { word: "/app", out: "/app" },
    { word: '"/app"', out: "/app" },
    { word: "'/app'", out: "/app" },
    { word: '"/opt"/x', out: "/opt/x" },
    { word: '"/my app"', out: "/my app" },
    { word: "'a\"b'", out: 'a"b' },
    { word: '"a\\"b"', out: 'a"b' },
    { word: '"a\\nb"', out: "a\\nb" },
    { word: "a\\ b", out: "a b" },
    { word: '"unclosed', out: "unclosed" },
    { word: '"/app"', escape: "`", out: "/app" },
    { word: '"a`"b"', escape: "`", out: 'a"b' },
  ])("$word → $out", ({ word, escape, out }) => {
    expect(unquoteWord(word, escape)).toBe(out);
  });
});
