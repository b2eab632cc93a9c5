// `npm run build:cli` (also run by `npm pack` through `prepack`): bundles the CLI with every dependency
// inside, so the installed package runs on plain Node with no TypeScript and no node_modules of its own:
//   dist-cli/whaleweight.cjs   the CLI (src/cli/bin.ts), CommonJS so that Node 20 can cache its compiled code
//   dist-cli/whaleweight.mjs   the package's `bin` (src/cli/launcher.ts): runs whaleweight.cjs through a V8
//                              code cache named by the bundle's content hash (src/node/code-cache.ts)
//   dist-cli/action.mjs        the GitHub Action's entry point (an ES module, run once per job)
//   dist-cli/<hash>-<node version>-<arch>.bin   a V8 code cache of whaleweight.cjs, made by running
//                              `lint` once on this Node: a first run on the same Node version starts from it
// The size tables the engine reads at run time (STYLE 12: data, not code) are copied beside them in
// dist-cli/data/, where bin.ts and action-entry.ts look for them.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
// esbuild comes with Vite (and tsx): the toolchain the project already has.
import { build } from "esbuild";
import { pythonTableIndex } from "../src/engine/knowledge/python-table";
import { codeCacheFileName } from "../src/node/code-cache";
import { PYTHON_TABLE_INDEX } from "../src/node/load-python-table";
import { COLD_START_FILES, COLD_START_REQUIREMENTS } from "./bench/cold-start";
import { lazyModules } from "./lazy-module-plugin";

const root = fileURLToPath(new URL("..", import.meta.url));
export const CLI_OUT_DIR = join(root, "dist-cli");
const DATA_SOURCE = join(root, "src/engine/knowledge/data");

export async function buildCli(): Promise<void> {
  rmSync(CLI_OUT_DIR, { recursive: true, force: true });
  const common = {
    bundle: true,
    platform: "node",
    // package.json `engines`: Node 20.19 or later.
    target: "node20",
    // Smaller to parse at every start (the cold start is what `npm run bench` measures).
    minify: true,
    legalComments: "external",
    logLevel: "warning",
  } as const;
  await build({
    ...common,
    entryPoints: [{ in: join(root, "src/cli/bin.ts"), out: "whaleweight" }],
    outdir: CLI_OUT_DIR,
    outExtension: { ".js": ".cjs" },
    format: "cjs",
    // fflate (the permalink's compression) only when a playground link is made: `--format markdown`.
    plugins: [lazyModules(["fflate"])],
    // A CommonJS bundle has no import.meta: the modules that find files beside themselves get the bundle's
    // own URL instead (the tables are beside the bundle, in data/).
    define: { "import.meta.url": "__wwBundleUrl" },
    banner: { js: "const __wwBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  const hash = createHash("sha256").update(readFileSync(join(CLI_OUT_DIR, "whaleweight.cjs"))).digest("hex").slice(0, 16);
  await build({
    ...common,
    entryPoints: [{ in: join(root, "src/cli/launcher.ts"), out: "whaleweight" }, { in: join(root, "src/cli/action-entry.ts"), out: "action" }],
    outdir: CLI_OUT_DIR,
    outExtension: { ".js": ".mjs" },
    format: "esm",
    define: { WHALEWEIGHT_BUNDLE_HASH: JSON.stringify(hash) },
    // Some dependencies are CommonJS and `require` Node built-ins, which an ES module bundle has no
    // `require` for: give them one.
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __wwCreateRequire } from 'node:module';\nconst require = __wwCreateRequire(import.meta.url);" },
  });
  mkdirSync(join(CLI_OUT_DIR, "data"), { recursive: true });
  for (const name of readdirSync(DATA_SOURCE)) {
    if (name.endsWith(".json")) copyFileSync(join(DATA_SOURCE, name), join(CLI_OUT_DIR, "data", name));
  }
  writeFileSync(join(CLI_OUT_DIR, "data", PYTHON_TABLE_INDEX), JSON.stringify(wheelTableIndex(readFileSync(join(DATA_SOURCE, "python-wheels.json")))));
  shipCodeCache(hash);
}

/**
 * The code cache a first run can start from (src/node/code-cache.ts `shippedDir`): the built CLI runs
 * `lint` on the bench's first file (scripts/bench/cold-start.ts) with a temporary directory of its own, so
 * its per-user cache, written at exit with the functions that run compiled, is made afresh; it is copied
 * beside the bundle under the same name (bundle hash, this Node version and arch). Only a Node of the same
 * version uses it; a failure here leaves the package without one (every first run compiles), not broken.
 */
function shipCodeCache(hash: string): void {
  const work = mkdtempSync(join(tmpdir(), "whaleweight-ship-cache-"));
  try {
    const sample = COLD_START_FILES[0];
    if (sample === undefined) return;
    writeFileSync(join(work, "Dockerfile"), sample.dockerfile);
    writeFileSync(join(work, "requirements.txt"), COLD_START_REQUIREMENTS);
    const temp = join(work, "tmp");
    mkdirSync(temp);
    const env = { ...process.env, TMPDIR: temp, TMP: temp, TEMP: temp, NODE_DISABLE_COMPILE_CACHE: "" };
    const result = spawnSync(process.execPath, [join(CLI_OUT_DIR, "whaleweight.mjs"), "lint", "Dockerfile"], { cwd: work, env, encoding: "utf8" });
    const made = readdirSync(temp).flatMap((sub) => readdirSync(join(temp, sub)).map((name) => join(temp, sub, name))).find((path) => path.endsWith(codeCacheFileName(hash)));
    if ((result.status !== 0 && result.status !== 1) || made === undefined) {
      console.warn(`build:cli: no code cache shipped (lint exited ${String(result.status)}: ${result.stderr.trim()})`);
      return;
    }
    copyFileSync(made, join(CLI_OUT_DIR, codeCacheFileName(hash)));
    // The user cache is private (0600); this one is read by whoever runs the installed package.
    chmodSync(join(CLI_OUT_DIR, codeCacheFileName(hash)), 0o644);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The wheel table's index for the bundled CLI (src/node/load-python-table.ts): its top-level keys, the
 * project names and each one's row as byte offsets (two numbers per name, in one flat array: quicker to
 * parse and check than an object of pairs), with the table's size to tell a table it was not made from. A
 * start then reads ~0.2 MB of index and the rows it looks up, instead of decoding and scanning the 3.7 MB
 * table (~20 ms of every `lint`: issue 11).
 */
export function wheelTableIndex(bytes: Buffer): { format: 2; bytes: number; top: Record<string, unknown>; names: string[]; offsets: number[] } {
  const text = bytes.toString("utf8");
  const index = pythonTableIndex(text);
  if (index === null) throw new Error("python-wheels.json is not laid out one project per line: regenerate it (npm run tables)");
  // Character offsets to byte offsets, walking the rows in file order (the table holds some non-ASCII).
  const names: string[] = [];
  const offsets: number[] = [];
  let char = 0;
  let byte = 0;
  const toByte = (at: number): number => {
    byte += Buffer.byteLength(text.slice(char, at));
    char = at;
    return byte;
  };
  for (const [name, [start, end]] of [...index.rows].sort((a, b) => a[1][0] - b[1][0])) {
    names.push(name);
    offsets.push(toByte(start), toByte(end));
  }
  return { format: 2, bytes: bytes.length, top: index.top, names, offsets };
}

if (process.argv[1] !== undefined && /build-cli\.ts$/.test(process.argv[1])) await buildCli();
