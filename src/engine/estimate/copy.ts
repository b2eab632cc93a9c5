// COPY and ADD in the size model. From the build context: dependency manifests at their real size when
// pasted, application source from the context-size setting (a `.dockerignore` can exclude sources).
// `COPY --from=<stage>` copies exactly the entries that stage holds under the source paths.
import type { InstructionNode } from "../dockerfile/model";
import { expandWord } from "../dockerfile/unquote";
import { noteCopyDestination } from "./accounts";
import { ASSUMPTIONS } from "./assumptions";
import { stageNamed, type EstimateContext } from "./context";
import { isIgnored } from "./dockerignore";
import { globMatch } from "./glob";
import { baseName, hasGlob, isUnder, resolvePath } from "./paths";
import { assumptionSource } from "./python-sizes";
import { CONTEXT_GROUP } from "../verify/files";
import { executablesOfPythonPackage } from "../verify/executables";
import { addExecutables, type StageState } from "./stage-state";
import { trimEndChar } from "../text/trim";
import { parseImageRef, uvImage } from "../knowledge";
import type { FsEntry } from "./stage-fs";
import { EXECUTABLE_GROUP, uvBinaryEntries } from "./uv-image";
import { formatCount } from "../format";

/** Files that describe dependencies rather than hold application code (copied first for caching). */
const MANIFEST = /(^|\/)(requirements[^/]*\.(txt|in)|constraints[^/]*\.txt|pyproject\.toml|poetry\.lock|uv\.lock|Pipfile(\.lock)?|setup\.cfg|pdm\.lock|\.python-version)$/i;

export function isManifestPath(path: string): boolean {
  return MANIFEST.test(trimEndChar(path, "/"));
}

/** A dependency manifest copied from the context: a requirements or project file the user gave weighs its
 *  own text, any other the manifest assumption. */
function copyManifest(ctx: EstimateContext, stage: StageState, manifest: string, target: string, line: number): void {
  const sameFile = (path: string) => path === manifest.replace(/^\.\//, "") || baseName(path) === baseName(manifest);
  const requirements = ctx.requirementFiles.find((f) => sameFile(f.path));
  const project = ctx.projectFiles.find((f) => sameFile(f.path));
  const given = requirements !== undefined ? { path: requirements.path, length: requirements.text.length } : project !== undefined ? { path: project.path, length: project.textLength } : undefined;
  if (given === undefined) ctx.assume(ASSUMPTIONS.manifestFile.id, ASSUMPTIONS.manifestFile.text, line);
  const bytes = given?.length ?? ASSUMPTIONS.manifestFile.value;
  const cited = given === undefined
    ? assumptionSource(ASSUMPTIONS.manifestFile.id, ASSUMPTIONS.manifestFile.text)
    : assumptionSource("pasted-file", `the pasted ${given.path} (${bytes} characters)`);
  stage.fs.add(entry(target, bytes, "app", `${baseName(manifest)} (manifest)`, [cited], ["manifest"]));
}

/** Manifest names a `NAME*` source may copy. */
const MANIFEST_NAMES = ["requirements.txt", "requirements.in", "constraints.txt", "pyproject.toml", "poetry.lock", "uv.lock", "Pipfile", "Pipfile.lock", "pdm.lock", "setup.cfg"];

/** The manifests a source ending in `*` names (`./poetry.lock*`: poetry.lock; `Pipfile*`: Pipfile and
 *  Pipfile.lock), with its folder; null for any other source. */
function manifestsOfGlob(source: string): string[] | null {
  const bare = source.replace(/\*+$/, "");
  if (bare === source || hasGlob(bare)) return null;
  const name = baseName(bare);
  if (name.length < 3) return null;
  const dir = bare.slice(0, bare.length - name.length);
  const names = MANIFEST_NAMES.filter((m) => m.startsWith(name));
  return names.length === 0 ? null : names.map((m) => `${dir}${m}`);
}

/** `COPY ./requirements /app/requirements`: a folder named for requirements files, holding the ones given
 *  there, is those files (their own text), not a share of the whole context. Null for any other source. */
function requirementsFolder(ctx: EstimateContext, source: string): { dir: string; files: string[] } | null {
  const dir = trimEndChar(source.replace(/^\.\//, ""), "/");
  if (!/^(.*\/)?(requirements|reqs)$/i.test(dir)) return null;
  const files = ctx.requirementFiles.filter((f) => f.path.startsWith(`${dir}/`)).map((f) => f.path);
  return files.length === 0 ? null : { dir, files };
}

/** A COPY source that names a directory or many files (so it takes a share of the whole context). */
function isBroad(path: string): boolean {
  const name = baseName(path);
  return path === "." || path === "./" || path.endsWith("/") || hasGlob(path) || !name.includes(".");
}

export function estimateCopy(ctx: EstimateContext, stage: StageState, node: InstructionNode): void {
  const copy = node.copy;
  if (copy === null) return;
  const line = node.range.startLine;
  // Quotes, escapes and variables as BuildKit's lexer reads COPY's words (`COPY "a.txt" "/app/"` is /app/a.txt).
  const expand = (text: string) => expandWord(text, ctx.escapeChar, stage.vars, ctx.expansion);
  const rawDest = copy.destination === null ? "." : expand(copy.destination);
  const dest = resolvePath(stage.workdir, rawDest);
  const destIsDir = rawDest.endsWith("/") || copy.sources.length > 1 || rawDest === ".";
  noteCopyDestination(stage, dest);
  // A repository's .list file copied in (`COPY pgdg.list /etc/apt/sources.list.d/`).
  if (dest.startsWith("/etc/apt/sources.list") || (dest === "/etc/apt" && destIsDir)) stage.aptSourcesAt ??= line;
  // Debian's own entries replaced (`COPY sources.list /etc/apt/`, a debian.sources file); a repository's
  // .list file beside them leaves them as they were.
  const debianSources = dest === "/etc/apt/sources.list" || (dest === "/etc/apt" && destIsDir) || dest.endsWith("/debian.sources")
    || (dest === "/etc/apt/sources.list.d" && copy.sources.some((s) => baseName(s) === "debian.sources"));
  if (debianSources) stage.aptDebianSourcesAt ??= line;

  if (copy.heredoc) {
    const bytes = node.heredocs.reduce((sum, h) => sum + h.content.length, 0);
    stage.fs.add(entry(dest, bytes, "app", "heredoc file", [assumptionSource("heredoc", "the heredoc's own text")], ["app"]));
    return;
  }
  if (copy.from !== null) {
    copyFromStage(ctx, stage, node, expand(copy.from), copy.sources.map(expand), dest, destIsDir);
    return;
  }
  for (const raw of copy.sources) {
    const source = expand(raw);
    if (/^(https?|git):\/\//.test(source) || source.startsWith("git@")) {
      ctx.warn("add-url", `${copy.isAdd ? "ADD" : "COPY"} fetches ${source}: its size is not known (counted as 0).`, line);
      // It is there all the same: the build check must not call it missing.
      stage.madePaths.add(destIsDir ? resolvePath(dest, baseName(source)) : dest);
      continue;
    }
    if (ctx.dockerignore !== null && isIgnored(ctx.dockerignore, source)) continue;
    // `./poetry.lock*` (FastAPI's recipe: the lock if there is one), `Pipfile*`: those manifests, not a share
    // of the source.
    const folder = requirementsFolder(ctx, source);
    if (folder !== null) {
      // A folder's contents land under the destination (`COPY requirements /app/requirements`).
      for (const file of folder.files) copyManifest(ctx, stage, file, resolvePath(dest, file.slice(folder.dir.length + 1)), line);
      continue;
    }
    const manifests = manifestsOfGlob(source) ?? (isManifestPath(source) ? [source] : null);
    if (manifests !== null) {
      for (const manifest of manifests) copyManifest(ctx, stage, manifest, destIsDir ? resolvePath(dest, baseName(manifest) || ".") : dest, line);
      continue;
    }
    const target = destIsDir ? resolvePath(dest, baseName(source) || ".") : dest;
    const remaining = Math.max(0, ctx.settings.contextBytes - stage.appBytesCopied);
    const broad = isBroad(source);
    const bytes = broad ? remaining : Math.min(ASSUMPTIONS.namedSourceFile.value, remaining);
    const assumption = broad ? ASSUMPTIONS.contextSize : ASSUMPTIONS.namedSourceFile;
    ctx.assume(assumption.id, broad ? contextSizeText(ctx.settings.contextBytes) : assumption.text, line);
    if (broad && (source === "." || source === "./" || source === "*") && ctx.dockerignore === null) {
      ctx.warn("copy-all-without-dockerignore", `COPY ${source} without a .dockerignore also sends .git, virtualenvs, caches and secrets into the image.`, line);
    }
    stage.appBytesCopied += bytes;
    stage.sourceCopied = true;
    // The context path travels with the entry, so the build check can ask .dockerignore about a file in it.
    stage.fs.add(entry(broad ? dest : target, bytes, "app", broad ? `application source (${source})` : baseName(source),
      [assumptionSource(assumption.id, assumption.text)], broad ? ["app", `${CONTEXT_GROUP}${source}`] : ["app"]));
  }
}

/** The last context size `contextSizeText` wrote out, and its text. */
let lastContextSize: { readonly bytes: number; readonly text: string } | undefined;

/** The context-size assumption's text, written once per size: a `bulk` file repeats `COPY . .` thousands
 *  of times, and only the first of its assumptions is kept (by id) — formatting the size for each was
 *  ~3% of such an estimate's CPU. */
function contextSizeText(bytes: number): string {
  if (lastContextSize?.bytes !== bytes) {
    lastContextSize = { bytes, text: `The build context (what \`COPY . .\` sends) is ${formatCount(bytes)} bytes; set your own size in the settings.` };
  }
  return lastContextSize.text;
}

function copyFromStage(ctx: EstimateContext, stage: StageState, node: InstructionNode, from: string, sources: readonly string[], dest: string, destIsDir: boolean): void {
  const line = node.range.startLine;
  const source = stageNamed(ctx, from);
  if (source === undefined) {
    const ref = parseImageRef(from);
    const uv = ref === null ? null : uvImage(ref);
    const unknown = uv === null ? sources : copyEntries(stage, from, uvBinaryEntries(ctx, uv, line), sources, dest, destIsDir, line);
    if (unknown.length === 0) return;
    ctx.assume(ASSUMPTIONS.unknownFromImage.id, ASSUMPTIONS.unknownFromImage.text, line);
    ctx.warn("copy-from-image", `COPY --from=${from} copies from an image that is not in the tables: not counted.`, line);
    // What it copies is not known, but it is there: a tool or a directory whose content the build check
    // must not call missing.
    stage.madePaths.add(dest);
    addExecutables(stage, copiedNames(unknown, dest, destIsDir), `COPY --from=${from} (line ${line})`);
    return;
  }
  if (source === stage) {
    // BuildKit refuses a stage that copies from itself ("circular dependency detected on stage"). Counted,
    // each such COPY would double the stage's entries (fuzz case 29144 of seed 100: a line continuation
    // swallowed the second FROM, so every repeated `COPY --from=builder /app /app` read its own stage and
    // the estimate ran out of memory).
    ctx.warn("copy-from-self", `COPY --from=${from} copies from the stage it is in, which Docker refuses (a circular dependency): not counted.`, line);
    stage.madePaths.add(dest);
    return;
  }
  stage.copiesFrom.add(source.index);
  // From a stage the model could not follow, the copy may hold anything.
  if (source.unmodelledAt !== null) stage.madePaths.add(dest);
  if (source.sourceCopied) stage.sourceCopied = true;
  for (const raw of sources) {
    const path = resolvePath(source.workdir, raw);
    const selected = source.fs.select(path);
    // A prefix or wheel directory whose packages were not counted still exists, and so does its copy.
    if (touchesMadePath(source, path)) stage.madePaths.add(dest);
    // A requirements file a command of that stage wrote (`poetry export -o`) is read where it lands: the
    // FastAPI guide's `requirements-stage` exports in one stage and installs in the next.
    const carried = carryGeneratedRequirements(source, stage, path, dest, destIsDir);
    const partial = selected.length > 0 || hasGlob(path) || carried ? [] : source.fs.containing(path);
    if (carried) {
      // The file is known; what else the path holds is the stage's whole entries, as before.
    } else if (selected.length === 0 && partial.some((e) => e.category !== "base")) {
      ctx.warn("copy-from-partial", `COPY --from=${from} ${raw} copies part of something the model holds as a whole (${partial.map((e) => e.label).join(", ")}): not counted.`, line);
    } else if (selected.length === 0 && touchesMadePath(source, path)) {
      // An install prefix or directory that stage made, whose contents were not counted (a requirements file
      // not given, a package no table holds): the uncounted install already has its own warning there.
      ctx.warn("copy-from-uncounted", `COPY --from=${from} ${raw} copies what that stage put there without the model counting it (see its warnings): not counted.`, line);
    } else if (selected.length > 0 && [...source.uncountedSites].some((site) => isUnder(site, path) || isUnder(path, site))) {
      // A venv (or prefix) whose interpreter links and pip were counted, and whose packages were not (its
      // requirements or lock not given): the copy selects the counted part, and carries the rest.
      ctx.warn("copy-from-uncounted", `COPY --from=${from} ${raw} copies packages that stage installed without the model counting them (see its warnings): not counted.`, line);
    } else if (selected.length === 0 && source.unmodelledAt !== null && source.unmodelledAt !== source.fs.layers[0]?.line) {
      // Written by something the model does not follow (`pipenv lock -r > requirements.txt`, a script).
      ctx.warn("copy-from-unmodelled", `COPY --from=${from} ${raw} copies what that stage made from line ${source.unmodelledAt} on, which the model does not follow: not counted.`, line);
      addExecutables(stage, copiedNames([raw], dest, destIsDir), `COPY --from=${from} (line ${line})`);
    } else if (selected.length === 0) {
      ctx.warn("copy-from-base", `COPY --from=${from} ${raw} copies files of that stage's base image, which the tables do not break down: not counted.`, line);
      // They exist here now, whatever they are (a Python copied with /usr/local).
      stage.madePaths.add(dest);
      // An image the model does not hold may have any tool: the build check must not call it missing.
      if (source.unmodelledAt !== null) addExecutables(stage, copiedNames([raw], dest, destIsDir), `COPY --from=${from} (line ${line})`);
    }
    for (const e of selected) landCopy(stage, e, landingPath(path, e.path, dest, destIsDir), `COPY --from=${from} (line ${line})`);
  }
  if (stage.fs.current !== undefined && sources.length > 0) {
    stage.fs.current.installsPackages ||= source.fs.reinstallsOnSourceChange();
  }
}

/** Copies what each of `sources` selects among an image's known `entries` (`COPY --from=<image>`); returns
 *  the sources that select none of them. */
function copyEntries(stage: StageState, from: string, entries: readonly FsEntry[], sources: readonly string[], dest: string, destIsDir: boolean, line: number): string[] {
  const unknown: string[] = [];
  for (const raw of sources) {
    const path = resolvePath("/", raw);
    const selected = entries.filter((e) => isUnder(e.path, path));
    if (selected.length === 0) unknown.push(raw);
    for (const e of selected) landCopy(stage, e, landingPath(path, e.path, dest, destIsDir), `COPY --from=${from} (line ${line})`);
  }
  return unknown;
}

/** An entry another stage or an image holds, copied to `target`: with the executables, Python packages and
 *  venvs it brings to the stage. */
function landCopy(stage: StageState, e: FsEntry, target: string, origin: string): void {
  stage.fs.add({ ...e, path: target });
  if (e.pythonPackage !== null) addExecutables(stage, executablesOfPythonPackage(e.pythonPackage), origin);
  if (e.groups.includes(EXECUTABLE_GROUP)) addExecutables(stage, [baseName(target)], origin);
  if (e.pythonPackage !== null && !e.wheelFile) {
    const site = target.slice(0, target.lastIndexOf("/"));
    const set = stage.pythonInstalled.get(site) ?? new Set<string>();
    set.add(e.pythonPackage);
    stage.pythonInstalled.set(site, set);
  }
  if (e.groups.includes("venv")) stage.venvs.add(target);
}

/** The names copied files land under: each source's own name in a directory, else the destination's. */
function copiedNames(sources: readonly string[], dest: string, destIsDir: boolean): string[] {
  return (destIsDir ? sources.map((s) => baseName(s)) : [baseName(dest)]).filter((n) => n !== "");
}

/** Copies the source stage's generated requirements files under `path` (the file itself, a directory
 *  holding it, or a glob matching it) to where the COPY puts them; true when there was one. */
export function carryGeneratedRequirements(source: StageState, stage: StageState, path: string, dest: string, destIsDir: boolean): boolean {
  let carried = false;
  for (const [generatedPath, file] of source.generatedRequirements) {
    if (!(hasGlob(path) ? globMatch(path, generatedPath) : isUnder(generatedPath, path))) continue;
    stage.generatedRequirements.set(landingPath(path, generatedPath, dest, destIsDir), file);
    carried = true;
  }
  return carried;
}

/** Where `entryPath`, which the copied (or mounted) `path` selects, lands under `dest`: the path itself at
 *  `dest` (inside it when `destIsDir`), what is under it at the same place under `dest`, a glob's match
 *  with everything below it (globRelative). */
export function landingPath(path: string, entryPath: string, dest: string, destIsDir: boolean): string {
  const relative = hasGlob(path) ? globRelative(path, entryPath)
    : entryPath === path ? (destIsDir ? baseName(path) : "")
    : entryPath.slice(path === "/" ? 1 : path.length + 1);
  return relative === "" ? dest : resolvePath(dest, relative);
}

/** True when a directory the stage made, whose content the model does not hold (a prefix or wheel directory
 *  whose packages were not counted), is at, under or above `path`: a copy or mount of it has content too. */
export function touchesMadePath(stage: StageState, path: string): boolean {
  for (const made of stage.madePaths) if (isUnder(path, made) || isUnder(made, path)) return true;
  return false;
}

/** Where an entry selected by a glob lands under the destination: each match of the glob's last segment is
 *  copied with everything below it (`/install/*` → `lib/python3.12/…`, not just the file name). */
function globRelative(pattern: string, path: string): string {
  const depth = pattern.split("/").length - 1;
  return path.split("/").slice(depth).join("/");
}

function entry(path: string, bytes: number, category: "app", label: string, sources: ReturnType<typeof assumptionSource>[], groups: string[]) {
  return { path, bytes, category, label, sources, pycBytes: 0, pythonPackage: null, wheelFile: false, groups };
}
