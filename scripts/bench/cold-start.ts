// Cold start of the bundled CLI (`whaleweight lint`) beside `dockerfile-utils lint` on the same file, each
// a fresh `node` process, as CI runs them (issue 11: within 1.5× of dockerfile-utils). Each process's own
// CPU time (user + system, from process start to exit: what it costs however loaded the shared machine is;
// wall clock swung several-fold between runs here), median of N runs after warm-up runs (which fill the OS
// file cache and the CLI's code cache, as in a CI job that runs the tool more than once); wall clock beside
// it. The CLI's first run is timed twice: with no code cache at all (NODE_DISABLE_COMPILE_CACHE=1: a CI
// runner whose Node is not the publisher's; the figure issue 11 holds to 1.5×), and from the cache the
// package ships (each run with an empty temp directory: a fresh runner on the publisher's Node version).
// `tsx src/cli/main.ts` (`npm run cli`) fewer times.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ColdStartRow {
  readonly file: string;
  readonly tool: string;
  /** Median CPU milliseconds (user + system) of one process, or null when the tool is missing or failed. */
  readonly ms: number | null;
  /** Median wall-clock milliseconds of the same runs. */
  readonly wallMs: number | null;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Preloaded into each timed process: writes its CPU time at exit to the file WHALEWEIGHT_BENCH_CPU names.
 *  process.cpuUsage() counts from the process's start, so Node's own start-up is included, for both tools. */
const CPU_PRELOAD = `data:text/javascript,${encodeURIComponent(
  'import { writeFileSync } from "node:fs"; process.on("exit", () => { const u = process.cpuUsage(); writeFileSync(process.env.WHALEWEIGHT_BENCH_CPU, String((u.user + u.system) / 1000)); });',
)}`;

/** Median CPU and wall ms of `node args…`; null when it fails: a code other than 0 or 1 (1: lint found
 *  errors), or anything on stderr (a run that died early would look fast). With `freshTemp`, each run has
 *  a new empty temp directory (so no per-user code cache). */
export function timeProcess(args: readonly string[], cwd: string, runs: number, warmup: number, env: Readonly<Record<string, string>> = {}, freshTemp = false): { cpu: number; wall: number } | null {
  const cpu: number[] = [];
  const wall: number[] = [];
  const dir = mkdtempSync(join(tmpdir(), "whaleweight-cpu-"));
  const cpuFile = join(dir, "cpu");
  try {
    for (let i = 0; i < warmup + runs; i++) {
      const temp = join(dir, `tmp-${i}`);
      if (freshTemp) mkdirSync(temp);
      const tempEnv = freshTemp ? { TMPDIR: temp, TMP: temp, TEMP: temp } : {};
      const start = process.hrtime.bigint();
      const result = spawnSync(process.execPath, ["--import", CPU_PRELOAD, ...args], { cwd, encoding: "utf8", env: { ...process.env, ...env, ...tempEnv, WHALEWEIGHT_BENCH_CPU: cpuFile } });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (freshTemp) rmSync(temp, { recursive: true, force: true });
      if ((result.status !== 0 && result.status !== 1) || result.stderr !== "" || !existsSync(cpuFile)) return null;
      if (i >= warmup) {
        cpu.push(Number(readFileSync(cpuFile, "utf8")));
        wall.push(ms);
      }
      rmSync(cpuFile);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { cpu: median(cpu), wall: median(wall) };
}

/** The files timed: a Debian-based image (the engine reads that release's package table, ~5 MB of JSON,
 *  of which a pip-only file needs the first line) and an Alpine one (no Debian table). */
export const COLD_START_FILES: readonly { name: string; dockerfile: string }[] = [
  { name: "python:3.12-slim + flask", dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD [\"python\", \"app.py\"]\n" },
  { name: "python:3.12-alpine + flask", dockerfile: "FROM python:3.12-alpine\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD [\"python\", \"app.py\"]\n" },
];

/** The requirements file beside each of them. */
export const COLD_START_REQUIREMENTS = "flask==3.1.3\n";

export function coldStartRows(root: string, runs: number, warmup: number): ColdStartRow[] | string {
  const bundle = join(root, "dist-cli", "whaleweight.mjs");
  if (!existsSync(bundle)) return "no dist-cli/ — run `npm run build:cli` first.";
  const dockerfileUtils = join(root, "node_modules", "dockerfile-utils", "bin", "dockerfile-utils");
  const dir = mkdtempSync(join(tmpdir(), "whaleweight-bench-"));
  try {
    writeFileSync(join(dir, "requirements.txt"), COLD_START_REQUIREMENTS);
    const rows: ColdStartRow[] = [];
    const row = (file: string, tool: string, timed: { cpu: number; wall: number } | null): ColdStartRow => ({ file, tool, ms: timed?.cpu ?? null, wallMs: timed?.wall ?? null });
    for (const { name, dockerfile } of COLD_START_FILES) {
      const file = join(dir, "Dockerfile");
      writeFileSync(file, dockerfile);
      // Run from the repository, so `--import tsx` resolves; the file is given by its absolute path.
      rows.push(row(name, "dockerfile-utils lint", timeProcess([dockerfileUtils, "lint", file], root, runs, warmup)));
      rows.push(row(name, "whaleweight lint (bundle, 2nd+ run: code cache)", timeProcess([bundle, "lint", file], root, runs, warmup)));
      rows.push(row(name, "whaleweight lint (bundle, first run, no cache)", timeProcess([bundle, "lint", file], root, runs, warmup, { NODE_DISABLE_COMPILE_CACHE: "1" })));
      rows.push(row(name, "whaleweight lint (bundle, first run, shipped cache: same Node)", timeProcess([bundle, "lint", file], root, runs, warmup, {}, true)));
      rows.push(row(name, "whaleweight plan (bundle)", timeProcess([bundle, "plan", file], root, runs, warmup)));
      // tsx compiles the sources at every start: a few runs show the difference the bundle makes.
      rows.push(row(name, "npm run cli lint (tsx)", timeProcess(["--import", "tsx", join(root, "src/cli/main.ts"), "lint", file], root, Math.min(runs, 3), 1)));
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
