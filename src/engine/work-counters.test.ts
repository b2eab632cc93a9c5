// The counters the bench prints beside a plan's time count what they say: a new text is parsed once per
// analysis, the same text again is not parsed (parseDockerfileCached answers), and a plan's detect runs
// are one per rule on the original texts plus those of the steps.
import { describe, expect, it } from "vitest";
import { analyze } from "./analyze";
import { buildPlan } from "./plan/plan";
import { countWork } from "./work-counters";
import { RULES } from "./rules/registry";

describe("countWork", () => {
  it("counts one parse for a new text and none for the same text analysed again", () => {
    const input = { dockerfile: "FROM python:3.12-slim\nRUN pip install flask\n# work-counters test\n", requirements: [], dockerignore: null };
    expect(countWork(() => analyze(input)).work).toEqual({ parses: 1, analyses: 1, detects: 0 });
    expect(countWork(() => analyze(input)).work).toEqual({ parses: 0, analyses: 1, detects: 0 });
  });

  it("counts a plan's analyses and every rule's detect on the original texts", () => {
    const input = { dockerfile: "FROM python:3.12\nCOPY . .\nRUN pip install flask\n# work-counters plan test\n", requirements: [], dockerignore: null };
    expect(countWork(() => buildPlan({ ...input, rules: [] })).work).toEqual({ parses: 1, analyses: 1, detects: 0 });
    const { result, work } = countWork(() => buildPlan({ ...input, dockerfile: `${input.dockerfile}# again\n` }));
    const tried = result.steps.filter((s) => s.status === "applied" || s.status === "offered").length;
    expect(tried).toBeGreaterThan(0);
    // The original and one analysis per checked rewrite, each of a new text.
    expect(work.analyses).toBeGreaterThanOrEqual(1 + tried);
    expect(work.parses).toBe(work.analyses);
    expect(work.detects).toBeGreaterThan(RULES.length);
  });
});
