import { describe, expect, it } from "vitest";
import type { Analysis } from "../analyze";
import { EXAMPLES, FLASK_FAT, type Example } from "../../examples";
import { RULES } from "../rules/registry";
import { finalStage } from "../rules/support/stages";
import type { Rule } from "../rules/types";
import { analysisWork, buildPlan, PLAN_TEXT_LIMIT, PLAN_WORK, type Decision, type PlanStep } from "./plan";

function inputOf(example: Example) {
  return { dockerfile: example.dockerfile, requirements: example.requirements.map((r) => ({ path: r.path, content: r.text })), dockerignore: example.dockerignore };
}

function planOf(example: Example, decisions: Record<string, Decision> = {}) {
  return buildPlan({ ...inputOf(example), decisions });
}

function last(steps: readonly PlanStep[]): PlanStep {
  const step = steps[steps.length - 1];
  if (step === undefined) throw new Error("no steps");
  return step;
}

/** What the app sees at run time: the final stage's runtime instructions, in order. */
function runtimeContract(analysis: Analysis): string[] {
  const stage = finalStage(analysis.model);
  return (stage?.instructions ?? [])
    .filter((n) => ["CMD", "ENTRYPOINT", "WORKDIR", "ENV", "EXPOSE", "USER"].includes(n.keyword))
    .map((n) => `${n.keyword} ${n.args.join(" ")}`);
}

/** Python packages in the final image, from the estimate's layer items. */
function installedPackages(analysis: Analysis): string[] {
  const names = analysis.estimate.layers.flatMap((l) => l.items)
    .filter((i) => i.category === "python" && i.path.includes("site-packages/"))
    .map((i) => i.path.slice(i.path.lastIndexOf("/") + 1));
  return [...new Set(names)].sort();
}

describe("buildPlan", () => {
  it("takes the fat Flask app through base variant, requirements first and multistage, in that order", () => {
    const plan = planOf(FLASK_FAT);
    expect(plan.steps.map((s) => `${s.id}:${s.status}`)).toEqual([
      "original:original",
      "size/base-variant:applied",
      "cache/requirements-first:applied",
      "size/multistage:applied",
      // The builder's install could keep its downloads in a BuildKit cache: offered, as it needs BuildKit.
      "cache/mount-pip:offered",
      "security/non-root-user:offered",
      "hygiene/dockerignore:applied",
    ]);
    const multistage = plan.steps[3];
    if (multistage === undefined) throw new Error("no multistage step");
    expect(multistage.alternatives.map((a) => a.id)).toEqual(["multistage", "no-cache-dir"]);
    const final = multistage.analysis;
    expect(final.model.stages).toHaveLength(2);
    expect(final.estimate.byCategory.pipCache).toBe(0);
    expect(final.estimate.byCategory.buildTools).toBe(0);
    const original = plan.steps[0]?.analysis.estimate.totalBytes ?? 0;
    expect(final.estimate.totalBytes).toBeLessThan(original / 10);
    for (const step of plan.steps.slice(1)) {
      // An offered step changes nothing until the user applies it.
      expect(step.diff === "").toBe(step.status === "offered");
      if (step.status === "offered") continue;
      expect(step.diff).toContain("@@");
      expect(step.rationale).toMatch(/\d(\.\d+)? (kB|MB|GB)/);
    }
  });

  it("skipping multistage leaves --no-cache-dir as its own step; choosing the alternative applies it there", () => {
    const skipped = planOf(FLASK_FAT, { "size/multistage": { action: "skip" } });
    expect(skipped.steps.map((s) => `${s.id}:${s.status}`)).toEqual([
      "original:original", "size/base-variant:applied", "cache/requirements-first:applied", "size/multistage:skipped", "cache/mount-pip:offered", "size/pip-no-cache-dir:applied", "security/non-root-user:offered", "hygiene/dockerignore:applied",
    ]);
    const alternative = planOf(FLASK_FAT, { "size/multistage": { action: "apply", alternative: "no-cache-dir" } });
    const step = alternative.steps.find((s) => s.id === "size/multistage");
    if (step === undefined) throw new Error("no multistage step");
    expect(step.alternative).toBe("no-cache-dir");
    expect(step.texts.dockerfile).toContain("pip install --no-cache-dir -r requirements.txt");
    expect(step.analysis.model.stages).toHaveLength(1);
  });

  it("choosing the slim alternative changes the base and everything after it", () => {
    const plan = planOf(FLASK_FAT, { "size/base-variant": { action: "apply", alternative: "slim" } });
    expect(plan.steps[1]?.alternative).toBe("slim");
    expect(plan.steps[1]?.texts.dockerfile).toMatch(/^FROM python:3\.12-slim$/m);
    const final = last(plan.steps).texts.dockerfile;
    expect(final).toMatch(/^FROM python:3\.12-slim AS builder$/m);
    expect(final).toMatch(/^FROM python:3\.12-slim$/m);
    expect(final).not.toContain("alpine");
  });

  it.each(EXAMPLES.map((e) => ({ id: e.id, example: e })))("$id: every step re-parses, fires no rule already applied, and keeps the app's behaviour", ({ example }) => {
    const plan = planOf(example);
    const original = plan.steps[0]?.analysis;
    if (original === undefined) throw new Error("no original step");
    expect(plan.steps.length).toBeGreaterThan(1);
    const applied: string[] = [];
    for (const step of plan.steps.slice(1)) {
      // Every example's steps apply: none is refused by the build check (the fastapi example upgrades pip,
      // which the multistage rewrite now keeps working with a venv). Fixes to review are offered, not applied.
      expect(step.status, step.rationale).toBe(step.safety === "suggestion" && step.id !== "size/base-variant" ? "offered" : "applied");
      expect(step.analysis.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const again = buildPlan({ dockerfile: step.texts.dockerfile, requirements: step.texts.requirements.map((r) => ({ path: r.path, content: r.text })), dockerignore: step.texts.dockerignore });
      if (step.status === "applied") {
        expect(again.findings.filter((f) => applied.includes(f.ruleId) || f.ruleId === step.id)).toEqual([]);
        applied.push(step.id);
      }
      expect(runtimeContract(step.analysis)).toEqual(runtimeContract(original));
      expect(installedPackages(step.analysis)).toEqual(installedPackages(original));
    }
  });

  it("gives an already slim multistage Dockerfile no size steps", () => {
    const dockerfile = "FROM python:3.12-slim AS builder\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --prefix=/install -r requirements.txt\n\nFROM python:3.12-slim\nCOPY --from=builder /install /usr/local\nWORKDIR /app\nCOPY . .\nCMD [\"gunicorn\", \"app:app\"]\n";
    const plan = buildPlan({ dockerfile, requirements: [{ path: "requirements.txt", content: "flask\ngunicorn\n" }], dockerignore: ".git\n**/*.pem\n**/id_rsa*\n.aws/\n.env*\n" });
    // Nothing applied: only offers, which change no byte here — a cache mount (it saves the next build's
    // downloads) and a non-root user (it changes who the app runs as).
    expect(plan.steps.map((s) => `${s.id}:${s.status}`)).toEqual(["original:original", "cache/mount-pip:offered", "security/non-root-user:offered"]);
    expect(plan.findings.map((f) => f.ruleId)).toEqual(["cache/mount-pip", "security/non-root-user"]);
  });

  it("rewrites nothing it cannot understand", () => {
    const dockerfile = "FROM python:${PY}\nCOPY . .\nRUN make install\n";
    const plan = buildPlan({ dockerfile, requirements: [], dockerignore: ".git\n**/*.pem\n**/id_rsa*\n.aws/\n.env*\n" });
    // Only an offer that changes no text until the user takes it (a non-root user); nothing is rewritten.
    expect(plan.steps.map((s) => `${s.id}:${s.status}`)).toEqual(["original:original", "security/non-root-user:offered"]);
    expect(plan.steps.at(-1)?.texts.dockerfile).toBe(dockerfile);
  });

  it("reports a rule that throws as a fault and goes on with the others", () => {
    const broken = { ...RULES[0], meta: { ...(RULES[0] as Rule).meta, id: "size/broken" }, detect: () => { throw new TypeError("boom"); } } as Rule;
    const plan = buildPlan({ ...inputOf(FLASK_FAT), rules: [broken, ...RULES] });
    expect(plan.faults).toEqual(["size/broken failed to check this Dockerfile: TypeError: boom"]);
    expect(plan.steps.map((s) => s.id)).toEqual(planOf(FLASK_FAT).steps.map((s) => s.id));
  });

  it("keeps only the original step above the size limit, and says so", () => {
    const dockerfile = `${FLASK_FAT.dockerfile}${"# padding\n".repeat(PLAN_TEXT_LIMIT / 10 + 1)}`;
    const plan = buildPlan({ ...inputOf(FLASK_FAT), dockerfile });
    expect(plan.steps.map((s) => s.id)).toEqual(["original"]);
    expect(plan.notice).toContain(`rewrites are only proposed up to ${PLAN_TEXT_LIMIT.toLocaleString("en-US")}`);
    expect(plan.steps[0]?.analysis.estimate.totalBytes).toBe(planOf(FLASK_FAT).steps[0]?.analysis.estimate.totalBytes);
  });

  // Each filler is sized from the budget's own weights, so the tests follow PLAN_WORK when it is recalibrated:
  // a file of about a 3.5th of the budget gets the original and two steps (3 × ≤ 3.5th ≤ budget < 4 ×).
  it("stops a very large file's plan at its work budget, says so, and plans a file a 40th the size in full", () => {
    // The fat Flask app followed by filler RUNs of 1,000 characters: each weighs 1 instruction, 1 layer
    // item at most, and 1,000 / charsPerUnit for its characters.
    const lineUnits = 2 + 1_000 / PLAN_WORK.charsPerUnit;
    const filler = (units: number) => `RUN echo ${"x".repeat(990)}\n`.repeat(Math.ceil(units / lineUnits));
    const big = FLASK_FAT.dockerfile.replace(/^CMD .*$/m, (cmd) => `${filler(PLAN_WORK.units / 3.5)}${cmd}`);
    const plan = buildPlan({ ...inputOf(FLASK_FAT), dockerfile: big });
    const original = plan.steps[0]?.analysis;
    if (original === undefined) throw new Error("no original step");
    expect(analysisWork(original)).toBeGreaterThan(PLAN_WORK.units / 4);
    expect(analysisWork(original)).toBeLessThanOrEqual(PLAN_WORK.units / 3);
    expect(plan.steps.map((s) => s.id)).toEqual(planOf(FLASK_FAT).steps.slice(0, 3).map((s) => s.id));
    expect(plan.notice).toMatch(/stopped after 2 steps to stay within about a second\. Not tried: .*hygiene\/dockerignore/);
    const smaller = buildPlan({ ...inputOf(FLASK_FAT), dockerfile: FLASK_FAT.dockerfile.replace(/^CMD .*$/m, (cmd) => `${filler(PLAN_WORK.units / 40)}${cmd}`) });
    expect(smaller.notice).toBeNull();
    expect(smaller.steps.map((s) => s.id)).toEqual(planOf(FLASK_FAT).steps.map((s) => s.id));
  }, 120_000);

  it("counts instructions too: many short ones stop the plan at its budget", () => {
    const lines = Math.ceil(PLAN_WORK.units / 3.5);
    const dockerfile = FLASK_FAT.dockerfile.replace(/^CMD .*$/m, (cmd) => `${"RUN true\n".repeat(lines)}${cmd}`);
    const plan = buildPlan({ ...inputOf(FLASK_FAT), dockerfile });
    // The characters alone would not stop it: the instructions do.
    expect(dockerfile.length / PLAN_WORK.charsPerUnit).toBeLessThan(PLAN_WORK.units / 4);
    expect(plan.notice).toMatch(/stopped after 2 steps/);
  }, 120_000);

  it("a file whose own analysis is past the budget gets its estimate only; findingsPastBudget (lint) still finds", () => {
    // COPYs of one file each: an instruction and an estimated item apiece, within the instruction limit.
    const copies = Array.from({ length: Math.ceil((PLAN_WORK.units * 1.1) / 2) }, (_, i) => `COPY app.py /app/copy${i}.py\n`).join("");
    const dockerfile = FLASK_FAT.dockerfile.replace(/^CMD .*$/m, (cmd) => `${copies}${cmd}`);
    const plan = buildPlan({ ...inputOf(FLASK_FAT), dockerfile });
    const original = plan.steps[0]?.analysis;
    if (original === undefined) throw new Error("no original step");
    expect(analysisWork(original)).toBeGreaterThan(PLAN_WORK.units);
    expect(plan.steps.map((s) => s.id)).toEqual(["original"]);
    expect(plan.findings).toEqual([]);
    expect(plan.notice).toMatch(/instructions\): reading it took the time the plan may spend, so no findings or rewrites are computed\./);
    expect(original.estimate.totalBytes).toBeGreaterThan(0);
    const lint = buildPlan({ ...inputOf(FLASK_FAT), dockerfile, findingsPastBudget: true });
    // The fat Flask app's findings (the full python base, pip's cache…) are still there for lint.
    expect(lint.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(["size/base-variant"]));
    expect(lint.steps.map((s) => s.id)).toEqual(["original"]);
  }, 120_000);

  it("never throws on garbage and keeps the original step", () => {
    const plan = buildPlan({ dockerfile: new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41]), requirements: [{ path: "requirements.txt", content: "-r requirements.txt\n" }], dockerignore: null });
    expect(plan.steps[0]?.id).toBe("original");
  });
});

describe("project files in the plan", () => {
  it("every step carries pyproject.toml and uv.lock unchanged and weighs the locked set", async () => {
    const { fixture } = await import("../project/test-support");
    const projectFiles = [{ path: "pyproject.toml", content: fixture("pyproject-uv.toml") }, { path: "uv.lock", content: fixture("uv.lock") }];
    const plan = buildPlan({
      dockerfile: "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install uv && uv sync --frozen --no-dev\nCMD [\"/app/.venv/bin/gunicorn\", \"app:app\"]\n",
      requirements: [], dockerignore: null, projectFiles,
    });
    expect(plan.steps.length).toBeGreaterThan(1);
    for (const step of plan.steps) {
      expect(step.texts.projectFiles).toEqual(projectFiles.map((f) => ({ path: f.path, text: f.content })));
      expect(step.analysis.projectFiles.map((f) => f.kind)).toEqual(["pyproject", "uv-lock"]);
      expect(step.analysis.estimate.byCategory.python).toBeGreaterThan(0);
    }
  });
});
