// What a URL or path requirement is and which project it names. pip takes the name from `#egg=` or, for a
// wheel, from the file name (`foo-1.0-py3-none-any.whl` → `foo==1.0`); for an sdist it only learns the name
// by building it. We also read sdist file names (`python-dateutil-2.8.2.tar.gz`), because a size estimate
// needs a name and that convention holds for nearly every archive published.
import { valid } from "@renovatebot/pep440";
import { isValidProjectName } from "./normalize-name";
import type { RequirementKind } from "./model";

// pip's VCS schemes (vcs.all_schemes) and the plain URL schemes it accepts (`is_url`).
const VCS_SCHEMES: ReadonlySet<string> = new Set([
  "git", "git+http", "git+https", "git+ssh", "git+git", "git+file",
  "hg+file", "hg+http", "hg+https", "hg+ssh", "hg+static-http",
  "svn", "svn+ssh", "svn+http", "svn+https", "svn+svn", "svn+file",
  "bzr+http", "bzr+https", "bzr+ssh", "bzr+sftp", "bzr+ftp", "bzr+lp", "bzr+file",
]);
const URL_SCHEMES: ReadonlySet<string> = new Set(["http", "https", "file", "ftp"]);

// pip's `is_archive_file` extensions (wheel, zip, tar and its compressed forms).
const ARCHIVE_EXTENSIONS = [
  ".whl", ".zip", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tar.lz", ".tlz", ".tar.lzma", ".tar",
];

function scheme(text: string): string | null {
  const colon = text.indexOf(":");
  return colon === -1 ? null : text.slice(0, colon).toLowerCase();
}

/** pip's `is_url`: the text before the first `:` is a scheme pip knows. */
export function isUrl(text: string): boolean {
  const found = scheme(text);
  return found !== null && (URL_SCHEMES.has(found) || VCS_SCHEMES.has(found));
}

/** vcs for `git+…`/`hg+…`/…, path for `file:`, url otherwise. */
export function urlKind(url: string): RequirementKind {
  const found = scheme(url);
  if (found !== null && VCS_SCHEMES.has(found)) return "vcs";
  if (found === "file") return "path";
  return "url";
}

/** pip's `_looks_like_path` plus its archive check: a separator, a leading dot, or an archive name. */
export function looksLikePath(text: string): boolean {
  return text.includes("/") || text.includes("\\") || text.startsWith(".") || isArchiveName(text);
}

/** A wheel or source archive by its file name (`.whl`, `.tar.gz`, `.zip` …). */
export function isArchiveName(text: string): boolean {
  const lower = text.toLowerCase();
  return ARCHIVE_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/** `./pkg[dev]` → path `./pkg` and extras text `dev` (pip's `_strip_extras`). */
export function stripExtras(text: string): { path: string; extras: string | null } {
  // pip's `^(.+)(\[[^\]]+\])$`, as a scan: a regex would backtrack quadratically on "[[[[…".
  const open = text.lastIndexOf("[");
  if (!text.endsWith("]") || open < 1 || open >= text.length - 2) return { path: text, extras: null };
  const extras = text.slice(open + 1, -1);
  if (extras.includes("]")) return { path: text, extras: null };
  return { path: text.slice(0, open), extras };
}

export interface ArtifactName {
  readonly rawName: string;
  /** Extras written in an `#egg=name[extra]` fragment. */
  readonly extras: readonly string[];
  /** The version a wheel or sdist file name carries. */
  readonly version: string | null;
}

export type NameResult =
  | { readonly ok: true; readonly name: ArtifactName | null }
  | { readonly ok: false; readonly message: string };

/** The project a URL or path names: `#egg=` first, then a wheel or sdist file name. */
export function nameFromLocation(location: string, isUrlText: boolean): NameResult {
  const egg = /[#&]egg=([^&]*)/.exec(location);
  if (egg !== null) return nameFromEgg(egg[1] ?? "");
  const file = fileName(location, isUrlText);
  const lower = file.toLowerCase();
  if (lower.endsWith(".whl")) return nameFromWheel(file);
  const extension = ARCHIVE_EXTENSIONS.find((candidate) => lower.endsWith(candidate));
  if (extension === undefined) return { ok: true, name: null };
  return { ok: true, name: nameFromSdist(file.slice(0, file.length - extension.length)) };
}

function nameFromEgg(egg: string): NameResult {
  const bracket = egg.indexOf("[");
  const rawName = bracket === -1 ? egg : egg.slice(0, bracket);
  if (!isValidProjectName(rawName)) {
    return { ok: false, message: `#egg=${egg} does not name a project (PEP 508 names use letters, digits, ".", "_", "-").` };
  }
  let extras: string[] = [];
  if (bracket !== -1) {
    if (!egg.endsWith("]")) return { ok: false, message: `#egg=${egg} has an unclosed "[" in its extras.` };
    extras = egg.slice(bracket + 1, -1).split(",").map((extra) => extra.trim()).filter((extra) => extra !== "");
    const bad = extras.find((extra) => !isValidProjectName(extra));
    if (bad !== undefined) return { ok: false, message: `"${bad}" in #egg=${egg} is not a valid extra name.` };
  }
  return { ok: true, name: { rawName, extras, version: null } };
}

// Wheel names are `{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl` (PEP 427).
function nameFromWheel(file: string): NameResult {
  const parts = file.slice(0, -4).split("-");
  const [rawName = "", version = ""] = parts;
  if ((parts.length !== 5 && parts.length !== 6) || !isValidProjectName(rawName) || valid(version) === null) {
    return { ok: false, message: `"${file}" is not a valid wheel file name (name-version-python-abi-platform.whl).` };
  }
  return { ok: true, name: { rawName, extras: [], version } };
}

// sdists are `{name}-{version}.tar.gz`, where older names may hold hyphens: take the first split whose
// right side is a version.
function nameFromSdist(stem: string): ArtifactName | null {
  for (let dash = stem.indexOf("-"); dash !== -1; dash = stem.indexOf("-", dash + 1)) {
    const rawName = stem.slice(0, dash);
    const version = stem.slice(dash + 1);
    if (isValidProjectName(rawName) && valid(version) !== null) return { rawName, extras: [], version };
  }
  return null;
}

/** The last path segment, without query or fragment; percent-escapes decoded for URLs. */
function fileName(location: string, isUrlText: boolean): string {
  let path = location;
  if (isUrlText) path = path.replace(/[?#].*$/s, "");
  const segment = path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
  if (!isUrlText) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
