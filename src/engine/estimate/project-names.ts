// Names a pip install takes from the project rather than from a requirements file: `pip install .[extra]`,
// `-e ./pkg` and `-r pyproject.toml` read pyproject.toml's dependencies; and the note that names the table
// version standing in for a pin the table does not hold.
import { findPythonPackage } from "../knowledge";
import { markerEnvironment, normalizeName } from "../requirements";
import type { Requirement } from "../requirements/model";
import { ASSUMPTIONS } from "./assumptions";
import type { EstimateContext } from "./context";
import { resolvePath } from "./paths";
import { findProjectFile, manifestOf, manifestRequirements } from "./project-lookup";
import type { RunScope } from "./python-install";
import type { StageState } from "./stage-state";

/** `pip install .[extra]` / `-e ./pkg`: the dependencies pyproject.toml declares for that directory. */
export function localProjectNames(ctx: EstimateContext, stage: StageState, scope: RunScope, value: string): string[] {
  const match = /^(.*?)(?:\[([^\]]*)\])?$/.exec(value);
  const dir = resolvePath(scope.cwd, match?.[1] === "" ? "." : (match?.[1] ?? "."));
  return namesFromPyproject(ctx, stage, scope, `${dir}/pyproject.toml`, match?.[2] ?? "", value);
}

/** Names of a pyproject.toml's runtime dependencies (and the extras asked for), or a warning naming the
 *  file to add when it was not given. */
export function namesFromPyproject(ctx: EstimateContext, stage: StageState, scope: RunScope, imagePath: string, extras: string, written: string): string[] {
  const file = findProjectFile(ctx.projectFiles, "pyproject", imagePath);
  const manifest = manifestOf(file);
  if (file === null || manifest === null) {
    ctx.warn("local-project", `pip installs the local project ${written}: its dependencies are counted from pyproject.toml, which was not given. Add it as a project file.`, scope.line);
    return [];
  }
  const selection = { main: true, extras: extras.split(",").map((e) => normalizeName(e.trim())).filter((e) => e !== ""), groups: [] };
  const requirements = manifestRequirements(file.path, manifest, selection, markerEnvironment(stage.pythonMinor ?? "3.12"));
  notePins(ctx, requirements, scope.line);
  return requirements.flatMap((r) => (r.name === null ? [] : [r.name]));
}

/** Name the table version that stands in for each pinned version the table does not hold. */
export function notePins(ctx: EstimateContext, requirements: readonly Requirement[], line: number): void {
  const differing = requirements.flatMap((r) => {
    if (r.name === null || r.pinnedVersion === null) return [];
    const row = findPythonPackage(r.name);
    return row?.version != null && row.version !== r.pinnedVersion ? [`${row.name} ${row.version} for ${r.rawName ?? r.name}==${r.pinnedVersion}`] : [];
  });
  if (differing.length === 0) return;
  const shown = differing.slice(0, 4).join(", ") + (differing.length > 4 ? ` and ${differing.length - 4} more` : "");
  ctx.assume(ASSUMPTIONS.tableVersion.id, `${ASSUMPTIONS.tableVersion.text} Here: ${shown}.`, line);
}

