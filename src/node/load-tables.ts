// Node-only: gives the engine the Debian release tables (src/engine/knowledge/data/debian-<release>.json)
// from disk. The engine never reads files itself (it also runs in a browser worker, which fetches them):
// it is handed a source that reads a range of the file when asked, through a loader it calls the first
// time a release is needed. It reads the first line (~12 kB) and then the blocks its lookups need
// (src/engine/knowledge/debian-table-reader.ts): a CLI start on a Debian base no longer reads ~5 MB.
// Used by the CLI at start-up and by Vitest as a setup file, so every engine test has the tables.
import { isAscii } from "node:buffer";
import { closeSync, existsSync, fstatSync, openSync, readSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DebianRelease } from "../engine/knowledge/debian-table-schema";
import { registerDebianTableLoader, type DebianTableSource } from "../engine/knowledge/debian-tables";

/** Where the generated tables live in the repository. */
export const DEBIAN_TABLES_DIR = join(dirname(fileURLToPath(import.meta.url)), "../engine/knowledge/data");

/**
 * A table file read by ranges, from an open descriptor (kept for the process: a table, once installed, is
 * read until the process ends). The generator writes ASCII only (debian-table-schema.ts), so a byte is a
 * character and Latin-1 decodes it as is; a range holding other bytes is not a file the generator wrote.
 */
export function fileSource(file: string): DebianTableSource {
  const fd = openSync(file, "r");
  let size: number;
  try {
    size = fstatSync(fd).size;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  return {
    length: size,
    slice(start, end) {
      const from = Math.max(0, Math.min(start, size));
      const bytes = Buffer.allocUnsafe(Math.max(0, Math.min(end, size) - from));
      for (let done = 0; done < bytes.length;) {
        const n = readSync(fd, bytes, done, bytes.length - done, from + done);
        if (n === 0) throw new Error(`${file} ended at byte ${from + done}: it changed while it was read`);
        done += n;
      }
      if (!isAscii(bytes)) throw new Error(`${file} holds non-ASCII bytes at ${from}–${from + bytes.length}: not a file the generator wrote`);
      return bytes.toString("latin1");
    },
  };
}

/** One release's table file, read by ranges; null when the file is absent. Throws when it cannot be opened. */
export function readDebianTable(release: DebianRelease, dir: string = DEBIAN_TABLES_DIR): DebianTableSource | null {
  const file = join(dir, `debian-${release}.json`);
  return existsSync(file) ? fileSource(file) : null;
}

/**
 * Lets the engine load each release's table from `dir` when it first needs it (opening the file and
 * reading its first line; rows are read when looked up). A missing or damaged file leaves that release
 * without a table (lookups fall back, and debianTableError says why); it never throws into the estimate.
 */
export function registerDebianTablesFromDisk(dir: string = DEBIAN_TABLES_DIR): void {
  registerDebianTableLoader((release) => readDebianTable(release, dir));
}
