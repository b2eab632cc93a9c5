import { describe, expect, it } from "vitest";
import { logicalSource, runScript } from "./run-script";

const mapped = (text: string, escape = "\\") => {
  const source = logicalSource(text, 0, text.length, escape);
  return { script: source.text, chars: [...source.text].map((c, i) => text[source.offsets[i] ?? -1] === c) };
};

describe("logicalSource", () => {
  it.each([
    { name: "plain", text: "pip install flask", script: "pip install flask" },
    { name: "continuation", text: "pip install \\\n    flask", script: "pip install     flask" },
    { name: "continuation with trailing spaces", text: "a \\  \n b", script: "a  b" },
    { name: "CRLF continuation", text: "a \\\r\n b", script: "a  b" },
    { name: "comment line inside continuation", text: "a \\\n# note\n b", script: "a  b" },
    { name: "blank line inside continuation", text: "a \\\n\n b", script: "a  b" },
    { name: "escaped character is kept", text: "echo \\$HOME", script: "echo \\$HOME" },
    { name: "backtick escape", text: "a `\n b", script: "a  b", escape: "`" },
  ])("$name", ({ text, script, escape }) => {
    const result = mapped(text, escape);
    expect(result.script).toBe(script);
    // Every character of the script maps back to the same character in the Dockerfile text.
    expect(result.chars.every(Boolean)).toBe(true);
  });

  it("ends the offset map at the end offset", () => {
    const source = logicalSource("xx a \\\n b", 3, 9, "\\");
    expect(source.offsets[source.offsets.length - 1]).toBe(9);
    expect(source.offsets[0]).toBe(3);
  });
});

describe("runScript with heredocs", () => {
  const text = "<<EOF\nset -eux\npip install flask\nEOF";
  const heredoc = (content: string, start: number) => ({
    name: "EOF",
    content,
    stripsTabs: false,
    terminated: true,
    contentRange: { start, end: start + content.length, startLine: 2, startColumn: 1, endLine: 3, endColumn: 18 },
  });

  it("runs the body when the first line is only the marker", () => {
    const source = runScript(text, 0, text.length, "\\", [heredoc("set -eux\npip install flask", 6)]);
    expect(source.text).toBe("set -eux\npip install flask");
    expect(source.offsets[0]).toBe(6);
  });

  it("runs the body when the first line starts a shell", () => {
    const t = "bash <<EOF\npip install x\nEOF";
    expect(runScript(t, 0, t.length, "\\", [heredoc("pip install x", 11)]).text).toBe("pip install x");
  });

  it("treats the body as data for other commands", () => {
    const t = "python3 <<EOF\nprint(1)\nEOF";
    expect(runScript(t, 0, t.length, "\\", [heredoc("print(1)", 14)]).text).toBe("python3 <<EOF");
  });
});
