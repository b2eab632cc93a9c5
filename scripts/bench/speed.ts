// The speed part of `npm run bench` (issue 13): our plan and analyze on each shared-corpus file beside
// dockerfile-utils `validate` (the VS Code Docker linter over the same dockerfile-ast parser) timed in the
// same run (in a child process: validate-times.ts), with the median ratio; then the 100 / 1,000 / 10,000-instruction scaling of generated files
// (scripts/bench/generated-dockerfile.ts). Prints, asserts nothing: the targets (plan ≤ 3× validate per
// corpus file, 1,000 instructions ≤ 50 ms, 10,000 ≤ 10× that) are read off the tables. The corpus part
// skips cleanly where ../shared is absent. Times are CPU time (see timeMedian), with the load average.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import { join, relative } from "node:path";
import { analyze } from "../../src/engine/analyze";
import { buildPlan, type PlanInput } from "../../src/engine/plan/plan";
import { countWork, type WorkCounts } from "../../src/engine/work-counters";
import { GENERATED_REQUIREMENTS, generatedDockerfileOf } from "./generated-dockerfile";
import { freshDockerfile, median, timeMedian } from "./timing";
import { validateTimes } from "./validate-times";

export interface Timing {
  readonly plan: number;
  readonly analyze: number;
  readonly validate: number;
}

/** A step's diff is computed when read (plan.ts): read them all, as the CLI's JSON output does. */
function planAndDiffs(input: PlanInput): void {
  for (const step of buildPlan(input).steps) void step.diff.length;
}

function dockerfileText(input: PlanInput): string {
  return typeof input.dockerfile === "string" ? input.dockerfile : new TextDecoder().decode(input.dockerfile);
}

/** Our plan and analyze of `input`, beside `validate`'s time for the same text (validateTimes: timed in a
 *  process of its own, so that the yardstick is the stock library). */
export function timeInput(input: PlanInput, runs: number, warmup: number, validateMs: number): Timing {
  const text = dockerfileText(input);
  const fresh = (): PlanInput => ({ ...input, dockerfile: freshDockerfile(text) });
  return {
    plan: timeMedian(() => planAndDiffs(fresh()), runs, warmup),
    analyze: timeMedian(() => analyze(fresh()), runs, warmup),
    validate: validateMs,
  };
}

function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? listFiles(path, root) : [relative(root, path)];
  });
}

/** The shared corpus as plan inputs (read in place, never copied), or null where ../shared is absent. */
export function corpusInputs(root: string): { name: string; input: PlanInput }[] | null {
  const corpus = join(root, "..", "shared", "corpus", "dockerfiles");
  if (!existsSync(corpus)) return null;
  return readdirSync(corpus).sort().map((name) => {
    const dir = join(corpus, name);
    const files = listFiles(dir);
    const dockerfile = files.find((f) => /(^|\/)Dockerfile[^/]*$/i.test(f)) ?? "Dockerfile";
    return {
      name,
      input: {
        dockerfile: readFileSync(join(dir, dockerfile), "utf8"),
        requirements: files.filter((f) => /\.(txt|in)$/.test(f)).map((f) => ({ path: f, content: readFileSync(join(dir, f), "utf8") })),
        dockerignore: files.includes(".dockerignore") ? readFileSync(join(dir, ".dockerignore"), "utf8") : null,
      },
    };
  });
}

export function generatedInput(instructions: number): PlanInput {
  return { dockerfile: generatedDockerfileOf(instructions), requirements: [{ path: "requirements.txt", content: GENERATED_REQUIREMENTS }], dockerignore: ".git\n" };
}

type Print = (title: string, header: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[]) => void;

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
const load = () => `load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on ${process.version}`;

/** Prints the corpus table (per file and the median ratios) and the scaling table. */
export function speedTables(root: string, print: Print, options: { runs?: number; warmup?: number } = {}): void {
  // Enough runs for a stable median per file while 61 files stay under a minute or two on a busy machine.
  const runs = options.runs ?? 5;
  const warmup = options.warmup ?? 2;
  const corpus = corpusInputs(root);
  if (corpus === null) {
    console.log("\nCorpus speed: ../shared/corpus is not there (a fresh clone); skipped.");
  } else {
    const validated = validateTimes(corpus.map(({ input }) => ({ text: dockerfileText(input), runs, warmup })));
    const timed = corpus.map(({ name, input }, i) => ({ name, t: timeInput(input, runs, warmup, validated[i] ?? NaN), shape: planShape(input) }));
    const rows = timed.map(({ name, t, shape }) => [name, ms(t.validate), ms(t.analyze), ms(t.plan), ratio(t.analyze, t.validate), ratio(t.plan, t.validate), String(shape.steps), ...workCells(shape.work)]);
    const med = (f: (x: (typeof timed)[number]) => number) => median(timed.map(f));
    rows.push(["median", ms(med((x) => x.t.validate)), ms(med((x) => x.t.analyze)), ms(med((x) => x.t.plan)), `${med((x) => x.t.analyze / x.t.validate).toFixed(1)}×`,
      `${med((x) => x.t.plan / x.t.validate).toFixed(1)}×`, String(med((x) => x.shape.steps)), String(med((x) => x.shape.work.analyses)), String(med((x) => x.shape.work.parses)), String(med((x) => x.shape.work.detects))]);
    print(`Shared corpus (${corpus.length} files): median CPU ms of ${runs} runs after ${warmup} warm-up runs, each run on a Dockerfile not seen before (a new trailing comment: no parse cache answers), ${load()} (target: plan ≤ 3× validate, median ratio)`,
      ["file", "dockerfile-utils validate", "analyze", "plan (with diffs)", "analyze ÷ validate", "plan ÷ validate", "steps tried", ...WORK_HEADER.map((h) => `plan's ${h}`)], rows,
      [false, true, true, true, true, true, true, true, true, true]);
  }
  // Fewer runs as files grow: a 10,000-instruction plan takes seconds on a loaded machine.
  const sizes = [{ n: 100, runs: 10, warmup: 2 }, { n: 1_000, runs: 5, warmup: 1 }, { n: 10_000, runs: 3, warmup: 1 }];
  const validated = validateTimes(sizes.map(({ n, runs: r, warmup: w }) => ({ text: dockerfileText(generatedInput(n)), runs: r, warmup: w })));
  const scaled = sizes.map(({ n, runs: r, warmup: w }, i) => ({ n, r, t: timeInput(generatedInput(n), r, w, validated[i] ?? NaN), shape: planShape(generatedInput(n)) }));
  const base = scaled.find((s) => s.n === 1_000)?.t;
  // The steps the plan tried, and whether it stopped at its work budget (PLAN_WORK): a plan that stops
  // early is cheaper, and its time alone would not say so.
  print(`Scaling on generated files (FROM every 100 instructions, ENV, RUN pip/apt, COPY), median CPU ms, each run on a Dockerfile not seen before, ${load()} (targets: 1,000 ≤ 50 ms, 10,000 ≤ 10× 1,000; every plan ≤ 1 s)`,
    ["instructions", "runs", "dockerfile-utils validate", "analyze", "plan (with diffs)", "plan ÷ plan(1,000)", "steps tried", "stopped at budget", ...WORK_HEADER.map((h) => `plan's ${h}`)],
    scaled.map(({ n, r, t, shape }) => [n.toLocaleString("en-US"), String(r), ms(t.validate), ms(t.analyze), ms(t.plan), base === undefined ? "" : ratio(t.plan, base.plan), String(shape.steps), shape.stopped ? "yes" : "no", ...workCells(shape.work)]),
    [true, true, true, true, true, true, true, false, true, true, true]);
}

/** How many steps the plan of `input` tried, whether its work budget stopped it, and the parses, analyses
 *  and rules' detect runs it performed (of a text not seen before, as timed). */
function planShape(input: PlanInput): { steps: number; stopped: boolean; work: WorkCounts } {
  const { result: plan, work } = countWork(() => buildPlan({ ...input, dockerfile: freshDockerfile(dockerfileText(input)) }));
  return { steps: plan.steps.length - 1, stopped: plan.notice !== null, work };
}

const workCells = (w: WorkCounts) => [String(w.analyses), String(w.parses), String(w.detects)];
const WORK_HEADER = ["analyses", "parses", "detects"] as const;
