// Fix safety in the plan (issue 10): safe fixes are applied by default; a fix of level `suggestion` is
// offered (checked, its size effect given, texts unchanged) until the user picks apply, except where a
// rule says otherwise (the seed path's base variant).
import { describe, expect, it } from "vitest";
import { EXAMPLES } from "../../examples";
import { pipNoCacheDir } from "../rules/pip-no-cache-dir";
import { defaultActionOf, type Rule } from "../rules/types";
import { RULES } from "../rules/registry";
import { buildPlan, type Decision } from "./plan";

/** pip-no-cache-dir with the review level: the same fix, so only the safety level differs. */
const reviewed: Rule = { ...pipNoCacheDir, meta: { ...pipNoCacheDir.meta, fixSafety: "suggestion" } };
const dockerfile = "FROM python:3.12-slim\nRUN pip install flask\n";

function plan(rule: Rule, decisions: Record<string, Decision> = {}) {
  return buildPlan({ dockerfile, requirements: [], dockerignore: null, rules: [rule], decisions });
}

describe("fix safety in the plan", () => {
  interface Row { name: string; rule: Rule; decisions: Record<string, Decision>; status: string; changed: boolean }
  it.each<Row>([
    { name: "a safe fix is applied by default", rule: pipNoCacheDir, decisions: {}, status: "applied", changed: true },
    { name: "a suggestion is offered by default", rule: reviewed, decisions: {}, status: "offered", changed: false },
    { name: "a suggestion the user applies is applied", rule: reviewed, decisions: { "size/pip-no-cache-dir": { action: "apply" } }, status: "applied", changed: true },
    { name: "a suggestion the user skips is skipped", rule: reviewed, decisions: { "size/pip-no-cache-dir": { action: "skip" } }, status: "skipped", changed: false },
  ])("$name", ({ rule, decisions, status, changed }) => {
    const steps = plan(rule, decisions).steps;
    const step = steps[1];
    expect(step?.status).toBe(status);
    expect(step?.safety).toBe(rule.meta.fixSafety);
    expect(step?.texts.dockerfile !== dockerfile).toBe(changed);
  });

  it("an offered step says what applying it would save, from the rewrite's own estimate", () => {
    const offered = plan(reviewed).steps[1];
    const applied = plan(reviewed, { "size/pip-no-cache-dir": { action: "apply" } }).steps[1];
    if (offered === undefined || applied === undefined) throw new Error("no step");
    expect(offered.rationale).toMatch(/^Offered, not applied/);
    // The number in the offer is the applied step's total, not a separate guess.
    const total = applied.analysis.estimate.totalBytes;
    expect(total).toBeLessThan(offered.analysis.estimate.totalBytes);
    expect(offered.rationale).toContain(applied.rationale.slice(applied.rationale.indexOf("Estimated image:")));
    expect(offered.diff).toBe("");
  });

  it("an offered step previews the rewrite it would apply: the applied step's texts, diff and sizes", () => {
    const offered = plan(reviewed).steps[1];
    const applied = plan(reviewed, { "size/pip-no-cache-dir": { action: "apply" } }).steps[1];
    if (offered === undefined || applied === undefined) throw new Error("no step");
    const preview = offered.preview;
    if (preview === null) throw new Error("no preview");
    // The plan where the user decided apply is the reference: the preview is that step, not a re-derivation.
    expect(preview.diff).toBe(applied.diff);
    expect(preview.diff).toContain("+RUN pip install --no-cache-dir flask");
    expect(preview.texts).toEqual(applied.texts);
    expect(preview.totalBytes).toBe(applied.analysis.estimate.totalBytes);
    expect(preview.compressedBytes).toBe(applied.analysis.estimate.compressedBytes);
    // The offered step itself still holds the unchanged texts: the plan goes on from them.
    expect(offered.texts.dockerfile).toBe(dockerfile);
    expect(applied.preview).toBeNull();
  });

  // Every offered step of every example, with every rule: the preview is the step the user gets by applying it.
  const offers = EXAMPLES.flatMap((example) => {
    const input = { dockerfile: example.dockerfile, requirements: example.requirements.map((r) => ({ path: r.path, content: r.text })), dockerignore: example.dockerignore };
    return buildPlan(input).steps.filter((s) => s.status === "offered").map((step) => ({ name: `${example.id}: ${step.id}`, input, step }));
  });
  it("the examples have offered steps to preview", () => {
    expect(offers.length).toBeGreaterThan(0);
  });
  it.each(offers)("$name: the preview is the step as applied", ({ input, step }) => {
    const applied = buildPlan({ ...input, decisions: { [step.id]: { action: "apply" } } }).steps.find((s) => s.id === step.id);
    expect(applied?.status).toBe("applied");
    expect(step.preview?.diff).toBe(applied?.diff);
    expect(step.preview?.diff).toContain("@@");
    expect(step.preview?.texts).toEqual(applied?.texts);
    expect(step.preview?.totalBytes).toBe(applied?.analysis.estimate.totalBytes);
  });

  it.each([
    { name: "applied", decisions: { "size/pip-no-cache-dir": { action: "apply" } } },
    { name: "skipped", decisions: { "size/pip-no-cache-dir": { action: "skip" } } },
  ] satisfies { name: string; decisions: Record<string, Decision> }[])("a step the user $name has no preview, nor has the original", ({ decisions }) => {
    const steps = plan(reviewed, decisions).steps;
    expect(steps.map((s) => s.preview)).toEqual([null, null]);
  });

  it("the seed path stays applied by default; other suggestions are offered", () => {
    const seed = new Set(["size/base-variant", "cache/requirements-first", "size/multistage"]);
    for (const rule of RULES) {
      const action = defaultActionOf(rule.meta);
      if (seed.has(rule.meta.id) || rule.meta.fixSafety === "safe") expect(action, rule.meta.id).toBe("apply");
      else expect(action, rule.meta.id).toBe("offer");
    }
  });
});
