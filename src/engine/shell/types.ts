// The shell inside `RUN`, as plain data. `RUN` is split into commands before any rule or the estimator
// looks at it (as hadolint does), so they read arguments, not strings. Every word keeps its offsets in the
// Dockerfile text, so a rule can insert a flag or replace a word with a `TextEdit`.

/** One shell word after quote removal. */
export interface ShellWord {
  /** The word with quotes and backslash escapes removed; `$VAR`/`$(…)` are kept as written. */
  readonly value: string;
  /** Offset in the Dockerfile text of the word's first character (including an opening quote). */
  readonly start: number;
  /** Offset in the Dockerfile text just past the word's last character. */
  readonly end: number;
  /** True when any part of the word was quoted. */
  readonly quoted: boolean;
  /** True when the word contains an unquoted or double-quoted `$` expansion or a backquote. */
  readonly hasExpansion: boolean;
  /**
   * Dockerfile offset of each character of `value`, then one past its last (`value.length + 1` entries),
   * so a script passed to `sh -c` can be split again with its own offsets. Only on a word that follows an
   * option group with `c` (`-c`, `-ec`: split.ts `takesScript`), the only words read as scripts; absent
   * for the rest and for exec-form words.
   */
  readonly offsets?: ArrayLike<number>;
}

/** The operator that joins a command to the one before it. */
export type Connector = "&&" | "||" | ";" | "|" | "&" | "newline";

/** A `NAME=value` prefix of a simple command (`PIP_NO_CACHE_DIR=1 pip install …`). */
export interface ShellAssignment {
  readonly name: string;
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

/** A simple command: words after leading assignments and shell reserved words (`then`, `do`, `{`…). */
export interface ShellCommand {
  readonly words: readonly ShellWord[];
  readonly assignments: readonly ShellAssignment[];
  /** Offset in the Dockerfile text of the command's first character (assignments included). */
  readonly start: number;
  /** Offset just past the command's last word. */
  readonly end: number;
  /** Operator before this command; null for the first command of the script. */
  readonly connectorBefore: Connector | null;
  /** True inside `if`/`for`/`while`/`case`, a subshell `( … )` or a group `{ … }`: it may not always run. */
  readonly conditional: boolean;
  /** On the first command of a `bash -c '…'` script (any shell but sh): that shell as written (`/bin/bash`),
   *  which the RUN needs as well as the commands it runs. */
  readonly shell?: string;
  /** Inside `if … fi`: where, from the outermost `if` to the innermost. Absent outside any `if`. */
  readonly branches?: readonly IfBranch[];
}

/**
 * A command's place in one `if` block: `block` numbers the script's `if`s in order; `part` counts the
 * block's parts from 0 (`if COND` is 0, `then` 1, `elif COND` 2, its `then` 3 …, `else` the last), and
 * `role` says whether the part is a condition or a body.
 */
export interface IfBranch {
  readonly block: number;
  readonly part: number;
  readonly role: "condition" | "body";
}

/** A script to split: logical text (continuations removed) and where each of its characters came from. */
export interface ShellSource {
  /** The script as the shell sees it. */
  readonly text: string;
  /** `offsets[i]` is the Dockerfile-text offset of `text[i]`; `offsets[text.length]` is the end offset. */
  readonly offsets: ArrayLike<number>;
}

export interface ShellProblem {
  readonly message: string;
  /** Offset in the Dockerfile text. */
  readonly offset: number;
}

export interface SplitResult {
  readonly commands: readonly ShellCommand[];
  /** Unterminated quotes and the like; the commands before the problem are still returned. */
  readonly problems: readonly ShellProblem[];
}
