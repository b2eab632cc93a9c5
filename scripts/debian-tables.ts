// Builds one Debian release table (src/engine/knowledge/data/debian-<release>.json, laid out one row per
// line: src/engine/knowledge/debian-table-schema.ts) from Debian's own package lists. Fetch the lists first with a private apt configuration (scripts/debian-lists.sh), then:
//
//   npx tsx scripts/debian-tables.ts <release> <Packages file> <apt lists dir> [out.json]
//   e.g. npx tsx scripts/debian-tables.ts trixie /tmp/deb-trixie/dumpavail.txt /tmp/deb-trixie/state/lists
//
// The Packages file is `apt-cache dumpavail` output (one record per package: apt's candidate across the
// release, -updates and -security) or raw Packages files concatenated (then the highest version of each
// package wins, by dpkg's version order). The lists dir holds the InRelease files, read for provenance.
// Kept per package: Version, Installed-Size (KiB), Section, Depends + Pre-Depends and Recommends (first
// alternative of each `|` group, version constraints and `:any` dropped) and Provides (for virtual names).
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { DEBIAN_TABLE_SCHEMA, printDebianTable, type DebianRelease, type DebianTableFile, type DebianTableRowWire } from "../src/engine/knowledge/debian-table-schema";
import { debianInstallClosure, installDebianTable } from "../src/engine/knowledge/debian-tables";
import { compareDebianVersions } from "./debian-version";

export interface PackageRecord {
  name: string;
  version: string;
  kib: number;
  section: string;
  priority: string;
  depends: string[];
  /** Recommends: installed by apt by default (APT::Install-Recommends), not with --no-install-recommends. */
  recommends: string[];
  provides: string[];
}

/**
 * Alternatives taken over the first one of their `|` group: bookworm's init-system-helpers depends on
 * `usrmerge | usr-is-merged`; Debian images are built merged-/usr by debootstrap and carry usr-is-merged,
 * while usrmerge would pull the whole of perl (~50 MB) that debian:bookworm-slim does not have.
 */
export const PREFERRED_ALTERNATIVES: ReadonlySet<string> = new Set(["usr-is-merged"]);

const bareName = (dep: string): string => dep.replace(/\(.*?\)|\[.*?\]|<.*?>/g, "").trim().replace(/:[a-z0-9-]+$/, "");

/** `a (>= 1) | b, c:any` → ["a", "c"]: first alternative of each group (or a preferred one), no version, arch or profile. */
export function parseDependsField(field: string): string[] {
  return field
    .split(",")
    .map((group) => {
      const alternatives = group.split("|").map(bareName);
      return alternatives.find((a) => PREFERRED_ALTERNATIVES.has(a)) ?? alternatives[0] ?? "";
    })
    .filter((name) => name !== "");
}

/** Every name in a Provides field (`a (= 1), b`), versions dropped. */
function parseProvides(field: string): string[] {
  return field.split(",").map((p) => p.replace(/\(.*?\)/g, "").trim()).filter((p) => p !== "");
}

/** Parses Packages-format text (RFC 822-like stanzas); the highest version wins when a package repeats. */
export function parsePackages(text: string): Map<string, PackageRecord> {
  const out = new Map<string, PackageRecord>();
  for (const stanza of text.split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    let last = "";
    for (const line of stanza.split("\n")) {
      if (/^\s/.test(line) && last !== "") fields.set(last, `${fields.get(last) ?? ""} ${line.trim()}`);
      else {
        const m = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
        if (m?.[1] !== undefined) {
          last = m[1].toLowerCase();
          fields.set(last, m[2] ?? "");
        }
      }
    }
    const name = fields.get("package");
    const version = fields.get("version");
    if (name === undefined || version === undefined) continue;
    const record: PackageRecord = {
      name,
      version,
      kib: Number.parseInt(fields.get("installed-size") ?? "0", 10) || 0,
      section: (fields.get("section") ?? "unknown").replace(/^.*\//, ""),
      priority: fields.get("priority") ?? "optional",
      depends: [...parseDependsField(fields.get("pre-depends") ?? ""), ...parseDependsField(fields.get("depends") ?? "")],
      recommends: parseDependsField(fields.get("recommends") ?? ""),
      provides: parseProvides(fields.get("provides") ?? ""),
    };
    const seen = out.get(name);
    if (seen === undefined || compareDebianVersions(record.version, seen.version) > 0) out.set(name, record);
  }
  for (const r of out.values()) {
    r.depends = [...new Set(r.depends)];
    // A name both depended on and recommended is a dependency (apt installs it either way).
    r.recommends = [...new Set(r.recommends)].filter((d) => !r.depends.includes(d));
  }
  return out;
}

/** Suite and Date of each InRelease/Release file in an apt lists dir. */
export function readReleaseFiles(dir: string): { suite: string; date: string }[] {
  const files = readdirSync(dir).filter((f) => /_(In)?Release$/.test(f) && statSync(join(dir, f)).isFile());
  return files
    .map((f) => {
      const text = readFileSync(join(dir, f), "utf8");
      const suite = /^Suite:\s*(.+)$/m.exec(text)?.[1]?.trim() ?? f;
      const codename = /^Codename:\s*(.+)$/m.exec(text)?.[1]?.trim() ?? suite;
      const date = /^Date:\s*(.+)$/m.exec(text)?.[1]?.trim();
      return { suite: codename, date: date === undefined ? "unknown" : new Date(date).toISOString().slice(0, 10) };
    })
    .sort((a, b) => a.suite.localeCompare(b.suite));
}

/** Priority order for choosing among providers of a virtual name (apt prefers higher priorities). */
const PRIORITY_RANK: Record<string, number> = { required: 0, important: 1, standard: 2, optional: 3, extra: 4 };

/**
 * What python:X-slim holds beyond the `Priority: required` closure and apt (debian:<release>-slim, which
 * debuerreotype builds as a minbase debootstrap): the python slim Dockerfile installs ca-certificates,
 * netbase and tzdata, and keeps (`apt-mark manual` after `ldd` of /usr/local) the runtime libraries
 * CPython's build links. Names per release: the t64 transition renamed libssl3, libreadline8, libgdbm6 and
 * libdb5.3 in trixie; bullseye has libssl1.1 and libffi7; the nis module (libnsl2, libtirpc3) was removed
 * in Python 3.13, so trixie-era slim images no longer keep them (python:3.12-slim-trixie does not list
 * them in docker-library/repo-info@87d2c47713d426149a0b9e05abd3f4e6878051e0:repos/python/local/3.12-slim-trixie.md,
 * python:3.12-slim-bookworm does at repo-info@33cda30be5833831143d1c93663f1ca38d85d049). adduser is not
 * Priority: required but debian:<release>-slim has it (it is in both lists above). Checked for trixie: the
 * model's 87 packages are exactly the 87 of that python:3.12.14-slim-trixie list (2026-09-19 build).
 */
/** debian:<release>-slim beyond Priority: required (adduser: see PYTHON_SLIM_SEEDS). */
const MINBASE_SEEDS = ["apt", "adduser"];

export const PYTHON_SLIM_SEEDS: Record<DebianRelease, readonly string[]> = {
  bullseye: ["apt", "adduser", "ca-certificates", "netbase", "tzdata", "libssl1.1", "libffi7", "libsqlite3-0", "libbz2-1.0", "liblzma5", "libncursesw6", "libtinfo6", "libreadline8", "libuuid1", "zlib1g", "libgdbm6", "libdb5.3", "libnsl2", "libtirpc3"],
  bookworm: ["apt", "adduser", "ca-certificates", "netbase", "tzdata", "libssl3", "libffi8", "libsqlite3-0", "libbz2-1.0", "liblzma5", "libncursesw6", "libtinfo6", "libreadline8", "libuuid1", "zlib1g", "libgdbm6", "libdb5.3", "libnsl2", "libtirpc3"],
  trixie: ["apt", "adduser", "ca-certificates", "netbase", "tzdata", "libssl3t64", "libffi8", "libsqlite3-0", "libbz2-1.0", "liblzma5", "libncursesw6", "libtinfo6", "libreadline8t64", "libuuid1", "zlib1g", "libgdbm6t64", "libdb5.3t64"],
};

const BASE_METHOD =
  "python:X-slim modelled as debian:<release>-slim (every Priority: required package and apt, as debootstrap --variant=minbase installs) " +
  "plus what the python slim Dockerfile installs (ca-certificates, netbase, tzdata) and keeps (the shared libraries CPython links: see seeds), " +
  "closed under Depends/Pre-Depends (first alternative) with this table's resolver. Error: the real image can differ by a few packages " +
  "(archive updates between the image build and this table; packages the real image keeps that the model lacks, or the reverse).";

/**
 * Virtual names left out: Debian's Rust crate packages provide one name per crate version and feature
 * (`librust-serde-1+derive-dev`): about 54,000 of trixie's 65,000 virtual names, only ever installed by
 * Debian's own package builds, never by a Dockerfile. Dependency edges to them are dropped too (a
 * librust-*-dev closure is undercounted by the feature aliases; the crates themselves are real packages).
 */
export const DROPPED_VIRTUAL = /^librust-/;

/**
 * Builds the table (rows sorted by name, as the file holds them); installs it into the engine on the way,
 * to compute the base set with the engine's own resolver.
 */
export function buildTable(
  release: DebianRelease, records: Map<string, PackageRecord>, suites: { suite: string; date: string }[], generated: string,
  pythonSeeds: readonly string[] = PYTHON_SLIM_SEEDS[release],
): DebianTableFile {
  const providedBy = new Map<string, string[]>();
  for (const r of records.values()) {
    for (const p of r.provides) if (!records.has(p) && !DROPPED_VIRTUAL.test(p)) providedBy.set(p, [...(providedBy.get(p) ?? []), r.name]);
  }
  const kept = (d: string): boolean => records.has(d) || !DROPPED_VIRTUAL.test(d);
  for (const r of records.values()) {
    r.depends = r.depends.filter(kept);
    r.recommends = r.recommends.filter(kept);
  }
  const mentioned = new Set<string>();
  for (const r of records.values()) for (const d of [...r.depends, ...r.recommends]) if (!records.has(d) && !providedBy.has(d)) mentioned.add(d);
  // One sorted list of every name (real, virtual, mentioned are disjoint): the reader bisects it.
  const names = [...records.keys(), ...providedBy.keys(), ...mentioned].sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const sections = [...new Set([...records.values()].map((r) => r.section))].sort();
  const sectionIndex = new Map(sections.map((s, i) => [s, i]));
  const rank = (name: string): number => PRIORITY_RANK[records.get(name)?.priority ?? "optional"] ?? 5;
  const at = (name: string): number => index.get(name) ?? 0;
  const rows: DebianTableRowWire[] = names.map((name): DebianTableRowWire => {
    const r = records.get(name);
    if (r !== undefined) return [name, r.version, r.kib, sectionIndex.get(r.section) ?? 0, r.depends.map(at), r.recommends.map(at)];
    const providers = providedBy.get(name);
    if (providers !== undefined) return [name, [...providers].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).map(at)];
    return [name];
  });
  const header = {
    schema: DEBIAN_TABLE_SCHEMA,
    release,
    source: {
      archive: "http://deb.debian.org (debian, debian-security)",
      suites,
      components: "main",
      architecture: "amd64",
      method: "apt-get update with a private apt configuration (scripts/debian-lists.sh), apt-cache dumpavail (apt's candidate of each package across the suites), then scripts/debian-tables.ts",
    },
    generated,
    sections,
  } as const;
  // The base set is computed with the engine's own resolver, so the estimator subtracts exactly what it would add.
  const installed = installDebianTable(release, printDebianTable({ header: { ...header, base: { method: BASE_METHOD, seeds: [], packages: [], minbase: [] } }, rows }));
  if (!installed.ok) throw new Error(installed.error);
  const required = [...records.keys()].filter((n) => records.get(n)?.priority === "required");
  const seeds = [...required, ...pythonSeeds];
  const closure = debianInstallClosure(seeds, release, new Set());
  if (closure.unknown.length > 0) throw new Error(`${release}: base seeds not in the lists: ${closure.unknown.join(", ")}`);
  const minbase = debianInstallClosure([...required, ...MINBASE_SEEDS], release, new Set());
  return {
    header: { ...header, base: { method: BASE_METHOD, seeds: [...pythonSeeds], packages: closure.added.sort(), minbase: minbase.added.sort() } },
    rows,
  };
}

function main(argv: readonly string[]): void {
  const [release, packagesFile, listsDir, outArg] = argv;
  if (release !== "bullseye" && release !== "bookworm" && release !== "trixie") throw new Error("usage: debian-tables.ts bullseye|bookworm|trixie <Packages file> <apt lists dir> [out.json]");
  if (packagesFile === undefined || listsDir === undefined) throw new Error("usage: debian-tables.ts <release> <Packages file> <apt lists dir> [out.json]");
  const records = parsePackages(readFileSync(packagesFile, "utf8"));
  const table = buildTable(release, records, readReleaseFiles(listsDir), new Date().toISOString().slice(0, 10));
  const out = outArg ?? join("src/engine/knowledge/data", `debian-${release}.json`);
  const text = printDebianTable(table);
  writeFileSync(out, text);
  const base = new Set(table.header.base.packages);
  const baseKiB = table.rows.reduce((sum, row) => sum + (row.length === 6 && base.has(row[0]) ? row[2] : 0), 0);
  const count = (length: number): number => table.rows.filter((row) => row.length === length).length;
  console.log(`${out}: ${count(6)} packages, ${count(2)} virtual names; base ${base.size} packages, ${(baseKiB / 1024).toFixed(1)} MiB; ` +
    `${(text.length / 1e6).toFixed(2)} MB raw, ${(gzipSync(text).length / 1e6).toFixed(2)} MB gzip`);
}

if (process.argv[1]?.endsWith("debian-tables.ts") === true) main(process.argv.slice(2));
