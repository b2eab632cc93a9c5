// Comments placed by binary search: the same templates get the same comments as with dockerfile-ast's own
// loop, and the work grows with comments × log(stages), not comments × stages.
import { DockerfileParser } from "dockerfile-ast";
import { describe, expect, it } from "vitest";
import { commentWork, organiseAsTheLibraryDoes, organiseCommentsBySearch } from "./ast-comments-organize";
import { ensureBufferForDockerfileAst } from "./buffer-shim";

interface Held { getComments(): { getRange(): { start: { line: number } } }[]; comments: unknown[] }
interface Internals { initialInstructions: Held; buildStages: Held[] }

/** The first line of each comment each template holds: the initial instructions', then each stage's. */
function placed(dockerfile: Internals): number[][] {
  return [dockerfile.initialInstructions, ...dockerfile.buildStages].map((t) => t.getComments().map((c) => c.getRange().start.line));
}

function parse(text: string): Internals {
  ensureBufferForDockerfileAst();
  organiseCommentsBySearch();
  return DockerfileParser.parse(text) as unknown as Internals;
}

const TEXTS = {
  "comments before, between, inside and after stages": "# top\nARG V=1\n# before FROM\nFROM a AS one\n# inside\nRUN x\n# between\nFROM b\nRUN y \\\n  # in a continuation\n  && z\n# trailing\n",
  "no ARG before the first FROM": "# only\nFROM a\n# c\nRUN b\n",
  "one-line stages, CR-only line ends": "FROM a\r# one\rFROM b\r# two\rRUN c\r# three\r",
  "a comment on the line of an instruction's continuation": "FROM a\nRUN b \\\n# c\n  d\nFROM e\n",
  "no stage at all": "# a\nARG X\n# b\nARG Y\n",
  "an escape directive": "# escape=`\nFROM a\n# c\nRUN b `\n  c\n# d\n",
};

describe("organiseCommentsBySearch", () => {
  it.each(Object.entries(TEXTS))("puts each comment where dockerfile-ast's loop does: %s", (_, text) => {
    const dockerfile = parse(text);
    const ours = placed(dockerfile);
    for (const template of [dockerfile.initialInstructions, ...dockerfile.buildStages]) template.comments = [];
    organiseAsTheLibraryDoes(dockerfile);
    expect(ours).toEqual(placed(dockerfile));
    expect(ours.flat().length).toBeGreaterThan(0);
  });

  it("compares positions about log(stages) times per comment, at 400 stages as at 200", () => {
    const comparisons = (stages: number): number => {
      const before = commentWork.comparisons;
      parse(Array.from({ length: stages }, (_, i) => `FROM a${i}\n# comment ${i}\nRUN b\n`).join(""));
      return commentWork.comparisons - before;
    };
    const at200 = comparisons(200);
    const at400 = comparisons(400);
    // Comments × stages would be 4× the work at twice the size; n log n is a little over 2×.
    expect(at400).toBeLessThan(2.5 * at200);
    expect(at200).toBeGreaterThan(0);
  });
});
