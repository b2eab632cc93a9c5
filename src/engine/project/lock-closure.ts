// The installed set of a lock file for one install command: `uv sync` walks the graph from the project
// package (its dependencies, the requested extras and groups) following edges whose markers hold for the
// stage; `poetry install`, `pdm install` and `pipenv install` select the lock's packages by group, optional
// flag and marker (their locks are already flat; a pdm.lock without groups is walked from the manifest). Linear in the size of the lock; cycles are visited once.
import type { MarkerEnvironment } from "../requirements/model";
import { evaluateMarkerText } from "../requirements/markers";
import { pep508Edge } from "./parse-pdm-lock";
import type { LockedDependency, LockedPackage, LockFile, ProjectManifest } from "./types";

export interface LockSelection {
  /** Install the project's runtime dependencies (false for `uv sync --only-group X`, `poetry install --only dev`). */
  readonly main: boolean;
  /** Dependency groups to install (normalised names), besides the main dependencies; "all" for every
   *  group the lock knows. */
  readonly groups: ReadonlySet<string> | "all";
  /** Groups left out even when `groups` is "all" (`--no-group X`, poetry's optional groups). */
  readonly noGroups?: ReadonlySet<string>;
  /** Extras of the project to install, or "all". */
  readonly extras: ReadonlySet<string> | "all";
  /** uv workspaces: the members to install from (`--package`), "all" (`--all-packages`), or none given:
   *  the root project. */
  readonly packages?: readonly string[] | "all";
}

export interface ClosureResult {
  /** Packages installed from an index (or a URL/git), each once, in visiting order. */
  readonly packages: readonly LockedPackage[];
  /** The project itself and other local packages (editable, virtual, directory): their bytes are the
   *  application source, counted by COPY, not here. */
  readonly local: readonly string[];
  /** Names an edge points to that the lock does not hold (a hand-edited or truncated lock). */
  readonly missing: readonly string[];
  /** The project package the walk started from (uv.lock), or null. */
  readonly root: string | null;
}

function groupSelected(selection: LockSelection, group: string): boolean {
  if (selection.noGroups?.has(group) === true) return false;
  return selection.groups === "all" || selection.groups.has(group);
}

const LOCAL_SOURCES = new Set(["editable", "virtual", "directory", "path"]);

function applies(marker: string | null, env: MarkerEnvironment): boolean {
  // Undecidable markers (an `extra ==` uv keeps for conflicting extras) count as applying: over rather
  // than under-counting, and the lock said the package may be needed.
  return marker === null || evaluateMarkerText(marker, env).result !== false;
}

/** uv.lock: breadth-first from the project package. */
export function uvLockClosure(lock: LockFile, manifest: ProjectManifest | null, selection: LockSelection, env: MarkerEnvironment): ClosureResult {
  const projects = lock.packages.filter((p) => p.source === "editable" || p.source === "virtual");
  const root = (manifest?.name == null ? undefined : projects.find((p) => p.name === manifest.name)) ?? projects[0] ?? null;
  if (root === null) return { packages: [], local: [], missing: [], root: null };
  // A workspace: `--package api` installs that member instead of the root, `--all-packages` every member.
  const asked = selection.packages;
  const members = asked === "all" ? projects : asked !== undefined && asked.length > 0 ? projects.filter((p) => asked.includes(p.name)) : [root];
  const starts = members.length > 0 ? members : [root];
  const queue: LockedDependency[] = [];
  for (const start of starts) {
    if (selection.main) {
      queue.push(...start.dependencies);
      for (const [extra, deps] of start.optionalDependencies) if (selection.extras === "all" || selection.extras.has(extra)) queue.push(...deps);
    }
    for (const [group, deps] of start.groupDependencies) if (groupSelected(selection, group)) queue.push(...deps);
  }
  const first = starts[0] ?? root;
  const walked = walk(lock, queue, first, env);
  const local = [...new Set([...starts.map((p) => p.name), ...walked.local])];
  return { ...walked, local, root: first.name };
}

/** pdm.lock written without `groups` (before inherit_metadata): breadth-first from what the manifest asks
 *  for (its dependencies, the selected extras and groups), which the project has no lock entry to hold. */
export function manifestRootedClosure(lock: LockFile, manifest: ProjectManifest | null, selection: LockSelection, env: MarkerEnvironment): ClosureResult {
  const requested: string[] = [];
  if (selection.main) requested.push(...(manifest?.dependencies ?? []));
  for (const [extra, specs] of manifest?.optionalDependencies ?? []) if (selection.extras === "all" || selection.extras.has(extra)) requested.push(...specs);
  for (const [group, specs] of manifest?.groups ?? []) if (groupSelected(selection, group)) requested.push(...specs);
  const queue = requested.map(pep508Edge).filter((e) => e !== null);
  return { ...walk(lock, queue, null, env), root: manifest?.name ?? null };
}

/** The packages reached from `queue` along edges whose markers hold, each once (`start` is already seen). */
function walk(lock: LockFile, queue: LockedDependency[], start: LockedPackage | null, env: MarkerEnvironment): Omit<ClosureResult, "root"> {
  const byName = new Map<string, LockedPackage[]>();
  for (const p of lock.packages) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  const result = { packages: [] as LockedPackage[], local: [] as string[], missing: [] as string[] };
  const seen = new Set<LockedPackage>(start === null ? [] : [start]);
  const extrasSeen = new Set<string>();
  for (let i = 0; i < queue.length; i++) {
    const edge = queue[i];
    if (edge === undefined || !applies(edge.marker, env)) continue;
    const candidates = byName.get(edge.name);
    const target = candidates?.find((p) => edge.version === null || p.version === edge.version) ?? candidates?.[0];
    if (target === undefined) {
      if (!result.missing.includes(edge.name)) result.missing.push(edge.name);
      continue;
    }
    for (const extra of edge.extras) {
      const key = `${target.name}@${target.version ?? ""}[${extra}]`;
      if (extrasSeen.has(key)) continue;
      extrasSeen.add(key);
      queue.push(...(target.optionalDependencies.get(extra) ?? []));
    }
    if (seen.has(target)) continue;
    seen.add(target);
    if (LOCAL_SOURCES.has(target.source)) result.local.push(target.name);
    else result.packages.push(target);
    queue.push(...target.dependencies);
  }
  return result;
}

/** poetry.lock / Pipfile.lock: every package of a selected group whose marker holds; an optional
 *  package only when a requested extra of the project names it. */
export function flatLockSelection(lock: LockFile, manifest: ProjectManifest | null, selection: LockSelection, env: MarkerEnvironment): ClosureResult {
  const wanted = (group: string) => (group === "main" ? selection.main : groupSelected(selection, group));
  const extraNames = new Set<string>();
  for (const [extra, specs] of manifest?.optionalDependencies ?? []) {
    if (selection.extras !== "all" && !selection.extras.has(extra)) continue;
    for (const spec of specs) extraNames.add(spec.split(/[\s[;<>=!~@(]/)[0]?.toLowerCase().replace(/[-_.]+/g, "-") ?? "");
  }
  const result = { packages: [] as LockedPackage[], local: [] as string[], missing: [] as string[] };
  const seen = new Set<string>();
  for (const p of lock.packages) {
    // A package no group is recorded for (poetry 1.5–1.8, and no pyproject to walk from): main.
    if (!(p.groups.length === 0 ? wanted("main") : p.groups.some(wanted))) continue;
    if (p.optional && selection.extras !== "all" && !extraNames.has(p.name)) continue;
    if (!applies(p.marker, env) || seen.has(p.name)) continue;
    seen.add(p.name);
    if (LOCAL_SOURCES.has(p.source)) result.local.push(p.name);
    else result.packages.push(p);
  }
  return { ...result, root: manifest?.name ?? null };
}

export function lockClosure(kind: "uv-lock" | "poetry-lock" | "pdm-lock" | "pipfile-lock", lock: LockFile, manifest: ProjectManifest | null, selection: LockSelection, env: MarkerEnvironment): ClosureResult {
  if (kind === "uv-lock") return uvLockClosure(lock, manifest, selection, env);
  // A pdm.lock that records each package's groups is selected by them, as poetry's is; an older one is walked.
  if (kind === "pdm-lock" && lock.packages.some((p) => p.groups.length === 0)) return manifestRootedClosure(lock, manifest, selection, env);
  // So is a poetry.lock of poetry 1.5–1.8 (lock-version 2.0), which records neither `groups` nor
  // `category`: poetry itself resolves the groups from pyproject.toml. Without pyproject every package is main.
  if (kind === "poetry-lock" && manifest !== null && lock.packages.length > 0 && lock.packages.every((p) => p.groups.length === 0)) {
    return manifestRootedClosure(lock, manifest, selection, env);
  }
  return flatLockSelection(lock, manifest, selection, env);
}
