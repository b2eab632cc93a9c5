// The file format of one Debian release table (src/engine/knowledge/data/debian-<release>.json, written by
// scripts/debian-tables.ts from Debian's own package lists), its valibot schemas, and its printer. The
// table is data loaded at run time (fetched by the worker, read from disk in Node), so it is untrusted:
// the header is checked when the table is installed, each row when it is first read
// (debian-table-reader.ts), and nothing here throws.
//
// Layout (schema 3): one JSON document, laid out so that a reader parses only what it looks up (issue 11:
// parsing the whole ~5 MB table was ~140 ms of every CLI start on a Debian base, most of it for rows a
// plan never reads):
//   line 1     {"schema":3, "release", "source", "generated", "base", "sections", "counts", "block", "blocks",
//   line 2     "rows":[
//   then       one row per line, every name the table mentions in sorted order (JavaScript's default
//              string order), each a JSON array:
//                real package   ["name", "version", kib, section index, [Depends], [Recommends]]
//                virtual name   ["name", [providers]]        (only provided by others)
//                mentioned      ["name"]                     (only named in a Depends/Recommends)
//              with Depends, Recommends and providers as row numbers (0 = the first row)
//   last line  ]}
// `blocks` holds the offset of every `block`-th row from the start of the first row (in characters of the
// decoded text): a lookup bisects the blocks by their first name, then reads one block's lines.
// The base sets are names in the header, so a Debian base with only pip installs reads no row at all.
import * as v from "valibot";

/** 3: one row per line, names sorted, base sets as names (2 was one line of columns, 1 had no Recommends).
 *  An older table is refused: the tables ship with the code, so an old file only appears in a
 *  half-updated checkout, where the "no table" fallback the loader's error leads to is the honest answer. */
export const DEBIAN_TABLE_SCHEMA = 3;

export type DebianRelease = "bullseye" | "bookworm" | "trixie";
export const DEBIAN_TABLE_RELEASES: readonly DebianRelease[] = ["bullseye", "bookworm", "trixie"];

/** Rows per block. 64: a lookup scans at most 63 lines past a block start (~10 µs), and the offsets of a
 *  ~80,000-row table add ~1,300 numbers (~9 kB) to its first line. */
export const DEBIAN_TABLE_BLOCK = 64;

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

const SuiteRef = v.object({
  /** `trixie`, `trixie-updates`, `trixie-security`. */
  suite: v.string(),
  /** The Release file's Date, as an ISO date. */
  date: v.string(),
});

export const DebianTableHeader = v.object({
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
    /** The packages of python:X-slim, by name. */
    packages: v.array(v.string()),
    /** debian:<release>-slim alone (Priority: required + apt + adduser, closed): what bare Debian bases hold. */
    minbase: v.array(v.string()),
  }),
  sections: v.array(v.string()),
  /** How many rows of each kind (their sum is the number of rows). */
  counts: v.object({ real: Count, virtual: Count, mentioned: Count }),
  block: v.pipe(Count, v.minValue(1)),
  /** Each block's first row, as a character offset from the first row. Checked as numbers here, and as
   *  integers from 0 up, in order, by the reader (debian-table-reader.ts) in one loop: a valibot pipe for
   *  each of ~1,260 offsets took ~1.5 ms of every CLI start on a Debian base (issue 11). */
  blocks: v.array(v.number()),
});

export type DebianTableHeader = v.InferOutput<typeof DebianTableHeader>;

const RowIndexes = v.array(Count);
const RealRow = v.tuple([v.string(), v.string(), Count, Count, RowIndexes, RowIndexes]);
const VirtualRow = v.tuple([v.string(), v.pipe(RowIndexes, v.minLength(1))]);
const MentionedRow = v.tuple([v.string()]);
/** One row as the file holds it (checked when read, by its length: 6 real, 2 virtual, 1 mentioned). */
export const DebianTableRow = v.union([RealRow, VirtualRow, MentionedRow]);

export type DebianRealRow = v.InferOutput<typeof RealRow>;
export type DebianTableRowWire = v.InferOutput<typeof DebianTableRow>;

/** A row once read and checked: what a name is in the release. Depends, Recommends and providers are row numbers. */
export type DebianRow =
  | { readonly kind: "real"; readonly name: string; readonly version: string; readonly kib: number; readonly section: string; readonly deps: readonly number[]; readonly recs: readonly number[] }
  | { readonly kind: "virtual"; readonly name: string; readonly providers: readonly number[] }
  | { readonly kind: "mentioned"; readonly name: string };

/** The whole table in memory, as the generator builds it and `printDebianTable` writes it. */
export interface DebianTableFile {
  readonly header: Omit<DebianTableHeader, "block" | "blocks" | "counts">;
  readonly rows: readonly DebianTableRowWire[];
}

/** The first message of a failed valibot parse, with its path. */
export function issueText(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  const path = issue === undefined ? null : v.getDotPath(issue);
  return `${path === null ? "" : `${path}: `}${issue?.message ?? "invalid"}`;
}

/** Checks one parsed row against the schema and the header (indexes in range); a reason when it fails. */
export function checkRow(header: DebianTableHeader, rowCount: number, json: unknown): DebianRow | string {
  // The schema for the row's length, so that an error names the field (a union's would not).
  const schema = !Array.isArray(json) ? null : json.length === 6 ? RealRow : json.length === 2 ? VirtualRow : json.length === 1 ? MentionedRow : null;
  if (schema === null) return "not an array of 6 (package), 2 (virtual name) or 1 (mentioned name) entries";
  const parsed = v.safeParse(schema, json);
  if (!parsed.success) return issueText(parsed.issues);
  const row: DebianTableRowWire = parsed.output;
  const inRange = (list: readonly number[]): boolean => list.every((i) => i < rowCount);
  if (row.length === 6) {
    const [name, version, kib, section, deps, recs] = row;
    const sectionName = header.sections[section];
    if (sectionName === undefined) return `section ${section} is out of range`;
    if (!inRange(deps)) return "a dependency is out of range";
    if (!inRange(recs)) return "a recommends entry is out of range";
    return { kind: "real", name, version, kib, section: sectionName, deps, recs };
  }
  if (row.length === 2) {
    if (!inRange(row[1])) return "a provider is out of range";
    return { kind: "virtual", name: row[0], providers: row[1] };
  }
  return { kind: "mentioned", name: row[0] };
}

/**
 * The file's text for a table: rows sorted by name (they must be: the reader bisects them), one per line,
 * with the block offsets and counts the reader relies on computed here. Never throws on a sorted table;
 * throws on unsorted or duplicate names (a generator bug, not input).
 */
export function printDebianTable(table: DebianTableFile): string {
  const lines = table.rows.map((row) => ascii(JSON.stringify(row)));
  for (let i = 1; i < table.rows.length; i++) {
    if (!((table.rows[i - 1]?.[0] ?? "") < (table.rows[i]?.[0] ?? ""))) throw new Error(`Debian table rows are not sorted by name at row ${i}`);
  }
  const blocks: number[] = [];
  let offset = 0;
  lines.forEach((line, i) => {
    if (i % DEBIAN_TABLE_BLOCK === 0) blocks.push(offset);
    offset += line.length + (i === lines.length - 1 ? 1 : 2); // the line, its comma (all but the last) and "\n"
  });
  const counts = { real: 0, virtual: 0, mentioned: 0 };
  for (const row of table.rows) counts[row.length === 6 ? "real" : row.length === 2 ? "virtual" : "mentioned"]++;
  // Field by field: a header spread from a whole parsed file would carry its rows along.
  const { schema, release, source, generated, base, sections } = table.header;
  const header: DebianTableHeader = { schema, release, source, generated, base, sections, counts, block: DEBIAN_TABLE_BLOCK, blocks };
  const head = ascii(JSON.stringify(header));
  return `${head.slice(0, -1)},\n"rows":[\n${lines.join(",\n")}\n]}\n`;
}

/** JSON text with every non-ASCII character escaped: the block offsets count characters, and an all-ASCII
 *  file has as many bytes, whichever way a reader decodes it. */
function ascii(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
