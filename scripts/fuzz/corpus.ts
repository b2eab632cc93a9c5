// The seeds the mutator starts from: the shared corpus of real Dockerfiles, read in place (never copied
// into the repository), or nothing where ../shared is absent; plus a few files the team wrote.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { EXAMPLES } from "../../src/examples/index";
import type { FuzzInput } from "./mutate";

export const CORPUS_DIR = fileURLToPath(new URL("../../../shared/corpus/dockerfiles", import.meta.url));

/** The corpus's Dockerfiles with every other file beside them as a requirements file; [] without it. */
export function corpusSeeds(dir: string = CORPUS_DIR): FuzzInput[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((name) => {
    const folder = join(dir, name);
    const dockerfile = join(folder, "Dockerfile");
    if (!statSync(folder).isDirectory() || !existsSync(dockerfile)) return [];
    const requirements = readdirSync(folder).filter((f) => f !== "Dockerfile" && statSync(join(folder, f)).isFile())
      .map((f) => ({ path: f, content: readFileSync(join(folder, f), "utf8") }));
    return [{ dockerfile: readFileSync(dockerfile, "utf8"), requirements }];
  });
}

/** The playground's examples: seeds that exist in every checkout. */
export function exampleSeeds(): FuzzInput[] {
  return EXAMPLES.map((e) => ({ dockerfile: e.dockerfile, requirements: e.requirements.map((r) => ({ path: r.path, content: r.text })) }));
}
