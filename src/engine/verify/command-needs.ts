// What one shell command of a RUN needs from its stage: the executable it runs, and the files it reads
// (a requirements file, the project for `pip install .`, pyproject.toml for `uv sync`, a local .deb). Plain data for
// the build check; nothing here reads the stage.
import type { CommandInfo } from "../shell/command-info";
import type { ShellCommand } from "../shell/types";
import { bashOf, CHECKED } from "./executables";

export interface ExecutableNeed {
  /** The name looked up on PATH. */
  readonly name: string;
  /** True when the command runs the system pip (as `pip`, `pip3` or `python -m pip`), not a venv's. */
  readonly systemPip: boolean;
}

export interface FileNeed {
  /** As written (relative to the working directory, or absolute). */
  readonly path: string;
  /** How the user would say it: "installs requirements.txt", "installs the project in .". */
  readonly verb: string;
  /** Offset of the word that names it, or null for implied files (uv sync's pyproject.toml). */
  readonly offset: number | null;
}

/** The executable `command` runs, when the build check tracks it. */
export function executableNeed(command: ShellCommand, info: CommandInfo): ExecutableNeed | null {
  const first = command.words[0]?.value ?? "";
  // `/bin/bash` is bash wherever it is called from: Alpine has neither.
  if (bashOf(first) !== null) return { name: "bash", systemPip: false };
  // An absolute or relative path (`/opt/venv/bin/pip`, `./manage.py`) is not looked up on PATH.
  if (first === "" || first.includes("/") || first.includes("$")) return null;
  // `python3.11`, `pip3.12`: versioned names come from packages the model does not tell apart (deadsnakes,
  // distro pythonX.Y); only the exact tracked names are checked.
  const name = first;
  if (!CHECKED.has(name)) return null;
  const pipKind = info.kind === "pip-install" || info.kind === "pip-wheel" || info.kind === "pip-uninstall" || (info.kind === "pip-cache-purge" && info.installer === "pip");
  const venv = info.kind === "pip-install" && info.venv !== null;
  return { name: name === "apt" ? "apt-get" : name, systemPip: pipKind && !venv && (name.startsWith("pip") || name.startsWith("python")) };
}

/** The shell a `bash -c '…'` script runs in, when the build check tracks it (bash). */
export function shellNeed(command: ShellCommand): ExecutableNeed | null {
  const shell = command.shell;
  return shell !== undefined && bashOf(shell.slice(shell.lastIndexOf("/") + 1)) !== null ? { name: "bash", systemPip: false } : null;
}

/** Files the command reads from the image. */
export function fileNeeds(info: CommandInfo): FileNeed[] {
  switch (info.kind) {
    case "pip-install": {
      const needs: FileNeed[] = [];
      for (const f of [...info.requirementFiles, ...info.constraintFiles]) needs.push({ path: f.value, verb: `installs ${f.value}`, offset: f.word.start });
      for (const r of [...info.requirements, ...info.editables]) {
        // `.`, `./pkg`, `/src/pkg`: a local project (a wheel path is a file pip reads as well).
        if (/^(\.{1,2}(\/|$)|\/)/.test(r.value) && !r.value.includes("*")) needs.push({ path: r.value, verb: `installs the project in ${r.value}`, offset: r.word.start });
      }
      return needs;
    }
    case "pip-wheel":
      return info.requirementFiles.map((f) => ({ path: f.value, verb: `builds wheels from ${f.value}`, offset: f.word.start }));
    case "uv-sync":
      return [{ path: "pyproject.toml", verb: "runs uv sync, which reads pyproject.toml", offset: null }];
    case "poetry-install":
      return [{ path: "pyproject.toml", verb: "runs poetry install, which reads pyproject.toml", offset: null }];
    case "pdm-install":
      return [{ path: "pyproject.toml", verb: "runs pdm install, which reads pyproject.toml", offset: null }];
    case "apt-install":
    case "apk-add":
      // A path (`./chrome.deb`, `/tmp/x.apk`) is a package file apt or apk reads; a name has no slash.
      return info.packages.filter((p) => p.value.includes("/")).map((p) => ({ path: p.value, verb: `installs the package file ${p.value}`, offset: p.word.start }));
    default:
      return [];
  }
}
