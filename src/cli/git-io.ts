// `compare --base-ref REF`: the old Dockerfile, and the requirements and project files beside it, read
// from git at REF (`git show REF:./path`) through the same CliIo interface as the working tree, so
// read-project.ts finds the files beside it the same way. Paths are taken relative to the current folder,
// as for the new file. git is run with arguments, never through a shell.
import type { spawnSync as SpawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { basename, dirname, resolve } from "node:path";
import type { CliIo } from "./io";

/** node:child_process, loaded when git first runs: loading it took ~7 ms of every CLI start (issue 11),
 *  and only `compare --base-ref` needs it. The require itself is made then too (createRequire took
 *  ~1.3 ms of a start). */
let load: NodeJS.Require | null = null;

function git(args: readonly string[], cwd: string): { ok: boolean; stdout: Buffer } {
  load ??= createRequire(import.meta.url);
  const { spawnSync } = load("node:child_process") as { spawnSync: typeof SpawnSync };
  const result = spawnSync("git", args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  return { ok: result.status === 0, stdout: result.stdout ?? Buffer.alloc(0) };
}

/** What `path` is at `ref`: git resolves `REF:./name` relative to the folder it runs in. */
function objectType(ref: string, path: string): string | null {
  const abs = resolve(path);
  const result = git(["cat-file", "-t", `${ref}:./${basename(abs)}`], dirname(abs));
  return result.ok ? result.stdout.toString("utf8").trim() : null;
}

/** `io` with the files read from git at `ref` instead of the working tree (stdout and stderr kept). */
export function gitIo(io: CliIo, ref: string): CliIo {
  return {
    ...io,
    readFile: (path) => {
      const abs = resolve(path);
      const result = git(["show", `${ref}:./${basename(abs)}`], dirname(abs));
      if (!result.ok || objectType(ref, path) !== "blob") throw Object.assign(new Error(`${path} is not in ${ref}`), { code: "ENOENT" });
      return new Uint8Array(result.stdout);
    },
    kind: (path) => {
      const type = objectType(ref, path);
      return type === "blob" ? "file" : type === "tree" ? "dir" : null;
    },
    list: (dir) => {
      const result = git(["ls-tree", "--name-only", ref, "--", "."], resolve(dir));
      return result.ok ? result.stdout.toString("utf8").split("\n").filter((n) => n !== "") : [];
    },
  };
}
