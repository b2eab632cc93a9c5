// .dockerignore matching, after Docker's rules (moby/patternmatcher): patterns are relative to the
// context root, `*`/`?`/`[…]` match within one path segment, `**` matches any number of segments, a
// leading `!` re-includes, the last matching pattern wins, and a pattern also excludes everything below a
// directory it matches. Written here rather than taken from @balena/dockerignore because that package
// needs Node's `path` module, which the engine cannot use in a browser.
import { globMatches } from "./paths";
import { trimEndChar, trimStartChar } from "../text/trim";

export interface DockerIgnore {
  /** Patterns in order, without comments or blanks. */
  readonly patterns: readonly { readonly pattern: string; readonly negated: boolean }[];
}

export function parseDockerignore(text: string): DockerIgnore {
  const patterns = text
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const negated = line.startsWith("!");
      const pattern = cleanPattern(negated ? line.slice(1) : line);
      return { pattern, negated };
    })
    .filter((p) => p.pattern !== "");
  return { patterns };
}

function cleanPattern(pattern: string): string {
  return trimEndChar(trimStartChar(pattern.trim(), "/").replace(/^(\.\/)+/, ""), "/");
}

/** Is `path` (relative to the context root) excluded from the build context? */
export function isIgnored(ignore: DockerIgnore, path: string): boolean {
  const relative = cleanPattern(path);
  if (relative === "" || relative === ".") return false;
  let ignored = false;
  for (const { pattern, negated } of ignore.patterns) {
    if (matchesPathOrParent(pattern, relative)) ignored = !negated;
  }
  return ignored;
}

function matchesPathOrParent(pattern: string, path: string): boolean {
  if (globMatches(pattern, path)) return true;
  const segments = path.split("/");
  for (let i = 1; i < segments.length; i++) {
    if (globMatches(pattern, segments.slice(0, i).join("/"))) return true;
  }
  return false;
}
