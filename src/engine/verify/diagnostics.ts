// Build-check findings as diagnostics: the playground marks them in the editor and `lint` prints them, like
// parse problems. Their codes start with `build-check/`, which tells them apart from parse errors.
import type { Diagnostic } from "../diagnostics";
import type { BuildCheckFinding } from "./types";

export const BUILD_CHECK_PREFIX = "build-check/";

export function buildCheckDiagnostics(findings: readonly BuildCheckFinding[]): Diagnostic[] {
  return findings.map((f) => ({ message: f.message, line: f.line, column: f.column, severity: f.severity, code: `${BUILD_CHECK_PREFIX}${f.code}`, file: "dockerfile" }));
}

/** True for a diagnostic that came from the build check (not from a parser). */
export function isBuildCheckDiagnostic(d: Pick<Diagnostic, "code">): boolean {
  return d.code.startsWith(BUILD_CHECK_PREFIX);
}
