// One requirement as pip reads it (req_constructors.py `parse_req_from_line`): split off the marker (at
// "; " after a URL, which may itself hold ";", else at the first ";"), then decide what the rest is — a
// URL, a PEP 508 direct reference (`name @ url`), a local path, or a name with extras and version
// specifiers. Specifiers are validated clause by clause with the PEP 440 library so an error points at
// the clause that is wrong. Indexes are into `text`; `base` maps them to the caller's coordinates.
import { isValidRange } from "../cache/pep440";
import type { MarkerEnvironment, RequirementKind } from "./model";
import { evaluateMarkerText } from "./markers";
import { isNameChar, isValidProjectName, normalizeName } from "./normalize-name";
import { isUrl, looksLikePath, nameFromLocation, stripExtras, urlKind } from "./url-names";

export interface RequirementFields {
  readonly name: string | null;
  readonly rawName: string | null;
  readonly extras: readonly string[];
  readonly specifier: string;
  readonly pinnedVersion: string | null;
  readonly marker: string | null;
  readonly markerApplies: boolean | null;
  readonly kind: RequirementKind;
  readonly url: string | null;
}

export interface TextProblem {
  /** Index in the caller's coordinates (`base` + index in the text). */
  readonly at: number;
  readonly severity: "error" | "warning" | "info";
  readonly code: string;
  readonly message: string;
}

export interface ParsedRequirementText {
  /** Null when the text is not a requirement; the problems say why. */
  readonly fields: RequirementFields | null;
  readonly problems: readonly TextProblem[];
}

class Failure {
  constructor(
    readonly at: number,
    readonly message: string,
    readonly code = "requirements/invalid-requirement",
  ) {}
}

/** Parse the requirement part of a line (or the value of `-e`). Never throws. */
export function parseRequirementText(
  text: string,
  base: number,
  env: MarkerEnvironment | undefined,
): ParsedRequirementText {
  const problems: TextProblem[] = [];
  const at = (index: number): number => base + index;
  try {
    const markerSeparator = isUrl(text) ? "; " : ";";
    const split = text.indexOf(markerSeparator);
    const bodyEnd = split === -1 ? text.length : split;
    const body = trimmed(text, 0, bodyEnd);
    if (body.from === body.to) throw new Failure(0, "Expected a requirement before the ';' of its marker.");
    const fields = readBody(text.slice(body.from, body.to), body.from, problems, at);

    let marker: string | null = null;
    let markerApplies: boolean | null = true;
    if (split !== -1) {
      const range = trimmed(text, split + markerSeparator.length, text.length);
      if (range.from < range.to) {
        marker = text.slice(range.from, range.to);
        const evaluation = evaluateMarkerText(marker, env);
        markerApplies = evaluation.result;
        for (const problem of evaluation.problems) {
          const severity = "error";
          problems.push({ at: at(range.from + problem.offset), severity, code: problem.code, message: problem.message });
        }
      }
    }
    return { fields: { ...fields, marker, markerApplies }, problems };
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    let { message, code } = error;
    const variable = /\$\{[A-Z0-9_]+\}/.exec(text);
    if (variable !== null) {
      message = `${message} The line uses ${variable[0]}, which pip fills from the environment at install time; it is skipped here.`;
      code = "requirements/env-var";
    }
    problems.push({ at: at(error.at), severity: variable === null ? "error" : "warning", code, message });
    return { fields: null, problems };
  }
}

type BodyFields = Omit<RequirementFields, "marker" | "markerApplies">;

function readBody(body: string, offset: number, problems: TextProblem[], at: (index: number) => number): BodyFields {
  if (isUrl(body)) return readLocation(body, body, offset, null, true, problems, at);
  const scp = /^[A-Za-z0-9._-]+@([A-Za-z0-9.-]+):(?!\/\/)(\S+)$/.exec(body);
  if (scp !== null) {
    // `git@host:owner/repo.git` is git's scp syntax, not a URL; pip would look for a directory of that name.
    throw new Failure(offset, `"${body}" is an scp-style git address; pip needs a URL such as git+ssh://${body.replace(":", "/")}.`);
  }
  const direct = readNameAndExtras(body, offset, false);
  if (direct !== null && body[direct.end] === "@") return readDirectReference(body, offset, direct, problems, at);
  if (looksLikePath(body)) {
    const { path, extras } = stripExtras(body);
    return readLocation(body, path, offset, extras, false, problems, at);
  }
  const named = readNameAndExtras(body, offset, true);
  if (named === null) throw new Failure(offset, "Expected a project name.");
  const spec = readSpecifiers(body, named.end, offset);
  return { ...named.fields, ...spec, kind: "named", url: null };
}

interface NameAndExtras {
  readonly fields: { readonly name: string; readonly rawName: string; readonly extras: readonly string[] };
  /** Index in the body after the name, extras and any whitespace. */
  readonly end: number;
}

/** `name [extra, …]`; null (or a Failure when `strict`) when the body does not start that way. */
function readNameAndExtras(body: string, offset: number, strict: boolean): NameAndExtras | null {
  let i = 0;
  while (isNameChar(body[i])) i++;
  const rawName = body.slice(0, i);
  if (!isValidProjectName(rawName)) {
    if (!strict) return null;
    const message =
      rawName === ""
        ? `Expected a project name, found "${firstWord(body)}".`
        : `"${rawName}" is not a valid project name (letters, digits, ".", "_", "-"; starting and ending with a letter or digit).`;
    throw new Failure(offset, message);
  }
  i = skipSpaces(body, i);
  const extras: string[] = [];
  if (body[i] === "[") {
    const close = body.indexOf("]", i);
    if (close === -1) {
      if (!strict) return null;
      throw new Failure(offset + i, 'Unclosed "[" in the extras.');
    }
    let position = i + 1;
    for (const part of body.slice(i + 1, close).split(",")) {
      const extra = part.trim();
      if (extra !== "" && !isValidProjectName(extra)) {
        if (!strict) return null;
        throw new Failure(offset + position + part.indexOf(extra), `"${extra}" is not a valid extra name.`);
      }
      const normal = normalizeName(extra);
      if (extra !== "" && !extras.includes(normal)) extras.push(normal);
      position += part.length + 1;
    }
    i = skipSpaces(body, close + 1);
  }
  return { fields: { name: normalizeName(rawName), rawName, extras }, end: i };
}

function readDirectReference(
  body: string,
  offset: number,
  named: NameAndExtras,
  problems: TextProblem[],
  at: (index: number) => number,
): BodyFields {
  const urlStart = skipSpaces(body, named.end + 1);
  let urlEnd = urlStart;
  while (urlEnd < body.length && !/\s/.test(body[urlEnd] ?? "")) urlEnd++;
  const url = body.slice(urlStart, urlEnd);
  if (url === "") throw new Failure(offset + named.end, 'Expected a URL after "@".');
  const after = skipSpaces(body, urlEnd);
  if (after < body.length) throw new Failure(offset + after, "Unexpected text after the URL (a marker needs \"; \").");
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url)) {
    throw new Failure(offset + urlStart, `"${url}" is not a URL; a local path needs the file: form (file:///abs/path).`);
  }
  const kind = urlKind(url);
  const fromFile = nameFromLocation(url, true);
  if (!fromFile.ok) problems.push({ at: at(offset + urlStart), severity: "warning", code: "requirements/invalid-file-name", message: fromFile.message });
  return { ...named.fields, specifier: "", pinnedVersion: fromFile.ok ? (fromFile.name?.version ?? null) : null, kind, url };
}

/** A URL (`isUrlText`) or local path requirement; the name comes from `#egg=` or the file name. */
function readLocation(
  body: string,
  location: string,
  offset: number,
  extrasText: string | null,
  isUrlText: boolean,
  problems: TextProblem[],
  at: (index: number) => number,
): BodyFields {
  if (/\s/.test(location)) {
    const space = location.search(/\s/);
    throw new Failure(offset + space, `Unexpected text after "${location.slice(0, space)}" (one requirement per line; a marker needs ";").`);
  }
  const kind = isUrlText ? urlKind(location) : "path";
  const found = nameFromLocation(location, isUrlText);
  if (!found.ok) problems.push({ at: at(offset), severity: "warning", code: "requirements/invalid-file-name", message: found.message });
  const artifact = found.ok ? found.name : null;
  const extras = [...(artifact?.extras ?? []), ...splitExtras(extrasText)].map(normalizeName);
  return {
    name: artifact === null ? null : normalizeName(artifact.rawName),
    rawName: artifact?.rawName ?? null,
    extras: [...new Set(extras)],
    specifier: "",
    // A wheel or sdist file is exactly one version, as pip's `name==version` for wheel links says.
    pinnedVersion: artifact?.version ?? null,
    kind,
    url: location,
  };
}

function splitExtras(text: string | null): string[] {
  if (text === null) return [];
  return text.split(",").map((extra) => extra.trim()).filter((extra) => extra !== "");
}

const CLAUSE = /^(===|~=|==|!=|<=|>=|<|>)\s*(\S+)$/;
// Specifier clauses longer than this are garbage; skipping the version regex keeps huge lines linear.
const MAX_CLAUSE_LENGTH = 512;

/** The specifier set after the name, e.g. ` >= 4.2 , < 5` → `>=4.2,<5`, optionally in parentheses. */
function readSpecifiers(body: string, start: number, offset: number): { specifier: string; pinnedVersion: string | null } {
  let from = start;
  let to = body.length;
  if (from >= to) return { specifier: "", pinnedVersion: null };
  if (body[from] === "(") {
    if (body[to - 1] !== ")") throw new Failure(offset + from, 'Unclosed "(" around the version specifiers.', "requirements/invalid-specifier");
    from = skipSpaces(body, from + 1);
    to--;
    while (to > from && /\s/.test(body[to - 1] ?? "")) to--;
  }
  const clauses: string[] = [];
  let pinnedVersion: string | null = null;
  let position = from;
  while (position <= to) {
    const comma = body.indexOf(",", position);
    const end = comma === -1 || comma > to ? to : comma;
    const range = trimmed(body, position, end);
    const clause = body.slice(range.from, range.to);
    const clauseAt = offset + range.from;
    if (clause === "") {
      if (clauses.length > 0 || end < to) throw new Failure(clauseAt, "Empty version specifier next to a comma.", "requirements/invalid-specifier");
      break;
    }
    const match = clause.length > MAX_CLAUSE_LENGTH ? null : CLAUSE.exec(clause);
    if (match === null) throw new Failure(clauseAt, describeBadClause(clause, clauses.length === 0), "requirements/invalid-specifier");
    const [, op = "", version = ""] = match;
    if (!isValidRange(`${op}${version}`)) {
      throw new Failure(clauseAt, `"${clause}" is not a valid PEP 440 version specifier.`, "requirements/invalid-specifier");
    }
    if (pinnedVersion === null && (op === "===" || (op === "==" && !version.includes("*")))) pinnedVersion = version;
    clauses.push(`${op}${version}`);
    position = end + 1;
  }
  return { specifier: clauses.join(","), pinnedVersion };
}

function describeBadClause(clause: string, first: boolean): string {
  const shown = clause.length > 40 ? `${clause.slice(0, 40)}…` : clause;
  if (/^=[^=]/.test(clause)) return `"${shown}" is not a version specifier; did you mean "=${clause}"?`;
  if (/^[<>=!~]/.test(clause)) return `"${shown}" is not a valid PEP 440 version specifier.`;
  if (first) return `Expected a version specifier (like ==1.0), a marker after ";", or the end of the line; found "${firstWord(shown)}".`;
  return `"${shown}" is not a version specifier (like ==1.0 or >=2).`;
}

function firstWord(text: string): string {
  const word = text.trim().split(/\s/)[0] ?? "";
  return word.length > 40 ? `${word.slice(0, 40)}…` : word;
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i] ?? "")) i++;
  return i;
}

function trimmed(text: string, from: number, to: number): { from: number; to: number } {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(text[start] ?? "")) start++;
  while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
  return { from: start, to: end };
}
