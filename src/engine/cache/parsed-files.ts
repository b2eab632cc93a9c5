// Parsed requirements and project files by (path, text) (issue 13): a plan re-analyses the texts after
// every step, but a rewrite of the Dockerfile leaves the requirements and lock files as they were, and a
// keystroke in the Dockerfile leaves them too. The parsed models are read-only data, so one parse can
// serve every step. Only string contents are kept: bytes are decoded (BOM, UTF-16) by the parser itself,
// and the plan hands the engine decoded strings anyway (plan/texts.ts).
import { parseProjectFile, type ParsedProjectFile } from "../project";
import { parseRequirementsFile } from "../requirements/parse-requirements";
import type { RequirementsFile } from "../requirements/model";
import { LruCache } from "./lru";

// Bounds: 64 texts is a whole project (a permalink carries at most 32 files) twice over, so the previous
// keystroke's files are still there; 4 Mi characters is twice the permalink's whole payload cap (2 MiB),
// so one large lock file is kept but a session's worth of edits is not.
const BOUNDS = { maxEntries: 64, maxKeyChars: 4 * 1024 * 1024 } as const;

// Keyed by the text, then by path: the text is the caller's own string, whose hash the engine keeps, where a
// key joining path and text was a new string to copy and hash at every lookup (issue 13).
const requirements = new LruCache<Map<string, RequirementsFile>>(BOUNDS);
/** The path command-line requirements are parsed under (what their diagnostics and requirements name). */
export const COMMAND_LINE = "command line";

// Requirements written on a command line (`pip install flask==3.1.3`), one per word: their own cache, so
// that the many short specs of a corpus of Dockerfiles do not push the requirements files out of the one
// above. 1,024 specs of a few dozen characters each; 64 Ki key characters bounds a pasted oddity.
const commandLine = new LruCache<RequirementsFile>({ maxEntries: 1024, maxKeyChars: 64 * 1024 });
const projects = new LruCache<Map<string, ParsedProjectFile | null>>(BOUNDS);

/** `parse(path, text)` once per (path, text), in `cache` by text then path. */
function byTextThenPath<V>(cache: LruCache<Map<string, V>>, path: string, text: string, parse: (path: string, text: string) => V): V {
  const byPath = cache.getOrCompute(text, () => new Map<string, V>());
  if (byPath.has(path)) return byPath.get(path) as V;
  const parsed = parse(path, text);
  byPath.set(path, parsed);
  return parsed;
}

/** parseRequirementsFile, computed once per (path, text). */
export function parseRequirementsFileCached(path: string, content: string | Uint8Array): RequirementsFile {
  if (typeof content !== "string") return parseRequirementsFile(path, content);
  return byTextThenPath(requirements, path, content, parseRequirementsFile);
}

/** The requirements file "command line" made of `spec` alone (a word after `pip install`), once per spec. */
export function parseCommandLineRequirementCached(spec: string): RequirementsFile {
  return commandLine.getOrCompute(spec, () => parseRequirementsFile(COMMAND_LINE, spec));
}


/** parseProjectFile, computed once per (path, text). */
export function parseProjectFileCached(path: string, content: string | Uint8Array): ParsedProjectFile | null {
  if (typeof content !== "string") return parseProjectFile(path, content);
  return byTextThenPath(projects, path, content, parseProjectFile);
}

/** Forgets every parsed file (tests compare cached and uncached results). */
export function clearParsedFileCaches(): void {
  requirements.clear();
  commandLine.clear();
  projects.clear();
}
