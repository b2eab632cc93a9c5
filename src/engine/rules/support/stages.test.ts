import { describe, expect, it } from "vitest";
import { lineBreakOf, lineStartOf } from "./stages";

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
