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

// Fuzz seed 100 case 37786, minimised: a `find … -delete` RUN deletes bytes of two earlier RUNs (the pip
// upgrade and the install), so cleanup-same-layer has no single layer to fold it into. With pip-self-upgrade
// after it, the upgrade's RUN went only later, and planning the result again found the fold.
describe("pip-self-upgrade before cleanup-same-layer (fuzz case 37786)", () => {
  // The Python is unknown (ARG without a default): pip-self-upgrade removes the upgrade rather than pin it.
  const FILE = "ARG PYTHON_VERSION\nFROM python:${PYTHON_VERSION}-slim\nRUN pip install --upgrade pip\nRUN pip install flask\nRUN find / -name '*.pyc' -delete\nCMD [\"flask\", \"run\"]\n";
  const FOLD = "size/cleanup-same-layer";

  it("removes the upgrade, then folds the delete into the install", () => {
    const plan = buildPlan({ dockerfile: FILE, requirements: [], dockerignore: null });
    const applied = plan.steps.filter((s) => s.status === "applied").map((s) => s.id);
    expect(applied.indexOf(PIN)).toBeGreaterThanOrEqual(0);
    expect(applied.indexOf(FOLD)).toBeGreaterThan(applied.indexOf(PIN));
    expect(plan.steps.at(-1)?.texts.dockerfile).toMatch(/\nRUN pip install [^\n]*flask && find \/ -name '\*\.pyc' -delete\n/);
  });

  it("is idempotent: planning its result again applies nothing", () => {
    const first = buildPlan({ dockerfile: FILE, requirements: [], dockerignore: null });
    const again = buildPlan({ dockerfile: first.steps.at(-1)?.texts.dockerfile ?? "", requirements: [], dockerignore: null });
    expect(again.steps.filter((s) => s.status === "applied").map((s) => s.id)).toEqual([]);
  });
});
