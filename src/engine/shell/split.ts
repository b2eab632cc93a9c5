// Split a shell script into simple commands, the way hadolint reads `RUN` (via ShellCheck's parser) but
// only as deep as size rules need: words with quotes removed, the operators between commands, leading
// `NAME=value` assignments, and whether a command sits inside a compound command (so it may not run).
// Redirections and their targets are dropped (`> /dev/null`, `2>&1`, `<<EOF` with its body). Expansions
// (`$VAR`, `$(…)`, backquotes) are kept as written: the estimator substitutes what it knows.
//
// It never throws. An unterminated quote or `$(` is reported as a problem at its offset, and the word runs
// to the end of the script, as a shell would read it before failing.
import type { Connector, ShellAssignment, ShellCommand, ShellProblem, ShellSource, ShellWord, SplitResult } from "./types";

/** Words that open a compound command; the commands inside may not run. */
const OPENERS = new Set(["if", "while", "until"]);
/** Words that only separate parts of a compound command; the next word starts a command. */
const SEPARATORS = new Set(["then", "else", "elif", "do", "!"]);
const CLOSERS = new Set(["fi", "done", "esac"]);

interface WordBuilder {
  value: string;
  startIndex: number;
  endIndex: number;
  quoted: boolean;
  hasExpansion: boolean;
  /** True when the first `=` of an assignment candidate was unquoted and the name before it is plain. */
  plainNameBeforeEquals: boolean;
  sawQuoteBeforeEquals: boolean;
  /** Script-text indexes of the characters of `value` as runs, flat pairs (first index, count): a plain word
   *  is one run. Read only for a word that may be a nested `sh -c` script (`wantsOffsets`). */
  runs: number[];
  /** Script-text index of the last character of `value`, or -1 while it is empty. */
  lastIndex: number;
  /** Whether `value` holds an `=` yet: kept as a flag because searching `value` on every appended
   *  character made long quoted words quadratic (issue 15: a 190 k-character `echo` took 15 s). */
  hasEquals: boolean;
}

export function splitCommands(source: ShellSource): SplitResult {
  return new Splitter(source).run();
}

/** An option group that makes a shell read its next word as a script (`-c`, `-ec`, `-xec`; recognise.ts
 *  follows it). Only the word after one gets `ShellWord.offsets`: mapping every word's characters to
 *  offsets was a third of what splitting a `bulk` file's RUNs allocated, for words nothing re-splits. */
export function takesScript(option: string): boolean {
  return option.charCodeAt(0) === 45 /* - */ && /^-[a-zA-Z]*c[a-zA-Z]*$/.test(option);
}

/** Characters that never end or change a plain run of a word (run() reads these a whole run at a time). */
function isPlainChar(c: string): boolean {
  switch (c) {
    case " ": case "\t": case "\r": case "\n": case "\\": case "'": case "\"": case "$": case "`":
    case "<": case ">": case "&": case "|": case ";": case "(": case ")": case "=":
      return false;
    default:
      return true;
  }
}

class Splitter {
  private readonly text: string;
  private i = 0;
  private readonly commands: ShellCommand[] = [];
  private readonly problems: ShellProblem[] = [];
  private words: ShellWord[] = [];
  private assignments: ShellAssignment[] = [];
  private word: WordBuilder | null = null;
  /** The one builder `word` points at while a word is read (a word is read at a time): not one per word. */
  private readonly builder: WordBuilder = {
    value: "", startIndex: 0, endIndex: 0, quoted: false, hasExpansion: false, plainNameBeforeEquals: false, sawQuoteBeforeEquals: false, runs: [], lastIndex: -1, hasEquals: false,
  };
  private connector: Connector | null = null;
  /** Nesting of if/while/until/for/case, subshells and groups. */
  private depth = 0;
  private caseDepth = 0;
  /** Words of a `for`/`case` header are data, not a command, until the next separator. */
  private skippingHeader = false;
  private headerIsCase = false;
  private dropNextWord = false;
  private pendingHeredocs: { delimiter: string; stripTabs: boolean }[] = [];
  private afterOr = false;
  /** The open `if` blocks, outermost first (ShellCommand.branches). */
  private ifs: { block: number; part: number; role: "condition" | "body" }[] = [];
  private nextIf = 0;

  constructor(private readonly source: ShellSource) {
    this.text = source.text;
  }

  run(): SplitResult {
    const text = this.text;
    while (this.i < text.length) {
      const c = text[this.i] ?? "";
      if (c === " " || c === "\t" || c === "\r") {
        this.endWord();
        this.i++;
      } else if (c === "\n") {
        this.endWord();
        this.endCommand("newline");
        this.i++;
        this.skipHeredocBodies();
      } else if (c === "#" && this.word === null) {
        while (this.i < text.length && text[this.i] !== "\n") this.i++;
      } else if (c === "\\") {
        const next = text[this.i + 1];
        if (next === "\n") {
          this.i += 2;
        } else if (next === undefined) {
          this.i++;
        } else {
          this.append(next, this.i, this.i + 2, true);
          this.i += 2;
        }
      } else if (c === "'") {
        this.readSingleQuoted();
      } else if (c === "\"") {
        this.readDoubleQuoted();
      } else if (c === "$") {
        this.readDollar(false);
      } else if (c === "`") {
        this.readBackquote(false);
      } else if (this.isRedirectionStart()) {
        this.readRedirection();
      } else if (c === "&" || c === "|" || c === ";" || c === "(" || c === ")") {
        this.readOperator(c);
      } else {
        // A run of plain characters (`#` too: inside a word it is one) is appended in one piece; an `=` is
        // appended alone (append() tells an assignment by it).
        let end = this.i + 1;
        if (c !== "=") while (end < text.length && isPlainChar(text[end] ?? "")) end++;
        this.append(end === this.i + 1 ? c : text.slice(this.i, end), this.i, end, false);
        this.i = end;
      }
    }
    this.endWord();
    this.endCommand("newline");
    return { commands: this.ifs.length === 0 ? this.commands : this.withoutOpenIfs(), problems: this.problems };
  }

  /** An `if` the script never closes with `fi` is a shell syntax error, not a choice of branches: its
   *  commands keep no place in it (the estimate then counts them, as any command it cannot rule out). */
  private withoutOpenIfs(): ShellCommand[] {
    const open = new Set(this.ifs.map((f) => f.block));
    return this.commands.map((command) => {
      if (command.branches === undefined || !command.branches.some((b) => open.has(b.block))) return command;
      const branches = command.branches.filter((b) => !open.has(b.block));
      const { branches: _dropped, ...rest } = command;
      return branches.length === 0 ? rest : { ...rest, branches };
    });
  }

  private ensureWord(startIndex: number): WordBuilder {
    if (this.word === null) {
      const word = this.builder;
      word.value = "";
      word.startIndex = startIndex;
      word.endIndex = startIndex;
      word.quoted = false;
      word.hasExpansion = false;
      word.plainNameBeforeEquals = false;
      word.sawQuoteBeforeEquals = false;
      word.runs.length = 0;
      word.lastIndex = -1;
      word.hasEquals = false;
      this.word = word;
    }
    return this.word;
  }

  /** `first`: script index of chars[0] (default: the chars end at `to`, as for `\\x` or a plain run). */
  private append(chars: string, from: number, to: number, quoted: boolean, first = to - chars.length): void {
    const word = this.ensureWord(from);
    if (chars.length > 0) {
      const runs = word.runs;
      if (word.lastIndex >= 0 && first === word.lastIndex + 1) runs[runs.length - 1] = (runs[runs.length - 1] ?? 0) + chars.length;
      else runs.push(first, chars.length);
      word.lastIndex = first + chars.length - 1;
    }
    if (quoted && !word.hasEquals) word.sawQuoteBeforeEquals = true;
    if (!quoted && chars === "=" && !word.hasEquals && !word.sawQuoteBeforeEquals && /^[A-Za-z_][A-Za-z0-9_]*$/.test(word.value)) {
      word.plainNameBeforeEquals = true;
    }
    if (!word.hasEquals && chars.includes("=")) word.hasEquals = true;
    word.value += chars;
    word.endIndex = to;
    if (quoted) word.quoted = true;
  }

  private readSingleQuoted(): void {
    const open = this.i;
    const close = this.text.indexOf("'", open + 1);
    const end = close < 0 ? this.text.length : close;
    if (close < 0) this.problem("this single quote is never closed", open);
    this.ensureWord(open);
    this.append(this.text.slice(open + 1, end), open, Math.min(end + 1, this.text.length), true, open + 1);
    this.i = end + 1;
  }

  private readDoubleQuoted(): void {
    const open = this.i;
    this.ensureWord(open);
    if (this.word !== null) this.word.quoted = true;
    if (this.word !== null && !this.word.hasEquals) this.word.sawQuoteBeforeEquals = true;
    this.i++;
    while (this.i < this.text.length) {
      const c = this.text[this.i] ?? "";
      if (c === "\"") {
        this.touchEnd(this.i + 1);
        this.i++;
        return;
      }
      if (c === "\\") {
        const next = this.text[this.i + 1];
        if (next === "\n") {
          this.i += 2;
          continue;
        }
        if (next !== undefined && "$`\"\\".includes(next)) {
          this.append(next, this.i, this.i + 2, true);
          this.i += 2;
          continue;
        }
        this.append("\\", this.i, this.i + 1, true);
        this.i++;
        continue;
      }
      if (c === "$") {
        this.readDollar(true);
        continue;
      }
      if (c === "`") {
        this.readBackquote(true);
        continue;
      }
      this.append(c, this.i, this.i + 1, true);
      this.i++;
    }
    this.problem("this double quote is never closed", open);
  }

  private touchEnd(to: number): void {
    if (this.word !== null) this.word.endIndex = to;
  }

  /** `$VAR`, `${…}`, `$(…)`, `$((…))`: kept verbatim in the word. */
  private readDollar(quoted: boolean): void {
    const start = this.i;
    const next = this.text[start + 1];
    let end: number;
    if (next === "(") {
      end = this.matchParen(start + 1);
      if (end < 0) {
        this.problem("this $( is never closed", start);
        end = this.text.length;
      }
    } else if (next === "{") {
      const close = this.text.indexOf("}", start + 2);
      if (close < 0) this.problem("this ${ is never closed", start);
      end = close < 0 ? this.text.length : close + 1;
    } else if (next !== undefined && /[A-Za-z_]/.test(next)) {
      end = start + 1;
      while (end < this.text.length && /[A-Za-z0-9_]/.test(this.text[end] ?? "")) end++;
    } else if (next !== undefined && /[0-9@*#?$!-]/.test(next)) {
      end = start + 2;
    } else if (next === "'" ) {
      // $'…' (ANSI-C quoting): read like a single-quoted string, escapes kept.
      const close = this.findAnsiClose(start + 2);
      end = close < 0 ? this.text.length : close + 1;
      if (close < 0) this.problem("this $' quote is never closed", start);
      this.append(this.text.slice(start + 2, Math.max(start + 2, end - 1)), start, end, true, start + 2);
      this.i = end;
      return;
    } else {
      this.append("$", start, start + 1, quoted);
      this.i = start + 1;
      return;
    }
    this.append(this.text.slice(start, end), start, end, quoted);
    if (this.word !== null) this.word.hasExpansion = true;
    this.i = end;
  }

  private findAnsiClose(from: number): number {
    for (let j = from; j < this.text.length; j++) {
      if (this.text[j] === "\\") j++;
      else if (this.text[j] === "'") return j;
    }
    return -1;
  }

  /** Index just past the `)` matching the `(` at `open`, honouring quotes and nesting; -1 if none. */
  private matchParen(open: number): number {
    let depth = 0;
    for (let j = open; j < this.text.length; j++) {
      const c = this.text[j];
      if (c === "\\") {
        j++;
      } else if (c === "'") {
        const close = this.text.indexOf("'", j + 1);
        if (close < 0) return -1;
        j = close;
      } else if (c === "\"") {
        let k = j + 1;
        while (k < this.text.length && this.text[k] !== "\"") k += this.text[k] === "\\" ? 2 : 1;
        if (k >= this.text.length) return -1;
        j = k;
      } else if (c === "(") {
        depth++;
      } else if (c === ")") {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return -1;
  }

  private readBackquote(quoted: boolean): void {
    const start = this.i;
    let j = start + 1;
    while (j < this.text.length && this.text[j] !== "`") j += this.text[j] === "\\" ? 2 : 1;
    if (j >= this.text.length) this.problem("this backquote is never closed", start);
    const end = Math.min(j + 1, this.text.length);
    this.append(this.text.slice(start, end), start, end, quoted);
    if (this.word !== null) this.word.hasExpansion = true;
    this.i = end;
  }

  /** `>`, `>>`, `<`, `<<`, `<<<`, `&>`, `>&`, `N>`, `N>&M`, `<>`, `>|`. */
  private isRedirectionStart(): boolean {
    const c = this.text[this.i];
    if (c === ">" || c === "<") return true;
    if (c === "&" && this.text[this.i + 1] === ">") return true;
    return false;
  }

  private readRedirection(): void {
    // A word made only of digits right before the operator is a file descriptor, not an argument.
    if (this.word !== null && /^[0-9]+$/.test(this.word.value) && !this.word.quoted && this.word.endIndex === this.i) {
      this.word = null;
    }
    this.endWord();
    const rest = this.text.slice(this.i, this.i + 3);
    if (rest.startsWith("<<<")) {
      this.i += 3;
      this.dropNextWord = true;
      return;
    }
    if (rest.startsWith("<<")) {
      const stripTabs = rest[2] === "-";
      this.i += stripTabs ? 3 : 2;
      while (this.text[this.i] === " " || this.text[this.i] === "\t") this.i++;
      const m = /^(["']?)([^\s"'<>;&|()]+)\1/.exec(this.text.slice(this.i));
      if (m !== null) {
        this.pendingHeredocs.push({ delimiter: m[2] ?? "", stripTabs });
        this.i += m[0].length;
      } else {
        this.problem("a here-document needs a delimiter word after <<", this.i);
      }
      return;
    }
    const m = /^(&>>?|>>|>&|>\||<>|<&|>|<)/.exec(rest);
    this.i += m?.[0].length ?? 1;
    // `>&2`, `2>&1`: the target is a descriptor, read as the next word and dropped either way.
    this.dropNextWord = true;
  }

  private skipHeredocBodies(): void {
    while (this.pendingHeredocs.length > 0) {
      const heredoc = this.pendingHeredocs.shift();
      if (heredoc === undefined) break;
      let found = false;
      while (this.i < this.text.length) {
        const lineEnd = this.text.indexOf("\n", this.i);
        const stop = lineEnd < 0 ? this.text.length : lineEnd;
        let line = this.text.slice(this.i, stop).replace(/\r$/, "");
        if (heredoc.stripTabs) line = line.replace(/^\t+/, "");
        this.i = lineEnd < 0 ? this.text.length : lineEnd + 1;
        if (line === heredoc.delimiter) {
          found = true;
          break;
        }
      }
      if (!found) this.problem(`the here-document is never closed by a line "${heredoc.delimiter}"`, this.i);
    }
  }

  private readOperator(c: string): void {
    this.endWord();
    const two = this.text.slice(this.i, this.i + 2);
    if (two === "&&" || two === "||" || two === ";;" || two === "|&") {
      this.i += 2;
      if (two === ";;") {
        this.endCommand(";");
        return;
      }
      this.endCommand(two === "|&" ? "|" : two);
      return;
    }
    this.i++;
    if (c === "(") {
      // `(` opens a subshell at the start of a command; in a case pattern it is part of the pattern.
      this.endCommand(this.connector ?? "newline");
      this.depth++;
      return;
    }
    if (c === ")") {
      if (this.caseDepth > 0 && this.words.length === 0 && this.assignments.length === 0 && this.lastWordWasPattern()) return;
      this.endCommand(";");
      this.depth = Math.max(0, this.depth - 1);
      return;
    }
    this.endCommand(c === "&" ? "&" : c === "|" ? "|" : ";");
  }

  /** In `case x in a) …`, the `)` after a pattern closes the pattern (the pattern word was dropped). */
  private patternPending = false;

  private lastWordWasPattern(): boolean {
    const pending = this.patternPending;
    this.patternPending = false;
    return pending;
  }

  private endWord(): void {
    const word = this.word;
    if (word === null) return;
    this.word = null;
    if (this.dropNextWord) {
      this.dropNextWord = false;
      return;
    }
    const atStart = this.words.length === 0;
    if (atStart && !word.quoted) {
      if (this.skippingHeader) {
        // `for x in a b c` / `case $x in`: the header ends at `in` (case), at `do` or at a separator.
        if (word.value === "do" || (word.value === "in" && this.caseDepth > 0 && this.headerIsCase)) this.skippingHeader = false;
        return;
      }
      if (this.caseDepth > 0 && this.assignments.length === 0 && this.text[word.endIndex] === ")") {
        this.patternPending = true;
        return;
      }
      if (this.assignments.length === 0) {
        if (word.value === "for" || word.value === "case" || word.value === "select") {
          this.depth++;
          if (word.value === "case") this.caseDepth++;
          this.headerIsCase = word.value === "case";
          this.skippingHeader = true;
          return;
        }
        if (OPENERS.has(word.value)) {
          this.depth++;
          if (word.value === "if") this.ifs.push({ block: this.nextIf++, part: 0, role: "condition" });
          return;
        }
        if (SEPARATORS.has(word.value)) {
          const open = this.ifs[this.ifs.length - 1];
          if (open !== undefined && (word.value === "then" || word.value === "elif" || word.value === "else")) {
            open.part++;
            open.role = word.value === "elif" ? "condition" : "body";
          }
          return;
        }
        if (CLOSERS.has(word.value)) {
          if (word.value === "fi") this.ifs.pop();
          this.depth = Math.max(0, this.depth - 1);
          if (word.value === "esac") this.caseDepth = Math.max(0, this.caseDepth - 1);
          return;
        }
        if (word.value === "{") {
          this.depth++;
          return;
        }
        if (word.value === "}") {
          this.depth = Math.max(0, this.depth - 1);
          return;
        }
      }
    }
    if (this.skippingHeader) return;
    if (atStart && word.plainNameBeforeEquals) {
      const eq = word.value.indexOf("=");
      this.assignments.push({
        name: word.value.slice(0, eq),
        value: word.value.slice(eq + 1),
        start: this.offsetOf(word.startIndex),
        end: this.endOffsetOf(word.endIndex),
      });
      return;
    }
    const shellWord: ShellWord = {
      value: word.value,
      start: this.offsetOf(word.startIndex),
      end: this.endOffsetOf(word.endIndex),
      quoted: word.quoted,
      hasExpansion: word.hasExpansion,
    };
    const before = this.words[this.words.length - 1];
    this.words.push(before !== undefined && takesScript(before.value) ? { ...shellWord, offsets: this.offsetsOf(word) } : shellWord);
  }

  private endCommand(next: Connector): void {
    this.dropNextWord = false;
    if (this.skippingHeader && (next === ";" || next === "newline")) {
      // `for x in a b; do`: the header ended at the separator; `do` follows.
      this.skippingHeader = false;
      this.connector ??= next;
      return;
    }
    if (this.words.length === 0 && this.assignments.length === 0) {
      // An empty command (after `then`, a blank line, `a &&\n b`): keep the stronger connector.
      if (this.connector === null || this.connector === "newline" || this.connector === ";") {
        if (this.commands.length > 0) this.connector = next;
      }
      return;
    }
    const first = this.assignments[0]?.start ?? this.words[0]?.start ?? 0;
    const lastWord = this.words[this.words.length - 1];
    const lastAssignment = this.assignments[this.assignments.length - 1];
    const end = Math.max(lastWord?.end ?? 0, lastAssignment?.end ?? 0);
    const connectorBefore = this.commands.length === 0 ? null : this.connector;
    // After `a || b`, b (and what it chains with && or |) runs only when a fails.
    const chained = connectorBefore === "&&" || connectorBefore === "|";
    const afterOr = connectorBefore === "||" || (this.afterOr && chained);
    const conditional = this.depth > 0 || afterOr;
    const command: ShellCommand = { words: this.words, assignments: this.assignments, start: first, end, connectorBefore, conditional };
    this.commands.push(this.ifs.length === 0 ? command : { ...command, branches: this.ifs.map((f) => ({ block: f.block, part: f.part, role: f.role })) });
    this.afterOr = afterOr;
    this.words = [];
    this.assignments = [];
    this.connector = next;
  }

  /** The Dockerfile offset of each character of the word, then one past its last (where a closing quote
   *  is: text inserted there stays inside the word). */
  private offsetsOf(word: WordBuilder): number[] {
    const offsets: number[] = [];
    for (let r = 0; r < word.runs.length; r += 2) {
      const first = word.runs[r] ?? 0;
      const count = word.runs[r + 1] ?? 0;
      for (let k = 0; k < count; k++) offsets.push(this.offsetOf(first + k));
    }
    offsets.push(word.lastIndex < 0 ? this.offsetOf(word.startIndex) : this.offsetOf(word.lastIndex) + 1);
    return offsets;
  }

  private offsetOf(index: number): number {
    return this.source.offsets[index] ?? this.source.offsets[this.source.offsets.length - 1] ?? 0;
  }

  private endOffsetOf(endIndex: number): number {
    if (endIndex <= 0) return this.offsetOf(0);
    return this.offsetOf(endIndex - 1) + 1;
  }

  private problem(message: string, index: number): void {
    this.problems.push({ message, offset: this.offsetOf(Math.min(index, this.text.length)) });
  }
}
