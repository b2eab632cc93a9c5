// A rewrite must not carry a file past the engine's limits (src/engine/limits.ts): the plan only rewrites
// files within them, but a rewrite that adds instructions (size/multistage repeats the final stage's), a
// stage or characters to a RUN can cross one. The rewritten file is then read only in part, and the plan
// refused the step as "does not parse (More than 1,000 instructions …)" — the fuzz's non-reparsing class
// on files near the limits (issue 14). A rule whose fix cannot stay within the limits offers no rewrite:
// the finding stays, with "edit the Dockerfile by hand".
import type { DockerfileModel } from "../../dockerfile/model";
import { parseDockerfile } from "../../dockerfile/parse-dockerfile";
import { LIMITS, LIMIT_CODE_PREFIX } from "../../limits";
import { applyEdits, type TextEdit } from "../../text/edits";
import type { FixAlternative, Rule } from "../types";

/** Line breaks in `text` (`\n`, `\r\n` or a lone `\r`): an upper bound on the instructions it can add. */
function lineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // `\r\n` counts once: its `\n` is skipped.
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}

/**
 * Whether `edits` could carry `model` past a limit: a cheap upper bound, so the common case (a small file)
 * costs no parse. Each edit can add at most one instruction per line break plus one, a stage per `FROM` it
 * writes, and its characters to the longest instruction.
 */
function mayPassLimits(model: DockerfileModel, edits: readonly TextEdit[]): boolean {
  let instructions = model.instructions.length;
  let stages = model.stages.length;
  let chars = model.text.length;
  let grow = 0;
  for (const edit of edits) {
    instructions += lineBreaks(edit.text) + 1;
    stages += edit.text.split(/FROM/i).length - 1;
    chars += edit.text.length;
    grow += edit.text.length;
  }
  const longest = model.instructions.reduce((max, n) => Math.max(max, n.range.end - n.range.start), 0);
  return instructions > LIMITS.instructions || stages > LIMITS.stages || chars > LIMITS.dockerfileChars || longest + grow > LIMITS.instructionChars;
}

/** True when the Dockerfile rewritten by `alternative` is still read whole (no limit diagnostic). */
export function staysWithinLimits(model: DockerfileModel, alternative: FixAlternative): boolean {
  const edits = alternative.edits.flatMap((e) => (e.file === "dockerfile" ? e.edits : []));
  if (!mayPassLimits(model, edits)) return true;
  const applied = applyEdits(model.text, edits);
  // Edits that do not apply are the plan's to report, with its own message.
  if (!applied.ok) return true;
  return !parseDockerfile(applied.text).diagnostics.some((d) => d.code.startsWith(LIMIT_CODE_PREFIX));
}

/** `rule` with only the alternatives that keep the Dockerfile within the limits (none: no rewrite). */
export function withinLimits(rule: Rule): Rule {
  return {
    meta: rule.meta,
    detect: (context) => rule.detect(context),
    fix: (context, findings) => rule.fix(context, findings).filter((a) => staysWithinLimits(context.analysis.model, a)),
  };
}
