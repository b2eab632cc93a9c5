// `npm run build:cli` (also run by `npm pack` through `prepack`): bundles the CLI into one ES module,
// dist-cli/whaleweight.mjs (and the GitHub Action's entry point, dist-cli/action.mjs), with every dependency inside, so the installed package runs on plain Node with
// no TypeScript and no node_modules of its own. The size tables the engine reads at run time (STYLE 12:
// data, not code) are copied beside it in dist-cli/data/, where src/cli/bin.ts looks for them.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
// esbuild comes with Vite (and tsx): the toolchain the project already has.
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
export const CLI_OUT_DIR = join(root, "dist-cli");
const DATA_SOURCE = join(root, "src/engine/knowledge/data");

export async function buildCli(): Promise<void> {
  rmSync(CLI_OUT_DIR, { recursive: true, force: true });
  await build({
    entryPoints: [{ in: join(root, "src/cli/bin.ts"), out: "whaleweight" }, { in: join(root, "src/cli/action-entry.ts"), out: "action" }],
    outdir: CLI_OUT_DIR,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    // package.json `engines`: Node 20.19 or later.
    target: "node20",
    // Smaller to parse at every start (the cold start is what `npm run bench` measures).
    minify: true,
    legalComments: "external",
    logLevel: "warning",
    // Some dependencies are CommonJS and `require` Node built-ins, which an ES module bundle has no
    // `require` for: give them one.
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __wwCreateRequire } from 'node:module';\nconst require = __wwCreateRequire(import.meta.url);" },
  });
  mkdirSync(join(CLI_OUT_DIR, "data"), { recursive: true });
  for (const name of readdirSync(DATA_SOURCE)) {
    if (name.endsWith(".json")) copyFileSync(join(DATA_SOURCE, name), join(CLI_OUT_DIR, "data", name));
  }
}

if (process.argv[1] !== undefined && /build-cli\.ts$/.test(process.argv[1])) await buildCli();
