// uv.lock (https://docs.astral.sh/uv/concepts/projects/layout/#the-lockfile): every package uv resolved,
// with its source (registry, or the project itself as `editable`/`virtual`), its dependency edges with
// markers and extras, its optional and development dependencies, and each wheel's and sdist's exact
// `size` in bytes. The installed set is computed in lock-closure.ts.
import { normalizeName } from "../requirements/normalize-name";
import { arrayOf, isTable, ProjectSource, sizeOf, stringOf, type PlainTable } from "./read-toml";
import type { LockedDependency, LockedPackage, LockedSource, LockFile, ParsedProjectFile } from "./types";
import { readLockPackages } from "./package-lines";

export function parseUvLock(path: string, content: string | Uint8Array): ParsedProjectFile {
  const source = new ProjectSource(path, content);
  const doc = source.parseToml();
  const lock: LockFile = { packages: doc === null ? [] : readPackages(source, doc) };
  return { kind: "uv-lock", path, lock, diagnostics: source.diagnostics, textLength: source.text.length };
}

function readPackages(source: ProjectSource, doc: PlainTable): LockedPackage[] {
  return readLockPackages(source, doc, (entry, name, line) => ({
    name,
    version: stringOf(entry["version"]),
    source: sourceKind(entry["source"]),
    dependencies: edges(entry["dependencies"]),
    optionalDependencies: edgeGroups(entry["optional-dependencies"]),
    groupDependencies: edgeGroups(entry["dev-dependencies"]),
    wheels: arrayOf(entry["wheels"]).filter(isTable).map((w) => ({ filename: wheelName(w), size: sizeOf(w["size"]) })),
    sdistSize: isTable(entry["sdist"]) ? sizeOf(entry["sdist"]["size"]) : null,
    groups: [],
    optional: false,
    marker: null,
    line,
  }));
}

function sourceKind(value: unknown): LockedSource {
  if (!isTable(value)) return "other";
  for (const kind of ["registry", "editable", "virtual", "directory", "git", "url", "path"] as const) {
    if (value[kind] !== undefined) return kind;
  }
  return "other";
}

function edges(value: unknown): LockedDependency[] {
  return arrayOf(value).flatMap((d) => {
    const name = isTable(d) ? stringOf(d["name"]) : null;
    if (!isTable(d) || name === null) return [];
    const extras = arrayOf(d["extra"]).filter((e): e is string => typeof e === "string").map(normalizeName);
    return [{ name: normalizeName(name), marker: stringOf(d["marker"]), extras, version: stringOf(d["version"]) }];
  });
}

function edgeGroups(value: unknown): Map<string, LockedDependency[]> {
  const groups = new Map<string, LockedDependency[]>();
  if (isTable(value)) for (const [key, list] of Object.entries(value)) groups.set(normalizeName(key), edges(list));
  return groups;
}

/** Newer locks may carry `filename`; otherwise the URL's last segment is the wheel's file name. */
function wheelName(wheel: PlainTable): string {
  const explicit = stringOf(wheel["filename"]);
  if (explicit !== null) return explicit;
  const url = stringOf(wheel["url"]) ?? stringOf(wheel["path"]) ?? "";
  const last = url.slice(url.lastIndexOf("/") + 1).split(/[?#]/)[0] ?? "";
  try {
    return decodeURIComponent(last);
  } catch {
    return last; // A malformed %-escape: the name as written is still useful.
  }
}
