// RUN in the size model: the commands of one RUN build one layer. Files created and deleted in the same
// RUN never reach the image; files deleted in a later RUN stay in the layer that made them (a warning
// says so). Cache mounts take what is written under them out of the layer.
import type { InstructionNode } from "../dockerfile/model";
import { substituteVariables } from "../dockerfile/variables";
import { playwrightAptPackages } from "../knowledge";
import { recogniseCommand } from "../shell/recognise";
import type { CommandInfo } from "../shell/command-info";
import type { ShellCommand, ShellWord } from "../shell/types";
import type { FsEntry } from "./stage-fs";
import { noteAccounts } from "./accounts";
import { ASSUMPTIONS } from "./assumptions";
import { commandRuns, type IfBlocks } from "./branches";
import { stageNamed, type EstimateContext } from "./context";
import { copyUp } from "./copy-up";
import { resolvePath } from "./paths";
import { carryGeneratedRequirements, landingPath, touchesMadePath } from "./copy";
import { lockedInstall, lockExport, poetryConfig } from "./locked-install";
import { createVenv, pipInstall, pipWheel, type RunScope } from "./python-install";
import { playwrightCommand, pythonDownload } from "./python-downloads";
import { BREAK_SYSTEM_PACKAGES, PIP_INDEX_CONFIGURED } from "./pip-effects";
import { ScopeVariables } from "./scope-variables";
import { markSystemUnknown, markUnmodelled, type StageState } from "./stage-state";
import { apkAdd, apkDel, apkIndex, aptInstall, aptRemove, checkAptLists, aptUpdate, reportStranded } from "./system-install";

/** Commands that change nothing the model measures (metadata, tiny files, output). */
const NEGLIGIBLE = new Set([
  "echo", "printf", "mkdir", "chmod", "chown", "chgrp", "ln", "touch", "true", "false", "test", "[", "sed", "grep", "cat",
  "ls", "which", "groupadd", "addgroup", "usermod", "id", "whoami", "exit", "sleep", "env", "mv", "cp", "python", "python3",
  "pip", "pip3", "update-alternatives", "locale-gen", "ldconfig", "dpkg-reconfigure", "printenv", "su", "chsh", "install",
  "date", "uname", "tee", "tr", "cut", "xargs", "head", "tail", "sort", "wc", "nproc", "command", "type", "hash", "source", ".",
  "ulimit", "umask", "trap", "unset", "shift", "wait", "read", "eval", "exec", "dirname", "basename", "readlink", "realpath",
]);

/** Commands that make no file or executable the build check looks for (an unknown command may: after it,
 *  the check does not call anything missing in the stage). `mkdir` makes directories, recorded as such. */
const MAKES_NOTHING_CHECKED = new Set([
  "echo", "printf", "mkdir", "chmod", "chown", "chgrp", "true", "false", "test", "[", "sed", "grep", "ls", "which", "groupadd",
  "addgroup", "usermod", "id", "whoami", "exit", "sleep", "printenv", "locale-gen", "ldconfig", "dpkg-reconfigure", "date", "uname",
  "nproc", "command", "type", "hash", "ulimit", "umask", "trap", "unset", "shift", "wait", "read", "dirname", "basename", "readlink",
  "realpath", "rm", "useradd", "adduser", "cat", "head", "tail", "sort", "wc", "cut", "tr",
]);

/** The venv `. <venv>/bin/activate` (or `source …`) activates, as an absolute path; else null. */
function activatedVenv(words: readonly string[], scope: RunScope): string | null {
  if (words.length !== 2 || (words[0] !== "." && words[0] !== "source")) return null;
  const script = substituteVariables(words[1] ?? "", scope.vars);
  if (script.unresolved.length > 0 || !/\/bin\/activate$/.test(script.value)) return null;
  return resolvePath(scope.cwd, script.value.slice(0, -"/bin/activate".length) || ".");
}

/** `python setup.py install` (or `develop`): setuptools installs the project and its install_requires,
 *  which the model does not follow (it weighs `pip install .` from the project files): not a negligible
 *  script of the app, as most `python …` commands are, but an install counted as 0 bytes, and said so. */
function setupPyInstall(words: readonly string[]): boolean {
  return /(^|\/)setup\.py$/.test(words[1] ?? "") && words.slice(2).some((w) => w === "install" || w === "develop");
}

/** A Python interpreter as a command's name (`python`, `python3`, `python3.12`). */
const PYTHON = /^python(?:3(?:\.\d+)?)?$/;

/** An output redirection to a file (`> requirements.txt`, `>> file`), not to a descriptor or /dev/null. */
const REDIRECT_TO_FILE = /(^|[^0-9&>])>>?\s*(?!&|\/dev\/)[^\s&|;]/;

/** What adds an apt repository: a write under /etc/apt/sources.list(.d), or add-apt-repository. */
export const APT_SOURCES = /\/etc\/apt\/sources\.list|add-apt-repository|apt-add-repository/;

/** What may retarget Debian's own apt entries: archive.debian.org named, /etc/apt/sources.list itself (not
 *  the sources.list.d directory beside it), or a debian.sources file (deb822, bookworm on). */
const DEBIAN_SOURCES = /archive\.debian\.org|\/etc\/apt\/sources\.list(?![\w./-])|debian\.sources/g;

/** True when the RUN's text may retarget Debian's apt entries (stage-state.ts aptDebianSourcesAt). A line
 *  appended to sources.list (`>> /etc/apt/sources.list`, `tee -a`) adds a repository and changes none. */
function retargetsDebianSources(text: string): boolean {
  for (const match of text.matchAll(DEBIAN_SOURCES)) {
    const appended = match[0].startsWith("/") && /(?:>>|\btee\s+(?:-a|--append))\s*$/.test(text.slice(0, match.index));
    if (!appended) return true;
  }
  return false;
}

/** Where apt keeps its package lists. */
const APT_LISTS = "/var/lib/apt/lists";

/** True when an `rm` of `target` (resolved) deletes apt's lists: the directory, its contents, or a
 *  directory above it. */
function deletesAptLists(target: string): boolean {
  return target === `${APT_LISTS}/*` || APT_LISTS === target || APT_LISTS.startsWith(`${target}/`);
}

/**
 * A command whose words name variables the stage gives values (`python${PYV} -m venv /opt/venv`, `$PIP_INSTALL
 * numpy` with PIP_INSTALL="pip install --no-cache-dir", `poetry install --only $install_groups`, `pip install
 * $PKGS`): the shell expands them before running it, so the command is recognised again with those values
 * (an unquoted expansion split at blanks, and gone when empty, as the shell does). The rules read the parse's
 * recognition and leave such commands alone; the size and the build check follow what runs. A word whose
 * variable has no value is kept as written (the build check then knows the command is not fully read).
 */
function withWordsExpanded(command: ShellCommand, info: CommandInfo | undefined, scope: RunScope): CommandInfo | undefined {
  if (info === undefined || !command.words.some((w) => w.hasExpansion && w.value.includes("$"))) return info;
  const words: ShellWord[] = [];
  let changed = false;
  for (const word of command.words) {
    if (!word.hasExpansion || !word.value.includes("$")) {
      words.push(word);
      continue;
    }
    const expanded = substituteVariables(word.value, scope.vars);
    if (expanded.unresolved.length > 0 || expanded.value.includes("$")) {
      words.push(word);
      continue;
    }
    changed = true;
    const parts = word.quoted ? [expanded.value] : expanded.value.split(/\s+/).filter((part) => part !== "");
    for (const value of parts) words.push({ ...word, value, hasExpansion: false });
  }
  if (!changed || words.length === 0 || (words[0]?.value ?? "").trim() === "") return info;
  return recogniseCommand({ ...command, words });
}

/**
 * An `rm` that deletes installed packages (not wheel files or caches): they are not in the image, and what
 * imports them fails. The classic case is Poetry's: its virtualenvs live under its cache dir unless told
 * otherwise, so `POETRY_CACHE_DIR=/tmp/c poetry install; rm -rf /tmp/c` deletes the app's environment.
 */
function noteInstallsRemoved(ctx: EstimateContext, stage: StageState, line: number, written: string, selected: readonly FsEntry[]): void {
  const names = [...new Set(selected.filter((e) => e.category === "python" && e.pythonPackage !== null && !e.wheelFile).map((e) => e.pythonPackage ?? ""))];
  if (names.length === 0) return;
  const shown = names.slice(0, 3).join(", ") + (names.length > 3 ? ` and ${names.length - 3} more` : "");
  const poetry = selected.some((e) => e.path.includes("/virtualenvs/")) ? " Poetry keeps its virtualenvs under its cache dir unless virtualenvs.in-project or virtualenvs.create is false." : "";
  ctx.check({
    line, column: 1, stage: stage.index, severity: "warning", subject: written, code: "installed-packages-removed",
    message: `rm ${written} deletes installed packages (${shown}): they are not in the image, and what imports them fails.${poetry}`,
  });
}

export function estimateRun(ctx: EstimateContext, stage: StageState, node: InstructionNode): void {
  const run = node.run;
  if (run === null) return;
  const scope: RunScope = { vars: new ScopeVariables(stage.vars, ctx.expansion), cwd: stage.workdir, line: node.range.startLine };
  for (const mount of run.mounts) if (mount.type === "bind" && mount.from !== null && mount.target !== null) mountFromStage(ctx, stage, mount.from, mount.source ?? "/", mount.target);
  // A RUN that writes a file by redirection, or whose shell the splitter could not read, makes what the
  // model does not know.
  if (run.script === null || run.problems.length > 0) markSystemUnknown(stage, scope.line);
  else if (REDIRECT_TO_FILE.test(run.script.text)) markUnmodelled(stage, scope.line);
  // Another apt repository (Google's Chrome, PostgreSQL's pgdg, NodeSource): apt may install names Debian's
  // lists lack, in this RUN and after it.
  if (run.script !== null && APT_SOURCES.test(run.script.text)) stage.aptSourcesAt ??= scope.line;
  if (run.script !== null && retargetsDebianSources(run.script.text)) stage.aptDebianSourcesAt ??= scope.line;
  const unknown = new Set<string>();
  const downloads = new Set<string>();
  const autoremove = run.infos.some((i) => i.kind === "apt-autoremove" || (i.kind === "apt-remove" && i.autoremove));
  // `pip config set global.break-system-packages true`, `rm /usr/lib/python3.11/EXTERNALLY-MANAGED`: PEP 668
  // lifted for the stage's later pip installs (pip-effects.ts checkExternallyManaged). The RUN's text is
  // tested once; its commands only when it names either.
  const liftsPep668 = run.script !== null && /break-system-packages|EXTERNALLY-MANAGED/.test(run.script.text);
  const setsPipIndex = run.script !== null && /index-url|find-links|pip\.conf/.test(run.script.text);
  // apt's lists (or all of /var/lib/apt) mounted in: what they hold is not known here.
  const aptListsMounted = run.mounts.some((m) => m.target !== null && /^\/var\/lib\/apt(\/|$)|^\/var\/lib\/?$/.test(resolvePath(stage.workdir, m.target)));
  const blocks: IfBlocks = new Map();
  run.commands.forEach((command, i) => {
    // A branch of an `if` the build args rule out does not run (branches.ts).
    if (command.branches !== undefined && !commandRuns(blocks, command, scope.vars)) return;
    if (liftsPep668 && run.infos[i]?.kind !== "pip-install" && command.words.some((w) => /break-system-packages|EXTERNALLY-MANAGED/.test(w.value))) stage.toolConfig.set(BREAK_SYSTEM_PACKAGES, "true");
    // `pip config set global.extra-index-url …`, `ln -s /run/secrets/pip.conf /etc/pip.conf`: pip reads another index.
    if (setsPipIndex && run.infos[i]?.kind !== "pip-install" && command.words.some((w) => /index-url|find-links|pip\.conf/.test(w.value))) stage.toolConfig.set(PIP_INDEX_CONFIGURED, "true");
    const restore = applyAssignments(scope, command.assignments);
    const info = withWordsExpanded(command, run.infos[i], scope);
    if (info === undefined) {
      restore();
      return;
    }
    ctx.reader.command(ctx, stage, scope, command, info, node);
    noteAccounts(stage, scope, command, info);
    // Arguments the model cannot read (`$(cat packages.txt)`, a variable without a value) may install or
    // make anything: from here on the build check does not call things missing.
    if (command.words.some((w, at) => at > 0 && unreadable(w.value, scope))) {
      // `apt-get install $(cat packages.txt)` may install anything; a pip or python command, only files.
      const filesOnly = info.kind === "pip-install" || info.kind === "pip-wheel" || (info.kind === "other" && (PYTHON.test(info.name) || MAKES_NOTHING_CHECKED.has(info.name)));
      if (filesOnly) markUnmodelled(stage, scope.line);
      else markSystemUnknown(stage, scope.line);
    }
    switch (info.kind) {
      case "pip-install":
        pipInstall(ctx, stage, scope, info);
        break;
      case "pip-wheel":
        pipWheel(ctx, stage, scope, info);
        break;
      case "poetry-install":
      case "pdm-install":
      case "pipenv-install":
      case "uv-sync":
        lockedInstall(ctx, stage, scope, info);
        break;
      case "lock-export":
        // The file it writes exists afterwards even when the lock was not given to read it from.
        if (info.output !== null) stage.madePaths.add(resolvePath(scope.cwd, substituteVariables(info.output, scope.vars).value));
        lockExport(ctx, stage, scope, info);
        break;
      case "poetry-config":
        poetryConfig(stage, info);
        break;
      case "venv-create":
        createVenv(ctx, stage, scope, info);
        break;
      case "pip-uninstall": {
        const names = new Set(info.packages.map((p) => p.value.toLowerCase()));
        reportStranded(ctx, stage.fs.remove(stage.fs.ofPackages(names)).stranded, scope.line, "pip uninstall");
        break;
      }
      case "pip-cache-purge":
        reportStranded(ctx, stage.fs.remove(stage.fs.inCategory("pipCache").filter((e) => (info.installer === "uv") === e.path.endsWith("/uv"))).stranded, scope.line, "the cache purge");
        break;
      case "apt-update":
        aptUpdate(ctx, stage, scope);
        break;
      case "apt-install":
        checkAptLists(ctx, stage, scope, info, aptListsMounted);
        aptInstall(ctx, stage, scope, info);
        break;
      case "apt-remove":
        aptRemove(ctx, stage, scope, info, autoremove);
        break;
      case "apk-add":
        apkAdd(ctx, stage, scope, info);
        break;
      case "apk-update":
        if (!info.noCache) apkIndex(stage);
        break;
      case "apk-del":
        apkDel(ctx, stage, scope, info);
        break;
      case "apk-cache-clean":
        stage.fs.remove(stage.fs.entriesAt("/var/cache/apk"));
        break;
      case "rm":
        for (const path of info.paths) {
          const target = resolvePath(scope.cwd, substituteVariables(path.value, scope.vars).value);
          if (target === "/") continue;
          // The lists an earlier `apt-get update` downloaded are gone: a later install needs its own update
          // (unless this RUN mounts them, when it empties the mount and the layer's lists stay).
          if (!aptListsMounted && deletesAptLists(target)) {
            stage.aptUpdatedAt = null;
            stage.aptListsDeletedAt = scope.line;
          }
          const selected = stage.fs.select(target).filter((e) => e.category !== "base");
          noteInstallsRemoved(ctx, stage, scope.line, path.value, selected);
          reportStranded(ctx, stage.fs.remove(selected).stranded, scope.line, `rm ${path.value}`);
        }
        break;
      case "find-delete":
        if (info.names.some((n) => n === "__pycache__" || /^\*\.py[co[\]]*$/.test(n))) {
          reportStranded(ctx, stage.fs.removePyc(resolvePath(scope.cwd, info.root)).stranded, scope.line, "find -delete");
        }
        break;
      case "cd":
        if (info.path !== null) scope.cwd = resolvePath(scope.cwd, substituteVariables(info.path, scope.vars).value);
        break;
      case "export":
        for (const a of info.assignments) scope.vars.set(a.name, substituteVariables(a.value, scope.vars).value);
        break;
      case "other": {
        // `. /opt/venv/bin/activate`: the venv's bin first on PATH and VIRTUAL_ENV, for the rest of this RUN
        // only (the next RUN is a new shell).
        const activated = activatedVenv(command.words.map((w) => w.value), scope);
        if (activated !== null) {
          scope.vars.set("VIRTUAL_ENV", activated);
          scope.vars.set("PATH", `${activated}/bin:${scope.vars.get("PATH") ?? stage.env.get("PATH") ?? ""}`);
          break;
        }
        // Most commands never name playwright: their words are not copied to be asked.
        const playwright = command.words.some((w) => w.value.endsWith("playwright")) ? playwrightCommand(command.words.map((w) => w.value)) : null;
        if (playwright !== null) {
          // Its apt half is Playwright's package list for the release; the browsers it downloads are not weighed.
          const deps = playwright.deps ? playwrightAptPackages(stage.family === "debian" || stage.family === "ubuntu" ? stage.distro : null, playwright.browsers) : null;
          if (deps !== null) {
            const word = command.words[0];
            if (word === undefined) break;
            aptUpdate(ctx, stage, scope);
            aptInstall(ctx, stage, scope, { kind: "apt-install", tool: "apt-get", packages: deps.packages.map((value) => ({ value, word })), noInstallRecommends: true, installWord: word });
            ctx.assume(ASSUMPTIONS.playwrightDeps.id, `${ASSUMPTIONS.playwrightDeps.text} Source: ${deps.source}.`, scope.line);
          } else if (playwright.deps) {
            unknown.add(`playwright ${playwright.downloads ? "install --with-deps" : "install-deps"}`);
            markSystemUnknown(stage, scope.line);
          }
          if (playwright.downloads) {
            downloads.add(`${info.name === "playwright" ? "playwright" : PYTHON.test(info.name) ? `${info.name} -m playwright` : `${info.name} playwright`} install`);
            markUnmodelled(stage, scope.line);
          }
          break;
        }
        const download = PYTHON.test(info.name) ? pythonDownload(command.words.map((w) => w.value)) : null;
        if (download !== null) downloads.add(download);
        else if (PYTHON.test(info.name) && setupPyInstall(command.words.map((w) => w.value))) unknown.add(`${info.name} setup.py install`);
        else if (info.name !== "" && !NEGLIGIBLE.has(info.name)) unknown.add(info.name);
        copyUp(ctx, stage, scope, command, info.name);
        if (info.name === "mkdir") {
          for (const word of command.words.slice(1)) if (!word.value.startsWith("-")) stage.madeDirs.add(resolvePath(scope.cwd, substituteVariables(word.value, scope.vars).value));
        } else if (PYTHON.test(info.name)) {
          // `python manage.py collectstatic`, a script of the app: files, not system packages.
          markUnmodelled(stage, scope.line);
        } else if (!MAKES_NOTHING_CHECKED.has(info.name)) {
          markSystemUnknown(stage, scope.line);
        }
        break;
      }
      default:
        break;
    }
    restore();
  });
  dropMountedPaths(stage, run.mounts.filter((m) => m.type === "cache" || m.type === "tmpfs" || m.type === "bind"));
  if (downloads.size > 0) {
    ctx.warn("unmodelled-download", `${[...downloads].map((n) => `\`${n}\``).join(", ")} downloads data the tables cannot weigh (a model, a corpus, a browser): counted as 0 bytes.`, scope.line);
  }
  if (unknown.size > 0) {
    ctx.warn("unmodelled-command", `${[...unknown].map((n) => `\`${n}\``).join(", ")} may add files the model does not know: counted as 0 bytes.`, scope.line);
  }
}

/** A command substitution, or a variable without a value. A word with neither `$` nor a backquote has none
 *  (checked first: most words of a long file are plain, and substitution allocates). */
function unreadable(word: string, scope: RunScope): boolean {
  if (!word.includes("$") && !word.includes("`")) return false;
  return /\$\(|`/.test(word) || substituteVariables(word, scope.vars).unresolved.length > 0;
}

/** What `applyAssignments` returns for a command without assignments (most): one function, not one per command. */
const NOTHING_TO_RESTORE = (): void => undefined;

/** `VAR=x cmd` sets VAR for that command only. */
function applyAssignments(scope: RunScope, assignments: readonly { name: string; value: string }[]): () => void {
  if (assignments.length === 0) return NOTHING_TO_RESTORE;
  const saved = assignments.map((a) => [a.name, scope.vars.get(a.name)] as const);
  for (const a of assignments) scope.vars.set(a.name, substituteVariables(a.value, scope.vars).value);
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) scope.vars.delete(name);
      else scope.vars.set(name, value);
    }
  };
}

/**
 * `RUN --mount=type=bind,from=STAGE,source=S,target=T`: for this RUN, what STAGE holds under S is visible at
 * T (the wheels a builder made, read by `pip install /wheels/*`). The entries are added to the RUN's layer
 * and dropped with the mount at its end (dropMountedPaths), so what the commands install from them stays
 * and the mounted files do not. From an image the tables do not break down, T exists with unknown content.
 */
function mountFromStage(ctx: EstimateContext, stage: StageState, from: string, source: string, target: string): void {
  const at = resolvePath(stage.workdir, target);
  const origin = stageNamed(ctx, from);
  if (origin === undefined || origin === stage || source.includes("$") || target.includes("$")) {
    stage.madePaths.add(at);
    return;
  }
  const path = resolvePath("/", source);
  if (origin.unmodelledAt !== null) stage.madePaths.add(at);
  if (touchesMadePath(origin, path)) stage.madePaths.add(at);
  for (const e of origin.fs.select(path)) stage.fs.add({ ...e, path: landingPath(path, e.path, at, false) });
  carryGeneratedRequirements(origin, stage, path, at, false);
}

/** What a RUN writes under a mounted path goes to the mount, not the layer. */
function dropMountedPaths(stage: StageState, mounts: readonly { target: string | null }[]): void {
  const layer = stage.fs.current;
  if (layer === undefined) return;
  for (const mount of mounts) {
    if (mount.target === null) continue;
    const target = resolvePath(stage.workdir, mount.target);
    stage.fs.remove(stage.fs.select(target).filter((e) => stage.fs.layerOf(e) === layer));
  }
}
