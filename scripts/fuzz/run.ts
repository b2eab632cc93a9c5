// A seeded fuzz run: cases from the mutator over the seeds and from fast-check's generators of
// Dockerfile-like text, each checked by checkCase; the counts by fault, slow inputs by mutation class,
// and the first examples of each fault (enough to reproduce: seed, case index, label).
import fc from "fast-check";
import { checkCase, type Fault } from "./check";
import { mutate, seededRandom, type FuzzCase, type FuzzInput } from "./mutate";

export interface FuzzReport {
  readonly cases: number;
  readonly counts: Readonly<Record<Fault, number>>;
  /** Slow inputs by mutation class. */
  readonly slowByClass: Readonly<Record<string, number>>;
  /** Rewrite faults by rule id (`non-converging size/multistage`), so a count points at its rule. */
  readonly byRule: Readonly<Record<string, number>>;
  readonly examples: readonly { readonly fault: Fault; readonly index: number; readonly label: string; readonly detail: string; readonly input: FuzzInput }[];
  /** The case whose plan grew the heap most (an upper bound under the budget: see check.ts). */
  readonly largestHeap: { readonly index: number; readonly label: string; readonly bytes: number } | null;
  readonly ms: number;
}

const LINE = fc.constantFrom(
  "FROM python:3.12", "FROM python:3.12-slim AS b", "FROM b", "RUN apt-get update", "RUN apt-get update && apt-get install -y gcc",
  "RUN pip install flask", "RUN rm -rf /root/.cache/pip", "RUN rm -rf /var/lib/apt/lists/*", "COPY . .", "COPY requirements.txt .",
  "RUN pip install -r requirements.txt", "WORKDIR /app", "ENV A=$A$A", "ARG X", "RUN <<EOF", "EOF", "RUN \\", "USER app", "",
);

/** Dockerfile-like text made of known lines, noise and odd line ends (fast-check, replayed by seed). */
function generatedCases(seed: number, count: number): FuzzCase[] {
  const text = fc.tuple(
    fc.array(fc.oneof({ weight: 4, arbitrary: LINE }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) }), { maxLength: 30 }),
    fc.constantFrom("\n", "\r\n", "\r"),
  ).map(([lines, nl]) => lines.join(nl));
  return fc.sample(text, { seed, numRuns: count }).map((dockerfile) => ({ dockerfile, requirements: [{ path: "requirements.txt", content: "flask\npsycopg2\n" }], label: "generated" }));
}

export interface FuzzOptions {
  readonly seeds: readonly FuzzInput[];
  readonly cases: number;
  readonly seed: number;
  readonly generatedShare?: number;
  readonly deadline?: number;
  readonly slowMs?: number;
  /** The "memory" bar, in bytes of heap (MEMORY_BUDGET_BYTES unless set). */
  readonly memoryBytes?: number;
  /** Check only the cases with `index % count === index`: two processes with shards 0/2 and 1/2 check the
   *  same cases as one run (the inputs are drawn for every index either way, so each replays exactly). */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Check only these case indexes (to replay a reported example). */
  readonly only?: ReadonlySet<number>;
  readonly onProgress?: (done: number) => void;
  /** Each fault as it is found: a long run cut short (or killed) has still said what it saw. */
  readonly onFault?: (fault: Fault, index: number, label: string, detail: string) => void;
  /** Every case as it is drawn, checked or not (scripts/fuzz/heavy-cases.ts lists a run's cases by class). */
  readonly onDraw?: (index: number, input: FuzzCase) => void;
}

export function fuzz(options: FuzzOptions): FuzzReport {
  const rng = seededRandom(options.seed);
  const generatedCount = Math.round(options.cases * (options.seeds.length === 0 ? 1 : (options.generatedShare ?? 0.2)));
  const generated = generatedCases(options.seed, generatedCount);
  const counts: Record<Fault, number> = { exception: 0, slow: 0, memory: 0, "non-reparsing": 0, "non-converging": 0, "non-idempotent": 0, "dockerfile-utils": 0 };
  const slowByClass: Record<string, number> = {};
  const byRule: Record<string, number> = {};
  const examples: FuzzReport["examples"][number][] = [];
  let largestHeap: FuzzReport["largestHeap"] = null;
  const started = performance.now();
  let done = 0;
  let nextGenerated = 0;
  for (let index = 0; index < options.cases; index++) {
    if (options.deadline !== undefined && Date.now() > options.deadline) break;
    // Generated text is interleaved with mutated seeds (every k-th case), so a run cut short by its
    // deadline has tried both kinds in proportion.
    const seed = options.seeds[Math.floor(rng() * options.seeds.length)];
    const next = generated[nextGenerated];
    const useGenerated = seed === undefined || (next !== undefined && nextGenerated * options.cases <= index * generated.length);
    if (useGenerated) nextGenerated++;
    const input: FuzzCase = useGenerated || seed === undefined ? (next ?? { dockerfile: "", requirements: [], label: "empty" }) : mutate(seed, rng);
    options.onDraw?.(index, input);
    if (options.shard !== undefined && index % options.shard.count !== options.shard.index) continue;
    if (options.only !== undefined && !options.only.has(index)) continue;
    const result = checkCase(input, { slowMs: options.slowMs, memoryBytes: options.memoryBytes });
    done++;
    if (largestHeap === null || result.heapBytes > largestHeap.bytes) largestHeap = { index, label: input.label, bytes: result.heapBytes };
    for (const { fault, detail } of result.faults) {
      counts[fault]++;
      options.onFault?.(fault, index, input.label, detail);
      const rule = /^([a-z]+\/[a-z-]+):/.exec(detail)?.[1];
      if (rule !== undefined && fault !== "exception") byRule[`${fault} ${rule}`] = (byRule[`${fault} ${rule}`] ?? 0) + 1;
      if (fault === "slow") for (const part of input.label.split("+")) slowByClass[part] = (slowByClass[part] ?? 0) + 1;
      if (examples.filter((e) => e.fault === fault).length < 3) examples.push({ fault, index, label: input.label, detail: detail.slice(0, 300), input });
    }
    if (done % 100 === 0) options.onProgress?.(done);
  }
  return { cases: done, counts, slowByClass, byRule, examples, largestHeap, ms: performance.now() - started };
}
