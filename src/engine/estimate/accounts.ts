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

/** Fold one RUN command into `stage.accounts` (before or after it runs: it only adds). */
export function noteAccounts(stage: StageState, scope: RunScope, command: ShellCommand, info: CommandInfo): void {
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
