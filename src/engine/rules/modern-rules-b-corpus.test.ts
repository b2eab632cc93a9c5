// Issue 10's apt and torch rewrites over the shared corpus of real Dockerfiles (read in place from
// ../shared/corpus, never copied here; skipped where it is absent). The projects are named by their corpus
// ids, and what makes each one the right example is asserted from its parsed text, so a changed corpus
// fails here for the right reason:
// - 119: a Debian image whose final stage apt-installs many packages without --no-install-recommends;
// - 021: torch reached through a requirements file (a library that depends on it), from PyPI;
// - 055: torch installed from PyTorch's CPU index already (it must not be asked to again).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyze, type AnalysisInput } from "../analyze";
import { buildPlan } from "../plan/plan";

const dockerfiles = fileURLToPath(new URL("../../../../shared/corpus/dockerfiles", import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function inputOf(id: string): AnalysisInput {
  const dir = join(dockerfiles, id);
  const dockerfile = join(dir, "Dockerfile");
  const requirements = walk(dir).filter((p) => p !== dockerfile && !p.endsWith("/.dockerignore"));
  return {
    dockerfile: new Uint8Array(readFileSync(dockerfile)),
    requirements: requirements.map((p) => ({ path: relative(dir, p), content: new Uint8Array(readFileSync(p)) })),
    dockerignore: null,
  };
}

const stepIds = (input: AnalysisInput): string[] => buildPlan(input).steps.map((s) => s.id);

describe.skipIf(!existsSync(dockerfiles))("issue 10's apt and torch rewrites on the corpus", () => {
  it("an apt-heavy Debian project gets --no-install-recommends", () => {
    const input = inputOf("119");
    const analysis = analyze(input);
    const installs = analysis.model.instructions.flatMap((n) => n.run?.infos ?? []).filter((i) => i.kind === "apt-install");
    expect(analysis.estimate.stages.at(-1)?.libc).toBe("glibc");
    expect(installs.filter((i) => !i.noInstallRecommends).flatMap((i) => i.packages).length).toBeGreaterThanOrEqual(10);
    expect(stepIds(input)).toContain("size/apt-no-install-recommends");
  }, 60_000);

  it("a project that pulls torch from PyPI gets the CPU index, and the step drops the CUDA wheels", () => {
    const input = inputOf("021");
    // Offered by default (it changes which torch build runs); the user's Apply is what drops the wheels.
    expect(buildPlan(input).steps.find((s) => s.id === "size/torch-cpu")?.status).toBe("offered");
    const plan = buildPlan({ ...input, decisions: { "size/torch-cpu": { action: "apply" } } });
    const step = plan.steps.find((s) => s.id === "size/torch-cpu");
    expect(step?.status).toBe("applied");
    const at = plan.steps.findIndex((s) => s.id === "size/torch-cpu");
    const before = plan.steps[at - 1];
    // torch's nvidia-* wheels in the package table alone sum to several GB: at least 1 GB must go.
    expect((before?.analysis.estimate.totalBytes ?? 0) - (step?.analysis.estimate.totalBytes ?? 0)).toBeGreaterThan(1e9);
  }, 60_000);

  it("a project already on PyTorch's CPU index is not asked again", () => {
    const input = inputOf("055");
    const text = new TextDecoder().decode(input.dockerfile as Uint8Array);
    expect(text).toMatch(/download\.pytorch\.org\/whl\/cpu/);
    expect(stepIds(input)).not.toContain("size/torch-cpu");
  }, 60_000);
});
