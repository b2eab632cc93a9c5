// The harness can fail for the right reason: deliberately faulty rules are counted under their fault.
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/engine/rules/registry";
import type { Rule } from "../../src/engine/rules/types";
import { checkCase, MEMORY_BUDGET_BYTES } from "./check";
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

/** Stages each copying the one before twice: the estimate fills its filesystem limit, then lets it go. */
const doubling = ["FROM python:3.12-slim AS s0", "WORKDIR /app", "COPY . .", ...Array.from({ length: 30 }, (_, i) => `FROM python:3.12-slim AS s${i + 1}\nCOPY --from=s${i} /app /app/a\nCOPY --from=s${i} /app /app/b`)].join("\n");

describe("checkCase", () => {
  it.each([
    { name: "a fix after which the rule still fires", rule: faulty("# more\n"), fault: "non-converging" },
    { name: "a fix that breaks the file", rule: faulty("RUN <<EOF\necho\n", (t) => !t.includes("<<EOF")), fault: "non-reparsing" },
    { name: "a fix that adds a dockerfile-utils error our parser accepts", rule: faulty("ONBUILD\n", (t) => !t.includes("ONBUILD")), fault: "dockerfile-utils" },
    { name: "a clean rule", rule: faulty("# done\n", (t) => !t.includes("# done")), fault: null },
  ])("$name → $fault", ({ rule, fault }) => {
    const faults = checkCase(INPUT, { slowMs: 60_000, rules: [rule] }).faults.map((f) => f.fault);
    expect(faults).toEqual(fault === null ? [] : [fault]);
  });

  it("a plan that keeps more heap than the budget alive: memory, measured exactly", () => {
    // A rule whose finding holds 64 MiB (8 M small integers, 8 bytes each): the plan keeps its findings.
    const hoarder = {
      ...faulty("# done\n"),
      detect: ({ analysis }) => (analysis.model.text.includes("# done") ? [] : [{ ...finding, held: new Array<number>(8 * 1024 * 1024).fill(1) }]),
    } as Rule;
    const result = checkCase(INPUT, { slowMs: 60_000, rules: [hoarder], memoryBytes: 32 * 1024 * 1024 });
    expect(result.faults.map((f) => f.fault)).toEqual(["memory"]);
    expect(result.heapBytes).toBeGreaterThan(64 * 1024 * 1024);
    expect(result.heapBytes).toBeLessThan(96 * 1024 * 1024);
  });

  it("a plan whose estimate grows the heap while it runs: memory, from the collections' high-water mark", () => {
    const lowered = checkCase({ dockerfile: doubling, requirements: [] }, { slowMs: 60_000, memoryBytes: 4 * 1024 * 1024 });
    expect(lowered.faults.map((f) => f.fault)).toEqual(["memory"]);
    // Under the real budget the same plan is no fault: the engine's limit bounds it.
    const real = checkCase({ dockerfile: doubling, requirements: [] }, { slowMs: 60_000 });
    expect(real.faults).toEqual([]);
    expect(real.heapBytes).toBeLessThan(MEMORY_BUDGET_BYTES);
  });

  it("a small plan after a large one: the garbage left behind is not counted against it", () => {
    checkCase({ dockerfile: doubling, requirements: [] }, { slowMs: 60_000 });
    // Under a budget the large plan's garbage alone can pass, the exact pass (collected first) clears it.
    const result = checkCase(INPUT, { slowMs: 60_000, memoryBytes: 16 * 1024 * 1024 });
    expect(result.faults).toEqual([]);
    expect(result.heapBytes).toBeLessThan(16 * 1024 * 1024);
  });

  it("a plan over the bar is slow, with its process CPU, wall and (on Linux) own-thread times", () => {
    const slow = checkCase(INPUT, { slowMs: 0 }).faults.find((f) => f.fault === "slow");
    expect(slow?.detail).toMatch(/^\d+ ms of CPU time \(\d+ ms wall(, \d+ ms on the plan's own thread)?\)$/);
    if (process.platform === "linux") expect(slow?.detail).toContain("on the plan's own thread");
  });

  it("the mutator is reproducible from its seed", () => {
    const a = mutate(INPUT, seededRandom(42));
    const b = mutate(INPUT, seededRandom(42));
    expect(a).toEqual(b);
  });
});
