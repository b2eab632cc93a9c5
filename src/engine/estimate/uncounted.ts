// What an estimate leaves out: the warnings whose bytes the totals do not hold (an image, a command, a
// file or a download the tables cannot weigh). One list for every reader — the report's "Not in these
// sizes" and the CLI's budget, which cannot call a total "within budget" when it is only a floor.
import type { EstimateWarning, ImageEstimate } from "./types";

/** Codes of the warnings that mean "this weighs something the total does not count". */
export const UNCOUNTED_WARNING_CODES: ReadonlySet<string> = new Set([
  "unknown-base-image", "unmodelled-command", "unmodelled-download", "copy-from-image", "copy-from-base", "copy-from-unmodelled",
  "copy-from-uncounted", "add-url", "requirements-not-given", "local-requirement", "local-project", "unresolved-requirement",
  "third-party-package", "stand-in-release-package", "uv-managed-python", "copy-from-partial", "copy-from-self",
  // A lock install with neither its lock nor its manifest given, a lock that lacks part of its closure or
  // holds no project: what they install is (partly) not counted. `lock-not-given` alone is not here: the
  // manifest's or requirements' packages stand in for the lock, and are counted.
  "project-files-not-given", "lock-incomplete", "lock-no-project", "local-package-file",
]);

/** The estimate's warnings about bytes the final image's total leaves out, in order, each (line, message)
 *  once: none means the totals weigh everything the tables were asked about. A warning on a line of a build
 *  stage that is not part of the final image (a Node stage's unknown base, its `pnpm` run) is not one: what
 *  the final image takes from that stage is a COPY --from, with a warning of its own where it is not counted. */
export function uncountedWarnings(estimate: Partial<Pick<ImageEstimate, "warnings" | "layers" | "buildLayers">>): EstimateWarning[] {
  const seen = new Set<string>();
  const finalLines = new Set((estimate.layers ?? []).map((l) => l.line));
  const buildOnly = new Set((estimate.buildLayers ?? []).map((l) => l.line).filter((line) => !finalLines.has(line)));
  return (estimate.warnings ?? []).filter((w) => {
    if (!UNCOUNTED_WARNING_CODES.has(w.code) || (w.line !== null && buildOnly.has(w.line))) return false;
    const key = `${w.line ?? ""}\n${w.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
