import { describe, expect, it } from "vitest";
import { parseDockerfile } from "../../dockerfile/parse-dockerfile";
import { continuesToEnd, endsInContinuation, insertionPointBefore, lineBreakOf, lineStartOf, workdirsOf } from "./stages";

// Issue 14: CR-only files (old Mac line ends) were read as one line, so inserts went to offset 0.
describe("line helpers", () => {
  it.each([
    { name: "LF", text: "FROM a\nRUN b\n", offset: 9, start: 7, nl: "\n" },
    { name: "CRLF", text: "FROM a\r\nRUN b\r\n", offset: 10, start: 8, nl: "\r\n" },
    { name: "CR only", text: "FROM a\rRUN b\r", offset: 9, start: 7, nl: "\r" },
    { name: "first line", text: "FROM a\rRUN b\r", offset: 3, start: 0, nl: "\r" },
  ])("$name", ({ text, offset, start, nl }) => {
    expect(lineStartOf(text, offset)).toBe(start);
    expect(lineBreakOf(text)).toBe(nl);
  });
});

// Fuzz case 67901: a file that ends inside a continuation joins whatever is appended to its last instruction.
describe("endsInContinuation", () => {
  it.each([
    { name: "an ended file", text: "FROM a\nRUN b\n", escape: "\\", ends: false },
    { name: "a trailing backslash, no line break", text: "FROM a\nRUN b && \\", escape: "\\", ends: true },
    { name: "a trailing backslash, then a line break and spaces", text: "FROM a\r\nRUN b && \\  \r\n", escape: "\\", ends: true },
    { name: "blank and comment lines do not end a continuation", text: "FROM a\nRUN b && \\\n\n# note\n", escape: "\\", ends: true },
    { name: "the backtick escape of `# escape=`", text: "# escape=`\nFROM a\rRUN b `\r", escape: "`", ends: true },
    { name: "a backslash is no escape under `# escape=`", text: "# escape=`\nFROM a\nRUN dir C:\\\n", escape: "`", ends: false },
  ])("$name", ({ text, escape, ends }) => {
    expect(endsInContinuation(text, escape)).toBe(ends);
  });
});

describe("continuesToEnd", () => {
  it.each([
    { name: "the last RUN continuing into the end", text: "FROM a\nRUN b \\\n", line: 2, continues: true },
    { name: "the same, past a blank and a comment line", text: "FROM a\nRUN b \\\n\n# note\n", line: 2, continues: true },
    { name: "an earlier RUN of a file that ends continuing another", text: "FROM a\nRUN b\nRUN c \\\n", line: 2, continues: false },
    { name: "an ended last RUN", text: "FROM a\nRUN b\n", line: 2, continues: false },
  ])("$name", ({ text, line, continues }) => {
    const model = parseDockerfile(text);
    const node = model.instructions.find((n) => n.range.startLine === line);
    expect(node).toBeDefined();
    if (node !== undefined) expect(continuesToEnd(text, node, model.escapeChar)).toBe(continues);
  });
});

// The escape directive reaches the WORKDIR reading: under `# escape=\``, `C:\app` keeps its backslash.
describe("workdirsOf", () => {
  it.each([
    { name: "quotes removed", text: 'FROM a\nWORKDIR "/srv"/app\n', cwd: "/srv/app" },
    { name: "backslash escapes by default", text: "FROM a\nWORKDIR /srv/a\\b\n", cwd: "/srv/ab" },
    { name: "backslash is plain under the backtick directive", text: "# escape=`\nFROM a\nWORKDIR /srv/a\\b\n", cwd: "/srv/a\\b" },
  ])("$name", ({ text, cwd }) => {
    const model = parseDockerfile(text);
    const stage = model.stages[0];
    expect(stage === undefined ? null : workdirsOf(stage, model.escapeChar).at(-1)).toBe(cwd);
  });
});

// Lines inserted before an instruction go above the comment block that describes it (corpus file 119).
describe("insertionPointBefore", () => {
  it.each([
    { name: "no comment: the instruction's line", text: "FROM a\nRUN b\nCMD c\n", at: "CMD c" },
    { name: "above the comment block", text: "FROM a\nRUN b\n# one\n  # two\nCMD c\n", at: "# one" },
    { name: "a blank line ends the block", text: "FROM a\nRUN b\n# about b\n\n# about c\nCMD c\n", at: "# about c" },
    { name: "CRLF", text: "FROM a\r\nRUN b\r\n# c\r\nCMD c\r\n", at: "# c" },
    { name: "CR only", text: "FROM a\rRUN b\r# c\rCMD c\r", at: "# c" },
    { name: "a comment inside the RUN above stays the RUN's", text: "FROM a\nRUN b && \\\n# inside\n    d\nCMD c\n", at: "CMD c" },
    { name: "the last comment line of a continued RUN is still the RUN's", text: "FROM a\nRUN b && \\\n    d\n# mine\nCMD c\n", at: "# mine" },
  ])("$name", ({ text, at }) => {
    const model = parseDockerfile(text);
    const node = model.instructions.find((n) => n.keyword === "CMD");
    expect(node === undefined ? null : text.slice(insertionPointBefore(model, node)).startsWith(at)).toBe(true);
  });

  it("keeps parser directives above the first instruction", () => {
    const model = parseDockerfile("# syntax=docker/dockerfile:1\nFROM a\n");
    const from = model.instructions[0];
    expect(from === undefined ? null : insertionPointBefore(model, from)).toBe(model.text.indexOf("FROM"));
  });
});
