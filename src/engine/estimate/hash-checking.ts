// pip's hash-checking mode (pip's docs, "Secure installs" / "Hash-checking mode"): one `--hash` on any line a
// pip command reads, `--require-hashes` (command line or file) or PIP_REQUIRE_HASHES turns it on for the
// whole command, and pip then refuses what it cannot check: a requirement without a hash (a name on the
// command line beside `-r hashed.txt`, a file's line without one, a dependency the files do not list), one
// not pinned with == or ===, an editable, a VCS checkout or a directory. The build fails: a build-check error.
import { parseCommandLineRequirementCached } from "../cache/parsed-files";
import { substituteVariables, type VariableLookup } from "../dockerfile/variables";
import type { Requirement, ResolvedRequirements } from "../requirements/model";
import { isArchiveName } from "../requirements/url-names";
import type { PipInstall } from "../shell/command-info";
import { envTrue, type EstimateContext } from "./context";
import { closureOf, requestOf, stagePlatform } from "./install-requests";
import type { RunScope } from "./python-install";
import type { PackageCost } from "./python-sizes";
import type { StageState } from "./stage-state";

/** The files a pip command reads (`-r`, `-c`), resolved; null for one that was not given. */
export interface ReadFiles {
  readonly requirements: readonly (ResolvedRequirements | null)[];
  readonly constraints: readonly (ResolvedRequirements | null)[];
}

/**
 * Why `info` runs in hash-checking mode, in a few words, or null when it does not as far as the given files
 * tell. pip's only: uv checks the hashes it is given and requires them only with its own --require-hashes.
 * A constraints file's `--hash` turns the mode on too (pip reads constraints as requirements that install
 * nothing, and checks each for hash options).
 */
export function hashCheckingCause(info: PipInstall, files: ReadFiles, vars: VariableLookup): string | null {
  if (info.installer !== "pip") return null;
  if (info.options.requireHashes) return "--require-hashes is given";
  if (envTrue(vars, "PIP_REQUIRE_HASHES")) return "PIP_REQUIRE_HASHES is set";
  for (const resolved of [...files.requirements, ...files.constraints]) {
    if (resolved === null) continue;
    if (resolved.options.requireHashes) return `${resolved.entry} sets --require-hashes`;
    const hashed = [...resolved.requirements, ...resolved.constraints].find((r) => r.hashes.length > 0);
    if (hashed !== undefined) return `${hashed.file} gives ${hashed.rawName ?? hashed.name ?? hashed.url ?? "a requirement"} a --hash`;
  }
  return null;
}

/** pip's `is_pinned`: one clause, `==` without a wildcard or `===`. */
function pinned(specifier: string): boolean {
  return /^(===[^,]+|==[^,*]+)$/.test(specifier.replace(/\s+/g, ""));
}

/** Names of the constraint lines with a hash, and of those pinned: pip lends a constraint's hashes to the
 *  requirement of the same name. */
function hashedConstraints(files: ReadFiles): { hashed: Set<string>; pinned: Set<string> } {
  const lines = [...files.requirements, ...files.constraints].flatMap((r) => (r === null ? [] : r.constraints));
  for (const resolved of files.constraints) if (resolved !== null) lines.push(...resolved.requirements);
  const hashed = new Set<string>();
  const pins = new Set<string>();
  for (const line of lines) {
    if (line.name === null) continue;
    if (line.hashes.length > 0) hashed.add(line.name);
    if (pinned(line.specifier)) pins.add(line.name);
  }
  return { hashed, pinned: pins };
}

interface Offence {
  /** As the finding's subject: the normalised name, else the text as written. */
  readonly subject: string;
  readonly label: string;
  readonly kind: "unhashed" | "unpinned" | "editable" | "unhashable" | "dependency";
  readonly commandLine: boolean;
}

/** What pip refuses of one requirement in hash-checking mode, if anything. */
function offencesOf(r: Requirement, label: string, commandLine: boolean, constraints: ReturnType<typeof hashedConstraints>): Offence[] {
  const subject = r.name ?? label;
  const at = (kind: Offence["kind"]): Offence => ({ subject, label, kind, commandLine });
  if (r.editable) return [{ ...at("editable"), label: `-e ${label}` }];
  // A VCS checkout or a directory has no single file to hash; a wheel or sdist (by URL or path) does.
  const location = (r.url ?? "").replace(/[?#].*$/, "");
  if (r.kind === "vcs" || (r.kind === "path" && !isArchiveName(location))) return [at("unhashable")];
  const named = r.name !== null;
  // Without a hash, that is what pip names (a pin would not give it one).
  if (r.hashes.length === 0 && !(named && constraints.hashed.has(r.name))) return [at("unhashed")];
  // A URL or file requirement is exactly its file: pip asks a version pin only of a name.
  return r.kind === "named" && !pinned(r.specifier) && !(named && constraints.pinned.has(r.name)) ? [at("unpinned")] : [];
}

/** Up to three names, then how many more. */
function show(names: readonly string[]): string {
  const unique = [...new Set(names)];
  return unique.slice(0, 3).join(", ") + (unique.length > 3 ? ` and ${unique.length - 3} more` : "");
}

/** Whether the tables know what `cost`'s version requires: its own row, or a stand-in of the same minor
 *  series (flask 3.0.3 for 3.0.0), whose requirements are that series'. A stand-in from another series
 *  may require what the pin did not (requests 2.26 replaced chardet with charset-normalizer). */
function dependenciesKnown(cost: PackageCost): boolean {
  const facts = cost.facts;
  if (cost.unknown || facts === null) return false;
  if (facts.choice !== "nearest") return true;
  const series = (v: string): string => v.replace(/^\s*===?\s*/, "").split(".").slice(0, 2).join(".");
  return facts.specifier !== null && series(facts.specifier) === series(facts.version.dependenciesOf ?? facts.version.version);
}

/**
 * The dependencies of what the files list that this install writes and the files do not list: pip
 * downloads them without a hash to check, and refuses them. Null when that is not known: a file not given,
 * a requirement with no name or a local project, a package the tables lack or weigh at another series'
 * version (its dependencies would be that version's), or a stage past what the model follows (what is already
 * installed, which pip keeps and does not download, is then not known).
 */
function unlistedDependencies(ctx: EstimateContext, stage: StageState, scope: RunScope, files: ReadFiles, listed: ReadonlySet<string>, written: readonly PackageCost[], constraints: ReadonlyMap<string, string> | undefined): string[] | null {
  if (stage.unmodelledAt !== null || ctx.uncountedAt(scope.line) || files.requirements.some((f) => f === null)) return null;
  const lines = files.requirements.flatMap((f) => f?.requirements ?? []);
  if (lines.some((r) => r.name === null || r.editable || r.kind === "path" || r.kind === "vcs")) return null;
  const requests = lines.flatMap((r) => {
    const request = requestOf(r);
    return request === null ? [] : [request];
  });
  const costs = new Map(written.map((c) => [c.name, c]));
  // Only what this install writes: a package already installed is kept, and the CPU build of torch
  // leaves the CUDA wheels out (installPackages).
  const reached = closureOf(requests, stagePlatform(ctx, stage), false, undefined, constraints).flatMap((i) => {
    const cost = costs.get(i.name);
    return cost === undefined ? [] : [cost];
  });
  if (!reached.every(dependenciesKnown)) return null;
  return reached.filter((c) => !listed.has(c.name)).map((c) => c.name);
}

/**
 * A pip install in hash-checking mode with a requirement pip refuses there: one build-check error naming the
 * first few of each kind and pip's rule. `written` is what the install writes (installPackages), for the
 * dependencies the files do not list (not read with --no-deps).
 */
export function checkHashCheckingMode(ctx: EstimateContext, stage: StageState, scope: RunScope, info: PipInstall, files: ReadFiles, written: readonly PackageCost[], constraints: ReadonlyMap<string, string> | undefined): void {
  const cause = hashCheckingCause(info, files, scope.vars);
  if (cause === null) return;
  const held = hashedConstraints(files);
  const offences: Offence[] = [];
  const listed = new Set<string>();
  for (const line of files.requirements.flatMap((f) => f?.requirements ?? [])) {
    if (line.name !== null) listed.add(line.name);
    offences.push(...offencesOf(line, `${line.rawName ?? line.url ?? ""}${line.specifier}`, false, held));
  }
  // A name on the command line cannot carry a --hash: only a hashed constraint gives it one.
  for (const word of info.requirements) {
    const value = substituteVariables(word.value, scope.vars).value;
    // A variable without a value: requestedPackages says it is not counted.
    const parsed = value.trim() === "" || value.includes("$") ? undefined : parseCommandLineRequirementCached(value).requirements[0];
    if (parsed === undefined) continue;
    if (parsed.name !== null) listed.add(parsed.name);
    offences.push(...offencesOf(parsed, value, true, held));
  }
  for (const word of info.editables) offences.push({ subject: word.value, label: `-e ${word.value}`, kind: "editable", commandLine: true });
  if (!info.options.noDeps) {
    for (const name of unlistedDependencies(ctx, stage, scope, files, listed, written, constraints) ?? []) offences.push({ subject: name, label: name, kind: "dependency", commandLine: false });
  }
  const first = offences[0];
  if (first === undefined) return;
  const of = (kind: Offence["kind"]): string[] => offences.filter((o) => o.kind === kind).map((o) => o.label);
  const parts = [
    of("unhashed").length > 0 ? `${show(of("unhashed"))} without a --hash ("Hashes are required in --require-hashes mode, but they are missing from these requirements")` : null,
    of("dependency").length > 0 ? `${show(of("dependency"))}, dependencies the files do not list (so without a hash either)` : null,
    of("unpinned").length > 0 ? `${show(of("unpinned"))}, not pinned with == ("all requirements must have their versions pinned with ==")` : null,
    of("editable").length > 0 ? `${show(of("editable"))}, editable ("there is no single file to hash")` : null,
    of("unhashable").length > 0 ? `${show(of("unhashable"))}, a VCS checkout or a directory, which pip cannot hash` : null,
  ].filter((p) => p !== null);
  // What no hash can fix goes to a command of its own; a file's missing hashes and pins, to the file.
  const apart = (o: Offence): boolean => o.commandLine || o.kind === "editable" || o.kind === "unhashable";
  const separate = offences.filter(apart).map((o) => o.label);
  const fixes = [
    separate.length > 0 ? `install ${show(separate)} in a pip install of its own` : null,
    offences.some((o) => !apart(o)) ? "generate the file with every dependency pinned and hashed (pip-compile --generate-hashes)" : null,
  ].filter((f) => f !== null).join(", and ");
  ctx.check({
    line: scope.line, column: 1, stage: stage.index, severity: "error", subject: first.subject, code: "hash-checking-mode",
    message: `${cause}, so pip checks hashes for the whole command, and refuses ${parts.join("; ")}: the build fails. ${fixes.charAt(0).toUpperCase()}${fixes.slice(1)}.`,
  });
}
