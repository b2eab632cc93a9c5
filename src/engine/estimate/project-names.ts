// What a pip install takes from the project rather than from a requirements file: `pip install .[extra]`,
// `-e ./pkg` and `-r pyproject.toml` read pyproject.toml's dependencies (with their specifiers and extras,
// so the wheel table picks the versions they allow).
import type { ClosureRequest } from "../knowledge";
import { markerEnvironment, normalizeName } from "../requirements";
import type { EstimateContext } from "./context";
import { notePins, requestOf } from "./install-requests";
import { resolvePath } from "./paths";
import { findProjectFile, manifestOf, manifestRequirements } from "./project-lookup";
import type { RunScope } from "./python-install";
import type { StageState } from "./stage-state";

/** `pip install .[extra]` / `-e ./pkg`: the dependencies pyproject.toml declares for that directory. */
export function localProjectNames(ctx: EstimateContext, stage: StageState, scope: RunScope, value: string): ClosureRequest[] {
  const match = /^(.*?)(?:\[([^\]]*)\])?$/.exec(value);
  const dir = resolvePath(scope.cwd, match?.[1] === "" ? "." : (match?.[1] ?? "."));
  return namesFromPyproject(ctx, stage, scope, `${dir}/pyproject.toml`, match?.[2] ?? "", value);
}

/** A pyproject.toml's runtime dependencies (and the extras asked for), or a warning naming the file to add
 *  when it was not given. */
export function namesFromPyproject(ctx: EstimateContext, stage: StageState, scope: RunScope, imagePath: string, extras: string, written: string): ClosureRequest[] {
  const file = findProjectFile(ctx.projectFiles, "pyproject", imagePath);
  const manifest = manifestOf(file);
  if (file === null || manifest === null) {
    ctx.warn("local-project", `pip installs the local project ${written}: its dependencies are not counted. Add pyproject.toml as a project file: its [project] dependencies are read (a setup.py's install_requires is not).`, scope.line);
    return [];
  }
  const selection = { main: true, extras: extras.split(",").map((e) => normalizeName(e.trim())).filter((e) => e !== ""), groups: [] };
  const requirements = manifestRequirements(file.path, manifest, selection, markerEnvironment(stage.pythonMinor ?? "3.12"));
  notePins(ctx, stage, requirements, scope.line);
  return requirements.flatMap((r) => {
    const request = requestOf(r);
    return request === null ? [] : [request];
  });
}
