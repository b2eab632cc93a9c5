// What the CLI needs from the outside world, as one parameter: the real process and file system in
// `nodeIo()`, an in-memory stand-in in tests (so they can fake an unreadable file, which root can read).
import { readdirSync, readFileSync, statSync } from "node:fs";

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The file's bytes; throws an error with a Node-style `code` (ENOENT, EACCES…) when it cannot. */
  readonly readFile: (path: string) => Uint8Array;
  /** What is at `path`, or null when nothing (or it cannot be seen). */
  readonly kind: (path: string) => "file" | "dir" | null;
  /** Names in a directory; [] when it cannot be listed. */
  readonly list: (dir: string) => readonly string[];
}

export function nodeIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => new Uint8Array(readFileSync(path)),
    kind: (path) => {
      try {
        const stat = statSync(path);
        return stat.isDirectory() ? "dir" : stat.isFile() ? "file" : null;
      } catch {
        return null;
      }
    },
    list: (dir) => {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    },
  };
}
