// Locked installs in the size model (issue 8 §5): `uv sync`, `poetry install`, `pdm install`, `pipenv install` and
// `poetry export` read the project's lock file, which is the installed set exactly (uv.lock even gives
// each wheel's size). The set is computed in project/lock-closure.ts and handed to ONE function,
// `installLockedSet`. Without a lock file the manifest (pyproject.toml / Pipfile) is resolved through the
// package table, and without that the pasted requirements stand in, each time with a warning naming the
// file to add.
import { satisfiesWithPrereleases } from "../cache/pep440";
import { normalizePackageName } from "../knowledge";
import { lockClosure, type LockSelection } from "../project/lock-closure";
import type { LockFile, ParsedProjectFile, ProjectManifest } from "../project/types";
import { markerEnvironment } from "../requirements/markers";
import type { MarkerEnvironment } from "../requirements/model";
import { parseRequirementsFile } from "../requirements/parse-requirements";
import type { CommandInfo, LockOptions } from "../shell/command-info";
import { ASSUMPTIONS } from "./assumptions";
import { requestOf } from "./install-requests";
import { envFlagSet, envTrue, type EstimateContext } from "./context";
import { resolvePath } from "./paths";
import { findProjectFile, manifestOf, manifestRequirements } from "./project-lookup";
import { checkRequiresPython } from "./project-names";
import { expand, installPackages, namesFromFile, sitePackages, systemSite, uvLinksToCache, type InstallPlan, type RunScope } from "./python-install";
import { homeOf, markUnmodelled, type StageState } from "./stage-state";
import { chooseWheel } from "./wheel-choice";
import { manifestReadsTorchCpuIndex } from "./torch-index";

/** One package of a locked set: what the lock pins, and the exact bytes of the wheel the stage would
 *  install when the lock records them (uv.lock), else null. */
export interface LockedInstallItem {
  readonly name: string;
  readonly version: string | null;
  readonly wheelBytes: number | null;
  /** The locked wheel is pure Python (`-any.whl`); null without one. */
  readonly wheelPure?: boolean | null;
}

type LockedCommand = Extract<CommandInfo, { kind: "poetry-install" | "pdm-install" | "pipenv-install" | "uv-sync" }>;

const TOOLS = {
  "uv-sync": { label: "uv sync", lock: "uv-lock", lockName: "uv.lock", manifest: "pyproject", manifestName: "pyproject.toml" },
  "poetry-install": { label: "poetry install", lock: "poetry-lock", lockName: "poetry.lock", manifest: "pyproject", manifestName: "pyproject.toml" },
  "pdm-install": { label: "pdm install", lock: "pdm-lock", lockName: "pdm.lock", manifest: "pyproject", manifestName: "pyproject.toml" },
  "pipenv-install": { label: "pipenv install", lock: "pipfile-lock", lockName: "Pipfile.lock", manifest: "pipfile", manifestName: "Pipfile" },
} as const;

/**
 * Where a locked set is installed: each package at its locked version (an exact `==` pin, so the wheel
 * table picks that version or names the one standing in), with `noDeps` (the lock already is the closure),
 * and the exact wheel bytes uv.lock records for the stage's platform where it has them.
 */
export function installLockedSet(ctx: EstimateContext, stage: StageState, scope: RunScope, items: readonly LockedInstallItem[], plan: Omit<InstallPlan, "noDeps" | "upgrade">): void {
  const names = items.map((i) => ({ name: i.name, specifier: i.version === null ? null : `==${i.version}`, extras: [], marker: null }));
  const lockedWheels = new Map(items.flatMap((i) => (i.wheelBytes === null ? [] : [[normalizePackageName(i.name), { bytes: i.wheelBytes, pure: i.wheelPure ?? null }] as const])));
  installPackages(ctx, stage, scope, { names, explicit: new Set(names.map((n) => n.name)), prebuilt: new Set(), lockedWheels }, { ...plan, noDeps: true, upgrade: false });
}

/** The scope with the working directory moved to the command's project directory, if it names one. */
function inProject(scope: RunScope, directory: string | null): RunScope {
  return directory === null ? scope : { vars: scope.vars, cwd: resolvePath(scope.cwd, expand(scope, directory)), line: scope.line };
}

/**
 * `uv sync` with no Python in the image that meets the project's requires-python (a bare debian or alpine
 * base, or one whose Python is too old): uv downloads a managed CPython (python-build-standalone) into
 * ~/.local/share/uv/python and builds the venv on it (docs.astral.sh/uv/concepts/python-versions). The
 * tables hold no size for those builds: the download is named as not counted.
 */
function noteManagedPython(ctx: EstimateContext, stage: StageState, scope: RunScope, manifest: ProjectManifest | null): void {
  if (stage.unmodelledAt !== null || stage.base === null) return;
  const version = stage.base.python ?? (["python3", "python"].some((n) => stage.executables.has(n)) ? stage.pythonMinor : null);
  const spec = manifest?.requiresPython ?? null;
  const fits = version !== null && (spec === null || satisfiesWithPrereleases(version, spec) !== false);
  if (fits || scope.vars.get("UV_PYTHON_DOWNLOADS") === "never") return;
  const why = version === null ? "the image has no Python" : `the image's Python ${version} does not meet requires-python ${spec ?? ""}`;
  ctx.warn("uv-managed-python", `uv sync downloads a Python of its own (${why}): the CPython it installs under ~/.local/share/uv/python, tens of megabytes, is not counted.`, scope.line);
}

export function lockedInstall(ctx: EstimateContext, stage: StageState, runScope: RunScope, info: LockedCommand): void {
  const scope = inProject(runScope, info.kind === "pipenv-install" ? null : info.directory);
  const tool = TOOLS[info.kind];
  const env = markerEnvironment(stage.pythonMinor ?? "3.12");
  const lockFile = findProjectFile(ctx.projectFiles, tool.lock, `${scope.cwd}/${tool.lockName}`);
  const manifestFile = findProjectFile(ctx.projectFiles, tool.manifest, `${scope.cwd}/${tool.manifestName}`);
  const manifest = manifestOf(manifestFile);
  if (info.kind === "poetry-install" && manifestFile !== null && manifest !== null) checkRequiresPython(ctx, stage, scope, manifestFile.path, manifest, "poetry", manifestFile.path);
  if (info.kind === "uv-sync") noteManagedPython(ctx, stage, scope, manifest);
  const plan = installPlan(ctx, stage, scope, info);
  // The environment exists afterwards even where its packages are not all counted (the build check reads it).
  if (plan.site !== systemSite(stage)) stage.madePaths.add(plan.site.replace(/\/lib\/python[^/]*\/site-packages$/, ""));
  const options = lockOptionsOf(info);
  if (lockFile !== null && "lock" in lockFile) {
    const items = lockedItems(ctx, stage, scope, lockFile, lockFile.lock, manifest, selectionFor(info.kind, options, manifest), env);
    installLockedSet(ctx, stage, scope, items, plan);
    return;
  }
  if (manifestFile !== null && manifest !== null) {
    ctx.warn("lock-not-given", `${tool.label} installs from ${tool.lockName}, which was not given: the dependencies of ${manifestFile.path} are resolved from the package table instead. Add ${tool.lockName} as a project file to weigh the locked set exactly.`, scope.line);
    const groups = info.kind === "pipenv-install" ? (info.dev ? ["dev"] : []) : manifestGroups(info.kind, options, manifest);
    const requirements = manifestRequirements(manifestFile.path, manifest, { main: options.main, extras: options.allExtras ? "all" : options.extras, groups }, env);
    const names = requirements.flatMap((r) => {
      const request = requestOf(r);
      return request === null ? [] : [request];
    });
    const torchCpu = manifestReadsTorchCpuIndex(manifest, env);
    installPackages(ctx, stage, scope, { names, explicit: new Set(names.map((n) => n.name)), prebuilt: new Set() }, { ...plan, noDeps: false, upgrade: false, torchCpu });
    return;
  }
  const file = ctx.requirementFiles.find((f) => /(^|\/)requirements\.txt$/.test(f.path)) ?? ctx.requirementFiles[0];
  if (file === undefined) {
    ctx.warn("project-files-not-given", `${tool.label} installs from ${tool.lockName}: add ${tool.lockName} and ${tool.manifestName} as project files to count its packages.`, scope.line);
    stage.uncountedSites.add(plan.site);
    // What it installs, and where, is unknown: the build check must not call anything missing later.
    markUnmodelled(stage, scope.line);
    return;
  }
  ctx.warn("lock-not-given", `${tool.label} installs from ${tool.lockName}, which was not given: the packages of ${file.path} stand in. Add ${tool.lockName} as a project file to weigh the locked set exactly.`, scope.line);
  ctx.assume(ASSUMPTIONS.lockFileAsRequirements.id, ASSUMPTIONS.lockFileAsRequirements.text, scope.line);
  const names = namesFromFile(ctx, stage, scope, file.path) ?? [];
  installPackages(ctx, stage, scope, { names, explicit: new Set(names.map((n) => n.name)), prebuilt: new Set() }, { ...plan, noDeps: false, upgrade: false });
}

function lockOptionsOf(info: LockedCommand): LockOptions {
  if (info.kind !== "pipenv-install") return info.lock;
  return { main: true, groups: info.dev ? ["dev"] : [], noGroups: [], defaultGroups: false, allGroups: false, extras: [], allExtras: false, installProject: false };
}

/** The lock's packages for this command, with the wheel each would install; warns about gaps. */
function lockedItems(ctx: EstimateContext, stage: StageState, scope: RunScope, file: ParsedProjectFile, lock: LockFile, manifest: ProjectManifest | null, selection: LockSelection, env: MarkerEnvironment): LockedInstallItem[] {
  const kind = file.kind === "uv-lock" || file.kind === "poetry-lock" || file.kind === "pdm-lock" ? file.kind : "pipfile-lock";
  const closure = lockClosure(kind, lock, manifest, selection, env);
  if (kind === "uv-lock" && closure.root === null) {
    ctx.warn("lock-no-project", `${file.path} holds no project package (a source that is editable or virtual): nothing is counted from it.`, scope.line);
  }
  if (closure.missing.length > 0) {
    ctx.warn("lock-incomplete", `${file.path} does not hold ${closure.missing.slice(0, 5).join(", ")}${closure.missing.length > 5 ? ` and ${closure.missing.length - 5} more` : ""}, which its dependencies name for this stage: not counted. Is the lock up to date?`, scope.line);
  }
  const target = { pythonMinor: stage.pythonMinor, libc: stage.libc ?? "glibc", machine: "x86_64" } as const;
  return closure.packages.map((p) => {
    const wheel = chooseWheel(p.wheels, target);
    return { name: p.name, version: p.version, wheelBytes: wheel?.bytes ?? null, wheelPure: wheel?.pure ?? null };
  });
}

/** Groups a command installs, from its flags and the manifest (uv: `dev` or `default-groups`; poetry:
 *  every non-optional group). */
function manifestGroups(kind: "uv-sync" | "poetry-install" | "pdm-install" | "poetry-export", options: LockOptions, manifest: ProjectManifest | null): string[] {
  const all = [...(manifest?.groups.keys() ?? [])];
  const defaults = !options.defaultGroups ? []
    : kind === "uv-sync" ? (manifest?.defaultGroups ?? ["dev"])
    : kind === "pdm-install" ? [...(manifest?.devGroups ?? [])]
    : all.filter((g) => !(manifest?.optionalGroups.has(g) ?? false));
  const chosen = options.allGroups ? all : [...defaults, ...options.groups];
  return [...new Set(chosen)].filter((g) => !options.noGroups.includes(g));
}

function selectionFor(kind: "uv-sync" | "poetry-install" | "pdm-install" | "pipenv-install" | "poetry-export", options: LockOptions, manifest: ProjectManifest | null): LockSelection {
  const extras = options.allExtras ? "all" : new Set(options.extras);
  if (kind === "pipenv-install") return { main: true, groups: new Set(options.groups), extras };
  if (kind === "pdm-install" && options.defaultGroups && !options.allGroups) {
    // pdm.lock lists extras as groups too: every group but the extras not asked for with -G.
    const noGroups = new Set([...(manifest?.optionalDependencies.keys() ?? [])].filter((g) => !options.groups.includes(g)));
    for (const g of options.noGroups) noGroups.add(g);
    return { main: options.main, groups: "all", noGroups, extras };
  }
  if (kind === "poetry-install" && options.defaultGroups && !options.allGroups) {
    // poetry installs every group of the lock except optional ones not asked for with --with.
    const noGroups = new Set([...(manifest?.optionalGroups ?? [])].filter((g) => !options.groups.includes(g)));
    for (const g of options.noGroups) noGroups.add(g);
    return { main: options.main, groups: "all", noGroups, extras };
  }
  const packages = options.allPackages === true ? "all" as const : (options.packages ?? []);
  if (options.allGroups) return { main: options.main, groups: "all", noGroups: new Set(options.noGroups), extras, packages };
  return { main: options.main, groups: new Set(manifestGroups(kind, options, manifest)), noGroups: new Set(options.noGroups), extras, packages };
}

/** Where the tool installs, its cache, and whether it writes .pyc. */
function installPlan(ctx: EstimateContext, stage: StageState, scope: RunScope, info: LockedCommand): Omit<InstallPlan, "noDeps" | "upgrade"> {
  const env = scope.vars;
  const get = (name: string) => env.get(name) ?? stage.env.get(name);
  if (info.kind === "uv-sync") {
    // uv sync installs into the project environment: `.venv` beside pyproject.toml, or UV_PROJECT_ENVIRONMENT;
    // with --active, into VIRTUAL_ENV (which it otherwise ignores: the build check says so).
    const active = get("VIRTUAL_ENV");
    const venv = resolvePath(scope.cwd, expand(scope, info.active && active !== undefined ? active : (get("UV_PROJECT_ENVIRONMENT") ?? ".venv")));
    const site = venv === "/usr/local" || venv === "/usr" ? systemSite(stage) : sitePackages(venv, stage);
    if (site !== systemSite(stage)) stage.venvs.add(venv);
    const cacheDir = info.noCache || envTrue(env, "UV_NO_CACHE") ? null : resolvePath(scope.cwd, get("UV_CACHE_DIR") ?? `${homeOf(stage)}/.cache/uv`);
    const linksToCache = uvLinksToCache(info.linkMode, get("UV_LINK_MODE"));
    return { site, installer: "uv", compile: info.compile || envTrue(env, "UV_COMPILE_BYTECODE"), cacheDir, linksToCache, label: "uv" };
  }
  if (info.kind === "poetry-install") {
    const setting = (envName: string, key: string) => get(envName) ?? stage.toolConfig.get(key);
    const createsVenv = !/^(0|false|no|off)$/i.test(setting("POETRY_VIRTUALENVS_CREATE", "virtualenvs.create") ?? "true");
    let site: string;
    if (!createsVenv) {
      // Without its own venv poetry installs into the interpreter it runs with: an active venv, else the system.
      const active = get("VIRTUAL_ENV");
      site = active === undefined ? systemSite(stage) : sitePackages(resolvePath(scope.cwd, active), stage);
    } else {
      const inProject = /^(1|true|yes|on)$/i.test(setting("POETRY_VIRTUALENVS_IN_PROJECT", "virtualenvs.in-project") ?? "");
      // The cache venv's real name carries a hash of the project path (`app-Xy12ab-py3.12`): `app` stands in.
      const venv = inProject ? resolvePath(scope.cwd, ".venv") : `${resolvePath(scope.cwd, setting("POETRY_VIRTUALENVS_PATH", "virtualenvs.path") ?? `${get("POETRY_CACHE_DIR") ?? `${homeOf(stage)}/.cache/pypoetry`}/virtualenvs`)}/app-py${stage.pythonMinor ?? "3"}`;
      stage.venvs.add(venv);
      site = sitePackages(venv, stage);
    }
    const cacheDir = info.noCache || envTrue(env, "POETRY_NO_CACHE") ? null : resolvePath(scope.cwd, get("POETRY_CACHE_DIR") ?? `${homeOf(stage)}/.cache/pypoetry`);
    // poetry's installer writes no .pyc unless `--compile` (python-poetry.org/docs/cli/#install).
    return { site, installer: "pip", compile: info.compile, cacheDir, label: "poetry" };
  }
  if (info.kind === "pdm-install") {
    // pdm installs into the active venv, else its project venv: `.venv` beside pyproject.toml
    // (venv.in_project, on by default), or one under its data directory (`app` stands in for its name).
    const active = get("VIRTUAL_ENV");
    const cacheDir = resolvePath(scope.cwd, get("PDM_CACHE_DIR") ?? `${homeOf(stage)}/.cache/pdm`);
    // PEP 582: with a __pypackages__ directory in the project (`mkdir __pypackages__ && pdm install`, pdm's
    // own multistage recipe) and no venv active, pdm installs into __pypackages__/X.Y/lib.
    const local = resolvePath(scope.cwd, "__pypackages__");
    if (active === undefined && (stage.madeDirs.has(local) || stage.fs.selectsAny(local))) {
      const lib = `${local}/${stage.pythonMinor ?? "3"}/lib`;
      stage.madePaths.add(lib);
      return { site: lib, installer: "pip", compile: false, cacheDir, label: "pdm" };
    }
    const inProject = !/^(0|false|no|off)$/i.test(get("PDM_VENV_IN_PROJECT") ?? "true");
    const venv = active !== undefined ? resolvePath(scope.cwd, active) : inProject ? resolvePath(scope.cwd, ".venv") : `${homeOf(stage)}/.local/share/pdm/venvs/app`;
    stage.venvs.add(venv);
    // pdm installs wheels with the `installer` library, which writes no .pyc unless asked.
    return { site: sitePackages(venv, stage), installer: "pip", compile: false, cacheDir, label: "pdm" };
  }
  const inProject = envTrue(env, "PIPENV_VENV_IN_PROJECT");
  const venv = inProject ? resolvePath(scope.cwd, ".venv") : `${homeOf(stage)}/.local/share/virtualenvs/app`;
  if (!info.system) stage.venvs.add(venv);
  return {
    site: info.system ? systemSite(stage) : sitePackages(venv, stage),
    installer: "pip",
    compile: true,
    cacheDir: envFlagSet(env, "PIP_NO_CACHE_DIR") ? null : `${homeOf(stage)}/.cache/pip`,
    label: "pipenv",
  };
}

/** `poetry export -f requirements.txt -o FILE` (main group unless `--with`) and `pdm export -o FILE` (its
 *  install's groups, without the project): the locked set written as `name==version` lines into the image,
 *  where a later `pip install -r FILE` reads it. */
export function lockExport(ctx: EstimateContext, stage: StageState, runScope: RunScope, info: Extract<CommandInfo, { kind: "lock-export" }>): void {
  const scope = inProject(runScope, info.directory);
  const lockName = info.tool === "pdm" ? "pdm.lock" : "poetry.lock";
  const what = `${info.tool} export`;
  if (info.output === null) {
    ctx.warn("export-to-stdout", `${what} without -o/--output prints to the terminal: a \`> file\` redirect is not followed, so a later \`pip install -r\` of that file is not counted from ${lockName}. Use --output FILE.`, scope.line);
    return;
  }
  const lockFile = findProjectFile(ctx.projectFiles, info.tool === "pdm" ? "pdm-lock" : "poetry-lock", `${scope.cwd}/${lockName}`);
  const manifestFile = findProjectFile(ctx.projectFiles, "pyproject", `${scope.cwd}/pyproject.toml`);
  const manifest = manifestOf(manifestFile);
  const env = markerEnvironment(stage.pythonMinor ?? "3.12");
  const imagePath = resolvePath(scope.cwd, expand(scope, info.output));
  const kind = info.tool === "pdm" ? "pdm-install" : "poetry-export";
  if (lockFile === null || !("lock" in lockFile)) {
    if (manifestFile === null || manifest === null) {
      ctx.warn("project-files-not-given", `${what} writes the packages of ${lockName}, which was not given: add ${lockName} (or pyproject.toml) as a project file to count them.`, scope.line);
      return;
    }
    // Without a lock the tool resolves pyproject.toml's constraints and writes the result: as its install
    // does here, the constraints stand in, and the later `pip install -r` resolves them from the table.
    ctx.warn("lock-not-given", `${what} writes the packages of ${lockName}, which was not given: the dependencies of ${manifestFile.path} are resolved from the package table instead. Add ${lockName} as a project file to weigh the locked set exactly.`, scope.line);
    const options = info.lock;
    const requirements = manifestRequirements(manifestFile.path, manifest, { main: options.main, extras: options.allExtras ? "all" : options.extras, groups: manifestGroups(kind, options, manifest) }, env);
    const lines = requirements.flatMap((r) => (r.name === null ? [] : [`${r.name}${r.extras.length > 0 ? `[${r.extras.join(",")}]` : ""}${r.specifier}`]));
    stage.generatedRequirements.set(imagePath, parseRequirementsFile(imagePath, lines.join("\n")));
    return;
  }
  const items = lockedItems(ctx, stage, scope, lockFile, lockFile.lock, manifest, selectionFor(kind, info.lock, manifest), env);
  const text = items.map((i) => (i.version === null ? i.name : `${i.name}==${i.version}`)).join("\n");
  stage.generatedRequirements.set(imagePath, parseRequirementsFile(imagePath, text));
}

export function poetryConfig(stage: StageState, info: Extract<CommandInfo, { kind: "poetry-config" }>): void {
  if (info.value !== null) stage.toolConfig.set(info.key, info.value);
}
