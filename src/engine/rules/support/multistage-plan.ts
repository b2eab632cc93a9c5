// How size/multistage would split a single-stage Dockerfile, or why it will not, in user words. The split:
// the stage up to its last Python install becomes the builder, which installs into a virtual environment;
// the final stage starts again from the same base image, installs the runtime libraries, copies the venv
// and repeats every instruction the app needs. Each guard below names a class of rewrites that would not
// build or would not run the same app (issue 9 "Why").
import type { Analysis } from "../../analyze";
import type { InstructionNode, Stage } from "../../dockerfile/model";
import type { VariableLookup } from "../../dockerfile/variables";
import { accountWords } from "../../estimate/accounts";
import { isManifestPath } from "../../estimate/copy";
import { lookupBaseImage, packageBuildNeeds, parseImageRef, pythonImageSuite, sourceBuildSystemNeeds } from "../../knowledge";
import type { PipInstall } from "../../shell/command-info";
import { stagePackages } from "./packages";
import { hiddenInstall, runRole, type RunRole } from "./run-roles";
import { libraryNameFor, runtimePackagesFor, type RuntimeTarget } from "./runtime-libs";
import { continuesToEnd, instructionText, plainFrom, takenStageNames } from "./stages";
import { isBaseAccount, ownerHasUnresolvedVariable, unknownOwners } from "../../verify/owners";
import { copyWords, firstNonRootUser, userOf } from "./words";

/** Where the venv layout puts the virtual environment (the path uv's and poetry's Docker guides use too). */
export const VENV = "/opt/venv";
/** Where the prefix layout installs; the final stage copies it onto /usr/local. */
export const PREFIX = "/install";

export interface SplitPlan {
  readonly stage: Stage;
  readonly builder: string;
  /**
   * `prefix`: `pip install --prefix=/install`, copied onto /usr/local (no second pip in the image);
   * `venv`: installs through a virtual environment, copied whole.
   */
  readonly layout: "prefix" | "venv";
  /** Why a venv rather than a prefix, in user words ("pip upgrades itself on line 3"); null for the prefix layout or an existing venv. */
  readonly venvBecause: string | null;
  /** The installs to redirect with --prefix (prefix layout). */
  readonly installs: readonly PipInstall[];
  /** pip self-upgrades run as a non-root user after the installs: left in the final stage as written (see withoutLateSelfUpgrades). */
  readonly lateUpgrades: readonly InstructionNode[];
  /** The venv the installs go into: an existing one the stage creates, or VENV. */
  readonly venv: string;
  /** Insert `RUN python -m venv` + `ENV PATH` before this RUN; null when the stage already makes its venv. */
  readonly createBefore: InstructionNode | null;
  /** The builder's last instruction; the final stage is inserted after it. */
  readonly builderEnd: InstructionNode;
  /** Instructions of the builder part that the final stage repeats, as written. */
  readonly repeated: readonly string[];
  /** Cleanup RUNs after the last install: they move to the builder, where what they clean was added. */
  readonly moved: readonly InstructionNode[];
  readonly runtime: readonly string[];
  /** Every apt install the runtime packages come from used --no-install-recommends (or none is the user's own). */
  readonly noRecommends: boolean;
  readonly target: RuntimeTarget;
}

export type SplitOutcome = { readonly ok: true; readonly plan: SplitPlan } | { readonly ok: false; readonly reason: string };

/** A pip install of the stage and the RUN it is in. */
type Install = { readonly node: InstructionNode; readonly info: PipInstall };

const refuse = (reason: string): SplitOutcome => ({ ok: false, reason });
const lineOf = (node: InstructionNode): number => node.range.startLine;

/** The target of a RUN's installs: the stage's Debian release / Alpine branch and libc, from its base image. */
export function runtimeTarget(image: string, libc: "glibc" | "musl"): RuntimeTarget {
  const tag = image.slice(image.lastIndexOf(":") + 1);
  const named = /(bullseye|bookworm|trixie|buster|stretch)|alpine(\d+\.\d+)/.exec(tag);
  const distro = named?.[1] ?? (named?.[2] !== undefined ? `alpine${named[2]}` : (pythonImageSuite(image) ?? lookupBaseImage(image)?.row.distro ?? null));
  return { libc, distro };
}

/**
 * `stage` may be a chain seen as one stage (`FROM python AS builder` + `FROM builder AS final`, their
 * instructions joined): `builder` then names the existing stage that becomes the builder.
 */
export function planSplit(analysis: Analysis, stage: Stage, stageInstalls: readonly Install[], builderName?: string): SplitOutcome {
  const text = analysis.model.text;
  const from = stage.from.from;
  if (!plainFrom(stage.from)) return refuse(`line ${lineOf(stage.from)} is not FROM image or FROM image AS name, so where the stage's name goes is not clear`);
  if (from == null || from.image === null) return refuse(`the base image ${from?.rawImage ?? ""} uses a build argument with no default, so the final stage's base is not known`);
  const ref = parseImageRef(from.image);
  // ONBUILD triggers (COPY, pip install) would run again in a second stage on the same image.
  if (ref?.repository === "python" && (ref.tag ?? "").includes("onbuild")) return refuse(`${from.rawImage} runs its ONBUILD instructions (copy the source, pip install) in every stage built on it, the final stage included`);
  // Guard: the official python images keep Python in /usr/local, so `python -m venv` works and the venv's
  // python link is valid in a second stage on the same image. A distro python3 (ubuntu, debian) needs the
  // python3-venv package and its python3 repeated in the final stage: guessing that can break the build.
  const base = lookupBaseImage(from.image);
  // Any tag of Docker Hub's python repository keeps Python in /usr/local, known to the tables or not.
  const official = ref !== null && ref.repository === "python" && (ref.registry === null || /(^|\.)docker\.io$/.test(ref.registry));
  if (!official && base?.row.image !== "python") {
    return refuse(`the base image ${from.rawImage} is not an official python image, so its Python is not known to live in /usr/local (apt's python3 on ubuntu or debian needs python3-venv for a virtual environment, and the final stage would need python3 installed the same way), which Whaleweight does not guess`);
  }
  const position = positionsIn(stage);
  const { installs, late, lateUser } = withoutLateSelfUpgrades(stage, position, stageInstalls, analysis.model.escapeChar);
  const last = Math.max(...installs.map(({ node }) => position.get(node) ?? -1));
  const before = stage.instructions.slice(0, last + 1);
  const after = stage.instructions.slice(last + 1);

  for (const { node, info } of installs) {
    const problem = installProblem(node, info);
    if (problem !== null) return refuse(`line ${lineOf(node)} ${problem}`);
  }
  const other = stage.instructions.find((n) => (n.run?.infos ?? []).some((i) => i.kind === "poetry-install" || i.kind === "pdm-install" || i.kind === "pipenv-install" || i.kind === "uv-sync" || i.kind === "pip-wheel"));
  if (other !== undefined) return refuse(`line ${lineOf(other)} installs with a tool that manages its own environment (poetry, pdm, pipenv, uv sync or pip wheel): the split is left to you`);
  for (const node of stage.instructions) {
    const hidden = hiddenInstall(node);
    if (hidden !== null) return refuse(`line ${lineOf(node)} runs ${hidden}, which Whaleweight cannot see into: what it installs, and whether it needs the compilers, decides which stage it belongs in`);
    const env = node.keyword === "ENV" ? node.pairs.find((p) => /^(PIP_TARGET|PIP_PREFIX|PIP_USER|PYTHONUSERBASE|PIP_ROOT)$/.test(p.name)) : undefined;
    if (env !== undefined) return refuse(`line ${lineOf(node)} sets ${env.name}, which sends installs outside the environment a builder stage would copy`);
  }
  const user = firstNonRootUser(before, analysis.model.escapeChar);
  if (user !== null) return refuse(`line ${lineOf(user.node)} switches to user ${user.user} before the install, so the builder could not write the place it installs into (/install or /opt/venv) as that user`);

  const venv = venvOf(stage, installs);
  if (!venv.ok) return venv;
  const names = takenStageNames(analysis.model);
  const builder = builderName ?? ["builder", "python-builder", "venv-builder"].find((n) => !names.has(n));
  if (builder === undefined) return refuse("the stage names builder, python-builder and venv-builder are all taken");

  const libc = analysis.estimate.stages[stage.index]?.libc ?? "glibc";
  const target = runtimeTarget(from.image, libc);
  const repeated: string[] = [];
  const moved: InstructionNode[] = [];
  const systemPackages: { name: string; noRecommends: boolean }[] = [];
  // Each RUN's role, read once: the walks below (the last work RUN, the builder part, the rest, the RUNs
  // between the installs) ask for the same RUNs again, and a `bulk` stage holds thousands of them.
  const roles = new Map<InstructionNode, RunRole>();
  const roleOf = (node: InstructionNode): RunRole => {
    let role = roles.get(node);
    if (role === undefined) {
      role = runRole(node, instructionText(text, node));
      roles.set(node, role);
    }
    return role;
  };
  const broadCopyLater = stage.instructions.some((n) => n.copy !== null && n.copy.from === null && copyWords(n.copy, analysis.model.escapeChar).sources.some((s) => s === "." || s === "./"));
  // The last RUN before the install that does other work: found once, not per instruction (scanning the
  // rest of the stage for each one was quadratic; the fuzz's 900-instruction files spent ~0.4 s here).
  const lastWork = before.findLastIndex((n) => n.keyword === "RUN" && roleOf(n) === "work");
  for (const [i, node] of before.entries()) {
    if (node.keyword !== "RUN") {
      // A manifest copied only for the install: the final stage gets it with the source copy, unless a RUN
      // the final stage repeats before that copy reads it (`pipenv lock` after `COPY Pipfile .`).
      const readLater = i < lastWork;
      if (node.copy !== null && node.copy.from === null && broadCopyLater && !readLater && copyWords(node.copy, analysis.model.escapeChar).sources.every(isManifest)) continue;
      repeated.push(instructionText(text, node));
      continue;
    }
    const role = roleOf(node);
    if (role === "mixed") return refuse(`line ${lineOf(node)} does other work (${otherWork(node)}) in the same RUN as an install or a cleanup: splitting that RUN between the stages is left to you`);
    if (role === "work") {
      repeated.push(instructionText(text, node));
      continue;
    }
    for (const info of node.run?.infos ?? []) {
      if (info.kind === "apt-install") for (const p of info.packages) systemPackages.push({ name: p.value, noRecommends: info.noInstallRecommends });
      if (info.kind === "apk-add") for (const p of info.packages) systemPackages.push({ name: p.value, noRecommends: true });
    }
  }
  for (const node of after) {
    if (node.keyword !== "RUN") continue;
    const role = roleOf(node);
    if (role === "cleanup") moved.push(node);
    else if (role === "mixed" && (node.run?.infos ?? []).some((i) => i.kind === "apk-del" || i.kind === "apt-remove")) {
      return refuse(`line ${lineOf(node)} removes build packages in the same RUN as other work: in the final stage those packages were never added`);
    }
  }

  const owner = systemPackages.length === 0 ? null : ownerNoRunCreates(stage, libc === "musl" ? "alpine" : "debian", analysis.model.escapeChar);
  if (owner !== null) {
    const names = [...new Set(systemPackages.map((p) => p.name))];
    return refuse(`line ${lineOf(owner.node)} names the ${owner.what} ${owner.name}, which no earlier RUN of this stage creates: a system package the builder stage would take away (${names.slice(0, 3).join(", ")}${names.length > 3 ? ", …" : ""}) may be what made it, and the final stage would not have it`);
  }

  // The final stage's own text: a build tool it calls (HEALTHCHECK curl …) is a runtime package there.
  const finalText = [...repeated, ...after.map((n) => instructionText(text, n))].join("\n");
  const requested = stagePackages(analysis, stage).requested;
  const venvBecause = venv.plan.createBefore === null ? null : prefixProblem(stage, position, installs, requested, late, roleOf);
  const layout = venv.plan.createBefore !== null && venvBecause === null ? "prefix" : "venv";
  const lateUpgrade = late[0];
  if (lateUpgrade !== undefined && layout === "venv") {
    return refuse(`line ${lineOf(lateUpgrade.node)} upgrades pip as user ${lateUser}, which in the final stage would be the virtual environment's pip, owned by root: the user could not write it`);
  }
  // `python -m venv` came with Python 3.3; python:2.7 images have no venv module.
  // The tag first: the tables stand a newer row in for tags they lack (python:2.7 → python:3.6).
  const python = /^\d+(\.\d+)?/.exec(from.image.slice(from.image.lastIndexOf(":") + 1))?.[0] ?? analysis.estimate.stages[stage.index]?.pythonVersion ?? "";
  if (layout === "venv" && venv.plan.createBefore !== null && /^2(\.|$|-)/.test(python)) return refuse(`${venvBecause ?? "--prefix is not safe here"}, and Python ${python} has no venv module for the other layout`);
  // Each name once: a `bulk` stage requests the same names thousands of times (issue 14), and the first
  // copy of a name is the one an alternation would match anyway.
  const absolute = new RegExp(`/usr/(local/)?bin/(python|pip|${[...new Set(requested)].map(escape).join("|") || "python"})`).exec(finalText);
  if (layout === "venv" && venv.plan.createBefore !== null && absolute !== null) {
    return refuse(`the final stage calls ${absolute[0]} by its path, which would not see the packages in the virtual environment ${VENV}`);
  }
  const runtime = runtimeOf(analysis, stage, systemPackages, finalText, target, libc);
  if (!runtime.ok) return runtime;
  const builderEnd = before[before.length - 1];
  if (builderEnd === undefined) return refuse("the stage has no install");
  // Guard: the final stage goes right after the last install. When that install runs to the end of a file
  // that ends inside a line continuation, Docker joins the new FROM to it, and the final stage's
  // COPY --from lands in the builder itself (fuzz case 2498 of seed 7: BuildKit refuses a circular COPY).
  if (continuesToEnd(text, builderEnd, analysis.model.escapeChar)) {
    return refuse(`line ${lineOf(builderEnd)} ends the file inside a line continuation (a trailing ${analysis.model.escapeChar}), so a stage added after it would be joined to that RUN`);
  }
  return {
    ok: true,
    plan: { stage, builder, layout, venvBecause, installs: installs.map((i) => i.info), lateUpgrades: late.map((i) => i.node), venv: venv.plan.venv, createBefore: venv.plan.createBefore, builderEnd, repeated, moved, runtime: runtime.packages, noRecommends: runtime.noRecommends, target },
  };
}

/**
 * The first `COPY/ADD --chown=NAME` or `USER NAME` of the stage whose user or group is neither numeric, nor
 * an account of the base image, nor made by an earlier useradd/adduser/groupadd/addgroup of the stage. In the stage
 * as written a package install may have made it (the build check then cannot tell); split, the final stage
 * has no such install, so the build check would reject the rewrite (fuzz case 994 of seed 100: the
 * useradd line deleted, `COPY --chown=flaskuser` kept). Refusing here keeps the rule from offering a fix
 * that cannot be applied.
 */
const NO_VARIABLES: VariableLookup = { get: () => undefined };

function ownerNoRunCreates(stage: Stage, family: string, escapeChar: string): { node: InstructionNode; what: string; name: string } | null {
  // In order: `COPY --chown=app` before the `useradd app` fails as surely as with no useradd (fuzz case 23992).
  const created = new Set<string>();
  for (const node of stage.instructions) {
    for (const command of node.run?.commands ?? []) for (const name of accountWords(command)) created.add(name);
    const spec = node.copy !== null ? copyWords(node.copy, escapeChar).chown : userOf(node, escapeChar);
    if (spec === null) continue;
    // A name with a variable is the build check's to read with the stage's values; a `$` that is no variable
    // (`flaskus${er`: an unclosed `${`) is a literal name, as the build check reads it (fuzz case 82866).
    const variable = ownerHasUnresolvedVariable(spec, NO_VARIABLES);
    const unknown = unknownOwners(spec, (n) => (variable && n.includes("$")) || isBaseAccount(family, n) || created.has(n))[0];
    if (unknown !== undefined) return { node, ...unknown };
  }
  return null;
}

/**
 * A name the final stage's install can take as written: the user's package names go into that RUN as
 * unquoted shell words. A name with blanks, quotes or operators came from a quoted word, or from an
 * unclosed quote that runs to the end of its RUN (fuzz case 88571 of seed 100: `apk add postgresql-de"v \`
 * then `&& pip install psycopg2`, one word); written unquoted, the rest of it runs as commands, here
 * `pip install psycopg2` in a final stage with no compiler.
 */
const PLAIN_NAME = /^[^\s"'`\\;&|<>()]+$/;

/** A file apt or apk installs from a path rather than a name of the repositories: no package name holds a
 *  slash or starts with a dot (Debian policy §5.6.1; Alpine's names alike), and `.deb`/`.apk` name files. */
const isPackageFile = (name: string): boolean => name.includes("/") || name.startsWith(".") || /\.(deb|apk)$/.test(name);

/** A package word for a reason's text: its blanks as single spaces, cut short. */
function shown(name: string): string {
  const flat = name.replace(/\s+/g, " ");
  return `"${flat.length > 60 ? `${flat.slice(0, 60)}…` : flat}"`;
}

/**
 * Executables (by the system package that provides them) that installed Python packages run when the app
 * runs: the split keeps them in the final stage, as it keeps a tool the final stage's text calls.
 * GitPython runs `git` (its import fails with "Bad git executable" without one); dbt-core runs git for
 * `dbt deps` of git packages, and `dbt debug` reports a missing git as an error.
 */
const RUN_BY_PYTHON_PACKAGES: ReadonlyMap<string, readonly string[]> = new Map([
  ["git", ["gitpython", "dbt-core"]],
]);

/**
 * The packages the final stage installs: the user's runtime packages (and build tools the final stage
 * calls), the runtime libraries of -dev packages and compilers, and those of Python packages built from
 * source. Refuses when a name is not known for the base's release.
 */
export function runtimeOf(analysis: Analysis, stage: Stage, systemPackages: readonly { name: string; noRecommends: boolean }[], finalText: string, target: RuntimeTarget, libc: "glibc" | "musl"):
  { ok: true; packages: readonly string[]; noRecommends: boolean } | { ok: false; reason: string } {
  const removed = removedPackages(stage);
  const pythonNames = new Set((analysis.estimate.stages.find((s) => s.index === stage.index)?.pythonPackages ?? []).map((p) => p.name));
  // Whether the final stage's text names a package, once per name: a long stage lists the same packages
  // once per install, and searching the whole text for each was quadratic (fuzz seed 7 case 136).
  const named = new Map<string, boolean>();
  const namedIn = (name: string): boolean => {
    // A Python package the app imports runs the tool itself: GitPython's import fails without git.
    if (RUN_BY_PYTHON_PACKAGES.get(name)?.some((p) => pythonNames.has(p)) === true) return true;
    let found = named.get(name);
    if (found === undefined) {
      found = new RegExp(`(^|[\\s"'/])${escape(name)}([\\s"']|$)`, "m").test(finalText);
      named.set(name, found);
    }
    return found;
  };
  const runtime = new Set<string>();
  let userRuntime = false;
  let noRecommends = true;
  // Each (name, flag) once: the answer for a pair is always the same, and a `bulk` stage names the same few
  // packages in every one of its thousands of installs.
  const seen = new Set<string>();
  for (const { name, noRecommends: flag } of systemPackages) {
    const key = `${flag ? "+" : "-"}${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (name.includes("$")) return { ok: false, reason: `the system packages include ${name}, a variable Whaleweight does not follow, so which of them the app needs at run time is not known` };
    // A package file (`./google-chrome-stable_current_amd64.deb`, `/tmp/chrome.deb`) is a program the app
    // runs, fetched or copied by an earlier RUN of the stage: the final stage installs its packages before
    // the RUNs it repeats, so the file is not there yet, and leaving the install in the builder leaves the
    // program out of the image.
    if (isPackageFile(name)) return { ok: false, reason: `the system packages include the package file ${name}, which a step of this stage fetches or copies: the final stage installs its packages before the steps it repeats, so it would not have the file, and without it the program would stay in the builder` };
    const libs = runtimePackagesFor(name, target);
    if (libs === null) return { ok: false, reason: `the runtime library of ${name} on ${target.distro ?? "this base"} is not known to Whaleweight: without it in the final stage, the package built against it would fail to import` };
    const own = libs.length === 1 && libs[0] === name;
    const usedAtRunTime = libs.length === 0 && namedIn(name);
    if (own || usedAtRunTime) {
      // A package the user removes after the build was build-only by their own word.
      if (removed.has(name)) continue;
      if (!PLAIN_NAME.test(name)) return { ok: false, reason: `the system packages include ${shown(name)}, which holds blanks, quotes or shell operators: written into the final stage's install, the shell would not read it as one package` };
      runtime.add(name);
      userRuntime = true;
      noRecommends &&= flag;
      continue;
    }
    // Header packages leave their runtime libraries, compilers theirs (libstdc++ on Alpine), even when removed.
    for (const lib of libs) runtime.add(lib);
  }
  // What the estimate compiles in this stage, version for version (a pin with no wheel for the base's Python
  // or libc, say), needs its runtime libraries: the build check reads the same list, so the rewrite and the
  // check agree. A package whose pinned version installs from a wheel needs none.
  for (const name of analysis.estimate.stages.find((s) => s.index === stage.index)?.builtFromSource ?? []) {
    const row = packageBuildNeeds(name);
    const known = sourceBuildSystemNeeds(name);
    for (const entry of (libc === "musl" ? (row?.alpineRuntime ?? known?.alpine) : (row?.debianRuntime ?? known?.debian)) ?? []) {
      if (entry.includes("(")) continue;
      const lib = libraryNameFor(entry, target);
      if (lib === null) return { ok: false, reason: `${name} is built from source and needs ${entry} at run time, whose name on ${target.distro ?? "this base"} is not known to Whaleweight` };
      runtime.add(lib);
    }
  }
  return { ok: true, packages: [...runtime].sort(), noRecommends: noRecommends || !userRuntime };
}

/**
 * Why `--prefix` is not safe here, or null. It is safe where nothing in the builder needs the packages
 * on the path and pip does not touch itself: `pip install --prefix=/install --upgrade pip` upgrades pip
 * into the prefix and removes the running one, so the next pip call fails (issue 9); a setuptools/wheel upgrade would leave two versions
 * in /usr/local after the copy. The base is an official python image (checked before): its Python is
 * /usr/local, where the prefix is copied.
 */
const SELF_UPGRADE_NAMES = new Set(["pip", "setuptools", "wheel", "distribute"]);
/** `pip`, `pip>=23`, `setuptools[core]`: pip itself or its build tools rather than a package of the app. */
const isSelfUpgrade = (name: string): boolean => SELF_UPGRADE_NAMES.has(name.toLowerCase().split(/[<>=!~[;\s]/)[0] ?? "");

/**
 * The installs the split moves, without a trailing `pip install --upgrade pip` that runs as a non-root user
 * after the app's installs (`USER app` then the upgrade): the builder cannot run it as that user, and it is
 * no package of the app. It stays in the final stage as written, as the same user on the same /usr/local
 * pip (prefix layout; the venv layout refuses, see planSplit). Counting it as the install let the USER
 * before it refuse the split until hygiene/pip-self-upgrade removed it, after which planning the result
 * again split the stage (fuzz seed 100 case 82373, not idempotent). Any other install after the USER
 * keeps the refusal.
 */
function withoutLateSelfUpgrades(stage: Stage, position: ReadonlyMap<InstructionNode, number>, installs: readonly Install[], escapeChar: string):
  { installs: readonly Install[]; late: readonly Install[]; lateUser: string } {
  const none = { installs, late: [], lateUser: "" };
  const at = (node: InstructionNode): number => position.get(node) ?? -1;
  const last = Math.max(...installs.map(({ node }) => at(node)));
  const user = firstNonRootUser(stage.instructions.slice(0, last + 1), escapeChar);
  if (user === null) return none;
  const early = installs.filter(({ node }) => at(node) < at(user.node));
  const late = installs.filter(({ node }) => at(node) > at(user.node));
  const onlySelf = late.every(({ info }) => info.requirements.length > 0 && info.requirements.every((r) => isSelfUpgrade(r.value))
    && info.requirementFiles.length === 0 && info.constraintFiles.length === 0 && info.editables.length === 0);
  return early.length === 0 || !onlySelf ? none : { installs: early, late, lateUser: user.user };
}

function prefixProblem(stage: Stage, position: ReadonlyMap<InstructionNode, number>, installs: readonly Install[], requested: readonly string[],
  late: readonly Install[], roleOf: (node: InstructionNode) => RunRole): string | null {
  const upgrading = installs.find(({ info }) => info.requirements.some((r) => isSelfUpgrade(r.value)));
  if (upgrading !== undefined) return `pip upgrades itself or its build tools on line ${lineOf(upgrading.node)}, which an install under --prefix does not survive`;
  // The stage's requested names include the late upgrades' own (which stay in the final stage): only more count.
  const lateNames = late.reduce((sum, { info }) => sum + info.requirements.length, 0);
  if (requested.filter(isSelfUpgrade).length > lateNames) return "the requirements upgrade pip or its build tools, which an install under --prefix does not survive";
  const indexes = installs.map(({ node }) => position.get(node) ?? -1);
  const between = stage.instructions.slice(Math.min(...indexes), Math.max(...indexes) + 1);
  const installNodes = new Set(installs.map((i) => i.node));
  // A RUN between the installs may import what the first installed: under a prefix it is not on the path.
  const work = between.find((n) => n.keyword === "RUN" && !installNodes.has(n) && roleOf(n) === "work");
  if (work !== undefined) return `line ${lineOf(work)} runs between the installs and may use the packages, which under --prefix are not on the path yet`;
  // pip under --prefix does not see what an earlier install put there: a later install that needs it resolves
  // it again with its own index and pins and writes it over the first (torch from the CPU index, then PyPI's
  // CUDA build for sentence-transformers; numpy==1.26.4, then pandas' newest numpy). A venv sees every install.
  const [first, second] = installs;
  if (first !== undefined && second !== undefined) {
    return `${second.node === first.node ? `line ${lineOf(first.node)} installs twice` : `lines ${lineOf(first.node)} and ${lineOf(second.node)} install`}, and under --prefix a later install would not see what an earlier one put there (pip would install it again, perhaps another version or build)`;
  }
  return null;
}

/** Why an install cannot be moved into the builder's venv as written; null when it can. */
function installProblem(node: InstructionNode, info: PipInstall): string | null {
  if (node.form === "exec") return "is an exec-form (JSON) RUN, which Whaleweight does not rewrite";
  if (info.installer !== "pip") return "installs with uv pip, which needs VIRTUAL_ENV rather than PATH to find a virtual environment";
  const o = info.options;
  if (o.user) return "installs with --user, into a home directory rather than an environment a builder stage would copy";
  if (o.prefix !== null || o.legacyInstallOptionPrefix !== null) return "installs into a prefix already: copy that prefix from a builder stage yourself";
  if (o.target !== null) return "installs with --target into a folder the app's path points at: copy that folder from a builder stage yourself";
  if (o.root !== null) return "installs with --root under another root directory";
  if (info.editables.length > 0) return "installs in editable mode (-e), which links the environment to the builder's source tree";
  if (info.venv === null && info.executable.includes("/")) return `calls ${info.executable} by its path, so the install would not go into the virtual environment`;
  return null;
}

/** The venv the installs use: the one the stage creates, else VENV created before the first install. */
/** Each instruction's position in its stage: `indexOf` for every install of a long stage was quadratic. */
function positionsIn(stage: Stage): Map<InstructionNode, number> {
  return new Map(stage.instructions.map((n, i) => [n, i]));
}

function venvOf(stage: Stage, installs: readonly Install[]): { ok: true; plan: { venv: string; createBefore: InstructionNode | null } } | { ok: false; reason: string } {
  const created = new Set<string>();
  for (const n of stage.instructions) for (const i of n.run?.infos ?? []) if (i.kind === "venv-create") created.add(i.path.replace(/\/+$/, ""));
  const used = new Set<string | null>();
  // The PATH the stage's ENVs set before each instruction, in one pass: looking it up from the stage's
  // start for each install was quadratic (a fuzz `bulk` stage of thousands of installs: ~1.4 s a detect).
  const pathBefore = new Map<InstructionNode, string | undefined>();
  let currentPath: string | undefined;
  for (const n of stage.instructions) {
    pathBefore.set(n, currentPath);
    if (n.keyword === "ENV") for (const p of n.pairs) if (p.name === "PATH") currentPath = p.value;
  }
  for (const { node, info } of installs) {
    let venv = info.venv;
    if (venv === null && !info.executable.includes("/")) {
      // `pip` resolves through PATH: an ENV PATH before the install that starts with a created venv's bin.
      const path = pathBefore.get(node);
      const first = path?.split(":")[0]?.replace(/\/bin\/?$/, "");
      if (first !== undefined && created.has(first)) venv = first;
    }
    used.add(venv);
  }
  const [venv] = [...used];
  if (used.size > 1 || venv === undefined) return { ok: false, reason: "some installs go into a virtual environment and others into the system Python" };
  if (venv === null) {
    if (created.size > 0) return { ok: false, reason: "the stage creates a virtual environment but installs into the system Python" };
    const first = installs[0]?.node;
    return first === undefined ? { ok: false, reason: "the stage has no install" } : { ok: true, plan: { venv: VENV, createBefore: first } };
  }
  if (!created.has(venv) || venv.includes("$") || !venv.startsWith("/")) return { ok: false, reason: `the virtual environment ${venv} is not created at an absolute path in this stage` };
  return { ok: true, plan: { venv, createBefore: null } };
}

/** Packages the stage removes after installing them: `apt-get purge X`, `apk del X` (virtual groups expanded). */
function removedPackages(stage: Stage): Set<string> {
  const removed = new Set<string>();
  const groups = new Map<string, string[]>();
  for (const n of stage.instructions) {
    for (const info of n.run?.infos ?? []) if (info.kind === "apk-add" && info.virtual !== null) groups.set(info.virtual, info.packages.map((p) => p.value));
  }
  for (const n of stage.instructions) {
    for (const info of n.run?.infos ?? []) {
      if (info.kind !== "apt-remove" && info.kind !== "apk-del") continue;
      for (const p of info.packages) {
        const group = groups.get(p.value);
        if (group === undefined) removed.add(p.value);
        else for (const name of group) removed.add(name);
      }
    }
  }
  return removed;
}

/** A manifest as the estimator counts one (`poetry.lock*` included), or the `requirements/` folder. */
function isManifest(source: string): boolean {
  return isManifestPath(source.replace(/\*$/, "")) || /^(\.\/)?requirements\/?$/.test(source);
}

/** The first command of a RUN that is neither an install nor a cleanup, for the reason's words. */
function otherWork(node: InstructionNode): string {
  const index = (node.run?.infos ?? []).findIndex((i) => i.kind === "other" || i.kind === "useradd" || i.kind === "pip-uninstall");
  return node.run?.commands[index]?.words.slice(0, 2).map((w) => w.value).join(" ") ?? "a command";
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
