// What a RUN does, in the terms a stage split needs: does it install Python packages, install system
// packages, only clean up after a build, run a script the rule cannot see into, or do other work that the
// final stage must repeat. Reads the parsed commands (nested `sh -c` scripts included), never the text.
import type { InstructionNode } from "../../dockerfile/model";
import type { CommandInfo } from "../../shell/command-info";
import type { ShellCommand } from "../../shell/types";

export type RunRole =
  /** pip installs or venv creation, possibly with system packages and cleanups in the same RUN. */
  | "python-install"
  /** apt/apk installs with their index updates and cleanups. */
  | "system-install"
  /** Only removes what a build added: `apk del .build-deps`, `apt-get purge gcc`, `rm -rf ~/.cache`. */
  | "cleanup"
  /** Work the app needs (mkdir, useradd, collectstatic…): the final stage repeats it. */
  | "work"
  /** One of the above mixed with work in the same RUN: it cannot be split between stages. */
  | "mixed";

const SYSTEM = new Set<CommandInfo["kind"]>(["apt-update", "apt-install", "apk-add", "apk-update"]);
/** Removals of packages or caches a build made. */
const REMOVALS = new Set<CommandInfo["kind"]>(["apt-remove", "apt-autoremove", "apk-del", "pip-cache-purge"]);
const TIDY = new Set<CommandInfo["kind"]>(["apt-clean", "apk-cache-clean", "rm", "find-delete", "set", "cd", "export"]);

/** Paths only a build fills: package indexes and download caches. */
const CACHE_PATH = /^(\/root\/\.cache|~\/\.cache|\$HOME\/\.cache|\/var\/lib\/apt\/lists|\/var\/cache|\/tmp\/)/;

/** Commands that only print or do nothing. `echo … > file` writes a file: not harmless (redirects are dropped by the splitter, so the RUN's text is checked). */
function isHarmless(info: CommandInfo, nodeText: string): boolean {
  if (info.kind !== "other") return false;
  if (info.name === "true" || info.name === ":") return true;
  return (info.name === "echo" || info.name === "printf") && !/[>|]/.test(nodeText.replace(/\|\||&&/g, ""));
}

/** A command that only tidies up, removes what a build added, or prints. */
function isPlain(info: CommandInfo, nodeText: string): boolean {
  return TIDY.has(info.kind) || REMOVALS.has(info.kind) || isHarmless(info, nodeText);
}

function hasKind(infos: readonly CommandInfo[], kinds: ReadonlySet<CommandInfo["kind"]>): boolean {
  return infos.some((i) => kinds.has(i.kind));
}

export function runRole(node: InstructionNode, nodeText: string): RunRole {
  const infos = node.run?.infos ?? [];
  if (infos.some((i) => i.kind === "pip-install" || i.kind === "venv-create")) {
    return infos.every((i) => i.kind === "pip-install" || i.kind === "venv-create" || SYSTEM.has(i.kind) || isPlain(i, nodeText)) ? "python-install" : "mixed";
  }
  if (hasKind(infos, SYSTEM)) return infos.every((i) => SYSTEM.has(i.kind) || isPlain(i, nodeText)) ? "system-install" : "mixed";
  const cleansCaches = infos.some((i) => i.kind === "rm" && i.paths.length > 0 && i.paths.every((p) => CACHE_PATH.test(p.value)));
  const removes = hasKind(infos, REMOVALS);
  if (removes || cleansCaches) return infos.every((i) => isPlain(i, nodeText)) ? "cleanup" : removes ? "mixed" : "work";
  return "work";
}

/**
 * The first command of a RUN that runs a script or build whose effect the rule cannot see (`./install.sh`,
 * `sh setup.sh`, `make install`, `python setup.py install`, `conda install`), as written; null when none.
 */
export function hiddenInstall(node: InstructionNode): string | null {
  for (const command of node.run?.commands ?? []) {
    const seen = describeHidden(command);
    if (seen !== null) return seen;
  }
  return null;
}

/** Build systems, other installers, and compilers: a RUN the final stage repeats must not need them. */
const HIDDEN_TOOLS = new Set(["make", "cmake", "ninja", "meson", "configure", "conda", "mamba", "micromamba", "pdm", "hatch", "pipx", "gcc", "g++", "cc", "c++", "clang", "cython", "cythonize", "cargo", "rustc", "gfortran"]);

function describeHidden(command: ShellCommand): string | null {
  // The first word decides; the others are read only for the answer's words (size/multistage asks this of
  // every command of the stage, and a `bulk` stage has tens of thousands of commands that are none of these).
  const first = command.words[0]?.value ?? "";
  const name = first.slice(first.lastIndexOf("/") + 1);
  if (first.startsWith("./") || first.endsWith(".sh")) return first;
  if (HIDDEN_TOOLS.has(name)) return firstWords(command, 2);
  // `sh FILE` / `bash FILE` (nested `sh -c` scripts were already expanded into commands).
  if (/^(sh|bash|dash|ash|zsh)$/.test(name)) {
    const script = command.words.slice(1).find((w) => !w.value.startsWith("-"))?.value;
    return script === undefined ? `${first} (a script read from a pipe)` : `${first} ${script}`;
  }
  const second = command.words[1]?.value;
  if (/^python(3(\.\d+)?)?$/.test(name) && (second === "setup.py" || second === "-")) return firstWords(command, 3);
  return null;
}

function firstWords(command: ShellCommand, n: number): string {
  return command.words.slice(0, n).map((w) => w.value).join(" ");
}
