// Which of the project files the user gave a command reads. The Dockerfile names image paths
// (`/app/uv.lock`, `pyproject.toml` relative to WORKDIR); the files given are context paths
// (`backend/uv.lock`). As for requirements files, the best match shares the longest run of trailing path
// segments; files of the same name tie on the base name, and the first given wins.
import type { ParsedProjectFile, ProjectFileKind, ProjectManifest } from "../project/types";
import { evaluateMarkerText } from "../requirements/markers";
import type { MarkerEnvironment, Requirement } from "../requirements/model";
import { parseRequirementsFile } from "../requirements/parse-requirements";

export function findProjectFile(files: readonly ParsedProjectFile[], kind: ProjectFileKind, imagePath: string): ParsedProjectFile | null {
  const wanted = segments(imagePath);
  let best: ParsedProjectFile | null = null;
  let bestScore = 0;
  for (const file of files) {
    if (file.kind !== kind) continue;
    const have = segments(file.path);
    let score = 0;
    while (score < wanted.length && score < have.length && wanted[wanted.length - 1 - score] === have[have.length - 1 - score]) score++;
    if (best === null || score > bestScore) {
      best = file;
      bestScore = score;
    }
  }
  return best;
}

export function manifestOf(file: ParsedProjectFile | null): ProjectManifest | null {
  return file !== null && "manifest" in file ? file.manifest : null;
}

function segments(path: string): string[] {
  return path.split("/").filter((s) => s !== "" && s !== ".");
}

/** Which parts of a manifest a command takes: runtime dependencies, extras and groups by name. */
export interface ManifestSelection {
  readonly main: boolean;
  readonly extras: readonly string[] | "all";
  readonly groups: readonly string[];
}

/** The manifest's requirements for `selection`, parsed as requirement lines; markers that are false for
 *  the stage drop their line (an undecidable one keeps it). */
export function manifestRequirements(path: string, manifest: ProjectManifest, selection: ManifestSelection, env: MarkerEnvironment): Requirement[] {
  const specs: string[] = selection.main ? [...manifest.dependencies] : [];
  for (const [extra, list] of manifest.optionalDependencies) if (selection.extras === "all" || selection.extras.includes(extra)) specs.push(...list);
  for (const group of selection.groups) specs.push(...(manifest.groups.get(group) ?? []));
  // The project's own name (`app[dev]` in a group, a self-reference) is the local project, not a package.
  return parseRequirementsFile(path, specs.join("\n")).requirements
    .filter((r) => r.name === null || r.name !== manifest.name)
    .filter((r) => r.marker === null || evaluateMarkerText(r.marker, env).result !== false);
}
