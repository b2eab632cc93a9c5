// dist-cli/whaleweight.mjs, the package's `bin` (built by scripts/build-cli.ts): a few lines that run the
// bundled CLI (dist-cli/whaleweight.cjs, built from bin.ts) through a V8 code cache, so that every start
// after the first skips compiling it (src/node/code-cache.ts), and the first too where the package's own
// cache fits. The bundle is CommonJS because Node 20 can cache the compiled code of a vm.Script but not of
// an ES module.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runWithCodeCache } from "../node/code-cache";

/** The bundle's content hash, written in by the build (esbuild `define`): it names the cache file. */
declare const WHALEWEIGHT_BUNDLE_HASH: string;

// The cache `npm run build:cli` made beside the bundle serves a first run on the publisher's Node version.
const here = dirname(fileURLToPath(import.meta.url));
runWithCodeCache(join(here, "whaleweight.cjs"), WHALEWEIGHT_BUNDLE_HASH, { shippedDir: here });
