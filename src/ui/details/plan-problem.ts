// When the input gives no image to weigh (empty, not a Dockerfile, binary), the result area says what is
// wrong, where, instead of a "0 B" result, an empty chart and a Copy button. Pure, tested without a DOM.
import type { Diagnostic } from "../../engine/diagnostics";
import type { ImageEstimate } from "../../engine/estimate/types";

export interface PlanProblem {
  readonly title: string;
  readonly detail: string;
  /** The Dockerfile's errors first (a missing FROM before the rest), then its warnings, at most MAX_LISTED. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Enough to see the pattern ("Unknown instruction" on every line of a pasted essay). */
const MAX_LISTED = 5;

/** U+FFFD is what a binary file's bytes become when read as UTF-8; NUL is in no text file. */
function looksBinary(text: string): boolean {
  return text.includes("\u0000") || text.includes("\uFFFD");
}

export function planProblem(dockerfile: string, estimate: ImageEstimate, diagnostics: readonly Diagnostic[]): PlanProblem | null {
  if (estimate.stages.length > 0) return null;
  const own = diagnostics.filter((d) => d.file === "dockerfile");
  // The missing FROM is why there is nothing to weigh: it leads, then the other errors (each unknown
  // instruction of a pasted essay), then the warnings.
  const rank = (d: Diagnostic) => (d.code === "dockerfile/no-from" ? 0 : d.severity === "error" ? 1 : 2);
  const listed = [...own].sort((a, b) => rank(a) - rank(b)).slice(0, MAX_LISTED);
  if (dockerfile.trim() === "") {
    return { title: "Nothing to weigh yet", detail: "The Dockerfile is empty: paste yours, drop your project folder onto the page, or load an example.", diagnostics: [] };
  }
  if (looksBinary(dockerfile)) {
    return { title: "This is not a text Dockerfile", detail: "The Dockerfile editor holds binary data (a compiled file or an archive?): paste the Dockerfile's text.", diagnostics: listed };
  }
  return { title: "No image to weigh", detail: "The Dockerfile has no FROM instruction Whaleweight can read, so there is no image to estimate:", diagnostics: listed };
}
