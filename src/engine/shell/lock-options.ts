// Which parts of a project a locked install takes: the group, extra and project flags of `uv sync`
// (docs.astral.sh/uv/reference/cli/#uv-sync), `poetry install` / `poetry export`
// (python-poetry.org/docs/cli/#install, poetry-plugin-export), `pdm install` / `pdm sync`
// (pdm-project.org/latest/reference/cli/#install) and `pipenv install` (--dev).
import type { ShellWord } from "./types";

export interface LockOptions {
  /** Install the project's runtime dependencies (false for `--only-group X`, `--only-dev`, poetry
   *  `--only X` without `main`). */
  readonly main: boolean;
  /** Groups asked for by name (`--group X`, `--only-group X`, poetry `--with X` / `--only X`). */
  readonly groups: readonly string[];
  /** Groups turned off (`--no-group X`, `--no-dev` as `dev`, poetry `--without X`). */
  readonly noGroups: readonly string[];
  /** Whether the tool's default groups apply (uv: `dev` or `default-groups`; poetry: every non-optional
   *  group; poetry export: none). False with `--no-default-groups`, `--only-*`. */
  readonly defaultGroups: boolean;
  readonly allGroups: boolean;
  readonly extras: readonly string[];
  readonly allExtras: boolean;
  /** False for `uv sync --no-install-project` / `poetry install --no-root`. */
  readonly installProject: boolean;
  /** uv workspaces: the members `uv sync --package X` installs (normalised), else none (the root project). */
  readonly packages?: readonly string[];
  /** `uv sync --all-packages`: every workspace member. */
  readonly allPackages?: boolean;
}

/** Values of an option given as `--opt X`, `--opt=X`; poetry's are comma lists, extras may be space lists. */
function values(words: readonly string[], names: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? "";
    for (const name of names) {
      if (word === name) out.push(words[i + 1] ?? "");
      else if (word.startsWith(`${name}=`)) out.push(word.slice(name.length + 1));
    }
  }
  return out.flatMap((v) => v.split(/[,\s]+/)).map((v) => v.trim().toLowerCase().replace(/[-_.]+/g, "-")).filter((v) => v !== "");
}

/** The project directory a command is pointed at (`uv --directory D`, `uv sync --project D`, `poetry -C D`),
 *  wherever the option stands; null for the working directory. */
export function projectDirectory(words: readonly ShellWord[], names: readonly string[]): string | null {
  const all = words.map((w) => w.value);
  for (let i = 0; i < all.length; i++) {
    const word = all[i] ?? "";
    for (const name of names) {
      if (word === name) return all[i + 1] ?? null;
      if (word.startsWith(`${name}=`)) return word.slice(name.length + 1);
    }
  }
  return null;
}

export function uvSyncOptions(args: readonly ShellWord[]): LockOptions {
  const words = args.map((w) => w.value);
  const has = (name: string) => words.includes(name);
  const onlyGroups = values(words, ["--only-group"]);
  const onlyDev = has("--only-dev");
  const only = onlyGroups.length > 0 || onlyDev;
  return {
    main: !only,
    groups: [...values(words, ["--group"]), ...onlyGroups, ...(onlyDev ? ["dev"] : [])],
    noGroups: [...values(words, ["--no-group"]), ...(has("--no-dev") ? ["dev"] : [])],
    defaultGroups: !only && !has("--no-default-groups"),
    allGroups: has("--all-groups"),
    extras: values(words, ["--extra"]),
    allExtras: has("--all-extras"),
    installProject: !has("--no-install-project") && !only,
    packages: values(words, ["--package"]),
    allPackages: has("--all-packages"),
  };
}

/** `poetry install` and `poetry export` share the group flags; export takes only `main` by default. */
export function poetryOptions(args: readonly ShellWord[], command: "install" | "export"): LockOptions {
  const words = args.map((w) => w.value);
  const has = (name: string) => words.includes(name);
  const only = values(words, ["--only"]);
  const onlyRoot = has("--only-root");
  return {
    main: onlyRoot ? false : only.length === 0 || only.includes("main"),
    groups: [...values(words, ["--with"]), ...only.filter((g) => g !== "main")],
    noGroups: [...values(words, ["--without"]), ...(has("--no-dev") ? ["dev"] : [])],
    defaultGroups: command === "install" && only.length === 0 && !onlyRoot,
    allGroups: has("--all-groups"),
    extras: values(words, ["--extras", "-E"]),
    allExtras: has("--all-extras"),
    installProject: command === "install" && !has("--no-root"),
  };
}

/**
 * `pdm install` / `pdm sync`: the default group (the main dependencies) unless `--no-default`, every dev
 * group unless `--prod`, and the groups `-G` names — optional-dependency groups (extras) and dev groups
 * alike, `:all` for every one.
 */
export function pdmOptions(args: readonly ShellWord[]): LockOptions {
  const words = args.map((w) => w.value);
  const has = (...names: string[]) => names.some((name) => words.includes(name));
  const named = values(words, ["-G", "--group", "--with"]);
  const all = named.includes(":all");
  const groups = named.filter((g) => g !== ":all");
  return {
    main: !has("--no-default"),
    groups,
    noGroups: values(words, ["--without"]),
    defaultGroups: !has("--prod", "--production"),
    allGroups: all,
    extras: groups,
    allExtras: all,
    installProject: !has("--no-self"),
  };
}
