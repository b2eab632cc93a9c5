// Reading one dockerfile-ast instruction into plain data. Each reader guards the library call it makes:
// a library fault on one part (e.g. heredocs) loses that part, not the instruction.
import type { Instruction } from "dockerfile-ast";
import type { CopyDetails, DockerFlag, FromDetails, HeredocNode, KeyValue, RunMount, SourceRange } from "./model";
import { logicalSource } from "./run-script";
import { readWord, unquoteWord } from "./unquote";

type RangeOf = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => SourceRange;

interface WithFlags {
  getFlags(): { getName(): string; getValue(): string | null; getRange(): Parameters<RangeOf>[0] }[];
}
interface WithHeredocs {
  getHeredocs(): { getName(): string; getContentRange(): Parameters<RangeOf>[0] | null; getDelimiterRange(): Parameters<RangeOf>[0] | null }[];
}
interface WithProperties {
  getProperties(): { getName(): string; getValue(): string | null; getValueRange?(): Parameters<RangeOf>[0] | null }[];
}
interface FromLike {
  getImage(): string | null;
  getPlatformFlag(): { getValue(): string | null } | null;
}

const has = <K extends string>(value: object, key: K): value is Record<K, unknown> => typeof (value as Record<string, unknown>)[key] === "function";

export function readFlags(raw: Instruction, rangeOf: RangeOf): DockerFlag[] {
  if (!has(raw, "getFlags")) return [];
  try {
    return (raw as unknown as WithFlags).getFlags().map((f) => ({ name: f.getName().toLowerCase(), value: f.getValue(), range: rangeOf(f.getRange()) }));
  } catch {
    return [];
  }
}

/** The strings of an exec-form instruction (`RUN ["pip", "install", "a b"]`), or null for shell form.
 *  Docker's rule: the arguments, continuation lines joined, are exec form when they parse as a JSON array of
 *  strings. Parsed here with JSON.parse rather than read from dockerfile-ast's `getJSONStrings()`, which drops
 *  the spaces inside strings (`"pip install flask"` → `pipinstallflask`) and mangles escapes. */
export function readJsonStrings(raw: Instruction, text: string, argsRange: SourceRange | null, escapeChar: string): string[] | null {
  if (!has(raw, "getJSONStrings") || argsRange === null) return null;
  // The logical arguments start with their first character unless that is a line continuation: any other
  // first character than `[` is shell form, known without building the logical text (which is most of an
  // ENV's or a COPY's read).
  const first = text[argsRange.start] ?? "";
  if (first !== "[" && first !== escapeChar && first.trim() !== "") return null;
  const args = logicalSource(text, argsRange.start, argsRange.end, escapeChar).text.trim();
  if (!args.startsWith("[") || !args.endsWith("]")) return null;
  try {
    const value: unknown = JSON.parse(args);
    return Array.isArray(value) && value.every((v) => typeof v === "string") ? value : null;
  } catch {
    return null;
  }
}

export function readHeredocs(raw: Instruction, text: string, instructionRange: SourceRange, rangeOf: RangeOf): HeredocNode[] {
  if (!has(raw, "getHeredocs")) return [];
  // No `<<` in the instruction, no heredoc: neither the library nor findHeredocs could find one.
  const own = text.slice(instructionRange.start, instructionRange.end);
  if (!own.includes("<<")) return [];
  try {
    const firstLine = own.split(/\r?\n|\r/, 1)[0] ?? "";
    return (raw as unknown as WithHeredocs).getHeredocs().map((h) => {
      const contentRange = h.getContentRange() === null ? null : rangeOf(h.getContentRange() as Parameters<RangeOf>[0]);
      const name = h.getName();
      const stripsTabs = new RegExp(`<<-\\s*(["']?)${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\1`).test(firstLine);
      const body = contentRange === null ? "" : text.slice(contentRange.start, contentRange.end);
      return { name, content: stripsTabs ? stripLeadingTabs(body) : body, stripsTabs, contentRange, terminated: h.getDelimiterRange() !== null };
    });
  } catch {
    // dockerfile-ast throws TypeErrors on some heredocs (rcjsuen/dockerfile-ast#119, #123): find the
    // markers ourselves in the instruction's text so the body is still known.
    return findHeredocs(text, instructionRange);
  }
}

/** `<<-` removes the leading tabs of every line of the body. */
export function stripLeadingTabs(body: string): string {
  return body.replace(/^\t+/gm, "");
}

/** A minimal heredoc reader for when the library fails: `<<[-]["']NAME["']` on the first line. */
export function findHeredocs(text: string, range: SourceRange): HeredocNode[] {
  const body = text.slice(range.start, range.end);
  const firstLineEnd = body.search(/\r?\n|\r/);
  if (firstLineEnd < 0) return [];
  const marker = /<<(-?)\s*(["']?)([A-Za-z0-9_.-]+)\2/.exec(body.slice(0, firstLineEnd));
  if (marker === null) return [];
  const [, dash, , name = ""] = marker;
  const lines = body.slice(firstLineEnd).split(/(\r?\n|\r)/);
  let offset = range.start + firstLineEnd;
  let contentStart: number | null = null;
  for (const part of lines) {
    if (/^(\r?\n|\r)$/.test(part)) {
      offset += part.length;
      contentStart ??= offset;
      continue;
    }
    const candidate = dash === "-" ? part.replace(/^\t+/, "") : part;
    if (candidate === name && contentStart !== null) {
      const contentEnd = Math.max(contentStart, offset - 1);
      const written = text.slice(contentStart, contentEnd);
      return [{ name, content: dash === "-" ? stripLeadingTabs(written) : written, stripsTabs: dash === "-", contentRange: null, terminated: true }];
    }
    offset += part.length;
  }
  const written = contentStart === null ? "" : text.slice(contentStart, range.end);
  return [{ name, content: dash === "-" ? stripLeadingTabs(written) : written, stripsTabs: dash === "-", contentRange: null, terminated: false }];
}

/** Name/value pairs of ENV, ARG and LABEL: each value as written (continuation lines joined) and as
 *  BuildKit's lexer reads it without a scope (quotes and escapes removed, variables kept as written).
 *  dockerfile-ast's own unescaped value removed only quotes around the whole value (`C=a"b"c` stayed
 *  `a"b"c`, BuildKit reads `abc`) and ignored the escape directive inside quotes. */
export function readPairs(raw: Instruction, keyword: string, text: string, escapeChar: string, rangeOf: RangeOf): KeyValue[] {
  if ((keyword !== "ENV" && keyword !== "ARG" && keyword !== "LABEL") || !has(raw, "getProperties")) return [];
  try {
    return (raw as unknown as WithProperties).getProperties().map((p) => {
      const range = p.getValueRange?.() ?? null;
      const at = range === null ? null : rangeOf(range);
      const written = at === null ? (p.getValue() ?? "") : logicalSource(text, at.start, at.end, escapeChar).text;
      return { name: unquoteWord(p.getName(), escapeChar), value: unquoteWord(written, escapeChar), written };
    });
  } catch {
    return [];
  }
}

/** BuildKit's rule for `FROM image AS name` (moby/buildkit frontend/dockerfile/instructions/parse.go,
 *  parseBuildStageName): the word as written — not lexed, so quotes and `$VARS` stay in it — lower-cased,
 *  must match this, or the whole file is refused ("invalid name for build stage"). */
const VALID_STAGE_NAME = /^[a-z][a-z0-9\-_.]*$/;

interface WordLike {
  getValue(): string;
  getRange(): { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** The `AS name` word of a FROM's arguments (flags excluded) when BuildKit rejects it, else null. */
export function invalidStageName(args: readonly WordLike[]): WordLike | null {
  const [, as, name] = args;
  if (as === undefined || name === undefined || as.getValue().toUpperCase() !== "AS") return null;
  return VALID_STAGE_NAME.test(name.getValue().toLowerCase()) ? null : name;
}

export function readFrom(raw: Instruction, values: ReadonlyMap<string, string>, stageNames: readonly (string | null)[], escapeChar: string): FromDetails | null {
  const from = raw as unknown as FromLike;
  if (!has(raw, "getImage")) return null;
  const rawImage = from.getImage();
  if (rawImage === null) return null;
  // BuildKit lexes the image as any other word: global ARGs expand, quotes go (`FROM "python:3.12"`).
  const substituted = readWord(rawImage, escapeChar, values);
  const image = substituted.unresolved.length > 0 ? null : substituted.value;
  // The word's value, not its text: a line continuation inside the name (`AS bu\⏎ilder`) is not part of it.
  const [, as, name] = raw.getArguments();
  const stageName = as !== undefined && name !== undefined && as.getValue().toUpperCase() === "AS" ? name.getValue().toLowerCase() : null;
  const baseIndex = image === null ? -1 : stageNames.indexOf(image.toLowerCase());
  return {
    rawImage,
    image,
    unresolved: substituted.unresolved,
    stageName,
    platform: from.getPlatformFlag()?.getValue() ?? null,
    baseStage: baseIndex >= 0 ? baseIndex : null,
  };
}

/** Instructions whose words BuildKit lexes (commands.go: their `Expand`) and that the model reads. */
export const LEXED: ReadonlySet<string> = new Set(["COPY", "ADD", "WORKDIR", "USER", "ENV", "ARG", "LABEL"]);

/** The first word of a lexed instruction whose quote is never closed, where it starts: BuildKit stops the
 *  build there ("unexpected end of statement while looking for matching double-quote"). COPY/ADD split
 *  their arguments at whitespace before lexing, so `COPY "my file" /app/` is two words, `"my` and `file"`.
 *  WORKDIR and USER take the rest of the line as one word; ENV, ARG and LABEL lex each value. */
export function unclosedQuote(
  keyword: string,
  form: "exec" | "shell",
  args: readonly { readonly value: string; readonly start: number }[],
  flags: readonly DockerFlag[],
  pairs: readonly KeyValue[],
  at: number,
  escapeChar: string,
): { readonly start: number; readonly quote: '"' | "'"; readonly word: string } | null {
  if (!LEXED.has(keyword) || form === "exec") return null;
  const words: { value: string; start: number }[] = [];
  if (keyword === "ENV" || keyword === "ARG" || keyword === "LABEL") {
    words.push(...pairs.map((p) => ({ value: p.written, start: at })));
  } else if (keyword === "WORKDIR" || keyword === "USER") {
    if (args[0] !== undefined) words.push({ value: args.map((a) => a.value).join(" "), start: args[0].start });
  } else {
    words.push(...args.filter((a) => !a.value.startsWith("<<")));
    for (const f of flags) if (f.value !== null && (f.name === "from" || f.name === "chown" || f.name === "chmod")) words.push({ value: f.value, start: f.range.start });
  }
  for (const word of words) {
    const quote = readWord(word.value, escapeChar).unclosed;
    if (quote !== null) return { start: word.start, quote, word: word.value };
  }
  return null;
}

export function readCopy(
  keyword: "COPY" | "ADD",
  flags: readonly DockerFlag[],
  args: readonly string[],
  heredocs: readonly HeredocNode[],
): CopyDetails {
  const heredoc = heredocs.length > 0;
  const paths = args.filter((a) => !a.startsWith("<<"));
  const link = flagNamed(flags, "link");
  return {
    isAdd: keyword === "ADD",
    sources: heredoc ? [] : paths.slice(0, -1),
    destination: paths.at(-1) ?? null,
    from: flagNamed(flags, "from")?.value ?? null,
    chown: flagNamed(flags, "chown")?.value ?? null,
    chmod: flagNamed(flags, "chmod")?.value ?? null,
    link: link !== undefined && link.value !== "false",
    heredoc,
  };
}

/** The first flag called `name`. (A module function: a closure per COPY is one more name for tsx, under
 *  which the fuzz runs, to set.) */
function flagNamed(flags: readonly DockerFlag[], name: string): DockerFlag | undefined {
  for (const flag of flags) if (flag.name === name) return flag;
  return undefined;
}

/** RUN's `--mount` flags. BuildKit reads a flag word as the shell would, quotes and escapes removed
 *  (`target="/root/.cache/pip"` is /root/.cache/pip), then splits it at its commas. */
export function readRunMounts(flags: readonly DockerFlag[], escapeChar: string): RunMount[] {
  return flags
    .filter((f) => f.name === "mount" && f.value !== null)
    .map((f) => {
      const options = new Map<string, string>();
      for (const part of unquoteWord(f.value ?? "", escapeChar).split(",")) {
        const eq = part.indexOf("=");
        options.set((eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase(), eq < 0 ? "" : part.slice(eq + 1).trim());
      }
      return {
        type: options.get("type") ?? "bind",
        target: options.get("target") ?? options.get("dst") ?? options.get("destination") ?? null,
        source: options.get("source") ?? options.get("src") ?? null,
        from: options.get("from") ?? null,
      };
    });
}
