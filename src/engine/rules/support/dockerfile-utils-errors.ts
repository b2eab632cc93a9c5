// For tests and the fuzz harness only (dockerfile-utils is a dev dependency, never bundled): the errors
// dockerfile-utils' `validate` (the VS Code Docker linter) finds in a rewrite that the input did not have.
// Issue 14 found 40 rewrites that introduced such an error; the rule tester and `npm run fuzz` check it.
import { validate } from "dockerfile-utils";

/** dockerfile-utils' error severity (LSP's DiagnosticSeverity.Error). */
const ERROR = 1;

function errorKeys(text: string): string[] {
  try {
    return validate(text).filter((d) => d.severity === ERROR).map((d) => `${String(d.code)}: ${d.message}`);
  } catch (error) {
    return [`validate threw: ${String(error)}`];
  }
}

/** Errors in `after` whose code and message no error in `before` has. */
export function newDockerfileUtilsErrors(before: string, after: string): string[] {
  const known = new Set(errorKeys(before));
  return errorKeys(after).filter((k) => !known.has(k));
}
