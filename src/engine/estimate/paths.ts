// POSIX path handling for paths inside the image (no Node `path`: the engine runs in browsers too).
import { trimEndChar } from "../text/trim";
import { globMatch } from "./glob";

/** Normalise an absolute or relative path against `cwd` (absolute, e.g. the stage's WORKDIR). */
export function resolvePath(cwd: string, path: string): string {
  const joined = path.startsWith("/") ? path : `${cwd}/${path}`;
  // Most paths are normal already (the WORKDIR, `/app/requirements.txt`): returned as they are, which is
  // what splitting and joining them gives, without the arrays (the estimator resolves several per line).
  if (isNormal(joined)) return joined;
  const parts: string[] = [];
  for (const part of joined.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return "/" + parts.join("/");
}

/** True for an absolute path with no empty, `.` or `..` segment and no trailing slash (or "/" itself). */
function isNormal(path: string): boolean {
  if (path === "/") return true;
  if (!path.startsWith("/") || path.endsWith("/")) return false;
  return !path.includes("//") && !path.includes("/./") && !path.includes("/../") && !path.endsWith("/.") && !path.endsWith("/..");
}

/** True when `path` is `prefix` or lies below it. */
export function isUnder(path: string, prefix: string): boolean {
  if (prefix === "/") return true;
  return path === prefix || path.startsWith(prefix + "/");
}

/** The last path segment. */
export function baseName(path: string): string {
  const trimmed = trimEndChar(path, "/");
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

/** Does `path` match a shell glob `pattern` (`*`, `?`, `[…]`; `*` does not cross `/`)? */
export function globMatches(pattern: string, path: string): boolean {
  return globMatch(pattern, path);
}

export function hasGlob(path: string): boolean {
  return /[*?[]/.test(path);
}
