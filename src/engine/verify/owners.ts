// `COPY --chown=<user>[:<group>]` (and ADD) naming a user or group the stage does not have yet. The name is
// looked up in the stage's own /etc/passwd and /etc/group as the COPY runs: the classic builder fails
// ("unable to find user NAME: no matching entries in passwd file"), and so do Podman/Buildah and kaniko;
// BuildKit does not fail but gives the files to root (solver/llbsolver/file/user_linux.go, readUser: a
// name not found leaves UID/GID 0), so a later `USER NAME` cannot write them. Corpus 058's rewrite put
// `COPY --chown=locust` before `useradd locust`. Said only when the stage is fully known: an unmodelled
// RUN, a package install (its scripts add system users), a copy into /etc, or an image the tables do not
// know may all have made the name. Numeric IDs are never looked up.
import type { InstructionNode } from "../dockerfile/model";
import { expandWord } from "../dockerfile/unquote";
import { substituteVariables, type VariableLookup } from "../dockerfile/variables";
import type { EstimateContext } from "../estimate/context";
import type { StageState } from "../estimate/stage-state";
import type { Report } from "./build-check";

/** Users and groups of the base images' own /etc/passwd and /etc/group, by family: Debian's base-passwd
 *  (passwd.master and group.master, plus apt's `_apt`), Ubuntu's adds `ubuntu` (24.04), Alpine's
 *  alpine-baselayout (the union over its 3.x releases, which dropped some old ones). A family not here
 *  (wolfi) is not checked. */
const DEBIAN = ["root", "daemon", "bin", "sys", "sync", "games", "man", "lp", "mail", "news", "uucp", "proxy", "www-data", "backup", "list",
  "irc", "gnats", "nobody", "_apt", "adm", "tty", "disk", "kmem", "dialout", "fax", "voice", "cdrom", "floppy", "tape", "sudo", "audio", "dip",
  "operator", "src", "shadow", "utmp", "video", "sasl", "plugdev", "staff", "users", "nogroup", "systemd-journal"];
const ALPINE = ["root", "bin", "daemon", "adm", "lp", "sync", "shutdown", "halt", "mail", "news", "uucp", "operator", "man", "postmaster",
  "cron", "ftp", "sshd", "at", "squid", "xfs", "games", "cyrus", "vpopmail", "ntp", "smmsp", "guest", "nobody", "sys", "tty", "disk", "mem",
  "kmem", "wheel", "floppy", "console", "audio", "cdrom", "dialout", "input", "tape", "video", "netdev", "readproc", "kvm", "shadow", "cdrw",
  "www-data", "usb", "users", "nofiles", "locate", "abuild", "utmp", "ping", "nogroup"];
const SYSTEM_ACCOUNTS: Readonly<Record<string, ReadonlySet<string>>> = {
  debian: new Set(DEBIAN),
  ubuntu: new Set([...DEBIAN, "ubuntu"]),
  alpine: new Set(ALPINE),
};

/** True when `name` is an account of the base images of `family` (debian, ubuntu, alpine) before any RUN. */
export function isBaseAccount(family: string, name: string): boolean {
  return SYSTEM_ACCOUNTS[family]?.has(name) === true;
}

/** The parts of a `user[:group]` owner (a `--chown` value, a USER word) that are names `known` does not
 *  answer for; numeric IDs and empty parts are never looked up. */
/** True when `owner` (a `--chown` value as written) names a variable `vars` has no value for: the owner is
 *  then not known until the build, and neither the build check nor a rule's guard reads its names. A `$`
 *  that starts no variable (`flaskus${er`, an unclosed `${`) is part of a literal name. */
export function ownerHasUnresolvedVariable(owner: string, vars: VariableLookup): boolean {
  return owner.includes("$") && substituteVariables(owner, vars).unresolved.length > 0;
}

export function unknownOwners(owner: string, known: (name: string) => boolean): { what: "user" | "group"; name: string }[] {
  return owner.split(":").slice(0, 2).flatMap((name, i) =>
    name === "" || /^\d+$/.test(name) || known(name) ? [] : [{ what: i === 0 ? "user" as const : "group" as const, name }]);
}

/** Whether a user or group name exists in the stage so far (its base image's accounts and those its RUNs
 *  made), or null where that cannot be told (something unmodelled ran, an unknown base or family). */
function accountsOf(stage: StageState): ((name: string) => boolean) | null {
  if (stage.unmodelledAt !== null || stage.accounts === null || stage.base === null) return null;
  const system = stage.family === null ? undefined : SYSTEM_ACCOUNTS[stage.family];
  if (system === undefined) return null;
  return (name) => system.has(name) || stage.accounts?.has(name) === true;
}

export function checkChownOwner(ctx: EstimateContext, stage: StageState, node: InstructionNode, report: Report): void {
  const raw = node.copy?.chown;
  const known = raw == null ? null : accountsOf(stage);
  if (raw == null || known === null) return;
  if (ownerHasUnresolvedVariable(raw, stage.vars)) return;
  const owner = expandWord(raw, ctx.escapeChar, stage.vars);
  const flag = node.flags.find((f) => f.name === "chown");
  const at = { line: flag?.range.startLine ?? node.range.startLine, column: flag?.range.startColumn ?? node.range.startColumn, stage: stage.index };
  const keyword = node.copy?.isAdd === true ? "ADD" : "COPY";
  for (const { what, name } of unknownOwners(owner, known)) {
    report(at, "unknown-owner", "error", `${what}:${name}`,
      `${keyword} --chown=${owner}: there is no ${what} ${name} in this stage yet (${stage.baseLabel} does not have one and no earlier step creates it): create it before this line, or the build fails ("unable to find ${what} ${name}"; BuildKit gives the files to root instead).`);
  }
}

/** `chown [-R] OWNER PATH…` in a RUN naming a user or group the stage does not have: chown stops with
 *  "invalid user" / "invalid group", and so does the RUN. Same knowledge and silences as COPY --chown. */
export function checkRunChown(stage: StageState, words: readonly string[], where: () => { line: number; column: number; stage: number }, report: Report): void {
  const known = words[0] === "chown" ? accountsOf(stage) : null;
  if (known === null) return;
  // The first word after the options (`--from=`, `--reference=FILE` names no owner; `-R`, `-h` …).
  const args = words.slice(1);
  if (args.some((w) => w.startsWith("--reference"))) return;
  const raw = args.find((w, i) => !w.startsWith("-") && args[i - 1] !== "--from");
  // A variable, resolved or not, is left to the build.
  if (raw === undefined || raw.includes("$")) return;
  // chown stops at the first name it cannot find: one finding.
  const missing = unknownOwners(raw.replace(/\./, ":"), known)[0];
  if (missing === undefined) return;
  const at = where();
  report(at, "unknown-owner", "error", `${missing.what}:${missing.name}`,
    `Line ${at.line} runs chown ${raw}: there is no ${missing.what} ${missing.name} in this stage yet (${stage.baseLabel} does not have one and no earlier step creates it): chown stops with "invalid ${missing.what}", and the build fails.`);
}
