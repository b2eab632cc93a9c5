// The plan's caches (parsed files, resolved requirements, package closures, the buildpack-deps closure,
// dockerfile-ast arguments; issue 13) change no answer: a plan made by a fresh engine (a new module graph,
// every cache empty) equals the same plan made by an engine whose caches were filled by other files and by
// the same file before. Inputs: the examples, generated files, and the shared corpus where it is present.
// And the lazy, capped step diff equals the full jsdiff diff on every step these plans make.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { EXAMPLES } from "../../examples";
import { GENERATED_REQUIREMENTS, generatedDockerfileOf } from "../../../scripts/bench/generated-dockerfile";
import { diffTexts } from "./diff";
import { buildPlan, type Plan, type PlanInput } from "./plan";

/** Dozens of plans, each made twice or three times: seconds alone, more on a busy machine. A limit, not a measure. */
const TIMEOUT = 300_000;

const corpus = join(import.meta.dirname, "../../../../shared/corpus/dockerfiles");

function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? listFiles(path, root) : [relative(root, path)];
  });
}

function corpusInputs(): { name: string; input: PlanInput }[] {
  if (!existsSync(corpus)) return [];
  return readdirSync(corpus).sort().map((name) => {
    const dir = join(corpus, name);
    const files = listFiles(dir);
    const dockerfile = files.find((f) => /(^|\/)Dockerfile[^/]*$/i.test(f)) ?? "Dockerfile";
    return {
      name: `corpus ${name}`,
      input: {
        dockerfile: readFileSync(join(dir, dockerfile), "utf8"),
        requirements: files.filter((f) => /\.(txt|in)$/.test(f)).map((f) => ({ path: f, content: readFileSync(join(dir, f), "utf8") })),
        dockerignore: files.includes(".dockerignore") ? readFileSync(join(dir, ".dockerignore"), "utf8") : null,
      },
    };
  });
}

const INPUTS: { name: string; input: PlanInput }[] = [
  ...EXAMPLES.map((e) => ({ name: `example ${e.id}`, input: { dockerfile: e.dockerfile, requirements: e.requirements.map((r) => ({ path: r.path, content: r.text })), dockerignore: e.dockerignore } })),
  ...[40, 250].map((n) => ({ name: `generated ${n}`, input: { dockerfile: generatedDockerfileOf(n), requirements: [{ path: "requirements.txt", content: GENERATED_REQUIREMENTS }], dockerignore: ".git\n" } })),
  // Every fourth corpus file: a fresh engine reloads its tables (~0.5 s each on this machine).
  ...corpusInputs().filter((_, i) => i % 4 === 0),
];

/** What a plan answers, as plain data (the parsed models aside: they hold dockerfile-ast objects). */
function answers(plan: Plan) {
  return {
    findings: plan.findings, faults: plan.faults, notice: plan.notice,
    steps: plan.steps.map((s) => ({ id: s.id, status: s.status, alternative: s.alternative, texts: s.texts, diff: s.diff, rationale: s.rationale, estimate: s.analysis.estimate, diagnostics: s.analysis.diagnostics })),
  };
}

describe("the plan's caches", () => {
  it("change no answer: a fresh engine plans every input as a warm one does", async () => {
    // Warm: every input planned once, so each later plan meets caches filled by all the others
    // and by itself.
    for (const { input } of INPUTS) buildPlan(input);
    for (const { name, input } of INPUTS) {
      vi.resetModules();
      // A new module graph: new module-level caches, and its own tables (as the setup files install them).
      const fresh = await import("./plan");
      (await import("../../node/load-python-table")).loadPythonTable();
      (await import("../../node/load-tables")).registerDebianTablesFromDisk();
      expect(answers(buildPlan(input)), name).toEqual(answers(fresh.buildPlan(input)));
    }
  }, TIMEOUT);

  it("leave the lazy diff equal to the full diff of every step", () => {
    for (const { name, input } of INPUTS) {
      const plan = buildPlan(input);
      plan.steps.forEach((step, i) => {
        const before = plan.steps[i - 1];
        if (before === undefined || step.status !== "applied") return;
        expect(step.diff, `${name}: ${step.id}`).toBe(diffTexts(before.texts, step.texts, Number.MAX_SAFE_INTEGER));
      });
    }
  }, TIMEOUT);
});
