import { describe, expect, it } from "vitest";
import { readWord, unquoteWord } from "./unquote";
import { expansionBudget } from "./variables";

describe("unquoteWord", () => {
  it.each([
    { name: "plain", word: "/app", out: "/app" },
    { name: "double quotes", word: '"/app"', out: "/app" },
    { name: "single quotes", word: "'/app'", out: "/app" },
    { name: "quoted part", word: '"/opt"/x', out: "/opt/x" },
    { name: "space in quotes", word: '"/my app"', out: "/my app" },
    { name: "double quote in single", word: "'a\"b'", out: 'a"b' },
    { name: "escaped double quote", word: '"a\\"b"', out: 'a"b' },
    { name: "other escape in double quotes stays", word: '"a\\nb"', out: "a\\nb" },
    { name: "escaped space", word: "a\\ b", out: "a b" },
    { name: "escape at the end is dropped", word: "a\\", out: "a" },
    { name: "unclosed", word: '"unclosed', out: "unclosed" },
    { name: "variables kept without a scope", word: '"$HOME/x"', out: "$HOME/x" },
    { name: "backtick escape: quotes", word: '"/app"', escape: "`", out: "/app" },
    { name: "backtick escape: escaped quote", word: '"a`"b"', escape: "`", out: 'a"b' },
    // BuildKit's lexer, not the shell: with `# escape=\``, a backslash is a plain character, even in quotes.
    { name: "backtick escape: backslash is plain", word: "C:\\app\\x", escape: "`", out: "C:\\app\\x" },
    { name: "backtick escape: backslash in quotes", word: '"C:\\\\x"', escape: "`", out: "C:\\\\x" },
  ])("$name: $word → $out", ({ word, escape, out }) => {
    expect(unquoteWord(word, escape ?? "\\")).toBe(out);
  });
});

describe("readWord with variables (BuildKit's one pass)", () => {
  const vars = new Map([["APP", "/srv/app"], ["Q", '"x"'], ["EMPTY", ""]]);
  it.each([
    { name: "expands in double quotes", word: '"$APP/req.txt"', out: "/srv/app/req.txt" },
    { name: "braces and default", word: "${NOPE:-/d}/${APP}", out: "/d//srv/app" },
    { name: "not in single quotes", word: "'$APP'", out: "$APP" },
    { name: "escaped dollar", word: "\\$APP", out: "$APP" },
    { name: "escaped dollar in double quotes", word: '"\\$APP"', out: "$APP" },
    // A value's quotes are data: expanding first and unquoting after removed them.
    { name: "quotes in a value are kept", word: "$Q", out: '"x"' },
    { name: "empty for :-", word: "${EMPTY:-e}", out: "e" },
    { name: "lone dollar", word: "a$", out: "a$" },
  ])("$name: $word → $out", ({ word, out }) => {
    expect(readWord(word, "\\", vars).value).toBe(out);
  });

  it("reports unresolved variables and an unclosed quote", () => {
    const reading = readWord('"$MISSING/x', "\\", vars);
    expect(reading).toMatchObject({ value: "/x", unresolved: ["MISSING"], unclosed: '"' });
  });

  it("caps the whole value at one value's limit, not each reference, with the estimate's budget (limits.test: ENV doubling)", () => {
    const big = new Map([["B", "x".repeat(100_000)]]);
    const budget = expansionBudget();
    const reading = readWord("$B$B", "\\", big, budget);
    expect(reading.value.length).toBe(128 * 1024);
    expect(budget).toMatchObject({ limited: true, remaining: expansionBudget().remaining - 128 * 1024 });
  });

  it("caps a word's expansion at one value's limit when no budget is given", () => {
    const big = new Map([["B", "x".repeat(100_000)]]);
    const reading = readWord("$B$B$B$B", "\\", big);
    expect(reading.limited).toBe(true);
    expect(reading.value.length).toBeLessThanOrEqual(128 * 1024);
  });
});
