// Where the Debian release tables live once loaded: validated by the schema, indexed by name, kept per
// release for the process or worker (module state), and loaded on first use through a registered loader.
// Never throws: a bad or missing table leaves its release without one, and says why.
import { DEBIAN_TABLE_RELEASES, parseDebianTable, type DebianRelease, type DebianTableWire } from "./debian-table-schema";

export interface InstalledTable {
  readonly wire: DebianTableWire;
  readonly index: ReadonlyMap<string, number>;
  readonly base: ReadonlySet<string>;
  readonly minbase: ReadonlySet<string>;
  readonly citation: string;
  readonly date: string | null;
}

/** Installed tables by release (module state: installed once per process or worker, read by every estimate). */
const TABLES = new Map<DebianRelease, InstalledTable>();

/** Gives a release's table JSON on demand (Node reads the file); null when it has none. */
export type DebianTableLoader = (release: DebianRelease) => unknown;
let loader: DebianTableLoader | null = null;
/** Releases the loader was asked for, with the error when its table did not install. */
const LOADED = new Map<DebianRelease, string | null>();

/**
 * Registers a synchronous loader asked once per release, the first time a lookup needs a table that was
 * not installed: a process that never weighs an apt install never parses the ~5 MB tables.
 */
export function registerDebianTableLoader(fn: DebianTableLoader | null): void {
  loader = fn;
  LOADED.clear();
}

/** Why the loader's table for `release` did not install; null when it did or was not asked. */
export function debianTableError(release: DebianRelease): string | null {
  return LOADED.get(release) ?? null;
}

/** The installed table of `release`, loading it through the registered loader on first use. */
export function table(release: DebianRelease): InstalledTable | undefined {
  const installed = TABLES.get(release);
  if (installed !== undefined || loader === null || LOADED.has(release)) return installed;
  let error: string | null = null;
  try {
    const json = loader(release);
    if (json === null) error = `no ${release} table`;
    else {
      const result = installDebianTable(release, json);
      if (!result.ok) error = result.error;
    }
  } catch (e) {
    error = `${release} table: ${e instanceof Error ? e.message : String(e)}`;
  }
  LOADED.set(release, error);
  return TABLES.get(release);
}

export type InstallResult = { ok: true; release: DebianRelease; packages: number } | { ok: false; error: string };

/** Validates and installs one release's table (replacing any earlier one). Never throws: a bad table is an error result. */
export function installDebianTable(release: DebianRelease, json: unknown): InstallResult {
  const parsed = parseDebianTable(release, json);
  if (!parsed.ok) return parsed;
  const wire = parsed.table;
  const index = new Map<string, number>();
  wire.names.forEach((name, i) => index.set(name, i));
  const base = new Set(wire.base.packages.map((i) => wire.names[i] ?? ""));
  const minbase = new Set(wire.base.minbase.map((i) => wire.names[i] ?? ""));
  const dates = wire.source.suites.map((s) => s.date).sort();
  const suites = wire.source.suites.map((s) => `${s.suite} (Release ${s.date})`).join(", ");
  TABLES.set(release, {
    wire,
    index,
    base,
    minbase,
    citation: `Debian ${wire.source.archive} ${suites}, ${wire.source.components}, ${wire.source.architecture}: Packages (Installed-Size, Depends, Pre-Depends, Provides); table generated ${wire.generated}`,
    date: dates[dates.length - 1] ?? null,
  });
  return { ok: true, release, packages: wire.realCount };
}

/** Forgets every installed table (tests). */
export function clearDebianTables(): void {
  TABLES.clear();
  LOADED.clear();
}

/** Releases whose table is installed (or loads on demand). */
export function installedDebianReleases(): DebianRelease[] {
  return DEBIAN_TABLE_RELEASES.filter((r) => table(r) !== undefined);
}

