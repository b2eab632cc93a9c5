// The engine's front door: texts in, model + estimate + diagnostics out. Used by the plan, the CLI and
// the playground's worker. Never throws: a fault anywhere below becomes a diagnostic, and the user's
// text is never lost.
import { describeError, diagnosticFilePath, type Diagnostic } from "./diagnostics";
import { LIMIT_CODE_PREFIX } from "./limits";
import { workCounters } from "./work-counters";
import { parseDockerfileCached } from "./dockerfile/parse-cache";
import type { DockerfileModel } from "./dockerfile/model";
import { DEFAULT_SETTINGS, estimateImage } from "./estimate/estimate";
import type { EstimateSettings } from "./estimate/context";
import type { ImageEstimate } from "./estimate/types";
import { emptyByCategory } from "./estimate/types";
import { parseProjectFileCached, parseRequirementsFileCached } from "./cache/parsed-files";
import type { ParsedProjectFile } from "./project";
import { resolveRequirements } from "./requirements";
import type { RequirementsFile } from "./requirements/model";
import { buildCheckDiagnostics } from "./verify/diagnostics";
import type { BuildCheckFinding } from "./verify/types";

export interface TextFile {
  /** Path relative to the build context, e.g. `requirements.txt`, `requirements/base.txt`. */
  readonly path: string;
  readonly content: string | Uint8Array;
}

export interface AnalysisInput {
  readonly dockerfile: string | Uint8Array;
  readonly requirements: readonly TextFile[];
  /** The .dockerignore text, or null when the project has none. */
  readonly dockerignore: string | null;
  readonly settings?: Partial<EstimateSettings>;
  /** pyproject.toml, uv.lock, poetry.lock, Pipfile, Pipfile.lock at their context paths (issue 8 §5). A
   *  file of another name is read as a requirements file. */
  readonly projectFiles?: readonly TextFile[];
}

export interface Analysis {
  readonly model: DockerfileModel;
  readonly requirementFiles: readonly RequirementsFile[];
  /** The project files, parsed, in the order given. */
  readonly projectFiles: readonly ParsedProjectFile[];
  readonly estimate: ImageEstimate;
  /** Parser diagnostics of every input, Dockerfile first, then the build check's findings (codes
   *  `build-check/…`) so that the editor and `lint` show them like any other problem. */
  readonly diagnostics: readonly Diagnostic[];
  /** What would fail to build or run (engine/verify), the same findings as the `build-check/` diagnostics. */
  readonly buildCheck: readonly BuildCheckFinding[];
}

export function analyze(input: AnalysisInput): Analysis {
  workCounters.analyses++;
  const model = parseDockerfileCached(input.dockerfile, input.settings?.arch);
  const projectFiles: ParsedProjectFile[] = [];
  const extraRequirements: TextFile[] = [];
  for (const file of input.projectFiles ?? []) {
    const parsed = parseProjectFileCached(file.path, file.content);
    if (parsed === null) extraRequirements.push(file);
    else projectFiles.push(parsed);
  }
  const requirementFiles = [...input.requirements, ...extraRequirements].map((file) => parseRequirementsFileCached(file.path, file.content));
  const diagnostics: Diagnostic[] = [...model.diagnostics, ...requirementFiles.flatMap((f) => f.diagnostics), ...projectFiles.flatMap((f) => f.diagnostics)];
  diagnostics.push(...includeDiagnostics(requirementFiles, diagnostics));
  let estimate: ImageEstimate;
  try {
    estimate = estimateImage({ dockerfile: model, requirements: requirementFiles, projectFiles, dockerignore: input.dockerignore, settings: input.settings ?? {} });
  } catch (error) {
    // A bug in the estimator must not take the page down: report it where the user can see it.
    diagnostics.push({ message: `The estimate failed (${describeError(error)}): please report this Dockerfile.`, line: 1, column: 1, severity: "error", code: "engine/estimate-fault", file: "dockerfile" });
    estimate = emptyEstimate();
  }
  // A limit the estimator reached (variable expansion) is an error on the user's file, like a parse limit.
  for (const w of estimate.warnings) {
    if (w.code.startsWith(LIMIT_CODE_PREFIX)) diagnostics.push({ message: w.message, line: w.line ?? 1, column: 1, severity: "error", code: w.code, file: "dockerfile" });
  }
  diagnostics.push(...buildCheckDiagnostics(estimate.buildCheck));
  return { model, requirementFiles, projectFiles, estimate, diagnostics, buildCheck: estimate.buildCheck };
}

/** What following `-r`/`-c` finds (a file including itself, an include that was not given), reported once
 *  each: parsing a file alone cannot see it. Every given file is resolved as an entry point. */
function includeDiagnostics(files: readonly RequirementsFile[], known: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => `${d.code}|${diagnosticFilePath(d.file)}|${d.line}|${d.column}|${d.message}`;
  const seen = new Set(known.map(key));
  const found: Diagnostic[] = [];
  for (const file of files) {
    for (const d of resolveRequirements(file.path, files).diagnostics) {
      if (seen.has(key(d))) continue;
      seen.add(key(d));
      found.push(d);
    }
  }
  return found;
}

export function emptyEstimate(): ImageEstimate {
  return {
    totalBytes: 0, compressedBytes: 0, baseBytes: 0, byCategory: emptyByCategory(), rebuildBytes: 0,
    rebuild: { bytes: 0, fromLine: null, reinstallsPackages: false }, layers: [], buildLayers: [], stages: [], warnings: [], assumptions: [], buildCheck: [], unknownPackages: [], installedPackages: [], aptRecommends: [],
  };
}

export { DEFAULT_SETTINGS };
