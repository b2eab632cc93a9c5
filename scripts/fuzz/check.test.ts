// The harness can fail for the right reason: deliberately faulty rules are counted under their fault.
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/engine/rules/registry";
import type { Rule } from "../../src/engine/rules/types";
import { checkCase } from "./check";
import { mutate, seededRandom } from "./mutate";

const base = RULES[0] as Rule;
const INPUT = { dockerfile: "FROM python:3.12-slim\nRUN pip install flask\n", requirements: [] };
const finding = { ruleId: "test/faulty", messageId: "m", message: "m", severity: "warning" as const, line: 1, column: 1, endLine: 1, endColumn: 1 };

/** A rule that always fires and whose fix appends `text` at the end of the Dockerfile. */
function faulty(text: string, fires: (dockerfile: string) => boolean = () => true): Rule {
  return {
    meta: { ...base.meta, id: "test/faulty" },
    detect: ({ analysis }) => (fires(analysis.model.text) ? [finding] : []),
    fix: ({ analysis }) => [{ id: "x", title: "x", reason: "x", edits: [{ file: "dockerfile", edits: [{ start: analysis.model.text.length, end: analysis.model.text.length, text }] }] }],
  } as Rule;
}

describe("checkCase", () => {
  it.each([
    { name: "a fix after which the rule still fires", rule: faulty("# more\n"), fault: "non-converging" },
    { name: "a fix that breaks the file", rule: faulty("RUN <<EOF\necho\n", (t) => !t.includes("<<EOF")), fault: "non-reparsing" },
    { name: "a fix that adds a dockerfile-utils error our parser accepts", rule: faulty("ONBUILD\n", (t) => !t.includes("ONBUILD")), fault: "dockerfile-utils" },
    { name: "a clean rule", rule: faulty("# done\n", (t) => !t.includes("# done")), fault: null },
  ])("$name → $fault", ({ rule, fault }) => {
    const faults = checkCase(INPUT, 60_000, [rule]).faults.map((f) => f.fault);
    expect(faults).toEqual(fault === null ? [] : [fault]);
  });

  it("the mutator is reproducible from its seed", () => {
    const a = mutate(INPUT, seededRandom(42));
    const b = mutate(INPUT, seededRandom(42));
    expect(a).toEqual(b);
  });
});
