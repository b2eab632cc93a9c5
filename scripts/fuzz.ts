// `npm run fuzz [-- --cases 2000 --seed 1 --minutes 5 --memory-mb 256 --slow-ms 1000 --out /tmp/fuzz-failures]`: the long
// fuzz run of issue 14 over the shared corpus (when ../shared is there) and generated text. Prints the
// counts — exceptions, slow inputs (> 1 s) by class, plans over the heap budget, non-reparsing /
// non-converging / non-idempotent rewrites, new dockerfile-utils errors —, the case that grew the heap
// most, and the first examples of each fault; with --out, writes each example's files there.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadPythonTable } from "../src/node/load-python-table";
import { registerDebianTablesFromDisk } from "../src/node/load-tables";
import { corpusSeeds, exampleSeeds } from "./fuzz/corpus";
import { MEMORY_BUDGET_BYTES } from "./fuzz/check";
import { fuzz } from "./fuzz/run";

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
}

// The tables the CLI and the playground plan with: without the wheel table the engine falls back to its
// small hand table, and the fuzz would time and check plans no user gets.
registerDebianTablesFromDisk();
loadPythonTable();
const cases = Number(option("cases") ?? 2_000);
const seed = Number(option("seed") ?? 1);
const minutes = option("minutes");
// `--shard 1/2`: this process checks every second case (run 0/2 beside it on a second core).
const shard = /^(\d+)\/(\d+)$/.exec(option("shard") ?? "");
// `--only 17,342`: replay the reported examples of a run (same --cases and --seed).
const only = option("only");
// `--memory-mb 128`: the "memory" bar (check.ts, MEMORY_BUDGET_BYTES by default).
const memoryMb = option("memory-mb");
// `--slow-ms 300`: report plans over 300 ms of CPU as slow (to see how far under the 1 s bar a replay is).
const slowMs = option("slow-ms");
const corpus = corpusSeeds();
const seeds = [...corpus, ...exampleSeeds()];
console.log(`fuzz: ${cases} cases, seed ${seed}${shard === null ? "" : `, shard ${shard[0]}`}, ${corpus.length} corpus files${corpus.length === 0 ? " (../shared absent: examples and generated text only)" : ""}${minutes === undefined ? "" : `, at most ${minutes} min`}`);
const report = fuzz({
  seeds, cases, seed,
  ...(minutes === undefined ? {} : { deadline: Date.now() + Number(minutes) * 60_000 }),
  ...(shard === null ? {} : { shard: { index: Number(shard[1]), count: Number(shard[2]) } }),
  ...(only === undefined ? {} : { only: new Set(only.split(",").map(Number)) }),
  ...(memoryMb === undefined ? {} : { memoryBytes: Number(memoryMb) * 1024 * 1024 }),
  ...(slowMs === undefined ? {} : { slowMs: Number(slowMs) }),
  onProgress: (done) => { if (done % 500 === 0) console.log(`  ${done} cases…`); },
  onFault: (fault, index, label, detail) => console.log(`  found: ${fault} in case ${index} (${label}): ${detail.slice(0, 200)}`),
});
console.log(`\n${report.cases} cases in ${(report.ms / 1000).toFixed(0)} s`);
for (const [fault, count] of Object.entries(report.counts)) console.log(`  ${fault.padEnd(18)} ${count}`);
if (Object.keys(report.slowByClass).length > 0) console.log(`  slow by class: ${JSON.stringify(report.slowByClass)}`);
if (report.largestHeap !== null) console.log(`  largest heap growth (an upper bound under the budget: uncollected garbage counts): ${(report.largestHeap.bytes / 1024 / 1024).toFixed(1)} MB (case ${report.largestHeap.index}, ${report.largestHeap.label}; budget ${((memoryMb === undefined ? MEMORY_BUDGET_BYTES / 1024 / 1024 : Number(memoryMb))).toFixed(0)} MB)`);
if (Object.keys(report.byRule).length > 0) console.log(`  by rule: ${JSON.stringify(report.byRule)}`);
for (const e of report.examples) console.log(`\n[${e.fault}] case ${e.index} (${e.label}): ${e.detail}`);
const out = option("out");
if (out !== undefined) {
  report.examples.forEach((e, i) => {
    const dir = join(out, `${i}-${e.fault}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "Dockerfile"), e.input.dockerfile);
    for (const r of e.input.requirements) writeFileSync(join(dir, r.path.replace(/\//g, "_")), r.content);
  });
  console.log(`\nexamples written to ${out}`);
}
const faults = Object.values(report.counts).reduce((a, b) => a + b, 0);
process.exitCode = faults > 0 ? 1 : 0;
