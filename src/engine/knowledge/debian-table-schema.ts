// The wire format of one Debian release table (src/engine/knowledge/data/debian-<release>.json, written by
// scripts/debian-tables.ts from Debian's own package lists), its valibot schema, and the check that every
// index points inside its array. The table is data loaded at run time (fetched by the worker, read from
// disk in Node), so it is untrusted until it passes `parseDebianTable`, which never throws.
//
// Layout (columns instead of one object per package keeps ~65,000 packages to a few MB of JSON):
//   names       every name the table mentions: first `realCount` real packages, then `virtualCount`
//               virtual names (only provided by others), then names that are only mentioned in a Depends
//   version, kib, section, deps, recs   one entry per real package (index i ↔ names[i])
//   providers   one entry per virtual name: the real packages that Provide it
//   base        indexes of the packages the release's python slim image is modelled to hold
import * as v from "valibot";

/** 2: adds `recs` (Recommends). A schema-1 table (no Recommends) is refused: the tables ship with the
 *  code, so an old file only appears in a half-updated checkout, where silently weighing no Recommends
 *  would be worse than the "no table" fallback the loader's error leads to. */
export const DEBIAN_TABLE_SCHEMA = 2;

export type DebianRelease = "bullseye" | "bookworm" | "trixie";
export const DEBIAN_TABLE_RELEASES: readonly DebianRelease[] = ["bullseye", "bookworm", "trixie"];

const Index = v.pipe(v.number(), v.integer(), v.minValue(0));

// The big columns (~65,000 entries each) are checked with one loop apiece: valibot's per-item pipelines
// took ~200 ms per table, which every CLI start and test file would pay.
const isIndex = (x: unknown): boolean => typeof x === "number" && Number.isInteger(x) && x >= 0;
const Strings = v.custom<string[]>((x) => Array.isArray(x) && x.every((s) => typeof s === "string"), "must be an array of strings");
const Indexes = v.custom<number[]>((x) => Array.isArray(x) && x.every(isIndex), "must be an array of non-negative integers");
const IndexLists = v.custom<number[][]>((x) => Array.isArray(x) && x.every((l) => Array.isArray(l) && l.every(isIndex)), "must be an array of arrays of non-negative integers");

const SuiteRef = v.object({
  /** `trixie`, `trixie-updates`, `trixie-security`. */
  suite: v.string(),
  /** The Release file's Date, as an ISO date. */
  date: v.string(),
});

export const DebianTableWire = v.object({
  schema: v.literal(DEBIAN_TABLE_SCHEMA),
  release: v.picklist(["bullseye", "bookworm", "trixie"]),
  source: v.object({
    archive: v.string(),
    suites: v.array(SuiteRef),
    components: v.string(),
    architecture: v.string(),
    method: v.string(),
  }),
  /** ISO date the table was generated. */
  generated: v.string(),
  base: v.object({
    /** What the base set models (python:X-slim of this release) and how it was computed. */
    method: v.string(),
    /** The names the model starts from, before the dependency closure. */
    seeds: v.array(v.string()),
    packages: v.array(Index),
    /** debian:<release>-slim alone (Priority: required + apt + adduser, closed): what bare Debian bases hold. */
    minbase: v.array(Index),
  }),
  sections: v.array(v.string()),
  realCount: Index,
  virtualCount: Index,
  names: Strings,
  version: Strings,
  /** Installed-Size, KiB (dpkg's own estimate). */
  kib: Indexes,
  section: Indexes,
  /** Depends + Pre-Depends, first alternative of each `|` group, as indexes into `names`. */
  deps: IndexLists,
  /** Recommends, first alternative of each `|` group, as indexes into `names` (what apt installs by default). */
  recs: IndexLists,
  providers: IndexLists,
});

export type DebianTableWire = v.InferOutput<typeof DebianTableWire>;

export type ParsedDebianTable = { ok: true; table: DebianTableWire } | { ok: false; error: string };

/** Validates `json` as a table for `release`: shape, column lengths and every index in range. */
export function parseDebianTable(release: DebianRelease, json: unknown): ParsedDebianTable {
  const parsed = v.safeParse(DebianTableWire, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue?.path?.map((p) => String(p.key)).join(".") ?? "";
    return { ok: false, error: `Debian ${release} table: ${path === "" ? "" : `${path}: `}${issue?.message ?? "invalid"}` };
  }
  const t = parsed.output;
  const fail = (why: string): ParsedDebianTable => ({ ok: false, error: `Debian ${release} table: ${why}` });
  if (t.release !== release) return fail(`holds ${t.release}, not ${release}`);
  const n = t.realCount;
  if (n + t.virtualCount > t.names.length) return fail("realCount + virtualCount exceed the names");
  for (const [column, length] of [["version", t.version.length], ["kib", t.kib.length], ["section", t.section.length], ["deps", t.deps.length], ["recs", t.recs.length]] as const) {
    if (length !== n) return fail(`${column} has ${length} entries for ${n} packages`);
  }
  if (t.providers.length !== t.virtualCount) return fail(`providers has ${t.providers.length} entries for ${t.virtualCount} virtual names`);
  if (t.section.some((s) => s >= t.sections.length)) return fail("a section index is out of range");
  if (t.deps.some((list) => list.some((d) => d >= t.names.length))) return fail("a dependency index is out of range");
  if (t.recs.some((list) => list.some((d) => d >= t.names.length))) return fail("a recommends index is out of range");
  if (t.providers.some((list) => list.length === 0 || list.some((p) => p >= n))) return fail("a provider index is out of range");
  if ([...t.base.packages, ...t.base.minbase].some((p) => p >= n)) return fail("a base package index is out of range");
  return { ok: true, table: t };
}
