// The Python packages a stage installs, read the way the estimator reads them: requirement files the
// user gave (with their includes) and package names on the command line. `complete` is false when the
// rule cannot know everything that gets installed (a lock file, a local project, a missing file): rules
// that need the full list (base variant) then choose the conservative rewrite.
import type { Analysis } from "../../analyze";
import type { Stage } from "../../dockerfile/model";
import { findRequirementsFile } from "../../estimate/requirements-lookup";
import { resolvePythonClosure } from "../../knowledge";
import type { PythonPackageRow } from "../../knowledge/types";
import { parseCommandLineRequirementCached } from "../../cache/parsed-files";
import { resolveRequirements } from "../../requirements";
import type { PipInstall } from "../../shell/command-info";

export interface StagePackages {
  /** Names requested (PEP 503 normalised), in order. */
  readonly requested: readonly string[];
  /** The closure's rows from the package table. */
  readonly rows: readonly PythonPackageRow[];
  /** Names not in the table. */
  readonly unknown: readonly string[];
  readonly complete: boolean;
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

function computeStagePackages(analysis: Analysis, stage: Stage): StagePackages {
  const requested: string[] = [];
  let complete = true;
  for (const node of stage.instructions) {
    for (const info of node.run?.infos ?? []) {
      if (info.kind === "poetry-install" || info.kind === "pipenv-install" || info.kind === "uv-sync") complete = false;
      if (info.kind !== "pip-install") continue;
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
          else requested.push(requirement.name);
        }
      }
      for (const spec of info.requirements) {
        const parsed = parseCommandLineRequirementCached(spec.value).requirements[0];
        if (parsed?.name == null || spec.value.includes("$")) complete = false;
        else requested.push(parsed.name);
      }
      if (info.editables.length > 0) complete = false;
    }
  }
  const closure = resolvePythonClosure(requested);
  return { requested, rows: closure.rows, unknown: closure.unknown, complete: complete && closure.unknown.length === 0 };
}

/** How a row installs on musl: from a wheel (or pure), or compiled from source. */
export function compilesOnMusl(row: PythonPackageRow): boolean {
  if (row.pure) return false;
  return row.musllinuxWheel !== true;
}

/** How a row installs on glibc: compiled when there is no manylinux wheel. */
export function compilesOnGlibc(row: PythonPackageRow): boolean {
  if (row.pure) return false;
  return row.wheelFile === null;
}

/** A package name from a table entry such as `postgresql-dev (libpq-dev on Alpine >= 3.17)`. */
export function packageToken(entry: string): string {
  return entry.trim().split(/\s+/)[0] ?? entry;
}
