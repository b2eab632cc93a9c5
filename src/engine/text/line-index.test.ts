import { describe, expect, it } from "vitest";
import { LineIndex } from "./line-index";

describe("LineIndex", () => {
  it.each([
    { name: "LF", text: "ab\ncd", offset: 3, line: 2, column: 1 },
    { name: "CRLF", text: "ab\r\ncd", offset: 5, line: 2, column: 2 },
    { name: "lone CR", text: "ab\rcd", offset: 4, line: 2, column: 2 },
    { name: "end of text", text: "ab\n", offset: 3, line: 2, column: 1 },
    { name: "clamped past end", text: "ab", offset: 99, line: 1, column: 3 },
  ])("positionAt for $name", ({ text, offset, line, column }) => {
    expect(new LineIndex(text).positionAt(offset)).toEqual({ line, column });
  });

  it("round-trips LSP positions and reads line text without terminators", () => {
    const index = new LineIndex("FROM x\r\nRUN y\n");
    expect(index.offsetAt(1, 4)).toBe(12);
    expect(index.lineText(1)).toBe("FROM x");
    expect(index.lineText(2)).toBe("RUN y");
    expect(index.lineCount).toBe(3);
  });
});
