// The estimate's warning for a requirements file the Dockerfile installs but the user has not given
// (`requirements-not-given`): the page offers to add that file. The path is read from the message, which
// starts with it (estimate/python-install.ts); the test below builds the warning with the engine itself.
import type { EstimateWarning } from "../../engine/estimate/types";

export const MISSING_REQUIREMENTS_CODE = "requirements-not-given";

export function missingRequirementsPath(warning: EstimateWarning): string | null {
  if (warning.code !== MISSING_REQUIREMENTS_CODE) return null;
  const match = /^(\S+) was not given\b/.exec(warning.message);
  return match?.[1] ?? null;
}
