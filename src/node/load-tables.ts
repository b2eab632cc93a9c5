// Node-only: gives the engine the Debian release tables (src/engine/knowledge/data/debian-<release>.json)
// from disk. The engine never reads files itself (it also runs in a browser worker, which fetches them):
// it is handed the JSON, here through a loader it calls the first time a release is needed.
// Used by the CLI at start-up and by Vitest as a setup file, so every engine test has the tables.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DebianRelease } from "../engine/knowledge/debian-table-schema";
import { registerDebianTableLoader } from "../engine/knowledge/debian-tables";

/** Where the generated tables live in the repository. */
export const DEBIAN_TABLES_DIR = join(dirname(fileURLToPath(import.meta.url)), "../engine/knowledge/data");

/** The parsed JSON of one release's table file; null when the file is absent. Throws on unreadable JSON. */
export function readDebianTable(release: DebianRelease, dir: string = DEBIAN_TABLES_DIR): unknown {
  const file = join(dir, `debian-${release}.json`);
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, "utf8")) as unknown;
}

/**
 * Lets the engine load each release's table from `dir` when it first needs it (about 0.2 s per table).
 * A missing or damaged file leaves that release without a table (lookups fall back, and
 * debianTableError says why); it never throws into the estimate.
 */
export function registerDebianTablesFromDisk(dir: string = DEBIAN_TABLES_DIR): void {
  registerDebianTableLoader((release) => readDebianTable(release, dir));
}
