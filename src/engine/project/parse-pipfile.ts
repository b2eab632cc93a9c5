// Pipfile (TOML: `[packages]`, `[dev-packages]`) and Pipfile.lock (JSON: `default` / `develop`, each
// package with `version: "==x"` and optional `markers`). Pipfile.lock is already flat: it lists every
// package pipenv installs, transitive ones included, so it carries no dependency edges.
import { normalizeName } from "../requirements/normalize-name";
import { isTable, ProjectSource, stringOf, stringsOf, type Plain, type PlainTable } from "./read-toml";
import { emptyManifest, type LockedPackage, type ParsedProjectFile } from "./types";

export function parsePipfile(path: string, content: string | Uint8Array): ParsedProjectFile {
  const source = new ProjectSource(path, content);
  const doc = source.parseToml();
  if (doc === null) return { kind: "pipfile", path, manifest: emptyManifest(), diagnostics: source.diagnostics, textLength: source.text.length };
  const dev = pipfileSection(tableAt(doc, "dev-packages"));
  return {
    kind: "pipfile",
    path,
    manifest: { ...emptyManifest(), dependencies: pipfileSection(tableAt(doc, "packages")), groups: new Map(dev.length > 0 ? [["dev", dev]] : []), pythonVersion: requiredPython(tableAt(doc, "requires")) },
    diagnostics: source.diagnostics,
    textLength: source.text.length,
  };
}

/** `[requires] python_version = "3.8"` (or `python_full_version = "3.8.10"`): the minor, as written. */
function requiredPython(requires: PlainTable | null): string | null {
  const version = stringOf(requires?.["python_version"]) ?? stringOf(requires?.["python_full_version"]);
  return /^(\d+\.\d+)/.exec(version ?? "")?.[1] ?? null;
}

function tableAt(doc: PlainTable, key: string): PlainTable | null {
  const value = doc[key];
  return isTable(value) ? value : null;
}

/** `name = "*"`, `name = "==1.2"`, `name = { version = "...", extras = [...], markers = "..." }`. */
function pipfileSection(section: PlainTable | null): string[] {
  return Object.entries(section ?? {}).map(([name, spec]: [string, Plain]) => {
    if (typeof spec === "string") return spec === "*" ? name : `${name}${spec}`;
    if (!isTable(spec)) return name;
    const version = stringOf(spec["version"]);
    const extras = stringsOf(spec["extras"]).strings;
    const markers = stringOf(spec["markers"]);
    return `${name}${extras.length > 0 ? `[${extras.join(",")}]` : ""}${version === null || version === "*" ? "" : version}${markers === null ? "" : ` ; ${markers}`}`;
  });
}

export function parsePipfileLock(path: string, content: string | Uint8Array): ParsedProjectFile {
  const source = new ProjectSource(path, content);
  const doc = source.parseJson();
  const packages: LockedPackage[] = [];
  if (doc !== null && !isTable(doc)) source.report("project/wrong-shape", `${path} should hold a JSON object with "default" and "develop": it was ignored.`);
  if (isTable(doc)) {
    for (const [section, group] of [["default", "main"], ["develop", "dev"]] as const) {
      const entries = doc[section];
      if (entries === undefined) continue;
      if (!isTable(entries)) {
        source.report("project/wrong-shape", `"${section}" in ${path} should be an object of packages: it was ignored.`, source.lineOf(`"${section}"`));
        continue;
      }
      // Keys come in text order, so each name is searched from the previous one: one pass, not n².
      let cursor = Math.max(0, source.text.indexOf(`"${section}"`));
      for (const [name, entry] of Object.entries(entries)) {
        const at = source.text.indexOf(JSON.stringify(name), cursor);
        if (at >= 0) cursor = at;
        const version = isTable(entry) ? stringOf(entry["version"]) : null;
        packages.push({
          name: normalizeName(name),
          version: version === null ? null : version.replace(/^===?/, ""),
          source: isTable(entry) && (entry["path"] !== undefined || entry["editable"] === true) ? "path" : isTable(entry) && entry["git"] !== undefined ? "git" : "registry",
          dependencies: [],
          optionalDependencies: new Map(),
          groupDependencies: new Map(),
          wheels: [],
          sdistSize: null,
          groups: [group],
          optional: false,
          marker: isTable(entry) ? stringOf(entry["markers"]) : null,
          line: source.positionAt(cursor).line,
        });
      }
    }
  }
  return { kind: "pipfile-lock", path, lock: { packages }, diagnostics: source.diagnostics, textLength: source.text.length };
}
