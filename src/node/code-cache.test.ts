// The bundled CLI's code cache (code-cache.ts): each case runs a small CommonJS file in a fresh `node`
// process (a code cache is per process), with its own cache directory, and reads back what happened.
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "whaleweight-code-cache-"));
const script = join(dir, "program.cjs");
writeFileSync(script, "module.exports = 1;\nprocess.stdout.write(`ran ${__filename === require('node:path').resolve(__filename)} ${typeof require('node:fs').readFileSync}\\n`);\n");
const codeCache = fileURLToPath(new URL("./code-cache.ts", import.meta.url));

/** Runs `script` through runWithCodeCache in a new process: its output and the cache's outcome. */
function run(cacheDir: string | null, buildId = "build1", env: Record<string, string> = {}, shippedDir: string | null = null): string {
  const options = JSON.stringify({ dir: cacheDir, shippedDir });
  const program = `import { runWithCodeCache } from ${JSON.stringify(codeCache)};\nconst outcome = runWithCodeCache(${JSON.stringify(script)}, ${JSON.stringify(buildId)}, ${options});\nprocess.stdout.write(outcome + "\\n");`;
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

  describe("with a cache shipped beside the file (made at build time)", () => {
    const name = `build1-${process.version}-${process.arch}.bin`;
    /** A shipped directory holding a good cache of the file: one a run left in a directory of its own. */
    function shippedDir(label: string): string {
      const made = join(dir, `made-${label}`);
      run(made);
      const shipped = join(dir, `shipped-${label}`);
      mkdirSync(shipped);
      copyFileSync(join(made, name), join(shipped, name));
      return shipped;
    }

    it("starts from it when the user has no cache of their own, and does not copy it", () => {
      const shipped = shippedDir("good");
      const cache = join(dir, "with-shipped");
      expect(run(cache, "build1", {}, shipped)).toBe("ran true function\nshipped\n");
      expect(readdirSync(cache)).toEqual([]);
      // Also where the user's directory cannot be used.
      expect(run(null, "build1", {}, shipped)).toBe("ran true function\nshipped\n");
      // The user's own cache, once there, comes first.
      run(join(dir, "own"));
      expect(run(join(dir, "own"), "build1", {}, shipped)).toBe("ran true function\nused\n");
    }, 60_000);

    it("runs as usual when V8 refuses it (a damaged file), and leaves the user's own", () => {
      const shipped = join(dir, "shipped-damaged");
      mkdirSync(shipped);
      writeFileSync(join(shipped, name), "not a code cache");
      const cache = join(dir, "after-damaged");
      expect(run(cache, "build1", {}, shipped)).toBe("ran true function\nshipped-rejected\n");
      expect(run(cache, "build1", {}, shipped)).toBe("ran true function\nused\n");
    }, 60_000);

    it("is not read for another build, another Node version, or with NODE_DISABLE_COMPILE_CACHE=1", () => {
      const shipped = shippedDir("other");
      expect(run(join(dir, "other-build"), "build2", {}, shipped)).toBe("ran true function\ncreated\n");
      const otherVersion = join(dir, "shipped-other-version");
      mkdirSync(otherVersion);
      copyFileSync(join(shipped, name), join(otherVersion, `build1-v0.0.0-${process.arch}.bin`));
      expect(run(join(dir, "other-version"), "build1", {}, otherVersion)).toBe("ran true function\ncreated\n");
      expect(run(join(dir, "other-off"), "build1", { NODE_DISABLE_COMPILE_CACHE: "1" }, shipped)).toBe("ran true function\ndisabled\n");
    }, 60_000);
  });

  it("is off with NODE_DISABLE_COMPILE_CACHE=1, and with no directory", () => {
    expect(run(join(dir, "off"), "build1", { NODE_DISABLE_COMPILE_CACHE: "1" })).toBe("ran true function\ndisabled\n");
    expect(run(null)).toBe("ran true function\nunavailable\n");
  }, 60_000);
});
