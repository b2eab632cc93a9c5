// The bundled CLI's code cache (code-cache.ts): each case runs a small CommonJS file in a fresh `node`
// process (a code cache is per process), with its own cache directory, and reads back what happened.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "whaleweight-code-cache-"));
const script = join(dir, "program.cjs");
writeFileSync(script, "module.exports = 1;\nprocess.stdout.write(`ran ${__filename === require('node:path').resolve(__filename)} ${typeof require('node:fs').readFileSync}\\n`);\n");
const codeCache = fileURLToPath(new URL("./code-cache.ts", import.meta.url));

/** Runs `script` through runWithCodeCache in a new process: its output and the cache's outcome. */
function run(cacheDir: string | null, buildId = "build1", env: Record<string, string> = {}): string {
  const program = `import { runWithCodeCache } from ${JSON.stringify(codeCache)};\nconst outcome = runWithCodeCache(${JSON.stringify(script)}, ${JSON.stringify(buildId)}, { dir: ${JSON.stringify(cacheDir)} });\nprocess.stdout.write(outcome + "\\n");`;
  const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", program], { encoding: "utf8", env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: "", ...env } });
  expect(result.stderr).toBe("");
  return result.stdout;
}

describe("runWithCodeCache", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("runs the file as CommonJS, leaves a cache on the first run and uses it on the next", () => {
    const cache = join(dir, "cache");
    expect(run(cache)).toBe("ran true function\ncreated\n");
    expect(readdirSync(cache)).toEqual([`build1-${process.version}-${process.arch}.bin`]);
    expect(run(cache)).toBe("ran true function\nused\n");
    // Another build of the bundle gets a file of its own (V8 would not notice a same-length change).
    expect(run(cache, "build2")).toBe("ran true function\ncreated\n");
    expect(readdirSync(cache)).toHaveLength(2);
  }, 60_000);

  it("replaces a cache V8 refuses (a damaged file) and runs as usual", () => {
    const cache = join(dir, "damaged");
    run(cache);
    writeFileSync(join(cache, `build1-${process.version}-${process.arch}.bin`), "not a code cache");
    expect(run(cache)).toBe("ran true function\nrejected\n");
    expect(run(cache)).toBe("ran true function\nused\n");
  }, 60_000);

  it.each([
    { name: "a cache directory others can write to", setup: (cache: string) => chmodSync(cache, 0o777), outcome: "unavailable" },
    { name: "a file where the directory should be", setup: (cache: string) => { rmSync(cache, { recursive: true }); writeFileSync(cache, ""); }, outcome: "unavailable" },
  ])("runs without a cache in $name", ({ setup, outcome }) => {
    const cache = join(dir, `unsafe-${outcome}-${Math.random().toString(36).slice(2)}`);
    run(cache);
    setup(cache);
    expect(run(cache)).toBe(`ran true function\n${outcome}\n`);
  }, 60_000);

  it("is off with NODE_DISABLE_COMPILE_CACHE=1, and with no directory", () => {
    expect(run(join(dir, "off"), "build1", { NODE_DISABLE_COMPILE_CACHE: "1" })).toBe("ran true function\ndisabled\n");
    expect(run(null)).toBe("ran true function\nunavailable\n");
  }, 60_000);
});
