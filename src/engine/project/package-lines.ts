// Lines of each `[[package]]` header in a TOML lock, in order, found in one pass: the i-th package entry of
// the parsed document starts at the i-th header (TOML keeps array-of-tables order). One scan, so a 5 MB lock
// costs linear time.
import type { ProjectSource } from "./read-toml";

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
