// pdm.lock: `[[package]]` entries with name, version, the project groups that need them (`groups`, written
// since lock_version 4.4.1's `inherit_metadata` strategy; `default` is the main dependencies), a package-level
// `marker`, `dependencies` as PEP 508 strings, and `files` (filenames and hashes, no sizes). A package with
// extras has a second entry of the same name with `extras = [...]`, whose dependencies are the base package
// and what the extras add. The project itself has no entry.
import { normalizeName } from "../requirements/normalize-name";
import { readLockPackages } from "./package-lines";
import { arrayOf, isTable, ProjectSource, stringOf, stringsOf, type PlainTable } from "./read-toml";
import type { LockedDependency, LockedPackage, LockedWheel, LockFile, ParsedProjectFile } from "./types";

export function parsePdmLock(path: string, content: string | Uint8Array): ParsedProjectFile {
  const source = new ProjectSource(path, content);
  const doc = source.parseToml();
  const lock: LockFile = { packages: doc === null ? [] : readPackages(source, doc) };
  return { kind: "pdm-lock", path, lock, diagnostics: source.diagnostics, textLength: source.text.length };
}

function readPackages(source: ProjectSource, doc: PlainTable): LockedPackage[] {
  const entries = readLockPackages(source, doc, (entry, name, line) => {
    const extras = stringsOf(entry["extras"]).strings.map(normalizeName);
    const dependencies = stringsOf(entry["dependencies"]).strings.map(pep508Edge).filter((e) => e !== null);
    const wheels: LockedWheel[] = arrayOf(entry["files"]).flatMap((f) => {
      const file = isTable(f) ? stringOf(f["file"]) ?? stringOf(f["url"])?.split("/").pop() ?? null : null;
      return file !== null && file.endsWith(".whl") ? [{ filename: file, size: null }] : [];
    });
    return {
      name,
      version: stringOf(entry["version"]),
      source: stringOf(entry["path"]) !== null || entry["editable"] === true ? "path" : stringOf(entry["git"]) !== null ? "git" : stringOf(entry["url"]) !== null ? "url" : "registry",
      dependencies: extras.length > 0 ? [] : dependencies,
      optionalDependencies: new Map(extras.map((extra) => [extra, dependencies])),
      groupDependencies: new Map(),
      wheels,
      sdistSize: null,
      groups: stringsOf(entry["groups"]).strings.map((g) => (g === "default" ? "main" : normalizeName(g))),
      optional: false,
      marker: stringOf(entry["marker"]),
      line,
    };
  });
  return mergeExtrasEntries(entries);
}

/**
 * One package per (name, version): an extras entry's edges (the base package, then what the extras add)
 * become the base entry's optional dependencies, so a walk that asks for `name[extra]` finds them, and its
 * groups join the base entry's. An extras entry without its base entry stays as it is.
 */
function mergeExtrasEntries(entries: readonly LockedPackage[]): LockedPackage[] {
  const out: LockedPackage[] = [];
  const base = new Map<string, number>();
  for (const entry of entries) if (entry.optionalDependencies.size === 0) base.set(`${entry.name}@${entry.version ?? ""}`, base.size);
  const merged = entries.filter((e) => e.optionalDependencies.size === 0).map((e) => ({ ...e, optionalDependencies: new Map(e.optionalDependencies), groups: [...e.groups] }));
  for (const entry of entries) {
    if (entry.optionalDependencies.size === 0) continue;
    const at = base.get(`${entry.name}@${entry.version ?? ""}`);
    const target = at === undefined ? undefined : merged[at];
    if (target === undefined) {
      out.push(entry);
      continue;
    }
    for (const [extra, edges] of entry.optionalDependencies) target.optionalDependencies.set(extra, edges);
    for (const group of entry.groups) if (!target.groups.includes(group)) target.groups.push(group);
  }
  return [...merged, ...out];
}

/** `name[extra1,extra2] (specifier) ; marker` → an edge; null when the string names no package. */
export function pep508Edge(text: string): LockedDependency | null {
  const semicolon = text.indexOf(";");
  const head = semicolon < 0 ? text : text.slice(0, semicolon);
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?/.exec(head);
  if (match?.[1] === undefined) return null;
  return {
    name: normalizeName(match[1]),
    marker: semicolon < 0 ? null : text.slice(semicolon + 1).trim() || null,
    extras: (match[2] ?? "").split(",").map((e) => e.trim()).filter((e) => e !== "").map(normalizeName),
    version: null,
  };
}
