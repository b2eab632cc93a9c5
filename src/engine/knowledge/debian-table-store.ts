// Where the Debian release tables live once loaded: the file's text behind a lazy reader (its header
// checked at install, each row when first read: debian-table-reader.ts), kept per release for the process
// or worker (module state), and loaded on first use through a registered loader.
// Never throws: a bad or missing table leaves its release without one, and says why.
import { DEBIAN_TABLE_RELEASES, type DebianRelease, type DebianRow } from "./debian-table-schema";
import { readDebianTableText, type DebianTableReader, type DebianTableSource } from "./debian-table-reader";

export interface InstalledTable {
  readonly rows: DebianTableReader;
  readonly base: ReadonlySet<string>;
  readonly minbase: ReadonlySet<string>;
  /** How the base set was modelled (the table's base.method). */
  readonly baseMethod: string;
  readonly citation: string;
  readonly date: string | null;
}

/** Row `i` when it is a real package (not a virtual or only-mentioned name, not damaged). */
export function realRow(t: InstalledTable, i: number): Extract<DebianRow, { kind: "real" }> | undefined {
  const row = t.rows.row(i);
  return row?.kind === "real" ? row : undefined;
}

/** The name of row `i` ("" when damaged). */
export function nameOf(t: InstalledTable, i: number): string {
  return t.rows.row(i)?.name ?? "";
}

/** Installed tables by release (module state: installed once per process or worker, read by every estimate). */
const TABLES = new Map<DebianRelease, InstalledTable>();

/** Gives a release's table file on demand, as its text or a source that reads ranges of it (Node: from
 *  disk, a block at a time); null when it has none. */
export type DebianTableLoader = (release: DebianRelease) => string | DebianTableSource | null;
let loader: DebianTableLoader | null = null;
/** Releases the loader was asked for, with the error when its table did not install. */
const LOADED = new Map<DebianRelease, string | null>();

/**
 * Registers a synchronous loader asked once per release, the first time a lookup needs a table that was
 * not installed: a process whose stages are not Debian never reads the ~5 MB tables.
 */
export function registerDebianTableLoader(fn: DebianTableLoader | null): void {
  loader = fn;
  LOADED.clear();
}

/** Why the loader's table for `release` did not install, or the first damaged row read from it; null when
 *  neither (or the loader was not asked). */
export function debianTableError(release: DebianRelease): string | null {
  return LOADED.get(release) ?? TABLES.get(release)?.rows.damage() ?? null;
}

/** The installed table of `release`, loading it through the registered loader on first use. */
export function table(release: DebianRelease): InstalledTable | undefined {
  const installed = TABLES.get(release);
  if (installed !== undefined || loader === null || LOADED.has(release)) return installed;
  let error: string | null = null;
  try {
    const text = loader(release);
    if (text === null) error = `no ${release} table`;
    else {
      const result = installDebianTable(release, text);
      if (!result.ok) error = result.error;
    }
  } catch (e) {
    error = `${release} table: ${e instanceof Error ? e.message : String(e)}`;
  }
  LOADED.set(release, error);
  return TABLES.get(release);
}

export type InstallResult = { ok: true; release: DebianRelease; packages: number } | { ok: false; error: string };

function isSource(x: unknown): x is DebianTableSource {
  return typeof x === "object" && x !== null && typeof (x as { length?: unknown }).length === "number" && typeof (x as { slice?: unknown }).slice === "function";
}

/**
 * Checks the header of a table file (its text, or a source of ranges of it) and installs the table
 * (replacing any earlier one); its rows are read when looked up. Never throws: a bad header is an error
 * result, a bad row a `debianTableError`.
 */
export function installDebianTable(release: DebianRelease, file: unknown): InstallResult {
  if (typeof file !== "string" && !isSource(file)) return { ok: false, error: `Debian ${release} table: not the table file's text (got ${file === null ? "null" : typeof file})` };
  const read = readDebianTableText(release, file);
  if (!read.ok) return read;
  const header = read.reader.header;
  const dates = header.source.suites.map((s) => s.date).sort();
  const suites = header.source.suites.map((s) => `${s.suite} (Release ${s.date})`).join(", ");
  TABLES.set(release, {
    rows: read.reader,
    base: new Set(header.base.packages),
    minbase: new Set(header.base.minbase),
    baseMethod: header.base.method,
    citation: `Debian ${header.source.archive} ${suites}, ${header.source.components}, ${header.source.architecture}: Packages (Installed-Size, Depends, Pre-Depends, Provides); table generated ${header.generated}`,
    date: dates[dates.length - 1] ?? null,
  });
  return { ok: true, release, packages: header.counts.real };
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

