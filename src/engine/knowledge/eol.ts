// End-of-life dates of the bases a Python image is built on: CPython minors, Debian releases (the end of
// LTS, after which the release moves to archive.debian.org and `apt-get update` against deb.debian.org
// fails), Alpine branches (end of support of main). Each row cites where its date was read. A base is
// end-of-life when its date is on or before EOL_AS_OF, the day the table was checked: the engine never
// reads the clock, so the same Dockerfile gets the same answer until the table is updated.
export type EolKind = "python" | "debian" | "alpine";

export interface EolRow {
  readonly kind: EolKind;
  /** `3.8` (CPython minor), `buster` (Debian codename), `3.17` (Alpine branch). */
  readonly version: string;
  /** ISO date support ended (or ends). */
  readonly eol: string;
  readonly source: string;
}

/** The day these rows were checked. */
export const EOL_AS_OF = "2026-12-01";

const DEVGUIDE = "Python developer's guide, Status of Python versions (devguide.python.org/versions), and the release PEP";
const DEBIAN_LTS = "wiki.debian.org/LTS (end of Long Term Support); www.debian.org/releases";
const ALPINE = "alpinelinux.org/releases (end of support for main)";

export const EOL_ROWS = [
  { kind: "python", version: "2.7", eol: "2020-01-01", source: `${DEVGUIDE} 373` },
  { kind: "python", version: "3.3", eol: "2017-09-29", source: `${DEVGUIDE} 398` },
  { kind: "python", version: "3.4", eol: "2019-03-18", source: `${DEVGUIDE} 429` },
  { kind: "python", version: "3.5", eol: "2020-09-30", source: `${DEVGUIDE} 478` },
  { kind: "python", version: "3.6", eol: "2021-12-23", source: `${DEVGUIDE} 494` },
  { kind: "python", version: "3.7", eol: "2023-06-27", source: `${DEVGUIDE} 537` },
  { kind: "python", version: "3.8", eol: "2024-10-07", source: `${DEVGUIDE} 569` },
  { kind: "python", version: "3.9", eol: "2025-10-31", source: `${DEVGUIDE} 596` },
  { kind: "python", version: "3.10", eol: "2026-10-31", source: `${DEVGUIDE} 619 ("security fixes until October 2026")` },
  { kind: "python", version: "3.11", eol: "2027-10-31", source: `${DEVGUIDE} 664` },
  { kind: "python", version: "3.12", eol: "2028-10-31", source: `${DEVGUIDE} 693` },
  { kind: "debian", version: "jessie", eol: "2020-06-30", source: DEBIAN_LTS },
  { kind: "debian", version: "stretch", eol: "2022-06-30", source: DEBIAN_LTS },
  { kind: "debian", version: "buster", eol: "2024-06-30", source: DEBIAN_LTS },
  { kind: "debian", version: "bullseye", eol: "2026-08-31", source: DEBIAN_LTS },
  { kind: "debian", version: "bookworm", eol: "2028-06-30", source: DEBIAN_LTS },
  { kind: "alpine", version: "3.12", eol: "2022-05-01", source: ALPINE },
  { kind: "alpine", version: "3.13", eol: "2022-11-01", source: ALPINE },
  { kind: "alpine", version: "3.14", eol: "2023-05-01", source: ALPINE },
  { kind: "alpine", version: "3.15", eol: "2023-11-01", source: ALPINE },
  { kind: "alpine", version: "3.16", eol: "2024-05-23", source: ALPINE },
  { kind: "alpine", version: "3.17", eol: "2024-11-22", source: ALPINE },
  { kind: "alpine", version: "3.18", eol: "2025-05-09", source: ALPINE },
  { kind: "alpine", version: "3.19", eol: "2025-11-01", source: ALPINE },
  { kind: "alpine", version: "3.20", eol: "2026-04-01", source: ALPINE },
  { kind: "alpine", version: "3.21", eol: "2026-11-01", source: ALPINE },
  { kind: "alpine", version: "3.22", eol: "2027-05-01", source: ALPINE },
] as const satisfies readonly EolRow[];

/** Debian numbers as `debian:10` tags write them. */
const DEBIAN_NUMBER: Readonly<Record<string, string>> = { "8": "jessie", "9": "stretch", "10": "buster", "11": "bullseye", "12": "bookworm" };

function versionKey(kind: EolKind, version: string): number {
  if (kind === "debian") return ["jessie", "stretch", "buster", "bullseye", "bookworm", "trixie"].indexOf(version);
  if (!/^\d+\.\d+$/.test(version)) return -1;
  const [major, minor] = version.split(".").map(Number);
  return (major ?? 0) * 1000 + (minor ?? 0);
}

/** The row of an end-of-life version (Python `3.8.10` reads as `3.8`, Debian `10` as `buster`); null when it is supported or unknown. */
export function endOfLife(kind: EolKind, version: string): EolRow | null {
  const key = kind === "debian" ? (DEBIAN_NUMBER[version] ?? version) : version.split(".").slice(0, 2).join(".");
  const row = EOL_ROWS.find((r) => r.kind === kind && r.version === key);
  if (row !== undefined) return row.eol <= EOL_AS_OF ? row : null;
  // Not in the table but older than every row (Python 3.2, Alpine 3.9): ended no later than the oldest row.
  const rows = EOL_ROWS.filter((r) => r.kind === kind);
  const oldest = rows[0];
  const k = versionKey(kind, key);
  if (oldest === undefined || k < 0 || Number.isNaN(k) || k >= versionKey(kind, oldest.version)) return null;
  return { ...oldest, version: key, source: `older than ${oldest.version}: ${oldest.source}` };
}

/** The release number of a Debian codename (`bookworm` → `12`), or null. */
export function debianReleaseNumber(codename: string): string | null {
  return Object.entries(DEBIAN_NUMBER).find(([, name]) => name === codename)?.[0] ?? null;
}

/** The oldest version still supported on EOL_AS_OF: the nearest move for an end-of-life base. */
export function oldestSupported(kind: EolKind): string | null {
  return EOL_ROWS.find((r) => r.kind === kind && r.eol > EOL_AS_OF)?.version ?? null;
}

/**
 * Debian releases deb.debian.org no longer serves: moved to archive.debian.org some months after their LTS
 * ended, so `apt-get update` with the images' own sources.list stops with "The repository
 * 'http://deb.debian.org/debian buster Release' does not have a Release file" (jessie, stretch and buster:
 * the Debian archive's own announcements; the same error in many public build logs since). Bullseye, whose
 * LTS ended 2026-08-31, is not listed: the move's date is not known here.
 */
const ARCHIVED_DEBIAN: ReadonlySet<string> = new Set(["jessie", "stretch", "buster"]);

/** True for a Debian codename (or number) whose packages are only on archive.debian.org. */
export function debianArchived(release: string): boolean {
  return ARCHIVED_DEBIAN.has(DEBIAN_NUMBER[release] ?? release);
}
