// The estimate's warning for a requirements or constraints file the Dockerfile installs but the user has not
// given (`requirements-not-given`, `constraints-not-given`): the page offers to add that file. The path is read from the message, which
// starts with it (estimate/python-install.ts); the test below builds the warning with the engine itself.
import type { EstimateWarning } from "../../engine/estimate/types";

const MISSING_FILE_CODES = new Set(["requirements-not-given", "constraints-not-given"]);

export function missingRequirementsPath(warning: EstimateWarning): string | null {
  if (!MISSING_FILE_CODES.has(warning.code)) return null;
  const match = /^(\S+) was not given\b/.exec(warning.message);
  return match?.[1] ?? null;
}
