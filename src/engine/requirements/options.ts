// pip's options inside requirements files: the table of what pip accepts there (req_file.py
// SUPPORTED_OPTIONS and SUPPORTED_OPTIONS_REQ), a shlex-style splitter (pip runs `shlex.split` on the
// options part of a line), and an optparse-like reader: `--name=value`, `--name value`, `-xvalue`,
// `-x value`, and unique abbreviations of long names (`--extra-index` → `--extra-index-url`).

export type OptionId =
  | "requirement"
  | "constraint"
  | "editable"
  | "index-url"
  | "extra-index-url"
  | "no-index"
  | "find-links"
  | "no-binary"
  | "only-binary"
  | "prefer-binary"
  | "require-hashes"
  | "pre"
  | "trusted-host"
  | "use-feature"
  | "hash"
  | "config-settings"
  | "global-option";

export interface OptionSpec {
  readonly id: OptionId;
  readonly long: string;
  readonly short: string | null;
  readonly takesValue: boolean;
  /** Options pip applies to the requirement on the same line (the rest apply to the whole install). */
  readonly perRequirement: boolean;
}

const OPTIONS: readonly OptionSpec[] = [
  { id: "requirement", long: "--requirement", short: "-r", takesValue: true, perRequirement: false },
  { id: "constraint", long: "--constraint", short: "-c", takesValue: true, perRequirement: false },
  { id: "editable", long: "--editable", short: "-e", takesValue: true, perRequirement: false },
  { id: "index-url", long: "--index-url", short: "-i", takesValue: true, perRequirement: false },
  { id: "extra-index-url", long: "--extra-index-url", short: null, takesValue: true, perRequirement: false },
  { id: "no-index", long: "--no-index", short: null, takesValue: false, perRequirement: false },
  { id: "find-links", long: "--find-links", short: "-f", takesValue: true, perRequirement: false },
  { id: "no-binary", long: "--no-binary", short: null, takesValue: true, perRequirement: false },
  { id: "only-binary", long: "--only-binary", short: null, takesValue: true, perRequirement: false },
  { id: "prefer-binary", long: "--prefer-binary", short: null, takesValue: false, perRequirement: false },
  { id: "require-hashes", long: "--require-hashes", short: null, takesValue: false, perRequirement: false },
  { id: "pre", long: "--pre", short: null, takesValue: false, perRequirement: false },
  { id: "trusted-host", long: "--trusted-host", short: null, takesValue: true, perRequirement: false },
  { id: "use-feature", long: "--use-feature", short: null, takesValue: true, perRequirement: false },
  { id: "hash", long: "--hash", short: null, takesValue: true, perRequirement: true },
  { id: "config-settings", long: "--config-settings", short: null, takesValue: true, perRequirement: true },
  { id: "global-option", long: "--global-option", short: null, takesValue: true, perRequirement: true },
];

/** A shell word and the index (in the split text) of its first character. */
export interface Word {
  readonly value: string;
  readonly at: number;
}

export interface OptionProblem {
  readonly at: number;
  readonly severity: "error" | "warning" | "info";
  readonly code: string;
  readonly message: string;
}

/** Split like Python's `shlex.split` (POSIX mode, no comments); an unterminated quote is an error. */
export function shellSplit(text: string, from: number, to: number): { words: Word[]; error: OptionProblem | null } {
  const words: Word[] = [];
  let i = from;
  while (i < to) {
    while (i < to && /\s/.test(text[i] ?? "")) i++;
    if (i >= to) break;
    const at = i;
    let value = "";
    while (i < to && !/\s/.test(text[i] ?? "")) {
      const c = text[i] ?? "";
      if (c === "'" || c === '"') {
        const close = findClosingQuote(text, i, to, c);
        if (close === -1) {
          const message = `Unterminated ${c} quote: pip cannot split this line's options.`;
          return { words, error: { at: i, severity: "error", code: "requirements/invalid-option", message } };
        }
        const inner = text.slice(i + 1, close);
        value += c === '"' ? inner.replace(/\\(["\\$`])/g, "$1") : inner;
        i = close + 1;
      } else if (c === "\\" && i + 1 < to) {
        value += text[i + 1] ?? "";
        i += 2;
      } else {
        value += c;
        i++;
      }
    }
    words.push({ value, at });
  }
  return { words, error: null };
}

function findClosingQuote(text: string, open: number, to: number, quote: string): number {
  for (let i = open + 1; i < to; i++) {
    if (quote === '"' && text[i] === "\\") i++;
    else if (text[i] === quote) return i;
  }
  return -1;
}

export interface ParsedOption {
  readonly spec: OptionSpec;
  /** The value (for options that take one), as pip would see it. */
  readonly value: string;
  /** Where the option word starts, and where its value starts. */
  readonly at: number;
  readonly valueAt: number;
}

/** Read options from shell words like optparse would, reporting what pip would reject or ignore. */
export function readOptions(words: readonly Word[]): { options: ParsedOption[]; problems: OptionProblem[] } {
  const options: ParsedOption[] = [];
  const problems: OptionProblem[] = [];
  let i = 0;
  while (i < words.length) {
    const word = words[i] ?? { value: "", at: 0 };
    i++;
    if (!word.value.startsWith("-") || word.value === "-") {
      const message = `"${word.value}" is not part of any option here; pip ignores it.`;
      problems.push({ at: word.at, severity: "warning", code: "requirements/stray-argument", message });
      continue;
    }
    const { spec, inline, problem } = findOption(word);
    if (problem !== null) problems.push(problem);
    if (spec === null) {
      // Unknown option: an attached value goes with it; a following bare word is presumably its value.
      const next = words[i];
      if (inline === null && next !== undefined && !next.value.startsWith("-")) i++;
      continue;
    }
    if (!spec.takesValue) {
      if (inline !== null) {
        const message = `${spec.long} takes no value; "${inline.value}" is ignored.`;
        problems.push({ at: word.at, severity: "warning", code: "requirements/invalid-option", message });
      }
      options.push({ spec, value: "", at: word.at, valueAt: word.at });
      continue;
    }
    let value = inline;
    if (value === null) {
      value = words[i] ?? null;
      if (value !== null) i++;
    }
    if (value === null || value.value === "") {
      const message = `${word.value} needs a value; the option is ignored.`;
      problems.push({ at: word.at, severity: "error", code: "requirements/missing-option-value", message });
      continue;
    }
    options.push({ spec, value: value.value, at: word.at, valueAt: value.at });
  }
  return { options, problems };
}

interface Lookup {
  readonly spec: OptionSpec | null;
  /** A value attached to the option word (`--x=v`, `-xv`), or null. */
  readonly inline: Word | null;
  readonly problem: OptionProblem | null;
}

function findOption(word: Word): Lookup {
  const text = word.value;
  if (text.startsWith("--")) {
    const eq = text.indexOf("=");
    const name = eq === -1 ? text : text.slice(0, eq);
    const inline = eq === -1 ? null : { value: text.slice(eq + 1), at: word.at + eq + 1 };
    const exact = OPTIONS.find((option) => option.long === name);
    if (exact !== undefined) return { spec: exact, inline, problem: null };
    const prefixed = name.length > 2 ? OPTIONS.filter((option) => option.long.startsWith(name)) : [];
    const only = prefixed[0];
    if (prefixed.length === 1 && only !== undefined) {
      const message = `${name} is read as ${only.long} (pip accepts unambiguous abbreviations).`;
      return { spec: only, inline, problem: { at: word.at, severity: "info", code: "requirements/abbreviated-option", message } };
    }
    const message =
      prefixed.length > 1
        ? `${name} is ambiguous (${prefixed.map((option) => option.long).join(", ")}); the option is ignored.`
        : `Unknown option ${name}; pip would stop here, this line is read without it.`;
    return { spec: null, inline, problem: { at: word.at, severity: "warning", code: "requirements/unknown-option", message } };
  }
  const short = text.slice(0, 2);
  const spec = OPTIONS.find((option) => option.short === short) ?? null;
  const rest = text.slice(2);
  const restWord = rest === "" ? null : { value: rest, at: word.at + 2 };
  if (spec === null) {
    const message = `Unknown option ${short}; pip would stop here, this line is read without it.`;
    return { spec, inline: restWord, problem: { at: word.at, severity: "warning", code: "requirements/unknown-option", message } };
  }
  if (restWord !== null && rest.startsWith("=")) {
    // optparse keeps the `=` in a short option's attached value: `-r=base.txt` names the file "=base.txt".
    const message = `pip reads "${text}" as ${short} with the value "${rest}"; write "${short} ${rest.slice(1)}". Read here as intended.`;
    const value = { value: rest.slice(1), at: word.at + 3 };
    return { spec, inline: value, problem: { at: word.at, severity: "warning", code: "requirements/short-option-equals", message } };
  }
  return { spec, inline: restWord, problem: null };
}
