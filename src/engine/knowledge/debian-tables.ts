// Debian system packages per release (bullseye, bookworm, trixie; amd64, main), from Debian's own package
// lists: does a name exist in a release, what does `apt-get install` (with or without
// --no-install-recommends) add on top of what a stage has, and which runtime libraries a `-dev` package stands for. The tables are data installed
// at run time (`installDebianTable`: the worker fetches the file, Node reads it from disk; see
// src/node/load-tables.ts) and read a row at a time (debian-table-reader.ts); until one is installed every lookup for that release answers "unknown" (null,
// false, or everything in `unknown`), and callers fall back to the hand-made rows of system-packages.ts.
import { DEBIAN_RELEASES } from "./python-tag";
import { DEBIAN_TABLE_RELEASES, type DebianRelease } from "./debian-table-schema";
import { nameOf, realRow, table, type InstalledTable } from "./debian-table-store";
import type { SourceRef } from "./types";

export type { DebianRelease } from "./debian-table-schema";
export {
  installDebianTable,
  registerDebianTableLoader,
  debianTableError,
  clearDebianTables,
  installedDebianReleases,
  type DebianTableLoader,
  type InstallResult,
} from "./debian-table-store";
export type { DebianTableSource } from "./debian-table-reader";

const KIB = 1024;

/**
 * The release whose table describes `distro` (a codename from the base-image table), and why another
 * stands in when it differs. Null for what is not Debian (Ubuntu codenames, Alpine) or not known.
 */
export function debianReleaseOf(distro: string | null): { release: DebianRelease; standIn: string | null } | null {
  if (distro === null) return null;
  const name = distro.trim().toLowerCase();
  if ((DEBIAN_TABLE_RELEASES as readonly string[]).includes(name)) return { release: name as DebianRelease, standIn: null };
  const number = DEBIAN_RELEASES[name];
  if (number === undefined) return null;
  if (number < 11) return { release: "bullseye", standIn: `no ${name} table (Debian ${number}); bullseye's, the oldest release with one, stands in` };
  return { release: "trixie", standIn: `no ${name} table (Debian ${number}); trixie's, the newest release with one, stands in` };
}

/**
 * The Debian release whose table stands in for an Ubuntu release's apt: the one of the same era, whose
 * packages Ubuntu's are built from (22.04 jammy was frozen from Debian's bookworm-era testing, 24.04 noble
 * from trixie's, 20.04 focal from bullseye's; older ones read bullseye's, newer ones trixie's). Ubuntu's own
 * package lists are not in the tables (only Debian's archive was reachable to build them), and the common
 * names (python3, python3-pip, build-essential, libpq-dev, curl, git) are the same packages at nearby versions.
 */
const UBUNTU_AS_DEBIAN: Readonly<Record<string, DebianRelease>> = {
  xenial: "bullseye", bionic: "bullseye", focal: "bullseye", jammy: "bookworm", noble: "trixie",
};

export function debianReleaseOfUbuntu(codename: string | null): DebianRelease {
  return UBUNTU_AS_DEBIAN[codename?.trim().toLowerCase() ?? ""] ?? "trixie";
}

/** Debian's release numbers as some base-image rows write the distro (`debian12`, distroless). */
const NUMBERED: Readonly<Record<string, DebianRelease>> = { "11": "bullseye", "12": "bookworm", "13": "trixie" };

/**
 * The release whose own table answers for `distro` — a codename, or Debian's number (`debian12`, `12`) —
 * or null where another release's table would only stand in, or it is not Debian. For answers that must
 * not be guessed from another release: package names, library names.
 */
export function exactDebianRelease(distro: string | null): DebianRelease | null {
  if (distro === null) return null;
  const name = distro.trim().toLowerCase().replace(/^debian-?/, "");
  const found = debianReleaseOf(NUMBERED[name] ?? name);
  return found === null || found.standIn !== null ? null : found.release;
}

/** A Debian apt argument without its version pin (`=…`), target release (`/…`) or architecture (`:amd64`). */
function cleanName(arg: string): string {
  return arg.trim().toLowerCase().replace(/[=/].*$/, "").replace(/:[a-z0-9-]+$/, "");
}

export interface DebianPackageFacts {
  readonly name: string;
  readonly version: string;
  /** Installed-Size × 1024 (dpkg's estimate of the unpacked size). */
  readonly installedBytes: number;
  /** Depends + Pre-Depends, first alternative of each group, versions and `:any` dropped. */
  readonly depends: readonly string[];
  readonly section: string;
  /** The virtual name asked for when this package provides it; null when asked by its own name. */
  readonly providedFor: string | null;
  readonly source: SourceRef;
}

/** How `apt-get install NAME` reads a name in a release: a real package, a virtual one and its providers, or nothing. */
export type DebianNameKind = { kind: "real" } | { kind: "virtual"; providers: readonly string[] } | null;

export function debianNameKind(name: string, release: DebianRelease): DebianNameKind {
  const t = table(release);
  const i = t?.rows.find(cleanName(name));
  const row = i === undefined ? undefined : t?.rows.row(i);
  if (t === undefined || row === undefined || row.kind === "mentioned") return null; // mentioned only in a Depends: neither real nor provided
  if (row.kind === "real") return { kind: "real" };
  return { kind: "virtual", providers: row.providers.map((p) => nameOf(t, p)) };
}

/** The real package row a name's row stands for: itself, or a provider (one in `prefer` first). */
function realIndex(t: InstalledTable, i: number, prefer: (name: string) => boolean): number | null {
  const row = t.rows.row(i);
  if (row === undefined || row.kind === "mentioned") return null;
  if (row.kind === "real") return i;
  const chosen = row.providers.find((p) => prefer(nameOf(t, p))) ?? row.providers[0];
  // A provider is a real package in any table the generator wrote; a damaged one is as good as none.
  return chosen !== undefined && realRow(t, chosen) !== undefined ? chosen : null;
}

function facts(t: InstalledTable, i: number, providedFor: string | null, release: DebianRelease): DebianPackageFacts | null {
  const row = realRow(t, i);
  if (row === undefined) return null;
  return {
    name: row.name,
    version: row.version,
    installedBytes: row.kib * KIB,
    depends: row.deps.map((d) => nameOf(t, d)),
    section: row.section,
    providedFor,
    source: sourceOf(t, row.name, release, providedFor),
  };
}

function sourceOf(t: InstalledTable, name: string, release: DebianRelease, providedFor: string | null): SourceRef {
  return {
    table: "system-packages",
    key: `debian-${release}:${name}`,
    source: t.citation,
    date: t.date,
    ...(providedFor === null ? {} : { note: `${providedFor} is a virtual name in ${release}; ${name} provides it` }),
  };
}

/** The citation of a release's table for `name` (even one it lacks, to say where it was looked for); null without a table. */
export function debianTableSource(name: string, release: DebianRelease): SourceRef | null {
  const t = table(release);
  return t === undefined ? null : sourceOf(t, cleanName(name), release, null);
}

/** A real package, or the package providing a virtual name (`libssl3` on trixie → libssl3t64); null if the release has neither. */
export function debianPackage(name: string, release: DebianRelease): DebianPackageFacts | null {
  const t = table(release);
  const clean = cleanName(name);
  const i = t?.rows.find(clean);
  if (t === undefined || i === undefined) return null;
  let known = packageFacts.get(t);
  if (known === undefined) packageFacts.set(t, (known = new Map()));
  const hit = known.get(clean);
  if (hit !== undefined) return hit;
  const real = realIndex(t, i, () => false);
  const found = real === null ? null : facts(t, real, real === i ? null : clean, release);
  known.set(clean, found);
  return found;
}

/**
 * debianPackage's answers by table (a WeakMap: a table installed again starts afresh; each is one
 * release's) and name, for the names the table has (so at most one per row): the estimator asks for every
 * `apt-get install NAME` it weighs, and a `bulk` file repeats one install thousands of times, each mapping
 * the package's Depends to names again. Facts are read-only.
 */
const packageFacts = new WeakMap<object, Map<string, DebianPackageFacts | null>>();

/**
 * True when `apt-get install NAME` finds something to install in the release: a real package, or a virtual
 * name with exactly one provider (apt selects it; with several it refuses and asks which).
 */
export function debianPackageExists(name: string, release: DebianRelease): boolean {
  const kind = debianNameKind(name, release);
  return kind !== null && (kind.kind === "real" || kind.providers.length === 1);
}

export interface DebianInstallOptions {
  /**
   * Also walk Recommends (apt's default, APT::Install-Recommends): apt installs the Recommends of every
   * package it newly installs "as if those were depends" (the APT team's announcement of the default,
   * lists.debian.org/debian-devel-announce/2007/08/msg00000.html), so the recommends of a recommended
   * package are installed too, and the Depends of each. Present packages are not walked: apt does not
   * install the missing Recommends of what is already installed.
   */
  readonly recommends?: boolean;
  /** Names read as present (the walk neither adds nor enters them): what an install adds without them. */
  readonly blocked?: ReadonlySet<string>;
}

export interface DebianInstallClosure {
  /** Packages the install adds, in the order they were reached (requested ones first). */
  added: string[];
  /** Installed-Size × 1024 summed over `added`. */
  bytes: number;
  /** Requested names the release does not have (a build fails on them). */
  unknown: string[];
  sources: SourceRef[];
}

/**
 * What `apt-get install --no-install-recommends names…` adds on top of `present` (the base image's packages
 * plus what earlier instructions installed): the Depends/Pre-Depends closure, first alternative of each
 * group, virtual names satisfied by a present provider or else by their first provider. Packages already
 * present are not walked further (their dependencies are already satisfied). With `recommends`, what a
 * plain `apt-get install names…` adds: Recommends are walked as Depends are.
 */
export function debianInstallClosure(
  names: readonly string[], release: DebianRelease, present: ReadonlySet<string>, options: DebianInstallOptions = {},
): DebianInstallClosure {
  const recommends = options.recommends === true;
  const t = table(release);
  const result: DebianInstallClosure = { added: [], bytes: 0, unknown: [], sources: [] };
  if (t === undefined) {
    result.unknown.push(...names.map(cleanName));
    return result;
  }
  const added = new Set<number>();
  const blocked = options.blocked;
  const have = (name: string): boolean => present.has(name) || blocked?.has(name) === true;
  const queue: number[] = [];
  const visit = (i: number): void => {
    const real = realIndex(t, i, (n) => have(n) || added.has(t.rows.find(n) ?? -1));
    if (real === null) return; // a dependency no package provides (rare; counted by the table invariants test)
    const name = nameOf(t, real);
    if (added.has(real) || have(name)) return;
    added.add(real);
    result.added.push(name);
    queue.push(real);
  };
  for (const raw of names) {
    const clean = cleanName(raw);
    const i = t.rows.find(clean);
    if (i === undefined || !debianPackageExists(clean, release)) {
      result.unknown.push(clean);
      continue;
    }
    visit(i);
  }
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const row = realRow(t, next);
    for (const d of row?.deps ?? []) visit(d);
    if (recommends) for (const d of row?.recs ?? []) visit(d);
  }
  for (const i of added) result.bytes += (realRow(t, i)?.kib ?? 0) * KIB;
  if (result.added.length > 0) {
    result.sources.push({
      ...sourceOf(t, names.map(cleanName).join(" "), release, null),
      note: `apt-get install${recommends ? " (with Recommends)" : " --no-install-recommends"} closure on ${release}: ${result.added.length} packages (${result.added.join(", ")}), Installed-Size summed`,
    });
  }
  return result;
}

export interface DebianRecommendsWeight {
  /** Packages only the Recommends bring (with their own Depends), biggest first, with Installed-Size × 1024. */
  readonly packages: readonly { readonly name: string; readonly bytes: number }[];
  /** Their sum: what --no-install-recommends saves on this install. */
  readonly bytes: number;
  readonly sources: SourceRef[];
}

/**
 * What `--no-install-recommends` leaves out of `apt-get install names…` on top of `present`: the packages
 * of the closure with Recommends that the closure without them lacks. Null without a table. A caller that
 * already has the closure with Recommends (same names, release and present) passes it to save a walk.
 */
export function debianRecommendsWeight(
  names: readonly string[], release: DebianRelease, present: ReadonlySet<string>, withRecommends?: DebianInstallClosure,
): DebianRecommendsWeight | null {
  const t = table(release);
  if (t === undefined) return null;
  const without = new Set(debianInstallClosure(names, release, present).added);
  const packages = (withRecommends ?? debianInstallClosure(names, release, present, { recommends: true })).added
    .filter((name) => !without.has(name))
    .map((name) => ({ name, bytes: (realRow(t, t.rows.find(name) ?? -1)?.kib ?? 0) * KIB }))
    .sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
  const bytes = packages.reduce((sum, p) => sum + p.bytes, 0);
  const sources = packages.length === 0 ? [] : [{
    ...sourceOf(t, names.map(cleanName).join(" "), release, null),
    note: `Recommends closure on ${release} beyond the Depends closure: ${packages.length} packages (${packages.map((p) => p.name).join(", ")}), Installed-Size summed`,
  }];
  return { packages, bytes, sources };
}

/** The packages the release's python:X-slim image is modelled to hold (see the table's base.method); empty when no table. */
export function debianBasePackages(release: DebianRelease): ReadonlySet<string> {
  return table(release)?.base ?? new Set();
}

/** The packages of debian:<release>-slim (and, closely, debian:<release>): Priority: required + apt + adduser, closed. */
export function debianOsBasePackages(release: DebianRelease): ReadonlySet<string> {
  return table(release)?.minbase ?? new Set();
}

/** How the base set was modelled, for the user (null when no table is installed). */
export function debianBaseMethod(release: DebianRelease): string | null {
  return table(release)?.baseMethod ?? null;
}

/** Sections whose packages are shared libraries (Debian policy §8: run-time libraries go in `libs`). */
const LIBRARY_SECTIONS = new Set(["libs", "oldlibs"]);
/** Not what a built extension needs at run time: headers, toolchains, and libc itself (every image has it). */
const NOT_RUNTIME = /(-dev|-dbg|-doc|-common|-data|-bin|-tools|-utils)$|^(libc6|libc-bin|gcc(-\d+)?|g\+\+(-\d+)?|cpp(-\d+)?|binutils|libgcc-s1|libstdc\+\+6)$/;

/** How many wrapper `-dev` levels to look through (default-libmysqlclient-dev → libmariadb-dev-compat →
 *  libmariadb-dev → libmariadb3 is the deepest chain seen: 3). */
const MAX_DEV_DEPTH = 4;

/**
 * Runtime shared-library packages a `-dev` package links against, from its own Depends: the entries in a
 * library section that are not headers or toolchain (libpq-dev → ["libpq5"], libffi-dev → ["libffi8"]).
 * A `-dev` package whose Depends hold no library is a wrapper (libjpeg-dev → libjpeg62-turbo-dev,
 * libgl1-mesa-dev → libgl-dev): the libraries of the `-dev` packages it depends on stand for it, up to
 * MAX_DEV_DEPTH levels. Virtual dependencies resolve to their provider. Empty when unknown or none.
 */
export function runtimeLibrariesOf(devPackage: string, release: DebianRelease): string[] {
  const t = table(release);
  const first = debianPackage(devPackage, release);
  if (t === undefined || first === null) return [];
  const seen = new Set<string>([first.name]);
  let level: DebianPackageFacts[] = [first];
  for (let depth = 0; depth < MAX_DEV_DEPTH && level.length > 0; depth++) {
    const libs: string[] = [];
    const wrapped: DebianPackageFacts[] = [];
    for (const pkg of level) {
      for (const dep of pkg.depends) {
        const facts = debianPackage(dep, release);
        if (facts === null || seen.has(facts.name)) continue;
        seen.add(facts.name);
        if (LIBRARY_SECTIONS.has(facts.section) && !NOT_RUNTIME.test(facts.name)) libs.push(facts.name);
        else if ((facts.section === "libdevel" || /-dev(-|$)/.test(facts.name)) && facts.name !== "libc6-dev") wrapped.push(facts);
      }
    }
    if (libs.length > 0) return libs;
    level = wrapped;
  }
  return [];
}
