// The page's view of a plan is what crosses the worker boundary: plain data that a structured clone keeps whole.
import { describe, expect, it } from "vitest";
import { buildPlan } from "../engine/plan/plan";
import { FLASK_FAT } from "../examples/index";
import { toPlanView } from "./plan-view";

const plan = buildPlan({
  dockerfile: FLASK_FAT.dockerfile,
  requirements: FLASK_FAT.requirements.map((f) => ({ path: f.path, content: f.text })),
  dockerignore: FLASK_FAT.dockerignore,
});

describe("toPlanView", () => {
  const offered = plan.steps.flatMap((step, index) => (step.status === "offered" ? [{ name: step.id, step, index }] : []));
  it("the example has offered steps", () => {
    expect(offered.length).toBeGreaterThan(0);
  });

  it.each(offered)("$name: the offered step's preview reaches the page as plain data, without its diff", ({ step, index }) => {
    const view = structuredClone(toPlanView(plan)).steps[index];
    expect(view?.preview?.texts).toEqual(step.preview?.texts);
    expect(view?.preview?.totalBytes).toBe(step.preview?.totalBytes);
    expect(view?.preview?.compressedBytes).toBe(step.preview?.compressedBytes);
    // Like a step's diff, the preview's is asked for when the step is shown, never read for the view.
    expect(view?.preview !== null && view?.preview !== undefined && "diff" in view.preview).toBe(false);
  });

  it("steps that are not offered have no preview", () => {
    expect(toPlanView(plan).steps.filter((s) => s.status !== "offered").map((s) => s.preview)).toEqual(plan.steps.filter((s) => s.status !== "offered").map(() => null));
  });
});
