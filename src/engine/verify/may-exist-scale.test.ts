// Regression for the build check's file lookups over a long stage (issue 14, the `bulk` fuzz class: a
// file's own `COPY . .` and `RUN pip install -r requirements.txt` repeated thousands of times). Every
// `-r requirements.txt` asked whether the file may exist, and the answer listed, in order, every entry
// holding the path: one more copy of the build context per repetition, so the file's work grew with the
// square of its length (~0.5 s of a 1 MiB plan). Counters, not timers: the entries a question reads, and
// the .dockerignore matches it makes.
import { afterEach, describe, expect, it, vi } from "vitest";
import * as dockerignore from "../estimate/dockerignore";
import { StageFs, type FsEntry } from "../estimate/stage-fs";
import { estimate } from "../estimate/test-support";

function contextCopy(n: number): FsEntry {
  return { path: "/app", bytes: 100, category: "app", label: `copy ${n}`, sources: [], pycBytes: 0, pythonPackage: null, wheelFile: false, groups: ["context:."] };
}

describe("the build check's file lookups over a growing stage", () => {
  afterEach(() => vi.restoreAllMocks());

  it("someContaining stops at the first entry that answers", () => {
    const fs = new StageFs();
    fs.startLayer({ line: 1, instruction: "COPY . .", stageIndex: 0, invalidatedBySource: true, installsPackages: false });
    for (let n = 0; n < 1_000; n++) fs.add(contextCopy(n));
    const test = vi.fn(() => true);
    expect(fs.someContaining("/app/requirements.txt", test)).toBe(true);
    expect(test).toHaveBeenCalledTimes(1);
  });

  function ignoreChecks(repeats: number): number {
    const spy = vi.spyOn(dockerignore, "isIgnored");
    const lines = Array.from({ length: repeats }, () => ["COPY . .", "RUN pip install -r requirements.txt"]).flat();
    const result = estimate(["FROM python:3.12-slim", "WORKDIR /app", ...lines].join("\n"), { requirements: { "requirements.txt": "flask\n" }, dockerignore: "requirements.txt\n" });
    // The file is kept out of the context: every install of it is reported, so every question was asked.
    expect(result.buildCheck.filter((f) => f.code === "file-not-in-image")).toHaveLength(repeats);
    const calls = spy.mock.calls.length;
    spy.mockRestore();
    return calls;
  }

  it("copies of one context directory are matched against .dockerignore once per question", () => {
    const small = ignoreChecks(100);
    const large = ignoreChecks(200);
    // One match per question is linear (twice the questions, twice the matches); one per copy per
    // question is quadratic (four times).
    expect(large).toBeLessThanOrEqual(2 * small + 20);
  }, 60_000);
});
