// What a shell command does, as far as image size and the rules care. `recogniseCommand` (recognise.ts)
// turns a `ShellCommand` into one of these; anything it does not know is `other` (adds 0 bytes, says so).
import type { LockOptions } from "./lock-options";
import type { ShellWord } from "./types";

export type { LockOptions } from "./lock-options";

/** A word argument, kept with its position so rules can edit it. */
export interface WordArg {
  readonly value: string;
  readonly word: ShellWord;
}

export interface PipOptions {
  readonly noCacheDir: boolean;
  readonly noCompile: boolean;
  readonly user: boolean;
  readonly prefix: string | null;
  readonly target: string | null;
  readonly root: string | null;
  readonly upgrade: boolean;
  readonly noDeps: boolean;
  readonly requireHashes: boolean;
  /** `uv pip install --system` / `--python X`. */
  readonly system: boolean;
  readonly indexUrl: string | null;
  readonly extraIndexUrls: readonly string[];
  readonly onlyBinary: string | null;
  readonly noBinary: string | null;
  /** `--install-option="--prefix=/install"`: a form removed from pip (23.1); rules rewrite it. */
  readonly legacyInstallOptionPrefix: string | null;
}

export interface PipInstall {
  readonly kind: "pip-install";
  /** `pip` covers pip, pip3, pip3.12, python -m pip, /path/bin/pip; `uv` is `uv pip install`. */
  readonly installer: "pip" | "uv";
  /** The executable as written: `pip`, `pip3`, `/opt/venv/bin/pip`, `python3 -m pip`, `uv pip`. */
  readonly executable: string;
  /** The venv the executable lives in (`/opt/venv` for `/opt/venv/bin/pip`), or null. */
  readonly venv: string | null;
  /** The `install` word: flags are inserted after it. */
  readonly installWord: ShellWord;
  /** Positional arguments: requirement specifiers, paths (`.`), URLs, wheel files. */
  readonly requirements: readonly WordArg[];
  readonly requirementFiles: readonly WordArg[];
  readonly constraintFiles: readonly WordArg[];
  readonly editables: readonly WordArg[];
  readonly options: PipOptions;
  /** The option words, for rewriting (`--install-option=…`). */
  readonly optionWords: readonly ShellWord[];
}

export type CommandInfo =
  | PipInstall
  | { readonly kind: "pip-uninstall"; readonly packages: readonly WordArg[] }
  /** `pip cache purge` / `pip cache remove …` / `uv cache clean`. */
  | { readonly kind: "pip-cache-purge"; readonly installer: "pip" | "uv" }
  /** `pip wheel … -w DIR`: builds wheels into a directory (a builder-stage idiom). */
  | {
      readonly kind: "pip-wheel";
      readonly wheelDir: string | null;
      readonly requirements: readonly WordArg[];
      readonly requirementFiles: readonly WordArg[];
      readonly constraintFiles: readonly WordArg[];
      readonly options: PipOptions;
      readonly installWord: ShellWord;
    }
  | {
      readonly kind: "poetry-install";
      readonly withoutDev: boolean;
      readonly noRoot: boolean;
      readonly lock: LockOptions;
      readonly compile: boolean;
      readonly directory: string | null;
      /** poetry's global `--no-cache` (before or after the subcommand): no artifact cache is kept. */
      readonly noCache: boolean;
      /** The `install` (or `sync`) word, where an added `--no-cache` goes. */
      readonly installWord: ShellWord;
    }
  /** `poetry export` / `pdm export`: the locked set written as a requirements file. */
  | { readonly kind: "lock-export"; readonly tool: "poetry" | "pdm"; readonly output: string | null; readonly lock: LockOptions; readonly directory: string | null }
  | { readonly kind: "pdm-install"; readonly lock: LockOptions; readonly directory: string | null }
  | { readonly kind: "poetry-config"; readonly key: string; readonly value: string | null }
  | { readonly kind: "pipenv-install"; readonly system: boolean; readonly deploy: boolean; readonly dev: boolean }
  | {
      readonly kind: "uv-sync"; readonly noDev: boolean; readonly frozen: boolean; readonly noCache: boolean; readonly lock: LockOptions; readonly compile: boolean; readonly directory: string | null;
      /** `--link-mode` as written (hardlink, copy, clone, symlink), or null. */
      readonly linkMode: string | null;
      /** `--active`: install into the active environment (VIRTUAL_ENV) rather than the project's. */
      readonly active: boolean;
    }
  /** `python -m venv P`, `virtualenv P`, `uv venv P`. */
  | { readonly kind: "venv-create"; readonly path: string; readonly tool: "venv" | "virtualenv" | "uv" }
  | { readonly kind: "apt-update"; readonly tool: "apt-get" | "apt" }
  | {
      readonly kind: "apt-install";
      readonly tool: "apt-get" | "apt";
      readonly packages: readonly WordArg[];
      readonly noInstallRecommends: boolean;
      readonly installWord: ShellWord;
    }
  | { readonly kind: "apt-remove"; readonly packages: readonly WordArg[]; readonly purge: boolean; readonly autoremove: boolean }
  | { readonly kind: "apt-autoremove" }
  | { readonly kind: "apt-clean" }
  | {
      readonly kind: "apk-add";
      readonly packages: readonly WordArg[];
      readonly noCache: boolean;
      /** `--virtual NAME` / `-t NAME`. */
      readonly virtual: string | null;
      readonly update: boolean;
      readonly addWord: ShellWord;
    }
  | { readonly kind: "apk-del"; readonly packages: readonly WordArg[] }
  /** `apk update`; with the global `--no-cache` it fetches the indexes and keeps none. */
  | { readonly kind: "apk-update"; readonly noCache: boolean }
  | { readonly kind: "apk-cache-clean" }
  | { readonly kind: "rm"; readonly paths: readonly WordArg[]; readonly recursive: boolean }
  /** `find ROOT … -delete` or `-exec rm`: deletes matches of `names` (e.g. `__pycache__`, `*.pyc`). */
  | { readonly kind: "find-delete"; readonly root: string; readonly names: readonly string[] }
  | { readonly kind: "useradd"; readonly user: string | null }
  | { readonly kind: "cd"; readonly path: string | null }
  | { readonly kind: "set"; readonly flags: string }
  | { readonly kind: "export"; readonly assignments: readonly { readonly name: string; readonly value: string }[] }
  | { readonly kind: "other"; readonly name: string };
