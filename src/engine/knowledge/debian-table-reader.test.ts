// The lazy reader of a Debian table's text: a lookup finds every name the printer wrote (and no other), it
// parses only the rows it is asked for, and a damaged row or block is reported with its line. A small
// table made here (several blocks of rows) keeps the expected answers readable off the rows themselves.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEBIAN_TABLES_DIR, registerDebianTablesFromDisk } from "../../node/load-tables";
import { fileSource } from "../../node/load-tables";
import { readDebianTableText, textSource, type DebianTableReader, type DebianTableSource } from "./debian-table-reader";
import { DEBIAN_TABLE_BLOCK, printDebianTable, type DebianTableFile, type DebianTableRowWire } from "./debian-table-schema";
import { clearDebianTables, debianBasePackages, debianPackage, installDebianTable, registerDebianTableLoader } from "./debian-tables";

// 3½ blocks: pkg-000 … pkg-223, each depending on the next, every tenth a virtual name provided by its
// predecessor, every fifteenth (not a tenth) only mentioned.
const COUNT = DEBIAN_TABLE_BLOCK * 3 + DEBIAN_TABLE_BLOCK / 2;
const name = (i: number): string => `pkg-${String(i).padStart(3, "0")}`;
const ROWS: DebianTableRowWire[] = Array.from({ length: COUNT }, (_, i): DebianTableRowWire => {
  if (i % 10 === 9) return [name(i), [i - 1]];
  if (i % 15 === 14) return [name(i)];
  return [name(i), `1.${i}`, i * 10, i % 2, i + 1 < COUNT ? [i + 1] : [], []];
});
const TABLE: DebianTableFile = {
  header: {
    schema: 3, release: "bookworm", generated: "2026-12-02", sections: ["libs", "utils"],
    source: { archive: "test", suites: [{ suite: "bookworm", date: "2026-12-01" }], components: "main", architecture: "amd64", method: "made in a test" },
    base: { method: "test", seeds: [], packages: [name(0)], minbase: [] },
  },
  rows: ROWS,
};
const TEXT = printDebianTable(TABLE);

function reader(text: string = TEXT): DebianTableReader {
  const read = readDebianTableText("bookworm", text);
  if (!read.ok) throw new Error(read.error);
  return read.reader;
}

describe("readDebianTableText", () => {
  it("finds every name at its row, and reads each row back as printed", () => {
    const r = reader();
    expect(ROWS.map((row) => r.find(row[0]))).toEqual(ROWS.map((_, i) => i));
    expect(r.row(0)).toEqual({ kind: "real", name: "pkg-000", version: "1.0", kib: 0, section: "libs", deps: [1], recs: [] });
    expect(r.row(9)).toEqual({ kind: "virtual", name: "pkg-009", providers: [8] });
    expect(r.row(14)).toEqual({ kind: "mentioned", name: "pkg-014" });
    expect(r.damage()).toBeNull();
  });

  it.each([
    { name: "before the first name", query: "aaa" },
    { name: "between two names", query: "pkg-0005" },
    { name: "at a block's first name, one off", query: `${name(DEBIAN_TABLE_BLOCK)}x` },
    { name: "after the last name", query: "zzz" },
    { name: "the empty string", query: "" },
  ])("answers undefined for a name it lacks: $name", ({ query }) => {
    expect(reader().find(query)).toBeUndefined();
  });

  it("parses no row to find a name, and only the rows asked for", () => {
    const r = reader();
    r.find(name(100));
    r.find(name(7));
    expect(r.rowsRead()).toBe(0);
    r.row(100);
    r.row(100);
    expect(r.rowsRead()).toBe(1);
  });

  it("reads nothing of the rows when the table is installed, and only a handful for one package", () => {
    clearDebianTables();
    registerDebianTableLoader(() => null);
    const text = readFileSync(join(DEBIAN_TABLES_DIR, "debian-bookworm.json"), "utf8");
    expect(installDebianTable("bookworm", text)).toMatchObject({ ok: true });
    const read = readDebianTableText("bookworm", text);
    if (!read.ok) throw new Error(read.error);
    // The base sets are names in the header: a slim base with pip installs needs no row.
    expect(debianBasePackages("bookworm").size).toBeGreaterThan(50);
    expect(read.reader.rowsRead()).toBe(0);
    expect(read.reader.find("make")).toBeGreaterThan(0);
    expect(read.reader.rowsRead()).toBe(0);
    expect(debianPackage("make", "bookworm")?.name).toBe("make");
  });

  afterEach(() => {
    clearDebianTables();
    registerDebianTablesFromDisk();
  });

  it("reads the first line and the blocks a lookup needs, not the whole file", () => {
    const file = textSource(readFileSync(join(DEBIAN_TABLES_DIR, "debian-trixie.json"), "utf8"));
    let chars = 0;
    const counting: DebianTableSource = { length: file.length, slice: (start, end) => { chars += Math.min(end, file.length) - start; return file.slice(start, end); } };
    clearDebianTables();
    registerDebianTableLoader(() => counting);
    expect(debianBasePackages("trixie").size).toBeGreaterThan(50);
    const installing = chars;
    // The first line: the base sets and ~1,300 block offsets.
    expect(installing).toBeLessThan(70_000);
    expect(debianPackage("libpq-dev", "trixie")?.depends).toContain("libpq5");
    // A lookup: ~17 names at block offsets and a few blocks of 64 rows, of a 5.7 MB file.
    expect(chars - installing).toBeLessThan(50_000);
    expect(file.length).toBeGreaterThan(5_000_000);
  });

  it("reads a table from disk by ranges, and a range that is not ASCII is damage, not a throw", () => {
    const path = join(DEBIAN_TABLES_DIR, "debian-bookworm.json");
    expect(readDebianTableText("bookworm", fileSource(path)).ok).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), "whaleweight-debian-"));
    try {
      const damaged = join(dir, "debian-bookworm.json");
      writeFileSync(damaged, TEXT.replace('"1.70"', '"1.é"'));
      // This small table is read whole with its first line: the install itself is refused.
      const read = readDebianTableText("bookworm", fileSource(damaged));
      expect(read.ok ? null : read.error).toMatch(/cannot be read \(.* holds non-ASCII bytes at 0–\d+: not a file the generator wrote\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reports a damaged row with its line, and the others still answer", () => {
    const line = JSON.stringify(ROWS[70]);
    // Same length (the block offsets still hold): a version that is not a string.
    const r = reader(TEXT.replace(line, line.replace('"1.70"', "170000")));
    expect(r.find(name(70))).toBe(70);
    expect(r.row(70)).toBeUndefined();
    expect(r.damage()).toBe("Debian bookworm table: row 70 (line 73): 1: Invalid type: Expected string but received 170000");
    expect(r.row(71)?.name).toBe("pkg-071");
  });

  // A line removed is noticed where a block's lines stop lining up with the next offset: at once here (a
  // short virtual row among longer ones). Limit: a removal that happened to keep every later block
  // boundary in place (lines of exactly equal length) would go unnoticed until a row's content disagrees.
  it("reports a block whose lines moved, and answers for the blocks before it", () => {
    const r = reader(TEXT.replace(`${JSON.stringify(ROWS[129])},\n`, ""));
    expect(r.find(name(150))).toBeUndefined();
    expect(r.damage()).toMatch(/block offset 3 does not point at the start of a line|rows 128–191 \(lines 131–194\) are not 64 whole lines/);
    expect(r.find(name(20))).toBe(20);
  });

  it.each([
    { name: "a header that is not JSON", text: TEXT.replace('"schema":3', '"schema":3,,'), error: /line 1 is not JSON/ },
    { name: "a header with a negative count", text: TEXT.replace('"mentioned":', '"mentioned":-'), error: /line 1: counts\.mentioned: Invalid value/ },
    { name: "no rows line", text: TEXT.replace('"rows":[', '"rowz":['), error: /not laid out as a schema 3 table/ },
    { name: "block offsets out of order", text: TEXT.replace(/"blocks":\[0,(\d+),(\d+)/, '"blocks":[0,$2,$1'), error: /block offset 2 is out of order/ },
    { name: "a block offset that is not a whole number", text: TEXT.replace(/"blocks":\[0,(\d+)/, '"blocks":[0,$1.5'), error: /block offset 1 is not a whole number/ },
  ])("refuses $name", ({ text, error }) => {
    const read = readDebianTableText("bookworm", text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toMatch(error);
  });
});
