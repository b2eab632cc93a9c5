// The split shared by size/uv-multistage, size/poetry-multistage and size/pipenv-multistage: the tool
// builds the project's virtual environment in a builder stage, and the final stage, on the same official
// python image, copies only that venv. The tool itself (uv, poetry, pipenv and their own dependencies),
// its cache and the compilers stay in the builder. The venv's python is a link to the base image's
// /usr/local interpreter, so both stages must use the same image (as in size/multistage). The runtime
// libraries of -dev packages come from the same table as size/multistage (support/multistage-plan.ts).
import type { Analysis } from "../../analyze";
import type { InstructionNode, Stage } from "../../dockerfile/model";
import { resolvePath } from "../../estimate/paths";
import { parseImageRef } from "../../knowledge";
import type { CommandInfo } from "../../shell/command-info";
import type { TextEdit } from "../../text/edits";
import type { FixAlternative } from "../types";
import { runtimeOf, runtimeTarget } from "./multistage-plan";
import { hiddenInstall, runRole } from "./run-roles";
import { afterInstruction, continuesToEnd, finalRuntimeLine, finalStage, insertionPointBefore, instructionText, lineBreakOf, takenStageNames, workdirBefore } from "./stages";
import { firstNonRootUser } from "./words";

export type EnvTool = "uv" | "poetry" | "pipenv";

type ToolCommand = Extract<CommandInfo, { kind: "uv-sync" | "poetry-install" | "pipenv-install" }>;

const KIND: Readonly<Record<EnvTool, ToolCommand["kind"]>> = { uv: "uv-sync", poetry: "poetry-install", pipenv: "pipenv-install" };

/** The installs these rules split (size/multistage leaves the stages that hold one to them). */
export function isToolInstall(info: CommandInfo): info is ToolCommand {
  return info.kind === "uv-sync" || info.kind === "poetry-install" || info.kind === "pipenv-install";
}

/** Installers whose own package is build-only: `pip install uv|poetry|pipenv` stays in the builder. */
const TOOL_PACKAGES = /^(uv|poetry|pipenv|poetry-plugin-export|pip|setuptools|wheel)([<>=!~[;\s]|$)/i;

export interface ToolSplit {
  readonly stage: Stage;
  readonly tool: EnvTool;
  /** The absolute path of the venv the tool builds. */
  readonly venv: string;
  readonly builder: string;
  readonly builderEnd: InstructionNode;
  /** Instructions before the last install that the final stage repeats, as written. */
  readonly repeated: readonly string[];
  readonly runtime: readonly string[];
  readonly noRecommends: boolean;
  readonly libc: "glibc" | "musl";
  /** Edits inside the builder: flags (`--no-dev`, `--only main`) and ENV lines the split needs. */
  readonly builderEdits: readonly TextEdit[];
  /** What the builder edits change, for the reason. */
  readonly notes: readonly string[];
  /** True when the final stage already sets PATH to the venv's bin. */
  readonly pathSet: boolean;
}

export type ToolSplitOutcome = { readonly ok: true; readonly split: ToolSplit } | { readonly ok: false; readonly reason: string } | null;

const lineOf = (n: InstructionNode): number => n.range.startLine;

/** ENV values set in the stage before instruction index `index`. */
function envBefore(stage: Stage, index: number): Map<string, string> {
  const env = new Map<string, string>();
  for (const n of stage.instructions.slice(0, index)) if (n.keyword === "ENV") for (const p of n.pairs) env.set(p.name, p.value);
  return env;
}

const truthy = (v: string | undefined): boolean => v !== undefined && /^(1|true|yes|on)$/i.test(v);
const falsy = (v: string | undefined): boolean => v !== undefined && /^(0|false|no|off)$/i.test(v);

/** Commands that may share a RUN with the tool's install and stay in the builder with it. */
const BUILD_ONLY = new Set<CommandInfo["kind"]>(["apt-update", "apt-install", "apk-add", "apk-update", "apt-clean", "apk-cache-clean", "apt-remove", "apt-autoremove", "apk-del", "pip-cache-purge", "rm", "set", "cd", "export", "poetry-config", "lock-export"]);

function ownCommand(i: CommandInfo): boolean {
  return isToolInstall(i)
    || (i.kind === "pip-install" && i.requirements.length > 0 && i.requirementFiles.length === 0 && i.requirements.every((r) => TOOL_PACKAGES.test(r.value)));
}

/** A RUN that installs the tool or runs it (with system packages and cleanups at most): builder only. */
function isBuildRun(node: InstructionNode): boolean {
  const infos = node.run?.infos ?? [];
  return infos.some(ownCommand) && infos.every((i) => ownCommand(i) || BUILD_ONLY.has(i.kind));
}

/** `COPY --from=ghcr.io/astral-sh/uv… /uv /bin/`: the uv binary, which the final stage does not need. */
function copiesTool(node: InstructionNode): boolean {
  return node.copy?.from != null && /astral-sh\/uv|(^|\/)uv:/.test(node.copy.from);
}

export function planToolSplit(analysis: Analysis, tool: EnvTool): ToolSplitOutcome {
  const stage = finalStage(analysis.model);
  if (stage === null) return null;
  const text = analysis.model.text;
  const installs = stage.instructions.filter((n) => (n.run?.infos ?? []).some((i) => i.kind === KIND[tool]));
  const lastInstall = installs[installs.length - 1];
  // Guard: the final stage does not install with this tool (already split, or another tool).
  if (lastInstall === undefined) return null;
  const refuse = (reason: string): ToolSplitOutcome => ({ ok: false, reason });
  if (stage.from.from?.baseStage != null) return refuse("the final stage is built FROM another stage, whose files it inherits");
  const from = stage.from.from;
  if (from == null || from.image === null) return refuse("the base image uses a build argument with no default");
  const ref = parseImageRef(from.image);
  const official = ref !== null && ref.repository === "python" && (ref.registry === null || /(^|\.)docker\.io$/.test(ref.registry));
  // Docker Hub's python only: uv's own images (ghcr.io/astral-sh/uv:python3.12-…) carry uv in the base, so
  // the same image in the final stage would keep it; which python image matches is left to the user.
  if (!official) {
    return refuse(`the base image ${from.rawImage} is not an official python image: the venv's python links to the base's interpreter, and the final stage would need the same one at the same path`);
  }
  if ((ref?.tag ?? "").includes("onbuild")) return refuse(`${from.rawImage} repeats its ONBUILD installs in every stage built on it`);
  const index = stage.instructions.indexOf(lastInstall);
  const before = stage.instructions.slice(0, index + 1);
  const user = firstNonRootUser(before, analysis.model.escapeChar);
  if (user !== null) return refuse(`line ${lineOf(user.node)} switches to user ${user.user} before the install: the final stage's copy of the venv would need that user's ownership, which is left to you`);
  for (const node of stage.instructions) {
    const hidden = hiddenInstall(node);
    if (hidden !== null) return refuse(`line ${lineOf(node)} runs ${hidden}, which Whaleweight cannot see into`);
  }
  // The venv each install builds: one, at an absolute path.
  const venvs = new Set<string>();
  const builderEdits: TextEdit[] = [];
  const notes: string[] = [];
  const nl = lineBreakOf(text);
  for (const node of installs) {
    const i = stage.instructions.indexOf(node);
    const env = envBefore(stage, i);
    const cwd = workdirBefore(stage, i, analysis.model.escapeChar);
    const info = (node.run?.infos ?? []).find((x): x is ToolCommand => x.kind === KIND[tool]);
    const command = node.run?.commands[(node.run.infos).indexOf(info as CommandInfo)];
    if (info === undefined || command === undefined) return refuse(`line ${lineOf(node)} could not be read`);
    const venv = venvOf(tool, info, env, cwd, stage, i);
    if (!venv.ok) return refuse(`line ${lineOf(node)}: ${venv.reason}`);
    venvs.add(venv.path);
    if (venv.addEnv !== null && !notes.includes(venv.addEnv)) {
      const at = insertionPointBefore(analysis.model, node);
      builderEdits.push({ start: at, end: at, text: `ENV ${venv.addEnv}${nl}` });
      notes.push(`ENV ${venv.addEnv} puts the venv in the project`);
    }
    const words = command.words.map((w) => w.value);
    const end = command.words[command.words.length - 1]?.end ?? command.end;
    if (tool === "uv") {
      const add = [
        !words.includes("--no-dev") && !truthy(env.get("UV_NO_DEV")) && !words.includes("--only-group") ? "--no-dev" : null,
        !words.includes("--no-editable") && !truthy(env.get("UV_NO_EDITABLE")) ? "--no-editable" : null,
      ].filter((x) => x !== null);
      if (add.length > 0) builderEdits.push({ start: end, end, text: ` ${add.join(" ")}` });
      if (add.includes("--no-dev")) notes.push("uv sync gets --no-dev, so the dev group stays out");
      if (add.includes("--no-editable")) notes.push("--no-editable installs the project into the venv instead of linking the builder's source");
    } else if (tool === "poetry") {
      if (!words.some((w) => w === "--only" || w.startsWith("--only=") || w === "--without" || w.startsWith("--without=") || w === "--no-dev")) {
        builderEdits.push({ start: end, end, text: " --only main" });
        notes.push("poetry install gets --only main, so the dev groups stay out");
      }
    } else if (words.includes("--dev") || words.includes("-d")) {
      return refuse(`line ${lineOf(node)} installs the dev packages too (pipenv install --dev): dropping them is your call`);
    }
  }
  if (venvs.size !== 1) return refuse("the installs build more than one environment");
  const [venv] = [...venvs];
  if (venv === undefined) return null;
  const names = takenStageNames(analysis.model);
  const builder = ["builder", `${tool}-builder`, "venv-builder"].find((n) => !names.has(n));
  if (builder === undefined) return refuse("the stage names builder, venv-builder and the tool's are all taken");

  const libc = analysis.estimate.stages[stage.index]?.libc ?? "glibc";
  const target = runtimeTarget(from.image, libc);
  const repeated: string[] = [];
  const systemPackages: { name: string; noRecommends: boolean }[] = [];
  for (const node of before) {
    const nodeText = instructionText(text, node);
    if (node.keyword === "RUN") {
      // The tool with other work in one RUN (`pipenv install && ./migrate`, fuzz case 19954): the builder
      // needs the RUN for the install, the final stage for the work, and there it would run a tool it lacks.
      if (!isBuildRun(node) && (node.run?.infos ?? []).some(ownCommand)) {
        return refuse(`line ${lineOf(node)} runs ${tool} in the same RUN as other work: splitting that RUN between the stages is left to you`);
      }
      if (isBuildRun(node) || runRole(node, nodeText) === "system-install") {
        for (const info of node.run?.infos ?? []) {
          if (info.kind === "apt-install") for (const p of info.packages) systemPackages.push({ name: p.value, noRecommends: info.noInstallRecommends });
          if (info.kind === "apk-add") for (const p of info.packages) systemPackages.push({ name: p.value, noRecommends: true });
        }
        continue;
      }
      const role = runRole(node, nodeText);
      if (role === "mixed" || role === "python-install") return refuse(`line ${lineOf(node)} installs or removes packages in the same RUN as other work: splitting that RUN between the stages is left to you`);
      if (role === "cleanup") continue;
      repeated.push(nodeText);
      continue;
    }
    if (copiesTool(node)) continue;
    repeated.push(nodeText);
  }
  const after = stage.instructions.slice(index + 1);
  // A package install after the venv is built (`RUN pip install -r requirements.txt`, `uv pip install .`)
  // would run in the final stage, which has neither the tool nor the compilers the builder keeps, and would
  // install outside the venv it copies. It also hid behind the install (fuzz case 4357): where the model
  // cannot see what the tool installed (no lock file given), the check of the input reads nothing after it,
  // so a file that install reads and nobody copied shows only in the split, as the rewrite's own error.
  const lateInstall = after.find((n) => (n.run?.infos ?? []).some((i) => i.kind === "pip-install" || i.kind === "pip-wheel" || i.kind === "venv-create"));
  if (lateInstall !== undefined) {
    return refuse(`line ${lineOf(lateInstall)} installs Python packages after ${tool} has built the venv: in the final stage that install would run without ${tool} and the compilers the builder keeps, so moving it into the builder is left to you`);
  }
  const finalText = [...repeated, ...after.map((n) => instructionText(text, n))].join("\n");
  // The app started through the tool (`uv run`, `poetry run`, `pipenv run`) needs it in the final image.
  const runsTool = /(^|[\s"'[,])(uv|poetry|pipenv)["']?[\s,]+["']?run\b/m.exec(finalText);
  if (runsTool !== null) return refuse(`the final stage calls ${runsTool[2] ?? tool} run, which needs ${tool} in the image: call the venv's programs directly (PATH) to leave it behind`);
  const runtime = runtimeOf(analysis, stage, systemPackages, finalText, target, libc);
  if (!runtime.ok) return runtime;
  // The final stage goes right after the install: not when the file ends continuing that RUN.
  if (continuesToEnd(text, lastInstall, analysis.model.escapeChar)) {
    return refuse(`line ${lineOf(lastInstall)} ends the file inside a line continuation (a trailing ${analysis.model.escapeChar}), so a stage added after it would be joined to that RUN`);
  }
  const pathSet = [...stage.instructions].some((n) => n.keyword === "ENV" && n.pairs.some((p) => p.name === "PATH" && p.value.split(":")[0]?.replace(/\/bin\/?$/, "") === venv));
  return { ok: true, split: { stage, tool, venv, builder, builderEnd: lastInstall, repeated, runtime: runtime.packages, noRecommends: runtime.noRecommends, libc, builderEdits, notes, pathSet } };
}

/** Where the tool puts the environment, and an ENV line that moves it into the project when it would
 *  otherwise land under the tool's cache or home (poetry, pipenv), which the final stage could not name. */
function venvOf(tool: EnvTool, info: ToolCommand, env: ReadonlyMap<string, string>, cwd: string, stage: Stage, index: number):
  { ok: true; path: string; addEnv: string | null } | { ok: false; reason: string } {
  const check = (path: string, addEnv: string | null) => (path.includes("$") ? { ok: false as const, reason: `the environment path ${path} uses a variable` } : { ok: true as const, path, addEnv });
  if (tool === "uv") {
    const dir = info.kind === "uv-sync" && info.directory !== null ? resolvePath(cwd, info.directory) : cwd;
    const path = resolvePath(dir, env.get("UV_PROJECT_ENVIRONMENT") ?? ".venv");
    if (path === "/usr/local" || path === "/usr") return { ok: false, reason: "uv sync installs into the system Python (UV_PROJECT_ENVIRONMENT), not a venv the final stage could copy: size/multistage's layout is left to you" };
    return check(path, null);
  }
  if (tool === "poetry") {
    const config = new Map<string, string>();
    // Up to the install's own RUN: `poetry config … && poetry install` is the common form.
    for (const n of stage.instructions.slice(0, index + 1)) for (const i of n.run?.infos ?? []) if (i.kind === "poetry-config" && i.value !== null) config.set(i.key, i.value);
    const setting = (name: string, key: string): string | undefined => env.get(name) ?? config.get(key);
    const active = env.get("VIRTUAL_ENV");
    if (falsy(setting("POETRY_VIRTUALENVS_CREATE", "virtualenvs.create"))) {
      if (active !== undefined) return check(resolvePath(cwd, active), null);
      return { ok: false, reason: "poetry installs into the system Python (virtualenvs.create false): the packages are spread over /usr/local, which the final stage cannot copy alone" };
    }
    if (active !== undefined) return check(resolvePath(cwd, active), null);
    const dir = info.kind === "poetry-install" && info.directory !== null ? resolvePath(cwd, info.directory) : cwd;
    if (truthy(setting("POETRY_VIRTUALENVS_IN_PROJECT", "virtualenvs.in-project"))) return check(resolvePath(dir, ".venv"), null);
    if (setting("POETRY_VIRTUALENVS_PATH", "virtualenvs.path") !== undefined) return { ok: false, reason: "poetry's virtualenvs.path names a folder whose venv gets a hashed name" };
    return check(resolvePath(dir, ".venv"), "POETRY_VIRTUALENVS_IN_PROJECT=1");
  }
  if (info.kind === "pipenv-install" && info.system) return { ok: false, reason: "pipenv install --system installs into the system Python: the packages are spread over /usr/local, which the final stage cannot copy alone" };
  return check(resolvePath(cwd, ".venv"), truthy(env.get("PIPENV_VENV_IN_PROJECT")) ? null : "PIPENV_VENV_IN_PROJECT=1");
}

/** The edits of the split: the builder named, its flags, and the final stage inserted after the install. */
export function toolSplitAlternative(analysis: Analysis, split: ToolSplit, extraBuilderEnv: string | null, id: string, title: string, reason: string): FixAlternative {
  const text = analysis.model.text;
  const nl = lineBreakOf(text);
  const fromNode = split.stage.from;
  const from = fromNode.from;
  const edits: TextEdit[] = [...split.builderEdits];
  const asMatch = /\s+AS\s+\S+\s*$/i.exec(instructionText(text, fromNode));
  if (asMatch !== null) edits.push({ start: fromNode.range.end - asMatch[0].length, end: fromNode.range.end, text: ` AS ${split.builder}` });
  else edits.push({ start: fromNode.range.end, end: fromNode.range.end, text: ` AS ${split.builder}` });
  if (extraBuilderEnv !== null) {
    const afterFrom = afterInstruction(text, fromNode);
    edits.push({ start: afterFrom, end: afterFrom, text: `ENV ${extraBuilderEnv}${nl}` });
  }
  const fromLine = `FROM ${from?.platform != null ? `--platform=${from.platform} ` : ""}${from?.rawImage ?? ""}${from?.stageName != null ? ` AS ${from.stageName}` : ""}`;
  const runtimeLine = finalRuntimeLine(analysis.model, split.builderEnd.stageIndex, split.builderEnd, split.libc, split.runtime, split.noRecommends);
  const copy = [`COPY --from=${split.builder} ${split.venv} ${split.venv}`, ...(split.pathSet ? [] : [`ENV PATH="${split.venv}/bin:$PATH"`])];
  // The repeated instructions (WORKDIR, the source) first, then the venv: a `COPY . .` of a context that
  // holds a local .venv would otherwise overwrite the one the builder made.
  const finalText = [fromLine, ...runtimeLine, ...split.repeated, ...copy].join(nl);
  const at = afterInstruction(text, split.builderEnd);
  const needsBreak = at === text.length && !text.endsWith("\n");
  edits.push({ start: at, end: at, text: `${needsBreak ? nl : ""}${nl}${finalText}${needsBreak ? "" : nl}` });
  return { id, title, edits: [{ file: "dockerfile", edits }], reason };
}
