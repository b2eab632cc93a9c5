// The bounded, seeded fuzz run inside `npm test` (issue 14); `npm run fuzz` is the long one. The corpus
// part skips where ../shared is absent (a fresh clone); the examples and generated text always run.
// "Slow" here is 5 s of CPU time rather than the fuzz's 1 s: the process's CPU time counts every thread
// of it (a Vitest worker running other files beside this one, the JIT's first compiles), and a flaky bound
// would fail for the wrong reason; the long run reports the 1 s bar.
import { describe, expect, it } from "vitest";
import { corpusSeeds, exampleSeeds } from "./corpus";
import { fuzz, type FuzzReport } from "./run";

const SLOW_IN_TESTS_MS = 5_000;
// The timeouts are wall time on the shared machine: the corpus run took 87 s of wall time for 31 s of CPU
// at a load average of ~17 (the bulk class, files up to the plan's size cap, is most of it); twice that.
const EXAMPLES_TIMEOUT_MS = 120_000;
const CORPUS_TIMEOUT_MS = 180_000;

function expectClean(report: FuzzReport): void {
  const examples = report.examples.map((e) => `${e.fault} (case ${e.index}, ${e.label}): ${e.detail}`);
  expect({ counts: report.counts, examples }).toEqual({
    counts: { exception: 0, slow: 0, memory: 0, "non-reparsing": 0, "non-converging": 0, "non-idempotent": 0, "dockerfile-utils": 0 },
    examples: [],
  });
}

describe("fuzz (bounded, seeded)", () => {
  it("examples and generated text: 100 cases", () => {
    const report = fuzz({ seeds: exampleSeeds(), cases: 100, seed: 14, generatedShare: 0.5, slowMs: SLOW_IN_TESTS_MS });
    expect(report.cases).toBe(100);
    expectClean(report);
  }, EXAMPLES_TIMEOUT_MS);

  const corpus = corpusSeeds();
  it.skipIf(corpus.length === 0)("mutated corpus files: 150 cases", () => {
    const report = fuzz({ seeds: corpus, cases: 150, seed: 15, generatedShare: 0, slowMs: SLOW_IN_TESTS_MS });
    expect(report.cases).toBe(150);
    expectClean(report);
  }, CORPUS_TIMEOUT_MS);
});
