// The diff a step shows: a unified diff per changed file, from the `diff` package (jsdiff, the diff
// library most JavaScript tools use) rather than a hand-written LCS.
import { createTwoFilesPatch } from "diff";
import type { PlanTexts } from "./texts";

export function diffTexts(before: PlanTexts, after: PlanTexts): string {
  const patches: string[] = [];
  const add = (name: string, a: string | null, b: string | null) => {
    if (a === b) return;
    patches.push(createTwoFilesPatch(a === null ? "/dev/null" : `a/${name}`, b === null ? "/dev/null" : `b/${name}`, a ?? "", b ?? "", "", "", { context: 3 }));
  };
  add("Dockerfile", before.dockerfile, after.dockerfile);
  add(".dockerignore", before.dockerignore, after.dockerignore);
  for (const file of after.requirements) add(file.path, before.requirements.find((r) => r.path === file.path)?.text ?? null, file.text);
  return patches.map((p) => p.replace(/^=+\n/, "")).join("");
}
