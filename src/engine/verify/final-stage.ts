// Checks on the image that ships (the last stage): a Python package compiled in another stage needs its
// shared libraries here too, and a final stage built FROM a stage that installed compilers ships them; the
// packages it holds must be where its Python and its user can read them (another minor's site, another
// libc's extensions, /root for a non-root user, site-packages on Debian's python3), and a builder's
// requirements must reach it at all.
import type { DockerfileModel } from "../dockerfile/model";
import type { CommandInfo } from "../shell/command-info";
import type { EstimateContext } from "../estimate/context";
import { debianClosures } from "../estimate/debian-closures";
import { stageDebianRelease } from "../estimate/debian-install";
import { copiedFromAll, homeOf, type StageState } from "../estimate/stage-state";
import { alpineLibrariesBrought, debianBasePackages, debianRuntimeName, isInFullPythonImage, packageBuildNeeds, sourceBuildSystemNeeds, wheelSystemNeeds } from "../knowledge";
import type { Report } from "./build-check";
import { isUnder } from "../estimate/paths";
import { runtimeLibraryLookup, type RuntimeLibraries } from "./runtime-libraries";
import type { BuildNeeds } from "../knowledge/types";

/** Runtime libraries every official python image already has, because CPython itself links them
 *  (ctypes → libffi, zlib, ssl/hashlib → OpenSSL; Dockerfiles of docker-library/python). */
const IN_EVERY_PYTHON_IMAGE = new Set(["zlib1g", "libffi8", "libffi7", "zlib", "libffi", "libssl3", "libcrypto3", "libssl3t64", "libgcc"]);

export function checkFinalStage(_ctx: EstimateContext, model: DockerfileModel, stages: readonly StageState[], report: Report): void {
  const final = stages.at(-1);
  if (final === undefined) return;
  const from = model.stages[final.index]?.from;
  const at = { line: from?.range.startLine ?? 1, column: from?.range.startColumn ?? 1, stage: final.index };
  checkBuiltOnCompilers(final, stages, at, report);
  checkRuntimeLibraries(final, stages, at, report, knownPackageSet(model, final, at.line));
  checkWheelLibraries(final, at, report);
  checkRemovedRuntimeLibraries(final, report);
  checkSiteVersions(final, at, report);
  checkExtensionVersions(final, at, report);
  checkVenvInterpreters(final, at, report);
  checkRootSiteForOtherUser(model, final, at, report);
  checkPackagesLeftBehind(model, final, stages, at, report);
  checkDebianSitePackages(final, at, report);
}

/**
 * Debian's python3 (distroless's python3 images are Debian's) reads /usr/local/lib/python3.X/dist-packages,
 * not the official images' /usr/local/lib/python3.X/site-packages: Debian's site.py is patched so. A
 * system site copied from a python:3.X image into distroless, and not put on PYTHONPATH, is never read.
 */
function checkDebianSitePackages(final: StageState, at: { line: number; column: number; stage: number }, report: Report): void {
  if (final.base?.debianPackages == null || final.pythonMinor === null) return;
  const site = `/usr/local/lib/python${final.pythonMinor}/site-packages`;
  if (pythonPathOf(final).has(site)) return;
  const names = final.fs.entries().filter((e) => e.pythonPackage !== null && !e.wheelFile && e.path.startsWith(`${site}/`)).map((e) => e.pythonPackage ?? "");
  if (names.length === 0) return;
  const shown = [...new Set(names)].sort();
  report(at, "site-not-on-path", "error", site,
    `${shown.slice(0, 3).join(", ")}${shown.length > 3 ? ` and ${shown.length - 3} more` : ""} ${shown.length === 1 ? "is" : "are"} in ${site}, which ${final.baseLabel}'s Python (Debian's python3) never reads: it looks in /usr/local/lib/python${final.pythonMinor}/dist-packages and /usr/lib/python3/dist-packages. The image builds, then \`import\` fails. Put ${site} on PYTHONPATH, or copy a venv.`);
}

/** The final stage's PYTHONPATH entries, without trailing slashes. */
function pythonPathOf(final: StageState): Set<string> {
  return new Set((final.env.get("PYTHONPATH") ?? "").split(":").filter((p) => p !== "").map((p) => p.replace(/\/+$/, "")));
}

/** Installed by pip and friends for the packages' own sake, not the app's. */
const TOOLING = new Set(["pip", "setuptools", "wheel", "uv", "poetry", "pipenv", "pdm"]);

/** An install of the project's requirements: a requirements file, the project itself, or a lock. */
function installsProjectRequirements(info: CommandInfo): boolean {
  if (info.kind === "pip-install") return info.requirementFiles.length > 0 || info.editables.length > 0 || info.requirements.some((r) => /^\.{1,2}(\/|$)|^\//.test(r.value));
  return info.kind === "poetry-install" || info.kind === "pdm-install" || info.kind === "pipenv-install" || info.kind === "uv-sync";
}

/** Any Python install at all (a tool, a requirements file, a lock). */
function installsPython(info: CommandInfo): boolean {
  return info.kind === "pip-install" || installsProjectRequirements(info);
}

/**
 * A final stage that copies from a builder which installed the project's requirements, but installs and
 * holds none itself (`COPY --from=builder /app /app` after the builder's `pip install -r requirements.txt`
 * into its own site-packages): the packages stay behind, and the app's imports fail. A warning: an app may
 * need none of them, which the estimate cannot tell. A builder that only installed a tool (poetry, to run
 * `poetry export`) is not one.
 */
function checkPackagesLeftBehind(model: DockerfileModel, final: StageState, stages: readonly StageState[], at: { line: number; column: number; stage: number }, report: Report): void {
  // Unmodelled after its FROM only (a distroless or unknown base is unmodelled at FROM).
  if (final.baseStage !== null || (final.unmodelledAt !== null && final.unmodelledAt !== at.line)) return;
  const infosOf = (index: number): CommandInfo[] => (model.stages[index]?.instructions ?? []).flatMap((n) => n.run?.infos ?? []);
  if (infosOf(final.index).some(installsPython)) return;
  if (final.fs.entries().some((e) => e.pythonPackage !== null && !TOOLING.has(e.pythonPackage))) return;
  for (const index of [...final.copiesFrom].sort((a, b) => a - b)) {
    const source = stages[index];
    if (source === undefined || source.unmodelledAt !== null && source.systemUnknownAt !== source.unmodelledAt) continue;
    if (!infosOf(index).some(installsProjectRequirements)) continue;
    // A COPY that names an install location (site-packages, a user base, a venv, /usr/local) meant to carry
    // the packages: a path that misses them is another finding's (copy-from-missing-path, a Python minor
    // the tables do not know), not this one's.
    const named = (model.stages[final.index]?.instructions ?? []).filter((n) => n.copy?.from != null && (n.copy.from.toLowerCase() === source.name || n.copy.from === String(index)));
    if (named.some((n) => (n.copy?.sources ?? []).some((s) => /site-packages|dist-packages|\.local|venv|^\/usr\/local|^\/install|^\/opt\//.test(s)))) continue;
    const names = [...new Set([...source.pythonInstalled.values()].flatMap((s) => [...s]).filter((n) => !TOOLING.has(n)))].sort();
    if (names.length === 0) continue;
    const label = source.name ?? String(source.index);
    report(at, "packages-left-behind", "warning", label,
      `Stage ${label} installs ${names.slice(0, 3).join(", ")}${names.length > 3 ? ` and ${names.length - 3} more` : ""}, but the final stage copies none of them from it (nor installs them): they are not in the image, and the app's imports of them fail. Copy the install location (a venv, a --prefix directory, the site-packages) into the final stage, or install there.`);
    return;
  }
}

/**
 * Packages under /root (a `pip install --user` site copied to /root/.local) in a final stage that runs as
 * another user (USER app, or an image that runs as nonroot: distroless :nonroot, Chainguard): that user's
 * Python looks in its own ~/.local, and /root is mode 0700 on Debian, distroless and Chainguard, so neither
 * the user site nor a PYTHONPATH entry under /root can be read: the image builds, then `import` fails. A
 * final stage whose RUN touches /root (a chmod) is taken as the user's answer.
 */
function checkRootSiteForOtherUser(model: DockerfileModel, final: StageState, at: { line: number; column: number; stage: number }, report: Report): void {
  if (homeOf(final) === "/root" || final.env.has("HOME")) return;
  const names = final.fs.entries().filter((e) => e.pythonPackage !== null && !e.wheelFile && e.category === "python" && e.path.startsWith("/root/")).map((e) => e.pythonPackage ?? "");
  if (names.length === 0) return;
  const runs = model.stages[final.index]?.instructions.filter((n) => n.keyword === "RUN") ?? [];
  if (runs.some((n) => model.text.slice(n.range.start, n.range.end).includes("/root"))) return;
  const shown = [...new Set(names)].sort();
  report(at, "user-site-unreadable", "error", "/root/.local",
    `The final stage runs as ${final.user ?? "another user"}, but ${shown.slice(0, 3).join(", ")}${shown.length > 3 ? ` and ${shown.length - 3} more` : ""} ${shown.length === 1 ? "is" : "are"} under /root, which that user cannot read (mode 0700) and whose ~/.local is ${homeOf(final)}/.local: the image builds, then \`import\` fails. Install into a venv or with --prefix in the builder, or copy the site to ${homeOf(final)}/.local with --chown.`);
}

/**
 * Compiled packages built for another CPython, in a directory this final stage's Python reads (its own
 * site-packages, or a PYTHONPATH entry: `pip install --target /deps` on python:3.12, then distroless
 * python3-debian12's 3.11 with PYTHONPATH=/deps): their cp312 extension modules do not import on 3.11.
 * Pure and abi3 packages would; those are not named.
 */
function checkExtensionVersions(final: StageState, at: { line: number; column: number; stage: number }, report: Report): void {
  const own = final.pythonMinor;
  if (own === null || final.base?.python == null) return;
  const pythonPath = pythonPathOf(final);
  const bySite = new Map<string, { minor: string; names: string[] }>();
  const libc = final.libc ?? "glibc";
  const byLibc = new Map<string, { built: string; names: string[] }>();
  const ownSite = new RegExp(`/lib/python${own.replace(".", "\\.")}/site-packages$`);
  for (const entry of final.fs.entries()) {
    const minor = entry.builtForPython;
    if ((minor === undefined && entry.builtForLibc === undefined) || entry.pythonPackage === null || entry.wheelFile) continue;
    // Built against the other C library: a manylinux extension does not load on Alpine, nor a musllinux one on Debian.
    if (entry.builtForLibc !== undefined && entry.builtForLibc !== libc) {
      const site = entry.path.slice(0, entry.path.lastIndexOf("/"));
      const held = byLibc.get(site) ?? { built: entry.builtForLibc, names: [] };
      if (!held.names.includes(entry.pythonPackage)) held.names.push(entry.pythonPackage);
      byLibc.set(site, held);
      continue;
    }
    if (minor === undefined || minor === own) continue;
    const site = entry.path.slice(0, entry.path.lastIndexOf("/"));
    const read = pythonPath.has(site) || ownSite.test(site);
    if (!read) continue;
    const held = bySite.get(site) ?? { minor, names: [] };
    if (!held.names.includes(entry.pythonPackage)) held.names.push(entry.pythonPackage);
    bySite.set(site, held);
  }
  for (const [site, { built, names }] of byLibc) {
    const shown = names.slice(0, 3).join(", ") + (names.length > 3 ? ` and ${names.length - 3} more` : "");
    report(at, "extension-libc-mismatch", "error", site,
      `${site} holds ${shown}, compiled against ${built}, and this final stage's C library is ${libc}${libc === "musl" ? " (Alpine)" : ""}: their extension modules do not load there (ImportError). Install them on the final image's own kind (${libc === "musl" ? "an Alpine" : "a Debian-based"} builder).`);
  }
  for (const [site, { minor, names }] of bySite) {
    const shown = names.slice(0, 3).join(", ") + (names.length > 3 ? ` and ${names.length - 3} more` : "");
    report(at, "extension-python-mismatch", "error", site,
      `${site} holds ${shown}, compiled for Python ${minor}, and this final stage runs Python ${own}: their extension modules do not import there (ImportError). Build them on the final image's Python (a builder on Python ${own}).`);
  }
}

/**
 * A venv made by an official python image links bin/python to /usr/local/bin/pythonX.Y. Copied into a final
 * stage on another image (distroless, a Debian image with its own python3), that interpreter is not there:
 * `/venv/bin/python` is a dangling link, and the container cannot start it. Not said where something put
 * files at that path (a COPY of the builder's /usr/local).
 */
function checkVenvInterpreters(final: StageState, at: { line: number; column: number; stage: number }, report: Report): void {
  if (final.base === null || final.base.image === "python") return;
  for (const venv of final.venvs) {
    const interpreter = final.fs.entriesAt(venv).find((e) => e.interpreter !== undefined)?.interpreter;
    // The base image's own files are what its row says (distroless: /usr/bin/python3 only); what the stage
    // copied or made may hold the interpreter.
    if (interpreter === undefined || final.fs.selectsAny(interpreter) || [...final.madePaths].some((made) => isUnder(interpreter, made))) continue;
    report(at, "venv-interpreter-missing", "error", venv,
      `${venv} was made by the Python in ${interpreter.slice(0, interpreter.lastIndexOf("/"))} (${interpreter.slice(interpreter.lastIndexOf("/") + 1)}), which its bin/python links to, and ${final.baseLabel} has no Python there: the venv's python is a dangling link, so the container cannot start it. Make the venv with the final image's own Python, or copy it into an image of the same Python (python:X-slim).`);
  }
}

/**
 * Packages installed for another CPython than the final stage runs: a `--user` site, venv or prefix built
 * on python:3.9 and copied into an image of 3.11 (distroless python3-debian12) sits under
 * lib/python3.9/site-packages, where Python 3.11 does not look (and a venv's python points at an
 * interpreter the image lacks): the image builds, then `import` fails (ModuleNotFoundError).
 */
function checkSiteVersions(final: StageState, at: { line: number; column: number; stage: number }, report: Report): void {
  // What else the stage holds does not matter (distroless bases are read as unmodelled): Python looks in
  // its own version's directories, and in PYTHONPATH's.
  const own = final.pythonMinor;
  if (own === null || final.base?.python == null) return;
  const pythonPath = pythonPathOf(final);
  for (const [site, names] of final.pythonInstalled) {
    const minor = /\/lib\/python(\d+\.\d+)\/site-packages$/.exec(site)?.[1];
    if (minor === undefined || minor === own || names.size === 0 || pythonPath.has(site)) continue;
    // The subject is the environment, not its version: a rewrite that moves the builder to another Python
    // still leaves it mismatched, and that is the same problem, not a new one.
    report(at, "python-version-mismatch", "error", site.replace(/\/lib\/python\d+\.\d+\/site-packages$/, ""),
      `${site} holds packages installed for Python ${minor}, and this final stage runs Python ${own}, which does not look there: the image builds, then \`import\` fails (ModuleNotFoundError). Build them on the final image's Python (a builder on the same Python version).`);
  }
}

/** `FROM builder AS final` where builder installed compilers (not a base image that ships them). */
function checkBuiltOnCompilers(final: StageState, stages: readonly StageState[], at: { line: number; column: number; stage: number }, report: Report): void {
  if (final.baseStage === null) return;
  const parent = stages[final.baseStage];
  if (parent === undefined || !parent.hasCompiler || !final.hasCompiler || final.base?.hasCompiler === true) return;
  const label = parent.name ?? String(parent.index);
  report(at, "final-on-build-stage", "warning", label,
    `The final stage builds on ${label}, which installed compilers: they ship in the image. Start the final stage from a base image and COPY --from=${label} only what runs.`);
}

/** Runtime libraries a package built from source needs on a stage of `libc` and `release`: the package
 *  table's buildNeeds, plus the -dev packages' own runtime libraries where `lookup` knows them; minus what
 *  every python image has and the table's annotated entries ("libssl3t64 (in python:slim)", "yaml (if
 *  linked)": already there, or optional). */
export function runtimeLibrariesFor(needs: BuildNeeds, libc: StageState["libc"], release: string | null, lookup: RuntimeLibraries = runtimeLibraryLookup): string[] {
  // Only header packages stand for a runtime library (cargo or gcc in buildNeeds are tools: their Depends are not).
  const fromDev = libc === "musl" || release === null ? [] : needs.debian.filter((dev) => /-dev$/.test(dev)).flatMap((dev) => lookup(dev, release) ?? []);
  return [...new Set([...(libc === "musl" ? needs.alpineRuntime : needs.debianRuntime), ...fromDev])]
    .filter((lib) => !lib.includes("(") && !IN_EVERY_PYTHON_IMAGE.has(lib));
}

/** Whether the final stage has the system package `lib`: installed with apk (`live`: its live groups), or
 *  with apt or by the full python image (buildpack-deps). */
function hasLibrary(final: StageState, live: ReadonlySet<string>, lib: string): boolean {
  if (final.libc === "musl") return live.has(`apk:${lib}`);
  // A library named as bookworm has it is installed on trixie under its t64 name.
  const name = debianRuntimeName(lib, stageDebianRelease(final)?.release ?? null);
  return final.debInstalled.has(name) || (final.fullPythonImage && isInFullPythonImage(name, final.distro ?? "trixie"));
}

/** A package compiled in another stage and present here needs its runtime libraries here (e.g. psycopg2
 *  built against libpq-dev needs libpq5): the package table's buildNeeds, plus what `runtimeLibraryLookup`
 *  says the -dev packages need on the final stage's release. */
function checkRuntimeLibraries(final: StageState, stages: readonly StageState[], at: { line: number; column: number; stage: number }, report: Report, fixedSet = false): void {
  if ((final.systemUnknownAt !== null && !fixedSet) || final.base === null) return;
  const present = new Set([...final.pythonInstalled.values()].flatMap((s) => [...s]));
  const builtHere = final.builtFromSource;
  const live = new Set(final.fs.liveGroups());
  for (const index of copiedFromAll(final, stages)) {
    const source = stages[index];
    if (source === undefined || source === final) continue;
    for (const name of source.builtFromSource) {
      // Built in this stage (or the one it builds on): the -dev package pulled its libraries in.
      if (builtHere.has(name) || !present.has(name)) continue;
      const needs = packageBuildNeeds(name);
      const known = needs == null ? sourceBuildSystemNeeds(name) : null;
      if (needs == null && known === null) continue;
      const runtime = needs != null ? runtimeLibrariesFor(needs, final.libc, final.distro) : [...(final.libc === "musl" ? known?.alpine ?? [] : known?.debian ?? [])];
      const missing = runtime.filter((lib) => !hasLibrary(final, live, lib));
      for (const lib of missing) {
        const label = source.name ?? String(source.index);
        report(at, "runtime-library-missing", "error", `${name}:${lib}`,
          `${name} was compiled in stage ${label}, but this final stage has no ${lib}, which it loads at run time: the image builds, then \`import\` fails. ${fixedSet ? `${final.baseLabel} is a fixed set of packages with no apt: copy the library (and what it links) from the builder, or install a wheel that bundles it.` : `Install ${lib} in the final stage.`}`);
      }
    }
  }
}

/**
 * A final stage on an image made of a known package list (distroless python3: `debianPackages`), whose only
 * unknown is that image, and which copies no libraries in (`COPY --from=builder /usr/lib/…/libpq.so.5`, as
 * distroless recipes do): its system libraries are that list, and one it lacks cannot be added (no apt).
 */
function knownPackageSet(model: DockerfileModel, final: StageState, fromLine: number): boolean {
  if (final.base?.debianPackages == null || final.systemUnknownAt !== fromLine || final.unmodelledAt !== fromLine) return false;
  const copies = (model.stages[final.index]?.instructions ?? []).filter((n) => n.copy !== null);
  return !copies.some((n) => (n.copy?.sources ?? []).some((s) => /(^|\/)(usr\/)?lib(64)?(\/|$)/.test(s) && !/site-packages|dist-packages/.test(s)));
}

/** A package installed from its wheel that loads a system library the wheel does not bundle (lightgbm:
 *  libgomp.so.1), in a final stage whose image and installs do not provide it: the image builds, then
 *  `import` fails. The full python images have it (buildpack-deps' gcc brings libgomp1). */
function checkWheelLibraries(final: StageState, at: { line: number; column: number; stage: number }, report: Report): void {
  if (final.systemUnknownAt !== null || final.base === null) return;
  const live = new Set(final.fs.liveGroups());
  for (const name of [...new Set([...final.pythonInstalled.values()].flatMap((s) => [...s]))].sort()) {
    const need = wheelSystemNeeds(name);
    if (need === null || final.builtFromSource.has(name)) continue;
    const libs = final.libc === "musl" ? need.alpine : need.debian;
    const missing = libs.filter((lib) => !hasLibrary(final, live, lib));
    if (missing.length === 0) continue;
    const release = final.libc === "musl" ? null : stageDebianRelease(final)?.release ?? null;
    const list = missing.map((lib) => debianRuntimeName(lib, release)).join(" and ");
    report(at, "runtime-library-missing", "error", `${name}:${missing.join(",")}`,
      `${name} is installed, and ${need.why}; this final stage has no ${list}: the image builds, then \`import\` fails. Install ${list} in the final stage.`);
  }
}

/** The `-dev` packages a buildNeeds list names ("postgresql-dev (libpq-dev on Alpine >= 3.17)" → both). */
export function headerPackages(entries: readonly string[]): string[] {
  return entries.flatMap((entry) => entry.split(/[\s(),]+/)).filter((word) => /^[a-z0-9][a-z0-9+.]*(-[a-z0-9+.]+)*-dev$/.test(word));
}

/**
 * A package compiled in the final stage itself loads the runtime libraries its headers' package pulled in
 * (psycopg2: postgresql-dev → libpq). `apk del` of a --virtual build group, or `apt-get purge --auto-remove`
 * of the -dev package, takes them out again unless something still installed needs them: the image builds,
 * then `import` fails ("Error loading shared library libpq.so.5"). Reported only where a header package
 * the package needs was removed so, no package still installed brings the library, and the base image
 * does not have it.
 */
function checkRemovedRuntimeLibraries(final: StageState, report: Report): void {
  if (final.systemUnknownAt !== null || final.base === null || final.autoRemoved.size === 0) return;
  const musl = final.libc === "musl";
  const release = musl ? null : stageDebianRelease(final)?.release ?? null;
  if (!musl && release === null) return;
  const live = new Set(final.fs.liveGroups());
  const prefix = musl ? "apk:" : "deb:";
  const installed = [...live].filter((g) => g.startsWith(prefix)).map((g) => g.slice(prefix.length));
  const present = new Set([...final.pythonInstalled.values()].flatMap((s) => [...s]));
  // Whether a package still installed brings `lib`: its own name, or (Debian) its closure over the base image.
  const brought = (lib: string): boolean => live.has(`${prefix}${lib}`)
    || (musl && installed.some((name) => alpineLibrariesBrought(name).includes(lib)))
    || (release !== null && installed.some((name) => debianClosures(name, release, debianBasePackages(release), false).closure.added.includes(lib)));
  for (const name of [...final.builtFromSource].sort()) {
    if (!present.has(name)) continue;
    const needs = packageBuildNeeds(name);
    if (needs == null) continue;
    const removed = headerPackages(musl ? needs.alpine : needs.debian).find((dev) => final.autoRemoved.has(dev) && !live.has(`${prefix}${dev}`));
    if (removed === undefined) continue;
    for (const lib of runtimeLibrariesFor(needs, final.libc, release)) {
      if (brought(lib) || (release !== null && (debianBasePackages(release).has(lib) || (final.fullPythonImage && isInFullPythonImage(lib, release))))) continue;
      const line = final.autoRemoved.get(removed) ?? 1;
      const how = `${musl ? "apk del" : "apt-get purge --auto-remove"} in the RUN on line ${line} removes ${removed} and what it pulled in`;
      report({ line, column: 1, stage: final.index }, "runtime-library-removed", "error", `${name}:${lib}`,
        `${name} is compiled in this stage against ${removed}, and ${how}: ${lib}, which ${name} loads at run time, goes with it. The image builds, then \`import\` fails. Install ${lib} on its own${musl ? " (apk add --no-cache " + lib + ", outside the --virtual group)" : " (apt-get install " + lib + "), so that autoremove keeps it"}.`);
    }
  }
}
