// The Python packages a stage installs: the names requested, read the way the estimator reads them
// (requirement files the user gave, with their includes, and package names on the command line), and the
// packages the estimate resolved for the stage — each with the specifier that chose its version, so that
// "does it compile on musl / glibc" is asked of that version's wheel-table row (a pin to an old release
// with no musllinux wheel compiles on Alpine even when the newest has one), the bundled table's row
// standing in only for projects the wheel table lacks. `complete` is false when the rule cannot know
// everything that gets installed (a lock file, a local project, a missing file): rules that need the full
// list (base variant) then choose the conservative rewrite.
import type { Analysis } from "../../analyze";
import type { Stage } from "../../dockerfile/model";
import { packageCost } from "../../estimate/python-sizes";
import { findRequirementsFile } from "../../estimate/requirements-lookup";
import type { StageSummary } from "../../estimate/types";
import { alpineAtLeast, findPythonPackage, optionalExtension, resolvePythonClosure, type Platform } from "../../knowledge";
import type { PythonPackageRow } from "../../knowledge/types";
import { parseCommandLineRequirementCached } from "../../cache/parsed-files";
import { resolveRequirements } from "../../requirements";
import type { PipInstall } from "../../shell/command-info";

/** One package the stage installs, as the estimate resolved it. */
export interface StagePackage {
  readonly name: string;
  /** The specifier that chose the version (null: the newest). */
  readonly specifier: string | null;
  /** The version the estimate chose, or null when no table holds the project. */
  readonly version: string | null;
  /** The bundled table's row (build dependencies), or null. */
  readonly row: PythonPackageRow | null;
}

export interface StagePackages {
  /** Names requested (PEP 503 normalised), in order. */
  readonly requested: readonly string[];
  /** The closure the estimate installs, in order. */
  readonly packages: readonly StagePackage[];
  /** Names no table holds. */
  readonly unknown: readonly string[];
  readonly complete: boolean;
  /** The stage's estimate (platform, what it compiles), or null when the estimate has none. */
  readonly summary: StageSummary | null;
}

export function pipInstallsOf(stage: Stage): { node: Stage["instructions"][number]; info: PipInstall }[] {
  const out: { node: Stage["instructions"][number]; info: PipInstall }[] = [];
  for (const node of stage.instructions) {
    for (const info of node.run?.infos ?? []) if (info.kind === "pip-install") out.push({ node, info });
  }
  return out;
}

// size/multistage asks twice per plan of a stage (the names, then the rows) and base-variant once more;
// on a `bulk` file (issue 14) each walk reads thousands of installs and builds a closure over every name
// they request. The result depends only on the analysis (its requirement files) and the stage: kept per pair.
const STAGE_PACKAGES = new WeakMap<Analysis, WeakMap<Stage, StagePackages>>();

export function stagePackages(analysis: Analysis, stage: Stage): StagePackages {
  let byStage = STAGE_PACKAGES.get(analysis);
  if (byStage === undefined) {
    byStage = new WeakMap();
    STAGE_PACKAGES.set(analysis, byStage);
  }
  let packages = byStage.get(stage);
  if (packages === undefined) {
    packages = computeStagePackages(analysis, stage);
    byStage.set(stage, packages);
  }
  return packages;
}

/** The names one pip install asks for, from its command line and its requirements files (their `-r`
 *  includes too), and whether that is all of it: a file not given, a requirement without a name (a URL, a
 *  variable) or an editable install may ask for more. */
export function pipInstallNames(analysis: Analysis, info: PipInstall): { names: string[]; complete: boolean } {
  const names: string[] = [];
  let complete = true;
  for (const file of info.requirementFiles) {
    const given = findRequirementsFile(analysis.requirementFiles, file.value);
    if (given === null) {
      complete = false;
      continue;
    }
    const resolved = resolveRequirements(given.path, analysis.requirementFiles);
    if (resolved.diagnostics.some((d) => d.severity === "error")) complete = false;
    for (const requirement of resolved.requirements) {
      if (requirement.name === null) complete = false;
      else names.push(requirement.name);
    }
  }
  for (const spec of info.requirements) {
    const parsed = parseCommandLineRequirementCached(spec.value).requirements[0];
    if (parsed?.name == null || spec.value.includes("$")) complete = false;
    else names.push(parsed.name);
  }
  if (info.editables.length > 0) complete = false;
  return { names, complete };
}

function computeStagePackages(analysis: Analysis, stage: Stage): StagePackages {
  const requested: string[] = [];
  let complete = true;
  for (const node of stage.instructions) {
    for (const info of node.run?.infos ?? []) {
      if (info.kind === "poetry-install" || info.kind === "pdm-install" || info.kind === "pipenv-install" || info.kind === "uv-sync") complete = false;
      if (info.kind !== "pip-install") continue;
      const asked = pipInstallNames(analysis, info);
      requested.push(...asked.names);
      if (!asked.complete) complete = false;
    }
  }
  const summary = analysis.estimate.stages.find((s) => s.index === stage.index) ?? null;
  let packages: StagePackage[];
  let unknown: string[];
  if (summary === null) {
    // No estimate of the stage (it failed): the bundled table's newest rows are all there is.
    const closure = resolvePythonClosure(requested);
    packages = closure.rows.map((row) => ({ name: row.name, specifier: null, version: row.version, row }));
    unknown = closure.unknown;
  } else {
    packages = summary.pythonPackages.map((p) => ({ ...p, row: findPythonPackage(p.name) }));
    unknown = packages.filter((p) => p.version === null && p.row === null).map((p) => p.name);
  }
  return { requested, packages, unknown, complete: complete && unknown.length === 0, summary };
}

/** How a package installs on a libc: whether it compiles from source, and the version that install gets. */
export interface InstallVerdict {
  readonly compiles: boolean;
  readonly version: string | null;
  /** Where it compiles only perhaps (PackageFacts.mayCompile), why; else null. */
  readonly maybe: string | null;
}

/**
 * Whether `pkg` compiles from source on `libc` (a compiler and its -dev libraries needed), or may, for the
 * stage's CPython, and which version: on the stage's own libc, what the estimate found; on the other, the same cost
 * model asked for the same specifier on that libc (the answer the estimate gives once the base is rewritten).
 */
export function installOn(packages: StagePackages, pkg: StagePackage, libc: "glibc" | "musl"): InstallVerdict {
  const summary = packages.summary;
  if (summary === null) {
    const compiles = pkg.row !== null && (libc === "musl" ? rowCompilesOnMusl(pkg.row) : rowCompilesOnGlibc(pkg.row));
    return { compiles, version: pkg.version, maybe: null };
  }
  // A pin older than its stand-in may lack the wheel the stand-in has (PackageFacts.mayCompile): a rewrite
  // that takes the compiler away plans for the build.
  if (summary.platform.libc === libc) {
    if (summary.builtFromSource.includes(pkg.name)) return { compiles: true, version: pkg.version, maybe: null };
    const maybe = pkg.specifier === null ? null : (packageCost(pkg.name, { libc, compile: true, installer: "pip", platform: summary.platform, specifier: pkg.specifier }).facts?.mayCompile ?? null);
    return { compiles: maybe !== null, version: pkg.version, maybe };
  }
  const platform: Platform = { ...summary.platform, libc, glibcMinor: null };
  const cost = packageCost(pkg.name, { libc, compile: true, installer: "pip", platform, specifier: pkg.specifier });
  const maybe = cost.buildsFromSource ? null : (cost.facts?.mayCompile ?? null);
  return { compiles: cost.buildsFromSource || maybe !== null, version: cost.facts?.version.version ?? pkg.version, maybe };
}

function rowCompilesOnMusl(row: PythonPackageRow): boolean {
  return !row.pure && row.musllinuxWheel !== true && optionalExtension(row.name) === null;
}

function rowCompilesOnGlibc(row: PythonPackageRow): boolean {
  return !row.pure && row.wheelFile === null && optionalExtension(row.name) === null;
}

/** A package name from a table entry such as `postgresql-dev (libpq-dev on Alpine >= 3.17)`. */
export function packageToken(entry: string): string {
  return entry.trim().split(/\s+/)[0] ?? entry;
}

/** The name to install for a table entry on `distro` (`alpine3.20`, `trixie`, or null when unknown): an
 *  entry naming a replacement from some Alpine release on (`postgresql-dev (libpq-dev on Alpine >= 3.17)`:
 *  postgresql-dev is not in Alpine 3.17's repositories and later) is that replacement there, and where the
 *  release is not known (the python:*-alpine images of today are all newer); else its first token. */
export function packageFor(entry: string, distro: string | null): string {
  const renamed = /^\S+\s+\((\S+) on Alpine >= (\d+)\.(\d+)\)$/.exec(entry.trim());
  if (renamed !== null && (alpineAtLeast(distro, Number(renamed[2]), Number(renamed[3])) ?? true)) return renamed[1] ?? packageToken(entry);
  return packageToken(entry);
}

/** A table entry that is a note, not a package to install: `(not practical)`, `(binary wheel only)`, the
 *  `optional: …` extras of Pillow's build. */
export function isNote(entry: string): boolean {
  const trimmed = entry.trim();
  return trimmed.startsWith("(") || trimmed.startsWith("optional:");
}
