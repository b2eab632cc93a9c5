// Findings and diagnostics → editor markers (1-based lines and columns on both sides), per file. Pure, so
// the mapping is testable without Monaco; the severities are Monaco's MarkerSeverity values.
import type { Diagnostic, DiagnosticFile } from "../../engine/diagnostics";
import type { Finding } from "../../engine/rules/types";
import { BUILD_CHECK_PREFIX } from "../../engine/verify/diagnostics";

export type EditorFile = "dockerfile" | "dockerignore" | { readonly requirements: string } | { readonly project: string };

export interface MarkerData {
  readonly severity: 8 | 4 | 2;
  readonly message: string;
  readonly source: string;
  readonly code: string;
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
}

/** monaco.MarkerSeverity: Error 8, Warning 4, Info 2. */
const SEVERITY = { error: 8, warning: 4, info: 2 } as const;

function sameFile(a: DiagnosticFile | EditorFile, b: EditorFile): boolean {
  if (typeof a === "string" || typeof b === "string") return a === b;
  if ("requirements" in a) return "requirements" in b && a.requirements === b.requirements;
  return "project" in b && a.project === b.project;
}

export function markersFor(file: EditorFile, findings: readonly Finding[], diagnostics: readonly Diagnostic[]): MarkerData[] {
  const markers: MarkerData[] = [];
  for (const d of diagnostics) {
    if (!sameFile(d.file, file)) continue;
    // A diagnostic is a point: underline to the end of the line (Monaco clamps the column).
    // The build check's findings say so in the hover: they are about the build, not the syntax.
    const source = d.code.startsWith(BUILD_CHECK_PREFIX) ? "whaleweight build check" : "whaleweight";
    markers.push({ severity: SEVERITY[d.severity], message: d.message, source, code: d.code,
      startLineNumber: d.line, startColumn: d.column, endLineNumber: d.line, endColumn: Number.MAX_SAFE_INTEGER });
  }
  if (file === "dockerfile") {
    for (const f of findings) {
      markers.push({ severity: SEVERITY[f.severity], message: f.message, source: "whaleweight", code: f.ruleId,
        startLineNumber: f.line, startColumn: f.column, endLineNumber: f.endLine, endColumn: f.endColumn });
    }
  }
  return markers;
}
