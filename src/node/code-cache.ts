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
//
// A cache can also ship with the package (`shippedDir`, made by `npm run build:cli`): a first run with no
// cache of its own uses it when its name matches (the bundle's hash, this Node version and arch) and V8
// accepts it (V8 itself refuses data of another V8 version or flags). It is as trusted as the bundle beside
// it, so it is not held to the per-user directory's rules; it is never written. It helps only machines
// whose Node is the publisher's: anywhere else the first run compiles, as before.
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
  /** Where a cache made at build time may be (the bundle's own directory); null or absent for none. */
  readonly shippedDir?: string | null;
}

/** What happened to the cache on this run (tests): the user's own cache used, refused by V8 or created,
 *  or, when there was none, the shipped cache used or refused (then the user's is created). */
export type CodeCacheOutcome = "disabled" | "unavailable" | "used" | "rejected" | "created" | "shipped" | "shipped-rejected";

/** The cache file's name: the bundle's content hash, and what V8's data is only good for. */
export function codeCacheFileName(buildId: string): string {
  return `${buildId}-${process.version}-${process.arch}.bin`;
}

/** The shipped cache's bytes, or undefined when there is none (or it cannot be read). */
function readShipped(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

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
  const cacheFile = dir === null ? null : join(dir, codeCacheFileName(buildId));
  const own = cacheFile === null ? undefined : readOwnFile(cacheFile);
  const shipped = own !== undefined || disabled || options.shippedDir === undefined || options.shippedDir === null ? undefined : readShipped(join(options.shippedDir, codeCacheFileName(buildId)));
  const cachedData = own ?? shipped;
  const source = readFileSync(file, "utf8");
  // Node's own CommonJS wrapper (Module.wrap, which ES modules cannot import), on one line so that the
  // file's line numbers stay as they are in stack traces.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename: file, ...(cachedData === undefined ? {} : { cachedData }) });
  const rejected = script.cachedDataRejected === true;
  const outcome: CodeCacheOutcome = disabled
    ? "disabled"
    : own !== undefined
      ? rejected ? "rejected" : "used"
      : shipped !== undefined
        ? rejected ? "shipped-rejected" : "shipped"
        : cacheFile === null ? "unavailable" : "created";
  if (cacheFile !== null && outcome !== "used" && outcome !== "shipped") {
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
