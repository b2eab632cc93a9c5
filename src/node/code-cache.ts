// Runs the bundled CLI (a CommonJS file) with a V8 code cache kept between runs: the second and later
// starts skip compiling the ~0.8 MB bundle and the functions the first run compiled (issue 11: ~40 ms of a
// ~200 ms `lint` on Node 20). Node 22.1+ has the same built in (module.enableCompileCache); Node 20, the
// floor, has only vm.Script's `cachedData`, which is what this uses on every version, so there is one path.
//
// Robustness: the cache is an optimisation only. Any failure (no writable temp dir, a damaged or foreign
// file, V8 refusing it) runs the bundle compiled as usual. The file name holds the bundle's content hash
// (V8 checks only the source's length, not its text) and the Node version; files are written whole and
// renamed into place, so concurrent runs never read a half-written cache; the directory is the user's own
// (mode 0700, owned by the user, not writable by others), because cached code is run without further checks.
// NODE_DISABLE_COMPILE_CACHE=1 (Node's own switch for its compile cache) turns it off.
import { closeSync, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Script } from "node:vm";

export interface CodeCacheOptions {
  /** Where cache files go; null for none. Defaults to `<tmpdir>/whaleweight-compile-cache-<uid>`. */
  readonly dir?: string | null;
  /** process.env, for NODE_DISABLE_COMPILE_CACHE. */
  readonly env?: NodeJS.ProcessEnv;
}

/** What happened to the cache on this run (tests). */
export type CodeCacheOutcome = "disabled" | "unavailable" | "used" | "rejected" | "created";

/** The default cache directory: per user, so that no one else's file is ever run. */
export function defaultCodeCacheDir(): string {
  return join(tmpdir(), `whaleweight-compile-cache-${process.getuid?.() ?? "user"}`);
}

/** The user's own directory for the cache (created if absent), or null when it is not safe to use. */
function ownDirectory(dir: string): string | null {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = lstatSync(dir);
    const uid = process.getuid?.();
    // A directory (not a link) of this user that no one else can write to: cached code is run as is.
    if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid) || (process.platform !== "win32" && (stat.mode & 0o022) !== 0)) return null;
    return dir;
  } catch {
    return null;
  }
}

/** The cache file's bytes when it is this user's regular file; undefined otherwise. */
function readOwnFile(file: string): Buffer | undefined {
  let fd: number | null = null;
  try {
    fd = openSync(file, "r");
    const stat = fstatSync(fd);
    const uid = process.getuid?.();
    if (!stat.isFile() || (uid !== undefined && stat.uid !== uid)) return undefined;
    const bytes = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, bytes, read, stat.size - read, read);
      if (n === 0) return undefined;
      read += n;
    }
    return bytes;
  } catch {
    return undefined;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Runs the CommonJS file `file` as Node would (module, exports, require, __filename, __dirname), compiled
 * from the cache named by `buildId` (the file's content hash) when there is one, and leaves a cache for the
 * next run when there was none or V8 refused it. Returns what happened to the cache; the file's own
 * exceptions propagate as if it had been required.
 */
export function runWithCodeCache(file: string, buildId: string, options: CodeCacheOptions = {}): CodeCacheOutcome {
  const env = options.env ?? process.env;
  const disabled = env.NODE_DISABLE_COMPILE_CACHE !== undefined && env.NODE_DISABLE_COMPILE_CACHE !== "" && env.NODE_DISABLE_COMPILE_CACHE !== "0";
  const wanted = disabled || options.dir === null ? null : (options.dir ?? defaultCodeCacheDir());
  const dir = wanted === null ? null : ownDirectory(wanted);
  const cacheFile = dir === null ? null : join(dir, `${buildId}-${process.version}-${process.arch}.bin`);
  const cachedData = cacheFile === null ? undefined : readOwnFile(cacheFile);
  const source = readFileSync(file, "utf8");
  // Node's own CommonJS wrapper (Module.wrap, which ES modules cannot import), on one line so that the
  // file's line numbers stay as they are in stack traces.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename: file, ...(cachedData === undefined ? {} : { cachedData }) });
  const outcome: CodeCacheOutcome = disabled ? "disabled" : cacheFile === null ? "unavailable" : cachedData === undefined ? "created" : script.cachedDataRejected === true ? "rejected" : "used";
  if (cacheFile !== null && outcome !== "used") {
    // At exit, so the cache also holds the functions this run compiled (most of what a run needs).
    process.once("exit", () => {
      try {
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
        renameSync(temporary, cacheFile);
      } catch {
        // No cache this time: the next run compiles again.
      }
    });
  }
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  const module = { exports: {} };
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return outcome;
}
