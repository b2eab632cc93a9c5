// The diff a step shows: a unified diff per changed file, from the `diff` package (jsdiff, the diff
// library most JavaScript tools use) rather than a hand-written LCS. Computed only when a caller reads a
// step's `diff` (plan.ts), and with jsdiff's edit-length cap, so no step costs more than linear time in
// the file's length (issue 13: a full line diff of each large rewrite was 22% of a 3,000-instruction plan).
import { createTwoFilesPatch } from "diff";
import type { PlanTexts } from "./texts";

/**
 * Most inserted + deleted lines looked for per file before the diff is given up as too large to show.
 * Myers' algorithm (jsdiff) costs O((N + M) · D) for D edits: the cap bounds a step to a fixed multiple
 * of the file's length. 1,000 is a rewrite of every line of the corpus's largest Dockerfile (under
 * 10 kB, a few hundred lines) several times over; past it a reader compares the two texts instead.
 */
export const DIFF_MAX_EDIT_LENGTH = 1_000;

/** The text a file's diff is replaced with past the cap (plain, so the CLI and the page show it as is). */
export function diffTooLargeText(name: string, maxEditLength: number): string {
  return `Diff of ${name} too large to show: more than ${maxEditLength.toLocaleString("en-US")} lines change. Compare the two texts instead.\n`;
}

export function diffTexts(before: PlanTexts, after: PlanTexts, maxEditLength: number = DIFF_MAX_EDIT_LENGTH): string {
  const patches: string[] = [];
  const add = (name: string, a: string | null, b: string | null) => {
    if (a === b) return;
    const patch = createTwoFilesPatch(a === null ? "/dev/null" : `a/${name}`, b === null ? "/dev/null" : `b/${name}`, a ?? "", b ?? "", "", "", { context: 3, maxEditLength });
    patches.push(patch === undefined ? diffTooLargeText(name, maxEditLength) : patch.replace(/^=+\n/, ""));
  };
  add("Dockerfile", before.dockerfile, after.dockerfile);
  add(".dockerignore", before.dockerignore, after.dockerignore);
  for (const file of after.requirements) add(file.path, before.requirements.find((r) => r.path === file.path)?.text ?? null, file.text);
  return patches.join("");
}
