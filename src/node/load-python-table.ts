// Node side of the wheel table (STYLE 12): reads src/engine/knowledge/data/python-wheels.json from disk and
// installs it into the engine. The CLI calls it at startup and Vitest in its setup file; the browser
// worker fetches the same file instead (src/worker/python-table.ts). The engine itself never touches fs.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { installPythonTableText, type InstallResult } from "../engine/knowledge/python-table";

/** Where the generated table lives in the repository. */
export const PYTHON_TABLE_PATH = resolve(dirname(fileURLToPath(import.meta.url)), "../engine/knowledge/data/python-wheels.json");

/** Read and install the table; an unreadable or malformed file is an error result, never a throw. The
 *  text is indexed, not parsed whole: a project's row is parsed when first looked up (installPythonTableText). */
export function loadPythonTable(path: string = PYTHON_TABLE_PATH): InstallResult {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    return { ok: false, error: `cannot read the package table ${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const result = installPythonTableText(text);
  return result.ok ? result : { ok: false, error: `cannot read the package table ${path}: ${result.error}` };
}
