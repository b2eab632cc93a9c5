// Nearest known tag for the official `python` images (and the uv images built on them) when the exact tag
// is not in the table. Order of preference: same variant (full/slim/alpine) always; the same minor when
// one is named, else the newest stable minor; the named Debian suite / Alpine version when the table has
// it; the default tag (no suite in it) otherwise. Every step away from the request adds a reason.

import {
  type StandIn,
  imageRows,
  isStable,
  nearestByKey,
  otherEra,
  rowPython,
  versionKey,
} from "./base-image-rows";
import { lastPythonMinorOfSuite } from "./python-suites";
import { comparePythonVersions, parsePythonTag, type PythonTag, type PythonVersion } from "./python-tag";
import type { ImageRef } from "./image-ref";
import type { BaseImageRow, Era } from "./types";

function pythonRows(era: Era): BaseImageRow[] {
  return imageRows("python", era).filter((r) => r.variant === "full" || r.variant === "slim" || r.variant === "alpine");
}

/** The row's own tag, parsed (every python row's tag is in the grammar). */
function rowTag(row: BaseImageRow): PythonTag | null {
  return parsePythonTag(row.tag);
}

/** Rows whose tag names no suite / Alpine version: what the plain tag (`3.12-slim`) points at. */
function defaults(rows: readonly BaseImageRow[]): BaseImageRow[] {
  const plain = rows.filter((r) => rowTag(r)?.suite === null && rowTag(r)?.alpineVersion === null);
  return plain.length > 0 ? plain : [...rows];
}

/**
 * Among rows on the asked suite, those of the newest Python, preferring the tag that names the suite
 * (python:3.9-slim-bullseye over python:3.9-slim, the same image) so the matched ref reads like the request.
 */
function preferNamed(rows: readonly BaseImageRow[], suite: string): BaseImageRow[] {
  const top = newest(rows);
  const topVersion = top === undefined ? null : rowPython(top);
  const sameRelease = rows.filter((r) => {
    const v = rowPython(r);
    return topVersion === null || (v !== null && comparePythonVersions(v, topVersion) === 0);
  });
  const named = sameRelease.filter((r) => rowTag(r)?.suite === suite);
  return named.length > 0 ? named : sameRelease;
}

function newest(rows: readonly BaseImageRow[]): BaseImageRow | undefined {
  let best: BaseImageRow | undefined;
  for (const row of rows) {
    const v = rowPython(row);
    const b = best === undefined ? null : rowPython(best);
    if (best === undefined || (v !== null && (b === null || comparePythonVersions(v, b) > 0))) best = row;
  }
  return best;
}

/** Narrows to the requested suite or Alpine version; when the table has none, says so and keeps the defaults. */
function bySuite(rows: readonly BaseImageRow[], tag: PythonTag, reasons: string[]): BaseImageRow[] {
  if (tag.suite !== null) {
    const onSuite = rows.filter((r) => r.distro === tag.suite);
    if (onSuite.length > 0) return preferNamed(onSuite, tag.suite);
    const fallback = defaults(rows);
    const on = fallback[0]?.distro ?? "another suite";
    reasons.push(`the table has no ${tag.variant} build on Debian ${tag.suite} for this Python; the one on ${on} stands in`);
    return fallback;
  }
  if (tag.alpineVersion !== null) {
    const onAlpine = rows.filter((r) => r.distro === `alpine${tag.alpineVersion}`);
    if (onAlpine.length > 0) return onAlpine;
    const fallback = defaults(rows);
    const os = fallback[0]?.osVersion ?? "another version";
    reasons.push(`Alpine ${tag.alpineVersion} was asked for but this build is on Alpine ${os}, so the base differs slightly`);
    return fallback;
  }
  return defaults(rows);
}

/** The nearest python row for a tag that is not in the table; null when the tag is outside the grammar. */
export function nearestPython(tagText: string | null, era: Era): StandIn | null {
  const tag = parsePythonTag(tagText);
  if (tag === null) return null;
  const reasons: string[] = [];
  const variantRows = pythonRows(era).filter((r) => r.variant === tag.variant);
  const wantPre = tag.version?.pre != null;
  const release = (rows: readonly BaseImageRow[]): BaseImageRow[] => {
    const matching = rows.filter((r) => isStable(r) !== wantPre);
    return matching.length > 0 ? matching : [...rows];
  };
  // A suite docker-library no longer builds (`3-alpine3.20`, `slim-bullseye`) stopped at the Python of its
  // last build: that minor is what the tag holds, not today's newest.
  const suite = tag.suite ?? (tag.alpineVersion === null ? null : `alpine${tag.alpineVersion}`);
  const lastMinor = suite === null || wantPre || (tag.version !== null && (tag.version.major !== 3 || tag.version.minor !== null)) ? null : lastPythonMinorOfSuite(suite);
  const version: PythonVersion | null = lastMinor === null ? tag.version : { major: 3, minor: lastMinor, patch: null, pre: null, text: `3.${lastMinor}` };
  if (lastMinor !== null) reasons.push(`docker-library stopped building ${suite} before the next Python, so the tag's last image has Python 3.${lastMinor}`);

  if (version === null || version.minor === null) {
    // No minor named: newest stable Python (of that major), on the suite if one is named.
    const ofMajor = version === null ? variantRows : variantRows.filter((r) => rowPython(r)?.major === version.major);
    const pool = ofMajor.length > 0 ? ofMajor : variantRows;
    if (ofMajor.length === 0 && version !== null) reasons.push(`the table has no Python ${version.major} image`);
    const row = newest(release(bySuite(pool, tag, reasons)));
    if (row === undefined) return null;
    const what = version === null ? "the newest stable Python" : `the newest Python ${version.major}`;
    const on = tag.suite !== null && row.distro === tag.suite ? `on ${tag.suite} ` : "";
    reasons.unshift(`${what} ${on}in the table`);
    return { row, reasons };
  }

  const minorKey = versionKey(version.major, version.minor);
  const key = (r: BaseImageRow): number => {
    const v = rowPython(r);
    return v === null ? -1 : versionKey(v.major, v.minor);
  };
  let pool = variantRows.filter((r) => key(r) === minorKey);
  if (pool.length === 0) {
    const stable = variantRows.filter(isStable);
    const keys = stable.map(key);
    const oldest = Math.min(...keys);
    // A major-only tag read as its last minor (`2` is 2.7, python-tag.ts) says which minor it stands for.
    const asked = version.text === `${version.major}` ? `Python ${version.text} (${version.major}.${version.minor}, its last minor)` : `Python ${version.text}`;
    if (minorKey < oldest) {
      // Older than this era's table: the other era may hold something closer (alpine:3.10 for 3.7-era tags).
      const both = [...stable, ...pythonRows(otherEra(era)).filter((r) => r.variant === tag.variant && isStable(r))];
      const near = nearestByKey(both, key, minorKey);
      pool = both.filter((r) => near !== undefined && key(r) === key(near) && r.era === near.era);
      reasons.push(`${asked} is older than any ${tag.variant} image in the table, so the oldest one stands in: expect a different size`);
    } else if (minorKey > Math.max(...keys)) {
      const near = nearestByKey(stable, key, minorKey);
      pool = stable.filter((r) => near !== undefined && key(r) === key(near));
      reasons.push(`${asked} is newer than any ${tag.variant} image in the table, so the newest one stands in`);
    } else {
      const near = nearestByKey(stable, key, minorKey);
      pool = stable.filter((r) => near !== undefined && key(r) === key(near));
      reasons.push(`the table has no ${asked} ${tag.variant} image; the nearest minor stands in`);
    }
  }
  const row = newest(release(bySuite(pool, tag, reasons)));
  if (row === undefined) return null;
  const built = rowPython(row);
  if (version.patch !== null && built !== null && comparePythonVersions(version, built) !== 0 && built.minor === version.minor) {
    reasons.unshift(`same minor, the table's build has Python ${row.python} (patch releases differ little in size)`);
  } else if (version.patch !== null && built !== null && comparePythonVersions(version, built) === 0) {
    reasons.unshift(`the table's build of ${row.ref} has this exact Python release`);
  }
  return { row, reasons };
}

/** What a uv image tag stands for: the python image it is built on, or a bare OS image. */
export interface UvBase {
  readonly image: "python" | "debian" | "alpine";
  readonly tag: string | null;
  readonly reason: string;
}

const UV_NOTE = "with the uv and uvx binaries added (uv docs; the binaries are weighed as uv's wheel, assumption uv-binary)";

/**
 * `ghcr.io/astral-sh/uv:[<uv version>-]python3.12-trixie-slim` is `python:3.12-slim-trixie` plus uv
 * (https://docs.astral.sh/uv/guides/integration/docker/, cited by the uv rows' notes); `…:bookworm-slim`
 * is `debian:bookworm-slim` plus uv; `…:alpine3.21` is `alpine:3.21` plus uv. The bare tags (`latest`,
 * `0.11.32`) are scratch images holding only the binaries, and `debian`/`bookworm` build on
 * buildpack-deps, which the tables lack: null.
 */
export function uvBase(tag: string | null): UvBase | null {
  const rest = (tag ?? "").replace(/^\d+\.\d+(?:\.\d+)?-/, "");
  const py = /^python(\d+\.\d+)-(.+)$/.exec(rest);
  if (py !== null) {
    const [, minor, base = ""] = py;
    const slim = /^(\w+)-slim$/.exec(base);
    const pythonTag = slim !== null ? `${minor}-slim-${slim[1]}` : `${minor}-${base}`;
    return { image: "python", tag: pythonTag, reason: `it is python:${pythonTag} ${UV_NOTE}` };
  }
  const slim = /^(\w+)-slim$/.exec(rest);
  if (slim !== null && slim[1] !== "debian") {
    return { image: "debian", tag: `${slim[1]}-slim`, reason: `it is debian:${slim[1]}-slim ${UV_NOTE}` };
  }
  // uv's floating Debian tag follows Debian's stable release: trixie since uv 0.8 (uv's Docker guide,
  // "Available images": debian-slim is debian:trixie-slim plus uv). Its `debian` tag is buildpack-deps,
  // which the tables do not weigh.
  if (rest === "debian-slim") return { image: "debian", tag: "trixie-slim", reason: `uv's debian-slim tag is debian:trixie-slim ${UV_NOTE}` };
  const alpine = /^alpine(\d+\.\d+)?$/.exec(rest);
  if (alpine !== null) {
    const alpineTag = alpine[1] ?? null;
    return { image: "alpine", tag: alpineTag, reason: `it is alpine:${alpineTag ?? "latest"} ${UV_NOTE}` };
  }
  return null;
}

/** uv's own image (`ghcr.io/astral-sh/uv`): where it keeps the uv and uvx binaries and which uv it ships. */
export interface UvImage {
  /** The uv release the tag names (`0.9.5`, `0.9`), or null (`latest`, a tag without one). */
  readonly version: string | null;
  /** `/` in the bare images (`uv:0.9.5`, `uv:latest`: scratch plus the two binaries, which uv's Docker
   *  guide copies with `COPY --from=ghcr.io/astral-sh/uv:0.9.5 /uv /uvx /bin/`); `/usr/local/bin` in the
   *  images built on python, debian or alpine (`uv:python3.12-bookworm-slim`). */
  readonly binDir: "/" | "/usr/local/bin";
}

/** The uv image a reference names (ghcr.io/astral-sh/uv, any tag or digest), or null for any other image. */
export function uvImage(ref: ImageRef): UvImage | null {
  if (ref.registry !== "ghcr.io" || ref.repository !== "astral-sh/uv") return null;
  const tag = ref.tag ?? "latest";
  const bare = /^(\d+\.\d+(?:\.\d+)?)$/.exec(tag);
  if (bare !== null || tag === "latest") return { version: bare?.[1] ?? null, binDir: "/" };
  return { version: /^(\d+\.\d+(?:\.\d+)?)-/.exec(tag)?.[1] ?? null, binDir: "/usr/local/bin" };
}
