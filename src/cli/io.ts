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

/**
 * End quietly when the reader of stdout goes away (`whaleweight plan X | head -1`): Node reports the closed
 * pipe as an EPIPE 'error' event, which unhandled prints a stack trace and exits 1. The output was cut
 * short by the reader's choice, so the process exits with the code the command already set, as `cat` does
 * under a shell that ignores SIGPIPE. Other stream errors are still thrown.
 */
export function exitQuietlyOnClosedStdout(stream: NodeJS.WriteStream = process.stdout, exit: (code: number) => void = (code) => process.exit(code)): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    const code = process.exitCode;
    exit(typeof code === "number" ? code : 0);
  });
}
