import { describe, expect, it } from "vitest";
import { analyze } from "../engine/analyze";
import { cell, uncountedMarkdown } from "../report/markdown";
import { budgetExitCode, budgetLine, checkBudget, EXIT_CANNOT_JUDGE, EXIT_OVER_BUDGET, parseSize, unweighedLines } from "./budget";

describe("parseSize", () => {
  it.each([
    { text: "250MB", bytes: 250_000_000 },
    { text: "250mb", bytes: 250_000_000 },
    { text: "1.5GB", bytes: 1_500_000_000 },
    { text: "300MiB", bytes: 300 * 1024 * 1024 },
    { text: "64kB", bytes: 64_000 },
    { text: "2 GiB", bytes: 2 * 1024 ** 3 },
    { text: "123456", bytes: 123_456 },
    { text: "10B", bytes: 10 },
  ])("$text is $bytes bytes", ({ text, bytes }) => {
    expect(parseSize(text)).toBe(bytes);
  });

  it.each(["", "MB", "-5MB", "1,5GB", "12 parsecs", "1e9"])("%j is not a size", (text) => {
    expect(parseSize(text)).toBeNull();
  });
});

describe("checkBudget", () => {
  const estimate = analyze({ dockerfile: "FROM python:3.12-slim\n", requirements: [], dockerignore: null }).estimate;

  it("is null without limits", () => {
    expect(checkBudget(estimate, { maxBytes: null, maxPullBytes: null }, "Dockerfile")).toBeNull();
  });

  it.each([
    { name: "exactly at both limits is within", size: 0, pull: 0, over: [] },
    { name: "one byte under the size is over it", size: -1, pull: 0, over: ["max-size"] },
    { name: "one byte under the pull size is over it", size: 0, pull: -1, over: ["max-pull-size"] },
    { name: "both", size: -1, pull: -1, over: ["max-size", "max-pull-size"] },
  ])("$name", ({ size, pull, over }) => {
    const verdict = checkBudget(estimate, { maxBytes: estimate.totalBytes + size, maxPullBytes: estimate.compressedBytes + pull }, "app/Dockerfile");
    expect(verdict?.over).toBe(over.length > 0);
    expect(verdict?.violations.map((v) => v.limit)).toEqual(over);
    for (const v of verdict?.violations ?? []) expect(v.message).toMatch(new RegExp(`^app/Dockerfile as written is .+, over the --${v.limit} budget of .+ \\(by 1 B\\)$`));
  });
});

describe("checkBudget on an estimate that leaves something out", () => {
  // An unknown base and an installer the model does not weigh (the conda / micromamba images of review 17):
  // the total is a few kB of copied files, while the real image is gigabytes.
  const conda = analyze({
    dockerfile: "FROM mambaorg/micromamba:1.5.10\nCOPY environment.yml /tmp/environment.yml\nRUN micromamba install -y -n base -f /tmp/environment.yml\n",
    requirements: [], dockerignore: null,
  }).estimate;
  const known = analyze({ dockerfile: "FROM python:3.12-slim\n", requirements: [], dockerignore: null }).estimate;
  const roomy = { maxBytes: 250_000_000, maxPullBytes: 100_000_000 };
  /** A verdict, never null here: every case sets a limit. */
  const judge = (e: typeof conda, limits: Parameters<typeof checkBudget>[1]) => {
    const verdict = checkBudget(e, limits, "Dockerfile");
    if (verdict === null) throw new Error("a limit was set: the verdict is not null");
    return verdict;
  };

  it("is not judged within a limit its floor is under, and says what is left out", () => {
    expect(conda.totalBytes).toBeLessThan(roomy.maxBytes);
    const verdict = judge(conda, roomy);
    expect(verdict).toMatchObject({ over: false, judged: false, violations: [] });
    expect(verdict.unweighed.map((w) => [w.code, w.line])).toEqual([["unknown-base-image", 1], ["unmodelled-command", 3]]);
    expect(budgetLine(verdict, "Dockerfile")).toMatch(/^Cannot judge the budget: Dockerfile as written is at least .+ on disk \(limit 250 MB\) and .+ to pull \(limit 100 MB\), but the estimate leaves out 2 things it cannot weigh\.$/);
  });

  it("is over all the same when even its floor is over: the image is larger still", () => {
    const verdict = judge(conda, { maxBytes: conda.totalBytes - 1, maxPullBytes: null });
    expect(verdict).toMatchObject({ over: true, judged: true });
    expect(verdict.unweighed).toHaveLength(2);
    expect(budgetLine(verdict, "Dockerfile")).toMatch(/^Over budget: /);
  });

  it("is judged where the estimate weighs everything", () => {
    expect(checkBudget(known, roomy, "Dockerfile")).toMatchObject({ over: false, judged: true, unweighed: [] });
  });

  it("leaves out exactly what the report lists under \"Not in these sizes\" (one definition for both)", () => {
    const listed = uncountedMarkdown(conda).filter((l) => l.startsWith("- "));
    expect(listed).toEqual(unweighedLines(judge(conda, roomy)).map((l) => `- ${cell(l)}`));
    expect(listed).toHaveLength(2);
  });

  it.each([
    { name: "within, judged", estimate: known, limits: roomy, policy: "fail", code: 0 },
    { name: "not judged", estimate: conda, limits: roomy, policy: "fail", code: EXIT_CANNOT_JUDGE },
    { name: "not judged, --unweighed pass", estimate: conda, limits: roomy, policy: "pass", code: 0 },
    { name: "over on a floor, --unweighed pass", estimate: conda, limits: { maxBytes: 1, maxPullBytes: null }, policy: "pass", code: EXIT_OVER_BUDGET },
  ] as const)("exit code: $name is $code", ({ estimate: e, limits, policy, code }) => {
    expect(budgetExitCode(judge(e, limits), policy)).toBe(code);
  });
});
