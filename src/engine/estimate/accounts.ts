// Users and groups a stage creates, for the build check's `COPY --chown=<name>` (verify/owners.ts). The
// names are kept as one set: `useradd NAME` also makes a group NAME on Debian (USERGROUPS_ENAB) and
// busybox `adduser` does on Alpine, and reading every option of four tools to tell users from groups
// would buy little. Every word that is not an option counts as a name (option values like `-u 1000` or
// `-s /bin/sh` only add names nobody chowns to): too many names can hide a defect, never invent one.
import { substituteVariables } from "../dockerfile/variables";
import type { CommandInfo } from "../shell/command-info";
import type { ShellCommand } from "../shell/types";
import type { RunScope } from "./python-install";
import type { StageState } from "./stage-state";

const ACCOUNT_TOOLS = new Set(["useradd", "adduser", "groupadd", "addgroup"]);

/** Paths whose copy may replace the user database (`COPY --from=build /etc/passwd /etc/passwd`, `COPY rootfs/ /`). */
const ACCOUNT_FILES = new Set(["/", "/etc", "/etc/passwd", "/etc/group"]);

/** Fold one RUN command into `stage.accounts` and `stage.homes` (before or after it runs: it only adds). */
export function noteAccounts(stage: StageState, scope: RunScope, command: ShellCommand, info: CommandInfo): void {
  noteHome(stage, scope, command);
  if (stage.accounts === null) return;
  // A package's maintainer scripts add system users (nginx → www-data, postgresql → postgres).
  if (info.kind === "apt-install" || info.kind === "apk-add") {
    stage.accounts = null;
    return;
  }
  for (const word of accountWords(command)) {
    const name = substituteVariables(word, scope.vars);
    if (name.unresolved.length > 0) {
      stage.accounts = null;
      return;
    }
    stage.accounts.add(name.value);
  }
}

/** The names a useradd/adduser/groupadd/addgroup command creates, as written (every word that is not an
 *  option: see the top of this file); none for any other command. */
export function accountWords(command: ShellCommand): string[] {
  const tool = command.words[0]?.value.split("/").at(-1) ?? "";
  return ACCOUNT_TOOLS.has(tool) ? command.words.slice(1).map((w) => w.value).filter((w) => !w.startsWith("-")) : [];
}

/** A COPY or ADD to `dest` (absolute) may bring its own /etc/passwd or /etc/group. */
export function noteCopyDestination(stage: StageState, dest: string): void {
  if (ACCOUNT_FILES.has(dest.replace(/(.)\/+$/, "$1"))) stage.accounts = null;
}

// The options of the user tools that take a value (as a separate word, or joined: `--home=/app`, `-d/app`).
// useradd's user is its last operand; adduser's (Debian's and busybox's) its first (a second names a group).
const USERADD_VALUES = new Set(["-b", "--base-dir", "-c", "--comment", "-d", "--home-dir", "-e", "--expiredate", "-f", "--inactive", "-g", "--gid", "-G", "--groups", "-k", "--skel", "-K", "--key", "-p", "--password", "-P", "--prefix", "-R", "--root", "-s", "--shell", "-u", "--uid", "-Z", "--selinux-user"]);
const ADDUSER_VALUES = new Set(["--home", "--shell", "--uid", "--gid", "--ingroup", "--gecos", "--comment", "--conf", "--firstuid", "--lastuid", "--firstgid", "--lastgid", "--add-extra-groups", "--extrausers", "-h", "-g", "-s", "-G", "-u", "-k"]);
const HOME_OPTIONS: Readonly<Record<string, readonly string[]>> = { useradd: ["-d", "--home-dir"], adduser: ["--home", "-h"] };

/**
 * The user a `useradd`/`adduser` command creates and the home directory it names (`useradd -d /app app`,
 * `adduser --home /srv/app app`, busybox `adduser -h /app -D app`), or null where it names none: such a
 * user's home is /home/NAME, as both tools default to (homeOf). Values as written, before substitution; the
 * UID where the command sets one (`USER 10001` names the same user).
 */
export function userHome(command: ShellCommand): { readonly user: string; readonly uid: string | null; readonly home: string } | null {
  const tool = command.words[0]?.value.split("/").at(-1) ?? "";
  const homeOptions = HOME_OPTIONS[tool];
  if (homeOptions === undefined) return null;
  const takesValue = tool === "useradd" ? USERADD_VALUES : ADDUSER_VALUES;
  const operands: string[] = [];
  let home: string | null = null;
  let uid: string | null = null;
  const words = command.words.slice(1).map((w) => w.value);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? "";
    if (word === "--") {
      operands.push(...words.slice(i + 1));
      break;
    }
    if (!word.startsWith("-") || word === "-") {
      operands.push(word);
      continue;
    }
    const eq = word.indexOf("=");
    const name = word.startsWith("--") && eq > 0 ? word.slice(0, eq) : word.startsWith("--") ? word : word.slice(0, 2);
    // A value joined to its option (`--home=/app`, `-d/app`), else the next word when the option takes one.
    const joined = word.startsWith("--") ? (eq > 0 ? word.slice(eq + 1) : null) : word.length > 2 && takesValue.has(name) ? word.slice(2) : null;
    const value = joined ?? (takesValue.has(name) ? words[++i] ?? null : null);
    if (homeOptions.includes(name) && value !== null) home = value;
    if ((name === "-u" || name === "--uid") && value !== null) uid = value;
  }
  const user = tool === "useradd" ? operands.at(-1) : operands[0];
  return user === undefined || home === null || home === "" ? null : { user, uid, home };
}

function noteHome(stage: StageState, scope: RunScope, command: ShellCommand): void {
  const named = userHome(command);
  if (named === null) return;
  const home = substituteVariables(named.home, scope.vars);
  if (home.unresolved.length > 0 || !home.value.startsWith("/")) return;
  const dir = home.value.replace(/(.)\/+$/, "$1");
  for (const key of [named.user, named.uid]) {
    const value = key === null ? null : substituteVariables(key, scope.vars);
    if (value !== null && value.unresolved.length === 0) stage.homes.set(value.value, dir);
  }
}
