// Node side of the wheel table (STYLE 12): reads src/engine/knowledge/data/python-wheels.json from disk and
// installs it into the engine. The CLI calls it at startup and Vitest in its setup file; the browser
// worker fetches the same file instead (src/worker/python-table.ts). The engine itself never touches fs.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { installPythonTable, type InstallResult } from "../engine/knowledge/python-table";

/** Where the generated table lives in the repository. */
export const PYTHON_TABLE_PATH = resolve(dirname(fileURLToPath(import.meta.url)), "../engine/knowledge/data/python-wheels.json");

/** Read and install the table; an unreadable or malformed file is an error result, never a throw. */
export function loadPythonTable(path: string = PYTHON_TABLE_PATH): InstallResult {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8")) as unknown;
  } catch (error) {
    return { ok: false, error: `cannot read the package table ${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
  return installPythonTable(json);
}
