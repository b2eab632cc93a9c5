// The build check (DESIGN §3): a reader of the estimator's walk. The walk calls it with the stage state
// *before* each instruction and each command of a RUN applies, and once at the end; it reports what would
// make the build fail (an executable or file the stage does not have yet, a COPY --from of nothing) or the
// image fail to run (a shared library left behind). It keeps no model of its own (STYLE 11).
import type { DockerfileModel, InstructionNode } from "../dockerfile/model";
import { substituteVariables } from "../dockerfile/variables";
import { envTrue, type EstimateContext } from "../estimate/context";
import { hasGlob, isUnder, resolvePath } from "../estimate/paths";
import type { RunScope } from "../estimate/python-install";
import { aptArchived } from "../estimate/debian-install";
import { venvOnPath } from "../estimate/pip-effects";
import { homeOf, type StageState } from "../estimate/stage-state";
import type { CommandInfo } from "../shell/command-info";
import type { ShellCommand } from "../shell/types";
import { describeError } from "../diagnostics";
import { alpineNameOfDebian } from "../knowledge";
import { LineIndex } from "../text/line-index";
import { satisfiesWithPrereleases } from "../cache/pep440";
import { executableNeed, fileNeeds, shellNeed } from "./command-needs";
import { bashOf, imageHasNoShell } from "./executables";
import { boundByMount, mayExist } from "./files";
import { checkCopyFrom } from "./copy-from";
import { checkChownOwner, checkRunChown } from "./owners";
import { missingPackageNames } from "./package-names";
import { checkFinalStage } from "./final-stage";
import { gitRequirements } from "./git-requirements";
import { baseBrowsersPath, BROWSERS_PATH, browsersUnderRoot, checkRootBrowsers, installsPlaywrightBrowsers, type RootBrowsers } from "./playwright-browsers";
import type { BuildCheckFinding, BuildCheckSink } from "./types";

export interface BuildReader {
  /** Before `node` applies to `stage`. */
  instruction(ctx: EstimateContext, stage: StageState, node: InstructionNode): void;
  /** Before one command of a RUN applies (`scope` holds the RUN's cd/export so far). */
  command(ctx: EstimateContext, stage: StageState, scope: RunScope, command: ShellCommand, info: CommandInfo, node: InstructionNode): void;
  /** After the last stage. */
  finish(ctx: EstimateContext, stages: readonly StageState[]): void;
}

/** Where a finding points: a line and column, and the stage. */
export interface At {
  readonly line: number;
  readonly column: number;
  readonly stage: number;
}

/** The position of a command (its first word) or of an offset in the file, in a stage. */
type Locate = (what: ShellCommand | number, stage: StageState) => At;

export type Report = (at: At, code: string, severity: BuildCheckFinding["severity"], subject: string, message: string) => void;

export function createBuildReader(model: DockerfileModel, sink: BuildCheckSink): BuildReader {
  // Made when a finding first needs a position: most analyses report nothing (and positions are found
  // only for what is reported), so the index of a long text's lines is not built for them.
  let lines: LineIndex | null = null;
  const report: Report = (at, code, severity, subject, message) => sink({ code, severity, message, subject, ...at });
  // Where a command (its first word) or an offset is: found only when a finding is reported. Most commands
  // report nothing, and a `bulk` file's tens of thousands of commands spent ~50 ms a plan on positions.
  const locate: Locate = (what, stage) => {
    const offset = typeof what === "number" ? what : (what.words[0]?.start ?? what.start);
    return { ...(lines ??= new LineIndex(model.text)).positionAt(offset), stage: stage.index };
  };
  // The command after `command` in its RUN. The walk reads a RUN's commands in order, so the search goes on
  // from the last one found: a RUN of thousands of commands must not make the check quadratic (and a map of
  // each RUN's commands, built for every RUN, cost more than the search).
  let lastNode: InstructionNode | null = null;
  let lastIndex = 0;
  const nextOf = (node: InstructionNode, command: ShellCommand): ShellCommand | undefined => {
    const commands = node.run?.commands ?? [];
    const from = lastNode === node ? lastIndex : 0;
    let index = commands.indexOf(command, from);
    if (index < 0 && from > 0) index = commands.indexOf(command);
    if (index < 0) return undefined;
    lastNode = node;
    lastIndex = index;
    return commands[index + 1];
  };
  // `apk add --virtual NAME` anywhere in the file: NAME is a group, never a package of the base image.
  // Gathered at the first `apk del` read (a file without one, every Debian-based file, never walks for it).
  let virtualNames: Set<string> | null = null;
  const virtualNamesOf = (): ReadonlySet<string> => (virtualNames ??= apkVirtualNames(model));
  // A bug in a check must not take the estimate down with it (the walk is the estimator's): it becomes one
  // warning at the line being read, and the other checks go on.
  const fault = (line: number, stage: number, error: unknown): void => {
    report({ line, column: 1, stage }, "build-check-fault", "warning", "fault", `The build check failed on this line (${describeError(error)}): please report this Dockerfile.`);
  };
  const safely = (line: number, stage: number, body: () => void): void => {
    try {
      body();
    } catch (error) {
      fault(line, stage, error);
    }
  };
  // Where the file first names poetry-plugin-export (-1: nowhere), found once: a `bulk` file may repeat
  // `poetry export` thousands of times.
  let pluginMention: number | null = null;
  const pluginMentionOf = (): number => (pluginMention ??= model.text.indexOf("poetry-plugin-export"));
  // Stages with a SHELL instruction so far: their RUNs (and those of stages built on them) are not /bin/sh's.
  const shellSet = new Set<number>();
  const ownShell = (stage: StageState): boolean => stageChain(model, stage.index).some((s) => shellSet.has(s));
  // The final stage's last instruction of each keyword (only that CMD, ENTRYPOINT or HEALTHCHECK takes
  // effect), found once: a long file may repeat CMD thousands of times.
  let lastByKeyword: Map<string, InstructionNode> | null = null;
  const lastOfKind = (stageIndex: number): Map<string, InstructionNode> => {
    if (lastByKeyword === null) {
      lastByKeyword = new Map();
      for (const n of model.stages[stageIndex]?.instructions ?? []) lastByKeyword.set(n.keyword, n);
    }
    return lastByKeyword;
  };
  // `playwright install` runs as root that left the browsers under /root: the final stage's user decides
  // whether that matters, known only at the end.
  const rootBrowsers: RootBrowsers[] = [];
  return {
    instruction(ctx, stage, node) {
      if (node.keyword === "SHELL") shellSet.add(stage.index);
      safely(node.range.startLine, stage.index, () => {
        if (node.copy?.from != null) checkCopyFrom(ctx, model, stage, node, report);
        if (node.copy?.chown != null) checkChownOwner(ctx, stage, node, report);
        if (node.keyword === "SHELL" || ((node.keyword === "CMD" || node.keyword === "ENTRYPOINT") && stage.index === model.stages.length - 1)) checkBashStart(stage, node, report);
        if (node.keyword === "RUN" && node.form === "shell" && !stage.executables.has("sh") && !ownShell(stage)) checkShellExists(model, stage, node, report);
        if (stage.index === model.stages.length - 1 && startsShell(node) && !stage.executables.has("sh") && !ownShell(stage) && lastOfKind(stage.index).get(node.keyword) === node) checkShellExists(model, stage, node, report);
      });
    },
    command(ctx, stage, scope, command, info, node) {
      // As `safely`, without a closure for each of a long file's commands.
      try {
        const next = nextOf(node, command);
        const required = !command.conditional && command.connectorBefore !== "||" && next?.connectorBefore !== "||";
        // A `bash -c "…"` in the RUN: its inner commands are spliced in, and bash has `source`.
        const bashInside = (): boolean => (node.run?.commands ?? []).some((c) => c.shell !== undefined && /bash$/.test(c.shell));
        if (required && command.words[0]?.value === "source" && (stage.family === "debian" || stage.family === "ubuntu") && !ownShell(stage) && !bashInside()) checkSource(stage, command, locate, report);
        readCommand(ctx, stage, scope, command, info, node, next, pluginMentionOf, locate, report, virtualNamesOf);
        // Most commands never name playwright: their words are not copied to be asked.
        if (required && runsAsRoot(stage) && command.words.some((w) => w.value.endsWith("playwright")) && installsPlaywrightBrowsers(command.words.map((w) => w.value))) {
          const base = model.stages[stageChain(model, stage.index).at(-1) ?? stage.index]?.from.from?.image ?? "";
          if (browsersUnderRoot(scope.vars.get(BROWSERS_PATH) ?? baseBrowsersPath(base), homeOf(stage))) rootBrowsers.push(locate(command, stage));
        }
      } catch (error) {
        fault(scope.line, stage.index, error);
      }
    },
    finish(ctx, stages) {
      safely(model.stages.at(-1)?.from.range.startLine ?? 1, Math.max(0, stages.length - 1), () => checkFinalStage(ctx, model, stages, report));
      const final = stages.at(-1);
      if (final !== undefined && rootBrowsers.length > 0) safely(model.stages.at(-1)?.from.range.startLine ?? 1, final.index, () => checkRootBrowsers(model, final, stageChain(model, final.index), rootBrowsers, report));
    },
  };
}

function readCommand(ctx: EstimateContext, stage: StageState, scope: RunScope, command: ShellCommand, info: CommandInfo, node: InstructionNode, next: ShellCommand | undefined,
  pluginMentionOf: () => number, locate: Locate, report: Report, virtualNamesOf: () => ReadonlySet<string>): void {
  // A command after `||`, or inside if/for/while, may not run (it is often the fallback that
  // installs what is missing): the check only reads commands that always run and must succeed.
  // A command before `||` is a probe (`uv --version || pip install uv`): its failure is handled.
  if (command.conditional || command.connectorBefore === "||" || next?.connectorBefore === "||") return;
  checkExecutable(stage, scope, command, info, locate, report);
  if (command.words[0]?.value === "chown") checkRunChown(stage, command.words.map((w) => w.value), () => locate(command, stage), report);
  for (const need of fileNeeds(info)) {
    const expanded = substituteVariables(need.path, scope.vars);
    if (expanded.unresolved.length > 0) continue;
    const path = resolvePath(scope.cwd, expanded.value);
    if (hasGlob(path) || boundByMount(node.run?.mounts ?? [], stage.workdir, path) || mayExist(stage, path, ctx.dockerignore)) continue;
    const at = locate(command, stage);
    report(need.offset === null ? at : locate(need.offset, stage), "file-not-in-image", "error", path,
      `Line ${at.line} ${need.verb}, which is not in the image yet: COPY it before this line (or bind-mount it).`);
  }
  // git first: a stage that has it needs no look into the requirement files.
  if (info.kind === "pip-install" && lacks(stage, scope, "git") && gitRequirements(ctx, stage, scope, info)) {
    const at = locate(command, stage);
    report(at, "missing-executable", "error", "git", `Line ${at.line} installs a git+ requirement, which pip clones with git — and this stage has no git: install git first.`);
  }
  // After another apt repository is added, a name Debian's lists lack may be that repository's.
  if (info.kind === "apt-install" && stage.distro !== null && stage.family !== "alpine" && stage.aptSourcesAt === null) {
    for (const name of missingPackageNames(info.packages.map((p) => p.value), stage.distro)) {
      report(locate(command, stage), "unknown-package", "error", `${name}@${stage.distro}`, `${name} is not a package of Debian ${stage.distro} (the base image's release): apt-get install fails.`);
    }
  }
  if (info.kind === "apk-add" && stage.family === "alpine") {
    for (const p of info.packages) {
      const name = p.value.replace(/[=<>~].*$/, "");
      const alpine = alpineNameOfDebian(name);
      if (alpine === undefined) continue;
      report(locate(command, stage), "unknown-package", "error", `${name}@alpine`,
        `${name} is Debian's name, not a package of Alpine: apk add stops with "unable to select packages". ${alpine === null ? "Alpine has no such package: drop it." : `Alpine's is ${alpine}.`}`);
    }
  }
  if (info.kind === "apk-del") checkApkDel(stage, command, info, virtualNamesOf(), locate, report);
  if (info.kind === "lock-export" && info.tool === "poetry") checkPoetryExport(stage, pluginMentionOf, command, locate, report);
  if (info.kind === "poetry-install") checkPoetryNoDev(stage, command, locate, report);
  // An archived Debian release: the image's sources.list still names deb.debian.org (unless the stage
  // rewrote it to archive.debian.org).
  if (info.kind === "apt-update" && aptArchived(stage)) {
    const at = locate(command, stage);
    report(at, "archived-release", "error", stage.distro ?? "",
      `Debian ${stage.distro} is no longer on deb.debian.org (it moved to archive.debian.org after its support ended): apt-get update stops with "does not have a Release file". Move to a supported base, or point /etc/apt/sources.list at archive.debian.org first.`);
  }
  if (info.kind === "pip-install" && info.installer === "uv") checkUvPipEnvironment(stage, scope, command, info, locate, report);
  if (info.kind === "uv-sync" && !info.active) checkUvSyncVirtualEnv(stage, scope, command, info, locate, report);
}

/** `uv sync` with VIRTUAL_ENV set elsewhere: for a project uv installs into its own environment (`.venv`, or
 *  UV_PROJECT_ENVIRONMENT) and only warns that VIRTUAL_ENV "does not match the project environment path and
 *  will be ignored" (docs.astral.sh/uv/concepts/projects/config/#project-environment-path). A builder that
 *  makes `/opt/venv`, syncs, and copies `/opt/venv` ships an empty environment: the app fails at import. */
function checkUvSyncVirtualEnv(stage: StageState, scope: RunScope, command: ShellCommand, info: Extract<CommandInfo, { kind: "uv-sync" }>, locate: Locate, report: Report): void {
  const get = (name: string) => scope.vars.get(name) ?? stage.env.get(name);
  const active = get("VIRTUAL_ENV");
  if (active === undefined || active === "" || get("UV_PROJECT_ENVIRONMENT") !== undefined || active.includes("$")) return;
  const cwd = info.directory === null ? scope.cwd : resolvePath(scope.cwd, info.directory);
  const project = resolvePath(cwd, ".venv");
  if (resolvePath(scope.cwd, active) === project) return;
  const at = locate(command, stage);
  report(at, "uv-sync-ignores-virtual-env", "warning", active,
    `Line ${at.line} runs uv sync, which installs into ${project}, not VIRTUAL_ENV (${active}): for a project uv ignores VIRTUAL_ENV. Set UV_PROJECT_ENVIRONMENT=${active}, or add --active, if the packages belong there.`);
}

/** The Poetry the stage installed with pip, when its version is known to be 2 or later (its `version` as
 *  pinned or weighed); null otherwise (none installed, 1.x, or a range the weighed release does not meet). */
function poetry2(stage: StageState): { version: string | null } | null {
  const poetry = stage.pythonPackages.get("poetry");
  if (poetry === undefined || poetry.version === null) return null;
  // A pin the table lacks is weighed as the nearest release it holds (poetry==1.4.2 as 2.x): the pin decides,
  // and a range the stand-in does not meet says nothing.
  const spec = poetry.specifier;
  const pinned = /^===?\s*(\d[^,;\s*]*)$/.exec(spec ?? "")?.[1] ?? null;
  const version = pinned ?? (spec === null || satisfiesWithPrereleases(poetry.version, spec) === true ? poetry.version : null);
  const major = version === null ? NaN : Number.parseInt(version, 10);
  return major >= 2 ? { version } : null;
}

/** `uv pip install` with no environment to install into: uv installs into the active venv (VIRTUAL_ENV,
 *  CONDA_PREFIX) or a `.venv` in the working directory or a parent, else stops with "No virtual environment
 *  found; run `uv venv` to create an environment, or pass `--system` to install into a non-virtual
 *  environment" (docs.astral.sh/uv/pip/environments). --system, UV_SYSTEM_PYTHON, --python / UV_PYTHON,
 *  --target and --prefix say where instead. */
function checkUvPipEnvironment(stage: StageState, scope: RunScope, command: ShellCommand, info: Extract<CommandInfo, { kind: "pip-install" }>, locate: Locate, report: Report): void {
  // Without uv itself, missing-executable says what matters.
  if (stage.unmodelledAt !== null || stage.base === null || lacks(stage, scope, "uv")) return;
  const o = info.options;
  if (o.system || o.target !== null || o.prefix !== null || o.root !== null || info.venv !== null) return;
  if (info.optionWords.some((w) => /^(--system|--python|-p|--target|--prefix)(=|$)/.test(w.value) || /^-p\S/.test(w.value))) return;
  const env = scope.vars;
  if (["VIRTUAL_ENV", "CONDA_PREFIX", "UV_PYTHON"].some((name) => (env.get(name) ?? "") !== "") || envTrue(env, "UV_SYSTEM_PYTHON")) return;
  // A .venv in the working directory or a parent (uv venv's default, uv sync's project environment).
  const dirs: string[] = [];
  for (let dir = scope.cwd; ; dir = resolvePath(dir, "..")) {
    dirs.push(dir);
    if (dir === "/") break;
  }
  if (dirs.some((dir) => stage.venvs.has(resolvePath(dir, ".venv")))) return;
  const at = locate(command, stage);
  report(at, "uv-no-environment", "error", "uv pip install",
    `Line ${at.line} runs uv pip install with no virtual environment active and none in ${scope.cwd} or above: uv stops with "No virtual environment found". Pass --system (or set UV_SYSTEM_PYTHON=1) to install into the image's Python, or create one first (uv venv, with VIRTUAL_ENV set for later RUNs).`);
}

/** `poetry install --no-dev` with Poetry 2, which removed the option (deprecated since 1.2 for
 *  `--without dev` / `--only main`): "The option \"--no-dev\" does not exist". */
function checkPoetryNoDev(stage: StageState, command: ShellCommand, locate: Locate, report: Report): void {
  if (!command.words.some((w) => w.value === "--no-dev")) return;
  const poetry = poetry2(stage);
  if (poetry === null) return;
  const at = locate(command, stage);
  report(at, "poetry-option-removed", "error", "--no-dev",
    `Line ${at.line} runs poetry install --no-dev, an option Poetry ${poetry.version ?? "2"} no longer has ("The option "--no-dev" does not exist"): use --without dev (or --only main), or pin poetry<2.`);
}

/** Poetry 2.0 no longer installs poetry-plugin-export, which `poetry export` is (python-poetry.org/blog,
 *  "Announcing Poetry 2.0.0": the export command must be installed as a plugin). A stage that pip-installs
 *  Poetry 2 (the table's newest, or a pin) without the plugin stops at `poetry export`. Any mention of the
 *  plugin before it (`poetry self add`, `pipx inject`) counts as installing it. */
function checkPoetryExport(stage: StageState, pluginMentionOf: () => number, command: ShellCommand, locate: Locate, report: Report): void {
  const poetry = poetry2(stage);
  if (poetry === null || stage.pythonPackages.has("poetry-plugin-export")) return;
  const version = poetry.version;
  const mention = pluginMentionOf();
  if (mention >= 0 && mention < command.start) return;
  const at = locate(command, stage);
  report(at, "poetry-export-missing", "error", "poetry export",
    `Line ${at.line} runs poetry export, which Poetry ${version ?? "2"} does not include: since Poetry 2.0 it is the poetry-plugin-export plugin. Install it beside Poetry (pip install poetry poetry-plugin-export), or pin poetry<2.`);
}

function apkVirtualNames(model: DockerfileModel): Set<string> {
  const names = new Set<string>();
  for (const s of model.stages) {
    for (const n of s.instructions) for (const i of n.run?.infos ?? []) if (i.kind === "apk-add" && i.virtual !== null) names.add(i.virtual);
  }
  return names;
}

/** True when the model knows `name` is not on the stage's PATH. */
function lacks(stage: StageState, scope: RunScope, name: string): boolean {
  if (stage.unmodelledAt !== null || stage.executables.has(name)) return false;
  // A venv's bin on PATH provides python and pip; any other directory on PATH the model does not know
  // (~/.local/bin, /opt/poetry/bin) may hold anything.
  if (/^(python3?|pip3?)$/.test(name) && venvOnPath(stage, scope) !== null) return false;
  return systemPathOnly(scope.vars.get("PATH") ?? "");
}

// The last PATH asked about and its answer: a stage's commands share one PATH, and splitting it again for
// each of a long file's commands allocated more than the rest of the check.
let lastPath: { readonly path: string; readonly systemOnly: boolean } | null = null;

/** True when every directory on `path` is a system bin directory, whose contents the model knows. */
function systemPathOnly(path: string): boolean {
  if (lastPath?.path !== path) {
    let systemOnly = true;
    for (const dir of path.split(":")) if (dir !== "" && !/^\/(usr\/local\/|usr\/)?s?bin\/?$/.test(dir)) systemOnly = false;
    lastPath = { path, systemOnly };
  }
  return lastPath.systemOnly;
}

/** `SHELL ["/bin/bash", …]` makes every later RUN start bash; a final `CMD`/`ENTRYPOINT` of bash starts the
 *  container with it. Alpine's images have no bash (busybox sh): the RUN fails, or the container does not
 *  start. */
function checkBashStart(stage: StageState, node: InstructionNode, report: Report): void {
  if (bashOf(node.args[0]) === null || stage.unmodelledAt !== null || stage.executables.has("bash") || !systemPathOnly(stage.vars.get("PATH") ?? "")) return;
  const what = node.keyword === "SHELL" ? "every RUN after it fails" : "the container does not start";
  report({ line: node.range.startLine, column: node.range.startColumn, stage: stage.index }, "missing-executable", "error", "bash",
    `Line ${node.range.startLine} starts ${node.args[0] ?? "bash"} with ${node.keyword}, which this stage does not have (${stage.baseLabel} does not ship it and no earlier step installs it): ${what}.${stage.family === "alpine" ? " On Alpine, install it (apk add --no-cache bash) or use /bin/sh." : ""}`);
}

/** `source` in a RUN of /bin/sh on Debian or Ubuntu, which is dash: it has `.` and no `source` (a bash
 *  builtin), so the command fails with "source: not found". Alpine's busybox sh has both. */
function checkSource(stage: StageState, command: ShellCommand, locate: Locate, report: Report): void {
  const at = locate(command, stage);
  report(at, "missing-executable", "error", "source",
    `Line ${at.line} runs source, which /bin/sh on ${stage.family === "ubuntu" ? "Ubuntu" : "Debian"} (dash) does not have: the RUN fails with "source: not found". Use . instead (. ${command.words[1]?.value ?? "FILE"}), or SHELL ["/bin/bash", "-c"].`);
}

/** The stage's current user is root (no USER, or USER root / 0). */
function runsAsRoot(stage: StageState): boolean {
  return stage.user === null || /^(root|0)(:|$)/.test(stage.user);
}

/** The stage and the stages it builds on (`FROM builder`), nearest first, as the model's FROM lines chain
 *  them (64 at most). */
function stageChain(model: DockerfileModel, index: number): number[] {
  const out: number[] = [];
  for (let s: number | null = index, guard = 0; s !== null && model.stages[s] !== undefined && guard < 64; guard++) {
    out.push(s);
    s = model.stages[s]?.from.from?.baseStage ?? null;
  }
  return out;
}

/** The final stage's CMD, ENTRYPOINT or HEALTHCHECK in shell form: Docker runs it as `/bin/sh -c "…"`
 *  (a shell-form CMD is appended to the image's ENTRYPOINT as `/bin/sh -c …`). */
function startsShell(node: InstructionNode): boolean {
  if (node.keyword === "CMD" || node.keyword === "ENTRYPOINT") return node.form === "shell" && node.args.length > 0;
  if (node.keyword !== "HEALTHCHECK") return false;
  // `HEALTHCHECK [OPTIONS] CMD command` (the options are flags) or `HEALTHCHECK NONE`.
  return node.args[0]?.toUpperCase() === "CMD" && node.args.length > 1 && !(node.args[1] ?? "").startsWith("[");
}

/** A shell-form RUN on an image with no shell (scratch, distroless, Chainguard's standard images): Docker
 *  cannot start /bin/sh, and the build stops there; a shell-form CMD, ENTRYPOINT or HEALTHCHECK of the
 *  final stage builds, and then the container cannot start (or is never healthy). A SHELL instruction or a
 *  shell copied in (busybox) is taken as the user's answer (the caller checks both). */
function checkShellExists(model: DockerfileModel, stage: StageState, node: InstructionNode, report: Report): void {
  // The image the stage (or the stage it builds on, and so on) names in FROM.
  const root = stageChain(model, stage.index).at(-1);
  const image = root === undefined ? null : (model.stages[root]?.from.from?.image ?? null);
  if (image === null || !imageHasNoShell(image)) return;
  const debug = /distroless/.test(image) ? ", or use the image's :debug tag while debugging" : "";
  const at = { line: node.range.startLine, column: node.range.startColumn, stage: stage.index };
  if (node.keyword === "RUN") {
    report(at, "missing-executable", "error", "sh", `Line ${node.range.startLine} is a shell-form RUN, but ${image} has no shell (/bin/sh): the build stops here. Run it in a builder stage and COPY the result in${debug}.`);
    return;
  }
  const what = node.keyword === "HEALTHCHECK"
    ? "the health check never runs and the container is reported unhealthy"
    : node.keyword === "CMD" ? "the container cannot start (a shell-form CMD is appended to the ENTRYPOINT as /bin/sh -c …)" : "the container cannot start";
  report(at, "missing-executable", "error", "sh",
    `Line ${node.range.startLine} is a shell-form ${node.keyword}, which Docker runs with /bin/sh -c, but ${image} has no shell: ${what}. Write it in exec form (${node.keyword === "HEALTHCHECK" ? 'HEALTHCHECK CMD ["…", "…"]' : `${node.keyword} ["…", "…"]`})${debug}.`);
}

function checkExecutable(stage: StageState, scope: RunScope, command: ShellCommand, info: CommandInfo, locate: Locate, report: Report): void {
  // `bash -c '…'`: bash first, then what the script runs.
  const shell = shellNeed(command);
  if (shell !== null && lacks(stage, scope, shell.name)) {
    const at = locate(command, stage);
    report(at, "missing-executable", "error", shell.name, `Line ${at.line} runs its commands with ${command.shell ?? shell.name} -c, which this stage does not have (${stage.baseLabel} does not ship it and no earlier step installs it).`);
  }
  checkUserBinPath(stage, command, locate, report);
  const need = executableNeed(command, info);
  if (need === null) return;
  // Certain whatever else the stage holds: the other distribution's package manager is not there.
  if (need.name === "apt-get" && (stage.family === "alpine" || stage.family === "wolfi")) {
    report(locate(command, stage), "apt-on-alpine", "error", "apt-get", "apt-get does not exist on Alpine images: this RUN fails (use apk).");
    return;
  }
  if (need.name === "apk" && (stage.family === "debian" || stage.family === "ubuntu")) {
    report(locate(command, stage), "apk-on-debian", "error", "apk", "apk does not exist on Debian-based images: this RUN fails (use apt-get).");
    return;
  }
  const removed = stage.removedExecutables.get("pip");
  if (need.systemPip && removed !== undefined && venvOnPath(stage, scope) === null) {
    const at = locate(command, stage);
    report(at, "pip-removed", "error", "pip", `Line ${at.line} runs pip, but ${removed}: this command fails (pip: not found / No module named pip).`);
    return;
  }
  if (lacks(stage, scope, need.name)) {
    const at = locate(command, stage);
    const busybox = stage.family === "alpine" && need.name === "useradd" ? " Alpine's busybox has adduser instead (adduser -D -u UID NAME), or install the shadow package"
      : stage.family === "alpine" && need.name === "groupadd" ? " Alpine's busybox has addgroup instead (addgroup -g GID NAME), or install the shadow package"
      : stage.family === "alpine" && need.name === "usermod" ? " On Alpine it comes with the shadow package" : "";
    report(at, "missing-executable", "error", need.name, `Line ${at.line} runs ${need.name}, which this stage does not have (${stage.baseLabel} does not ship it and no earlier step installs it).${busybox === "" ? "" : `${busybox}.`}`);
  }
}

/**
 * A command run by its path under a user base's bin (`/root/.local/bin/pdm`) that nothing put there: no
 * image ships ~/.local, and pip installs a package's scripts there only with --user (as root without it,
 * into /usr/local/bin), so the shell finds no such file.
 */
function checkUserBinPath(stage: StageState, command: ShellCommand, locate: Locate, report: Report): void {
  const path = command.words[0]?.value ?? "";
  const base = /^(\/root|\/home\/[^/$]+)\/\.local(?=\/bin\/)/.exec(path)?.[0];
  if (base === undefined || stage.unmodelledAt !== null || stage.fs.selectsAny(base)) return;
  for (const made of stage.madePaths) if (isUnder(path, made)) return;
  const at = locate(command, stage);
  report(at, "missing-executable", "error", path, `Line ${at.line} runs ${path}, which no step makes: ${base} comes from \`pip install --user\`, and pip installs a package's scripts there only then (as root without --user, into /usr/local/bin). Call it by its name.`);
}

/** `apk del NAME` of a virtual package (`.build-deps`) or build tool this stage never added. */
function checkApkDel(stage: StageState, command: ShellCommand, info: Extract<CommandInfo, { kind: "apk-del" }>, virtualNames: ReadonlySet<string>, locate: Locate, report: Report): void {
  if (stage.unmodelledAt !== null || stage.family !== "alpine") return;
  for (const p of info.packages) {
    const name = p.value;
    // Regular packages may come with the base image; virtual names and build tools never do.
    if (name.startsWith("-") || name.includes("$") || !(name.startsWith(".") || virtualNames.has(name) || /^(build-base|gcc|g\+\+|musl-dev|.*-dev)$/.test(name))) continue;
    // The one group asked about, not a set of every live group built for each `apk del` (a `bulk` stage
    // holds thousands of `apk del`, and its live groups grow with it).
    if (stage.fs.inGroups([`apk:${name}`]).length > 0) continue;
    report(locate(command, stage), "apk-del-not-added", "error", name, `apk del ${name}: this stage never added ${name} (apk add${name.startsWith(".") || virtualNames.has(name) ? " --virtual" : ""} ${name} is in another stage or missing), so the delete fails.`);
  }
}
