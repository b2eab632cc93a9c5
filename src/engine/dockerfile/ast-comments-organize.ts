// dockerfile-ast ends every parse with `organizeComments`, which hands each comment to the build stage
// whose range holds it by testing the comment against every stage, computing each stage's range again
// for each test: comments × stages. A file of 2,872 one-line stages with a comment each (fuzz case 34864 of
// `--cases 100000 --seed 100`, 1 MiB with CR-only line ends) spent ~0.5 s of its ~1 s plan there. The
// stages' ranges are ordered and do not overlap (each runs from its FROM to its last instruction, and
// instructions follow one another), so the one stage that can hold a comment is found by binary search,
// with each range computed once. The same comments go to the same templates in the same order; where the
// ranges are not so (an unknown library release), the library's own loop runs. Installed on the prototype,
// as ast-arguments-memo.ts does, because the parser calls it before it hands the Dockerfile out.
import { DockerfileParser } from "dockerfile-ast";

interface Position { readonly line: number; readonly character: number }
interface Range { readonly start: Position; readonly end: Position }
interface Located { getRange(): Range }
interface Template { getRange(): Range | null; addComment(comment: Located): void }
interface Organised {
  getComments(): Located[];
  readonly initialInstructions: Template;
  readonly buildStages: readonly Template[];
}
interface Organizer { organizeComments(this: Organised): void }

/** Counted, not timed (a scaling test reads it): position comparisons made while placing comments. */
export const commentWork = { comparisons: 0 };

let installed = false;
/** The library's own method, kept for the test that compares the two. */
let libraryMethod: Organizer["organizeComments"] | null = null;

/** Places `dockerfile`'s comments again with the library's loop (for tests; a no-op before installation). */
export function organiseAsTheLibraryDoes(dockerfile: object): void {
  libraryMethod?.call(dockerfile as Organised);
}

export function organiseCommentsBySearch(): void {
  if (installed) return;
  installed = true;
  // The Dockerfile class is not exported at run time: an instance's prototype is reached through a parse.
  const prototype = Object.getPrototypeOf(DockerfileParser.parse("")) as Partial<Organizer> | null;
  const library = prototype?.organizeComments;
  // A release without this method (or with another shape): leave the library as it is.
  if (prototype === null || typeof library !== "function") return;
  libraryMethod = library;
  prototype.organizeComments = function organizeComments(this: Organised): void {
    if (!Array.isArray(this.buildStages) || typeof this.initialInstructions?.getRange !== "function") return library.call(this);
    const ranges = this.buildStages.map((stage) => stage.getRange());
    const initial = this.initialInstructions.getRange();
    if (initial === null || !ascendingApart(ranges)) return library.call(this);
    for (const comment of this.getComments()) {
      const { start, end } = comment.getRange();
      if (inside(end, initial)) {
        this.initialInstructions.addComment(comment);
        continue;
      }
      const at = lastStartingAtOrBefore(ranges, start);
      if (at >= 0 && inside(start, ranges[at] as Range)) this.buildStages[at]?.addComment(comment);
    }
  };
}

/** a ≤ b, in document order. */
function atOrBefore(a: Position, b: Position): boolean {
  commentWork.comparisons++;
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** The library's `Util.isInsideRange` for a range whose start is not after its end. */
function inside(position: Position, range: Range): boolean {
  return atOrBefore(range.start, position) && atOrBefore(position, range.end);
}

/** Every range present, well formed, and ending before the next one starts. */
function ascendingApart(ranges: readonly (Range | null)[]): ranges is readonly Range[] {
  let previous: Range | null = null;
  for (const range of ranges) {
    if (range === null || !atOrBefore(range.start, range.end)) return false;
    if (previous !== null && atOrBefore(range.start, previous.end)) return false;
    previous = range;
  }
  return true;
}

/** The index of the last range that starts at or before `position`, or -1. */
function lastStartingAtOrBefore(ranges: readonly Range[], position: Position): number {
  let low = 0;
  let high = ranges.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (atOrBefore((ranges[middle] as Range).start, position)) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
