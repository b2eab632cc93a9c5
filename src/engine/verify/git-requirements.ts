// Does a pip install clone a git repository (`git+https://…` on the command line or in a requirements
// file)? pip runs `git clone` for those, so the stage needs git.
import { substituteVariables } from "../dockerfile/variables";
import type { EstimateContext } from "../estimate/context";
import { resolvePath } from "../estimate/paths";
import type { RunScope } from "../estimate/python-install";
import { findRequirementsFile } from "../estimate/requirements-lookup";
import { resolveGivenRequirements } from "../estimate/resolved-requirements";
import type { StageState } from "../estimate/stage-state";
import type { PipInstall } from "../shell/command-info";

const GIT_URL = /^git\+/;

export function gitRequirements(ctx: EstimateContext, stage: StageState, scope: RunScope, info: PipInstall): boolean {
  if ([...info.requirements, ...info.editables].some((r) => GIT_URL.test(r.value) || /@\s*git\+/.test(r.value))) return true;
  return info.requirementFiles.some((f) => {
    const file = findRequirementsFile(ctx.requirementFiles, resolvePath(scope.cwd, substituteVariables(f.value, scope.vars).value));
    if (file === null) return false;
    const resolved = resolveGivenRequirements(ctx.requirementFiles, file.path, stage.pythonMinor ?? "3.12");
    return resolved.requirements.some((r) => r.kind === "vcs" && r.url !== null && /^git\+|^git@/.test(r.url));
  });
}
