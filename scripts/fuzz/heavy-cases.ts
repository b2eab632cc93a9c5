// `npx tsx scripts/fuzz/heavy-cases.ts --cases 100000 --seed 100 [--classes bulk,stage-heavy,long-word]
// [--out DIR --only 1699,3842]`: the indexes of a fuzz run's cases whose label has one of the given
// mutation classes (the slow ones of issue 14), drawn exactly as scripts/fuzz/run.ts draws them, without
// planning any. With --out, writes each chosen case (label, Dockerfile, requirements) to DIR/<index>/case.json
// so one case can be profiled on its own (`node --import tsx --cpu-prof`).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { corpusSeeds, exampleSeeds } from "./corpus";
import { fuzz } from "./run";

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
}

const classes = new Set((option("classes") ?? "bulk,stage-heavy,long-word").split(","));
const only = option("only");
const wanted = only === undefined ? null : new Set(only.split(",").map(Number));
const out = option("out");
const found: { index: number; label: string }[] = [];
fuzz({
  seeds: [...corpusSeeds(), ...exampleSeeds()],
  cases: Number(option("cases") ?? 2_000),
  seed: Number(option("seed") ?? 1),
  // Nothing is planned: every index is drawn, none is checked.
  only: new Set<number>(),
  onDraw: (index, input) => {
    if (!input.label.split("+").some((part) => classes.has(part))) return;
    found.push({ index, label: input.label });
    if (out === undefined || (wanted !== null && !wanted.has(index))) return;
    const dir = join(out, String(index));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "case.json"), JSON.stringify(input));
  },
});
for (const { index, label } of found) console.log(`${index}\t${label}`);
