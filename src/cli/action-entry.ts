// Bundled as dist-cli/action.mjs (scripts/build-cli.ts): the Action's process, with the size tables read
// from data/ beside the bundle, as bin.ts does for the CLI.
import { appendFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { registerDebianTablesFromDisk } from "../node/load-tables";
import { runAction } from "./action";
import { nodeIo } from "./io";

const dataDir = join(dirname(fileURLToPath(import.meta.url)), "data");
registerDebianTablesFromDisk(dataDir);
process.exitCode = runAction(process.env, {
  io: nodeIo(),
  appendFile: (path, text) => appendFileSync(path, text),
  writeFile: (path, text) => writeFileSync(path, text),
  options: { pythonTablePath: join(dataDir, "python-wheels.json") },
});
