// Node-only: gives the engine the Debian release tables (src/engine/knowledge/data/debian-<release>.json)
// from disk. The engine never reads files itself (it also runs in a browser worker, which fetches them):
// it is handed the file's text, here through a loader it calls the first time a release is needed, and
// reads the rows it looks up (src/engine/knowledge/debian-table-reader.ts).
// Used by the CLI at start-up and by Vitest as a setup file, so every engine test has the tables.
import { isAscii } from "node:buffer";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DebianRelease } from "../engine/knowledge/debian-table-schema";
import { registerDebianTableLoader } from "../engine/knowledge/debian-tables";

/** Where the generated tables live in the repository. */
export const DEBIAN_TABLES_DIR = join(dirname(fileURLToPath(import.meta.url)), "../engine/knowledge/data");

/** The text of one release's table file; null when the file is absent. Throws when it cannot be read. */
export function readDebianTable(release: DebianRelease, dir: string = DEBIAN_TABLES_DIR): string | null {
  const file = join(dir, `debian-${release}.json`);
  if (!existsSync(file)) return null;
  const bytes = readFileSync(file);
  // The generator writes ASCII only (non-ASCII escaped): then Latin-1 decodes the same text without UTF-8's
  // validation pass (a few ms of every cold start on ~5 MB). Anything else is decoded as the UTF-8 it is.
  return bytes.toString(isAscii(bytes) ? "latin1" : "utf8");
}

/**
 * Lets the engine load each release's table from `dir` when it first needs it (reading ~5 MB and checking
 * its first line: a few ms; rows are parsed when looked up). A missing or damaged file leaves that release
 * without a table (lookups fall back, and debianTableError says why); it never throws into the estimate.
 */
export function registerDebianTablesFromDisk(dir: string = DEBIAN_TABLES_DIR): void {
  registerDebianTableLoader((release) => readDebianTable(release, dir));
}
