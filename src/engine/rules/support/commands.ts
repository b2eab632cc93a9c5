// Command-level questions and edits the newer rules share: which RUNs end up in the image, and how to take
// one command out of a RUN (with the `&&` that joins it) without leaving a dangling operator.
import type { Analysis } from "../../analyze";
import type { InstructionNode } from "../../dockerfile/model";
import type { CommandInfo } from "../../shell/command-info";
import type { TextEdit } from "../../text/edits";
import { afterInstruction, lineStartOf, runAtLine } from "./stages";

/** The RUN instructions whose layers are in the final image (the estimate's layers are exactly those). */
export function finalImageRuns(analysis: Analysis): InstructionNode[] {
  // A Set, not `out.includes`: a bulk file's thousands of layers made that quadratic (issue 14).
  const out = new Set<InstructionNode>();
  for (const layer of analysis.estimate.layers) {
    const node = runAtLine(analysis.model, layer.line);
    if (node !== undefined) out.add(node);
  }
  return [...out];
}

/** Stage indexes whose instructions reach the final image (the final stage and the stages it builds on). */
export function finalImageStages(analysis: Analysis): Set<number> {
  return new Set(analysis.estimate.stages.filter((s) => s.inFinalImage).map((s) => s.index));
}

/** Each command of a RUN with what it does. */
export function commandInfos(node: InstructionNode): { index: number; info: CommandInfo }[] {
  return (node.run?.infos ?? []).map((info, index) => ({ index, info }));
}

/** True when the RUN can be edited word by word: shell form, no heredoc, no unterminated quote. */
export function editableRun(node: InstructionNode): boolean {
  const run = node.run;
  if (run === null || run.script === null || node.heredocs.length > 0 || run.problems.length > 0) return false;
  return run.commands.every((c) => c.end > c.start);
}

/**
 * The edit that removes `commands[index]` from its RUN: with the `&&`/`;` joining it to the previous
 * command (or to the next one when it is first); the whole instruction when it is the only command left
 * besides `set` (a RUN of only `set -eux` would be an empty layer). Null when the command is conditional
 * or joined by `||`/`|`, where removing it would change what else runs.
 */
export function removeCommandEdit(text: string, node: InstructionNode, index: number): TextEdit | null {
  const commands = node.run?.commands ?? [];
  const infos = node.run?.infos ?? [];
  const command = commands[index];
  if (command === undefined || command.conditional) return null;
  const others = infos.filter((info, i) => i !== index && info.kind !== "set");
  if (others.length === 0) return { start: lineStartOf(text, node.range.start), end: afterInstruction(text, node), text: "" };
  const joins = (c: string | null): boolean => c === "&&" || c === ";" || c === "newline";
  const previous = commands[index - 1];
  if (previous !== undefined && joins(command.connectorBefore)) return { start: previous.end, end: command.end, text: "" };
  const next = commands[index + 1];
  if (index === 0 && next !== undefined && joins(next.connectorBefore)) return { start: command.start, end: next.start, text: "" };
  return null;
}
