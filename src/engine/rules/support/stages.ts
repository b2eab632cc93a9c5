// Questions rules ask about stages: which stage ends up as the image, where an instruction's line starts,
// what WORKDIR is in force at an instruction, which stages another stage copies from.
import type { Analysis } from "../../analyze";
import type { DockerfileModel, InstructionNode, Stage } from "../../dockerfile/model";
import type { LayerItem } from "../../estimate/types";
import { resolvePath } from "../../estimate/paths";
import { unquoteWord } from "../../dockerfile/unquote";

export function finalStage(model: DockerfileModel): Stage | null {
  return model.stages[model.stages.length - 1] ?? null;
}

/** Offset of the first character of the line holding `offset`. A line ends at `\n`, `\r\n` or a lone `\r`
 *  (as LineIndex counts them): with CR-only line ends, looking for `\n` alone found none and put an
 *  inserted RUN before the first FROM (issue 14). */
/** Windows base images (Docker's and Microsoft's names): no useradd, no /root, and the classic builder
 *  Windows uses rejects `RUN --mount`. */
const WINDOWS_IMAGE = /windows|nanoserver|servercore/i;

/** True when the stage, or a stage it builds on, starts from a Windows image (corpus 099). */
export function onWindows(model: DockerfileModel, stage: Stage): boolean {
  for (let s: Stage | undefined = stage, guard = 0; s !== undefined && guard < 32; guard++) {
    if (WINDOWS_IMAGE.test(s.from.from?.image ?? "")) return true;
    const parent: number | null | undefined = s.from.from?.baseStage;
    s = parent == null ? undefined : model.stages[parent];
  }
  return false;
}

export function lineStartOf(text: string, offset: number): number {
  const nl = Math.max(text.lastIndexOf("\n", offset - 1), text.lastIndexOf("\r", offset - 1));
  return nl + 1;
}

/** Where lines inserted before `node` go: above the comment lines directly over it (no blank line
 *  between), which belong to it, else the start of its line. Inserting at the instruction's own line put
 *  `RUN useradd …` / `USER 10001` between `# Comando por defecto…` and the CMD it describes (corpus file
 *  119). Never above the end of the instruction before it: a comment inside a continued RUN is that RUN's. */
export function insertionPointBefore(model: DockerfileModel, node: InstructionNode): number {
  const text = model.text;
  let at = lineStartOf(text, node.range.start);
  // The first instruction's comments may be parser directives (`# escape=`), which must stay first.
  const previous = model.instructions[node.index - 1];
  if (previous === undefined) return at;
  while (at > previous.range.end) {
    // The previous line's content ends before its line break (`\r\n` is one break).
    const end = text[at - 1] === "\n" && text[at - 2] === "\r" ? at - 2 : at - 1;
    const start = lineStartOf(text, end);
    if (start < previous.range.end || !text.slice(start, end).trimStart().startsWith("#")) break;
    at = start;
  }
  return at;
}

/** Offset just past the line break that ends the instruction (or the end of the text). */
export function afterInstruction(text: string, node: InstructionNode): number {
  const lf = text.indexOf("\n", node.range.end);
  const cr = text.indexOf("\r", node.range.end);
  // A lone `\r` ends a line too; `\r\n` is one line break.
  if (cr >= 0 && (lf < 0 || cr < lf)) return text[cr + 1] === "\n" ? cr + 2 : cr + 1;
  return lf < 0 ? text.length : lf + 1;
}

/** Whether the text ends inside a line continuation: its last line that is neither blank nor a comment
 *  ends with the escape character, so Docker joins whatever is appended to that instruction (blank and
 *  comment lines inside a continuation are skipped, they do not end it). Fuzz case 67901. */
export function endsInContinuation(text: string, escapeChar: string): boolean {
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = (lines[i] ?? "").trimEnd();
    if (line === "" || line.trimStart().startsWith("#")) continue;
    return line.endsWith(escapeChar);
  }
  return false;
}

/** Whether `node` is the instruction the text ends continuing (it runs to the end, and the text ends
 *  inside a line continuation): a line inserted right after it would be joined to it (fuzz cases 67901 of
 *  seed 100 and 2498 of seed 7). */
export function continuesToEnd(text: string, node: InstructionNode, escapeChar: string): boolean {
  return node.range.end >= text.length && endsInContinuation(text, escapeChar);
}

/** Whether the text's last line is ended (`\n`, `\r\n` or a lone `\r`). Testing for `\n` alone took a
 *  CR-only file as unended, and a new stage appended to it began with `\r\r\r` (issue 14). */
export function endsWithLineBreak(text: string): boolean {
  return text.endsWith("\n") || text.endsWith("\r");
}

/** The line break the file uses, so inserted lines match (CRLF files stay CRLF). */
export function lineBreakOf(text: string): string {
  if (text.includes("\r\n")) return "\r\n";
  return text.includes("\r") && !text.includes("\n") ? "\r" : "\n";
}

/** The instruction's full text as written (continuations and heredocs included). */
export function instructionText(text: string, node: InstructionNode): string {
  return text.slice(node.range.start, node.range.end);
}

/** WORKDIR in force just before `stage.instructions[index]` (Docker's default is `/`). */
/** `workdirBefore(stage, i)` for every i from 0 to the stage's length, in one pass: a rule that asks for
 *  each instruction's directory in a loop would otherwise re-walk the stage each time (quadratic on long
 *  files; security/non-root-user asked for every COPY before every `chown -R`: 25 s of CPU on a fuzz
 *  `bulk` case of 7,000 instructions). */
export function workdirsOf(stage: Stage, escapeChar: string): string[] {
  const cwds = ["/"];
  let cwd = "/";
  for (const node of stage.instructions) {
    cwd = workdirAfter(cwd, node, escapeChar);
    cwds.push(cwd);
  }
  return cwds;
}

export function workdirBefore(stage: Stage, index: number, escapeChar: string): string {
  return stage.instructions.slice(0, index).reduce((cwd, node) => workdirAfter(cwd, node, escapeChar), "/");
}

/** The working directory after `node`, from `cwd` before it: a WORKDIR's path, quotes removed as BuildKit
 *  does with the file's escape character (`# escape=\``: a backslash is a plain character). */
function workdirAfter(cwd: string, node: InstructionNode, escapeChar: string): string {
  return node.keyword === "WORKDIR" && node.args[0] !== undefined ? resolvePath(cwd, unquoteWord(node.args.join(" "), escapeChar)) : cwd;
}

/** The index of stage `index` and of every stage built on it (`FROM <stage>`, at any depth), in order: a
 *  stage's base comes before it, so one forward pass finds them all. */
export function stageAndBuiltOn(model: DockerfileModel, index: number): Set<number> {
  const found = new Set([index]);
  for (const s of model.stages) {
    const base = s.from.from?.baseStage;
    if (base != null && found.has(base)) found.add(s.index);
  }
  return found;
}

/** Whether an `apt-get install` from offset `from` on, in stage `stage` or one built on it, runs before any
 *  `apt-get update` there: it reads the lists an earlier RUN (or the base image) holds. */
export function aptListsReadFrom(model: DockerfileModel, stage: number, from: number): boolean {
  const stages = stageAndBuiltOn(model, stage);
  for (const n of model.instructions) {
    if (!stages.has(n.stageIndex) || n.range.start < from) continue;
    for (const info of n.run?.infos ?? []) {
      if (info.kind === "apt-update") return false;
      if (info.kind === "apt-install") return true;
    }
  }
  return false;
}

/** The end of an `apt-get update && apt-get install` RUN a rule inserts before `node`: deleting the lists
 *  keeps them out of its layer, unless an install from `node` on still reads them (`RUN apt-get update`,
 *  `RUN wget …`, `RUN apt-get install -y chromium`: wget's install inserted before line 3 left line 4
 *  nothing to install from: a Selenium file's usual shape). */
export function aptListsCleanupBefore(model: DockerfileModel, node: InstructionNode): string {
  return aptListsReadFrom(model, node.stageIndex, node.range.start) ? "" : " && rm -rf /var/lib/apt/lists/*";
}

/**
 * The final stage's first RUN in a split (multistage, tool-multistage): the runtime packages, installed
 * where the builder's instructions end. An apt install after that point that runs no update of its own read
 * the lists an update before it left, which moved into the builder: the final stage's RUN then keeps its
 * lists, or runs `apt-get update` alone where it installs nothing (fuzz seed 100 case 9869).
 */
export function finalRuntimeLine(model: DockerfileModel, stage: number, builderEnd: InstructionNode, libc: "glibc" | "musl" | null, runtime: readonly string[], noRecommends: boolean): string[] {
  if (libc === "musl") return runtime.length === 0 ? [] : [`RUN apk add --no-cache ${runtime.join(" ")}`];
  const listsRead = aptListsReadFrom(model, stage, builderEnd.range.end);
  if (runtime.length === 0) return listsRead ? ["RUN apt-get update"] : [];
  return [`RUN apt-get update && apt-get install -y${noRecommends ? " --no-install-recommends" : ""} ${runtime.join(" ")}${listsRead ? "" : " && rm -rf /var/lib/apt/lists/*"}`];
}

/** Stage indexes that `stage` reads with `COPY --from` or builds on. */
export function stagesUsedBy(model: DockerfileModel, stage: Stage): number[] {
  const used: number[] = [];
  if (stage.from.from?.baseStage != null) used.push(stage.from.from.baseStage);
  for (const node of stage.instructions) {
    const from = node.copy?.from;
    if (from == null) continue;
    const byName = model.stages.find((s) => s.name !== null && s.name === from.toLowerCase());
    const byIndex = /^\d+$/.test(from) ? model.stages[Number(from)] : undefined;
    const target = byName ?? byIndex;
    if (target !== undefined) used.push(target.index);
  }
  return used;
}

/**
 * Names a new stage may not take, lower-cased: the stages' own names, and every name the file already reads
 * as a stage or an image (`COPY --from=X`, `RUN --mount=…,from=X`, `FROM X`). A builder named after an
 * image the final stage copies from (`COPY --from=builder` where the file's own builder FROM was lost)
 * would turn that copy into a copy from the stage itself, which BuildKit refuses (fuzz seed 100 cases
 * 61163 and 62556).
 */
export function takenStageNames(model: DockerfileModel): Set<string> {
  const taken = new Set<string>();
  for (const stage of model.stages) {
    if (stage.name !== null) taken.add(stage.name);
    const image = stage.from.from?.image ?? stage.from.from?.rawImage;
    if (image != null) taken.add(image.toLowerCase());
  }
  for (const node of model.instructions) {
    const from = node.copy?.from;
    if (from != null) taken.add(unquoteWord(from, model.escapeChar).toLowerCase());
    for (const mount of node.run?.mounts ?? []) if (mount.from !== null) taken.add(mount.from.toLowerCase());
  }
  return taken;
}

/** True when the file's tokens depend on a variable the rule cannot follow (e.g. `FROM ${IMAGE}`). */
export function hasVariable(text: string): boolean {
  return text.includes("$");
}

const runsByLine = new WeakMap<DockerfileModel, ReadonlyMap<number, InstructionNode>>();

/** The RUN of `finding`'s stage whose lines hold the finding's line: where the build check found it. */
export function runOfFinding(model: DockerfileModel, finding: { readonly stage: number; readonly line: number }): InstructionNode | undefined {
  return model.stages[finding.stage]?.instructions.find((n) => n.keyword === "RUN" && n.range.startLine <= finding.line && finding.line <= n.range.endLine);
}

/** The RUN instruction starting on `line` (layers are keyed by line); indexed once per model. */
export function runAtLine(model: DockerfileModel, line: number): InstructionNode | undefined {
  let index = runsByLine.get(model);
  if (index === undefined) {
    const map = new Map<number, InstructionNode>();
    for (const node of model.instructions) if (node.keyword === "RUN") map.set(node.range.startLine, node);
    runsByLine.set(model, map);
    index = map;
  }
  return index.get(line);
}

/** The final image's RUN layers holding items that match `holds`, with those items' bytes. */
export function runsHolding(analysis: Analysis, holds: (item: LayerItem) => boolean): { node: InstructionNode; bytes: number }[] {
  const out: { node: InstructionNode; bytes: number }[] = [];
  for (const layer of analysis.estimate.layers) {
    const bytes = layer.items.filter(holds).reduce((sum, i) => sum + i.bytes, 0);
    const node = bytes > 0 ? runAtLine(analysis.model, layer.line) : undefined;
    if (node !== undefined) out.push({ node, bytes });
  }
  return out;
}

/**
 * `FROM image` or `FROM image AS name` (flags aside): the shapes whose stage name a split can write. Any
 * other (a line break lost to byte noise, `FROM python:3.12 AS appRUN apt-get …`; `FROM python:3.12 A app`)
 * is an error the rewrite would keep and add to: a stage name appended after five arguments, or a new final
 * stage named like the mangled one (issue 14's fuzz: dockerfile-utils' "duplicate name", "FROM requires
 * either one or three arguments").
 */
export function plainFrom(node: InstructionNode): boolean {
  return node.args.length === 1 || (node.args.length === 3 && node.args[1]?.toUpperCase() === "AS");
}
