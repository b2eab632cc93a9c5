// Public API of the requirements.txt reader: parse files, resolve their includes, evaluate markers.
export type {
  MarkerEnvironment,
  Requirement,
  RequirementKind,
  RequirementsFile,
  RequirementsInclude,
  RequirementsOptions,
  ResolvedRequirements,
} from "./model";
export { parseRequirementsFile } from "./parse-requirements";
export { parseAndResolve, resolveRequirements } from "./resolve-requirements";
export type { RequirementsInput } from "./resolve-requirements";
export { evaluateMarker, evaluateMarkerText, markerEnvironment } from "./markers";
export type { MarkerEvaluation, MarkerResult } from "./markers";
export { parseMarker } from "./marker-parser";
export type { MarkerNode, MarkerOperator, MarkerProblem, MarkerValue, MarkerVariable, ParsedMarker } from "./marker-parser";
export { isValidProjectName, normalizeName } from "./normalize-name";
