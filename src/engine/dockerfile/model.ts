// The Dockerfile as plain data, built over dockerfile-ast (parse-dockerfile.ts). Offsets refer to the
// decoded text (`DockerfileModel.text`, BOM removed); lines and columns are 1-based.
import type { Diagnostic } from "../diagnostics";
import type { CommandInfo } from "../shell/command-info";
import type { ShellCommand, ShellProblem, ShellSource } from "../shell/types";

export interface SourceRange {
  readonly start: number;
  readonly end: number;
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** A `--name=value` flag of an instruction (`--from`, `--mount`, `--chown`, `--link`, `--platform`). */
export interface DockerFlag {
  readonly name: string;
  /** null for a bare flag such as `--link`. */
  readonly value: string | null;
  readonly range: SourceRange;
}

export interface HeredocNode {
  readonly name: string;
  /** The text the heredoc gives: the body between the opening line and the delimiter line, with each
   *  line's leading tabs removed for `<<-` (as BuildKit and the shell do); "" when empty. */
  readonly content: string;
  /** `<<-NAME`: leading tabs are stripped from the body's lines (and the delimiter's). */
  readonly stripsTabs: boolean;
  /** Where the body is in the text, as written (tabs and all); null when not known. */
  readonly contentRange: SourceRange | null;
  /** False when the file ended before the delimiter. */
  readonly terminated: boolean;
}

/** A `RUN --mount=…` option. */
export interface RunMount {
  readonly type: string;
  readonly target: string | null;
  readonly source: string | null;
  readonly from: string | null;
}

export interface RunDetails {
  /** The script the shell runs, with its offset map; null for exec form without `sh -c`. */
  readonly script: ShellSource | null;
  readonly commands: readonly ShellCommand[];
  /** `infos[i]` describes `commands[i]`. */
  readonly infos: readonly CommandInfo[];
  readonly mounts: readonly RunMount[];
  readonly problems: readonly ShellProblem[];
}

/** Every word here is as written (quotes, escapes and variables kept): read it through `readWord` or
 *  `unquoteWord` (unquote.ts) with the model's escape character, as BuildKit lexes COPY's words. */
export interface CopyDetails {
  readonly isAdd: boolean;
  /** Sources as written; empty for a heredoc COPY. */
  readonly sources: readonly string[];
  readonly destination: string | null;
  /** `--from=` value: a stage name, a stage index, or an image. */
  readonly from: string | null;
  readonly chown: string | null;
  readonly chmod: string | null;
  readonly link: boolean;
  /** True when the content comes from a heredoc (`COPY <<EOF /x`). */
  readonly heredoc: boolean;
}

export interface FromDetails {
  /** The image as written, e.g. `python:${PY}-slim`. */
  readonly rawImage: string;
  /** After substituting global `ARG` defaults; null when a variable has no value. */
  readonly image: string | null;
  /** Variables in `rawImage` that had no value. */
  readonly unresolved: readonly string[];
  /** `AS name`, lower-cased as Docker matches stage names case-insensitively. */
  readonly stageName: string | null;
  readonly platform: string | null;
  /** Index of the earlier stage this one builds on (`FROM builder`), or null for an image. */
  readonly baseStage: number | null;
}

export interface KeyValue {
  readonly name: string;
  /** As BuildKit's lexer reads it with no variables known: quotes and escapes removed, `$VAR` as written. */
  readonly value: string;
  /** As written (continuation lines joined): what a reader with the stage's variables expands, through
   *  `readWord` (unquote.ts), in BuildKit's one pass. */
  readonly written: string;
}

export interface InstructionNode {
  /** Upper-case keyword (`RUN`, `COPY`…); unknown keywords are kept, upper-cased. */
  readonly keyword: string;
  /** Position among all instructions. */
  readonly index: number;
  /** Index of the stage it belongs to; -1 before the first FROM. */
  readonly stageIndex: number;
  /** The whole instruction, continuation lines and heredoc bodies included. */
  readonly range: SourceRange;
  /** The arguments after the keyword and flags; null when there are none. */
  readonly argsRange: SourceRange | null;
  readonly flags: readonly DockerFlag[];
  /** Exec (JSON array) or shell form. */
  readonly form: "exec" | "shell";
  /** JSON strings in exec form; otherwise whitespace-separated arguments after flags (unexpanded). */
  readonly args: readonly string[];
  readonly heredocs: readonly HeredocNode[];
  readonly run: RunDetails | null;
  readonly copy: CopyDetails | null;
  readonly from: FromDetails | null;
  /** `ENV` and `ARG` pairs (`ARG X` without default has value ""), and `LABEL` pairs. */
  readonly pairs: readonly KeyValue[];
  /** For `ARG`: names declared without a default. */
  readonly argWithoutDefault: readonly string[];
}

export interface Stage {
  readonly index: number;
  readonly name: string | null;
  readonly from: InstructionNode;
  /** Instructions after FROM, in order. */
  readonly instructions: readonly InstructionNode[];
}

export interface ParserDirective {
  readonly name: string;
  readonly value: string;
  readonly line: number;
}

export interface DockerfileModel {
  readonly text: string;
  readonly escapeChar: string;
  readonly directives: readonly ParserDirective[];
  /** `ARG`s before the first FROM, with their defaults. */
  readonly globalArgs: readonly KeyValue[];
  readonly stages: readonly Stage[];
  /** Every instruction in order, global `ARG`s included. */
  readonly instructions: readonly InstructionNode[];
  readonly diagnostics: readonly Diagnostic[];
}
