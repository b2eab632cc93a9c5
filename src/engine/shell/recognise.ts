// From a simple command to what it does for image size (see command-info.ts). Wrappers that only change
// how a command runs (`sudo`, `env`, `exec`, `nice`, `time`, `command`) are looked through. Option tables
// follow the tools' own documentation: pip (pip.pypa.io, "pip install" options), uv (docs.astral.sh/uv),
// apt-get(8), apk(8). A tool or subcommand not listed here is `other`: it adds nothing to the estimate and
// no rule touches it.
import type { CommandInfo, PipInstall, PipOptions, WordArg } from "./command-info";
import { pdmOptions, poetryOptions, projectDirectory, uvSyncOptions } from "./lock-options";
import { splitCommands, takesScript } from "./split";
import type { ShellCommand, ShellProblem, ShellSource, ShellWord } from "./types";

/** pip options that take a value (the next word, or `--opt=value`). */
const PIP_VALUE_OPTIONS = new Set([
  "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url", "--extra-index-url",
  "-f", "--find-links", "-t", "--target", "--prefix", "--root", "--only-binary", "--no-binary",
  "--install-option", "--global-option", "--trusted-host", "--cache-dir", "--src", "--upgrade-strategy",
  "--progress-bar", "--python-version", "--platform", "--implementation", "--abi", "--log", "--log-file",
  "--timeout", "--retries", "--proxy", "--cert", "--client-cert", "--exists-action", "--report",
  "--config-settings", "-C", "--root-user-action", "--python", "-p", "-w", "--wheel-dir", "--keyring-provider",
  "--index-strategy", "--resolution", "--prerelease", "--link-mode", "--python-platform", "--extra",
  "--group", "--default-index", "--index", "--override", "--build-constraint", "-b", "--use-feature",
  "--use-deprecated", "--format", "--dest", "-d", "--only-group",
  // uv pip: `--requirements` is its spelling of -r; `--python-preference` takes only-managed|system|…
  "--requirements", "--python-preference",
]);

const PIP_GLOBAL_FLAGS = new Set(["-q", "--quiet", "-v", "--verbose", "--isolated", "--no-input", "--disable-pip-version-check", "--no-color", "--require-virtualenv", "--no-python-version-warning", "-qq", "-qqq", "-vv", "-vvv"]);

const APT_VALUE_OPTIONS = new Set(["-o", "--option", "-t", "--target-release", "-c", "--config-file", "-a", "--host-architecture"]);
const APK_VALUE_OPTIONS = new Set(["-X", "--repository", "-t", "--virtual", "--root", "-p", "--arch", "--keys-dir", "--repositories-file", "--cache-dir", "--timeout"]);

/**
 * How deep `sh -c "bash -c '…'"` is followed. Real Dockerfiles nest one level (a `sh -c` around an
 * install, to get `set -o pipefail` or a login shell); three leaves room without reading pathological input.
 */
const MAX_NESTING = 3;

export interface RecognisedScript {
  /** The script's commands, with every `sh -c SCRIPT` replaced by the commands of SCRIPT. */
  readonly commands: readonly ShellCommand[];
  /** `infos[i]` describes `commands[i]`. */
  readonly infos: readonly CommandInfo[];
  /** Problems found while splitting nested scripts (an unclosed quote inside the `sh -c` string). */
  readonly problems: readonly ShellProblem[];
}

/**
 * Recognise every command of a script, looking inside `sh -c "…"` / `bash -c '…'`: the quoted script is
 * split as a command list of its own, with offsets into the Dockerfile, so the estimator and every rule
 * see the pip/apt/apk calls in it and a rule can still insert a flag after `install`.
 */
export function recogniseScript(commands: readonly ShellCommand[], depth = 0): RecognisedScript {
  const out: ShellCommand[] = [];
  const infos: CommandInfo[] = [];
  const problems: ShellProblem[] = [];
  for (const command of commands) {
    const script = depth < MAX_NESTING ? nestedScript(command) : null;
    if (script === null) {
      out.push(command);
      infos.push(recogniseCommand(command));
      continue;
    }
    const split = splitCommands(script);
    const nested = recogniseScript(split.commands, depth + 1);
    problems.push(...split.problems, ...nested.problems);
    const shell = unwrap(command.words)[0]?.value ?? "";
    nested.commands.forEach((inner, i) => {
      // The first inner command takes the outer command's place in the chain (and names the shell, where it
      // is not plain sh: `bash -c` needs bash); all of them run only when the outer one would.
      const wrapped = i === 0 && basename(shell) !== "sh" && inner.shell === undefined ? { shell } : {};
      // Their place in `if` blocks is the outer command's: the inner script numbers its own blocks from 0,
      // which would collide with the outer ones (its commands then count in every branch, as before).
      const { branches: _inner, ...rest } = inner;
      const placed = { ...rest, ...wrapped, connectorBefore: i === 0 ? command.connectorBefore : inner.connectorBefore, conditional: inner.conditional || command.conditional };
      out.push(command.branches === undefined ? placed : { ...placed, branches: command.branches });
      infos.push(nested.infos[i] ?? { kind: "other", name: "" });
    });
    if (nested.commands.length === 0) {
      out.push(command);
      infos.push(recogniseCommand(command));
    }
  }
  return { commands: out, infos, problems };
}

/** `sh -c SCRIPT`, `/bin/bash -ec SCRIPT`, `bash -o pipefail -c SCRIPT`: the script with its offsets. */
function nestedScript(command: ShellCommand): ShellSource | null {
  const words = unwrap(command.words);
  const shell = words[0];
  if (shell === undefined || !/^(sh|bash|dash|ash|zsh)$/.test(basename(shell.value))) return null;
  for (let i = 1; i < words.length; i++) {
    const value = words[i]?.value ?? "";
    if (value === "-o" || value === "+o") {
      i++;
      continue;
    }
    // Option groups: `-c`, `-ec`, `-xec`, `-lc`; a word that is not an option means `sh FILE`.
    if (!/^[-+][a-zA-Z]+$/.test(value)) return null;
    // The splitter keeps offsets for the word after such an option only (`takesScript`).
    if (!takesScript(value)) continue;
    const script = words[i + 1];
    if (script === undefined || script.offsets === undefined || script.offsets.length !== script.value.length + 1) return null;
    return { text: script.value, offsets: script.offsets };
  }
  return null;
}

export function recogniseCommand(command: ShellCommand): CommandInfo {
  const words = unwrap(command.words);
  const first = words[0];
  if (first === undefined) return { kind: "other", name: "" };
  const name = basename(first.value);
  const rest = words.slice(1);

  if (isPipName(name)) return recognisePip(first.value, venvOf(first.value), rest, "pip");
  if (isPythonName(name)) return recognisePython(first, rest);
  switch (name) {
    case "uv":
      return recogniseUv(rest);
    case "poetry":
      return recognisePoetry(rest);
    case "pipenv":
      return recognisePipenv(rest);
    case "pdm":
      return recognisePdm(rest);
    case "virtualenv":
      return { kind: "venv-create", path: positionals(rest, new Set(["-p", "--python", "--prompt"]))[0]?.value ?? "venv", tool: "virtualenv" };
    case "apt-get":
    case "apt":
      return recogniseApt(name, rest);
    case "apk":
      return recogniseApk(rest);
    case "rm":
      return recogniseRm(rest);
    case "find":
      return recogniseFind(rest);
    case "useradd":
    case "adduser": {
      const args = positionals(rest, new Set(["-u", "--uid", "-g", "--gid", "-G", "--groups", "-s", "--shell", "-d", "--home-dir", "--home", "-h", "-c", "--comment", "-k", "-K", "-e", "-f", "--ingroup", "--gecos"]));
      return { kind: "useradd", user: args[args.length - 1]?.value ?? null };
    }
    case "cd":
      return { kind: "cd", path: rest.find((w) => !w.value.startsWith("-"))?.value ?? null };
    case "set":
      return { kind: "set", flags: rest.map((w) => w.value).join(" ") };
    case "export":
      return {
        kind: "export",
        assignments: rest.flatMap((w) => {
          const eq = w.value.indexOf("=");
          return eq > 0 ? [{ name: w.value.slice(0, eq), value: w.value.slice(eq + 1) }] : [];
        }),
      };
    default:
      return { kind: "other", name };
  }
}

/** Drop `sudo`, `env`, `exec`, … and their own options, so `sudo -E pip install x` reads as pip. */
function unwrap(words: readonly ShellWord[]): readonly ShellWord[] {
  let i = 0;
  for (let guard = 0; guard < 8 && i < words.length; guard++) {
    const name = basename(words[i]?.value ?? "");
    if (name === "sudo") {
      i++;
      while (i < words.length && (words[i]?.value ?? "").startsWith("-")) {
        const opt = words[i]?.value ?? "";
        i += /^-[ugCDhprTU]$/.test(opt) ? 2 : 1;
      }
    } else if (name === "env") {
      i++;
      while (i < words.length) {
        const value = words[i]?.value ?? "";
        if (value === "-u" || value === "--unset" || value === "-C" || value === "--chdir") i += 2;
        else if (value.startsWith("-") || /^[A-Za-z_][A-Za-z0-9_]*=/.test(value)) i++;
        else break;
      }
    } else if (name === "exec" || name === "command" || name === "nohup" || name === "time") {
      i++;
      while (i < words.length && /^-[a-z]$/.test(words[i]?.value ?? "")) i++;
    } else if (name === "nice" || name === "ionice" || name === "stdbuf") {
      i++;
      while (i < words.length && (words[i]?.value ?? "").startsWith("-")) {
        const opt = words[i]?.value ?? "";
        i += /^-[nc]$/.test(opt) ? 2 : 1;
      }
    } else {
      break;
    }
  }
  return i === 0 ? words : words.slice(i);
}

function basename(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash >= 0 ? path.slice(slash + 1) : path;
}

function isPipName(name: string): boolean {
  return /^pip(3(\.\d+)?)?$/.test(name);
}

function isPythonName(name: string): boolean {
  return /^python(3(\.\d+)?)?$/.test(name);
}

/** `/opt/venv/bin/pip` → `/opt/venv`; `pip` → null. System locations are not venvs. */
function venvOf(executable: string): string | null {
  const m = /^(.+)\/bin\/[^/]+$/.exec(executable);
  if (m === null) return null;
  const root = m[1] ?? "";
  if (root === "/usr" || root === "/usr/local" || root === "" || root === "/") return null;
  return root;
}

function recognisePython(first: ShellWord, rest: readonly ShellWord[]): CommandInfo {
  let i = 0;
  // Interpreter options before `-m` (`python3 -u -m pip`); `-c`/a script means it is not a module run.
  while (i < rest.length) {
    const value = rest[i]?.value ?? "";
    if (value === "-m") break;
    if (/^-[BOIsSuEqVbdRPvh]+$/.test(value)) {
      i++;
      continue;
    }
    if (value === "-W" || value === "-X") {
      i += 2;
      continue;
    }
    return { kind: "other", name: basename(first.value) };
  }
  const module = rest[i + 1]?.value;
  const args = rest.slice(i + 2);
  const venv = venvOf(first.value);
  if (module === "pip") return recognisePip(`${first.value} -m pip`, venv, args, "pip");
  if (module === "venv" || module === "virtualenv") {
    const path = positionals(args, new Set(["--prompt"]))[0]?.value ?? "venv";
    return { kind: "venv-create", path, tool: module === "venv" ? "venv" : "virtualenv" };
  }
  return { kind: "other", name: basename(first.value) };
}

function recogniseUv(rest: readonly ShellWord[]): CommandInfo {
  const args = skipGlobalOptions(rest, new Set(["--cache-dir", "--directory", "--project", "--config-file", "--color"]));
  const sub = args[0]?.value;
  if (sub === "pip") return recognisePip("uv pip", null, args.slice(1), "uv");
  if (sub === "sync") {
    const has = (...names: string[]): boolean => args.some((w) => names.includes(w.value));
    return {
      kind: "uv-sync", noDev: has("--no-dev", "--only-group") || args.some((w) => w.value.startsWith("--no-group")), frozen: has("--frozen", "--locked"),
      noCache: has("--no-cache", "-n") || rest.some((w) => w.value === "--no-cache"), lock: uvSyncOptions(args.slice(1)), compile: has("--compile-bytecode"),
      directory: projectDirectory(rest, ["--directory", "--project"]), linkMode: optionValue(args.map((w) => w.value), "--link-mode"),
      active: has("--active"),
    };
  }
  if (sub === "venv") {
    return { kind: "venv-create", path: positionals(args.slice(1), new Set(["--python", "-p", "--prompt"]))[0]?.value ?? ".venv", tool: "uv" };
  }
  if (sub === "cache" && (args[1]?.value === "clean" || args[1]?.value === "prune")) return { kind: "pip-cache-purge", installer: "uv" };
  return { kind: "other", name: sub === undefined ? "uv" : `uv ${sub}` };
}

function skipGlobalOptions(words: readonly ShellWord[], valued: ReadonlySet<string>): readonly ShellWord[] {
  let i = 0;
  while (i < words.length && (words[i]?.value ?? "").startsWith("-")) {
    i += valued.has(words[i]?.value ?? "") ? 2 : 1;
  }
  return words.slice(i);
}

function recognisePip(executable: string, venv: string | null, rest: readonly ShellWord[], installer: "pip" | "uv"): CommandInfo {
  // Global options may come before the subcommand (`pip --no-cache-dir install x`).
  let i = 0;
  const leading: ShellWord[] = [];
  while (i < rest.length) {
    const value = rest[i]?.value ?? "";
    if (!value.startsWith("-")) break;
    leading.push(rest[i] as ShellWord);
    if (PIP_VALUE_OPTIONS.has(value) && !PIP_GLOBAL_FLAGS.has(value)) {
      const next = rest[i + 1];
      if (next !== undefined) leading.push(next);
      i += 2;
    } else {
      i++;
    }
  }
  const subWord = rest[i];
  const sub = subWord?.value;
  const args = [...leading, ...rest.slice(i + 1)];
  if (subWord === undefined) return { kind: "other", name: installer === "uv" ? "uv pip" : "pip" };
  if (sub === "install" || sub === "wheel") {
    const parsed = parsePipArguments(args);
    if (sub === "wheel") {
      return {
        kind: "pip-wheel",
        wheelDir: parsed.values.get("--wheel-dir") ?? parsed.values.get("-w") ?? null,
        requirements: parsed.positionals,
        requirementFiles: parsed.requirementFiles,
        constraintFiles: parsed.constraintFiles,
        options: parsed.options,
        installWord: subWord,
      };
    }
    const info: PipInstall = {
      kind: "pip-install",
      installer,
      executable,
      venv,
      installWord: subWord,
      requirements: parsed.positionals,
      requirementFiles: parsed.requirementFiles,
      constraintFiles: parsed.constraintFiles,
      editables: parsed.editables,
      options: parsed.options,
      optionWords: parsed.optionWords,
    };
    return info;
  }
  if (sub === "uninstall") {
    return { kind: "pip-uninstall", packages: parsePipArguments(args).positionals };
  }
  if (sub === "cache" && (args.some((w) => w.value === "purge") || args.some((w) => w.value === "remove"))) {
    return { kind: "pip-cache-purge", installer };
  }
  return { kind: "other", name: `${installer === "uv" ? "uv pip" : "pip"} ${sub ?? ""}`.trim() };
}

interface ParsedPip {
  readonly positionals: WordArg[];
  readonly requirementFiles: WordArg[];
  readonly constraintFiles: WordArg[];
  readonly editables: WordArg[];
  readonly optionWords: ShellWord[];
  readonly values: Map<string, string>;
  readonly options: PipOptions;
}

function parsePipArguments(words: readonly ShellWord[]): ParsedPip {
  const positionals: WordArg[] = [];
  const requirementFiles: WordArg[] = [];
  const constraintFiles: WordArg[] = [];
  const editables: WordArg[] = [];
  const optionWords: ShellWord[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const extraIndexUrls: string[] = [];
  const installOptions: string[] = [];
  let endOfOptions = false;
  const taken: TakenOptions = { values, requirementFiles, constraintFiles, editables, extraIndexUrls, installOptions };

  for (let i = 0; i < words.length; i++) {
    const word = words[i] as ShellWord;
    const value = word.value;
    if (endOfOptions || !value.startsWith("-") || value === "-") {
      positionals.push({ value, word });
      continue;
    }
    if (value === "--") {
      endOfOptions = true;
      continue;
    }
    optionWords.push(word);
    const eq = value.indexOf("=");
    if (value.startsWith("--") && eq > 0) {
      takeOption(taken, value.slice(0, eq), value.slice(eq + 1), word);
      continue;
    }
    if (PIP_VALUE_OPTIONS.has(value)) {
      const next = words[i + 1];
      if (next !== undefined) {
        optionWords.push(next);
        takeOption(taken, value, next.value, next);
        i++;
      }
      continue;
    }
    // `-rrequirements.txt`, `-e.`: a short option with its value attached.
    const short = value.slice(0, 2);
    if (!value.startsWith("--") && value.length > 2 && PIP_VALUE_OPTIONS.has(short)) {
      takeOption(taken, short, value.slice(2), word);
      continue;
    }
    if (!value.startsWith("--") && value.length > 2) {
      // Combined short flags: `-qU`.
      for (const letter of value.slice(1)) flags.add(`-${letter}`);
      continue;
    }
    flags.add(value);
  }

  const legacyPrefix = installOptions.length === 0 ? null : installOptions.map((o) => /^--prefix[= ](.+)$/.exec(o.trim())?.[1]).find((p) => p !== undefined) ?? null;
  const options: PipOptions = {
    noCacheDir: hasAny(flags, ["--no-cache-dir", "--no-cache", "-n"]),
    noCompile: hasAny(flags, ["--no-compile"]),
    user: hasAny(flags, ["--user"]),
    prefix: values.get("--prefix") ?? null,
    target: values.get("--target") ?? values.get("-t") ?? null,
    root: values.get("--root") ?? null,
    upgrade: hasAny(flags, ["-U", "--upgrade"]),
    noDeps: hasAny(flags, ["--no-deps"]),
    requireHashes: hasAny(flags, ["--require-hashes"]),
    system: hasAny(flags, ["--system"]) || values.has("--python") || values.has("-p"),
    indexUrl: values.get("--index-url") ?? values.get("-i") ?? null,
    extraIndexUrls,
    onlyBinary: values.get("--only-binary") ?? null,
    noBinary: values.get("--no-binary") ?? null,
    legacyInstallOptionPrefix: legacyPrefix,
  };
  return { positionals, requirementFiles, constraintFiles, editables, optionWords, values, options };
}

/** Where parsePipArguments keeps an option's value. (A module function rather than a closure in it: it
 *  runs for every pip command, and tsx, which the fuzz runs under, names every closure it makes.) */
interface TakenOptions {
  readonly values: Map<string, string>;
  readonly requirementFiles: WordArg[];
  readonly constraintFiles: WordArg[];
  readonly editables: WordArg[];
  readonly extraIndexUrls: string[];
  readonly installOptions: string[];
}

function takeOption(into: TakenOptions, name: string, value: string, word: ShellWord): void {
  into.values.set(name, value);
  const arg = { value, word };
  if (name === "-r" || name === "--requirement" || name === "--requirements") into.requirementFiles.push(arg);
  else if (name === "-c" || name === "--constraint") into.constraintFiles.push(arg);
  else if (name === "-e" || name === "--editable") into.editables.push(arg);
  else if (name === "--extra-index-url") into.extraIndexUrls.push(value);
  else if (name === "--install-option") into.installOptions.push(value);
}

function hasAny(flags: ReadonlySet<string>, names: readonly string[]): boolean {
  for (const name of names) if (flags.has(name)) return true;
  return false;
}

// Callbacks of the readers below, made once (tsx, which the fuzz runs under, names each closure it makes).
const valueOf = (word: ShellWord): string => word.value;
const isOptionWord = (word: ShellWord): boolean => word.value.startsWith("-");
const turnsRecommendsOff = (word: ShellWord): boolean => /APT::Install-Recommends=(0|false)/i.test(word.value);

function recognisePoetry(rest: readonly ShellWord[]): CommandInfo {
  const args = skipGlobalOptions(rest, new Set(["-C", "--directory", "-P", "--project"]));
  const sub = args[0]?.value;
  const values = args.map((w) => w.value);
  if (sub === "install" || sub === "sync") {
    const without = values.flatMap((v, i) => (v === "--without" ? [values[i + 1] ?? ""] : v.startsWith("--without=") ? [v.slice(10)] : []));
    const only = values.flatMap((v, i) => (v === "--only" ? [values[i + 1] ?? ""] : v.startsWith("--only=") ? [v.slice(7)] : []));
    return {
      kind: "poetry-install",
      withoutDev: values.includes("--no-dev") || without.some((w) => w.split(",").includes("dev")) || only.some((o) => !o.split(",").includes("dev")),
      noRoot: values.includes("--no-root"),
      lock: poetryOptions(args.slice(1), "install"),
      compile: values.includes("--compile"),
      directory: projectDirectory(rest, ["-C", "--directory", "-P", "--project"]),
      noCache: rest.some((w) => w.value === "--no-cache"),
      installWord: args[0] as ShellWord,
    };
  }
  if (sub === "export") {
    const o = values.findIndex((v) => v === "-o" || v === "--output");
    const inline = values.find((v) => v.startsWith("--output="));
    return { kind: "lock-export", tool: "poetry", output: o >= 0 ? (values[o + 1] ?? null) : inline !== undefined ? inline.slice(9) : null, lock: poetryOptions(args.slice(1), "export"), directory: projectDirectory(rest, ["-C", "--directory", "-P", "--project"]) };
  }
  if (sub === "config") {
    const positional = args.slice(1).filter((w) => !w.value.startsWith("-"));
    return { kind: "poetry-config", key: positional[0]?.value ?? "", value: positional[1]?.value ?? null };
  }
  return { kind: "other", name: sub === undefined ? "poetry" : `poetry ${sub}` };
}

function recognisePdm(rest: readonly ShellWord[]): CommandInfo {
  const args = skipGlobalOptions(rest, new Set(["-p", "--project", "-c", "--config"]));
  const sub = args[0]?.value;
  const directory = projectDirectory(rest, ["-p", "--project"]);
  if (sub === "install" || sub === "sync") return { kind: "pdm-install", lock: pdmOptions(args.slice(1)), directory };
  if (sub === "export") {
    const values = args.map((w) => w.value);
    const o = values.findIndex((v) => v === "-o" || v === "--output");
    const inline = values.find((v) => v.startsWith("--output="));
    // The project itself only with --self; a format other than requirements.txt is not a file pip reads.
    const format = values[values.findIndex((v) => v === "-f" || v === "--format") + 1];
    if (values.some((v) => v === "-f" || v === "--format") && format !== "requirements") return { kind: "other", name: "pdm export" };
    return { kind: "lock-export", tool: "pdm", output: o >= 0 ? (values[o + 1] ?? null) : inline !== undefined ? inline.slice(9) : null, lock: { ...pdmOptions(args.slice(1)), installProject: false }, directory };
  }
  return { kind: "other", name: sub === undefined ? "pdm" : `pdm ${sub}` };
}

function recognisePipenv(rest: readonly ShellWord[]): CommandInfo {
  const sub = rest.find((w) => !w.value.startsWith("-"))?.value;
  const values = rest.map((w) => w.value);
  if (sub === "install" || sub === "sync") {
    return { kind: "pipenv-install", system: values.includes("--system"), deploy: values.includes("--deploy"), dev: values.includes("--dev") || values.includes("-d") };
  }
  return { kind: "other", name: sub === undefined ? "pipenv" : `pipenv ${sub}` };
}

function recogniseApt(tool: "apt-get" | "apt", rest: readonly ShellWord[]): CommandInfo {
  const args = positionals(rest, APT_VALUE_OPTIONS);
  const sub = args[0];
  const flags = new Set(rest.filter(isOptionWord).map(valueOf));
  const packages = args.slice(1).map(packageArg);
  switch (sub?.value) {
    case "update":
      return { kind: "apt-update", tool };
    case "install":
      return {
        kind: "apt-install",
        tool,
        packages,
        noInstallRecommends: flags.has("--no-install-recommends") || rest.some(turnsRecommendsOff),
        installWord: sub,
      };
    case "remove":
    case "purge":
      return { kind: "apt-remove", packages, purge: sub.value === "purge" || flags.has("--purge"), autoremove: flags.has("--auto-remove") || flags.has("--autoremove") };
    case "autoremove":
      // `apt-get autoremove [--purge] PKG…` removes the packages named too, as `remove --auto-remove` does.
      return packages.length > 0 ? { kind: "apt-remove", packages, purge: flags.has("--purge"), autoremove: true } : { kind: "apt-autoremove" };
    case "clean":
    case "autoclean":
      return { kind: "apt-clean" };
    default:
      return { kind: "other", name: sub === undefined ? tool : `${tool} ${sub.value}` };
  }
}

function recogniseApk(rest: readonly ShellWord[]): CommandInfo {
  const args = positionals(rest, APK_VALUE_OPTIONS);
  const sub = args[0];
  const values = rest.map(valueOf);
  switch (sub?.value) {
    case "add":
      return {
        kind: "apk-add",
        packages: args.slice(1).map(packageArg),
        noCache: values.includes("--no-cache"),
        virtual: optionValue(values, "--virtual", "-t"),
        update: values.includes("--update") || values.includes("-U") || values.includes("--update-cache"),
        addWord: sub,
      };
    case "del":
      return { kind: "apk-del", packages: args.slice(1).map(packageArg) };
    case "update":
      return { kind: "apk-update", noCache: values.includes("--no-cache") };
    case "cache":
      return args[1]?.value === "clean" || args[1]?.value === "purge" ? { kind: "apk-cache-clean" } : { kind: "other", name: "apk cache" };
    default:
      return { kind: "other", name: sub === undefined ? "apk" : `apk ${sub.value}` };
  }
}

/** The value of the first of `names` among `values` (`--virtual x`, `--virtual=x`), or null. */
function optionValue(values: readonly string[], ...names: string[]): string | null {
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? "";
    if (names.includes(v)) return values[i + 1] ?? null;
    for (const n of names) if (n.startsWith("--") && v.startsWith(`${n}=`)) return v.slice(n.length + 1);
  }
  return null;
}

/** `libpq5=15.4-0+deb12u1` → `libpq5`; `curl~8` → `curl`; `musl-dev>1.2` → `musl-dev`. */
function packageArg(word: ShellWord): WordArg {
  // (The text before the first operator, as `split(…)[0]` gives it, without an array per package.)
  const cut = word.value.search(/[=~<>]/);
  return { value: cut < 0 ? word.value : word.value.slice(0, cut), word };
}

function recogniseRm(rest: readonly ShellWord[]): CommandInfo {
  let recursive = false;
  const paths: WordArg[] = [];
  let endOfOptions = false;
  for (const word of rest) {
    if (!endOfOptions && word.value === "--") {
      endOfOptions = true;
    } else if (!endOfOptions && word.value.startsWith("--")) {
      if (word.value === "--recursive") recursive = true;
    } else if (!endOfOptions && word.value.startsWith("-") && word.value.length > 1) {
      if (/[rR]/.test(word.value)) recursive = true;
    } else {
      paths.push({ value: word.value, word });
    }
  }
  return { kind: "rm", paths, recursive };
}

function recogniseFind(rest: readonly ShellWord[]): CommandInfo {
  const values = rest.map((w) => w.value);
  const firstExpression = values.findIndex((v) => v.startsWith("-") || v === "(" || v === "!");
  const roots = firstExpression < 0 ? values : values.slice(0, firstExpression);
  const expression = firstExpression < 0 ? [] : values.slice(firstExpression);
  const names: string[] = [];
  for (let i = 0; i < expression.length; i++) {
    const v = expression[i];
    if ((v === "-name" || v === "-iname" || v === "-path" || v === "-regex") && expression[i + 1] !== undefined) names.push(expression[i + 1] ?? "");
  }
  const execIndex = expression.findIndex((v) => v === "-exec" || v === "-execdir");
  const deletes = expression.includes("-delete") || (execIndex >= 0 && basename(expression[execIndex + 1] ?? "") === "rm");
  if (!deletes) return { kind: "other", name: "find" };
  return { kind: "find-delete", root: roots[0] ?? ".", names };
}

/** Non-option words, skipping the values of options that take one. */
function positionals(words: readonly ShellWord[], valued: ReadonlySet<string>): ShellWord[] {
  const out: ShellWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as ShellWord;
    if (word.value.startsWith("-") && word.value !== "-") {
      if (valued.has(word.value)) i++;
      continue;
    }
    out.push(word);
  }
  return out;
}
