// Reads a Debian release table's text (schema 3, see debian-table-schema.ts) lazily: installing it parses
// and checks the first line only; a name lookup bisects the block offsets, then one block's lines; a row
// is parsed and checked against the schema the first time it is read, and kept. A damaged row (or block)
// answers "absent" and is reported by `damage()`, with its line: nothing here throws.
import * as v from "valibot";
import { checkRow, DEBIAN_TABLE_SCHEMA, DebianTableHeader, issueText, type DebianRelease, type DebianRow } from "./debian-table-schema";

export interface DebianTableReader {
  readonly header: DebianTableHeader;
  readonly rowCount: number;
  /** The row number of `name` (exact), or undefined when the table does not have it. */
  find(name: string): number | undefined;
  /** Row `i`, checked; undefined when out of range or damaged (`damage()` then says why). */
  row(i: number): DebianRow | undefined;
  /** The first damaged row or block met so far, with its line; null when none. */
  damage(): string | null;
  /** How many rows have been parsed (what a lookup costs; tests check that only what is asked is read). */
  rowsRead(): number;
}

export type ReadResult = { ok: true; reader: DebianTableReader } | { ok: false; error: string };

const ROWS_LINE = '"rows":[\n';

/** Checks the first line and the layout's frame, and gives a reader of the rest. Never throws. */
export function readDebianTableText(release: DebianRelease, text: string): ReadResult {
  const fail = (why: string): ReadResult => ({ ok: false, error: `Debian ${release} table: ${why}` });
  const firstEnd = text.indexOf("\n");
  const first = firstEnd < 0 ? text : text.slice(0, firstEnd);
  if (!first.startsWith("{") || !first.endsWith(",") || !text.startsWith(ROWS_LINE, firstEnd + 1)) {
    const schema = /^\s*\{\s*"schema"\s*:\s*(\d+)/.exec(text)?.[1];
    return fail(schema !== undefined && Number(schema) !== DEBIAN_TABLE_SCHEMA
      ? `schema ${schema}, not the schema ${DEBIAN_TABLE_SCHEMA} this version reads (regenerate it: docs/debian-tables.md)`
      : `not laid out as a schema ${DEBIAN_TABLE_SCHEMA} table (a header line, then "rows":[ on the second line)`);
  }
  let json: unknown;
  try {
    json = JSON.parse(`${first.slice(0, -1)}}`) as unknown;
  } catch (error) {
    return fail(`line 1 is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = v.safeParse(DebianTableHeader, json);
  if (!parsed.success) return fail(`line 1: ${issueText(parsed.issues)}`);
  const header = parsed.output;
  if (header.release !== release) return fail(`holds ${header.release}, not ${release}`);
  const rowCount = header.counts.real + header.counts.virtual + header.counts.mentioned;
  const blockCount = Math.ceil(rowCount / header.block);
  if (header.blocks.length !== blockCount) return fail(`${header.blocks.length} block offsets for ${rowCount} rows of ${header.block}`);
  const rowsStart = firstEnd + 1 + ROWS_LINE.length;
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith("\n]}")) return fail(`the last line is not "]}": the file is cut short`);
  const rowsEnd = trimmed.length - 2; // just after the last row's "\n"
  for (let b = 0; b < blockCount; b++) {
    const at = header.blocks[b] ?? 0;
    if (b === 0 ? at !== 0 : at <= (header.blocks[b - 1] ?? 0)) return fail(`block offset ${b} is out of order`);
    if (rowsStart + at >= rowsEnd) return fail(`block offset ${b} points past the last row: the file is cut short`);
  }
  return { ok: true, reader: new Reader(release, text, header, rowCount, rowsStart, rowsEnd) };
}

class Reader implements DebianTableReader {
  /** Line starts of each block once scanned (one more entry than rows: the block's end). */
  private readonly lineStarts = new Map<number, Int32Array | null>();
  private readonly firstNames: (string | undefined)[] = [];
  private readonly rows = new Map<number, DebianRow | undefined>();
  private firstDamage: string | null = null;

  constructor(
    private readonly release: DebianRelease,
    private readonly text: string,
    readonly header: DebianTableHeader,
    readonly rowCount: number,
    private readonly rowsStart: number,
    private readonly rowsEnd: number,
  ) {}

  damage(): string | null {
    return this.firstDamage;
  }

  rowsRead(): number {
    return this.rows.size;
  }

  find(name: string): number | undefined {
    const blockCount = this.header.blocks.length;
    if (blockCount === 0 || name < this.firstName(0)) return undefined;
    // The last block whose first name is ≤ name holds it, if any does.
    let lo = 0;
    let hi = blockCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.firstName(mid) <= name) lo = mid;
      else hi = mid - 1;
    }
    const starts = this.block(lo);
    if (starts === null) return undefined;
    let a = 0;
    let b = starts.length - 2;
    while (a <= b) {
      const m = (a + b) >> 1;
      const found = this.nameAt(starts[m] ?? 0, lo * this.header.block + m);
      if (found === name) return lo * this.header.block + m;
      if (found < name) a = m + 1;
      else b = m - 1;
    }
    return undefined;
  }

  row(i: number): DebianRow | undefined {
    if (this.rows.has(i)) return this.rows.get(i);
    if (!Number.isInteger(i) || i < 0 || i >= this.rowCount) return undefined;
    const starts = this.block(Math.floor(i / this.header.block));
    const k = i % this.header.block;
    let row: DebianRow | undefined;
    if (starts !== null) {
      const start = starts[k] ?? 0;
      let end = (starts[k + 1] ?? 0) - 1; // before the "\n"
      if (this.text[end - 1] === ",") end--;
      let checked: DebianRow | string;
      try {
        checked = checkRow(this.header, this.rowCount, JSON.parse(this.text.slice(start, end)) as unknown);
      } catch (error) {
        checked = `not JSON (${error instanceof Error ? error.message : String(error)})`;
      }
      if (typeof checked !== "string" && checked.name !== this.nameAt(start, i)) checked = `its name is not where the index expects it`;
      if (typeof checked === "string") this.damaged(`row ${i} (line ${i + 3}): ${checked}`);
      else row = checked;
    }
    this.rows.set(i, row);
    return row;
  }

  private damaged(why: string): void {
    this.firstDamage ??= `Debian ${this.release} table: ${why}`;
  }

  /** The name at block `b`'s offset, for the bisection (the block's lines are checked when it is read). */
  private firstName(b: number): string {
    const start = this.rowsStart + (this.header.blocks[b] ?? 0);
    if (this.text[start - 1] !== "\n") this.damaged(`block offset ${b} does not point at the start of a line: lines were added, removed or changed in length before it`);
    return (this.firstNames[b] ??= this.nameAt(start, b * this.header.block));
  }

  /** The name a row's line starts with (`["name",…`), without parsing the row; "" (and damage) when the line is not a row. */
  private nameAt(start: number, i: number): string {
    const end = this.text.startsWith('["', start) ? this.text.indexOf('"', start + 2) : -1;
    if (end < 0) {
      this.damaged(`row ${i} (line ${i + 3}) does not start with its name`);
      return "";
    }
    return this.text.slice(start + 2, end);
  }

  /** Line starts of block `b` (and its end), scanned once; null when the block does not hold its rows. */
  private block(b: number): Int32Array | null {
    const known = this.lineStarts.get(b);
    if (known !== undefined) return known;
    const { block, blocks } = this.header;
    const start = this.rowsStart + (blocks[b] ?? 0);
    const end = b + 1 < blocks.length ? this.rowsStart + (blocks[b + 1] ?? 0) : this.rowsEnd;
    const rows = Math.min(block, this.rowCount - b * block);
    const starts = new Int32Array(rows + 1);
    let at = start;
    let ok = this.text[start - 1] === "\n";
    for (let k = 0; ok && k < rows; k++) {
      starts[k] = at;
      const newline = this.text.indexOf("\n", at);
      if (newline < 0 || newline >= end) ok = false;
      else at = newline + 1;
    }
    starts[rows] = at;
    if (!ok || at !== end) {
      this.damaged(`rows ${b * block}–${b * block + rows - 1} (lines ${b * block + 3}–${b * block + rows + 2}) are not ${rows} whole lines where the block offsets say: lines were added, removed or changed in length here or before`);
      this.lineStarts.set(b, null);
      return null;
    }
    this.lineStarts.set(b, starts);
    return starts;
  }
}
