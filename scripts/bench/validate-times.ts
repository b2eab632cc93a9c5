// dockerfile-utils `validate` timed in a child process with nothing of Whaleweight loaded. In the bench's
// own process the yardstick is not the stock library: parseDockerfile patches dockerfile-ast's
// `Instruction.prototype` (src/engine/dockerfile/ast-arguments-memo.ts) and dockerfile-utils parses with
// the same dockerfile-ast module, so validate ran with our memo once anything had been parsed (a
// 1,000-instruction validate took ~11 ms instead of ~18 ms after the memo's last change).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { validate } from "dockerfile-utils";
import { freshDockerfile, timeMedian } from "./timing";

export interface ValidateJob {
  readonly text: string;
  readonly runs: number;
  readonly warmup: number;
}

/** Median CPU ms of `validate` per job (a fresh trailing comment each run, as for our timings). */
export function validateTimes(jobs: readonly ValidateJob[]): number[] {
  const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    input: JSON.stringify(jobs),
    maxBuffer: 1 << 20,
    encoding: "utf8",
  });
  return JSON.parse(out) as number[];
}

function timeJobs(jobs: readonly ValidateJob[]): number[] {
  // Every job's warm-up first, so the first job timed meets compiled code as ours does in the bench's
  // process (where the engine has run for a while before any timing).
  for (const { text, warmup } of jobs) for (let i = 0; i < warmup; i++) validate(freshDockerfile(text));
  return jobs.map(({ text, runs, warmup }) => timeMedian(() => validate(freshDockerfile(text)), runs, warmup));
}

if (process.argv[1] !== undefined && /validate-times\.ts$/.test(process.argv[1])) {
  const chunks: Buffer[] = [];
  process.stdin.on("data", (c: Buffer) => chunks.push(c));
  process.stdin.on("end", () => process.stdout.write(JSON.stringify(timeJobs(JSON.parse(Buffer.concat(chunks).toString("utf8")) as ValidateJob[]))));
}
