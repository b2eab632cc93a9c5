// findPackage: the version of a project an install would get for a specifier, and the wheel pip would pick
// for the image (wheel-tags.ts). A specifier the table cannot satisfy gets the nearest version the table
// holds, and the answer says which stands in for what. Unpinned, the newest version with a wheel for the
// image is taken: the data has no Requires-Python, so a newest version that dropped the image's Python is
// not detected (an assumption the estimate states).
import { explain, satisfies, validRange } from "@renovatebot/pep440";
import { evaluateMarkerText } from "../requirements/markers";
import { optionalExtension } from "./optional-extensions";
import { normalizePackageName } from "./python-packages";
import { pythonTable, type PythonTable, type TableVersion } from "./python-table";
import { legacyTorch, type LegacyTorch } from "./torch-legacy";
import { isPureTag, pickWheel, type Platform } from "./wheel-tags";

/** How the version was chosen. */
export type VersionChoice =
  /** The specifier matched a version of the table. */
  | "matched"
  /** No specifier: the newest version with a wheel for the image (else the newest). */
  | "newest"
  /** No version matched: the nearest one stands in. */
  | "nearest";

export interface PackageFacts {
  readonly name: string;
  readonly version: TableVersion;
  readonly choice: VersionChoice;
  /** What the user asked for (`==1.2.3`, `>=2,<3`), or null. */
  readonly specifier: string | null;
  /** "requests 2.32.3 stands in for requests==2.0.0" when choice is "nearest"; else null. */
  readonly standIn: string | null;
  /** [tag, bytes] of the wheel pip picks for the platform; null when none fits (a build from the sdist). */
  readonly wheel: readonly [string, number] | null;
  /** No wheel fits: pip builds the sdist, which needs a compiler (and the package's -dev libraries). */
  readonly buildsFromSource: boolean;
  /** The build compiles native code: compiled wheels exist for other platforms and none is pure. False for a
   *  pure sdist; an sdist-only version (no wheel at all in the data) is not known to compile. */
  readonly compiles: boolean;
  readonly pure: boolean;
  /** Where a newer version stands in for a pin the table lacks and its wheel is the one weighed, but no
   *  version the table holds at or before the pin has a wheel for this image: the pin may predate the
   *  image's CPython (Pillow 9.0.1 came out before Python 3.11, whose first wheels came with 9.3), and pip
   *  would then compile it. On musl also a musllinux wheel of another release than pip installs there
   *  (muslMayLackWheel). With no wheel found (buildsFromSource), the source build itself in doubt: the release
   *  read has wheels for newer CPythons only, and pip installs an older one the tables lack (unknownPick).
   *  Why, in a clause a finding can quote; null otherwise. */
  readonly mayCompile: string | null;
  /** torch pinned before 1.13 on x86_64 glibc: one wheel with CUDA inside (torch-legacy.ts), which the size
   *  model weighs by its own measurement. */
  readonly legacyTorch?: LegacyTorch;
}

function release(version: string): readonly number[] {
  return explain(version)?.release ?? [];
}

/** The first version written in a specifier (`>=2.1,<3` → 2.1), the target of a nearest-version search. */
function specifierTarget(specifier: string): string | null {
  return /\d+(?:\.\d+)*/.exec(specifier)?.[0] ?? null;
}

/** Component-wise |a − b|, most significant first (so 2.0 is nearer to 2.5 than 3.0 is). */
function distance(a: readonly number[], b: readonly number[]): number[] {
  const length = Math.max(a.length, b.length, 3);
  return Array.from({ length }, (_, i) => Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
}

function compareTuples(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Negative when `a` is nearer to `wanted` than `b`. Within the wanted major series, component-wise
 *  distance; across majors, the nearest major, then the version closest in order (the oldest one above the
 *  target, the newest one below), since minor numbers of different majors do not measure anything. */
function nearer(a: readonly number[], b: readonly number[], wanted: readonly number[]): number {
  const major = (r: readonly number[]): number => Math.abs((r[0] ?? 0) - (wanted[0] ?? 0));
  if (major(a) !== major(b)) return major(a) - major(b);
  if (major(a) === 0) return compareTuples(distance(a, wanted), distance(b, wanted));
  const above = (a[0] ?? 0) > (wanted[0] ?? 0);
  return above ? compareTuples(a, b) : compareTuples(b, a);
}

function nearest(versions: readonly TableVersion[], target: string): TableVersion | undefined {
  const wanted = release(target);
  let best: TableVersion | undefined;
  for (const candidate of versions) {
    if (best === undefined || nearer(release(candidate.version), release(best.version), wanted) < 0) best = candidate;
  }
  return best;
}

/** A PEP 440 pre-release or development release (`2.1.0b3`, `1.0rc1`, `2.0.dev1`); an unparsable version is not. */
function isPrerelease(version: string): boolean {
  return explain(version)?.is_prerelease === true;
}

function safeSatisfies(version: string, specifier: string): boolean {
  try {
    return satisfies(version, specifier);
  } catch {
    return false;
  }
}

/** Answers per installed table: a plan re-estimates the same requirements at every step. */
let memo: { table: PythonTable | null; answers: Map<string, PackageFacts | null> } = { table: null, answers: new Map() };

/** The facts for `name` under `specifier` on `platform`, or null when the table does not hold the project. */
export function findPackage(name: string, specifier: string | null, platform: Platform): PackageFacts | null {
  const table = pythonTable();
  if (memo.table !== table) memo = { table, answers: new Map() };
  const key = `${name}|${specifier ?? ""}|${platform.python}|${platform.libc}|${platform.arch}|${platform.glibcMinor ?? ""}`;
  const hit = memo.answers.get(key);
  if (hit !== undefined) return hit;
  const answer = lookup(table, name, specifier, platform);
  memo.answers.set(key, answer);
  return answer;
}

function lookup(table: PythonTable | null, name: string, specifier: string | null, platform: Platform): PackageFacts | null {
  const normalized = normalizePackageName(name);
  const all = table?.versions(normalized) ?? null;
  if (all === null || all.length === 0) return null;
  const legacy = normalized === "torch" && platform.arch === "x86_64" && platform.libc === "glibc" ? legacyTorch(specifier) : null;
  if (legacy !== null) return legacyTorchFacts(legacy, specifier, platform);
  // A version the data holds without any size (no wheel, no sdist: a lock that read another index) cannot
  // be weighed: a sized one stands in for it, unless the project has none.
  // A version held with an sdist and no wheels may have had wheels the lock did not record (a lock made
  // with no-binary, or from another index): where other versions have wheels, those stand in for it.
  const withWheels = all.filter((ver) => ver.wheels.length > 0);
  const sized = all.filter((ver) => ver.wheels.length > 0 || ver.sdistBytes !== null);
  const versions = withWheels.length > 0 ? withWheels : sized.length > 0 ? sized : all;
  const spec = specifier === null || specifier.trim() === "" ? null : specifier.replace(/\s+/g, "");
  let chosen: TableVersion | undefined;
  let choice: VersionChoice;
  // Why a stand-in keeps its own dependencies where the pin's row has some (withOwnDependencies).
  let dependenciesNote: string | null = null;
  if (spec === null || !validRange(spec)) {
    // pip takes a pre-release only when asked (a specifier naming one, `--pre`) or when the project has no
    // final release: the lock files behind the table also hold betas (sqlalchemy 2.1.0b3 above 2.0.52).
    const finals = versions.filter((ver) => !isPrerelease(ver.version));
    const pool = finals.length > 0 ? finals : versions;
    chosen = pool.find((ver) => pickWheel(ver.wheels, platform) !== null) ?? pool[0];
    choice = "newest";
  } else {
    const matching = versions.filter((ver) => safeSatisfies(ver.version, spec));
    chosen = matching[0];
    choice = "matched";
    if (chosen === undefined) {
      const target = specifierTarget(spec);
      chosen = (target === null ? undefined : nearest(versions, target)) ?? versions[0];
      choice = "nearest";
      if (chosen !== undefined && target !== null) {
        const own = withOwnDependencies(chosen, all, spec, target);
        chosen = own.version;
        dependenciesNote = own.note;
      }
    }
  }
  if (chosen === undefined) return null;
  const own = pickWheel(chosen.wheels, platform);
  const older = own === null ? otherPythonWheel(chosen.wheels, platform, choice === "nearest", () => earlierHasOwnWheel(all, chosen, platform)) : null;
  const wheel = own ?? older?.wheel ?? null;
  const pure = wheel !== null ? isPureTag(wheel[0]) : chosen.wheels.some(([tag]) => isPureTag(tag));
  const target = choice === "nearest" && spec !== null ? specifierTarget(spec) : null;
  // A project whose C extension is optional installs as pure Python without a wheel: nothing to plan for.
  const doubtful = older?.doubt === true && !pure && optionalExtension(normalized) === null
    ? `the tables hold only cp3${older.minor} wheels of ${normalized} ${chosen.version} (one lock file's), so whether it has a ${platform.libc === "musl" ? "musllinux " : ""}wheel for CPython ${platform.python} is not known`
    : null;
  const compiled = wheel !== null && !pure && optionalExtension(normalized) === null;
  const mayCompile = (wheel === null && !pure && choice !== "nearest" && !exactPin(spec) ? unknownPick(normalized, chosen, platform) : null)
    ?? doubtful
    ?? (compiled && target !== null ? pinMayLackWheel(normalized, all, chosen, target, wheel, platform) : null)
    ?? (compiled ? muslMayLackWheel(normalized, all, chosen, target, older?.minor ?? null, platform) : null);
  const notes = [
    choice === "nearest" ? `${normalized} ${chosen.version} stands in for ${normalized}${spec ?? ""}${chosen.dependenciesOf === undefined ? "" : `, with the dependencies the tables list for ${chosen.dependenciesOf}`}${dependenciesNote === null ? "" : `, ${dependenciesNote}`}` : null,
    older === null ? null : older.wheel[0].includes("musllinux") || platform.libc !== "musl"
      ? `the harvested lock files hold no cp${platform.python.replace(".", "")} wheel of ${normalized} ${chosen.version} (uv.lock leaves out wheels outside the locking project's Pythons): its cp3${older.minor} wheel stands in`
      : `the harvested lock files hold no musllinux wheel of ${normalized} ${chosen.version} (uv.lock leaves out wheels outside the locking project's Pythons and platforms): its cp3${older.minor} manylinux wheel stands in`,
  ].filter((n) => n !== null);
  return {
    name: normalized,
    version: chosen,
    choice,
    specifier: spec,
    standIn: notes.length === 0 ? null : notes.join("; "),
    wheel,
    buildsFromSource: wheel === null,
    compiles: wheel === null && !pure && chosen.wheels.length > 0,
    pure,
    mayCompile,
  };
}

/**
 * mayCompile's answer. The pin's wheel for this image is in doubt only where the tables show the image's
 * CPython arriving within the project's releases they hold: a release before the first with its wheel
 * that has wheels for older CPythons only. Then a pin older than that first release may predate it
 * (Pillow 9.0.1 on 3.11: 9.5.0 has no cp311 wheel in the tables, 10.0.0 has). Null where the pin is newer
 * than its stand-in, the stand-in's wheel is abi3 (one wheel for every later CPython, kept once adopted), a
 * release at or before the pin has the wheel (the pin, newer, has it too), no release is known to predate
 * the CPython (it came before everything the tables hold: markupsafe 2.1.1 on 3.9), or the pin is of the
 * minor series that first has the wheel while every release known to predate it is of an earlier series
 * (numpy 1.26.3 on 3.12: 1.24.4 has no cp312 wheel, 1.26.4 has; the series brought the new CPython).
 */
function pinMayLackWheel(name: string, all: readonly TableVersion[], chosen: TableVersion, target: string, wheel: readonly [string, number], platform: Platform): string | null {
  const pin = release(target);
  if (compareTuples(pin, release(chosen.version)) >= 0 || /-abi3-/.test(wheel[0])) return null;
  const withOwn = all.filter((ver) => pickWheel(ver.wheels, platform) !== null);
  if (withOwn.some((ver) => compareTuples(release(ver.version), pin) <= 0)) return null;
  const oldest = withOwn.reduce<TableVersion | null>((best, ver) => (best === null || compareTuples(release(ver.version), release(best.version)) < 0 ? ver : best), null);
  const before = all.filter((ver) => predatesPython(ver, platform) && (oldest === null || compareTuples(release(ver.version), release(oldest.version)) < 0));
  if (before.length === 0) return null;
  const series = (r: readonly number[]) => `${r[0] ?? 0}.${r[1] ?? 0}`;
  if (oldest !== null && series(release(oldest.version)) === series(pin) && before.every((ver) => series(release(ver.version)) !== series(pin))) return null;
  const latest = before.reduce((best, ver) => (compareTuples(release(ver.version), release(best.version)) > 0 ? ver : best));
  const python = `CPython ${platform.python}`;
  const first = oldest === null ? `the tables hold no ${name} wheel for ${python} on this image` : `the first release the tables hold with a wheel for ${python} on this image is ${oldest.version}`;
  return `${name} ${target} may have no wheel for ${python} (${first}, and ${latest.version} has wheels for older CPythons only)`;
}

/** `==1.2.3` or `===1.2.3`: the user named the one version pip installs (`==1.2.*` names a series). */
function exactPin(spec: string | null): boolean {
  return spec !== null && /^===?[^,*]+$/.test(spec);
}

/**
 * No pin, no wheel here, and the version read (the newest the tables hold, or the newest a range admits) has
 * wheels for newer CPythons only: a release that dropped the image's Python. pip skips the releases whose
 * Requires-Python excludes it (numpy 2.x on CPython 3.6: it takes 1.19.5, with cp36 manylinux wheels), and
 * the data has no Requires-Python, so which release pip installs, and whether it compiles, is not known.
 */
function unknownPick(name: string, chosen: TableVersion, platform: Platform): string | null {
  const minors = cpythonMinors(chosen.wheels);
  if (minors.length === 0 || Math.min(...minors) <= ownMinor(platform)) return null;
  return `${name} ${chosen.version}, the release the tables read for it, has wheels for CPython 3.${Math.min(...minors)} and newer only: on CPython ${platform.python} pip installs an older release the tables do not hold, which may well have a wheel for this image`;
}

/**
 * On musl, a compiled project whose musllinux wheel is another release's: a pin older than the stand-in
 * with no release at or before it holding a musllinux wheel for this Python (lxml==4.2.5, weighed as
 * 4.9.4), or a release built for newer CPythons only (numpy 2.x on python:3.6-alpine, where pip installs
 * 1.19.5). musllinux wheels exist only since PEP 656 (2021): the release pip installs may have none, and
 * then compiles. On glibc manylinux wheels go back far enough that such a stand-in is not in doubt.
 */
function muslMayLackWheel(name: string, all: readonly TableVersion[], chosen: TableVersion, target: string | null, wheelMinor: number | null, platform: Platform): string | null {
  if (platform.libc !== "musl") return null;
  const python = `CPython ${platform.python}`;
  if (target !== null && compareTuples(release(target), release(chosen.version)) < 0) {
    const pin = release(target);
    if (all.some((ver) => compareTuples(release(ver.version), pin) <= 0 && pickWheel(ver.wheels, platform) !== null)) return null;
    return `${name} ${target} may have no musllinux wheel for ${python}: the wheel weighed is ${chosen.version}'s, and the tables hold none of a release at or before ${target} (musllinux wheels exist only since 2021, PEP 656)`;
  }
  if (target === null && wheelMinor !== null && wheelMinor > ownMinor(platform)) {
    return `${name} ${chosen.version} has wheels for newer CPythons only: on ${python} pip installs an older release (or builds the sdist), which may have no musllinux wheel (they exist only since 2021, PEP 656)`;
  }
  return null;
}

/** The wheel size a bundled-CUDA torch release is taken at (pip's cache keeps it): 1.12.1's cp310 x86_64
 *  wheel, 776.3 MB; the 1.4–1.12 wheels were 750–880 MB. */
export const LEGACY_TORCH_WHEEL_BYTES = 776_300_000;

/** A torch release of the bundled-CUDA era, as a table version would hold it: a wheel per CPython it was
 *  built for (manylinux1, x86_64), no sdist, and its own few requirements in place of 2.x's CUDA wheels. */
function legacyTorchFacts(legacy: LegacyTorch, specifier: string | null, platform: Platform): PackageFacts {
  const [oldest, newest] = legacy.pythonMinors;
  const wheels: [string, number][] = [];
  for (let minor = oldest; minor <= newest; minor++) wheels.push([`cp3${minor}-cp3${minor}${minor <= 7 ? "m" : ""}-manylinux1_x86_64`, LEGACY_TORCH_WHEEL_BYTES]);
  const version: TableVersion = {
    version: legacy.version,
    deps: legacy.deps.map((dep) => [dep, null, null] as const),
    extras: {},
    sdistBytes: null,
    wheels,
    source: "PyTorch's release compatibility matrix (pytorch/pytorch RELEASE.md) and release notes: the CPythons of torch 1.x's x86_64 wheels",
    date: null,
  };
  const wheel = pickWheel(wheels, platform);
  return {
    name: "torch",
    version,
    choice: "matched",
    specifier: specifier === null ? null : specifier.replace(/\s+/g, ""),
    standIn: `torch ${legacy.version} is one wheel with CUDA inside (torch before 1.13 required no nvidia-* wheels), for CPython 3.${oldest}–3.${newest}`,
    wheel,
    buildsFromSource: wheel === null,
    // Nothing to compile: torch published no sdist, so without a wheel pip finds no version at all.
    compiles: false,
    pure: false,
    mayCompile: null,
    legacyTorch: legacy,
  };
}

/** True when a release older than `version` has a wheel for the platform, its CPython included. */
function earlierHasOwnWheel(all: readonly TableVersion[], version: TableVersion, platform: Platform): boolean {
  const at = release(version.version);
  return all.some((ver) => compareTuples(release(ver.version), at) < 0 && pickWheel(ver.wheels, platform) !== null);
}

/**
 * A stand-in weighs the pin by its own wheels, but installs what the pin requires: where the table holds the
 * pinned release (or one nearer to it) without sizes, that row's dependencies and extras are the ones
 * followed. xgboost==1.6.1 stood in as 2.1.4, and brought the 485 MB nvidia-nccl-cu12 that only 2.0 began to
 * require, though the table's 1.6.0 row lists numpy and scipy alone.
 */
function withOwnDependencies(standIn: TableVersion, all: readonly TableVersion[], spec: string, target: string): { version: TableVersion; note: string | null } {
  const own = all.find((ver) => safeSatisfies(ver.version, spec)) ?? nearest(all, target);
  if (own === undefined || own === standIn || own.version === standIn.version) return { version: standIn, note: null };
  if (nearer(release(own.version), release(standIn.version), release(target)) >= 0) return { version: standIn, note: null };
  if (otherPlatformOnly(own)) return { version: standIn, note: `with its own dependencies: the tables list ${own.version}'s for another platform only (${own.deps[0]?.[1] ?? ""})` };
  return { version: { ...standIn, deps: own.deps, extras: own.extras, dependenciesOf: own.version }, note: null };
}

/**
 * A row whose dependencies all carry one marker that is false on Linux was harvested from a lock resolved
 * for another platform alone (uv writes its fork's marker on each): torch 2.2.2's six, all `platform_machine
 * == 'x86_64' and sys_platform == 'darwin'`, from a macOS lock that never saw the nvidia-* and triton wheels
 * Linux requires. Not the list pip installs on Linux. One dependency alone (colorama on win32) may be the
 * project's own marker.
 */
function otherPlatformOnly(ver: TableVersion): boolean {
  const markers = new Set(ver.deps.map(([, marker]) => marker));
  const [only] = markers;
  return ver.deps.length > 1 && markers.size === 1 && only != null && evaluateMarkerText(only, undefined).result === false;
}

/** The CPython 3 minors a version's wheels are built for (`cp311-…` → 11), each once. */
function cpythonMinors(wheels: TableVersion["wheels"]): number[] {
  return [...new Set(wheels.flatMap(([tag]) => {
    const m = /^cp3(\d+)-/.exec(tag);
    return m === null ? [] : [Number(m[1])];
  }))];
}

/** The image's CPython 3 minor (3.12 when the platform names none). */
function ownMinor(platform: Platform): number {
  return Number(platform.python.split(".")[1] ?? "12");
}

/** A release with wheels for this platform for older CPythons only (none abi3 for this one): it came
 *  before the image's CPython did. */
function predatesPython(ver: TableVersion, platform: Platform): boolean {
  if (pickWheel(ver.wheels, platform) !== null) return false;
  const own = ownMinor(platform);
  const minors = cpythonMinors(ver.wheels);
  if (minors.length === 0) return false;
  const newest = Math.max(...minors);
  return newest < own && pickWheel(ver.wheels, { ...platform, python: `3.${newest}` }) !== null;
}

/**
 * A wheel for the image's platform built for another CPython, where the data cannot show that the image's
 * own is missing. The data comes from uv.lock files, and uv drops wheels outside the locking project's
 * requires-python: a cp39 wheel PyPI has is missing from a lock made for 3.10+. Two cases stand in:
 * - every wheel of the version is for a newer CPython than the image's: the nearest newer one;
 * - the version itself stands in for a pin the table lacks (`standIn`): the nearest CPython's, either side,
 *   since the pinned release may well have had the image's wheel;
 * - every wheel of the version is for an older CPython than the image's, while an earlier release already
 *   has the image's (`earlierHasOwn`): the image's CPython came first, and a project does not drop a Python
 *   it supports for an older one, so the lock only kept its own Python's wheels (Pillow 9.5.0 held with cp37
 *   wheels alone, where 9.3.0 has cp311's); with no earlier release to show it, only where the version holds
 *   one CPython's wheels (a lock's share, not a release's set), and then in doubt (`doubt`).
 * Claiming a source build there would be wrong (and a false build-check error). Null when the image's
 * Python falls between the version's wheels: then a missing wheel really is missing, and pip builds.
 */
function otherPythonWheel(wheels: TableVersion["wheels"], platform: Platform, standIn: boolean, earlierHasOwn: () => boolean): { wheel: TableVersion["wheels"][number]; minor: number; doubt: boolean } | null {
  const minors = cpythonMinors(wheels);
  if (minors.length === 0) return null;
  const own = ownMinor(platform);
  const allNewer = own < Math.min(...minors);
  const allOlder = own > Math.max(...minors);
  const confident = standIn || allNewer || (allOlder && earlierHasOwn());
  // One CPython's wheels alone (on Alpine: with no musllinux wheel among them) is one lock's share of a
  // release, not its whole set: stood in for, in doubt (the caller says the install may compile).
  const musl = platform.libc === "musl";
  const thin = !confident && minors.length === 1 && (musl ? !wheels.some(([tag]) => tag.includes("musllinux")) : allOlder);
  if (!confident && !thin) return null;
  const platforms: Platform[] = thin && musl ? [platform, { ...platform, libc: "glibc", glibcMinor: null }] : [platform];
  const byDistance = minors.sort((a, b) => Math.abs(a - own) - Math.abs(b - own) || b - a);
  for (const minor of byDistance) {
    for (const on of platforms) {
      const wheel = pickWheel(wheels, { ...on, python: `3.${minor}` });
      if (wheel !== null) return { wheel, minor, doubt: thin };
    }
  }
  return null;
}
