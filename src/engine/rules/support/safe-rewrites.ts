// Two ways a rule's edits, each right where it is, give a file the parser reads differently than the rule
// meant (issue 14's fuzz), and one way they cannot build anywhere. A rule whose fix cannot land as meant offers no rewrite: the finding stays, with
// "edit the Dockerfile by hand". The checks are here once, around every rule (registry.ts), not in each.
// - Limits (src/engine/limits.ts): the plan only rewrites files within them, but a rewrite that adds
//   instructions (size/multistage repeats the final stage's), a stage or characters to a RUN can cross
//   one. The rewrite is then read only in part, and the plan refused the step as "does not parse (More
//   than 1,000 instructions …)": non-reparsing steps on files near the limits.
// - A heredoc that is never closed runs to the end of the file: text inserted after its opening line is
//   more of its body, not an instruction. size/multistage's new final stage went into the body of a
//   fuzzed file's unterminated `RUN <<EOF`, and the rule fired again on the unchanged builder.
// - An `apt-get update` written into a file on a Debian release deb.debian.org no longer serves (buster)
//   fails wherever it goes: noAptOnArchived.
import type { DockerfileModel } from "../../dockerfile/model";
import type { ImageEstimate } from "../../estimate/types";
import { parseDockerfileCached } from "../../dockerfile/parse-cache";
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
  return !parseDockerfileCached(applied.text).diagnostics.some((d) => d.code.startsWith(LIMIT_CODE_PREFIX));
}

/** True unless `alternative` edits the Dockerfile at or after the instruction that opens a heredoc that is
 *  never closed. Every edit must end before that instruction (an insertion right before it is fine): a
 *  rule that removes the instruction and writes it again with more after it (size/multistage moving the
 *  file's tail below its builder, fuzz seed 100 case 44042) starts its edits before the opening line, but
 *  what it writes after the opening is still body. */
export function outsideOpenHeredoc(model: DockerfileModel, alternative: FixAlternative): boolean {
  const open = model.instructions.find((n) => n.heredocs.some((h) => !h.terminated));
  if (open === undefined) return true;
  return alternative.edits.every((e) => e.file !== "dockerfile" || e.edits.every((edit) => edit.end <= open.range.start));
}

/** True unless `alternative` writes an `apt-get update` into a file with a stage on a Debian release
 *  deb.debian.org no longer serves (buster): that update fails (build check archived-release), so a rule
 *  that installs system packages there (slim's build dependencies, a final stage's runtime libraries) has
 *  nothing that builds to offer. */
export function noAptOnArchived(estimate: ImageEstimate, alternative: FixAlternative): boolean {
  if (!estimate.stages.some((s) => s.aptArchived)) return true;
  return !alternative.edits.some((e) => e.file === "dockerfile" && e.edits.some((edit) => /\bapt(?:-get)?\s+update\b/.test(edit.text)));
}

/** `rule` with only the alternatives whose edits land as meant (none left: no rewrite). */
export function guardRewrites(rule: Rule): Rule {
  return {
    meta: rule.meta,
    detect: (context) => rule.detect(context),
    fix: (context, findings) => rule.fix(context, findings).filter((a) => outsideOpenHeredoc(context.analysis.model, a) && staysWithinLimits(context.analysis.model, a) && noAptOnArchived(context.analysis.estimate, a)),
  };
}
