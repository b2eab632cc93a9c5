// The worker's two answers: a plan without diffs (plan-view.ts), and the diff of one step of the latest plan
// on request (compute-plan.ts), which must equal the engine's own lazy diff of that step.
import { describe, expect, it } from "vitest";
import { buildPlan, type Plan, type PlanStep } from "../engine/plan/plan";
import { EXAMPLES } from "../examples/index";
import { computeDiff, computePlan } from "./compute-plan";
import { toPlanView } from "./plan-view";
import type { PlanRequest } from "./protocol";

const requests: PlanRequest[] = EXAMPLES.map((example, index) => ({
  id: 100 + index,
  input: {
    dockerfile: example.dockerfile,
    requirements: example.requirements.map((f) => ({ path: f.path, content: f.text })),
    dockerignore: example.dockerignore,
  },
}));

/** The plan with each step's diff getter replaced by one that counts its reads. */
function countingDiffReads(plan: Plan): { readonly plan: Plan; readonly reads: () => number } {
  let reads = 0;
  const steps = plan.steps.map((step) => {
    const { diff: _engineDiff, ...descriptors } = Object.getOwnPropertyDescriptors(step);
    return Object.defineProperties({}, { ...descriptors, diff: { enumerable: true, get: () => { reads++; return ""; } } }) as PlanStep;
  });
  return { plan: { ...plan, steps }, reads: () => reads };
}

describe("toPlanView", () => {
  it.each(requests)("never reads a step's lazy diff, and keeps every other field (request $id)", ({ input }) => {
    const { plan, reads } = countingDiffReads(buildPlan(input));
    const view = toPlanView(plan);
    expect(reads()).toBe(0);
    view.steps.forEach((step, i) => {
      const source = plan.steps[i];
      expect(step).not.toHaveProperty("diff");
      expect(step).not.toHaveProperty("analysis");
      expect(step.estimate).toBe(source?.analysis.estimate);
      expect(step.diagnostics).toBe(source?.analysis.diagnostics);
      expect({ ...step, estimate: undefined, diagnostics: undefined }).toEqual({
        id: source?.id, title: source?.title, status: source?.status, safety: source?.safety, alternatives: source?.alternatives,
        alternative: source?.alternative, findings: source?.findings, texts: source?.texts, rationale: source?.rationale,
        preview: source?.preview === null || source?.preview === undefined ? null
          : { texts: source.preview.texts, totalBytes: source.preview.totalBytes, compressedBytes: source.preview.compressedBytes },
        estimate: undefined, diagnostics: undefined,
      });
    });
  });
});

describe("computeDiff", () => {
  it.each(requests)("answers each step's diff of the latest plan as the engine diffs it (request $id)", (request) => {
    const answer = computePlan(request);
    expect(answer.ok).toBe(true);
    const engine = buildPlan(request.input);
    expect(engine.steps.length).toBeGreaterThan(1);
    for (const step of engine.steps) {
      // An offered step's own diff is empty: the page is shown the change Apply would make.
      const shown = step.preview === null ? step.diff : step.preview.diff;
      expect(computeDiff({ diffId: 1, planId: request.id, stepId: step.id })).toEqual({ diffId: 1, diff: shown });
    }
  });

  it("answers null for a plan that is no longer the latest, and for a step it does not have", () => {
    const [first, second] = requests;
    if (first === undefined || second === undefined) throw new Error("need two examples");
    computePlan(first);
    computePlan(second);
    expect(computeDiff({ diffId: 2, planId: first.id, stepId: "original" })).toEqual({ diffId: 2, diff: null });
    expect(computeDiff({ diffId: 3, planId: second.id, stepId: "no-such-rule" })).toEqual({ diffId: 3, diff: null });
    expect(computeDiff({ diffId: 4, planId: second.id, stepId: "original" })).toEqual({ diffId: 4, diff: "" });
  });
});
