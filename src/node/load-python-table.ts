// Node side of the wheel table (STYLE 12): reads src/engine/knowledge/data/python-wheels.json from disk and
// installs it into the engine. The CLI calls it at startup and Vitest in its setup file; the browser
// worker fetches the same file instead (src/worker/python-table.ts). The engine itself never touches fs.
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { installPythonTableIndexed, installPythonTableText, type InstallResult } from "../engine/knowledge/python-table";

/** Where the generated table lives in the repository. */
export const PYTHON_TABLE_PATH = resolve(dirname(fileURLToPath(import.meta.url)), "../engine/knowledge/data/python-wheels.json");

/** The index the CLI's build writes beside the table (scripts/build-cli.ts `wheelTableIndex`). */
export const PYTHON_TABLE_INDEX = "python-wheels.index.json";

/**
 * Installs the table from the index beside it, reading a project's row from the file when it is looked up;
 * null when there is no index, or it was not made from this file (another size), or it cannot be read:
 * then the table is read whole.
 */
function loadIndexed(path: string): InstallResult | null {
  const indexPath = join(dirname(path), PYTHON_TABLE_INDEX);
  if (!existsSync(indexPath)) return null;
  let fd: number | null = null;
  try {
    const index = JSON.parse(readFileSync(indexPath, "utf8")) as { format?: unknown; bytes?: unknown; top?: unknown; names?: unknown; offsets?: unknown };
    fd = openSync(path, "r");
    if (index.format !== 2 || index.bytes !== fstatSync(fd).size) {
      closeSync(fd);
      return null;
    }
    const file = fd;
    fd = null; // kept open: rows are read from it for the rest of the process
    return installPythonTableIndexed(index.top, index.names, index.offsets, (start, end) => {
      const bytes = Buffer.allocUnsafe(end - start);
      if (readSync(file, bytes, 0, bytes.length, start) !== bytes.length) throw new Error(`${path} is shorter than its index says`);
      return bytes.toString("utf8");
    });
  } catch {
    if (fd !== null) closeSync(fd);
    return null;
  }
}

/** Read and install the table; an unreadable or malformed file is an error result, never a throw. The
 *  text is indexed, not parsed whole: a project's row is parsed when first looked up (installPythonTableText);
 *  beside the bundled CLI an index made at build time spares even the reading. */
export function loadPythonTable(path: string = PYTHON_TABLE_PATH): InstallResult {
  const indexed = loadIndexed(path);
  if (indexed?.ok === true) return indexed;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    return { ok: false, error: `cannot read the package table ${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const result = installPythonTableText(text);
  return result.ok ? result : { ok: false, error: `cannot read the package table ${path}: ${result.error}` };
}
