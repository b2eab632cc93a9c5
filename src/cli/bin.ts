// Entry point of the bundled CLI (dist-cli/whaleweight.mjs, the package's `bin`; built by
// scripts/build-cli.ts). The size tables ship beside the bundle in data/, so they are found from the
// bundle's own location, wherever npm installed it. `npm run cli` runs main.ts instead, which reads them
// from the source tree.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cliMain } from "./main";

cliMain(join(dirname(fileURLToPath(import.meta.url)), "data"));
