// POSIX path arithmetic for include resolution (`-r base.txt` inside `requirements/prod.txt`). Written here
// because the engine may not import Node's `path`. Backslashes count as separators: requirements written on
// Windows (`-r requirements\base.txt`) mean the same file, and no one names a Linux file with a backslash.

/** Collapse `.`, `..` and repeated slashes; keeps a leading `/` and leading `..` of relative paths. */
export function normalizePath(path: string): string {
  const unified = path.replace(/\\/g, "/");
  const absolute = unified.startsWith("/");
  const out: string[] = [];
  for (const part of unified.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      const last = out[out.length - 1];
      if (last !== undefined && last !== "..") out.pop();
      // Above the root there is nothing to climb to; a relative path keeps its `..`.
      else if (!absolute) out.push("..");
      continue;
    }
    out.push(part);
  }
  const joined = out.join("/");
  if (absolute) return `/${joined}`;
  return joined === "" ? "." : joined;
}

/** The directory part of a normalised path: `a/b.txt` → `a`, `b.txt` → `.`, `/b.txt` → `/`. */
export function dirname(path: string): string {
  const normal = normalizePath(path);
  const slash = normal.lastIndexOf("/");
  if (slash === -1) return ".";
  if (slash === 0) return "/";
  return normal.slice(0, slash);
}

/** The last segment of a path: `requirements/base.txt` → `base.txt`. */
export function basename(path: string): string {
  const normal = normalizePath(path);
  return normal.slice(normal.lastIndexOf("/") + 1);
}

/** Resolve `relative` against directory `dir`, as pip does with `os.path.join(dirname(file), path)`. */
export function joinPath(dir: string, relative: string): string {
  const rel = relative.replace(/\\/g, "/");
  if (rel.startsWith("/")) return normalizePath(rel);
  return normalizePath(dir === "." || dir === "" ? rel : `${dir}/${rel}`);
}
