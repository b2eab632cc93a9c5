// What an install asks for, as the wheel table reads it: the stage's platform (CPython, libc, Debian
// release, arch setting), each requirement as name + specifier + extras + marker, the closure an install
// writes (the wheel table's, else the bundled table's), and the stand-in note for pins the table lacks.
import { constrained, findPackage, findPythonPackage, GLIBC_MINOR_BY_RELEASE, normalizePackageName, pythonTable, resolvePackageClosure, resolvePythonClosure, type ClosureRequest, type Platform } from "../knowledge";
import { LruCache } from "../cache/lru";
import type { Requirement } from "../requirements/model";
import { ASSUMPTIONS } from "./assumptions";
import type { EstimateContext } from "./context";
import type { StageState } from "./stage-state";

/** The image a stage installs wheels for: its CPython, libc and Debian release, and the arch setting. */
export function stagePlatform(ctx: EstimateContext, stage: StageState): Platform {
  return {
    python: stage.pythonMinor ?? "3.12",
    libc: stage.libc ?? "glibc",
    arch: ctx.settings.arch,
    glibcMinor: stage.distro === null ? null : (GLIBC_MINOR_BY_RELEASE[stage.distro] ?? null),
    ...(stage.muslMinor === undefined ? {} : { muslMinor: stage.muslMinor }),
  };
}

/** A parsed requirement as the closure reads it; null for a URL or path that names no project. */
export function requestOf(requirement: Requirement): ClosureRequest | null {
  if (requirement.name === null) return null;
  return { name: requirement.name, specifier: requirement.specifier === "" ? null : requirement.specifier, extras: requirement.extras, marker: requirement.marker };
}

/** A name alone (a wheel file already in the stage): no specifier, extras or marker. */
export function bare(name: string): ClosureRequest {
  return { name, specifier: null, extras: [], marker: null };
}

/** Name the table version that stands in for each pinned version the table does not hold: every
 *  install's stand-ins join one list (apache-airflow==1.10.2, weighed as 2.4.3, was a third install's, unnamed). */
export function notePins(ctx: EstimateContext, stage: StageState, requirements: readonly Requirement[], line: number): void {
  const differing = pinNotesOf(requirements, stagePlatform(ctx, stage));
  if (differing.length > 0) ctx.assumeEach(ASSUMPTIONS.tableVersion.id, differing, tableVersionText, line);
}

function tableVersionText(listed: string): string {
  return `${ASSUMPTIONS.tableVersion.text} Here: ${listed}.`;
}

/** Counted, not timed (a scaling test reads it): pins looked up one by one by `pinNotesOf`. */
export const pinNoteWork = { pinsRead: 0 };

/**
 * notePins's notes for a list of requirements, once per list, table and platform: a resolved requirements
 * file is one list for the whole plan (resolved-requirements.ts), and a long Dockerfile installs it at
 * every stage — reading its every pin again (a key built and looked up per pin) was a tenth of the
 * estimate of the `bulk` fuzz case 154. A one-requirement list (a command-line spec) is a new array each
 * time: not kept, its one pin goes to nearestPinNote's cache as before.
 */
const listNotes = new WeakMap<readonly Requirement[], { readonly table: object | null; readonly byPlatform: Map<string, readonly string[]> }>();

function pinNotesOf(requirements: readonly Requirement[], platform: Platform): readonly string[] {
  const table = pythonTable();
  if (requirements.length < 2) return readPinNotes(table, requirements, platform);
  let held = listNotes.get(requirements);
  if (held === undefined || held.table !== table) listNotes.set(requirements, (held = { table, byPlatform: new Map() }));
  const key = `${platform.python}\u0000${platform.libc}\u0000${platform.arch}\u0000${platform.glibcMinor ?? ""}`;
  let notes = held.byPlatform.get(key);
  if (notes === undefined) held.byPlatform.set(key, (notes = readPinNotes(table, requirements, platform)));
  return notes;
}

function readPinNotes(table: object | null, requirements: readonly Requirement[], platform: Platform): string[] {
  return requirements.flatMap((r) => {
    // Any specifier the table cannot satisfy (`==0.12.*`, `<1.0`, a pin) gets its stand-in named.
    if (r.name === null || r.specifier === "") return [];
    pinNoteWork.pinsRead++;
    if (table !== null) {
      const note = nearestPinNote(table, r.name, r.rawName, r.specifier, platform);
      return note === null ? [] : [note];
    }
    if (r.pinnedVersion === null) return [];
    const row = findPythonPackage(r.name);
    return row?.version != null && row.version !== r.pinnedVersion ? [`${row.name} ${row.version} for ${r.rawName ?? r.name}==${r.pinnedVersion}`] : [];
  });
}

/**
 * What notePins says of one pin the wheel table answers with another version, or null: by the table (a
 * WeakMap: a new table starts afresh), the platform and the requirement (issue 13: a plan asks again for
 * the same pins at every step, and findPackage matches the specifier against every release). 4,096 pins
 * and 256 Ki key characters (a key is a name, a specifier and the platform: ~60 characters) per table.
 */
const pinNotes = new WeakMap<object, LruCache<string | null>>();

function nearestPinNote(table: object, name: string, rawName: string | null, specifier: string, platform: Platform): string | null {
  let cache = pinNotes.get(table);
  if (cache === undefined) pinNotes.set(table, (cache = new LruCache<string | null>({ maxEntries: 4096, maxKeyChars: 256 * 1024 })));
  const key = JSON.stringify([platform.python, platform.libc, platform.arch, platform.glibcMinor ?? null, name, rawName, specifier]);
  return cache.getOrCompute(key, () => {
    const facts = findPackage(name, specifier, platform);
    return facts?.choice === "nearest" ? `${facts.name} ${facts.version.version} for ${rawName ?? name}${specifier}` : null;
  });
}

/** One package an install writes, with the specifier that chose its version. */
export interface InstallItem {
  readonly name: string;
  readonly specifier: string | null;
}

/**
 * The wheel table's install lists (`closureOf`) by the table they were resolved over (a WeakMap: a new
 * table starts afresh) and the request (issue 13): a long Dockerfile repeats the same installs stage after
 * stage and step after step, and each closure walks the table's dependency rows; the list is kept rather
 * than the closure, so a repeated install (a `bulk` file's `pip install -r` a thousand times) does not
 * rebuild it either. It depends on the request, the platform and the tables alone (the bundled table's
 * fallback is a constant), and callers only read it. 256 distinct install sets is far beyond one
 * Dockerfile's; the key holds only names, specifiers, extras and markers (a few hundred characters for a
 * large install).
 */
const closures = new WeakMap<object, LruCache<readonly InstallItem[]>>();

function cachedInstallList(table: object, requestKey: string, requests: readonly ClosureRequest[], platform: Platform, satisfied: readonly string[], constraints: ReadonlyMap<string, string>): readonly InstallItem[] {
  let cache = closures.get(table);
  if (cache === undefined) closures.set(table, (cache = new LruCache<readonly InstallItem[]>({ maxEntries: 256, maxKeyChars: 1024 * 1024 })));
  const key = satisfied.length === 0 ? requestKey : `${requestKey}\u0000${satisfied.join("\u0000")}`;
  return cache.getOrCompute(key, () => {
    const list = new InstallList();
    const closure = resolvePackageClosure(requests, platform, new Set(satisfied), constraints);
    for (const facts of closure.packages) list.add(facts.name, facts.specifier);
    // A name the wheel table lacks may still be one of the bundled table's measured rows: follow its requires.
    addBundledClosure(list, closure.unknown, requests, constraints);
    return list.items;
  });
}

/** Install items, each name once (the first specifier wins), in order. */
class InstallList {
  readonly items: InstallItem[] = [];
  private readonly seen = new Set<string>();

  add(name: string, specifier: string | null): void {
    if (name === "" || this.seen.has(name)) return;
    this.seen.add(name);
    this.items.push({ name, specifier });
  }
}

const NO_CONSTRAINTS: ReadonlyMap<string, string> = new Map();

/** The packages an install writes, each once, with the specifier that chose its version: the wheel
 *  table's closure (markers and extras evaluated for the platform) once it is loaded, else the bundled
 *  table's. With --no-deps, only the requested names. `satisfied` (normalised names already installed
 *  where this install writes, which pip keeps) are listed without their dependencies. `constraints`
 *  (normalised name → specifier: pip's `-c` files) narrow the version of each package they name. */
export function closureOf(requests: readonly ClosureRequest[], platform: Platform, noDeps: boolean, satisfied: (name: string) => boolean = () => false, constraints: ReadonlyMap<string, string> = NO_CONSTRAINTS): readonly InstallItem[] {
  const list = new InstallList();
  if (noDeps) {
    for (const r of requests) {
      const name = normalizePackageName(r.name);
      list.add(name, constrained(r.specifier, constraints.get(name)));
    }
    return list.items;
  }
  const table = pythonTable();
  if (table !== null) {
    const requestKey = JSON.stringify([platform.python, platform.libc, platform.arch, platform.glibcMinor ?? null, requests.map((r) => [r.name, r.specifier, r.extras, r.marker]), [...constraints]]);
    const items = cachedInstallList(table, requestKey, requests, platform, [], constraints);
    // Only the installed names the closure reaches change it; the common case (none) keeps one cache entry.
    const stops = items.filter((i) => satisfied(i.name)).map((i) => i.name);
    return stops.length === 0 ? items : cachedInstallList(table, requestKey, requests, platform, stops, constraints);
  }
  addBundledClosure(list, requests.map((r) => r.name), requests, constraints);
  return list.items;
}

/** The bundled table's closure of `names` (its rows, then the names it lacks), each with the specifier its
 *  request gave, if one did, narrowed by its constraint. */
function addBundledClosure(list: InstallList, names: readonly string[], requests: readonly ClosureRequest[], constraints: ReadonlyMap<string, string>): void {
  const specifiers = new Map(requests.map((r) => [normalizePackageName(r.name), r.specifier]));
  const specifierOf = (name: string): string | null => constrained(specifiers.get(name) ?? null, constraints.get(name));
  const closure = resolvePythonClosure(names);
  for (const row of closure.rows) list.add(row.name, specifierOf(row.name));
  for (const name of closure.unknown) list.add(name, specifierOf(name));
}
