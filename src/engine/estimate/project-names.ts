// What a pip install takes from the project rather than from a requirements file: `pip install .[extra]`
// and `-e ./pkg` read the project's declared dependencies (pyproject.toml, setup.cfg or setup.py), and
// `-r pyproject.toml` pyproject.toml's, with their specifiers and extras, so the wheel table picks the
// versions they allow.
import type { ClosureRequest } from "../knowledge";
import { satisfiesWithPrereleases } from "../cache/pep440";
import { projectFileKind, type ParsedProjectFile, type ProjectManifest } from "../project";
import { markerEnvironment, normalizeName } from "../requirements";
import type { EstimateContext } from "./context";
import { notePins, requestOf } from "./install-requests";
import { resolvePath } from "./paths";
import { findProjectFile, manifestOf, manifestRequirements } from "./project-lookup";
import type { RunScope } from "./python-install";
import type { StageState } from "./stage-state";

/** `pip install .[extra]` / `-e ./pkg`: the dependencies the project at that directory declares. */
export function localProjectNames(ctx: EstimateContext, stage: StageState, scope: RunScope, value: string): ClosureRequest[] {
  const match = /^(.*?)(?:\[([^\]]*)\])?$/.exec(value);
  const dir = resolvePath(scope.cwd, match?.[1] === "" ? "." : (match?.[1] ?? "."));
  return namesFromManifest(ctx, stage, scope, localProjectFile(ctx.projectFiles, dir), match?.[2] ?? "", value, true);
}

/** `pip install --group dev` (pip 25.1+) and `uv pip install --group dev`: a PEP 735 dependency group of
 *  ./pyproject.toml, or of the file a `path/pyproject.toml:dev` form names. */
export function namesFromGroups(ctx: EstimateContext, stage: StageState, scope: RunScope, written: readonly string[]): ClosureRequest[] {
  const out: ClosureRequest[] = [];
  for (const value of written) {
    const colon = value.lastIndexOf(":");
    const [path, group] = colon > 0 ? [value.slice(0, colon), value.slice(colon + 1)] : ["pyproject.toml", value];
    const file = findProjectFile(ctx.projectFiles, "pyproject", resolvePath(scope.cwd, path));
    const manifest = manifestOf(file);
    if (file === null || manifest === null) {
      ctx.warn("local-project", `--group ${value} reads ${path}, which was not given: the group's packages are not counted. Add pyproject.toml as a project file.`, scope.line);
      continue;
    }
    const requirements = manifestRequirements(file.path, manifest, { main: false, extras: [], groups: [normalizeName(group)] }, markerEnvironment(stage.pythonMinor ?? "3.12"));
    notePins(ctx, stage, requirements, scope.line);
    out.push(...requirements.flatMap((r) => requestOf(r) ?? []));
  }
  return out;
}

/** `-r pyproject.toml`: its runtime dependencies. */
export function namesFromPyproject(ctx: EstimateContext, stage: StageState, scope: RunScope, imagePath: string, extras: string, written: string): ClosureRequest[] {
  return namesFromManifest(ctx, stage, scope, findProjectFile(ctx.projectFiles, "pyproject", imagePath), extras, written, false);
}

/** Where setuptools takes a project's dependencies from: pyproject.toml's [project] table when it lists
 *  any (a build backend's own metadata), else setup.cfg's `[options]`, else setup.py's `install_requires`;
 *  the first of them given when none lists any (a project with no dependencies). */
function localProjectFile(files: readonly ParsedProjectFile[], dir: string): ParsedProjectFile | null {
  const given = (["pyproject.toml", "setup.cfg", "setup.py"] as const)
    .map((name) => findProjectFile(files, projectFileKind(name) ?? "pyproject", `${dir}/${name}`))
    .filter((file) => file !== null);
  const declares = (file: ParsedProjectFile) => {
    const manifest = manifestOf(file);
    return manifest !== null && (manifest.dependencies.length > 0 || manifest.optionalDependencies.size > 0);
  };
  return given.find(declares) ?? given[0] ?? null;
}

/** A manifest's runtime dependencies (and the extras asked for), or a warning naming the file to add
 *  when none was given, or where setup.py computes its list. Installing the project itself (`pip install .`,
 *  not `-r pyproject.toml`, which reads only the list) is refused on a Python its requires-python excludes. */
function namesFromManifest(ctx: EstimateContext, stage: StageState, scope: RunScope, file: ParsedProjectFile | null, extras: string, written: string, installsProject: boolean): ClosureRequest[] {
  const manifest = manifestOf(file);
  if (file === null || manifest === null) {
    ctx.warn("local-project", `pip installs the local project ${written}: its dependencies are not counted. Add its pyproject.toml (or setup.cfg, setup.py) as a project file: the dependencies it lists are read.`, scope.line);
    return [];
  }
  if (installsProject) checkRequiresPython(ctx, stage, scope, file.path, manifest, "pip", written);
  const computed = file.diagnostics.find((d) => d.code === "project/computed-requirements");
  if (computed !== undefined && manifest.dependencies.length === 0) {
    ctx.warn("local-project", `pip installs the local project ${written}: its dependencies are not counted, because ${file.path} computes install_requires (line ${computed.line}) rather than listing them.`, scope.line);
  }
  const selection = { main: true, extras: extras.split(",").map((e) => normalizeName(e.trim())).filter((e) => e !== ""), groups: [] };
  const requirements = manifestRequirements(file.path, manifest, selection, markerEnvironment(stage.pythonMinor ?? "3.12"));
  notePins(ctx, stage, requirements, scope.line);
  return requirements.flatMap((r) => {
    const request = requestOf(r);
    return request === null ? [] : [request];
  });
}

/**
 * A project whose requires-python the stage's Python does not meet: pip refuses to install it ("Package
 * 'app' requires a different Python: 3.11.15 not in '>=3.13'"), and Poetry refuses the project ("The
 * currently activated Python version 3.11.15 is not supported by the project"). A build-check error; uv
 * fetches a Python that fits instead, which the caller says. Silent where the stage's Python is not known.
 */
export function checkRequiresPython(ctx: EstimateContext, stage: StageState, scope: RunScope, path: string, manifest: ProjectManifest, tool: "pip" | "poetry", written: string): void {
  const spec = manifest.requiresPython;
  const version = stage.base?.python ?? stage.pythonMinor;
  if (spec === null || version === null || stage.unmodelledAt !== null) return;
  if (satisfiesWithPrereleases(version, spec) !== false) return;
  const what = tool === "pip"
    ? `pip stops: "Package '${manifest.name ?? written}' requires a different Python: ${version} not in '${spec}'"`
    : `Poetry stops: "The currently activated Python version ${version} is not supported by the project (${spec})"`;
  ctx.check({
    line: scope.line, column: 1, stage: stage.index, severity: "error", subject: path, code: "requires-python",
    message: `${path} requires Python ${spec}, and this stage's is ${version}: ${what}. Use a base image whose Python meets it, or widen requires-python.`,
  });
}
