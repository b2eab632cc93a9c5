import { expect, it } from "vitest";
import { buildPlan } from "../../engine/plan/plan";
import { missingRequirementsPath } from "./missing-file";

it.each(["requirements/main.txt", "reqs/prod-requirements.txt"])("finds %s in the engine's own warning", (path) => {
  const plan = buildPlan({ dockerfile: `FROM python:3.12-slim\nCOPY . .\nRUN pip install -r ${path}\n`, requirements: [], dockerignore: null });
  const paths = plan.steps[0]?.analysis.estimate.warnings.map(missingRequirementsPath).filter((p) => p !== null);
  expect(paths).toEqual([path]);
});

it("finds a constraints file the install reads", () => {
  const plan = buildPlan({ dockerfile: "FROM python:3.12-slim\nCOPY . .\nRUN pip install -r requirements.txt -c constraints.txt\n", requirements: [{ path: "requirements.txt", content: "flask\n" }], dockerignore: null });
  const paths = plan.steps[0]?.analysis.estimate.warnings.map(missingRequirementsPath).filter((p) => p !== null);
  expect(paths).toEqual(["constraints.txt"]);
});

it("other warnings name no file", () => {
  expect(missingRequirementsPath({ code: "copy-all-without-dockerignore", message: "x was not given", line: 1 })).toBeNull();
});
