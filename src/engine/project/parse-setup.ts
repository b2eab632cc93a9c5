// setup.cfg and setup.py: what a setuptools project asks for when `pip install .` builds it and no
// pyproject.toml `[project]` table declares its dependencies.
//
// setup.cfg is read as setuptools reads it (configparser): `[metadata] name`, `[options] install_requires`
// and `[options.extras_require]`, each list one requirement per line (or `;`-separated on one line).
//
// setup.py is a program, so only what it writes as literals is read: `install_requires=[…]` (or a tuple),
// a name bound once to such a list (`REQUIRES = [...]` … `install_requires=REQUIRES`), `extras_require=`
// a dict of such lists, and `name="…"`. What it computes (`open("requirements.txt")…`, a function call) is
// reported where it is, and counts nothing: running it, or parsing Python fully, is not what a size
// estimate in a browser should ship (a Python grammar is hundreds of kilobytes), and these literal forms
// are how most setup.py files write their dependencies.
import { normalizeName } from "../requirements/normalize-name";
import { ProjectSource } from "./read-toml";
import { emptyManifest, type ParsedProjectFile } from "./types";

export function parseSetupCfg(path: string, content: string | Uint8Array): ParsedProjectFile {
  const source = new ProjectSource(path, content);
  const sections = readIni(source.text);
  const name = sections.get("metadata")?.get("name")?.value.trim() ?? "";
  const requires = sections.get("options")?.get("install_requires")?.value ?? "";
  const optionalDependencies = new Map<string, string[]>();
  for (const [extra, entry] of sections.get("options.extras_require") ?? []) optionalDependencies.set(normalizeName(extra), cfgList(entry.value));
  const requiresPython = sections.get("options")?.get("python_requires")?.value.trim() || null;
  return {
    kind: "setup-cfg",
    path,
    manifest: { ...emptyManifest(), name: /^[A-Za-z0-9._-]+$/.test(name) ? normalizeName(name) : null, dependencies: cfgList(requires), optionalDependencies, requiresPython },
    diagnostics: source.diagnostics,
    textLength: source.text.length,
  };
}

/** A configparser list value: one item per line, or `;`-separated (setuptools' "list-semi"); comments out. */
function cfgList(value: string): string[] {
  const lines = value.split("\n").map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#"));
  // One line with `;` between items is a list; a marker's `;` follows a requirement with a space before it.
  const items = lines.length === 1 && /;\S/.test(lines[0] ?? "") ? (lines[0] ?? "").split(";") : lines;
  return items.map((item) => item.trim()).filter((item) => item !== "");
}

interface IniValue { readonly value: string; readonly line: number }

/** configparser's reading: `[section]`, `key = value` or `key: value`, indented lines continue the value,
 *  whole-line `#`/`;` comments skipped; keys lower-cased, as configparser does. */
function readIni(text: string): Map<string, Map<string, IniValue>> {
  const sections = new Map<string, Map<string, IniValue>>();
  let current: Map<string, IniValue> | null = null;
  let key: string | null = null;
  const lines = text.split(/\r\n|\r|\n/);
  for (const [index, raw] of lines.entries()) {
    // A blank line inside a value is kept by configparser; an empty list item means nothing here.
    if (/^\s*[#;]/.test(raw) || raw.trim() === "") continue;
    if (/^\s/.test(raw) && current !== null && key !== null) {
      const entry = current.get(key);
      if (entry !== undefined) current.set(key, { ...entry, value: `${entry.value}\n${raw.trim()}` });
      continue;
    }
    const section = /^\[([^\]]+)\]\s*$/.exec(raw);
    if (section !== null) {
      const name = (section[1] ?? "").trim();
      current = sections.get(name) ?? new Map<string, IniValue>();
      sections.set(name, current);
      key = null;
      continue;
    }
    const pair = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(raw);
    if (pair === null || current === null) {
      key = null;
      continue;
    }
    key = (pair[1] ?? "").trim().toLowerCase();
    current.set(key, { value: pair[2] ?? "", line: index + 1 });
  }
  return sections;
}

export function parseSetupPy(path: string, content: string | Uint8Array): ParsedProjectFile {
  const source = new ProjectSource(path, content);
  const tokens = tokenize(source.text);
  const literal = (at: number): { strings: string[]; end: number } | null => stringList(tokens, at);
  const dependencies: string[] = [];
  const optionalDependencies = new Map<string, string[]>();
  let name: string | null = null;
  const kwarg = (word: string): number[] => tokens.flatMap((t, i) => (t.kind === "name" && t.text === word && tokens[i + 1]?.text === "=" ? [i + 2] : []));
  const at = (i: number) => source.positionAt(tokens[i]?.start ?? 0);

  for (const i of kwarg("name")) {
    const token = tokens[i];
    if (token?.kind === "string" && tokens[i + 1]?.text !== "+") name = normalizeName(token.value);
  }
  let requiresPython: string | null = null;
  for (const i of kwarg("python_requires")) {
    const token = tokens[i];
    if (token?.kind === "string" && (tokens[i + 1]?.text === "," || tokens[i + 1]?.text === ")")) requiresPython = token.value.trim() || null;
  }
  for (const i of kwarg("install_requires")) {
    const list = literal(i)?.strings ?? boundList(tokens, i, literal);
    if (list === null) {
      const { line, column } = at(i);
      source.report("project/computed-requirements", `${path}: install_requires is computed here, not written as a list of strings, so the dependencies of \`pip install .\` are not counted. Give the requirements file it reads with the others, or list them in pyproject.toml's [project] dependencies.`, line, column);
      continue;
    }
    dependencies.push(...list);
  }
  for (const i of kwarg("extras_require")) {
    if (tokens[i]?.text !== "{") continue;
    // { "extra": [ "req", … ], … }
    let j = i + 1;
    while (j < tokens.length && tokens[j]?.text !== "}") {
      const key = tokens[j];
      const list = key?.kind === "string" && tokens[j + 1]?.text === ":" ? literal(j + 2) : null;
      if (key === undefined || list === null) break;
      optionalDependencies.set(normalizeName(key.value), list.strings);
      j = list.end + (tokens[list.end]?.text === "," ? 1 : 0);
    }
  }
  return {
    kind: "setup-py",
    path,
    manifest: { ...emptyManifest(), name, dependencies, optionalDependencies, requiresPython },
    diagnostics: source.diagnostics,
    textLength: source.text.length,
  };
}

/** `[ "a", "b>=1", ]` or `( … )` at token `at`: its strings and the token after the closing bracket. */
function stringList(tokens: readonly Token[], at: number): { strings: string[]; end: number } | null {
  const open = tokens[at]?.text;
  const close = open === "[" ? "]" : open === "(" ? ")" : null;
  if (close === null) return null;
  const strings: string[] = [];
  let i = at + 1;
  for (;;) {
    const token = tokens[i];
    if (token === undefined) return null;
    if (token.text === close) return { strings, end: i + 1 };
    if (token.kind !== "string") return null;
    // Adjacent literals concatenate ("flask" ">=3").
    let value = token.value;
    while (tokens[i + 1]?.kind === "string") value += tokens[++i]?.value ?? "";
    strings.push(value);
    i++;
    if (tokens[i]?.text === ",") i++;
    else if (tokens[i]?.text !== close) return null;
  }
}

/** `install_requires=NAME` where NAME is bound exactly once to a literal list (`NAME = [...]`). */
function boundList(tokens: readonly Token[], at: number, literal: (at: number) => { strings: string[] } | null): string[] | null {
  const name = tokens[at];
  const after = tokens[at + 1]?.text;
  if (name?.kind !== "name" || (after !== "," && after !== ")")) return null;
  const bindings = tokens.flatMap((t, i) => (t.kind === "name" && t.text === name.text && (tokens[i + 1]?.text === "=" || tokens[i + 1]?.text === "+=") && tokens[i - 1]?.text !== "." && tokens[i - 1]?.text !== "(" && tokens[i - 1]?.text !== "," ? [i] : []));
  if (bindings.length !== 1 || tokens[(bindings[0] ?? 0) + 1]?.text !== "=") return null;
  return literal((bindings[0] ?? 0) + 2)?.strings ?? null;
}

interface Token {
  readonly kind: "name" | "string" | "op";
  readonly text: string;
  /** A string's value (escapes read for the common ones); else the text. */
  readonly value: string;
  readonly start: number;
}

/** Python's tokens as far as these literals need: names, string literals (any quotes and prefixes;
 *  f-strings are not literal, so they read as an operator that stops a list), and single punctuation.
 *  Comments and whitespace are dropped. Linear in the text. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /#[^\n]*|\s+|([rRbBuUfF]{0,2})('''|"""|'|")|([A-Za-z_][A-Za-z0-9_]*)|(\+=|==|\*\*|.)/gy;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    const start = match.index;
    if (match[2] !== undefined) {
      const prefix = (match[1] ?? "").toLowerCase();
      const quote = match[2];
      const end = closingQuote(text, pattern.lastIndex, quote);
      const body = text.slice(pattern.lastIndex, end);
      pattern.lastIndex = Math.min(text.length, end + quote.length);
      tokens.push(prefix.includes("f") ? { kind: "op", text: "f-string", value: "", start } : { kind: "string", text: text.slice(start, pattern.lastIndex), value: prefix.includes("r") ? body : unescape(body), start });
    } else if (match[3] !== undefined) tokens.push({ kind: "name", text: match[3], value: match[3], start });
    else if (match[4] !== undefined) tokens.push({ kind: "op", text: match[4], value: match[4], start });
  }
  return tokens;
}

/** Offset of the quote closing a string whose body starts at `from` (the text's end when unclosed); a
 *  backslash escapes the next character, in raw strings too (r"\"" is one quote). */
function closingQuote(text: string, from: number, quote: string): number {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === "\\") i += 2;
    else if (text.startsWith(quote, i)) return i;
    else if (c === "\n" && quote.length === 1) return i;
    else i++;
  }
  return text.length;
}

function unescape(body: string): string {
  return body.replace(/\\(\n|.)/g, (_, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : c === "\n" ? "" : c));
}
