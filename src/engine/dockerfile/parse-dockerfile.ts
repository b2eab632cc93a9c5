// Dockerfile text → DockerfileModel, over dockerfile-ast (the parser behind VS Code's Docker tooling).
// Never throws: a fault in the library (it has known TypeErrors on some heredocs) or bad input becomes a
// diagnostic at the instruction where it happened, and every other instruction is still modelled.
import type { Arch } from "../knowledge/wheel-tags";
import { platformArgs } from "./platform-args";
import { DockerfileParser } from "dockerfile-ast";
import type { Instruction } from "dockerfile-ast";
import { describeError, type Diagnostic } from "../diagnostics";
import { LIMITS } from "../limits";
import { workCounters } from "../work-counters";
import { recogniseCommand, recogniseScript } from "../shell/recognise";
import { splitCommands } from "../shell/split";
import { decodeText } from "../text/decode";
import { LineIndex } from "../text/line-index";
import { memoiseAstArguments } from "./ast-arguments-memo";
import { organiseCommentsBySearch } from "./ast-comments-organize";
import { ensureBufferForDockerfileAst } from "./buffer-shim";
import { invalidStageName, readCopy, readFlags, readFrom, readHeredocs, readJsonStrings, readPairs, readRunMounts, LEXED, unclosedQuote } from "./read-instruction";
import type { DockerfileModel, HeredocNode, InstructionNode, KeyValue, RunDetails, SourceRange, Stage } from "./model";
import { runScript } from "./run-script";
import { expandWord } from "./unquote";
import type { ShellCommand, ShellSource } from "../shell/types";

export const KEYWORDS = new Set([
  "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER",
  "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
]);

/** Unknown instructions reported one by one; past this, one summary (a pasted binary makes thousands). */
export const MAX_UNKNOWN_REPORTS = 50;

export interface ParseDockerfileOptions {
  /** `--build-arg` values; they override global ARG defaults in FROM. */
  readonly buildArgs?: ReadonlyMap<string, string>;
  /** The platform BuildKit's automatic ARGs name (TARGETARCH …, platform-args.ts): linux/amd64 unless set. */
  readonly arch?: Arch;
  /** Hand dockerfile-ast the whole text even where the instruction limit falls in its first lines (the
   *  model is the same: parse-limit-prefix.test.ts compares the two). */
  readonly wholeText?: boolean;
}

export function parseDockerfile(input: string | Uint8Array, options: ParseDockerfileOptions = {}): DockerfileModel {
  workCounters.parses++;
  const decoded = decodeText(input);
  const text = decoded.text;
  const lines = new LineIndex(text);
  const diagnostics: Diagnostic[] = [];
  const report = (offset: number, severity: Diagnostic["severity"], code: string, message: string) => {
    const { line, column } = lines.positionAt(offset);
    diagnostics.push({ message, line, column, severity, code, file: "dockerfile" });
  };
  const firstInvalid = decoded.invalidOffsets[0];
  if (firstInvalid !== undefined) {
    report(firstInvalid, "warning", "dockerfile/invalid-encoding",
      `The text is not valid UTF-8 here (${decoded.invalidOffsets.length} byte sequence(s) replaced with U+FFFD).`);
  }
  if (text.trim() === "") {
    report(0, "error", "dockerfile/empty", "The Dockerfile is empty: paste one with at least a FROM instruction.");
    return { text, escapeChar: "\\", directives: [], globalArgs: [], stages: [], instructions: [], diagnostics };
  }

  ensureBufferForDockerfileAst();
  memoiseAstArguments();
  organiseCommentsBySearch();
  const readable = withinSizeLimit(text, report);
  // A file longer than the instruction limit is read from its first lines when the limit falls there: what
  // dockerfile-ast would make of the rest is never read (case 1267 of the fuzz's `--cases 100000 --seed
  // 100`: 16,706 instructions parsed for the 10,000 read).
  const prefix = options.wholeText === true ? null : limitPrefix(readable);
  if (prefix !== null) {
    const reported = diagnostics.length;
    const model = read(prefix, true);
    if (model !== null) return model;
    diagnostics.length = reported;
  }
  return read(readable, false) ?? { text, escapeChar: "\\", directives: [], globalArgs: [], stages: [], instructions: [], diagnostics };

  /**
   * The model of `source` (the text or a prefix of it: offsets are the whole text's). For a prefix, null
   * unless a limit stopped the reading at an instruction that another instruction of the prefix follows:
   * dockerfile-ast reads line after line, so every instruction up to that one, which is all the model
   * holds, is what the whole text gives.
   */
  function read(source: string, isPrefix: boolean): DockerfileModel | null {
    let parsed: ReturnType<typeof DockerfileParser.parse>;
    try {
      parsed = DockerfileParser.parse(source);
    } catch (error) {
      if (isPrefix) return null;
      report(0, "error", "dockerfile/parser-fault", `The Dockerfile parser failed (${describeError(error)}); nothing could be read.`);
      return { text, escapeChar: "\\", directives: [], globalArgs: [], stages: [], instructions: [], diagnostics };
    }

    const escapeChar = guard(() => parsed.getEscapeCharacter(), "\\");
    const directives = guard(
      () => parsed.getDirectives().map((d) => ({ name: d.getName().toLowerCase(), value: d.getValue(), line: d.getRange().start.line + 1 })),
      [],
    );
    const rangeOf = (r: { start: { line: number; character: number }; end: { line: number; character: number } }): SourceRange => {
      const start = lines.offsetAt(r.start.line, r.start.character);
      const end = lines.offsetAt(r.end.line, r.end.character);
      return { start, end, startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
    };

    const instructions: InstructionNode[] = [];
    const stages: { index: number; name: string | null; from: InstructionNode; instructions: InstructionNode[] }[] = [];
    const globalArgs: KeyValue[] = [];
    const globalValues = new Map<string, string>();
    let rawInstructions: Instruction[] = [];
    try {
      rawInstructions = parsed.getInstructions();
    } catch (error) {
      if (isPrefix) return null;
      report(0, "error", "dockerfile/parser-fault", `The Dockerfile parser failed (${describeError(error)}).`);
    }

    let unknownCount = 0;
    let firstUnreported = 0;
    /** True when a limit stopped the reading: what was read still has no FROM if no stage started. */
    let cutAtLimit = false;
    for (const [at, raw] of rawInstructions.entries()) {
      if (!withinInstructionLimits(raw, instructions.length, stages.length, rangeOf, report)) {
        cutAtLimit = true;
        if (isPrefix && at + 1 >= rawInstructions.length) return null;
        break;
      }
      let node: InstructionNode;
      try {
        node = readInstruction(raw, {
          text, escapeChar, rangeOf, index: instructions.length, stageIndex: stages.length - 1,
          stages, globalValues, buildArgs: options.buildArgs, platform: platformArgs(options.arch), report,
        });
      } catch (error) {
        const start = guard(() => rangeOf(raw.getRange()).start, 0);
        report(start, "error", "dockerfile/parser-fault",
          `This instruction could not be read (${describeError(error)}); it is left out of the estimate.`);
        continue;
      }
      instructions.push(node);
      if (!KEYWORDS.has(node.keyword)) {
        unknownCount++;
        if (unknownCount <= MAX_UNKNOWN_REPORTS) {
          // Pasted garbage can make a "keyword" of thousands of characters: quote only its start.
          const shown = node.keyword.length > 24 ? `${node.keyword.slice(0, 24)}…` : node.keyword;
          // Docker's parser refuses the whole file ("unknown instruction: REWRITE"): an error, though the
          // analysis goes on without the line.
          const why = /^\{[{%#]/.test(node.keyword) ? "Is this a template (Jinja, Go)? Docker builds the rendered file." : "Is a line continuation (\\) or heredoc missing above?";
          report(node.range.start, "error", "dockerfile/unknown-instruction",
            `Unknown instruction "${shown}": Docker refuses the whole file ("unknown instruction"); here it is ignored. ${why}`);
        } else if (unknownCount === MAX_UNKNOWN_REPORTS + 1) {
          firstUnreported = node.range.start;
        }
      }
      if (node.keyword === "FROM" && node.from !== null) {
        stages.push({ index: stages.length, name: node.from.stageName, from: node, instructions: [] });
        continue;
      }
      const stage = stages.at(-1);
      if (stage === undefined) {
        if (node.keyword === "ARG") {
          for (const pair of node.pairs) {
            // A default may use the global ARGs above it (`ARG PY=3.12` then `ARG BASE=python:${PY}-slim`).
            const value = node.argWithoutDefault.includes(pair.name) ? pair.value : expandWord(pair.written, escapeChar, globalValues);
            globalArgs.push({ ...pair, value });
            if (!node.argWithoutDefault.includes(pair.name)) globalValues.set(pair.name, value);
          }
        } else if (KEYWORDS.has(node.keyword)) {
          report(node.range.start, "error", "dockerfile/before-from", `${node.keyword} before the first FROM: only ARG may come before FROM.`);
        }
        continue;
      }
      stage.instructions.push(node);
    }
    if (isPrefix && !cutAtLimit) return null;

    if (unknownCount > MAX_UNKNOWN_REPORTS) {
      report(firstUnreported, "error", "dockerfile/unknown-instruction",
        `${unknownCount - MAX_UNKNOWN_REPORTS} more unknown instructions from here on are ignored: is this a Dockerfile?`);
    }
    if (stages.length === 0 && (instructions.length > 0 || cutAtLimit)) {
      report(0, "error", "dockerfile/no-from", "No FROM instruction: a Dockerfile must start its first stage with FROM.");
    }
    for (const node of instructions) {
      for (const heredoc of node.heredocs) {
        if (!heredoc.terminated) {
          report(node.range.start, "error", "dockerfile/unterminated-heredoc",
            `The heredoc <<${heredoc.name} is never closed: add a line with just "${heredoc.name}".`);
        }
      }
      // The body as written, up to the delimiter line: its last line's \r too.
      const crlf = (h: HeredocNode) => h.content.includes("\r") || (h.contentRange !== null && text.slice(h.contentRange.start, h.contentRange.end + 1).includes("\r"));
      const script = node.keyword === "RUN" ? node.heredocs.find((h) => h.terminated && crlf(h)) : undefined;
      if (script !== undefined && runsHeredocAsShell(text.slice(node.argsRange?.start ?? node.range.start, node.range.end))) {
        report(node.range.start, "error", "dockerfile/crlf-heredoc",
          `The heredoc <<${script.name} has Windows line ends (CRLF), and BuildKit keeps the \\r in a RUN heredoc's lines (moby/buildkit#4282): the shell reads "update\\r" and the like, and the commands fail. Save the Dockerfile with LF line ends.`);
      }
    }
    return { text, escapeChar, directives, globalArgs, stages: stages as readonly Stage[], instructions, diagnostics };
  }
}

/** True when a RUN's heredoc is the shell script itself (`RUN <<EOF`, `RUN bash <<EOF`), not the input of
 *  another program (`RUN python3 <<EOF`, which reads CRLF lines as well as LF ones). */
function runsHeredocAsShell(args: string): boolean {
  const before = args.replace(/^(\s*--[a-z]+=\S+)*\s*/i, "").split("<<")[0]?.trim() ?? "";
  return before === "" || /^(\S*\/)?(sh|bash|dash|ash|zsh)(\s+-[a-z]+)*$/.test(before);
}

/** The text up to the end of the line where the instruction limit falls if the lines hold about one
 *  instruction each (a quarter more lines than the limit), or null for a text not that long, or whose first
 *  lines clearly hold fewer instructions (comments, blank lines, continuations): parsing them would be work
 *  thrown away. The count is a guess (a heredoc's body counts); `read` decides from the parse itself. */
function limitPrefix(source: string): string | null {
  const wanted = LIMITS.instructions + 2;
  let starts = 0;
  let continued = false;
  let begin = 0;
  for (let line = 0; line < Math.ceil(wanted * 1.25); line++) {
    const end = source.indexOf("\n", begin);
    if (end < 0) return null;
    const text = source.slice(begin, end).trim();
    if (!continued && text !== "" && !text.startsWith("#")) starts++;
    if (text !== "" && !text.startsWith("#")) continued = text.endsWith("\\");
    begin = end + 1;
  }
  return starts < wanted ? null : source.slice(0, begin - 1);
}

interface ReadContext {
  readonly text: string;
  readonly escapeChar: string;
  readonly rangeOf: (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => SourceRange;
  readonly index: number;
  readonly stageIndex: number;
  /** Stages so far (their names are read only for FROM: mapping them for every instruction is quadratic). */
  readonly stages: readonly { readonly name: string | null }[];
  readonly globalValues: ReadonlyMap<string, string>;
  readonly buildArgs: ReadonlyMap<string, string> | undefined;
  readonly platform: ReadonlyMap<string, string>;
  readonly report: (offset: number, severity: Diagnostic["severity"], code: string, message: string) => void;
}

function readInstruction(raw: Instruction, ctx: ReadContext): InstructionNode {
  const keyword = raw.getKeyword().toUpperCase();
  const range = ctx.rangeOf(raw.getRange());
  const flags = readFlags(raw, ctx.rangeOf);
  const heredocs = readHeredocs(raw, ctx.text, range, ctx.rangeOf);
  const argList = guard(() => raw.getArguments(), []);
  const firstArg = argList[0];
  const argsRange = firstArg === undefined ? null : ctx.rangeOf({ start: firstArg.getRange().start, end: raw.getRange().end });
  const json = heredocs.length > 0 ? null : readJsonStrings(raw, ctx.text, argsRange, ctx.escapeChar);
  const form = json !== null ? "exec" : "shell";
  // With a heredoc, dockerfile-ast also returns the body's words as arguments: only the first line's
  // words (markers, command, destination) are real arguments.
  const firstLine = raw.getRange().start.line;
  const ownArgs = heredocs.length > 0 ? argList.filter((a) => a.getRange().start.line === firstLine) : argList;
  const args = json ?? ownArgs.map((a) => a.getValue());
  const pairs = readPairs(raw, keyword, ctx.text, ctx.escapeChar, ctx.rangeOf);

  let from: InstructionNode["from"] = null;
  if (keyword === "FROM") {
    const values = new Map(ctx.globalValues);
    // BuildKit sets its platform ARGs itself, as it does a --build-arg.
    for (const [name, value] of ctx.platform) values.set(name, value);
    for (const [name, value] of ctx.buildArgs ?? []) values.set(name, value);
    from = readFrom(raw, values, ctx.stages.map((s) => s.name), ctx.escapeChar);
    if (from !== null && from.unresolved.length > 0) {
      ctx.report(range.start, "warning", "dockerfile/unresolved-from",
        `FROM uses ${from.unresolved.map((v) => "$" + v).join(", ")} with no default: the base image is unknown, so its size is an assumption.`);
    }
    const badName = invalidStageName(argList);
    if (badName !== null) {
      const shown = badName.getValue().length > 40 ? `${badName.getValue().slice(0, 40)}…` : badName.getValue();
      ctx.report(ctx.rangeOf(badName.getRange()).start, "error", "dockerfile/invalid-stage-name",
        `Docker refuses the stage name ${shown}: a stage name starts with a letter and holds only letters, digits, "-", "_" and "." (no quotes, no variables).`);
    }
  }
  const copy = keyword === "COPY" || keyword === "ADD" ? readCopy(keyword, flags, args, heredocs) : null;
  // Only the instructions BuildKit lexes: mapping every RUN's words to offsets cost a long RUN dearly.
  const words = LEXED.has(keyword) ? ownArgs.map((a) => ({ value: a.getValue(), start: ctx.rangeOf(a.getRange()).start })) : [];
  const unclosed = unclosedQuote(keyword, form, words, flags, pairs, range.start, ctx.escapeChar);
  if (unclosed !== null) {
    const shown = unclosed.word.length > 40 ? `${unclosed.word.slice(0, 40)}…` : unclosed.word;
    ctx.report(unclosed.start, "error", "dockerfile/unclosed-quote",
      `The ${unclosed.quote === '"' ? "double" : "single"} quote in ${shown} is never closed: Docker stops the build at this ${keyword}${keyword === "COPY" || keyword === "ADD" ? ` (it splits ${keyword}'s arguments at spaces before reading quotes: a path with a space needs the JSON form, ${keyword} ["my file", "/dest/"])` : ""}.`);
  }
  // The shell script starts right after the keyword and flags, not at dockerfile-ast's first argument: for
  // `RUN \` followed by a comment line with a backslash that argument lies inside the comment
  // (rcjsuen/dockerfile-ast#123), while Docker drops the comment line and runs nothing.
  const scriptStart = Math.max(guard(() => ctx.rangeOf(raw.getInstructionRange()).end, range.start), ...flags.map((f) => f.range.end));
  const run = keyword === "RUN" ? readRun(ctx, form, json, argsRange, scriptStart, heredocs, flags) : null;
  return {
    keyword, index: ctx.index, stageIndex: ctx.stageIndex, range, argsRange, flags, form, args, heredocs, run, copy, from,
    pairs, argWithoutDefault: keyword === "ARG" ? pairs.filter((p) => p.value === "" && !argHasValue(raw)).map((p) => p.name) : [],
  };
}

function argHasValue(raw: Instruction): boolean {
  return (raw.getRawArgumentsContent() ?? "").includes("=");
}

function readRun(
  ctx: ReadContext,
  form: "exec" | "shell",
  json: readonly string[] | null,
  argsRange: SourceRange | null,
  scriptStart: number,
  heredocs: readonly HeredocNode[],
  flags: InstructionNode["flags"],
): RunDetails {
  const mounts = readRunMounts(flags, ctx.escapeChar);
  let script: ShellSource | null = null;
  let execCommand: ShellCommand | null = null;
  if (form === "shell" && argsRange !== null) {
    script = runScript(ctx.text, Math.min(scriptStart, argsRange.start), argsRange.end, ctx.escapeChar, heredocs);
  } else if (json !== null) {
    const shellIndex = json.findIndex((arg, i) => i > 0 && arg === "-c" && /(^|\/)(ba|da|a)?sh$/.test(json[0] ?? ""));
    const scriptArg = shellIndex >= 0 ? json[shellIndex + 1] : undefined;
    const rangeStart = argsRange?.start ?? 0;
    if (scriptArg !== undefined) {
      // Offsets inside a JSON string are only approximate (escapes shift them), so they all point at the
      // instruction: readers get the commands, but no rule can edit an exec-form RUN.
      script = { text: scriptArg, offsets: Array.from({ length: scriptArg.length + 1 }, () => rangeStart) };
    } else {
      execCommand = {
        words: json.map((value) => ({ value, start: rangeStart, end: rangeStart, quoted: true, hasExpansion: false })),
        assignments: [], start: rangeStart, end: rangeStart, connectorBefore: null, conditional: false,
      };
    }
  }
  if (execCommand !== null) {
    return { script: null, commands: [execCommand], infos: [recogniseCommand(execCommand)], mounts, problems: [] };
  }
  if (script === null) return { script: null, commands: [], infos: [], mounts, problems: [] };
  const split = splitCommands(script);
  // `sh -c "…"` scripts are read as commands too, so every reader sees the installs inside them.
  const recognised = recogniseScript(split.commands);
  const problems = [...split.problems, ...recognised.problems];
  for (const problem of problems) {
    ctx.report(problem.offset, "warning", "dockerfile/shell-syntax", `Shell: ${problem.message}`);
  }
  return { script, commands: recognised.commands, infos: recognised.infos, mounts, problems };
}

function guard<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

const format = (n: number) => n.toLocaleString("en-US");

/** The text dockerfile-ast parses: all of it, or up to the last line end before the size limit (offsets
 *  in the prefix are those of the whole text, so every range stays valid). */
function withinSizeLimit(text: string, report: (offset: number, severity: Diagnostic["severity"], code: string, message: string) => void): string {
  if (text.length <= LIMITS.dockerfileChars) return text;
  const cut = Math.max(text.lastIndexOf("\n", LIMITS.dockerfileChars), 0);
  report(cut, "error", "limit/dockerfile-size",
    `This Dockerfile has ${format(text.length)} characters; only the first ${format(LIMITS.dockerfileChars)} are read, so the estimate stops here.`);
  return text.slice(0, cut);
}

/** False (with an error at the instruction) once a limit on instructions, stages or one instruction's
 *  length is reached: that instruction and all after it are left out. */
function withinInstructionLimits(
  raw: Instruction, count: number, stageCount: number,
  rangeOf: (r: ReturnType<Instruction["getRange"]>) => SourceRange,
  report: (offset: number, severity: Diagnostic["severity"], code: string, message: string) => void,
): boolean {
  const range = guard(() => rangeOf(raw.getRange()), null);
  if (range === null) return true;
  if (count >= LIMITS.instructions) {
    report(range.start, "error", "limit/instructions",
      `More than ${format(LIMITS.instructions)} instructions: this one and all after it are left out of the estimate.`);
    return false;
  }
  const isFrom = guard(() => raw.getKeyword().toUpperCase() === "FROM", false);
  if (isFrom && stageCount >= LIMITS.stages) {
    report(range.start, "error", "limit/stages",
      `More than ${format(LIMITS.stages)} stages: this FROM and all after it are left out of the estimate.`);
    return false;
  }
  if (range.end - range.start > LIMITS.instructionChars) {
    report(range.start, "error", "limit/instruction-size",
      `This instruction (with its heredoc bodies) has ${format(range.end - range.start)} characters, more than the ${format(LIMITS.instructionChars)} read: it and all after it are left out of the estimate.`);
    return false;
  }
  return true;
}
