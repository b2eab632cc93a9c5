// Issue 10 on the shared corpus: the plan for a uv project and a poetry project includes the matching new
// rewrite. The corpus is read in place (never copied) and the test skips where ../shared is absent; the
// files are named by their corpus number only.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildPlan, type Plan } from "../plan/plan";

const corpus = join(import.meta.dirname, "../../../../shared/corpus/dockerfiles");
const present = existsSync(corpus);

function planOf(name: string): Plan {
  const dir = join(corpus, name);
  const files = readdirSync(dir);
  const dockerfile = files.find((f) => /^Dockerfile/i.test(f)) ?? "Dockerfile";
  return buildPlan({
    dockerfile: readFileSync(join(dir, dockerfile)),
    requirements: files.filter((f) => /\.(txt|in)$/.test(f)).map((f) => ({ path: f, content: readFileSync(join(dir, f)) })),
    dockerignore: files.includes(".dockerignore") ? readFileSync(join(dir, ".dockerignore"), "utf8") : null,
  });
}

describe.skipIf(!present)("modern rules on ../shared/corpus", () => {
  // 059: a single final stage on python:3.14 that runs `uv sync` with uv copied from its image.
  // Without uv.lock (the corpus has none) its packages are not weighed, nor is the uv binary of an image
  // the tables do not hold: the step's size effect is shown, but it is 0 here.
  it("059 (uv, single stage): the uv venv built in a builder stage is offered, and applies when picked", () => {
    const plan = planOf("059");
    const step = plan.steps.find((s) => s.id === "size/uv-multistage");
    expect(step?.status).toBe("offered");
    expect(step?.rationale).toMatch(/If applied: Estimated image: /);
    const applied = buildPlan({ ...inputOf("059"), decisions: { "size/uv-multistage": { action: "apply" } } });
    const after = applied.steps.find((s) => s.id === "size/uv-multistage");
    expect(after?.status).toBe("applied");
    expect(after?.texts.dockerfile).toMatch(/^COPY --from=builder \/app\/\.venv \/app\/\.venv$/m);
  }, 60_000);

  // 063: poetry installs into an in-project venv in a builder stage: its downloads can live in a cache mount.
  it("063 (poetry): a cache mount for poetry's install is offered", () => {
    const step = planOf("063").steps.find((s) => s.id === "cache/mount-pip");
    expect(step?.status).toBe("offered");
    expect(step?.findings.some((f) => f.message.includes("poetry") && f.message.includes("/root/.cache/pypoetry"))).toBe(true);
  }, 60_000);
});

function inputOf(name: string) {
  const dir = join(corpus, name);
  const files = readdirSync(dir);
  const dockerfile = files.find((f) => /^Dockerfile/i.test(f)) ?? "Dockerfile";
  return { dockerfile: readFileSync(join(dir, dockerfile)), requirements: [], dockerignore: null };
}
