// `npm run bench` (DESIGN §7): measures, prints tables, asserts nothing. Engine latency per file — the
// median of N timed runs after warm-up runs — for the Flask example, a generated 1,000-line Dockerfile and
// the same shape at 1,000 instructions, with dockerfile-utils' `validate` (the VS Code Docker linter, over the same dockerfile-ast parser) timed
// on the same files in the same run as a yardstick. Then the shared corpus and the 100 / 1,000 / 10,000
// scaling (scripts/bench/speed.ts). Then bundle sizes and permalink lengths, from
// scripts/bench/bundle.ts and scripts/bench/permalink.ts when those exist (imported dynamically, so this
// script runs without them).
//
//   npm run bench [-- --runs 30 --warmup 5 --large-runs 5] [-- --only engine|speed]
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath, pathToFileURL } from "node:url";
import { analyze, type AnalysisInput } from "../src/engine/analyze";
import { parseDockerfile } from "../src/engine/dockerfile/parse-dockerfile";
import { formatBytes } from "../src/engine/format";
import { LIMITS } from "../src/engine/limits";
import { buildPlan } from "../src/engine/plan/plan";
import { FLASK_FAT } from "../src/examples/index";
import { pythonTable } from "../src/engine/knowledge";
import { loadPythonTable } from "../src/node/load-python-table";
import { corpusCoverage, rankCoverage } from "./bench/coverage";
import { freshDockerfile, timeMedian } from "./bench/timing";
import { validateTimes } from "./bench/validate-times";

const root = fileURLToPath(new URL("..", import.meta.url));

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at < 0 ? undefined : Number(process.argv[at + 1]);
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
}

// Enough runs for a stable median on a busy laptop; the 1,000-line file's runs take tens of milliseconds
// each. The 1,000-instruction file of this shape (~90 stages) takes longer per run, so it gets fewer.
const RUNS = option("runs", 30);
const WARMUP = option("warmup", 5);
const LARGE_RUNS = option("large-runs", 5);
const LARGE_WARMUP = 1;

const HEADER = ["# syntax=docker/dockerfile:1", "ARG PY=3.12"];

/** One stage of the generated Dockerfile, as its instructions (each the lines it spans). */
function stageInstructions(stage: number): string[][] {
  const packages = ["flask", "requests", "numpy", "pandas", "django", "fastapi", "uvicorn", "sqlalchemy", "celery", "redis"];
  const alpine = stage % 3 === 2;
  const out: string[][] = [[`FROM python:\${PY}-${alpine ? "alpine" : "slim"} AS stage${stage}`], ["WORKDIR /app"], [`ENV PIP_DISABLE_PIP_VERSION_CHECK=1 STAGE=${stage}`]];
  if (alpine) {
    out.push(["RUN apk add --no-cache --virtual .build-deps build-base postgresql-dev \\", " && pip install --no-cache-dir psycopg2 \\", " && apk del .build-deps"]);
  } else {
    out.push(["RUN apt-get update \\", " && apt-get install -y --no-install-recommends gcc libpq-dev curl \\", " && rm -rf /var/lib/apt/lists/*"]);
  }
  out.push(["COPY requirements.txt ."], [`RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt ${packages[stage % packages.length] ?? "flask"}`]);
  out.push(["RUN <<EOF", "set -eux", `python -m venv /opt/venv${stage}`, `/opt/venv${stage}/bin/pip install --no-cache-dir ${packages[(stage + 3) % packages.length] ?? "requests"}`, "EOF"]);
  if (stage > 0) out.push([`COPY --from=stage${stage - 1} /opt/venv${stage - 1} /opt/venv${stage - 1}`]);
  out.push(["COPY . ."], ["USER 1000"], ['CMD ["python", "-m", "app"]']);
  return out;
}

/** A 1,000-line Dockerfile shaped like real ones: stages, continued RUNs, pip/apt/apk, heredocs, COPYs. */
export function generatedDockerfile(lines = 1000): string {
  const out = [...HEADER];
  for (let stage = 0; out.length < lines; stage++) out.push(...stageInstructions(stage).flat());
  return out.slice(0, lines).join("\n") + "\n";
}

/** The same shape cut after `count` instructions (the global ARG included), never inside one. */
export function generatedInstructions(count: number): string {
  const out = [...HEADER];
  let instructions = 1;
  for (let stage = 0; instructions < count; stage++) {
    for (const instruction of stageInstructions(stage)) {
      if (instructions >= count) break;
      out.push(...instruction);
      instructions++;
    }
  }
  return out.join("\n") + "\n";
}

/** Median CPU milliseconds (timeMedian) of `runs` calls after `warmup` untimed ones; null when the call throws.
 *  CPU rather than wall clock: on the shared machine a call's wait for a core is not its cost. */
function time(fn: () => unknown, runs = RUNS, warmup = WARMUP): number | null {
  try {
    return timeMedian(fn, runs, warmup);
  } catch {
    return null;
  }
}

const ms = (value: number | null) => (value === null ? "threw" : value < 10 ? value.toFixed(2) : value.toFixed(1));

function printTable(title: string, header: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const fmt = (r: readonly string[]) => r.map((c, i) => (right[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join("  ").trimEnd();
  console.log(`\n${title}`);
  console.log(fmt(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(fmt(row));
}

function engineTable(): void {
  const requirements = [{ path: "requirements.txt", content: "flask\nrequests\ngunicorn\n" }];
  const files: { name: string; input: AnalysisInput; runs: number; warmup: number }[] = [
    {
      name: `example "${FLASK_FAT.id}"`,
      input: { dockerfile: FLASK_FAT.dockerfile, requirements: FLASK_FAT.requirements.map((r) => ({ path: r.path, content: r.text })), dockerignore: FLASK_FAT.dockerignore },
      runs: RUNS,
      warmup: WARMUP,
    },
    { name: "generated", input: { dockerfile: generatedDockerfile(), requirements, dockerignore: ".git\n" }, runs: RUNS, warmup: WARMUP },
    {
      name: `generated (${LARGE_RUNS} runs)`,
      // At most 1,000 instructions of this shape: it starts a stage every ~11, and LIMITS.stages is 128.
      // The 10,000-instruction row is in the scaling table (scripts/bench/speed.ts).
      input: { dockerfile: generatedInstructions(Math.min(LIMITS.instructions, 1_000)), requirements, dockerignore: ".git\n" },
      runs: LARGE_RUNS,
      warmup: LARGE_WARMUP,
    },
  ];
  const texts = files.map(({ input }) => (typeof input.dockerfile === "string" ? input.dockerfile : new TextDecoder().decode(input.dockerfile)));
  // validate in a process of its own (validate-times.ts: ours patches the dockerfile-ast it parses with).
  const validated = validateTimes(files.map(({ runs, warmup }, i) => ({ text: texts[i] ?? "", runs, warmup })));
  const rows = files.map(({ name, input, runs, warmup }, i) => {
    const text = texts[i] ?? "";
    const timed = (fn: () => unknown) => ms(time(fn, runs, warmup));
    // Each run on a text not seen before (a new trailing comment), so no parse cache answers.
    const fresh = () => ({ ...input, dockerfile: freshDockerfile(text) });
    return [
      name,
      String(text.split("\n").length - (text.endsWith("\n") ? 1 : 0)),
      String(parseDockerfile(text).instructions.length),
      formatBytes(text.length),
      timed(() => parseDockerfile(freshDockerfile(text))),
      timed(() => analyze(fresh())),
      timed(() => buildPlan(fresh())),
      ms(validated[i] ?? null),
    ];
  });
  printTable(
    `Engine latency, median CPU ms of ${RUNS} runs after ${WARMUP} warm-up runs unless the row says, each on a Dockerfile not seen before (node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")})`,
    ["file", "lines", "instructions", "size", "parse", "analyze (parse+estimate)", "plan (all rules)", "dockerfile-utils validate"],
    rows,
    [false, true, true, true, true, true, true, true],
  );
}

interface BundleModule {
  bundleRows(distDir: string): Promise<readonly { name: string; bytes: number; gzipBytes: number }[]>;
}
interface ColdStartModule {
  coldStartRows(root: string, runs: number, warmup: number): { file: string; tool: string; ms: number | null; wallMs?: number | null }[] | string;
}
interface PermalinkModule {
  permalinkRows(): readonly { example: string; length: number }[];
}

/** Imports a sibling bench module if it exists; its path is computed so the type check needs no file. */
async function optionalModule<T>(file: string): Promise<T | null> {
  const path = join(root, "scripts", "bench", file);
  if (!existsSync(path)) return null;
  return (await import(pathToFileURL(path).href)) as T;
}

async function bundleTable(): Promise<void> {
  const bundle = await optionalModule<BundleModule>("bundle.ts");
  if (bundle === null) {
    console.log("\nBundle sizes: scripts/bench/bundle.ts is not there yet.");
    return;
  }
  const dist = join(root, "dist");
  if (!existsSync(join(dist, "index.html"))) {
    console.log("\nBundle sizes: no dist/ — run `npm run build` first.");
    return;
  }
  const rows = await bundle.bundleRows(dist);
  printTable("Bundle sizes (dist/)", ["part", "bytes", "gzip"], rows.map((r) => [r.name, formatBytes(r.bytes), formatBytes(r.gzipBytes)]), [false, true, true]);
}

/** The big tables' transfer sizes (fetched by the worker, not in the first bundle), then the wheel table's coverage. */
async function packageTables(): Promise<void> {
  const dist = join(root, "dist", "assets");
  // The wheel table is fetched before the first plan; a Debian release's table the first time a plan
  // weighs an apt install on that release (one of them per typical Dockerfile).
  const assets = existsSync(dist) ? readdirSync(dist).filter((f) => /^(python-wheels|debian-[a-z]+)-.*\.json$/.test(f)).sort() : [];
  if (assets.length === 0) {
    console.log("\nTable transfer: no dist/assets/python-wheels-*.json or debian-*.json — run `npm run build` first.");
  } else {
    const sized = assets.map((asset) => {
      const content = readFileSync(join(dist, asset));
      return [asset, formatBytes(content.length), formatBytes(gzipSync(content, { level: 9 }).length)];
    });
    printTable("Tables fetched by the plan worker (data, not code)", ["file", "bytes", "gzip"], sized, [false, true, true]);
  }
  const loaded = pythonTable() === null ? loadPythonTable() : { ok: true as const, projects: 0 };
  if (!loaded.ok) {
    console.log(`\nPackage coverage: ${loaded.error}`);
    return;
  }
  const rankFile = join(root, "..", "shared", "data", "pypi-download-rank.tsv");
  if (existsSync(rankFile)) {
    const rows = rankCoverage(readFileSync(rankFile, "utf8"), [1000, 5000]);
    printTable("Package table coverage of the most downloaded PyPI projects", ["top", "held", "share"], rows.map((r) => [String(r.top), String(r.held), `${((100 * r.held) / r.top).toFixed(1)}%`]), [true, true, true]);
  }
  const corpus = corpusCoverage(join(root, "..", "shared", "corpus"));
  if (corpus !== null) {
    const share = corpus.installed === 0 ? 0 : (100 * corpus.unknown) / corpus.installed;
    printTable("Unknown installed packages over the shared corpus (direct + transitive)", ["files", "installed", "unknown", "share", "most frequent unknown"],
      [[String(corpus.files), String(corpus.installed), String(corpus.unknown), `${share.toFixed(1)}%`, corpus.topUnknown.slice(0, 5).map(([n, c]) => `${n} (${c})`).join(", ")]],
      [true, true, true, true, false]);
  }
}

async function permalinkTable(): Promise<void> {
  const permalink = await optionalModule<PermalinkModule>("permalink.ts");
  if (permalink === null) {
    console.log("\nPermalink lengths: scripts/bench/permalink.ts is not there yet.");
    return;
  }
  printTable("Permalink lengths (URL fragment, characters)", ["example", "length"], permalink.permalinkRows().map((r) => [r.example, String(r.length)]), [false, true]);
}

/** The bundled CLI's start-up beside dockerfile-utils' (scripts/bench/cold-start.ts). */
async function coldStartTable(): Promise<void> {
  const coldStart = await optionalModule<ColdStartModule>("cold-start.ts");
  if (coldStart === null) return;
  const rows = coldStart.coldStartRows(root, option("cold-runs", 10), 2);
  if (typeof rows === "string") {
    console.log(`\nCLI cold start: ${rows}`);
    return;
  }
  const yardstick = (file: string) => rows.find((r) => r.file === file && r.tool.startsWith("dockerfile-utils"))?.ms ?? null;
  printTable("CLI cold start (one process, CPU ms user + system, median; wall clock beside it)", ["file", "tool", "CPU ms", "× dockerfile-utils", "wall ms"], rows.map((r) => {
    const base = yardstick(r.file);
    return [r.file, r.tool, r.ms === null ? "failed" : r.ms.toFixed(0), r.ms === null || base === null ? "" : (r.ms / base).toFixed(2), r.wallMs === null || r.wallMs === undefined ? "" : r.wallMs.toFixed(0)];
  }), [false, false, true, true, true]);
}

const isMain = process.argv[1] !== undefined && /scripts[\\/]bench\.ts$/.test(process.argv[1]);
if (isMain) {
  // The engine is timed as the CLI and the worker run it: with the wheel table installed.
  loadPythonTable();
  // `--only engine` or `--only speed`: that table alone (a before/after comparison of the engine).
  const onlyAt = process.argv.indexOf("--only");
  const only = onlyAt < 0 ? null : (process.argv[onlyAt + 1] ?? "");
  if (only === null || only === "engine") engineTable();
  if (only === null || only === "speed") (await import("./bench/speed")).speedTables(root, printTable, { runs: option("corpus-runs", 5) });
  if (only !== null) process.exit(0);
  await bundleTable();
  await packageTables();
  await permalinkTable();
  await coldStartTable();
  await (await import("./bench/browser")).printBrowserTable(root);
}
