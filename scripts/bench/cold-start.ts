// Cold start of the bundled CLI (`whaleweight lint`) beside `dockerfile-utils lint` on the same file, each
// a fresh `node` process, as CI runs them (issue 11: within 1.5× of dockerfile-utils). Wall-clock time of
// the whole process, median of N runs after warm-up runs (which fill the OS file cache, as in a CI job
// that runs the tool more than once). `tsx src/cli/main.ts` (`npm run cli`) is timed too, fewer times.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ColdStartRow {
  readonly file: string;
  readonly tool: string;
  /** Median wall-clock milliseconds of one process, or null when the tool is missing or failed. */
  readonly ms: number | null;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Median ms of `node args…`; null when it fails: a code other than 0 or 1 (1: lint found errors), or
 *  anything on stderr (a run that died early would look fast). */
export function timeProcess(args: readonly string[], cwd: string, runs: number, warmup: number): number | null {
  const times: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd, encoding: "utf8" });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if ((result.status !== 0 && result.status !== 1) || result.stderr !== "") return null;
    if (i >= warmup) times.push(ms);
  }
  return median(times);
}

/** The files timed: a Debian-based image (the engine reads that release's package table, ~5 MB of JSON)
 *  and an Alpine one (no Debian table). */
export const COLD_START_FILES: readonly { name: string; dockerfile: string }[] = [
  { name: "python:3.12-slim + flask", dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD [\"python\", \"app.py\"]\n" },
  { name: "python:3.12-alpine + flask", dockerfile: "FROM python:3.12-alpine\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD [\"python\", \"app.py\"]\n" },
];

export function coldStartRows(root: string, runs: number, warmup: number): ColdStartRow[] | string {
  const bundle = join(root, "dist-cli", "whaleweight.mjs");
  if (!existsSync(bundle)) return "no dist-cli/ — run `npm run build:cli` first.";
  const dockerfileUtils = join(root, "node_modules", "dockerfile-utils", "bin", "dockerfile-utils");
  const dir = mkdtempSync(join(tmpdir(), "whaleweight-bench-"));
  try {
    writeFileSync(join(dir, "requirements.txt"), "flask==3.1.3\n");
    const rows: ColdStartRow[] = [];
    for (const { name, dockerfile } of COLD_START_FILES) {
      const file = join(dir, "Dockerfile");
      writeFileSync(file, dockerfile);
      // Run from the repository, so `--import tsx` resolves; the file is given by its absolute path.
      rows.push({ file: name, tool: "dockerfile-utils lint", ms: timeProcess([dockerfileUtils, "lint", file], root, runs, warmup) });
      rows.push({ file: name, tool: "whaleweight lint (bundle)", ms: timeProcess([bundle, "lint", file], root, runs, warmup) });
      rows.push({ file: name, tool: "whaleweight plan (bundle)", ms: timeProcess([bundle, "plan", file], root, runs, warmup) });
      // tsx compiles the sources at every start: a few runs show the difference the bundle makes.
      rows.push({ file: name, tool: "npm run cli lint (tsx)", ms: timeProcess(["--import", "tsx", join(root, "src/cli/main.ts"), "lint", file], root, Math.min(runs, 3), 1) });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
