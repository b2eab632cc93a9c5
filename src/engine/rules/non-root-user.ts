// security/non-root-user — a container whose last USER is root (or that never sets one) runs the app as
// root: a process that escapes the app owns the container, and files it writes on a mounted volume are
// root's. Matches hadolint DL3002 ("Last USER should not be root"). The fix adds a user with a fixed UID
// and `USER <uid>` (a numeric USER lets Kubernetes' runAsNonRoot verify it). Its second finding is a
// `RUN chown -R` over files a COPY just wrote: the chown writes every file again into a new layer, so the
// bytes are stored twice; `COPY --chown` sets the owner as it copies.
import { formatBytes } from "../format";
import type { DockerfileModel, InstructionNode, Stage } from "../dockerfile/model";
import { KEYWORDS } from "../dockerfile/parse-dockerfile";
import { resolvePath } from "../estimate/paths";
import type { CommandInfo } from "../shell/command-info";
import type { TextEdit } from "../text/edits";
import { finalImageStages } from "./support/commands";
import { makeFinding } from "./support/finding";
import { unquoteWord } from "../dockerfile/unquote";
import { afterInstruction, endsInContinuation, finalStage, insertionPointBefore, lineBreakOf, onWindows, workdirsOf } from "./support/stages";
import { userOf } from "./support/words";
import { imageHasNoShell } from "../verify/executables";
import { baseBrowsersPath, BROWSERS_PATH, browsersUnderRoot, installsPlaywrightBrowsers } from "../verify/playwright-browsers";
import { imageDefaultUser } from "../knowledge";
import type { Finding, Rule, RuleContext } from "./types";

/** Above the UIDs distributions hand to people and services (Debian: 1000–59999 for users, but hosts rarely
 *  reach 10000), so the container user never matches a host account on a bind mount. */
const UID = "10001";
const NAME = "app";
/** The nonroot user every distroless image defines (GoogleContainerTools/distroless, base/base.bzl). */
const DISTROLESS_NONROOT = "65532";
/** Entrypoints that start as root on purpose and drop privileges themselves. */
const DROPS_PRIVILEGES = /\b(gosu|su-exec|setpriv|runuser|s6-setuidgid|supervisord|chpst)\b|^\/init$|"\/init"/;
/** AWS Lambda's base images (public.ecr.aws/lambda/python, Docker Hub's amazon/aws-lambda-python, and the
 *  other runtimes'): Lambda runs the function as its own least-privileged user whatever USER says ("you
 *  don't need to specify a USER in your Dockerfile", AWS Lambda docs, container image requirements), and
 *  the images, minimal Amazon Linux, have no useradd (no shadow-utils): the step would stop the build. */
const LAMBDA_BASE = /^(public\.ecr\.aws\/lambda\/|(docker\.io\/)?amazon\/aws-lambda-)/;
/** Bases that already run as a non-root user (knowledge/image-users.ts), or say so in their tag. */
const runsAsNonRoot = (image: string): boolean => imageDefaultUser(image) !== null || /nonroot/i.test(image);

interface UserState {
  /** The last USER's argument in the final image's stages, or null when none. */
  readonly user: string | null;
  readonly userNode: InstructionNode | null;
  /** A user the stages create (`useradd … name`). */
  readonly created: string | null;
}

function userState(context: RuleContext): UserState {
  const stages = finalImageStages(context.analysis);
  const escapeChar = context.analysis.model.escapeChar;
  let user: string | null = null;
  let userNode: InstructionNode | null = null;
  let created: string | null = null;
  for (const node of context.analysis.model.instructions) {
    if (!stages.has(node.stageIndex)) continue;
    if (node.keyword === "USER") {
      user = userOf(node, escapeChar);
      userNode = node;
    }
    for (const info of node.run?.infos ?? []) if (info.kind === "useradd" && info.user !== null && !info.user.startsWith("-")) created = info.user;
  }
  return { user, userNode, created };
}

const isRoot = (user: string | null): boolean => user === null || /^(root|0)(:(root|0))?$/.test(user);

/** An owner `chown` can name and USER can take: `user`, `user:group`, numeric or not (`user:` is `user`). */
const OWNER = /^([A-Za-z0-9_][A-Za-z0-9_.-]*)(?::([A-Za-z0-9_][A-Za-z0-9_.-]*)?)?$/;
/** chown options that take the next word as their value. */
const CHOWN_VALUED = new Set(["--from", "--reference"]);

/** The owner the last non-root `chown` of the final image's stages gives its files (`1000:2000`), or null.
 *  The Dockerfile made those files writable for that owner only (a media folder, a server's state): the app
 *  must run as it, not as a new UID that can write nothing there (corpus 053's `chown -R 1000:2000` media,
 *  115's `chown -R unit:root` NGINX Unit state). */
function chownOwner(context: RuleContext): string | null {
  const stages = finalImageStages(context.analysis);
  let owner: string | null = null;
  for (const node of context.analysis.model.instructions) {
    if (!stages.has(node.stageIndex)) continue;
    for (const command of node.run?.commands ?? []) {
      const words = command.words.map((w) => w.value);
      if (words[0] !== "chown") continue;
      const args = words.slice(1).filter((w, i, all) => !w.startsWith("-") && !CHOWN_VALUED.has(all[i - 1] ?? ""));
      const match = OWNER.exec(args[0] ?? "");
      if (match === null || isRoot(match[1] ?? null)) continue;
      owner = match[2] === undefined ? (match[1] ?? null) : `${match[1]}:${match[2]}`;
    }
  }
  return owner;
}

/** The images the final image's stages name in FROM. */
function finalImages(context: RuleContext): string[] {
  return context.analysis.model.stages.filter((s) => finalImageStages(context.analysis).has(s.index)).map((s) => s.from.from?.image ?? "");
}

function runsAsRoot(context: RuleContext): { stage: Stage; state: UserState } | null {
  const stage = finalStage(context.analysis.model);
  if (stage === null) return null;
  const state = userState(context);
  if (!isRoot(state.user)) return null;
  const images = finalImages(context);
  // Guard: scratch has no user database; some bases already run as a non-root user, unless the file's last
  // USER switches back to root (as hadolint's DL3002 reads it); on Lambda's, the platform picks the user
  // whatever USER says; Windows has no useradd.
  if (images.some((i) => i === "scratch" || LAMBDA_BASE.test(i) || (state.userNode === null && runsAsNonRoot(i))) || onWindows(context.analysis.model, stage)) return null;
  const starts = stage.instructions.filter((n) => n.keyword === "ENTRYPOINT" || n.keyword === "CMD").map((n) => n.args.join(" "));
  if (starts.some((s) => DROPS_PRIVILEGES.test(s))) return null;
  return { stage, state };
}

/** Users the Debian and Alpine bases define. */
const BASE_USERS = new Set(["root", "daemon", "bin", "nobody", "www-data"]);

/** /root or ~, or a path under it other than the caches (cache mounts and their cleanup name those). */
const ROOT_HOME = /(?:^|[\s=:"'])(?:\/root|~)(?:\/(?!\.cache(?:\/|$))[^\s:"']*)?(?=$|[\s:"'])/;

/** The first instruction by which the final image keeps what the app runs in root's home: a WORKDIR,
 *  COPY, ENV (PATH to ~/.local/bin), CMD or RUN path there (corpus 090's `virtualenv /root/.venv`, 103's
 *  WORKDIR /root/onboarding), or `pip install --user` as root; else null. /root is mode 700: another user
 *  cannot even enter it, so USER would stop the app from starting. */
function usesRootHome(context: RuleContext): InstructionNode | null {
  const stages = finalImageStages(context.analysis);
  return context.analysis.model.instructions.find((node) => {
    if (!stages.has(node.stageIndex)) return false;
    if (node.run !== null) {
      // Most RUNs name neither root's home nor --user: their words need no look (a long file's every step).
      const script = node.run.script?.text;
      if (script !== undefined && !script.includes("/root") && !script.includes("~") && !script.includes("--user")) return false;
      return node.run.commands.some((command, i) => {
        const info = node.run?.infos[i];
        if (info?.kind === "rm") return false;
        const words = command.words.map((w) => w.value);
        return (info?.kind === "pip-install" && words.includes("--user")) || words.some((w) => ROOT_HOME.test(w));
      });
    }
    const words = node.keyword === "COPY" || node.keyword === "ADD" ? [node.copy?.destination ?? ""] : node.args;
    return ["WORKDIR", "ENV", "CMD", "ENTRYPOINT", "COPY", "ADD"].includes(node.keyword) && words.some((w) => ROOT_HOME.test(w));
  }) ?? packagesInRootHome(context, stages);
}

/** The instruction that put Python packages under /root in the final image (Poetry's default virtualenvs
 *  under ~/.cache/pypoetry, which the text test leaves to the caches), from the estimate; else null. The
 *  build check reports such packages once another user runs the image (user-site-unreadable). */
function packagesInRootHome(context: RuleContext, stages: ReadonlySet<number>): InstructionNode | null {
  const layer = context.analysis.estimate.layers.find((l) => l.items.some((i) => i.category === "python" && i.path.startsWith("/root/")));
  if (layer === undefined) return null;
  return context.analysis.model.instructions.find((n) => stages.has(n.stageIndex) && n.range.startLine === layer.line) ?? null;
}

/** Distribution packages of daemons that start as root and drop privileges themselves (their pid files,
 *  state and log directories are root's): an image that installs one runs it from its start script
 *  (corpus 083 starts nginx and uWSGI from start_server.sh), and under USER it fails on those paths. */
const ROOT_DAEMONS = new Set(["nginx", "nginx-full", "nginx-light", "apache2", "httpd", "supervisor", "cron", "cronie", "openssh-server", "openssh"]);

/** The first of ROOT_DAEMONS the final image installs with apt-get or apk, and where; else null. */
function installsRootDaemon(context: RuleContext): { node: InstructionNode; daemon: string } | null {
  const stages = finalImageStages(context.analysis);
  for (const node of context.analysis.model.instructions) {
    if (!stages.has(node.stageIndex)) continue;
    for (const info of node.run?.infos ?? []) {
      if (info.kind !== "apt-install" && info.kind !== "apk-add") continue;
      const daemon = info.packages.map((p) => p.value.split(/[=<>~]/)[0] ?? "").find((name) => ROOT_DAEMONS.has(name));
      if (daemon !== undefined) return { node, daemon };
    }
  }
  return null;
}

/** The first RUN of the final image that runs `playwright install` as root with the browsers going to
 *  root's home (PLAYWRIGHT_BROWSERS_PATH unset, by ENV, ARG, `export` or on the command, or under /root);
 *  else null. The app, as another user, would look for them in its own home (verify/playwright-browsers.ts).
 *  The text test of usesRootHome leaves ~/.cache alone: that is where these browsers go by default. */
function installsBrowsersAsRoot(context: RuleContext): InstructionNode | null {
  const stages = finalImageStages(context.analysis);
  const escapeChar = context.analysis.model.escapeChar;
  let root = true;
  let path: string | undefined;
  let home = "/root";
  for (const node of context.analysis.model.instructions) {
    if (!stages.has(node.stageIndex)) continue;
    // The chain's base image: its own ENV (Microsoft's Playwright images), and its user (root unless it says).
    if (node.keyword === "FROM" && node.from?.baseStage == null) {
      path = baseBrowsersPath(node.from?.image ?? "");
      root = !runsAsNonRoot(node.from?.image ?? "");
    }
    if (node.keyword === "USER") root = isRoot(userOf(node, escapeChar));
    for (const p of node.keyword === "ENV" || node.keyword === "ARG" ? node.pairs : []) {
      if (p.name === BROWSERS_PATH) path = p.value;
      if (p.name === "HOME" && p.value !== "") home = p.value;
    }
    // Most RUNs never name playwright: their commands need no look.
    if (node.run === null || !root || node.run.script?.text.includes("playwright") === false) continue;
    let scoped = path;
    for (const [i, command] of node.run.commands.entries()) {
      const info = node.run.infos[i];
      if (info?.kind === "export") for (const a of info.assignments) if (a.name === BROWSERS_PATH) scoped = a.value;
      const own = command.assignments.find((a) => a.name === BROWSERS_PATH)?.value ?? scoped;
      if (installsPlaywrightBrowsers(command.words.map((w) => w.value)) && browsersUnderRoot(own, home)) return node;
    }
  }
  return null;
}

interface Refusal {
  readonly home: InstructionNode | null;
  readonly daemon: { node: InstructionNode; daemon: string } | null;
  readonly onbuild: InstructionNode | null;
  readonly browsers: InstructionNode | null;
}

/** Why no USER line may go in, per analysis: detect says it, fix obeys it, and each walks the whole file. */
const refusals = new WeakMap<object, Refusal>();

function refusal(context: RuleContext): Refusal {
  let found = refusals.get(context.analysis);
  if (found === undefined) refusals.set(context.analysis, (found = { home: usesRootHome(context), daemon: installsRootDaemon(context), onbuild: onbuildTrigger(context), browsers: installsBrowsersAsRoot(context) }));
  return found;
}

/** The final stage's first `ONBUILD RUN` (or ONBUILD of a COPY/ADD that chowns): a base image for others,
 *  whose triggers run in each child build as the last USER set here. A USER line would make them run as
 *  that user (a `chown -R` or a `pip install` there would then fail). */
function onbuildTrigger(context: RuleContext): InstructionNode | null {
  const stage = finalStage(context.analysis.model);
  return stage?.instructions.find((n) => n.keyword === "ONBUILD" && /^\s*(RUN|COPY|ADD)\b/i.test(n.args.join(" "))) ?? null;
}

/** Why no USER line is offered, for the finding to say (the fix offers none then). */
function noUserReason(context: RuleContext): string {
  const { home, daemon } = refusal(context);
  if (home !== null) return ` No USER line is offered: line ${home.range.startLine} keeps what the app runs in root's home, which another user cannot enter (/root is mode 700).`;
  if (daemon !== null) return ` No USER line is offered: line ${daemon.node.range.startLine} installs ${daemon.daemon}, which starts as root and drops privileges itself.`;
  const { onbuild, browsers } = refusal(context);
  if (browsers !== null) return ` No USER line is offered: line ${browsers.range.startLine} runs playwright install as root, which downloads the browsers under /root (~/.cache/ms-playwright unless ${BROWSERS_PATH} says otherwise): another user neither looks there nor can enter /root (mode 700). Set ENV ${BROWSERS_PATH}=/ms-playwright before that line.`;
  if (onbuild !== null) return ` No USER line is offered: the ONBUILD trigger on line ${onbuild.range.startLine} runs in every image built on this one, as the user set here; put USER in those images, after their triggers.`;
  return "";
}

interface Chown {
  readonly run: InstructionNode;
  readonly owner: string;
  /** The path as the chown wrote it (the directory keeps its owner through a chown without -R). */
  readonly path: string;
  readonly copies: readonly InstructionNode[];
  readonly bytes: number;
}

/** A command that writes nothing in the directory it runs in: a package manager's install (pip's of named
 *  packages or requirements files, not of the project itself), or a shell assignment. */
function writesNothingHere(info: CommandInfo): boolean {
  if (info.kind === "pip-install") return info.editables.length === 0 && info.requirements.every((r) => !/^[./]/.test(r.value));
  return info.kind === "apt-install" || info.kind === "apt-update" || info.kind === "apk-add" || info.kind === "apk-update" || info.kind === "set" || info.kind === "useradd";
}

/** `RUN chown -R owner PATH` (alone in its RUN) over what earlier COPYs of the stage wrote under PATH. */
function chowns(context: RuleContext): Chown[] {
  const stage = finalStage(context.analysis.model);
  if (stage === null) return [];
  const out: Chown[] = [];
  const escapeChar = context.analysis.model.escapeChar;
  const stagesOfImage = finalImageStages(context.analysis);
  const cwds = workdirsOf(stage, escapeChar);
  // Each plain COPY's destination, resolved once rather than once per `chown -R` after it (and only for a
  // stage that has one: most have none, and a `bulk` stage has thousands of COPYs).
  let resolved: (string | null)[] | null = null;
  const destinationsOf = (): (string | null)[] => (resolved ??= stage.instructions.map((n, i) =>
    n.copy === null || n.copy.chown !== null || n.copy.heredoc || n.copy.destination === null ? null : resolvePath(cwds[i] ?? "/", unquoteWord(n.copy.destination, escapeChar))));
  // The index of the first instruction that may have put something under `target` that no COPY wrote, by
  // target: a `bulk` file repeats one chown thousands of times, and each scan of the stage is linear.
  const touches = new Map<string, number>();
  const firstTouch = (target: string): number => {
    let found = touches.get(target);
    if (found === undefined) {
      const under = (p: string) => p === target || p.startsWith(`${target.replace(/\/$/, "")}/`);
      found = stage.instructions.findIndex((n, i) =>
        (n.keyword === "WORKDIR" && cwds[i + 1] !== undefined && under(cwds[i + 1] ?? "") && cwds[i + 1] !== target)
        || (n.run !== null && !isChownOf(n, i, target) && ((under(cwds[i] ?? "/") && !n.run.infos.every(writesNothingHere)) || n.run.commands.some((c) => c.words.some((w) => w.value.includes("/") && under(resolvePath(cwds[i] ?? "/", w.value)))))));
      if (found < 0) found = Number.POSITIVE_INFINITY;
      touches.set(target, found);
    }
    return found;
  };
  // A chown of the same path (this one, or one before it) changes owners, not contents.
  const isChownOf = (n: InstructionNode, i: number, target: string): boolean => {
    const commands = n.run?.commands ?? [];
    return commands.length === 1 && commands[0]?.words[0]?.value === "chown" && commands[0].words.slice(1).some((w) => !w.value.startsWith("-") && resolvePath(cwds[i] ?? "/", w.value) === target);
  };
  stage.instructions.forEach((node, at) => {
    const commands = node.run?.commands ?? [];
    // Guard: one plain `chown -R owner path` command, nothing else in the RUN.
    if (commands.length !== 1 || commands[0]?.words[0]?.value !== "chown") return;
    const words = commands[0].words.map((w) => w.value);
    if (!words.some((w) => /^-[a-zA-Z]*R|^--recursive$/.test(w))) return;
    const args = words.slice(1).filter((w) => !w.startsWith("-"));
    const [owner, path] = args;
    if (args.length !== 2 || owner === undefined || path === undefined || /\$/.test(owner + path)) return;
    const target = resolvePath(cwds[at] ?? "/", path);
    const destinations = destinationsOf();
    const copies = stage.instructions.slice(0, at).filter((n, i) => {
      const dest = destinations[i];
      return dest !== undefined && dest !== null && (dest === target || dest.startsWith(`${target.replace(/\/$/, "")}/`));
    });
    if (copies.length === 0) return;
    // Guard: the chown also gave the user what no COPY wrote under the path — a directory WORKDIR made
    // below it, or whatever a RUN working in it or naming it wrote — which COPY --chown would leave root's.
    // (The path itself stays the user's: the fix keeps a chown of it without -R.)
    if (firstTouch(target) < at) return;
    // Guard: COPY --chown looks the name up as the COPY runs, where `chown` ran after the user was made: a
    // name created later (or by the base, unseen) fails the build, "unable to find user". Numeric owners and
    // users every Debian and Alpine base has need no lookup.
    const user = owner.split(/[:.]/)[0] ?? "";
    const made = /^\d+$/.test(user) || BASE_USERS.has(user) || context.analysis.model.instructions.some((n) =>
      stagesOfImage.has(n.stageIndex) && n.range.start < (copies[0]?.range.start ?? 0) && (n.run?.infos ?? []).some((i) => i.kind === "useradd" && i.user === user));
    if (!made) return;
    const lines = new Set(copies.map((c) => c.range.startLine));
    const bytes = context.analysis.estimate.layers.filter((l) => lines.has(l.line)).reduce((sum, l) => sum + l.bytes, 0);
    out.push({ run: node, owner, path, copies, bytes });
  });
  return out;
}

export const nonRootUser: Rule = {
  meta: {
    id: "security/non-root-user",
    title: "Run as a non-root user",
    category: "security",
    severity: "warning",
    fixSafety: "suggestion",
    hadolint: "DL3002",
    docs: {
      what: "Adds a user with a fixed UID and USER before the final stage's CMD (or USER the user the Dockerfile creates, or gives files to with chown); replaces a RUN chown -R of copied files with COPY --chown.",
      why: "Without USER the app runs as root, so anything that breaks out of it owns the container. chown -R in a later RUN writes each file again into a new layer: the copied bytes are stored twice.",
      before: "FROM python:3.12-slim\nCOPY app.py /app/\nCMD [\"python\", \"/app/app.py\"]\n",
      after: "FROM python:3.12-slim\nCOPY app.py /app/\nRUN useradd --create-home --uid 10001 app\nUSER 10001\nCMD [\"python\", \"/app/app.py\"]\n",
      safety: "A suggestion: the app can no longer write where root owns the files (its own directory, /var/log…) or bind ports below 1024. Not offered where the app lives in root's home (/root is mode 700), the image installs a daemon that starts as root (nginx, apache2, supervisor, cron, sshd), ONBUILD triggers would run as the new user in every child build, or playwright install ran as root without PLAYWRIGHT_BROWSERS_PATH outside /root (its browsers stay in /root/.cache). The rule stays silent for entrypoints that drop privileges themselves (gosu, su-exec, s6's /init, supervisord), for bases that already run as non-root, and for AWS Lambda's base images (Lambda runs the function as its own user whatever USER says, and they have no useradd).",
    },
    messages: {
      root: "The image runs as root (no USER{{where}}): add a user with a fixed UID.{{why}}",
      chown: "chown -R stores the {{bytes}} that COPY wrote at line {{lines}} a second time: use COPY --chown={{owner}}.",
    },
  },
  detect(context) {
    const out: Finding[] = [];
    const root = runsAsRoot(context);
    if (root !== null) {
      const node = root.state.userNode ?? root.stage.from;
      out.push(makeFinding(this.meta, "root", { where: root.state.userNode === null ? "" : ` other than ${root.state.user ?? "root"}`, why: noUserReason(context) }, node.range));
    }
    for (const c of chowns(context)) out.push(makeFinding(this.meta, "chown", { bytes: formatBytes(c.bytes), lines: c.copies.map((n) => n.range.startLine).join(", "), owner: c.owner }, c.run.range));
    return out.sort((a, b) => a.line - b.line);
  },
  fix(context) {
    const text = context.analysis.model.text;
    const nl = lineBreakOf(text);
    const edits: TextEdit[] = [];
    const reasons: string[] = [];
    for (const c of chowns(context)) {
      // The directory itself (made by WORKDIR or mkdir, as root) is no COPY's: a chown without -R keeps it
      // the user's, so the app can still create files in it, and writes no file again.
      const command = c.run.run?.commands[0];
      if (command === undefined) return [];
      edits.push({ start: command.start, end: command.end, text: `chown ${c.owner} ${c.path}` });
      for (const copy of c.copies) {
        const at = copy.range.start + copy.keyword.length;
        edits.push({ start: at, end: at, text: ` --chown=${c.owner}` });
      }
      reasons.push(`COPY --chown sets the owner as it copies; the chown RUN stored the ${formatBytes(c.bytes)} copied at line ${c.copies.map((n) => n.range.startLine).join(", ")} again in its own layer (overlayfs copies a file up when its owner changes): the step saves that second copy, and \`chown ${c.owner} ${c.path}\` without -R keeps the directory itself the user's`);
    }
    const root = runsAsRoot(context);
    const refused = refusal(context);
    const at = root === null || refused.home !== null || refused.daemon !== null || refused.onbuild !== null || refused.browsers !== null ? null : userLinesAt(context.analysis.model, root.stage);
    if (root !== null && at !== null) {
      const { stage, state } = root;
      const lead = at === text.length && text.length > 0 && !text.endsWith("\n") && !text.endsWith("\r") ? nl : "";
      const alpine = context.analysis.estimate.stages.find((s) => s.index === stage.index)?.libc === "musl";
      const create = alpine ? `RUN adduser -D -u ${UID} ${NAME}` : `RUN useradd --create-home --uid ${UID} ${NAME}`;
      const created = state.userNode === null ? state.created : null;
      const owner = created === null ? chownOwner(context) : null;
      // Distroless images have no shell for a RUN, and already define nonroot (UID 65532) in /etc/passwd.
      const distroless = created === null && owner === null && finalImages(context).some((i) => imageHasNoShell(i));
      const lines = created !== null ? [`USER ${created}`] : owner !== null ? [`USER ${owner}`] : distroless ? [`USER ${DISTROLESS_NONROOT}`] : [create, `USER ${UID}`];
      edits.push({ start: at, end: at, text: lead + lines.join(nl) + nl });
      reasons.push(created !== null
        ? `The Dockerfile already creates ${created}; USER makes the app run as that user`
        : owner !== null
          ? `The Dockerfile gives files to ${owner} with chown so that the app can write them; USER makes the app run as that owner (a new user could not write there)`
          : distroless
            ? `The distroless image has no shell to create a user with, and already defines nonroot with UID ${DISTROLESS_NONROOT} (its :nonroot tags run as it); USER makes the app run as that user`
            : `A user with the fixed UID ${UID} (above the UIDs hosts hand out, so a bind mount never maps it to a real account), created after the installs that need root`);
    }
    if (edits.length === 0) return [];
    return [{ id: "non-root", title: "Add a non-root USER", edits: [{ file: "dockerfile", edits }], reason: `${reasons.join(". ")}.` }];
  },
};

/** Where the user and USER lines go: before the CMD/ENTRYPOINT that follows the stage's last RUN/COPY/ADD
 *  (and above the comment that describes it), else at the end of the file. A file that ends inside a line continuation would join appended lines to
 *  it (fuzz case 67901): they go after the stage's last instruction then, and nowhere (null) when that
 *  instruction is the one still continuing. */
function userLinesAt(model: DockerfileModel, stage: Stage): number | null {
  const { text, escapeChar } = model;
  const lastRun = [...stage.instructions].reverse().find((n) => n.keyword === "RUN" || n.keyword === "COPY" || n.keyword === "ADD");
  const start = stage.instructions.find((n) => (n.keyword === "CMD" || n.keyword === "ENTRYPOINT") && (lastRun === undefined || n.index > lastRun.index));
  if (start !== undefined) return insertionPointBefore(model, start);
  if (!endsInContinuation(text, escapeChar)) return text.length;
  // The last instruction Docker knows: an unknown one (`mkdir -p … \` on a line of its own) fails the
  // build wherever the lines go, and is the one left continuing.
  const last = [...stage.instructions].reverse().find((n) => KEYWORDS.has(n.keyword));
  const after = last === undefined ? text.length : afterInstruction(text, last);
  return after >= text.length ? null : after;
}
