// `pip install`, `uv pip install`, `pip wheel` and `python -m venv` in the size model: which packages (the
// transitive closure over the wheel table), where they land (system site-packages, a venv, --prefix,
// --target, --user), their .pyc, and the installer's cache. Lock-file installs (uv sync, poetry, pipenv)
// are in locked-install.ts; `pip install .` and `-r pyproject.toml` read the project's pyproject.toml.
import { findPythonPackage, normalizePackageName, optionalExtension, type ClosureRequest } from "../knowledge";
import { markerEnvironment, resolveRequirements } from "../requirements";
import { parseCommandLineRequirementCached } from "../cache/parsed-files";
import type { Requirement, RequirementsFile, ResolvedRequirements } from "../requirements/model";
import type { CommandInfo, PipInstall, WordArg } from "../shell/command-info";
import { substituteVariables } from "../dockerfile/variables";
import { ASSUMPTIONS } from "./assumptions";
import { envFlagSet, envTrue, type EstimateContext } from "./context";
import { baseName, hasGlob, resolvePath } from "./paths";
import { packageCost, type LockedWheelFacts, type PackageCost } from "./python-sizes";
import { bare, closureOf, notePins, requestOf, stagePlatform } from "./install-requests";
import { localProjectNames, namesFromGroups, namesFromPyproject } from "./project-names";
import { findRequirementsFile } from "./requirements-lookup";
import { resolveGivenRequirements } from "./resolved-requirements";
import type { ScopeVariables } from "./scope-variables";
import { executablesOfPythonPackage } from "../verify/executables";
import { checkBuildHeaders, checkExternallyManaged, checkLocalVersionPins, checkBreakSystemPackagesOption, checkGdalVersion, installRoot, notePipSelfUpgrade, unknownPickDoubt, userBase, venvOnPath, warnNoCompiler } from "./pip-effects";
import { addExecutables, homeOf, type StageState } from "./stage-state";
import { cudaWheelsWantedElsewhere, isCpuBuildSpecifier, isCudaWheel, readsTorchCpuIndex, TORCH_PROJECTS } from "./torch-index";
import { libcHeadersMissing } from "./system-install";
import { checkHashCheckingMode } from "./hash-checking";

/** Variables and working directory while a RUN executes (`cd` and `export` change them). */
export interface RunScope {
  readonly vars: ScopeVariables;
  cwd: string;
  readonly line: number;
}

const PREINSTALLED = ["pip"];
const PREINSTALLED_UP_TO_311 = ["pip", "setuptools", "wheel"];

function minorOf(stage: StageState): string {
  return stage.pythonMinor ?? "3";
}

export function sitePackages(root: string, stage: StageState): string {
  return `${root}/lib/python${minorOf(stage)}/site-packages`;
}

export function expand(scope: RunScope, text: string): string {
  return substituteVariables(text, scope.vars).value;
}

export function systemSite(stage: StageState): string {
  return stage.pythonMinor === null ? "/usr/local/lib/python3/dist-packages" : sitePackages("/usr/local", stage);
}

function installSite(stage: StageState, scope: RunScope, info: PipInstall): string {
  const o = info.options;
  if (o.target !== null) return resolvePath(scope.cwd, expand(scope, o.target));
  const prefix = o.prefix ?? o.legacyInstallOptionPrefix;
  if (prefix !== null) return sitePackages(resolvePath(scope.cwd, expand(scope, prefix)), stage);
  if (o.root !== null) return resolvePath(resolvePath(scope.cwd, expand(scope, o.root)), "." + systemSite(stage));
  const user = userBase(stage, scope, info);
  if (user !== null) return sitePackages(user, stage);
  const venv = info.venv === null ? (o.system ? null : uvActiveVenv(scope, info) ?? venvOnPath(stage, scope)) : resolvePath(scope.cwd, expand(scope, info.venv));
  return venv === null ? systemSite(stage) : sitePackages(venv, stage);
}

/** What ties the package's extension modules to the image they were installed on: "version" for a cpXY wheel
 *  or a compiled source build (that CPython, that C library), "libc" for an abi3 or other platform wheel (any
 *  CPython 3, that C library); null for pure packages and optional speedups (markupsafe's, wrapt's), which
 *  fall back to Python where they cannot load. */
function compiledExtension(cost: PackageCost): "version" | "libc" | null {
  if (optionalExtension(cost.name) !== null || cost.unknown) return null;
  const facts = cost.facts;
  if (facts !== null) {
    if (facts.wheel === null) return facts.buildsFromSource && facts.compiles ? "version" : null;
    if (/^cp3\d+-cp3\d+m?-/.test(facts.wheel[0])) return "version";
    return /-(many|musl)linux/.test(facts.wheel[0]) ? "libc" : null;
  }
  return cost.row !== null && !cost.row.pure ? "version" : null;
}

/** The entry fields that say which Python and C library an installed package's extensions need. */
function builtFor(cost: PackageCost, stage: StageState): { builtForPython?: string; builtForLibc?: "glibc" | "musl" } {
  const tie = compiledExtension(cost);
  if (tie === null) return {};
  const libc = stage.libc ?? "glibc";
  return tie === "version" && stage.pythonMinor !== null ? { builtForPython: stage.pythonMinor, builtForLibc: libc } : { builtForLibc: libc };
}

/** `uv pip install` writes into VIRTUAL_ENV when it is set, whether or not its bin is on PATH (pip, run
 *  from PATH, does not read it). */
function uvActiveVenv(scope: RunScope, info: PipInstall): string | null {
  const active = info.installer === "uv" ? scope.vars.get("VIRTUAL_ENV") : undefined;
  return active === undefined || active.trim() === "" ? null : resolvePath(scope.cwd, active);
}

/** The requirements file an install reads at `imagePath` (one a command of the stage wrote, `poetry export
 *  -o`, else the given file whose path ends the same), resolved for the stage's Python; null when neither. */
function resolveFileAt(ctx: EstimateContext, stage: StageState, imagePath: string): { file: RequirementsFile; resolved: ResolvedRequirements } | null {
  const generated = stage.generatedRequirements.get(imagePath);
  const file = generated ?? findRequirementsFile(ctx.requirementFiles, imagePath);
  if (file === null) return null;
  const resolved = generated === undefined
    ? resolveGivenRequirements(ctx.requirementFiles, file.path, stage.pythonMinor ?? "3.12")
    : resolveRequirements(file.path, [generated], markerEnvironment(stage.pythonMinor ?? "3.12"));
  return { file, resolved };
}

/** Requirements a requirements file resolves to (its -r includes too), or null when the file was not given.
 *  The lines of the `-c` files it includes go to `constraints`, when given. */
export function namesFromFile(ctx: EstimateContext, stage: StageState, scope: RunScope, path: string, constraints?: Map<string, Requirement>): ClosureRequest[] | null {
  const imagePath = resolvePath(scope.cwd, expand(scope, path));
  if (baseName(imagePath) === "pyproject.toml") return namesFromPyproject(ctx, stage, scope, imagePath, "", path);
  const found = resolveFileAt(ctx, stage, imagePath);
  if (found === null) {
    ctx.warn("requirements-not-given", `${path} was not given, so the packages it lists are not counted: paste it as a requirements file.`, scope.line);
    return null;
  }
  const { file, resolved } = found;
  const names: ClosureRequest[] = [];
  notePins(ctx, stage, resolved.requirements, scope.line);
  if (constraints !== undefined) addConstraints(constraints, resolved.constraints);
  for (const requirement of resolved.requirements) {
    const request = requestOf(requirement);
    if (request !== null) names.push(request);
    // `-e .` / `./pkg` in a requirements file: the project's pyproject.toml says what it pulls in.
    else if (requirement.url !== null && /^(\.{1,2}(\/|$|\[)|\/)/.test(requirement.url)) names.push(...localProjectNames(ctx, stage, scope, requirement.url));
    else ctx.warn("local-requirement", `${file.path}:${requirement.line} installs ${requirement.url ?? "a local path"}: its size is not known.`, scope.line);
  }
  return names;
}

/** pip's constraints by normalised name: each bounds the version of that package wherever the install
 *  reaches it, and installs nothing. Two lines for one name both hold. */
function addConstraints(into: Map<string, Requirement>, lines: readonly Requirement[]): void {
  for (const line of lines) {
    if (line.name === null || line.specifier === "") continue;
    const held = into.get(line.name);
    into.set(line.name, held === undefined ? line : { ...held, specifier: `${held.specifier},${line.specifier}` });
  }
}

/**
 * The constraints files an install reads (`-c FILE` on its command line, and PIP_CONSTRAINT or UV_CONSTRAINT,
 * space-separated paths, for its installer), added to `into`. A constraints file's own lines and its
 * includes all bound versions here: pip would install what a `-r` inside one names, which is rare enough to
 * leave out.
 */
function readConstraints(ctx: EstimateContext, stage: StageState, scope: RunScope, paths: readonly string[], into: Map<string, Requirement>): void {
  for (const path of paths) {
    const found = resolveFileAt(ctx, stage, resolvePath(scope.cwd, expand(scope, path)));
    if (found === null) {
      ctx.warn("constraints-not-given", `${path} was not given, so the versions it pins are not applied: paste it as a requirements file.`, scope.line);
      continue;
    }
    addConstraints(into, found.resolved.requirements);
    addConstraints(into, found.resolved.constraints);
  }
}

/** The paths of the constraints files an install reads: its `-c` options, then the installer's variable. */
function constraintPaths(scope: RunScope, installer: "pip" | "uv", files: readonly WordArg[]): string[] {
  const variable = scope.vars.get(installer === "uv" ? "UV_CONSTRAINT" : "PIP_CONSTRAINT") ?? "";
  return [...files.map((f) => f.value), ...variable.split(/\s+/).filter((p) => p !== "")];
}

export interface Requested {
  readonly names: ClosureRequest[];
  readonly explicit: Set<string>;
  /** Packages installed from wheel files already in the stage (`pip wheel -w` output): no source build. */
  readonly prebuilt: Set<string>;
  /** Exact wheel bytes a lock file records, by normalised name (uv.lock). */
  /** The wheel a lock records for each package on this platform: bytes, and pure Python or not (null: not known). */
  readonly lockedWheels?: ReadonlyMap<string, LockedWheelFacts>;
  /** Versions bounded by constraints files (pip's `-c`), by normalised name. */
  readonly constraints?: ReadonlyMap<string, Requirement>;
}

function requestedPackages(ctx: EstimateContext, stage: StageState, scope: RunScope, files: readonly WordArg[], specs: readonly WordArg[], editables: readonly WordArg[], constraintFiles: readonly string[]): Requested {
  const names: ClosureRequest[] = [];
  const prebuilt = new Set<string>();
  const constraints = new Map<string, Requirement>();
  readConstraints(ctx, stage, scope, constraintFiles, constraints);
  for (const file of files) names.push(...(namesFromFile(ctx, stage, scope, file.value, constraints) ?? []));
  for (const spec of specs) {
    const value = expand(scope, spec.value);
    const remote = remoteWheel(value);
    if (remote !== null) {
      names.push({ name: remote.name, specifier: `==${remote.version}`, extras: [], marker: null });
      // The file itself is what installs: no index is asked for it (whether it fits is checkWheelTags's).
      prebuilt.add(remote.name);
      checkWheelTags(ctx, stage, scope, remote);
      continue;
    }
    if (value.endsWith(".whl") || (hasGlob(value) && value.includes("/"))) {
      const wheels = wheelsAt(stage, resolvePath(scope.cwd, value));
      names.push(...wheels.map(wheelRequest));
      for (const { name } of wheels) prebuilt.add(name);
      continue;
    }
    if (value === "." || value.startsWith(".[") || value.startsWith("./") || value.startsWith("/") || value.startsWith("../")) {
      names.push(...localProjectNames(ctx, stage, scope, value));
      continue;
    }
    if (value.trim() === "" || value.includes("$")) {
      ctx.warn("unresolved-requirement", `The requirement "${spec.value}" uses a variable without a value: not counted.`, scope.line);
      continue;
    }
    // One parse per distinct spec (cached: a long file repeats `pip install flask`); only the name,
    // specifier, extras, marker and pin are read from it.
    const parsed = parseCommandLineRequirementCached(value).requirements[0];
    const request = parsed === undefined ? null : requestOf(parsed);
    if (request !== null) names.push(request);
    if (parsed !== undefined) notePins(ctx, stage, [parsed], scope.line);
  }
  for (const editable of editables) names.push(...localProjectNames(ctx, stage, scope, expand(scope, editable.value)));
  return { names, explicit: new Set(names.map((r) => r.name)), prebuilt, constraints };
}

/** The constraints as the closure reads them: normalised name → specifier. */
function constraintSpecifiers(requested: Requested): ReadonlyMap<string, string> | undefined {
  const constraints = requested.constraints;
  return constraints === undefined || constraints.size === 0 ? undefined : new Map([...constraints].map(([name, line]) => [name, line.specifier]));
}

/** Name the table version standing in for each constraint pin the table lacks, of the packages installed. */
function noteConstraintPins(ctx: EstimateContext, stage: StageState, requested: Requested, items: readonly { readonly name: string }[], line: number): void {
  const constraints = requested.constraints;
  if (constraints === undefined || constraints.size === 0) return;
  const used = items.flatMap((i) => {
    const held = constraints.get(i.name);
    return held === undefined ? [] : [held];
  });
  notePins(ctx, stage, used, line);
}

/** A wheel given by URL (`https://download.pytorch.org/whl/cpu/torch-1.11.0%2Bcpu-cp39-cp39-linux_x86_64.whl`):
 *  its file name says the project, the version and the tags (PEP 427). Null for anything else. */
function remoteWheel(value: string): { file: string; name: string; version: string; tags: string } | null {
  if (!/^https?:\/\//i.test(value)) return null;
  const path = value.replace(/[?#].*$/, "");
  let file: string;
  try {
    file = decodeURIComponent(path.slice(path.lastIndexOf("/") + 1));
  } catch {
    return null;
  }
  const match = /^([^-]+)-([^-]+)(?:-\d[^-]*)?-([^-]+-[^-]+-[^-]+)\.whl$/.exec(file);
  return match === null ? null : { file, name: normalizePackageName(match[1] ?? ""), version: match[2] ?? "", tags: match[3] ?? "" };
}

/**
 * pip refuses a wheel whose tags do not fit the image ("… is not a supported wheel on this platform"): another
 * CPython's cpXY, another architecture, or the other C library (manylinux on Alpine, musllinux on Debian).
 * `linux_<arch>` (PyTorch's own index) is a Linux tag pip accepts.
 */
function checkWheelTags(ctx: EstimateContext, stage: StageState, scope: RunScope, wheel: { file: string; tags: string }): void {
  const [python = "", abi = "", platforms = ""] = wheel.tags.split("-");
  const minor = stage.pythonMinor;
  const arch = ctx.settings.arch;
  const libc = stage.libc ?? "glibc";
  const pythons = python.split(".");
  const fitsPython = minor === null || pythons.some((p) => p === "py3" || p === "py2.py3" || (abi === "abi3" && /^cp3\d+$/.test(p) && Number(p.slice(3)) <= Number(minor.split(".")[1])) || p === `cp${minor.replace(".", "")}`);
  const fitsPlatform = platforms.split(".").some((p) => p === "any"
    || (p.endsWith(`_${arch}`) && (p.startsWith("musllinux") ? libc === "musl" : p.startsWith("manylinux") ? libc === "glibc" : p.startsWith("linux_"))));
  if (fitsPython && fitsPlatform) return;
  const why = !fitsPython ? `it is built for ${pythons.join(", ")} and this stage runs CPython ${minor ?? ""}` : `its platform is ${platforms} and this stage is ${libc === "musl" ? "musl" : "glibc"} Linux on ${arch}`;
  ctx.check({
    line: scope.line, column: 1, stage: stage.index, severity: "error", subject: wheel.file, code: "wheel-not-supported",
    message: `pip refuses ${wheel.file}: ${why} ("is not a supported wheel on this platform"), and the build fails.`,
  });
}

/** The wheel files (from `pip wheel -w`) selected by `path`, which may be a glob: each as the project and the
 *  version it was built at. */
function wheelsAt(stage: StageState, path: string): { name: string; version: string | null; python: string | null; libc: "glibc" | "musl" | null }[] {
  const dir = hasGlob(path) ? path.slice(0, path.lastIndexOf("/")) : path;
  return stage.fs.select(hasGlob(path) ? path : dir).filter((e) => e.wheelFile && e.pythonPackage !== null)
    .map((e) => ({ name: e.pythonPackage ?? "", version: e.wheelVersion ?? null, python: e.builtForPython ?? null, libc: e.builtForLibc ?? null }));
}

/**
 * `pip install --no-index --find-links DIR NAME` where DIR holds NAME's wheel built for another CPython or C
 * library (`pip wheel` on python:3.7, installed on python:3.11-slim): pip skips a wheel whose tags do not fit
 * and, with no index to fall back on, stops with "No matching distribution found".
 */
function checkWheelsFit(ctx: EstimateContext, stage: StageState, scope: RunScope, dir: string, wheels: ReturnType<typeof wheelsAt>, asked: ReadonlySet<string>): void {
  const python = stage.pythonMinor;
  const misfit = wheels.filter((w) => asked.has(w.name)
    && ((w.python !== null && python !== null && w.python !== python) || (w.libc !== null && stage.libc !== null && w.libc !== stage.libc)));
  const first = misfit[0];
  if (first === undefined) return;
  const built = [first.python === null ? null : `CPython ${first.python}`, first.libc === "musl" ? "musl" : first.libc === "glibc" ? "glibc" : null].filter((p) => p !== null).join(", ");
  const here = [python === null ? null : `CPython ${python}`, stage.libc].filter((p) => p !== null).join(", ");
  const names = misfit.map((w) => w.name);
  ctx.check({
    line: scope.line, column: 1, stage: stage.index, severity: "error", subject: first.name, code: "wheel-for-another-python",
    message: `${dir} holds ${names.slice(0, 3).join(", ")}${names.length > 3 ? ` and ${names.length - 3} more` : ""} built for ${built}, and this stage runs ${here}: pip skips wheels whose tags do not fit, and with --no-index it has nowhere else to look ("No matching distribution found"). Build the wheels on the image that installs them.`,
  });
}

/** A wheel file installs the version it was built at: pinned, so the table weighs that version. */
function wheelRequest(wheel: { name: string; version: string | null }): ClosureRequest {
  return wheel.version === null ? bare(wheel.name) : { name: wheel.name, specifier: `==${wheel.version}`, extras: [], marker: null };
}

export interface InstallPlan {
  readonly site: string;
  readonly installer: "pip" | "uv";
  readonly compile: boolean;
  readonly noDeps: boolean;
  readonly upgrade: boolean;
  /** Cache directory, or null when caching is off. */
  readonly cacheDir: string | null;
  /** The installed files are hardlinks (or symlinks) to the cache's: the cache adds no bytes of its own. */
  readonly linksToCache?: boolean;
  readonly label: string;
  /** The install reads PyTorch's CPU index: torch's CUDA wheels are not installed (torch-index.ts). */
  readonly torchCpu?: boolean;
}

/** Install `requested` (and its closure) into `plan.site`: adds entries to the current layer. */
export function installPackages(ctx: EstimateContext, stage: StageState, scope: RunScope, requested: Requested, plan: InstallPlan): PackageCost[] {
  const installed = stage.pythonInstalled.get(plan.site) ?? new Set<string>();
  stage.pythonInstalled.set(plan.site, installed);
  // A requirements file, lock or project the install reads was not given: the site holds what is not counted.
  if (ctx.uncountedAt(scope.line)) stage.uncountedSites.add(plan.site);
  const platform = stagePlatform(ctx, stage);
  // The closure's names are normalised (PEP 503); the request's are as written (`Flask`).
  const explicit = new Set<string>();
  for (const name of requested.explicit) explicit.add(normalizePackageName(name));
  // What is installed stays (pip's default upgrade strategy touches only the named packages with --upgrade).
  const kept = (name: string): boolean => installed.has(name) && !(plan.upgrade && explicit.has(name));
  let items = closureOf(requested.names, platform, plan.noDeps, kept, constraintSpecifiers(requested));
  noteConstraintPins(ctx, stage, requested, items, scope.line);
  // The CPU build (its index, or a torch pinned at a `+cpu` version) requires none of the CUDA wheels.
  const cpuBuild = plan.torchCpu === true || items.some((i) => i.name === "torch" && isCpuBuildSpecifier(i.specifier));
  if (cpuBuild && items.some((i) => TORCH_PROJECTS.has(i.name))) {
    const elsewhere = cudaWheelsWantedElsewhere(items, platform);
    const cuda = items.filter((i) => isCudaWheel(i.name) && !explicit.has(i.name) && !elsewhere.has(i.name));
    if (cuda.length > 0) ctx.assume(ASSUMPTIONS.torchCpuIndex.id, ASSUMPTIONS.torchCpuIndex.text, scope.line);
    items = items.filter((i) => !cuda.includes(i));
  }
  const costs: PackageCost[] = [];
  const notInstallable: PackageCost[] = [];
  for (const { name, specifier } of items) {
    const reinstall = plan.upgrade && explicit.has(name);
    if (installed.has(name) && !reinstall) continue;
    let cost = packageCost(name, { libc: stage.libc ?? "glibc", compile: plan.compile, installer: plan.installer, platform, specifier, overrides: ctx.settings.packageSizes, lockedWheel: requested.lockedWheels?.get(name) ?? null, torchCpu: plan.torchCpu === true });
    // Only the table's exact pins (torch's CUDA wheels, the torch torchvision was built for) and constraints
    // give a dependency a specifier.
    if (specifier !== null && !explicit.has(name) && requested.constraints?.has(name) !== true) ctx.assume(ASSUMPTIONS.exactPins.id, ASSUMPTIONS.exactPins.text, scope.line);
    ctx.notePackage(cost.name, !cost.unknown);
    // A wheel built earlier (`pip wheel -w /wheels`, copied in) installs as is: nothing to compile or download.
    if (requested.prebuilt.has(cost.name)) cost = { ...cost, buildsFromSource: false, notInstallable: false, cacheBytes: 0 };
    installed.add(cost.name);
    costs.push(cost);
    for (const id of cost.assumptions) {
      const def = Object.values(ASSUMPTIONS).find((a) => a.id === id);
      ctx.assume(id, def?.text ?? cost.sources[0]?.source ?? id, scope.line);
    }
    if (cost.notInstallable) {
      notInstallable.push(cost);
    } else if (cost.buildsFromSource && (!stage.hasCompiler || libcHeadersMissing(stage))) {
      warnNoCompiler(ctx, stage, cost, scope.line);
    } else if (cost.buildsFromSource) {
      checkBuildHeaders(ctx, stage, cost, scope.line);
      checkGdalVersion(ctx, stage, cost, specifier, scope.line);
    }
    if (cost.buildsFromSource) stage.builtFromSource.add(cost.name);
    noteResolved(stage, cost, specifier);
    addExecutables(stage, executablesOfPythonPackage(cost.name), `pip install (line ${scope.line})`);
    stage.fs.add({
      path: `${plan.site}/${cost.name}`,
      bytes: cost.installedBytes,
      category: "python",
      label: cost.label,
      sources: cost.sources,
      pycBytes: cost.pycBytes,
      pythonPackage: cost.name,
      wheelFile: false,
      groups: [],
      ...builtFor(cost, stage),
    });
  }
  // pip stops at the first package it cannot install: the ones asked for by name, else the first reached
  // (torch's nvidia wheels are never looked for once torch itself has no candidate).
  const asked = notInstallable.filter((c) => explicit.has(c.name));
  if (notInstallable.length > 0) warnNotInstallable(ctx, stage, asked.length > 0 ? asked : notInstallable.slice(0, 1), scope.line);
  if (plan.cacheDir !== null && costs.length > 0) {
    const linked = plan.linksToCache === true;
    if (linked) ctx.assume(ASSUMPTIONS.uvLinkMode.id, ASSUMPTIONS.uvLinkMode.text, scope.line);
    stage.fs.add({
      path: plan.cacheDir,
      bytes: linked ? 0 : costs.reduce((sum, c) => sum + c.cacheBytes, 0),
      category: "pipCache",
      label: `${plan.label} cache (${costs.length} package${costs.length === 1 ? "" : "s"}${linked ? ", hardlinked into the environment" : ""})`,
      sources: costs.flatMap((c) => c.sources),
      pycBytes: 0,
      pythonPackage: null,
      wheelFile: false,
      groups: [],
    });
  }
  const layer = stage.fs.current;
  if (layer !== undefined) layer.installsPackages = true;
  return costs;
}

/** uv's link mode (`--link-mode`, else UV_LINK_MODE, else hardlink, its default on Linux) links the installed
 *  files to the cache's (assumption uv-link-mode). A cache on a cache mount is another filesystem, where uv
 *  falls back to copying; that cache is not in the layer either way. */
export function uvLinksToCache(option: string | null, variable: string | undefined): boolean {
  const mode = (option ?? variable ?? "hardlink").trim().toLowerCase();
  return mode === "hardlink" || mode === "symlink";
}

/** A package with wheels only for other platforms and no source distribution (torch, tensorflow on Alpine):
 *  pip finds no version it can install ("from versions: none") and the build stops. */
function warnNotInstallable(ctx: EstimateContext, stage: StageState, costs: readonly PackageCost[], line: number): void {
  const musl = stage.libc === "musl";
  const what = musl ? "no musllinux wheel" : `no wheel for this image (${stagePlatform(ctx, stage).arch}, CPython ${stage.pythonMinor ?? "3.12"})`;
  for (const cost of costs) {
    // Unpinned, the release read may be one pip never picks on this Python (torch 2.x on 3.6, where pip
    // takes 1.10.2 and its cp36 wheel): then which release installs is what is not known, a warning.
    const doubt = unknownPickDoubt(cost);
    if (doubt !== null) {
      ctx.check({
        line, column: 1, stage: stage.index, severity: "warning", subject: cost.name, code: "no-installable-distribution",
        message: `Which ${cost.name} release pip installs here is not known (${doubt}). If it has ${what}, pip finds nothing it can install and the build fails.`,
      });
      continue;
    }
    ctx.warn("musl-not-installable", `${cost.name} has ${what} and no usable source distribution: it cannot be installed${musl ? " on Alpine" : " here"}.`, line);
    ctx.check({
      line, column: 1, stage: stage.index, severity: "error", subject: cost.name, code: "no-installable-distribution",
      message: `${cost.name} has ${what} and no source distribution to build: pip finds no version it can install ("from versions: none") and the build fails.${musl ? " Use a Debian-based image (python:X-slim), where its manylinux wheels install." : ""}`,
    });
  }
}

/** What the rules read back (StageSummary.pythonPackages): the name, its specifier, the version chosen. */
function noteResolved(stage: StageState, cost: PackageCost, specifier: string | null): void {
  stage.pythonPackages.set(cost.name, { name: cost.name, specifier, version: cost.facts?.version.version ?? cost.row?.version ?? null });
}

function hasOption(info: { readonly optionWords?: readonly { value: string }[] }, name: string): boolean {
  return (info.optionWords ?? []).some((w) => w.value === name || w.value.startsWith(`${name}=`));
}

/** Every value of a repeatable option (`--group a --group=b`). */
function optionValues(info: { readonly optionWords: readonly { value: string }[] }, name: string): string[] {
  const words = info.optionWords;
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const value = words[i]?.value ?? "";
    if (value.startsWith(`${name}=`)) out.push(value.slice(name.length + 1));
    else if (value === name && words[i + 1] !== undefined) out.push(words[i + 1]?.value ?? "");
  }
  return out.filter((v) => v !== "");
}

function optionValue(info: { readonly optionWords: readonly { value: string }[] }, name: string): string | null {
  const words = info.optionWords;
  for (let i = 0; i < words.length; i++) {
    const value = words[i]?.value ?? "";
    if (value.startsWith(`${name}=`)) return value.slice(name.length + 1);
    if (value === name) return words[i + 1]?.value ?? null;
  }
  return null;
}

function pipCacheDir(stage: StageState, scope: RunScope, info: PipInstall): string | null {
  const env = scope.vars;
  if (info.installer === "uv") {
    if (hasOption(info, "--no-cache") || hasOption(info, "-n") || envTrue(env, "UV_NO_CACHE")) return null;
    return resolvePath(scope.cwd, optionValue(info, "--cache-dir") ?? env.get("UV_CACHE_DIR") ?? `${homeOf(stage)}/.cache/uv`);
  }
  if (info.options.noCacheDir || envFlagSet(env, "PIP_NO_CACHE_DIR")) return null;
  return resolvePath(scope.cwd, optionValue(info, "--cache-dir") ?? env.get("PIP_CACHE_DIR") ?? `${homeOf(stage)}/.cache/pip`);
}

/** The index variables each installer reads as its options (pip's PIP_<OPTION>, uv's UV_<OPTION>). */
const INDEX_VARIABLES = {
  pip: ["PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL"],
  uv: ["UV_INDEX_URL", "UV_EXTRA_INDEX_URL", "UV_INDEX", "UV_DEFAULT_INDEX"],
} as const;

/** The install's option words with their variables expanded (`--index-url ${TORCH_INDEX}`), then the index
 *  URLs its installer reads from the environment. */
function indexWords(scope: RunScope, info: PipInstall): { value: string }[] {
  const words = info.optionWords.map((w) => ({ value: w.value.includes("$") ? expand(scope, w.value) : w.value }));
  for (const name of INDEX_VARIABLES[info.installer]) {
    const value = scope.vars.get(name);
    if (value !== undefined) words.push(...value.split(/\s+/).filter((v) => v !== "").map((v) => ({ value: v })));
  }
  return words;
}

/**
 * `--index-url https://download.pytorch.org/whl/…` replaces PyPI for the whole command: PyTorch's index holds
 * torch, torchvision, torchaudio and what they require, and little else, so another package asked for in the
 * same command is not found (`pip install torch --index-url …/cpu mistral_inference`). A warning: the index
 * mirrors a few more projects than the tables can list.
 */
function checkTorchIndexOnly(ctx: EstimateContext, stage: StageState, scope: RunScope, info: PipInstall, requested: Requested, optionWords: readonly { value: string }[]): void {
  const options = { optionWords };
  const url = optionValue(options, "--index-url") ?? optionValue(options, "-i") ?? "";
  if (!/download\.pytorch\.org\/whl\//.test(url) || optionWords.some((w) => w.value.startsWith("--extra-index-url") || w.value === "--find-links" || w.value === "-f")) return;
  // A requirements file may add the index back (`--extra-index-url https://pypi.org/simple` in it).
  const files = info.requirementFiles.map((f) => findRequirementsFile(ctx.requirementFiles, resolvePath(scope.cwd, expand(scope, f.value))));
  if (files.some((f) => f === null || f.options.extraIndexUrls.length > 0 || f.options.findLinks.length > 0)) return;
  const torch = requested.names.filter((r) => TORCH_PROJECTS.has(normalizePackageName(r.name)));
  const served = new Set([...TORCH_PROJECTS, ...closureOf(torch, stagePlatform(ctx, stage), false).map((i) => i.name)]);
  const others = [...new Set(requested.names.map((r) => normalizePackageName(r.name)))].filter((name) => !served.has(name));
  if (others.length === 0) return;
  const shown = others.slice(0, 3).join(", ") + (others.length > 3 ? ` and ${others.length - 3} more` : "");
  ctx.check({
    line: scope.line, column: 1, stage: stage.index, severity: "warning", subject: others[0] ?? "", code: "index-url-replaces-pypi",
    message: `--index-url ${url} makes PyTorch's index the only one for this install, and it holds torch and what torch requires: pip is unlikely to find ${shown} there, and then the build fails. Install torch in its own command, or use --extra-index-url.`,
  });
}

export function pipInstall(ctx: EstimateContext, stage: StageState, scope: RunScope, info: PipInstall): void {
  if (info.options.legacyInstallOptionPrefix !== null) {
    ctx.warn("removed-install-option", `--install-option was removed in pip 23.1: with current pip this install fails. Use --prefix=${info.options.legacyInstallOptionPrefix}.`, scope.line);
  }
  const site = installSite(stage, scope, info);
  if (!stage.pythonInstalled.has(site) && site === systemSite(stage) && stage.base?.python != null) {
    const minor = Number((stage.pythonMinor ?? "3.12").split(".")[1] ?? 12);
    stage.pythonInstalled.set(site, new Set(minor <= 11 ? PREINSTALLED_UP_TO_311 : PREINSTALLED));
    ctx.assume(ASSUMPTIONS.pipPreinstalled.id, ASSUMPTIONS.pipPreinstalled.text, scope.line);
  }
  const requested = requestedPackages(ctx, stage, scope, info.requirementFiles, info.requirements, info.editables, constraintPaths(scope, info.installer, info.constraintFiles));
  const groups = optionValues(info, "--group");
  if (groups.length > 0) requested.names.push(...namesFromGroups(ctx, stage, scope, groups));
  const noIndex = hasOption(info, "--no-index");
  for (const dir of [optionValue(info, "--find-links"), optionValue(info, "-f")]) {
    if (dir === null) continue;
    const place = resolvePath(scope.cwd, expand(scope, dir));
    const wheels = wheelsAt(stage, place);
    if (noIndex) checkWheelsFit(ctx, stage, scope, place, wheels, new Set(requested.names.map((r) => r.name)));
    for (const wheel of wheels) {
      requested.prebuilt.add(wheel.name);
      // With --no-index the directory is the only source: an unpinned name gets the version built there.
      const at = requested.names.findIndex((r) => r.name === wheel.name && r.specifier === null);
      const asked = requested.names[at];
      if (noIndex && wheel.version !== null && asked !== undefined) requested.names[at] = { ...asked, specifier: `==${wheel.version}` };
    }
  }
  const compile = info.installer === "uv"
    ? hasOption(info, "--compile-bytecode") || envTrue(scope.vars, "UV_COMPILE_BYTECODE")
    : !info.options.noCompile && !envFlagSet(scope.vars, "PIP_NO_COMPILE");
  const root = installRoot(stage, scope, info);
  if (root !== null) stage.madePaths.add(root);
  checkExternallyManaged(ctx, stage, scope, info);
  checkBreakSystemPackagesOption(ctx, stage, scope, info);
  // The install's options with their variables expanded, and the index variables its installer reads.
  const words = indexWords(scope, info);
  checkTorchIndexOnly(ctx, stage, scope, info, requested, words);
  // A wheel file or URL (`torch-1.11.0%2Bcpu-…whl`) is its own source: its version is no pin to look up.
  checkLocalVersionPins(ctx, stage, scope, info, requested.names.filter((r) => !requested.prebuilt.has(r.name)), () => info.requirementFiles.some((f) => {
    const found = resolveFileAt(ctx, stage, resolvePath(scope.cwd, expand(scope, f.value)));
    // A file not given may name an index: nothing is said about it.
    return found === null || found.resolved.options.indexUrl !== null || found.resolved.options.extraIndexUrls.length > 0 || found.resolved.options.findLinks.length > 0 || found.resolved.options.noIndex;
  }));
  const distroPython = stage.base !== null && stage.base.python === null && (stage.family === "debian" || stage.family === "ubuntu");
  if (info.options.prefix !== null && root !== null && distroPython && info.venv === null && venvOnPath(stage, scope) === null) stage.distroPrefixes.add(root);
  const written = installPackages(ctx, stage, scope, requested, {
    site,
    installer: info.installer,
    compile,
    noDeps: info.options.noDeps,
    upgrade: info.options.upgrade,
    cacheDir: pipCacheDir(stage, scope, info),
    linksToCache: info.installer === "uv" && uvLinksToCache(optionValue(info, "--link-mode"), scope.vars.get("UV_LINK_MODE")),
    label: info.installer === "uv" ? "uv" : "pip",
    torchCpu: readsTorchCpuIndex(words, info.requirementFiles.map((f) => resolvePath(scope.cwd, expand(scope, f.value))), ctx.requirementFiles),
  });
  const read = (path: string) => resolveFileAt(ctx, stage, resolvePath(scope.cwd, expand(scope, path)))?.resolved ?? null;
  const files = { requirements: info.requirementFiles.map((f) => read(f.value)), constraints: constraintPaths(scope, info.installer, info.constraintFiles).map(read) };
  checkHashCheckingMode(ctx, stage, scope, info, files, written, constraintSpecifiers(requested));
  notePipSelfUpgrade(stage, scope, info);
}

export function pipWheel(ctx: EstimateContext, stage: StageState, scope: RunScope, info: Extract<CommandInfo, { kind: "pip-wheel" }>): void {
  const dir = resolvePath(scope.cwd, expand(scope, info.wheelDir ?? "."));
  stage.madePaths.add(dir);
  const requested = requestedPackages(ctx, stage, scope, info.requirementFiles, info.requirements, [], constraintPaths(scope, "pip", info.constraintFiles));
  const platform = stagePlatform(ctx, stage);
  let cacheBytes = 0;
  const items = closureOf(requested.names, platform, info.options.noDeps, undefined, constraintSpecifiers(requested));
  noteConstraintPins(ctx, stage, requested, items, scope.line);
  for (const { name, specifier } of items) {
    const cost = packageCost(name, { libc: stage.libc ?? "glibc", compile: true, installer: "pip", platform, specifier, overrides: ctx.settings.packageSizes, lockedWheel: requested.lockedWheels?.get(name) ?? null });
    ctx.notePackage(cost.name, !cost.unknown);
    if (cost.buildsFromSource && (!stage.hasCompiler || libcHeadersMissing(stage))) warnNoCompiler(ctx, stage, cost, scope.line);
    else if (cost.buildsFromSource) checkBuildHeaders(ctx, stage, cost, scope.line);
    if (cost.buildsFromSource) stage.builtFromSource.add(cost.name);
    noteResolved(stage, cost, specifier);
    cacheBytes += cost.cacheBytes;
    stage.fs.add({
      path: `${dir}/${cost.name}.whl`, bytes: cost.wheelBytes, category: "python", label: `${cost.label} (wheel)`,
      sources: cost.sources, pycBytes: 0, pythonPackage: cost.name, wheelFile: true, groups: [], wheelVersion: cost.facts?.version.version ?? null,
      ...builtFor(cost, stage),
    });
  }
  if (!info.options.noCacheDir && !envFlagSet(scope.vars, "PIP_NO_CACHE_DIR") && cacheBytes > 0) {
    stage.fs.add({
      path: `${homeOf(stage)}/.cache/pip`, bytes: cacheBytes, category: "pipCache", label: "pip cache (pip wheel)",
      sources: [], pycBytes: 0, pythonPackage: null, wheelFile: false, groups: [],
    });
  }
}

export function createVenv(ctx: EstimateContext, stage: StageState, scope: RunScope, info: Extract<CommandInfo, { kind: "venv-create" }>): void {
  const path = resolvePath(scope.cwd, expand(scope, info.path));
  stage.venvs.add(path);
  const minor = Number((stage.pythonMinor ?? "3.12").split(".")[1] ?? 12);
  const seeded = info.tool === "uv" ? [] : minor <= 11 ? ["pip", "setuptools"] : ["pip"];
  stage.pythonInstalled.set(sitePackages(path, stage), new Set(seeded));
  const rows = seeded.map((name) => findPythonPackage(name)).filter((r) => r !== null);
  ctx.assume(ASSUMPTIONS.venv.id, ASSUMPTIONS.venv.text, scope.line);
  stage.fs.add({
    path,
    bytes: 0,
    category: "python",
    label: `venv ${baseName(path)}`,
    sources: [],
    pycBytes: 0,
    pythonPackage: null,
    wheelFile: false,
    groups: ["venv"],
    // python -m venv links bin/python to the interpreter that made it: an official python image's is
    // /usr/local/bin/pythonX.Y (uv venv may pick another Python: not said).
    ...(info.tool !== "uv" && stage.base?.image === "python" && stage.pythonMinor !== null ? { interpreter: `/usr/local/bin/python${stage.pythonMinor}` } : {}),
  });
  // The pip (and setuptools) ensurepip puts in the venv, each at the path an upgrade writes: `pip install
  // --upgrade pip` then hides the bundled one, so a COPY --from of the venv carries one pip, not two.
  const site = sitePackages(path, stage);
  for (const row of rows) {
    stage.fs.add({
      path: `${site}/${row.name}`,
      bytes: row.installedBytes ?? 0,
      category: "python",
      label: `venv ${baseName(path)}: ${row.name} (bundled by ensurepip)`,
      sources: [{ table: "python-packages" as const, key: row.name, source: row.source, date: row.date }],
      pycBytes: 0,
      pythonPackage: row.name,
      wheelFile: false,
      groups: [],
    });
  }
}
