// The shared corpus of real Dockerfiles (third-party; read in place from ../shared/corpus, never copied
// here): every one parses and estimates without a fault, its diagnostics point inside the text, its final
// base image is the one the corpus manifest resolved independently, and the CLI prints JSON in the DESIGN
// §5 shape whose first step is the same estimate. Skips where ../shared is absent (a fresh clone).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { nodeIo } from "../cli/io";
import { run } from "../cli/main";
import { expectPlanContract } from "../cli/test-support";
import { analyze } from "./analyze";
import { findBaseImage, parseImageRef } from "./knowledge";
import { LineIndex } from "./text/line-index";

const corpus = fileURLToPath(new URL("../../../shared/corpus", import.meta.url));
const dockerfiles = join(corpus, "dockerfiles");

interface ManifestEntry {
  readonly id: string;
  readonly finalBaseImageResolved: string | null;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function cases(): { name: string; dir: string; dockerfile: string; requirements: string[]; manifest: ManifestEntry | undefined }[] {
  if (!existsSync(dockerfiles)) return [];
  const manifest = JSON.parse(readFileSync(join(corpus, "manifest.json"), "utf8")) as ManifestEntry[];
  return walk(dockerfiles)
    .filter((path) => path.endsWith("/Dockerfile"))
    .sort()
    .map((dockerfile) => {
      const dir = join(dockerfile, "..");
      const name = relative(dockerfiles, dir);
      // Everything beside the Dockerfile is a requirements file (requirements*.txt/.in, requirements/…).
      const requirements = walk(dir).filter((path) => path !== dockerfile && !path.endsWith("/.dockerignore"));
      return { name, dir, dockerfile, requirements, manifest: manifest.find((m) => m.id === name) };
    });
}

describe.skipIf(!existsSync(dockerfiles))("corpus Dockerfiles", () => {
  const all = cases();

  it("has the corpus's 61 Dockerfiles, each in the manifest", () => {
    expect(all).toHaveLength(61);
    expect(all.filter((c) => c.manifest === undefined).map((c) => c.name)).toEqual([]);
  });

  it.each(all)("$name parses, estimates, and prints the JSON contract", ({ dir, dockerfile, requirements, manifest }) => {
    const analysis = analyze({
      dockerfile: new Uint8Array(readFileSync(dockerfile)),
      requirements: requirements.map((path) => ({ path: relative(dir, path), content: new Uint8Array(readFileSync(path)) })),
      dockerignore: null,
    });
    const faults = analysis.diagnostics.filter((d) => d.code === "engine/estimate-fault" || d.code === "dockerfile/parser-fault");
    expect(faults).toEqual([]);
    const lines = new LineIndex(analysis.model.text);
    for (const d of analysis.diagnostics.filter((x) => x.file === "dockerfile")) {
      expect(d.line >= 1 && d.line <= lines.lineCount && d.column >= 1 && d.column <= lines.lineText(d.line).length + 1).toBe(true);
    }
    expect(analysis.model.stages.length).toBeGreaterThan(0);

    // The final stage stands on the image the manifest resolved (ARG defaults substituted), when the
    // tables know that image; its size is then at least the base row's.
    const e = analysis.estimate;
    const ref = manifest?.finalBaseImageResolved == null ? null : parseImageRef(manifest.finalBaseImageResolved);
    const row = ref === null ? null : (findBaseImage(ref)?.row ?? null);
    if (row !== null) {
      expect(e.stages.at(-1)?.baseImage).toBe(row.ref);
      expect(e.totalBytes).toBeGreaterThanOrEqual(row.diskBytes ?? 0);
    }
    expect(e.layers.reduce((sum, l) => sum + l.bytes, 0)).toBe(e.totalBytes);
    // Plausible: no Python image in the corpus is anywhere near 20 GB.
    expect(e.totalBytes).toBeLessThan(20e9);

    let stdout = "";
    let stderr = "";
    const code = run(["plan", dockerfile, "--format", "json"], { ...nodeIo(), stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
    expect([code, stderr]).toEqual([0, ""]);
    const json = JSON.parse(stdout) as { steps: { dockerfile: string; estimate: { totalBytes: number } }[] };
    expectPlanContract(json);
    // The CLI finds the same requirements files beside the Dockerfile, so its first step is this estimate.
    expect(json.steps[0]?.dockerfile).toBe(analysis.model.text);
    expect(json.steps[0]?.estimate.totalBytes).toBe(e.totalBytes);
  });
});
