// Diagnostics: how the engine reports bad input. Parsers never throw; they return what they could
// understand plus diagnostics that point at a line and column (1-based), so the UI can put a marker there
// and the CLI can print `file:line:column`.

/** Which input a diagnostic belongs to: a requirements file or a project file (pyproject.toml, uv.lock,
 *  poetry.lock, Pipfile, Pipfile.lock) by its context path. */
export type DiagnosticFile = "dockerfile" | "dockerignore" | { readonly requirements: string } | { readonly project: string };

export interface Diagnostic {
  /** Human-readable, one sentence; says what is wrong and, where possible, what was done instead. */
  readonly message: string;
  /** 1-based line in the (decoded) text. */
  readonly line: number;
  /** 1-based column, counted in UTF-16 code units as editors do. */
  readonly column: number;
  readonly severity: "error" | "warning" | "info";
  /** Stable code for tests and filtering, e.g. `dockerfile/unterminated-heredoc`. */
  readonly code: string;
  readonly file: DiagnosticFile;
}

/** The path a diagnostic's file is shown as (`Dockerfile`, `.dockerignore`, or the file's context path). */
export function diagnosticFilePath(file: DiagnosticFile): string {
  if (file === "dockerfile") return "Dockerfile";
  if (file === "dockerignore") return ".dockerignore";
  return "requirements" in file ? file.requirements : file.project;
}

/** Where `error` happened, as a message that never exposes a stack trace to users. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
