// The engine's front door: texts in, model + estimate + diagnostics out. Used by the plan, the CLI and
// the playground's worker. Never throws: a fault anywhere below becomes a diagnostic, and the user's
// text is never lost.
import { describeError, type Diagnostic } from "./diagnostics";
import { LIMIT_CODE_PREFIX } from "./limits";
import { parseDockerfile } from "./dockerfile/parse-dockerfile";
import type { DockerfileModel } from "./dockerfile/model";
import { DEFAULT_SETTINGS, estimateImage } from "./estimate/estimate";
import type { EstimateSettings } from "./estimate/context";
import type { ImageEstimate } from "./estimate/types";
import { emptyByCategory } from "./estimate/types";
import { parseRequirementsFile, resolveRequirements } from "./requirements";
import type { RequirementsFile } from "./requirements/model";

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
}

export interface Analysis {
  readonly model: DockerfileModel;
  readonly requirementFiles: readonly RequirementsFile[];
  readonly estimate: ImageEstimate;
  /** Parser diagnostics of every input, Dockerfile first. */
  readonly diagnostics: readonly Diagnostic[];
}

export function analyze(input: AnalysisInput): Analysis {
  const model = parseDockerfile(input.dockerfile);
  const requirementFiles = input.requirements.map((file) => parseRequirementsFile(file.path, file.content));
  const diagnostics: Diagnostic[] = [...model.diagnostics, ...requirementFiles.flatMap((f) => f.diagnostics)];
  diagnostics.push(...includeDiagnostics(requirementFiles, diagnostics));
  let estimate: ImageEstimate;
  try {
    estimate = estimateImage({ dockerfile: model, requirements: requirementFiles, dockerignore: input.dockerignore, settings: input.settings ?? {} });
  } catch (error) {
    // A bug in the estimator must not take the page down: report it where the user can see it.
    diagnostics.push({ message: `The estimate failed (${describeError(error)}): please report this Dockerfile.`, line: 1, column: 1, severity: "error", code: "engine/estimate-fault", file: "dockerfile" });
    estimate = emptyEstimate();
  }
  // A limit the estimator reached (variable expansion) is an error on the user's file, like a parse limit.
  for (const w of estimate.warnings) {
    if (w.code.startsWith(LIMIT_CODE_PREFIX)) diagnostics.push({ message: w.message, line: w.line ?? 1, column: 1, severity: "error", code: w.code, file: "dockerfile" });
  }
  return { model, requirementFiles, estimate, diagnostics };
}

/** What following `-r`/`-c` finds (a file including itself, an include that was not given), reported once
 *  each: parsing a file alone cannot see it. Every given file is resolved as an entry point. */
function includeDiagnostics(files: readonly RequirementsFile[], known: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => `${d.code}|${typeof d.file === "string" ? d.file : d.file.requirements}|${d.line}|${d.column}|${d.message}`;
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
    rebuild: { bytes: 0, fromLine: null, reinstallsPackages: false }, layers: [], buildLayers: [], stages: [], warnings: [], assumptions: [],
  };
}

export { DEFAULT_SETTINGS };
