// Resolving a given requirements file (its -r/-c includes, its markers for the stage's Python) once per
// estimate (issue 13): a long Dockerfile installs the same file in stage after stage, and both the
// estimator (python-install.ts) and the build check (verify/git-requirements.ts) read it at every install.
// Keyed by the estimate's own list of files (a WeakMap: it goes with the estimate), then by Python minor
// and entry path.
import { markerEnvironment, resolveRequirements } from "../requirements";
import type { RequirementsFile } from "../requirements/model";

type Resolved = ReturnType<typeof resolveRequirements>;

const byFiles = new WeakMap<readonly RequirementsFile[], Map<string, Resolved>>();

/** resolveRequirements(path, files, markerEnvironment(pythonMinor)), computed once per (files, path, minor). */
export function resolveGivenRequirements(files: readonly RequirementsFile[], path: string, pythonMinor: string): Resolved {
  let byKey = byFiles.get(files);
  if (byKey === undefined) byFiles.set(files, (byKey = new Map()));
  const key = `${pythonMinor}\u0000${path}`;
  const hit = byKey.get(key);
  if (hit !== undefined) return hit;
  const resolved = resolveRequirements(path, files, markerEnvironment(pythonMinor));
  byKey.set(key, resolved);
  return resolved;
}
