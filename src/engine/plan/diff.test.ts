import { createTwoFilesPatch } from "diff";
import { describe, expect, it } from "vitest";
import { diffTexts, diffTooLargeText } from "./diff";
import type { PlanTexts } from "./texts";

const texts = (dockerfile: string, requirements = "flask\n"): PlanTexts => ({ dockerfile, requirements: [{ path: "requirements.txt", text: requirements }], dockerignore: null, projectFiles: [] });
const lines = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `RUN echo ${tag}${i}`).join("\n") + "\n";

describe("diffTexts", () => {
  it.each([
    { name: "one line changed", before: "FROM python:3.12\nRUN pip install flask\n", after: "FROM python:3.12-slim\nRUN pip install flask\n" },
    { name: "lines added at the end", before: "FROM a\n", after: "FROM a\nUSER 1000\nCMD x\n" },
    { name: "no newline at the end", before: "FROM a", after: "FROM b" },
  ])("is jsdiff's unified diff under the cap: $name", ({ before, after }) => {
    const expected = createTwoFilesPatch("a/Dockerfile", "b/Dockerfile", before, after, "", "", { context: 3 }).replace(/^=+\n/, "");
    expect(diffTexts(texts(before), texts(after))).toBe(expected);
  });

  it("is empty when nothing changed", () => {
    expect(diffTexts(texts("FROM a\n"), texts("FROM a\n"))).toBe("");
  });

  it("says a file's diff is too large past the edit cap, and still diffs the other files", () => {
    // 20 lines replaced by 20 others: 40 line edits, over a cap of 10.
    const diff = diffTexts(texts(lines(20, "a")), texts(lines(20, "b"), "flask\nrequests\n"), 10);
    expect(diff.startsWith(diffTooLargeText("Dockerfile", 10))).toBe(true);
    expect(diff).toContain("+requests");
  });
});
