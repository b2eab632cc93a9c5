// poetry.lock: `[[package]]` entries with name, version, `optional`, the groups that need them (`groups`
// in poetry 2, `category = "main" | "dev"` before poetry 1.5, neither from 1.5 to 1.8: then no group is
// recorded and lock-closure.ts walks from pyproject's groups, as poetry does), package-level `markers`, and
// `[package.dependencies]` / `[package.extras]`. The lock holds no sizes (its `files` list hashes only)
// and no entry for the project itself.
import { normalizeName } from "../requirements/normalize-name";
import { readLockPackages } from "./package-lines";
import { isTable, ProjectSource, stringOf, stringsOf, type Plain, type PlainTable } from "./read-toml";
import type { LockedDependency, LockedPackage, LockFile, ParsedProjectFile } from "./types";

export function parsePoetryLock(path: string, content: string | Uint8Array): ParsedProjectFile {
  const source = new ProjectSource(path, content);
  const doc = source.parseToml();
  const lock: LockFile = { packages: doc === null ? [] : readPackages(source, doc) };
  return { kind: "poetry-lock", path, lock, diagnostics: source.diagnostics, textLength: source.text.length };
}

function readPackages(source: ProjectSource, doc: PlainTable): LockedPackage[] {
  return readLockPackages(source, doc, (entry, name, line) => {
    const groups = stringsOf(entry["groups"]).strings.map(normalizeName);
    const category = stringOf(entry["category"]);
    const extras = new Map<string, LockedDependency[]>();
    for (const [extra, list] of Object.entries(isTable(entry["extras"]) ? entry["extras"] : {})) {
      extras.set(normalizeName(extra), stringsOf(list).strings.map(extraEdge));
    }
    const sourceType = isTable(entry["source"]) ? stringOf(entry["source"]["type"]) : null;
    return {
      name,
      version: stringOf(entry["version"]),
      source: sourceType === null ? "registry" : sourceType === "directory" || sourceType === "git" || sourceType === "url" ? sourceType : sourceType === "file" ? "path" : "other",
      dependencies: dependencyEdges(entry["dependencies"]),
      optionalDependencies: extras,
      groupDependencies: new Map(),
      wheels: [],
      sdistSize: null,
      groups: groups.length > 0 ? groups : category === null ? [] : [normalizeName(category)],
      optional: entry["optional"] === true,
      marker: packageMarker(entry["markers"]),
      line,
    };
  });
}

/** `markers` is a string, or (poetry 2) a table of marker by group: any group's marker may apply. */
function packageMarker(value: Plain | undefined): string | null {
  if (typeof value === "string") return value;
  if (!isTable(value)) return null;
  const markers = Object.values(value).filter((m): m is string => typeof m === "string");
  return markers.length === 0 ? null : markers.map((m) => `(${m})`).join(" or ");
}

/** `[package.dependencies]`: `name = "constraint"`, `name = { version, markers, extras, optional }`, or a
 *  list of those tables (alternatives by marker). Optional edges belong to an extra: skipped here. */
function dependencyEdges(value: Plain | undefined): LockedDependency[] {
  if (!isTable(value)) return [];
  const out: LockedDependency[] = [];
  for (const [rawName, spec] of Object.entries(value)) {
    const alternatives = Array.isArray(spec) ? (spec as readonly Plain[]) : [spec];
    for (const alt of alternatives) {
      if (isTable(alt) && alt["optional"] === true) continue;
      out.push({
        name: normalizeName(rawName),
        marker: isTable(alt) ? stringOf(alt["markers"]) : null,
        extras: isTable(alt) ? stringsOf(alt["extras"]).strings.map(normalizeName) : [],
        version: null,
      });
    }
  }
  return out;
}

/** An extras entry is `"name (>=1.0)"` or `"name[extra] (>=1.0) ; marker"`. */
function extraEdge(text: string): LockedDependency {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?/.exec(text);
  const marker = text.includes(";") ? text.slice(text.indexOf(";") + 1).trim() : null;
  return {
    name: normalizeName(match?.[1] ?? text.trim()),
    marker,
    extras: (match?.[2] ?? "").split(",").map((e) => e.trim()).filter((e) => e !== "").map(normalizeName),
    version: null,
  };
}
