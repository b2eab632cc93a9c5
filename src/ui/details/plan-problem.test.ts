import { describe, expect, it } from "vitest";
import { buildPlan } from "../../engine/plan/plan";
import { FLASK_FAT } from "../../examples/index";
import { planProblem } from "./plan-problem";

/** The problem the page would show for a Dockerfile, through the real engine. */
function problemOf(dockerfile: string) {
  const step = buildPlan({ dockerfile, requirements: [], dockerignore: null }).steps[0];
  if (step === undefined) throw new Error("a plan always has its original step");
  return planProblem(dockerfile, step.analysis.estimate, step.analysis.diagnostics);
}

describe("planProblem", () => {
  it("a Dockerfile with a FROM has a result, even with errors elsewhere", () => {
    expect(problemOf(FLASK_FAT.dockerfile)).toBeNull();
    expect(problemOf("FROM python:3.12\nRUN pip install -r nowhere.txt\n")).toBeNull();
  });

  it.each([
    ["", "Nothing to weigh yet", 0],
    ["   \n\n", "Nothing to weigh yet", 0],
    ["\u0000\u0001ELF\u0002\u0000", "This is not a text Dockerfile", 1],
    ["Dear team,\nplease find attached\n", "No image to weigh", 1],
  ])("%j → %s", (dockerfile, title, atLeast) => {
    const problem = problemOf(dockerfile);
    expect(problem?.title).toBe(title);
    expect(problem?.diagnostics.length).toBeGreaterThanOrEqual(atLeast);
  });

  it("lists the errors first, each with its line and column", () => {
    const problem = problemOf("hello world\nfoo bar\n");
    expect(problem?.diagnostics[0]).toMatchObject({ severity: "error", code: "dockerfile/no-from", line: 1, column: 1 });
  });
});
