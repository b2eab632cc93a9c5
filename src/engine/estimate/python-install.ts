// `pip install`, `uv pip install`, `pip wheel`, poetry/pipenv/`uv sync` and `python -m venv` in the size
// model: which packages (the transitive closure from the package table), where they land (system
// site-packages, a venv, --prefix, --target, --user), their .pyc, and the installer's cache.
import { findPythonPackage, type ClosureRequest } from "../knowledge";
import { markerEnvironment, parseRequirementsFile, resolveRequirements } from "../requirements";
import type { CommandInfo, PipInstall, WordArg } from "../shell/command-info";
import { substituteVariables } from "../dockerfile/variables";
import { ASSUMPTIONS } from "./assumptions";
import { envFlagSet, envTrue, type EstimateContext } from "./context";
import { baseName, hasGlob, resolvePath } from "./paths";
import { packageCost, type PackageCost } from "./python-sizes";
import { bare, closureOf, notePins, requestOf, stagePlatform } from "./install-requests";
import { findRequirementsFile } from "./requirements-lookup";
import type { ScopeVariables } from "./scope-variables";
import { homeOf, type StageState } from "./stage-state";

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

function sitePackages(root: string, stage: StageState): string {
  return `${root}/lib/python${minorOf(stage)}/site-packages`;
}

function expand(scope: RunScope, text: string): string {
  return substituteVariables(text, scope.vars).value;
}

/** The venv a bare `pip`/`python` resolves to through PATH, if a known venv's bin comes first. */
function venvOnPath(stage: StageState, scope: RunScope): string | null {
  const path = scope.vars.get("PATH") ?? stage.env.get("PATH") ?? "";
  for (const dir of path.split(":")) {
    const venv = dir.replace(/\/bin\/?$/, "");
    if (venv !== dir && (stage.venvs.has(venv) || scope.vars.get("VIRTUAL_ENV") === venv)) return venv;
    if (dir === "/usr/local/bin" || dir === "/usr/bin") return null;
  }
  return null;
}

function systemSite(stage: StageState): string {
  return stage.pythonMinor === null ? "/usr/local/lib/python3/dist-packages" : sitePackages("/usr/local", stage);
}

function installSite(stage: StageState, scope: RunScope, info: PipInstall): string {
  const o = info.options;
  if (o.target !== null) return resolvePath(scope.cwd, expand(scope, o.target));
  const prefix = o.prefix ?? o.legacyInstallOptionPrefix;
  if (prefix !== null) return sitePackages(resolvePath(scope.cwd, expand(scope, prefix)), stage);
  if (o.root !== null) return resolvePath(resolvePath(scope.cwd, expand(scope, o.root)), "." + systemSite(stage));
  if (o.user) return sitePackages(`${homeOf(stage)}/.local`, stage);
  const venv = info.venv === null ? (o.system ? null : venvOnPath(stage, scope)) : resolvePath(scope.cwd, expand(scope, info.venv));
  return venv === null ? systemSite(stage) : sitePackages(venv, stage);
}

/** Requirements a requirements file resolves to (its -r includes too), or null when the file was not given. */
function namesFromFile(ctx: EstimateContext, stage: StageState, scope: RunScope, path: string): ClosureRequest[] | null {
  const imagePath = resolvePath(scope.cwd, expand(scope, path));
  const file = findRequirementsFile(ctx.requirementFiles, imagePath);
  if (file === null) {
    ctx.warn("requirements-not-given", `${path} was not given, so the packages it lists are not counted: paste it as a requirements file.`, scope.line);
    return null;
  }
  const resolved = resolveRequirements(file.path, ctx.requirementFiles, markerEnvironment(stage.pythonMinor ?? "3.12"));
  const names: ClosureRequest[] = [];
  notePins(ctx, stage, resolved.requirements, scope.line);
  for (const requirement of resolved.requirements) {
    const request = requestOf(requirement);
    if (request !== null) names.push(request);
    else ctx.warn("local-requirement", `${file.path}:${requirement.line} installs ${requirement.url ?? "a local path"}: its size is not known.`, scope.line);
  }
  return names;
}

interface Requested {
  readonly names: ClosureRequest[];
  readonly explicit: Set<string>;
  /** Packages installed from wheel files already in the stage (`pip wheel -w` output): no source build. */
  readonly prebuilt: Set<string>;
}

function requestedPackages(ctx: EstimateContext, stage: StageState, scope: RunScope, files: readonly WordArg[], specs: readonly WordArg[], editables: readonly WordArg[]): Requested {
  const names: ClosureRequest[] = [];
  const prebuilt = new Set<string>();
  for (const file of files) names.push(...(namesFromFile(ctx, stage, scope, file.value) ?? []));
  for (const spec of specs) {
    const value = expand(scope, spec.value);
    if (value.endsWith(".whl") || (hasGlob(value) && value.includes("/"))) {
      const wheels = wheelsAt(stage, resolvePath(scope.cwd, value));
      names.push(...wheels.map(bare));
      for (const name of wheels) prebuilt.add(name);
      continue;
    }
    if (value === "." || value.startsWith("./") || value.startsWith("/") || value.startsWith("../")) {
      ctx.warn("local-project", `pip installs the local project ${value}: its own dependencies are only counted when listed in a requirements file.`, scope.line);
      continue;
    }
    if (value.trim() === "" || value.includes("$")) {
      ctx.warn("unresolved-requirement", `The requirement "${spec.value}" uses a variable without a value: not counted.`, scope.line);
      continue;
    }
    const parsed = parseRequirementsFile(`line ${scope.line}`, value).requirements[0];
    const request = parsed === undefined ? null : requestOf(parsed);
    if (request !== null) names.push(request);
    if (parsed !== undefined) notePins(ctx, stage, [parsed], scope.line);
  }
  for (const editable of editables) {
    ctx.warn("local-project", `pip installs ${editable.value} in editable mode: its own dependencies are only counted when listed in a requirements file.`, scope.line);
  }
  return { names, explicit: new Set(names.map((r) => r.name)), prebuilt };
}

/** Package names of wheel files (from `pip wheel -w`) selected by `path`, which may be a glob. */
function wheelsAt(stage: StageState, path: string): string[] {
  const dir = hasGlob(path) ? path.slice(0, path.lastIndexOf("/")) : path;
  return stage.fs.select(hasGlob(path) ? path : dir).filter((e) => e.wheelFile && e.pythonPackage !== null).map((e) => e.pythonPackage ?? "");
}

interface InstallPlan {
  readonly site: string;
  readonly installer: "pip" | "uv";
  readonly compile: boolean;
  readonly noDeps: boolean;
  readonly upgrade: boolean;
  /** Cache directory, or null when caching is off. */
  readonly cacheDir: string | null;
  readonly label: string;
}

/** Install `requested` (and its closure) into `plan.site`: adds entries to the current layer. */
export function installPackages(ctx: EstimateContext, stage: StageState, scope: RunScope, requested: Requested, plan: InstallPlan): PackageCost[] {
  const installed = stage.pythonInstalled.get(plan.site) ?? new Set<string>();
  stage.pythonInstalled.set(plan.site, installed);
  const platform = stagePlatform(ctx, stage);
  const items = closureOf(requested.names, platform, plan.noDeps);
  const costs: PackageCost[] = [];
  for (const { name, specifier } of items) {
    const reinstall = plan.upgrade && requested.explicit.has(name);
    if (installed.has(name) && !reinstall) continue;
    let cost = packageCost(name, { libc: stage.libc ?? "glibc", compile: plan.compile, installer: plan.installer, platform, specifier, overrides: ctx.settings.packageSizes });
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
      ctx.warn("musl-not-installable", `${cost.name} has no musllinux wheel and no usable source distribution: it cannot be installed on Alpine.`, scope.line);
    } else if (cost.buildsFromSource && !stage.hasCompiler) {
      warnNoCompiler(ctx, stage, cost, scope.line);
    }
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
    });
  }
  if (plan.cacheDir !== null && costs.length > 0) {
    stage.fs.add({
      path: plan.cacheDir,
      bytes: costs.reduce((sum, c) => sum + c.cacheBytes, 0),
      category: "pipCache",
      label: `${plan.label} cache (${costs.length} package${costs.length === 1 ? "" : "s"})`,
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

/** A source build in a stage without a compiler fails: say so, with what the build needs. */
function warnNoCompiler(ctx: EstimateContext, stage: StageState, cost: PackageCost, line: number): void {
  if (stage.libc === "musl") {
    const needs = cost.row?.buildNeeds?.alpine.join(", ") ?? "build-base";
    ctx.warn("musl-needs-compiler", `${cost.name} has no musllinux wheel, so pip compiles it on Alpine — but this stage has no compiler: the build fails. It needs ${needs}.`, line);
    return;
  }
  const needs = cost.row?.buildNeeds?.debian.join(", ") ?? "gcc";
  const binary = findPythonPackage(`${cost.name}-binary`);
  ctx.warn("source-build-needs-compiler", `${cost.name} has no Linux wheel, so pip compiles it from source — but this stage has no compiler: the build fails. It needs ${needs}${binary === null ? "" : `, or install ${binary.name}, which ships as a wheel`}.`, line);
}

function hasOption(info: { readonly optionWords?: readonly { value: string }[] }, name: string): boolean {
  return (info.optionWords ?? []).some((w) => w.value === name || w.value.startsWith(`${name}=`));
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
  const requested = requestedPackages(ctx, stage, scope, info.requirementFiles, info.requirements, info.editables);
  for (const dir of [optionValue(info, "--find-links"), optionValue(info, "-f")]) {
    if (dir !== null) for (const name of wheelsAt(stage, resolvePath(scope.cwd, expand(scope, dir)))) requested.prebuilt.add(name);
  }
  const compile = info.installer === "uv"
    ? hasOption(info, "--compile-bytecode") || envTrue(scope.vars, "UV_COMPILE_BYTECODE")
    : !info.options.noCompile && !envFlagSet(scope.vars, "PIP_NO_COMPILE");
  installPackages(ctx, stage, scope, requested, {
    site,
    installer: info.installer,
    compile,
    noDeps: info.options.noDeps,
    upgrade: info.options.upgrade,
    cacheDir: pipCacheDir(stage, scope, info),
    label: info.installer === "uv" ? "uv" : "pip",
  });
}

export function pipWheel(ctx: EstimateContext, stage: StageState, scope: RunScope, info: Extract<CommandInfo, { kind: "pip-wheel" }>): void {
  const dir = resolvePath(scope.cwd, expand(scope, info.wheelDir ?? "."));
  const requested = requestedPackages(ctx, stage, scope, info.requirementFiles, info.requirements, []);
  const platform = stagePlatform(ctx, stage);
  let cacheBytes = 0;
  for (const { name, specifier } of closureOf(requested.names, platform, info.options.noDeps)) {
    const cost = packageCost(name, { libc: stage.libc ?? "glibc", compile: true, installer: "pip", platform, specifier, overrides: ctx.settings.packageSizes });
    ctx.notePackage(cost.name, !cost.unknown);
    if (cost.buildsFromSource && !stage.hasCompiler) warnNoCompiler(ctx, stage, cost, scope.line);
    cacheBytes += cost.cacheBytes;
    stage.fs.add({
      path: `${dir}/${cost.name}.whl`, bytes: cost.wheelBytes, category: "python", label: `${cost.label} (wheel)`,
      sources: cost.sources, pycBytes: 0, pythonPackage: cost.name, wheelFile: true, groups: [],
    });
  }
  if (!info.options.noCacheDir && !envFlagSet(scope.vars, "PIP_NO_CACHE_DIR") && cacheBytes > 0) {
    stage.fs.add({
      path: `${homeOf(stage)}/.cache/pip`, bytes: cacheBytes, category: "pipCache", label: "pip cache (pip wheel)",
      sources: [], pycBytes: 0, pythonPackage: null, wheelFile: false, groups: [],
    });
  }
}

/** poetry/pipenv/uv sync install from lock files the tool does not read: use the pasted requirements. */
export function lockedInstall(ctx: EstimateContext, stage: StageState, scope: RunScope, info: Extract<CommandInfo, { kind: "poetry-install" | "pipenv-install" | "uv-sync" }>): void {
  const file = ctx.requirementFiles.find((f) => /(^|\/)requirements\.txt$/.test(f.path)) ?? ctx.requirementFiles[0];
  const tool = info.kind === "poetry-install" ? "poetry install" : info.kind === "pipenv-install" ? "pipenv install" : "uv sync";
  if (file === undefined) {
    ctx.warn("lock-not-read", `${tool} installs from a lock file Whaleweight does not read: paste the exported requirements (e.g. \`poetry export\`, \`uv export\`) to count its packages.`, scope.line);
    return;
  }
  ctx.assume(ASSUMPTIONS.lockFileAsRequirements.id, ASSUMPTIONS.lockFileAsRequirements.text, scope.line);
  const names = namesFromFile(ctx, stage, scope, file.path) ?? [];
  const env = scope.vars;
  let site = systemSite(stage);
  let cacheDir: string | null = null;
  if (info.kind === "uv-sync") {
    site = sitePackages(resolvePath(scope.cwd, env.get("UV_PROJECT_ENVIRONMENT") ?? ".venv"), stage);
    cacheDir = info.noCache || envTrue(env, "UV_NO_CACHE") ? null : (env.get("UV_CACHE_DIR") ?? `${homeOf(stage)}/.cache/uv`);
  } else if (info.kind === "poetry-install") {
    const createsVenv = !/^(0|false|no|off)$/i.test(env.get("POETRY_VIRTUALENVS_CREATE") ?? stage.env.get("POETRY_VIRTUALENVS_CREATE") ?? "true");
    if (createsVenv) site = sitePackages(envTrue(env, "POETRY_VIRTUALENVS_IN_PROJECT") ? resolvePath(scope.cwd, ".venv") : `${homeOf(stage)}/.cache/pypoetry/virtualenvs/app`, stage);
    cacheDir = env.get("POETRY_CACHE_DIR") ?? `${homeOf(stage)}/.cache/pypoetry`;
  } else {
    if (!info.system) site = sitePackages(`${homeOf(stage)}/.local/share/virtualenvs/app`, stage);
    cacheDir = envFlagSet(env, "PIP_NO_CACHE_DIR") ? null : `${homeOf(stage)}/.cache/pip`;
  }
  installPackages(ctx, stage, scope, { names, explicit: new Set(names.map((r) => r.name)), prebuilt: new Set() }, {
    site, installer: info.kind === "uv-sync" ? "uv" : "pip", compile: info.kind !== "uv-sync" || envTrue(env, "UV_COMPILE_BYTECODE"),
    noDeps: false, upgrade: false, cacheDir, label: tool.split(" ")[0] ?? tool,
  });
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
    bytes: rows.reduce((sum, r) => sum + (r.installedBytes ?? 0), 0),
    category: "python",
    label: `venv ${baseName(path)}${seeded.length > 0 ? ` (${seeded.join(", ")})` : ""}`,
    sources: rows.map((r) => ({ table: "python-packages" as const, key: r.name, source: r.source, date: r.date })),
    pycBytes: 0,
    pythonPackage: null,
    wheelFile: false,
    groups: ["venv"],
  });
}
