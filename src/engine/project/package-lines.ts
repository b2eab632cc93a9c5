// Lines of each `[[package]]` header in a TOML lock, in order, found in one pass: the i-th package entry of
// the parsed document starts at the i-th header (TOML keeps array-of-tables order). One scan, so a 5 MB lock
// costs linear time. `readLockPackages` walks the entries with their lines for uv.lock and poetry.lock alike.
import { normalizeName } from "../requirements/normalize-name";
import { arrayOf, isTable, stringOf, type PlainTable, type ProjectSource } from "./read-toml";
import type { LockedPackage } from "./types";

/** Each `[[package]]` entry that has a name, read by `read` (with its normalised name and header line); an
 *  entry without a name is reported at its line and skipped. */
export function readLockPackages(source: ProjectSource, doc: PlainTable, read: (entry: PlainTable, name: string, line: number) => LockedPackage): LockedPackage[] {
  const lines = packageLines(source, "[[package]]");
  const packages: LockedPackage[] = [];
  arrayOf(doc["package"]).forEach((entry, i) => {
    const line = lines[i] ?? 1;
    const name = isTable(entry) ? stringOf(entry["name"]) : null;
    if (!isTable(entry) || name === null) {
      source.report("project/wrong-shape", `Package entry ${i + 1} of ${source.path} has no name: it was skipped.`, line);
      return;
    }
    packages.push(read(entry, normalizeName(name), line));
  });
  return packages;
}

export function packageLines(source: ProjectSource, header: string): number[] {
  const lines: number[] = [];
  const text = source.text;
  let line = 1;
  let scanned = 0;
  for (let at = text.indexOf(header); at !== -1; at = text.indexOf(header, at + header.length)) {
    // Only a header at the start of a line (after indentation) counts; `"[[package]]"` in a string does not.
    const lineStart = text.lastIndexOf("\n", at - 1) + 1;
    if (text.slice(lineStart, at).trim() !== "") continue;
    for (let i = scanned; i < at; i++) if (text.charCodeAt(i) === 10) line++;
    scanned = at;
    lines.push(line);
  }
  return lines;
}
