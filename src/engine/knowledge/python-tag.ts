// The tag grammar of the official `python` images: `[version][-rc][-slim|-alpine[X.Y]][-<debian suite>]`
// (e.g. `3.12`, `3.9.1-slim-buster`, `3.15-rc-alpine`, `slim-bookworm`, `alpine3.20`, `latest`). Used to find
// the nearest known tag and to write the tag of another variant (python:3.12-bookworm → 3.12-slim-bookworm).

export type PythonVariant = "full" | "slim" | "alpine";

export interface PythonVersion {
  readonly major: number;
  /** Null when the tag names none (`3`); a tag that can no longer move reads as its minor (`2` is 2.7). */
  readonly minor: number | null;
  readonly patch: number | null;
  /** Pre-release marker: `rc`, `rc2`, `a3`, `b1`; null for a final release. */
  readonly pre: string | null;
  /** As written in the tag (`3.15-rc`, `3.11.4`), kept so rewrites preserve the user's pin. */
  readonly text: string;
}

export interface PythonTag {
  readonly version: PythonVersion | null;
  readonly variant: PythonVariant;
  /** Debian codename when the tag names one. */
  readonly suite: string | null;
  /** `3.20` for `alpine3.20`; null for plain `alpine`. */
  readonly alpineVersion: string | null;
}

/**
 * Debian release numbers by codename (https://www.debian.org/releases/ and the Debian wiki's release
 * list): orders suites when a tag names one the tables lack (buster → nearest is bullseye).
 */
export const DEBIAN_RELEASES: Readonly<Record<string, number>> = {
  jessie: 8,
  stretch: 9,
  buster: 10,
  bullseye: 11,
  bookworm: 12,
  trixie: 13,
  forky: 14,
  duke: 15,
};

/**
 * Majors whose major-only tag can no longer move, with the minor it stays on. docker-library's `2` tag
 * followed the newest Python 2, 2.7, and stopped with 2.7.18 (April 2020, the last Python 2 release:
 * python.org/downloads, PEP 373), so `python:2-slim` is `python:2.7-slim` for good. `3` still follows each
 * new minor, so it stays open: the newest Python 3 in the table.
 */
const FROZEN_MAJOR: Readonly<Record<number, number>> = { 2: 7 };

const VERSION = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?((?:a|b|rc)\d+)?$/;

/** Parses `3.12.14`, `3.15.0rc2`, `3.12`; null for anything else. */
export function parsePythonVersion(text: string): PythonVersion | null {
  const m = VERSION.exec(text);
  if (m === null) return null;
  return {
    major: Number(m[1]),
    minor: m[2] === undefined ? null : Number(m[2]),
    patch: m[3] === undefined ? null : Number(m[3]),
    pre: m[4] ?? null,
    text,
  };
}

/** Parses a python image tag; a missing tag is `latest`. Null for tags outside the grammar (Windows ones). */
export function parsePythonTag(tag: string | null): PythonTag | null {
  if (tag === null || tag === "latest") return { version: null, variant: "full", suite: null, alpineVersion: null };
  const tokens = tag.split("-");
  let version: PythonVersion | null = null;
  let i = 0;
  const first = tokens[0] ?? "";
  if (/^\d/.test(first)) {
    const parsed = parsePythonVersion(first);
    if (parsed === null) return null;
    const frozen = parsed.minor === null ? FROZEN_MAJOR[parsed.major] : undefined;
    // `2` is 2.7 (its text kept, so a rewrite still writes `2-slim`): every reader then treats it as 2.7.
    version = frozen === undefined ? parsed : { ...parsed, minor: frozen };
    i = 1;
    // `3.15-rc`: the official images spell an upcoming minor's pre-release as a separate `rc` token.
    if (tokens[1] === "rc" && parsed.pre === null) {
      version = { ...version, pre: "rc", text: `${first}-rc` };
      i = 2;
    }
  }
  let variant: PythonVariant = "full";
  let suite: string | null = null;
  let alpineVersion: string | null = null;
  for (const token of tokens.slice(i)) {
    const alpine = /^alpine(\d+\.\d+)?$/.exec(token);
    if (token === "slim" && variant === "full") variant = "slim";
    else if (alpine !== null && variant === "full") {
      variant = "alpine";
      alpineVersion = alpine[1] ?? null;
    } else if (DEBIAN_RELEASES[token] !== undefined && suite === null && variant !== "alpine") suite = token;
    else return null;
  }
  return { version, variant, suite, alpineVersion };
}

/** Writes a tag back: `formatPythonTag({ version: 3.12, variant: "slim", suite: "bookworm" })` → `3.12-slim-bookworm`. */
export function formatPythonTag(tag: PythonTag): string | null {
  const parts: string[] = [];
  if (tag.version !== null) parts.push(tag.version.text);
  if (tag.variant === "slim") parts.push("slim");
  if (tag.variant === "alpine") parts.push(`alpine${tag.alpineVersion ?? ""}`);
  if (tag.suite !== null && tag.variant !== "alpine") parts.push(tag.suite);
  return parts.length === 0 ? null : parts.join("-");
}

/** Orders versions: major, minor, patch, then a final release after its pre-releases. */
export function comparePythonVersions(a: PythonVersion, b: PythonVersion): number {
  const fields = [
    [a.major, b.major],
    [a.minor ?? 0, b.minor ?? 0],
    [a.patch ?? 0, b.patch ?? 0],
  ] as const;
  for (const [x, y] of fields) if (x !== y) return x - y;
  if (a.pre === b.pre) return 0;
  if (a.pre === null) return 1;
  if (b.pre === null) return -1;
  return a.pre < b.pre ? -1 : 1;
}
