// The last few Dockerfile texts parsed, with their models. A plan step parses the rewritten text twice:
// the rewrite guard (rules/support/safe-rewrites.ts) reads it whole to see whether it crosses a limit,
// then the plan analyses the same text — on a file near LIMITS.instructions, that was one whole extra
// parse per step (a 10,000-instruction parse is ~0.3 s of CPU). Models are plain data that no reader
// modifies, so one can serve both.
import type { DockerfileModel } from "./model";
import { parseDockerfile } from "./parse-dockerfile";
import type { Arch } from "../knowledge/wheel-tags";

/** Texts kept: the rewrite being checked and the one before it. A bound on memory (a 1 MiB text's model
 *  is tens of MB); a plan reads each text once or twice in a row, never one from further back. */
const KEPT = 2;
const recent: { text: string; arch: Arch; model: DockerfileModel }[] = [];

/** `parseDockerfile(text, { arch })` (no build args), reusing a model of the same text and platform parsed
 *  just before. */
export function parseDockerfileCached(input: string | Uint8Array, arch: Arch = "x86_64"): DockerfileModel {
  if (typeof input !== "string") return parseDockerfile(input, { arch });
  const hit = recent.find((r) => r.text === input && r.arch === arch);
  if (hit !== undefined) return hit.model;
  const model = parseDockerfile(input, { arch });
  recent.unshift({ text: input, arch, model });
  recent.length = Math.min(recent.length, KEPT);
  return model;
}
