import { describe, expect, it } from "vitest";
import { fillMessage } from "./finding";

const cases: { name: string; template: string; data: Record<string, string | number>; out: string }[] = [
  { name: "fills every placeholder", template: "{{a}} and {{ b }}.", data: { a: "x", b: 2 }, out: "x and 2." },
  { name: "keeps a placeholder the data lacks, as written", template: "{{a}} {{ missing }}", data: { a: "x" }, out: "x {{ missing }}" },
  { name: "fills a key used twice", template: "{{a}}{{a}}", data: { a: "y" }, out: "yy" },
  { name: "leaves a template without placeholders", template: "no {{-}} place {holders}", data: { a: "x" }, out: "no {{-}} place {holders}" },
  { name: "fills an empty value", template: "[{{a}}]", data: { a: "" }, out: "[]" },
];

describe("fillMessage", () => {
  it.each(cases)("$name", ({ template, data, out }) => {
    expect(fillMessage(template, data)).toBe(out);
    // The second call reads the template's cached parts: same answer.
    expect(fillMessage(template, data)).toBe(out);
  });
});
