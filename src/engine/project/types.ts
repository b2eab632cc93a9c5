// Project files as plain data (issue 8 §5): what pyproject.toml / Pipfile declare, and what uv.lock /
// poetry.lock / Pipfile.lock pin. Produced by the parsers beside this file; read by the estimator's
// locked installs (estimate/locked-install.ts). Names are PEP 503-normalised everywhere.
import type { Diagnostic } from "../diagnostics";

/** Which format a project file is, decided by its base name (`projectFileKind`). */
export type ProjectFileKind = "pyproject" | "setup-cfg" | "setup-py" | "uv-lock" | "poetry-lock" | "pdm-lock" | "pipfile" | "pipfile-lock";

/** What a manifest (pyproject.toml, Pipfile) asks for: PEP 508 requirement strings. */
export interface ProjectManifest {
  /** The project's own name (`[project] name` / `[tool.poetry] name`), normalised; null when absent. */
  readonly name: string | null;
  /** Runtime dependencies (`[project] dependencies`, poetry main dependencies, Pipfile `[packages]`). */
  readonly dependencies: readonly string[];
  /** `optional-dependencies` / poetry extras, by normalised extra name. */
  readonly optionalDependencies: ReadonlyMap<string, readonly string[]>;
  /** Dependency groups (`[dependency-groups]`, `[tool.uv] dev-dependencies` as `dev`, poetry groups,
   *  pdm's `[tool.pdm.dev-dependencies]`, Pipfile `[dev-packages]` as `dev`), by normalised group name. */
  readonly groups: ReadonlyMap<string, readonly string[]>;
  /** Groups only a development install wants: pdm's `[tool.pdm.dev-dependencies]` and `[dependency-groups]`
   *  (which `pdm install --prod` leaves out, unlike the optional-dependencies, which are its groups too). */
  readonly devGroups: ReadonlySet<string>;
  /** Poetry groups declared `optional = true`: `poetry install` skips them unless `--with`. */
  readonly optionalGroups: ReadonlySet<string>;
  /** `[tool.uv] default-groups` when given, else null (uv's default is `["dev"]`). */
  readonly defaultGroups: readonly string[] | null;
  /** The package indexes a package is tied to (`[tool.uv.sources] torch = [{ index = "pytorch-cpu" }]`
   *  with `[[tool.uv.index]]`, or poetry's `source = "…"` with `[[tool.poetry.source]]`), by normalised
   *  name: each index URL with the PEP 508 marker its entry applies under (null: always). */
  readonly packageIndexes: ReadonlyMap<string, readonly { readonly url: string; readonly marker: string | null }[]>;
  /** The Python a Pipfile requires (`[requires] python_version = "3.8"`, or the minor of
   *  `python_full_version`), which `pipenv install --deploy` enforces; null when not given. */
  readonly pythonVersion: string | null;
  /** The Pythons the project supports, as a PEP 440 specifier (`[project] requires-python`, poetry's
   *  `python` dependency, setup.py's or setup.cfg's `python_requires`); null when not given. */
  readonly requiresPython: string | null;
  /** The index that replaces PyPI for every package (`default = true`, `[tool.uv] index-url`, poetry's
   *  `priority = "primary"`), or null. */
  readonly defaultIndex: string | null;
}

/** One edge of a lock file's dependency graph. */
export interface LockedDependency {
  readonly name: string;
  /** The PEP 508 marker, or null when the edge always applies. */
  readonly marker: string | null;
  /** Extras of the target requested through this edge. */
  readonly extras: readonly string[];
  /** uv.lock names the version when a package is locked at several (forked resolution); else null. */
  readonly version: string | null;
}

export type LockedSource = "registry" | "editable" | "virtual" | "directory" | "git" | "url" | "path" | "other";

export interface LockedWheel {
  readonly filename: string;
  /** Exact bytes as the index reported them (uv.lock `size`), or null when the lock omits it. */
  readonly size: number | null;
}

export interface LockedPackage {
  readonly name: string;
  readonly version: string | null;
  readonly source: LockedSource;
  readonly dependencies: readonly LockedDependency[];
  /** Edges that apply when an extra of this package is requested, by extra name. */
  readonly optionalDependencies: ReadonlyMap<string, readonly LockedDependency[]>;
  /** uv.lock `[package.dev-dependencies]` of a project package: its dependency groups. */
  readonly groupDependencies: ReadonlyMap<string, readonly LockedDependency[]>;
  readonly wheels: readonly LockedWheel[];
  readonly sdistSize: number | null;
  /** poetry.lock `groups` (or the older `category`), pdm.lock `groups` (`default` → main), Pipfile.lock
   *  section (`default` → main, `develop` → dev); [] for uv.lock, where groups hang off the project package
   *  instead, and for a pdm.lock written without them (before lock_version 4.4.1's inherit_metadata). */
  readonly groups: readonly string[];
  /** poetry.lock `optional = true`: installed only when an extra of the project asks for it. */
  readonly optional: boolean;
  /** Package-level marker (poetry.lock `markers`, Pipfile.lock `markers`), or null. */
  readonly marker: string | null;
  /** 1-based line where the package's entry starts, for diagnostics. */
  readonly line: number;
}

export interface LockFile {
  readonly packages: readonly LockedPackage[];
}

interface ParsedBase {
  /** The path as given (relative to the build context). */
  readonly path: string;
  readonly diagnostics: readonly Diagnostic[];
  /** Characters of the decoded text: what `COPY uv.lock .` adds to a layer. */
  readonly textLength: number;
}

export type ParsedProjectFile =
  | (ParsedBase & { readonly kind: "pyproject" | "setup-cfg" | "setup-py" | "pipfile"; readonly manifest: ProjectManifest })
  | (ParsedBase & { readonly kind: "uv-lock" | "poetry-lock" | "pdm-lock" | "pipfile-lock"; readonly lock: LockFile });

export function emptyManifest(): ProjectManifest {
  return { name: null, dependencies: [], optionalDependencies: new Map(), groups: new Map(), devGroups: new Set(), optionalGroups: new Set(), defaultGroups: null, packageIndexes: new Map(), defaultIndex: null, pythonVersion: null, requiresPython: null };
}
