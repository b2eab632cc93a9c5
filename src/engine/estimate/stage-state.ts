// What the estimator knows about one stage while walking its instructions: environment, working
// directory, user, the base image's facts (libc, Python version, compiler) and what is installed where.
import type { BaseImageRow } from "../knowledge/types";
import type { RequirementsFile } from "../requirements/model";
import type { ResolvedPythonPackage } from "./types";
import { StageFs, type FsBudget } from "./stage-fs";

export interface StageState {
  readonly index: number;
  readonly name: string | null;
  readonly fs: StageFs;
  readonly base: BaseImageRow | null;
  /** The ref shown for the base (the table row's ref, or what FROM said when unknown). */
  readonly baseLabel: string;
  readonly libc: "glibc" | "musl" | null;
  /** `3.12` style; null when the image has no known Python. */
  readonly pythonMinor: string | null;
  /** Debian/Ubuntu suite or alpine version, for system-package lookups. */
  readonly distro: string | null;
  readonly family: BaseImageRow["family"] | null;
  /** True when FROM is a full `python:X` image (buildpack-deps: compilers and -dev packages included). */
  readonly fullPythonImage: boolean;
  hasCompiler: boolean;
  /** The musllinux_1_N wheels the image's pip takes (Platform.muslMinor); absent: current images'. */
  readonly muslMinor?: number;
  /** ENV values; change them with `setEnv`, which keeps `vars` in step. */
  readonly env: ReadonlyMap<string, string>;
  /** ARGs declared in this stage (global ones only when re-declared, as Docker does); set with `setArg`. */
  readonly args: ReadonlyMap<string, string>;
  /** What RUN/COPY see: `args` overlaid by `env` (Docker's precedence), kept up to date by `setEnv`/`setArg`
   *  instead of being merged per instruction, which made a file of many ENVs quadratic. */
  readonly vars: ReadonlyMap<string, string>;
  workdir: string;
  user: string | null;
  /** Venv directories created or copied into this stage. */
  readonly venvs: Set<string>;
  /** Debian packages present (requested ones and their closures), to count shared dependencies once. */
  readonly debInstalled: Set<string>;
  /** Python packages installed, per site-packages directory. */
  readonly pythonInstalled: Map<string, Set<string>>;
  /** App source bytes copied from the build context so far (capped at the context size). */
  appBytesCopied: number;
  /** Indexes of the stages this one names in `COPY --from`; with what those copy from, and what the stage
   *  it builds on copies from, they make `copiedFromAll`. Kept direct: merging each source's whole set
   *  into every stage made a long chain of stages quadratic. */
  readonly copiesFrom: Set<number>;
  /** The stage this one builds on (`FROM <stage>`), or null for an image. */
  readonly baseStage: number | null;
  /** True once application source has been copied: later layers are rebuilt on every source change. */
  sourceCopied: boolean;
  /** Executables on PATH (those `verify/executables` tracks), each with where it came from in user words. */
  readonly executables: Map<string, string>;
  /** Executables a step removed, with why (`pip install --prefix=/x --upgrade pip` uninstalls the running pip). */
  readonly removedExecutables: Map<string, string>;
  /** Line of the first thing the model cannot follow (an unknown base image, a RUN of an unknown command, a
   *  script): after it, files and executables may exist that the model does not know, so the build check
   *  does not call anything missing. Null while the stage is fully known. */
  unmodelledAt: number | null;
  /** Line of the first thing that may have installed system packages the model does not know (an unknown
   *  base image, a script or unknown command, arguments it cannot read): the runtime-library checks stop
   *  there. A python run or a file written by redirection makes files, not shared libraries: they set only
   *  `unmodelledAt`. Never later than `unmodelledAt`'s line when both are set. */
  systemUnknownAt: number | null;
  /** Line of the first RUN or COPY that adds an apt repository (writes under /etc/apt/sources.list*,
   *  add-apt-repository): apt may install names Debian's own lists lack from there on. Null otherwise. */
  aptSourcesAt: number | null;
  /** Line of the first RUN or COPY that may retarget Debian's own apt entries (an archived release moved to
   *  archive.debian.org): one naming archive.debian.org, writing /etc/apt/sources.list itself (not appending
   *  to it) or a debian.sources file. A repository's file added beside them (sources.list.d/google.list)
   *  leaves deb.debian.org's entries as they were. Null otherwise. */
  aptDebianSourcesAt: number | null;
  /** Line of the first `apt-get update` in this stage or the stages it builds on; null while none ran, or
   *  since a later `rm -rf /var/lib/apt/lists/*` deleted what it downloaded. */
  aptUpdatedAt: number | null;
  /** Line of the last RUN that deleted apt's lists (`rm -rf /var/lib/apt/lists/*`) with no update since:
   *  the stage has none then, whatever its base image shipped. Null otherwise. */
  aptListsDeletedAt: number | null;
  /** Paths that exist but whose content the model may not hold as entries (install prefixes and wheel
   *  directories whose packages were not counted, `poetry export -o` files, copies from images): anything
   *  under them may exist. */
  readonly madePaths: Set<string>;
  /** Directories made empty (WORKDIR, mkdir): they exist, and hold only what the entries say. */
  readonly madeDirs: Set<string>;
  /** Site directories (a venv's, a prefix's, --target's, the system's) that an install wrote packages to
   *  the model did not count (requirements or a lock not given, a local project): a COPY --from of a path
   *  that holds one carries bytes the total lacks, even where it selects entries around them. */
  readonly uncountedSites: Set<string>;
  /** `pip install --prefix=P` run by a distribution's python3 (not an official python image): Debian's
   *  scheme puts the packages under P/local/lib/python3.X/dist-packages, not P/lib/…/site-packages. */
  readonly distroPrefixes: Set<string>;
  /** Python packages compiled from source in this stage (sdists, `pip wheel`): their shared libraries must be
   *  present wherever they end up. */
  readonly builtFromSource: Set<string>;
  /** System packages a removal took out with what they pulled in (`apk del`, `apt-get purge --auto-remove`),
   *  by name, with the line: a library a package compiled here loads may have gone with them. */
  readonly autoRemoved: Map<string, number>;
  /** Python packages resolved in this stage and the stages it builds on, by name (StageSummary.pythonPackages). */
  readonly pythonPackages: Map<string, ResolvedPythonPackage>;
  /** `poetry config KEY VALUE` run in this stage (e.g. `virtualenvs.create` → `false`). */
  readonly toolConfig: Map<string, string>;
  /** Requirements files a command wrote into the image (`poetry export -o X`), by image path: a later
   *  `pip install -r X` reads them. */
  readonly generatedRequirements: Map<string, RequirementsFile>;
  /** Users and groups this stage and the stages it builds on created (`useradd`, `adduser`, `groupadd`,
   *  `addgroup`), beyond the base image's own; null once a step may have made any the model cannot name (a
   *  package install, whose scripts add system users; a copy into /etc). See estimate/accounts.ts. */
  accounts: Set<string> | null;
  /** Home directories the stage's `useradd -d` / `adduser --home` named, by user (homeOf). */
  readonly homes: Map<string, string>;
}

export function forkStage(parent: StageState, index: number, name: string | null): StageState {
  // Each collection below is copied whole, and input can grow some without bound (a RUN mkdir of thousands
  // of directories, then 127 stages built on it, peaked at 423 MB of heap): charged, an element a unit.
  let copied = parent.env.size + parent.venvs.size + parent.debInstalled.size + parent.executables.size + parent.removedExecutables.size
    + parent.madePaths.size + parent.madeDirs.size + parent.uncountedSites.size + parent.distroPrefixes.size + parent.builtFromSource.size + parent.autoRemoved.size + parent.pythonPackages.size
    + parent.toolConfig.size + parent.generatedRequirements.size + (parent.accounts?.size ?? 0) + parent.homes.size;
  for (const names of parent.pythonInstalled.values()) copied += names.size + 1;
  return {
    ...parent,
    index,
    name,
    fs: parent.fs.fork(copied),
    env: new Map(parent.env),
    args: new Map(),
    vars: new Map(parent.env),
    venvs: new Set(parent.venvs),
    copiesFrom: new Set(),
    baseStage: parent.index,
    debInstalled: new Set(parent.debInstalled),
    pythonInstalled: new Map([...parent.pythonInstalled].map(([k, v]) => [k, new Set(v)])),
    executables: new Map(parent.executables),
    removedExecutables: new Map(parent.removedExecutables),
    madePaths: new Set(parent.madePaths),
    uncountedSites: new Set(parent.uncountedSites),
    madeDirs: new Set(parent.madeDirs),
    distroPrefixes: new Set(parent.distroPrefixes),
    builtFromSource: new Set(parent.builtFromSource),
    autoRemoved: new Map(parent.autoRemoved),
    pythonPackages: new Map(parent.pythonPackages),
    toolConfig: new Map(parent.toolConfig),
    generatedRequirements: new Map(parent.generatedRequirements),
    accounts: parent.accounts === null ? null : new Set(parent.accounts),
    homes: new Map(parent.homes),
  };
}

type StageFields = Omit<StageState, "fs" | "env" | "args" | "vars" | "venvs" | "debInstalled" | "pythonInstalled" | "appBytesCopied" | "sourceCopied" | "workdir" | "user" | "copiesFrom" | "baseStage" | "executables" | "removedExecutables" | "madePaths" | "madeDirs" | "uncountedSites" | "distroPrefixes" | "builtFromSource" | "autoRemoved" | "pythonPackages" | "unmodelledAt" | "systemUnknownAt" | "aptSourcesAt" | "aptDebianSourcesAt" | "aptUpdatedAt" | "aptListsDeletedAt" | "toolConfig" | "generatedRequirements" | "accounts" | "homes">;

/** A stage on an image: `executables` are what the image ships (see verify/executables); `budget` is the
 *  estimate's (LIMITS.fsEntryLevels; unbounded when not given). */
export function newStage(fields: StageFields, env: ReadonlyMap<string, string>, executables: ReadonlyMap<string, string> = new Map(), budget?: FsBudget): StageState {
  return {
    ...fields,
    fs: new StageFs(undefined, budget),
    env: new Map(env),
    args: new Map(),
    vars: new Map(env),
    workdir: "/",
    user: null,
    venvs: new Set(),
    copiesFrom: new Set(),
    baseStage: null,
    debInstalled: new Set(),
    pythonInstalled: new Map(),
    appBytesCopied: 0,
    sourceCopied: false,
    executables: new Map(executables),
    removedExecutables: new Map(),
    unmodelledAt: null,
    systemUnknownAt: null,
    aptSourcesAt: null,
    aptDebianSourcesAt: null,
    aptUpdatedAt: null,
    aptListsDeletedAt: null,
    madePaths: new Set(),
    madeDirs: new Set(),
    uncountedSites: new Set(),
    distroPrefixes: new Set(),
    builtFromSource: new Set(),
    autoRemoved: new Map(),
    pythonPackages: new Map(),
    toolConfig: new Map(),
    generatedRequirements: new Map(),
    accounts: new Set(),
    homes: new Map(),
  };
}

/** An executable is now on PATH (installed by `origin`); it undoes an earlier removal. */
export function addExecutables(stage: StageState, names: Iterable<string>, origin: string): void {
  for (const name of names) {
    if (!stage.executables.has(name)) stage.executables.set(name, origin);
    stage.removedExecutables.delete(name);
  }
}

/** From here on the model cannot say what the stage lacks (first unknown thing wins). */
export function markUnmodelled(stage: StageState, line: number): void {
  stage.unmodelledAt ??= line;
}

/** The same, and system packages (shared libraries) may have been installed that the model does not know. */
export function markSystemUnknown(stage: StageState, line: number): void {
  markUnmodelled(stage, line);
  stage.systemUnknownAt ??= line;
}

/** $HOME for the stage's user: /root for root (and no USER), the home its `useradd -d` named, else
 *  /home/<user>. */
export function homeOf(stage: StageState): string {
  const home = stage.env.get("HOME");
  if (home !== undefined && home !== "") return home;
  if (stage.user === null || stage.user === "root" || stage.user === "0" || stage.user.startsWith("0:")) return "/root";
  const name = stage.user.split(":")[0] ?? stage.user;
  return stage.homes.get(name) ?? `/home/${name}`;
}

/** Indexes of every stage `stage` copies from, directly or through the stages it copies from or builds on
 *  (its own index too when it copies from itself). */
export function copiedFromAll(stage: StageState, stages: readonly StageState[]): Set<number> {
  const found = new Set<number>();
  const visited = new Set<StageState>();
  const todo = [stage];
  for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
    if (visited.has(next)) continue;
    visited.add(next);
    for (const index of next.copiesFrom) {
      found.add(index);
      const source = stages[index];
      if (source !== undefined) todo.push(source);
    }
    const base = next.baseStage === null ? undefined : stages[next.baseStage];
    if (base !== undefined) todo.push(base);
  }
  return found;
}

/** `ENV name=value`: ENV overrides ARG in what later instructions see. */
export function setEnv(stage: StageState, name: string, value: string): void {
  (stage.env as Map<string, string>).set(name, value);
  (stage.vars as Map<string, string>).set(name, value);
}

/** `ARG name=value` in the stage: visible unless an ENV of the same name hides it. */
export function setArg(stage: StageState, name: string, value: string): void {
  (stage.args as Map<string, string>).set(name, value);
  if (!stage.env.has(name)) (stage.vars as Map<string, string>).set(name, value);
}
