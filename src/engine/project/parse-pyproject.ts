// pyproject.toml: what the project asks for — PEP 621 `[project]` dependencies and optional-dependencies,
// PEP 735 `[dependency-groups]`, uv's `[tool.uv] dev-dependencies`/`default-groups`, pdm's
// `[tool.pdm.dev-dependencies]`, and poetry's
// `[tool.poetry.dependencies]` / `[tool.poetry.group.<g>.dependencies]` / dev-dependencies (constraints
// translated to PEP 440). Output: PEP 508 strings the requirements parser reads.
import { normalizeName } from "../requirements/normalize-name";
import { poetryConstraintToPep440 } from "./poetry-constraint";
import { arrayOf, isTable, ProjectSource, stringOf, stringsOf, tableAt, type Plain, type PlainTable } from "./read-toml";
import { emptyManifest, type ParsedProjectFile, type ProjectManifest } from "./types";

export function parsePyproject(path: string, content: string | Uint8Array): ParsedProjectFile {
  const source = new ProjectSource(path, content);
  const doc = source.parseToml();
  const manifest = doc === null ? emptyManifest() : readPyproject(source, doc);
  return { kind: "pyproject", path, manifest, diagnostics: source.diagnostics, textLength: source.text.length };
}

function readPyproject(source: ProjectSource, doc: PlainTable): ProjectManifest {
  const project = tableAt(doc, "project");
  const poetry = tableAt(doc, "tool", "poetry");
  const uv = tableAt(doc, "tool", "uv");
  const rawName = stringOf(project?.["name"]) ?? stringOf(poetry?.["name"]);
  const dependencies = [...pep508List(source, project?.["dependencies"], "[project] dependencies")];
  const optionalDependencies = new Map<string, string[]>();
  for (const [extra, list] of Object.entries(tableAt(project, "optional-dependencies") ?? {})) {
    optionalDependencies.set(normalizeName(extra), pep508List(source, list, `[project.optional-dependencies] ${extra}`));
  }
  const groups = new Map<string, string[]>();
  const addGroup = (name: string, items: readonly string[]) => {
    const key = normalizeName(name);
    groups.set(key, [...(groups.get(key) ?? []), ...items]);
  };
  for (const [group, list] of Object.entries(tableAt(doc, "dependency-groups") ?? {})) {
    // `{include-group = "x"}` entries (PEP 735) are followed after all groups are read.
    addGroup(group, pep508List(source, arrayOf(list).filter((item) => typeof item === "string"), `[dependency-groups] ${group}`));
  }
  for (const [group, list] of Object.entries(tableAt(doc, "dependency-groups") ?? {})) {
    for (const item of arrayOf(list)) {
      const included = isTable(item) ? stringOf(item["include-group"]) : null;
      if (included !== null) addGroup(group, groups.get(normalizeName(included)) ?? []);
    }
  }
  if (uv !== null && uv["dev-dependencies"] !== undefined) addGroup("dev", pep508List(source, uv["dev-dependencies"], "[tool.uv] dev-dependencies"));
  // pdm's own dev groups (before PEP 735): `[tool.pdm.dev-dependencies] test = ["pytest"]`.
  for (const [group, list] of Object.entries(tableAt(doc, "tool", "pdm", "dev-dependencies") ?? {})) {
    addGroup(group, pep508List(source, list, `[tool.pdm.dev-dependencies] ${group}`));
  }
  const devGroups = new Set(groups.keys());
  const defaultGroupsRaw = uv?.["default-groups"];
  const defaultGroups = defaultGroupsRaw === "all" ? [...groups.keys()] : Array.isArray(defaultGroupsRaw) ? stringsOf(defaultGroupsRaw).strings.map(normalizeName) : null;
  const optionalGroups = new Set<string>();
  if (poetry !== null) readPoetry(source, poetry, dependencies, optionalDependencies, addGroup, optionalGroups);
  const { packageIndexes, defaultIndex } = readIndexes(doc, uv, poetry);
  const poetryPython = stringOf(tableAt(poetry, "dependencies")?.["python"]);
  const requiresPython = stringOf(project?.["requires-python"]) ?? (poetryPython === null ? null : poetryConstraintToPep440(poetryPython).specifier.replace(/^,/, "") || null);
  return { ...emptyManifest(), name: rawName === null ? null : normalizeName(rawName), dependencies, optionalDependencies, groups, devGroups, optionalGroups, defaultGroups, packageIndexes, defaultIndex, requiresPython };
}

/** Which index each package comes from, by uv's sources and indexes (docs.astral.sh/uv/concepts/indexes)
 *  or poetry's sources (python-poetry.org/docs/repositories): PyTorch's CPU wheels are the common case. */
function readIndexes(doc: PlainTable, uv: PlainTable | null, poetry: PlainTable | null): Pick<ProjectManifest, "packageIndexes" | "defaultIndex"> {
  const urls = new Map<string, string>();
  let defaultIndex: string | null = stringOf(uv?.["index-url"]);
  for (const item of arrayOf(uv?.["index"])) {
    if (!isTable(item)) continue;
    const url = stringOf(item["url"]);
    const name = stringOf(item["name"]);
    if (url === null) continue;
    if (name !== null) urls.set(`uv:${name}`, url);
    if (item["default"] === true) defaultIndex = url;
  }
  for (const item of arrayOf(poetry?.["source"])) {
    if (!isTable(item)) continue;
    const url = stringOf(item["url"]);
    const name = stringOf(item["name"]);
    if (url === null || name === null) continue;
    urls.set(`poetry:${name}`, url);
    if (item["priority"] === "primary" || item["priority"] === "default" || item["default"] === true) defaultIndex ??= url;
  }
  const packageIndexes = new Map<string, { url: string; marker: string | null }[]>();
  const add = (pkg: string, tool: "uv" | "poetry", index: string | null, marker: string | null) => {
    const url = index === null ? undefined : urls.get(`${tool}:${index}`);
    if (url === undefined) return;
    const key = normalizeName(pkg);
    packageIndexes.set(key, [...(packageIndexes.get(key) ?? []), { url, marker }]);
  };
  for (const [pkg, value] of Object.entries(tableAt(doc, "tool", "uv", "sources") ?? {})) {
    for (const entry of Array.isArray(value) ? (value as readonly Plain[]) : [value]) {
      if (isTable(entry)) add(pkg, "uv", stringOf(entry["index"]), stringOf(entry["marker"]));
    }
  }
  const poetryTables = [tableAt(poetry, "dependencies"), ...Object.values(tableAt(poetry, "group") ?? {}).map((g) => tableAt(g, "dependencies"))];
  for (const table of poetryTables) {
    for (const [pkg, value] of Object.entries(table ?? {})) {
      for (const entry of Array.isArray(value) ? (value as readonly Plain[]) : [value]) {
        if (isTable(entry)) add(pkg, "poetry", stringOf(entry["source"]), stringOf(entry["markers"]));
      }
    }
  }
  return { packageIndexes, defaultIndex };
}

function pep508List(source: ProjectSource, value: Plain | undefined, where: string): string[] {
  if (value === undefined) return [];
  const { strings, skipped } = stringsOf(value);
  if (!Array.isArray(value) || skipped > 0) {
    source.report("project/wrong-shape", `${where} should be a list of requirement strings: ${Array.isArray(value) ? `${skipped} item(s) that are not strings were skipped` : "it was ignored"}.`, source.lineOf(where.replace(/^\[[^\]]*\] /, "")));
  }
  return strings;
}

interface PoetryDependency {
  readonly name: string;
  readonly spec: string;
  readonly optional: boolean;
}

function readPoetry(source: ProjectSource, poetry: PlainTable, dependencies: string[], extras: Map<string, string[]>, addGroup: (name: string, items: readonly string[]) => void, optionalGroups: Set<string>): void {
  const main = poetryDependencies(source, tableAt(poetry, "dependencies"));
  // PEP 621 dependencies win when both are given (poetry 2 reads [project] first).
  if (dependencies.length === 0) dependencies.push(...main.filter((d) => !d.optional).map((d) => d.spec));
  const dev = tableAt(poetry, "dev-dependencies");
  if (dev !== null) addGroup("dev", poetryDependencies(source, dev).map((d) => d.spec));
  for (const [group, table] of Object.entries(tableAt(poetry, "group") ?? {})) {
    addGroup(group, poetryDependencies(source, tableAt(table, "dependencies")).map((d) => d.spec));
    if (isTable(table) && table["optional"] === true) optionalGroups.add(normalizeName(group));
  }
  // An optional dependency is installed only through an extra that names it.
  for (const [extra, names] of Object.entries(tableAt(poetry, "extras") ?? {})) {
    const wanted = new Set(stringsOf(names).strings.map(normalizeName));
    extras.set(normalizeName(extra), main.filter((d) => wanted.has(d.name)).map((d) => d.spec));
  }
}

/** `name = "^1.2"` / `name = { version = "^1.2", extras = [...], markers = "...", optional = true }` /
 *  a list of those (per-platform alternatives: the first stands in). `python` is the interpreter, not a
 *  package. */
function poetryDependencies(source: ProjectSource, table: PlainTable | null): PoetryDependency[] {
  const out: PoetryDependency[] = [];
  for (const [rawName, value] of Object.entries(table ?? {})) {
    if (rawName.toLowerCase() === "python") continue;
    const name = normalizeName(rawName);
    const entry = Array.isArray(value) ? (value as readonly Plain[])[0] : value;
    if (typeof entry === "string") {
      out.push({ name, spec: `${rawName}${poetryConstraintToPep440(entry).specifier}`, optional: false });
    } else if (isTable(entry)) {
      const extras = stringsOf(entry["extras"]).strings;
      const version = stringOf(entry["version"]);
      const markers = stringOf(entry["markers"]);
      const local = stringOf(entry["path"]) ?? stringOf(entry["git"]) ?? stringOf(entry["url"]);
      const extraText = extras.length > 0 ? `[${extras.join(",")}]` : "";
      let spec = local !== null && version === null ? `${rawName}${extraText} @ ${local}` : `${rawName}${extraText}${version === null ? "" : poetryConstraintToPep440(version).specifier}`;
      if (markers !== null) spec += ` ; ${markers}`;
      out.push({ name, spec, optional: entry["optional"] === true });
    } else {
      source.report("project/wrong-shape", `The poetry dependency ${rawName} should be a version string or a table: it was ignored.`, source.lineOf(rawName));
    }
  }
  return out;
}
