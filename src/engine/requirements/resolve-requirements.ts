// Following `-r` and `-c` from an entry file through the files the user gave us. pip resolves an include
// relative to the including file's directory; we do the same on the given paths, then fall back to a
// unique file of the same name (users often paste files without their folders). Each file is read once
// per role; a cycle is reported, not followed. As in pip, `-r` inside a constraints file still adds
// requirements and `-c` inside a requirements file adds constraints: the option decides, not the parent.
import { LruCache } from "../cache/lru";
import { LIMITS } from "../limits";
import type { Diagnostic } from "../diagnostics";
import type {
  MarkerEnvironment,
  Requirement,
  RequirementsFile,
  RequirementsInclude,
  RequirementsOptions,
  ResolvedRequirements,
} from "./model";
import { evaluateMarkerText } from "./markers";
import { parseRequirementsFile } from "./parse-requirements";
import { basename, dirname, joinPath, normalizePath } from "./posix-path";

type Role = RequirementsInclude["kind"];

class Resolver {
  readonly visitedFiles: RequirementsFile[] = [];
  readonly requirements: Requirement[] = [];
  readonly constraints: Requirement[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private readonly byPath = new Map<string, RequirementsFile>();
  private readonly byBasename = new Map<string, RequirementsFile[]>();
  private readonly done = new Set<string>();
  private readonly stack: string[] = [];

  constructor(
    files: readonly RequirementsFile[],
    private readonly env: MarkerEnvironment | undefined,
  ) {
    for (const file of files) {
      const key = normalizePath(file.path);
      // The first file given under a path wins; a duplicate is most likely the same paste twice.
      if (!this.byPath.has(key)) this.byPath.set(key, file);
      const name = basename(file.path);
      this.byBasename.set(name, [...(this.byBasename.get(name) ?? []), file]);
    }
  }

  /** Find a file by exact normalised path, else by a basename only one file has. */
  find(path: string): { file: RequirementsFile; byBasename: boolean } | null {
    const exact = this.byPath.get(normalizePath(path));
    if (exact !== undefined) return { file: exact, byBasename: false };
    const candidates = this.byBasename.get(basename(path)) ?? [];
    const only = candidates[0];
    return candidates.length === 1 && only !== undefined ? { file: only, byBasename: true } : null;
  }

  visit(file: RequirementsFile, role: Role): void {
    const key = normalizePath(file.path);
    if (this.done.has(`${role}:${key}`)) return;
    this.done.add(`${role}:${key}`);
    if (!this.visitedFiles.includes(file)) {
      this.visitedFiles.push(file);
      this.diagnostics.push(...file.diagnostics);
    }
    this.stack.push(key);
    for (const item of inFileOrder(file)) {
      if (isInclude(item)) this.include(file, item);
      else this.add(item, role);
    }
    this.stack.pop();
  }

  private add(requirement: Requirement, role: Role): void {
    let applies = requirement.markerApplies;
    if (this.env !== undefined && requirement.marker !== null) applies = evaluateMarkerText(requirement.marker, this.env).result;
    // Only a marker known to be false drops a line: an undecidable one might apply, so it counts.
    if (applies === false) return;
    const target = role === "requirement" ? this.requirements : this.constraints;
    target.push(applies === requirement.markerApplies ? requirement : { ...requirement, markerApplies: applies });
  }

  private include(from: RequirementsFile, include: RequirementsInclude): void {
    const report = (severity: Diagnostic["severity"], code: string, message: string): void => {
      this.diagnostics.push({ message, line: include.line, column: include.column, severity, code, file: { requirements: from.path } });
    };
    const option = include.kind === "requirement" ? "-r" : "-c";
    if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(include.path)) {
      report("warning", "requirements/remote-include", `${option} ${include.path} is fetched by pip over the network; its contents are not counted.`);
      return;
    }
    const wanted = joinPath(dirname(from.path), include.path);
    const found = this.find(wanted);
    if (found === null) {
      report("warning", "requirements/missing-include", `${option} ${include.path}: ${wanted} was not given, so what it lists is not counted.`);
      return;
    }
    const key = normalizePath(found.file.path);
    if (this.stack.includes(key)) {
      report("warning", "requirements/include-cycle", `${option} ${include.path} includes ${found.file.path} again (a cycle); it is read only once.`);
      return;
    }
    if (this.stack.length >= LIMITS.includeDepth) {
      report("error", "limit/include-depth", `${option} ${include.path} is nested more than ${LIMITS.includeDepth} includes deep: it is not followed.`);
      return;
    }
    if (found.byBasename) {
      report("info", "requirements/include-by-basename", `${wanted} was not given; using ${found.file.path}, the only file named ${basename(wanted)}.`);
    }
    this.visit(found.file, include.kind);
  }
}

function isInclude(item: Requirement | RequirementsInclude): item is RequirementsInclude {
  return item.kind === "requirement" || item.kind === "constraint";
}

/** Requirements and includes of a file, merged in the order they are written. */
function inFileOrder(file: RequirementsFile): (Requirement | RequirementsInclude)[] {
  const items: (Requirement | RequirementsInclude)[] = [...file.requirements, ...file.includes];
  return items.sort((a, b) => a.line - b.line || a.column - b.column);
}

function mergeOptions(files: readonly RequirementsFile[]): RequirementsOptions {
  let indexUrl: string | null = null;
  for (const file of files) indexUrl = file.options.indexUrl ?? indexUrl;
  const all = <T>(pick: (options: RequirementsOptions) => readonly T[]): T[] => files.flatMap((file) => pick(file.options));
  const any = (pick: (options: RequirementsOptions) => boolean): boolean => files.some((file) => pick(file.options));
  return {
    indexUrl,
    noIndex: any((o) => o.noIndex),
    extraIndexUrls: all((o) => o.extraIndexUrls),
    findLinks: all((o) => o.findLinks),
    noBinary: all((o) => o.noBinary),
    onlyBinary: all((o) => o.onlyBinary),
    preferBinary: any((o) => o.preferBinary),
    requireHashes: any((o) => o.requireHashes),
    pre: any((o) => o.pre),
    trustedHosts: all((o) => o.trustedHosts),
  };
}

/**
 * Resolve `entry` and its includes among `files`. With `env`, markers are re-evaluated for that target;
 * without it, each requirement's parsed `markerApplies` is used. Never throws.
 */
export function resolveRequirements(
  entry: string,
  files: readonly RequirementsFile[],
  env?: MarkerEnvironment,
): ResolvedRequirements {
  // The estimate resolves a file once per pip command naming it: in a file of hundreds of such commands
  // (the fuzz's bulk class, issue 14) every marker was re-evaluated each time, a third of the plan's time.
  // And a plan re-analyses its texts after every step while the requirements files stay the same objects
  // (parsed once per text: cache/parsed-files.ts), so the key is the identities of the files, not of the
  // list holding them (a new list per analysis): one resolution per plan, not one per step (issue 13).
  // The result depends only on the files (readonly), the entry and the environment.
  return resolutions.getOrCompute(`${filesKey(files)}\u0000${entry}\u0000${env === undefined ? "" : JSON.stringify(env)}`, () => resolveUncached(entry, files, env));
}

/** A number per file object, never reused (a file that is collected takes its number with it). */
const fileIds = new WeakMap<RequirementsFile, number>();
let nextFileId = 0;

/** The identities of `files`, in order: equal keys are the same files in the same order. */
function filesKey(files: readonly RequirementsFile[]): string {
  let key = "";
  for (const file of files) {
    let id = fileIds.get(file);
    if (id === undefined) fileIds.set(file, (id = nextFileId++));
    key += `${id},`;
  }
  return key;
}

// Bounds: a project resolves a handful of entry files for one or two Python versions; 256 resolutions is
// several projects' worth (the previous keystroke's too). A key is a few characters per file plus a path
// and the environment (~200 characters), so 256 Ki key characters is a bound only for absurd inputs. The
// results hold their files: at most 256 resolutions' worth are kept alive.
const resolutions = new LruCache<ResolvedRequirements>({ maxEntries: 256, maxKeyChars: 256 * 1024 });

function resolveUncached(entry: string, files: readonly RequirementsFile[], env: MarkerEnvironment | undefined): ResolvedRequirements {
  const resolver = new Resolver(files, env);
  const found = resolver.find(entry);
  if (found === null) {
    const diagnostic: Diagnostic = {
      message: `${entry} was not given, so no requirements are read from it.`,
      line: 1,
      column: 1,
      severity: "warning",
      code: "requirements/missing-entry",
      file: { requirements: entry },
    };
    return { entry, files: [], requirements: [], constraints: [], options: mergeOptions([]), diagnostics: [diagnostic] };
  }
  if (found.byBasename) {
    resolver.diagnostics.push({
      message: `${entry} was not given; using ${found.file.path}, the only file with that name.`,
      line: 1,
      column: 1,
      severity: "info",
      code: "requirements/include-by-basename",
      file: { requirements: found.file.path },
    });
  }
  try {
    resolver.visit(found.file, "requirement");
  } catch (error) {
    // Only a chain of includes deep enough to exhaust the stack gets here; keep what was read.
    resolver.diagnostics.push({
      message: `Includes nest too deeply to follow (${error instanceof Error ? error.message : String(error)}).`,
      line: 1,
      column: 1,
      severity: "warning",
      code: "requirements/include-too-deep",
      file: { requirements: found.file.path },
    });
  }
  return {
    entry,
    files: resolver.visitedFiles,
    requirements: resolver.requirements,
    constraints: resolver.constraints,
    options: mergeOptions(resolver.visitedFiles),
    diagnostics: resolver.diagnostics,
  };
}

/** A file's path and content, as pasted or read from disk. */
export interface RequirementsInput {
  readonly path: string;
  readonly content: string | Uint8Array;
}

/** Parse every input, then resolve from `entry`: the one call most callers need. */
export function parseAndResolve(
  entry: string,
  inputs: readonly RequirementsInput[],
  env?: MarkerEnvironment,
): ResolvedRequirements {
  const files = inputs.map((input) => parseRequirementsFile(input.path, input.content, env));
  return resolveRequirements(entry, files, env);
}
