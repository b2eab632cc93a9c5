// The build check's output (DESIGN §3, "The build check"): what would make `docker build` fail, or the
// built image fail to run, found by reading the estimator's stage model as it walks each instruction.

export type BuildCheckSeverity = "error" | "warning";

export interface BuildCheckFinding {
  /** Stable code, e.g. `missing-executable`, `file-not-in-image`, `musl-needs-compiler`. */
  readonly code: string;
  readonly severity: BuildCheckSeverity;
  /** One sentence in the user's words: what fails and why. */
  readonly message: string;
  /** 1-based position of the instruction (or the command inside a RUN) that fails. */
  readonly line: number;
  readonly column: number;
  /** Index of the stage the instruction belongs to. */
  readonly stage: number;
  /** What is missing or wrong (`pip`, `requirements.txt`, `builder:/install`, `psycopg2:libpq5`): with the
   *  code, it recognises "the same finding" after a rewrite has moved lines. */
  readonly subject: string;
}

/** Where the walk reports a finding (de-duplicated by the estimate, like warnings). */
export type BuildCheckSink = (finding: BuildCheckFinding) => void;

/** The identity of a finding across rewrites: code and subject, never the line. */
export function findingKey(finding: Pick<BuildCheckFinding, "code" | "subject">): string {
  return `${finding.code}|${finding.subject}`;
}
