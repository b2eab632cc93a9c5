// The registry's order as the plan applies it (rules/registry.ts). A reviewer found corpus 071 (python:3.8)
// with pip pinned to 3.8's last pip and then moved to python:3.11: pip-self-upgrade ran before eol-base.
// Minimised 071: the pin must be read on the Python the base has at that step.
import { describe, expect, it } from "vitest";
import { findPythonPackage } from "../knowledge";
import { buildPlan, type PlanInput } from "./plan";

const FILE_071 = "FROM python:3.8-slim\nRUN pip install --upgrade pip && pip install gunicorn\nCMD [\"gunicorn\", \"app:app\"]\n";
const EOL = "correctness/eol-base";
const PIN = "hygiene/pip-self-upgrade";

function stepsOf(decisions: PlanInput["decisions"] = {}) {
  const plan = buildPlan({ dockerfile: FILE_071, requirements: [], dockerignore: null, decisions });
  const ids = plan.steps.map((s) => s.id);
  return { ids, eol: plan.steps.find((s) => s.id === EOL), pin: plan.steps.find((s) => s.id === PIN), last: plan.steps.at(-1) };
}

describe("eol-base before pip-self-upgrade (corpus 071)", () => {
  it("tries the base move before the pin", () => {
    const { ids } = stepsOf();
    expect(ids.indexOf(EOL)).toBeGreaterThan(0);
    expect(ids.indexOf(EOL)).toBeLessThan(ids.indexOf(PIN));
  });

  it("as written (the move only offered), pins the last pip for Python 3.8, and the move's preview carries no pin", () => {
    const { eol, pin } = stepsOf();
    expect(eol?.status).toBe("offered");
    expect(eol?.preview?.texts.dockerfile).toMatch(/^FROM python:3\.11-slim\n/);
    expect(eol?.preview?.texts.dockerfile).not.toContain("pip==");
    expect(pin?.alternative).toBe("pin");
    expect(pin?.texts.dockerfile).toContain("--upgrade pip==24.3.1 ");
  });

  it("with the move taken, pins the newest pip on the new Python, not 3.8's", () => {
    const newest = findPythonPackage("pip")?.version;
    expect(newest).toBeDefined();
    expect(newest).not.toBe("24.3.1");
    const { eol, pin, last } = stepsOf({ [EOL]: { action: "apply" } });
    expect(eol?.status).toBe("applied");
    expect(pin?.texts.dockerfile).toContain(`--upgrade pip==${newest ?? ""} `);
    expect(last?.texts.dockerfile).toMatch(/^FROM python:3\.11-slim\n/);
    expect(last?.texts.dockerfile).not.toContain("24.3.1");
  });
});
