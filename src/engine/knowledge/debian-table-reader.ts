// Reads a Debian release table (schema 3, see debian-table-schema.ts) lazily: installing it reads and
// checks the first line and the last; a name lookup bisects the block offsets (reading a few characters at
// each), then reads one block's lines; a row is parsed and checked against the schema the first time it is
// read, and kept. The table comes as its text, or as a source that reads a range of the file when asked
// (Node reads the file from disk a block at a time: src/node/load-tables.ts). A damaged row (or block, or
// a read that fails) answers "absent" and is reported by `damage()`, with its line: nothing here throws.
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

/**
 * A table file read by ranges of characters (the generator writes ASCII only, so characters are bytes).
 * `slice` may throw (a file that went away): the reader reports it as damage.
 */
export interface DebianTableSource {
  readonly length: number;
  slice(start: number, end: number): string;
}

/** A table's whole text as a source (the worker's fetched text; tests). */
export function textSource(text: string): DebianTableSource {
  return { length: text.length, slice: (start, end) => text.slice(start, end) };
}

const ROWS_LINE = '"rows":[\n';
/** What is read first: the whole first line of a generated table (~12 kB: the block offsets, the base sets). */
const HEAD_CHARS = 64 * 1024;
/** What is read at a block's offset to learn its first name (Debian names are under 100 characters). */
const NAME_CHARS = 256;

/** Checks the first line and the layout's frame, and gives a reader of the rest. Never throws. */
export function readDebianTableText(release: DebianRelease, file: string | DebianTableSource): ReadResult {
  const fail = (why: string): ReadResult => ({ ok: false, error: `Debian ${release} table: ${why}` });
  const source = typeof file === "string" ? textSource(file) : file;
  let head: string;
  let tail: string;
  try {
    head = source.slice(0, HEAD_CHARS);
    for (let chars = HEAD_CHARS * 4; !head.includes("\n") && head.length < source.length; chars *= 4) head = source.slice(0, chars);
    tail = source.slice(Math.max(0, source.length - 16), source.length);
  } catch (error) {
    return fail(`cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  const firstEnd = head.indexOf("\n");
  const first = firstEnd < 0 ? head : head.slice(0, firstEnd);
  if (!first.startsWith("{") || !first.endsWith(",") || !head.startsWith(ROWS_LINE, firstEnd + 1)) {
    const schema = /^\s*\{\s*"schema"\s*:\s*(\d+)/.exec(head)?.[1];
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
  const trimmed = tail.trimEnd();
  if (!trimmed.endsWith("\n]}")) return fail(`the last line is not "]}": the file is cut short`);
  const rowsEnd = source.length - tail.length + trimmed.length - 2; // just after the last row's "\n"
  for (let b = 0; b < blockCount; b++) {
    const at = header.blocks[b] ?? 0;
    if (!Number.isSafeInteger(at)) return fail(`block offset ${b} is not a whole number`);
    if (b === 0 ? at !== 0 : at <= (header.blocks[b - 1] ?? 0)) return fail(`block offset ${b} is out of order`);
    if (rowsStart + at >= rowsEnd) return fail(`block offset ${b} points past the last row: the file is cut short`);
  }
  return { ok: true, reader: new Reader(release, source, header, rowCount, rowsStart, rowsEnd) };
}

/** One block as read: its text (from the "\n" before its first row) and where each row's line starts in it. */
interface Block {
  readonly text: string;
  /** One more entry than rows: the block's end. */
  readonly starts: Int32Array;
}

class Reader implements DebianTableReader {
  private readonly blocks = new Map<number, Block | null>();
  private readonly firstNames: (string | undefined)[] = [];
  /** Rows read so far (null: damaged), by row number: an array, as the closures read them in tight loops. */
  private readonly rows: (DebianRow | null | undefined)[] = [];
  private rowsParsed = 0;
  private readonly found = new Map<string, number | undefined>();
  private firstDamage: string | null = null;

  constructor(
    private readonly release: DebianRelease,
    private readonly source: DebianTableSource,
    readonly header: DebianTableHeader,
    readonly rowCount: number,
    private readonly rowsStart: number,
    private readonly rowsEnd: number,
  ) {}

  damage(): string | null {
    return this.firstDamage;
  }

  rowsRead(): number {
    return this.rowsParsed;
  }

  find(name: string): number | undefined {
    // Names found before: a closure asks for the same names again and again (a Map lookup, against ~20
    // string slices and comparisons for a bisection).
    if (this.found.has(name)) return this.found.get(name);
    const at = this.search(name);
    this.found.set(name, at);
    return at;
  }

  private search(name: string): number | undefined {
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
    const block = this.block(lo);
    if (block === null) return undefined;
    let a = 0;
    let b = block.starts.length - 2;
    while (a <= b) {
      const m = (a + b) >> 1;
      const found = this.nameAt(block.text, block.starts[m] ?? 0, lo * this.header.block + m);
      if (found === name) return lo * this.header.block + m;
      if (found < name) a = m + 1;
      else b = m - 1;
    }
    return undefined;
  }

  row(i: number): DebianRow | undefined {
    const known = this.rows[i];
    if (known !== undefined) return known ?? undefined;
    if (!Number.isInteger(i) || i < 0 || i >= this.rowCount) return undefined;
    const block = this.block(Math.floor(i / this.header.block));
    const k = i % this.header.block;
    let row: DebianRow | undefined;
    if (block !== null) {
      const start = block.starts[k] ?? 0;
      let end = (block.starts[k + 1] ?? 0) - 1; // before the "\n"
      if (block.text[end - 1] === ",") end--;
      let checked: DebianRow | string;
      try {
        checked = checkRow(this.header, this.rowCount, JSON.parse(block.text.slice(start, end)) as unknown);
      } catch (error) {
        checked = `not JSON (${error instanceof Error ? error.message : String(error)})`;
      }
      if (typeof checked !== "string" && checked.name !== this.nameAt(block.text, start, i)) checked = `its name is not where the index expects it`;
      if (typeof checked === "string") this.damaged(`row ${i} (line ${i + 3}): ${checked}`);
      else row = checked;
    }
    this.rows[i] = row ?? null;
    this.rowsParsed++;
    return row;
  }

  private damaged(why: string): void {
    this.firstDamage ??= `Debian ${this.release} table: ${why}`;
  }

  /** A range of the file; null (and damage) when it cannot be read. */
  private read(start: number, end: number): string | null {
    try {
      return this.source.slice(start, end);
    } catch (error) {
      this.damaged(`characters ${start}–${end} cannot be read (${error instanceof Error ? error.message : String(error)})`);
      return null;
    }
  }

  /** The name at block `b`'s offset, for the bisection (the block's lines are checked when it is read). */
  private firstName(b: number): string {
    const known = this.firstNames[b];
    if (known !== undefined) return known;
    const start = this.rowsStart + (this.header.blocks[b] ?? 0);
    // From the "\n" before the offset: a block starts a line.
    const text = this.blocks.get(b)?.text ?? this.read(start - 1, Math.min(start + NAME_CHARS, this.rowsEnd)) ?? "";
    if (!text.startsWith("\n")) this.damaged(`block offset ${b} does not point at the start of a line: lines were added, removed or changed in length before it`);
    return (this.firstNames[b] = this.nameAt(text, 1, b * this.header.block));
  }

  /** The name a row's line starts with (`["name",…`), without parsing the row; "" (and damage) when the line is not a row. */
  private nameAt(text: string, start: number, i: number): string {
    const end = text.startsWith('["', start) ? text.indexOf('"', start + 2) : -1;
    if (end < 0) {
      this.damaged(`row ${i} (line ${i + 3}) does not start with its name`);
      return "";
    }
    return text.slice(start + 2, end);
  }

  /** Block `b` read and split into lines, once; null when it does not hold its rows. */
  private block(b: number): Block | null {
    const known = this.blocks.get(b);
    if (known !== undefined) return known;
    const { block, blocks } = this.header;
    const start = this.rowsStart + (blocks[b] ?? 0);
    const end = b + 1 < blocks.length ? this.rowsStart + (blocks[b + 1] ?? 0) : this.rowsEnd;
    const rows = Math.min(block, this.rowCount - b * block);
    const text = this.read(start - 1, end);
    const starts = new Int32Array(rows + 1);
    let at = 1;
    let ok = text?.startsWith("\n") === true;
    for (let k = 0; ok && k < rows; k++) {
      starts[k] = at;
      const newline = text?.indexOf("\n", at) ?? -1;
      if (newline < 0) ok = false;
      else at = newline + 1;
    }
    starts[rows] = at;
    if (text === null || !ok || at !== text.length) {
      this.damaged(`rows ${b * block}–${b * block + rows - 1} (lines ${b * block + 3}–${b * block + rows + 2}) are not ${rows} whole lines where the block offsets say: lines were added, removed or changed in length here or before`);
      this.blocks.set(b, null);
      return null;
    }
    const read = { text, starts };
    this.blocks.set(b, read);
    return read;
  }
}
