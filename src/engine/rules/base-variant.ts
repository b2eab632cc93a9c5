// size/base-variant — the full `python:X` image is Debian with a compiler toolchain, headers and
// version-control tools (about 1 GB). Most apps need only Python: `python:X-alpine` where every requirement
// installs from a wheel (or is pure Python) on musl, else `python:X-slim`; the other is the alternative.
// Only the final stage is rewritten: a builder may need the toolchain, and its size does not ship.
import type { Analysis } from "../analyze";
import type { InstructionNode, Stage } from "../dockerfile/model";
import { formatBytes } from "../format";
import {
  alpineClosure, debianRuntimeName, sourceBuildSystemNeeds, type DebianRelease, exactDebianRelease, withLibcHeaders, findAlpinePackage, findBaseImage, isInFullPythonImage,
  packageBuildNeeds, parseImageRef, parsePythonTag, pythonImageSuite, suggestPythonVariant, wheelSystemNeeds, type ImageRef, type PythonVariantSuggestion,
} from "../knowledge";
import type { CommandInfo } from "../shell/command-info";
import type { TextEdit } from "../text/edits";
import { executableNeed, shellNeed } from "../verify/command-needs";
import { runtimeLibrariesFor } from "../verify/final-stage";
import { bashOf } from "../verify/executables";
import { makeFinding } from "./support/finding";
import { runtimeTarget } from "./support/multistage-plan";
import { installOn, isNote, packageFor, packageToken, stagePackages, type StagePackage, type StagePackages } from "./support/packages";
import { aptListsCleanupBefore, aptListsReadFrom, finalStage, insertionPointBefore, lineBreakOf, stagesUsedBy } from "./support/stages";
import type { FixAlternative, Rule, RuleContext } from "./types";

/** Tools the full image has (buildpack-deps' curl, scm and full layers) and slim/alpine lack, by the package
 *  that provides each on Debian and on Alpine (null: that variant has it): a RUN that calls one breaks on
 *  the smaller base unless the rewrite installs it. Alpine's busybox has wget but no bash, and adduser but no
 *  useradd (Alpine's shadow package has it). */
/** What a Rust build needs from the image, as the rewrite's sentence names it. */
const RUST_LINKER = "cc (the linker cargo calls)";

const FULL_IMAGE_TOOLS: ReadonlyMap<string, { readonly debian: string | null; readonly alpine: string | null }> = new Map([
  ["bash", { debian: null, alpine: "bash" }],
  ["useradd", { debian: null, alpine: "shadow" }], ["groupadd", { debian: null, alpine: "shadow" }], ["usermod", { debian: null, alpine: "shadow" }],
  ["git", { debian: "git", alpine: "git" }], ["curl", { debian: "curl", alpine: "curl" }], ["wget", { debian: "wget", alpine: null }],
  // A compiler called by hand needs libc's headers too (gcc only Recommends libc6-dev): the toolchain package.
  ["gcc", { debian: "build-essential", alpine: "build-base" }], ["cc", { debian: "build-essential", alpine: "build-base" }], ["g++", { debian: "build-essential", alpine: "build-base" }],
  ["make", { debian: "make", alpine: "make" }], ["hg", { debian: "mercurial", alpine: "mercurial" }], ["svn", { debian: "subversion", alpine: "subversion" }],
  ["ssh", { debian: "openssh-client", alpine: "openssh-client" }], ["scp", { debian: "openssh-client", alpine: "openssh-client" }],
  ["patch", { debian: "patch", alpine: "patch" }], ["bzip2", { debian: "bzip2", alpine: "bzip2" }], ["xz", { debian: "xz-utils", alpine: "xz" }],
  ["unzip", { debian: "unzip", alpine: "unzip" }], ["file", { debian: "file", alpine: "file" }], ["gpg", { debian: "gnupg", alpine: "gnupg" }],
  ["pkg-config", { debian: "pkg-config", alpine: "pkgconf" }], ["cmake", { debian: "cmake", alpine: "cmake" }],
  // Rust (rustup's toolchain, cargo, maturin) links with the C compiler driver, `cc`: "linker `cc` not found".
  [RUST_LINKER, { debian: "build-essential", alpine: "build-base" }],
]);

/** Commands and installers of a Rust toolchain, which needs a C linker to build anything. */
const RUST = /\b(cargo|rustc|rustup|maturin)\b|sh\.rustup\.rs/;

/** The full image's tools the stage calls that the variant's own package manager does not install, with
 *  the packages that provide them and the first instruction that needs one (a VCS requirement needs git
 *  at its pip install). */
interface MissingTools {
  readonly tools: readonly string[];
  readonly packages: readonly string[];
  readonly first: InstructionNode;
  /** Where their install goes: before `first`, or before the stage's first USER when one comes earlier
   *  (apt-get and apk need root, and a HEALTHCHECK or CMD comes after the switch to the app's user). */
  readonly installBefore: InstructionNode;
}

interface Target {
  readonly stage: Stage;
  readonly node: InstructionNode;
  readonly ref: ImageRef;
  readonly image: string;
}

function target(analysis: Analysis): Target | null {
  const stage = finalStage(analysis.model);
  const from = stage?.from.from;
  // Guard: FROM another stage — rewriting that stage would change every stage built on it.
  if (stage === undefined || stage === null || from == null || from.baseStage !== null || from.image === null) return null;
  const ref = parseImageRef(from.image);
  if (ref === null || ref.repository !== "python" || ref.registry !== null) return null;
  const tag = parsePythonTag(ref.tag);
  // Guard: only the full variant (any Debian suite suffix); slim and alpine are what we would suggest.
  if (tag === null || tag.variant !== "full") return null;
  return { stage, node: stage.from, ref, image: from.image };
}

export const baseVariant: Rule = {
  meta: {
    id: "size/base-variant",
    title: "Use a smaller Python base image",
    category: "size",
    severity: "warning",
    fixSafety: "suggestion",
    // The first step of the seed path (DESIGN §4): applied by default although the user may pick another.
    defaultAction: "apply",
    hadolint: null,
    docs: {
      what: "Replaces a full python:X base in the final stage with python:X-alpine when every requirement installs from a wheel or is pure Python on musl, else with python:X-slim; the other variant is offered as the alternative.",
      why: "The full image is Debian with compilers, headers and version-control tools — about 1 GB on disk. slim holds only what CPython needs (about 120 MB); alpine is smaller still, but uses musl: packages without a musllinux wheel compile from source there.",
      before: "FROM python:3.12\nRUN pip install flask\n",
      after: "FROM python:3.12-alpine\nRUN pip install flask\n",
      safety: "A suggestion: commands that relied on tools of the full image (git, curl, gcc) need them installed, and the rewrite installs the ones the stage calls (in a RUN, a HEALTHCHECK, the CMD or ENTRYPOINT) before the first call, as root (a script the stage runs may call others it cannot see); on Alpine, glibc-only wheels and apt-get do not work. The rewrite adds the build dependencies a package needs to compile.",
    },
    messages: {
      full: "{{image}} is the full Debian image ({{size}} on disk): a slim or alpine variant holds the same Python.",
    },
  },
  detect({ analysis }) {
    const t = target(analysis);
    if (t === null) return [];
    const row = findBaseImage(t.ref)?.row;
    return [makeFinding(this.meta, "full", { image: t.image, size: formatBytes(row?.diskBytes ?? 0) }, t.node.range)];
  },
  fix(context) {
    const t = target(context.analysis);
    if (t === null) return [];
    return alternativesFor(context, t);
  },
};

function alternativesFor({ analysis }: RuleContext, t: Target): FixAlternative[] {
  const from = t.stage.from.from;
  // Guard: an image given through a variable (`FROM python:${PY}`) is rewritten where the variable is set, which we do not do.
  if (from === null || from.rawImage.includes("$")) return [];
  // Guard: ONBUILD makes this file a base image: what its children install (with their own requirements,
  // on the compilers and glibc of the full image) is not here to check.
  if (t.stage.instructions.some((n) => n.keyword === "ONBUILD")) return [];
  const infos = t.stage.instructions.flatMap((n) => n.run?.infos ?? []);
  // What the stage installs, by the variant's own package manager: an `apk add` installs nothing on a Debian
  // slim (apk is not there), an `apt-get install` nothing on Alpine (fuzz case 11236).
  const installedBy = (kind: "apt-install" | "apk-add") => new Set(infos.flatMap((i) => (i.kind === kind ? i.packages.map((p) => p.value) : [])));
  const vcsInstall = t.stage.instructions.find((n) => (n.run?.infos ?? []).some((i) => i.kind === "pip-install" && (i.requirements.some((r) => r.value.startsWith("git+"))
    || (i.requirementFiles.length > 0 && analysis.requirementFiles.some((f) => f.requirements.some((r) => r.url?.startsWith("git+") === true))))));
  // A tool the full image has and nothing installs (git clone, curl …, git for a VCS requirement): the
  // rewrite installs it before its first use, or the build would break.
  const slimTools = missingTools(t.stage, vcsInstall, installedBy("apt-install"), installedBy("apk-add"), "debian");
  const alpineTools = missingTools(t.stage, vcsInstall, installedBy("apk-add"), installedBy("apt-install"), "alpine");

  const packages = stagePackages(analysis, t.stage);
  // Any apt-get or apt call, as the build check reads it (`apt-get upgrade`, a mistyped subcommand: fuzz
  // case 14039), not only the ones the recogniser names: on Alpine each one fails.
  const usesApt = t.stage.instructions.some((n) => (n.run?.commands ?? []).some((command, i) => {
    const info = n.run?.infos[i];
    return info !== undefined && (info.kind.startsWith("apt-") || executableNeed(command, info)?.name === "apt-get");
  }));
  const copiesFromGlibc = stagesUsedBy(analysis.model, t.stage).some((i) => analysis.estimate.stages[i]?.libc !== "musl");
  const slim = suggestPythonVariant(t.ref, "slim");
  const alpine = suggestPythonVariant(t.ref, "alpine");
  const fullBytes = findBaseImage(t.ref)?.row.diskBytes ?? null;
  const out: FixAlternative[] = [];
  // The build dependencies a compile needs must be there *before* the install that compiles: a package
  // installed by a later RUN (an apt-get after the pip install) does not count, nor does an `apk add` (slim
  // is Debian: apk is not there, that RUN fails and installs nothing; fuzz case 11236).
  const firstInstall = t.stage.instructions.findIndex((n) => (n.run?.infos ?? []).some((i) => i.kind === "pip-install"));
  const installedBefore = new Set(t.stage.instructions.slice(0, firstInstall < 0 ? undefined : firstInstall + 1)
    .flatMap((n) => (n.run?.infos ?? []).flatMap((i) => (i.kind === "apt-install" ? i.packages.map((p) => p.value) : []))));
  // An apt-get install with no apt-get update before it worked on the full image only because what it names
  // was there already: on slim apt has no lists to find it in (the build check's apt-no-lists; fuzz 14633).
  const slimAlt = slim === null || slimTools === "refuse" || aptListsReadFrom(analysis.model, t.stage.index, 0) ? null : slimAlternative(analysis, t, slim, packages, installedBefore, fullBytes, slimTools);
  let alpineAlt: FixAlternative | null = null;
  if (alpine !== null && !usesApt && !copiesFromGlibc && alpineTools !== "refuse") alpineAlt = alpineAlternative(analysis, t, alpine, packages, fullBytes, alpineTools);
  // A script of the app's (an entrypoint's `#!/bin/bash`, GNU options of sed or date) may need what only a
  // Debian base has: where the stage runs one, slim comes first and Alpine is the alternative.
  const script = alpineAlt === null ? null : scriptRun(t.stage);
  const alpineFirst = alpineAlt !== null && script === null && packages.complete && packages.packages.every((p) => !installOn(packages, p, "musl").compiles);
  if (alpineFirst && alpineAlt !== null) out.push(alpineAlt);
  if (script !== null && slimAlt !== null && packages.complete && packages.packages.every((p) => !installOn(packages, p, "musl").compiles)) {
    out.push({ ...slimAlt, reason: `${slimAlt.reason} Alpine would do for the packages, but line ${script.line} runs ${script.name}, which Whaleweight cannot see into (its #! line may ask for bash, it may use GNU options): Alpine is the alternative.` });
    if (alpineAlt !== null) out.push(alpineAlt);
    return out;
  }
  if (slimAlt !== null) out.push(slimAlt);
  if (!alpineFirst && alpineAlt !== null) out.push(alpineAlt);
  return out;
}

/** A script from the build context the stage runs (`RUN ./setup.sh`, `RUN sh scripts/x.sh`, an ENTRYPOINT or
 *  CMD of `./docker-entrypoint.sh` or `/app/start.sh`), or null. */
function scriptRun(stage: Stage): { readonly line: number; readonly name: string } | null {
  // `./setup.sh`, `start.bash`, `./entrypoint` (no extension); not `./manage.py`, whose interpreter is python.
  const isScript = (word: string | undefined) => word !== undefined && !word.includes("$") && (/\.(sh|bash)$/.test(word) || /^\.\/[^.]*$/.test(word));
  for (const node of stage.instructions) {
    const words = node.keyword === "RUN" ? (node.run?.commands ?? []).map((c) => c.words.map((w) => w.value))
      : node.keyword === "ENTRYPOINT" || node.keyword === "CMD" ? [node.args] : [];
    for (const command of words) {
      const [first, second] = command;
      const runner = first !== undefined && /^(\/bin\/|\/usr\/bin\/)?(sh|bash)$/.test(first);
      const name = isScript(first) ? first : runner && isScript(second) ? second : undefined;
      if (name !== undefined) return { line: node.range.startLine, name: name.slice(name.lastIndexOf("/") + 1) };
    }
  }
  return null;
}

/** "refuse": the stage installs a tool it calls with the other variant's package manager (`apk add git` on
 *  a Debian base), so that variant's rewrite would keep a RUN that cannot work there. */
function missingTools(stage: Stage, vcsInstall: InstructionNode | undefined, installed: ReadonlySet<string>, otherManager: ReadonlySet<string>, family: "debian" | "alpine"): MissingTools | null | "refuse" {
  const tools: string[] = [];
  const packages = new Set<string>();
  let first: InstructionNode | null = null;
  let refuse = false;
  const need = (tool: string, node: InstructionNode) => {
    if (otherManager.has(tool)) refuse = true;
    const provider = FULL_IMAGE_TOOLS.get(tool)?.[family];
    if (provider == null || installed.has(provider) || installed.has(tool)) return;
    if (!tools.includes(tool)) tools.push(tool);
    packages.add(provider);
    if (first === null || node.range.start < first.range.start) first = node;
  };
  for (const node of stage.instructions) {
    // HEALTHCHECK CMD curl …, CMD git pull && …: the container calls them where the image has to have them.
    for (const word of containerCommandWords(node)) {
      const name = word.slice(word.lastIndexOf("/") + 1);
      if (FULL_IMAGE_TOOLS.has(name) && !word.includes("$")) need(name, node);
    }
    for (const command of node.run?.commands ?? []) {
      const word = command.words[0]?.value ?? "";
      const name = word.slice(word.lastIndexOf("/") + 1);
      if (FULL_IMAGE_TOOLS.has(name) && !word.includes("$")) need(name, node);
      // `RUN /bin/bash -c "…"`: its commands are read inside the script, and bash runs them.
      if (shellNeed(command) !== null) need("bash", node);
    }
    if (RUST.test(node.run?.script?.text ?? "")) need(RUST_LINKER, node);
    // `SHELL ["/bin/bash", …]` runs every later RUN with bash; CMD/ENTRYPOINT start the container with it.
    if ((node.keyword === "SHELL" || node.keyword === "CMD" || node.keyword === "ENTRYPOINT") && bashOf(node.args[0]) !== null) need("bash", node);
  }
  if (vcsInstall !== undefined) need("git", vcsInstall);
  if (refuse) return "refuse";
  if (first === null) return null;
  const found: InstructionNode = first;
  const user = stage.instructions.find((n) => n.keyword === "USER" && n.range.start < found.range.start);
  return { tools, packages: [...packages], first: found, installBefore: user ?? found };
}

/** The first word of each command a HEALTHCHECK, CMD or ENTRYPOINT runs: shell form split at `&&`, `||`,
 *  `;` and `|`; exec form (`["curl", "-f", …]`, a HEALTHCHECK's as one JSON word) its first element, or the
 *  commands of the script it gives `sh -c`. */
function containerCommandWords(node: InstructionNode): string[] {
  if (node.keyword !== "HEALTHCHECK" && node.keyword !== "CMD" && node.keyword !== "ENTRYPOINT") return [];
  let words = node.keyword === "HEALTHCHECK" ? (node.args[0]?.toUpperCase() === "CMD" ? node.args.slice(1) : []) : node.args;
  if (words.length === 1 && words[0]?.startsWith("[") === true) {
    try {
      const parsed: unknown = JSON.parse(words[0]);
      words = Array.isArray(parsed) && parsed.every((w) => typeof w === "string") ? parsed as string[] : [];
    } catch {
      return [];
    }
  }
  const [shell, flag, script] = words;
  if (shell !== undefined && /^(\/usr)?(\/bin\/)?(sh|bash)$/.test(shell) && flag === "-c" && script !== undefined && words.length === 3) words = script.split(/\s+/).filter((w) => w !== "");
  const firsts: string[] = [];
  let atStart = true;
  for (const word of words) {
    if (word === "&&" || word === "||" || word === ";" || word === "|") { atStart = true; continue; }
    if (atStart) firsts.push(word);
    atStart = false;
  }
  return firsts;
}

/** The RUN that installs the full image's tools the stage calls, inserted before the first that needs one. */
function toolsEdit(analysis: Analysis, missing: MissingTools, family: "debian" | "alpine"): TextEdit {
  const at = insertionPointBefore(analysis.model, missing.installBefore);
  const nl = lineBreakOf(analysis.model.text);
  const install = family === "debian"
    ? `RUN apt-get update && apt-get install -y --no-install-recommends ${missing.packages.join(" ")}${aptListsCleanupBefore(analysis.model, missing.first)}`
    : `RUN apk add --no-cache ${missing.packages.join(" ")}`;
  return { start: at, end: at, text: `${install}${nl}` };
}

function toolsSentence(missing: MissingTools | null, variant: string): string {
  if (missing === null) return "";
  return ` The stage calls ${missing.tools.join(", ")} (line ${missing.first.range.startLine} first), which the full image has and ${variant} does not: the rewrite installs ${missing.packages.join(", ")} before ${missing.tools.length === 1 ? "it" : "them"}.`;
}

function replaceImage(t: Target, text: string): TextEdit {
  const range = t.node.argsRange ?? t.node.range;
  const source = t.stage.from.from?.rawImage ?? t.image;
  return { start: range.start, end: range.start + source.length, text };
}

function baseSentence(t: Target, suggestion: PythonVariantSuggestion, fullBytes: number | null): string {
  const bytes = suggestion.row?.diskBytes;
  const size = bytes == null || fullBytes === null ? "" : ` (${formatBytes(fullBytes)} → ${formatBytes(bytes)} on disk)`;
  return `${t.image} → ${suggestion.text}${size}.`;
}

function slimAlternative(analysis: Analysis, t: Target, slim: PythonVariantSuggestion, packages: StagePackages, installed: ReadonlySet<string>, fullBytes: number | null, tools: MissingTools | null): FixAlternative {
  const edits: TextEdit[] = [replaceImage(t, slim.text)];
  const compiling = compilingOn(packages, "glibc");
  // A project the bundled table has no build row for needs a compiler at least.
  const wanted = unique(compiling.flatMap((p) => packageBuildNeeds(p.name)?.debian ?? (p.row === null ? ["build-essential"] : [])).filter((e) => !isNote(e)).map(packageToken)).filter((p) => !installed.has(p) && !(p === "gcc" && installed.has("build-essential")));
  // A bare gcc compiles nothing on slim without libc's headers (knowledge/libc-headers.ts). A wheel that
  // loads a system library the full image has and slim lacks (lightgbm: libgomp1) gets it too.
  // (opencv-python's libGL the full image lacks too: the build check reports it on the original.)
  const fullRelease = exactDebianRelease(pythonImageSuite(t.image));
  const slimRelease = exactDebianRelease(pythonImageSuite(slim.text));
  const inFull = (lib: string): boolean => fullRelease === null || isInFullPythonImage(debianRuntimeName(lib, fullRelease), fullRelease);
  const wheelLibs = unique(packages.packages.flatMap((p) => (compiling.some((c) => c.name === p.name) ? [] : wheelSystemNeeds(p.name)?.debian ?? [])))
    .filter((p) => !installed.has(p) && inFull(p)).map((p) => debianRuntimeName(p, slimRelease)).filter((p) => !installed.has(p));
  const copied = copiedBuildLibraries(analysis, t, slimRelease, inFull);
  const needs = [...withLibcHeaders(wanted, "debian"), ...wheelLibs, ...copied.libs].filter((p, i, all) => !installed.has(p) && all.indexOf(p) === i);
  const firstPip = needs.length > 0 ? t.stage.instructions.find((n) => (n.run?.infos ?? []).some((i) => i.kind === "pip-install")) : undefined;
  // Where the stage installs nothing itself (it copies a venv a builder compiled), the libraries go first.
  const anchor = firstPip ?? (copied.libs.length > 0 ? t.stage.instructions[0] : undefined);
  // Tools first needed where the build dependencies go are installed with them, in one RUN.
  const together = tools !== null && anchor !== undefined && insertionPointBefore(analysis.model, tools.installBefore) === insertionPointBefore(analysis.model, anchor);
  if (tools !== null && !together) edits.push(toolsEdit(analysis, tools, "debian"));
  let extra = "";
  // slim has no compiler: packages without a manylinux wheel need one, and their headers, to build.
  if (needs.length > 0 && anchor !== undefined) {
    const text = analysis.model.text;
    const at = insertionPointBefore(analysis.model, anchor);
    const nl = lineBreakOf(text);
    const all = together ? unique([...needs, ...tools.packages]) : needs;
    edits.push({ start: at, end: at, text: `RUN apt-get update && apt-get install -y --no-install-recommends ${all.join(" ")}${aptListsCleanupBefore(analysis.model, anchor)}${nl}` });
    const compiled = needs.filter((p) => !wheelLibs.includes(p) && !copied.libs.includes(p));
    const users = packages.packages.filter((p) => (wheelSystemNeeds(p.name)?.debian ?? []).some((lib) => wheelLibs.includes(debianRuntimeName(lib, slimRelease)))).map((p) => p.name);
    extra = (compiled.length === 0 ? "" : ` ${compileReason(compiling, "manylinux")}, so the rewrite installs ${compiled.join(", ")} (slim has no compiler).`)
      + (wheelLibs.length === 0 ? "" : ` ${users.join(", ")} ${users.length === 1 ? "loads" : "load"} ${wheelLibs.join(", ")} from the image, which the full image has and slim does not: the rewrite installs ${wheelLibs.length === 1 ? "it" : "them"}.`)
      + (copied.libs.length === 0 ? "" : ` ${copied.sentence}`);
  }
  return {
    id: "slim",
    title: `Use ${slim.text}`,
    edits: [{ file: "dockerfile", edits }],
    reason: `Debian slim keeps glibc, so every manylinux wheel still installs: ${baseSentence(t, slim, fullBytes)}${extra}${toolsSentence(tools, "slim")}`,
  };
}

/**
 * Runtime libraries of packages compiled in another stage and copied into this one (a venv whose
 * python-ldap a builder built against libldap-dev loads libldap2): the full image has them, slim does not.
 * The same list the build check's runtime-library-missing reads (verify/final-stage.ts), on slim's release,
 * less what the stage installs with apt anywhere (a runtime library is needed only when the app runs).
 */
function copiedBuildLibraries(analysis: Analysis, t: Target, release: DebianRelease | null, inFull: (lib: string) => boolean): { readonly libs: readonly string[]; readonly sentence: string } {
  const summaries = analysis.estimate.stages;
  const own = summaries.find((s) => s.index === t.stage.index);
  if (own === undefined) return { libs: [], sentence: "" };
  const present = new Set(own.pythonPresent);
  const builtHere = new Set(own.builtFromSource);
  const aptInstalled = new Set(t.stage.instructions.flatMap((n) => (n.run?.infos ?? []).flatMap((i) => (i.kind === "apt-install" ? i.packages.map((p) => debianRuntimeName(p.value, release)) : []))));
  const libs: string[] = [];
  const users: string[] = [];
  for (const index of unique(stagesUsedBy(analysis.model, t.stage).map(String)).map(Number)) {
    const source = summaries.find((s) => s.index === index);
    for (const name of source?.builtFromSource ?? []) {
      if (builtHere.has(name) || !present.has(name)) continue;
      const needs = packageBuildNeeds(name);
      const runtime = needs != null ? runtimeLibrariesFor(needs, "glibc", release) : [...(sourceBuildSystemNeeds(name)?.debian ?? [])];
      const missing = runtime.filter((lib) => inFull(lib)).map((lib) => debianRuntimeName(lib, release)).filter((lib) => !aptInstalled.has(lib));
      if (missing.length === 0) continue;
      users.push(`${name} (compiled in stage ${source?.name ?? index})`);
      libs.push(...missing);
    }
  }
  const all = unique(libs);
  return {
    libs: all,
    sentence: all.length === 0 ? "" : `${users.join(", ")} ${users.length === 1 ? "loads" : "load"} ${all.join(", ")} at run time, which the full image has and slim does not: the rewrite installs ${all.length === 1 ? "it" : "them"}.`,
  };
}

function alpineAlternative(analysis: Analysis, t: Target, alpine: PythonVariantSuggestion, packages: StagePackages, fullBytes: number | null, tools: MissingTools | null): FixAlternative | null {
  const edits: TextEdit[] = [replaceImage(t, alpine.text)];
  if (tools !== null) edits.push(toolsEdit(analysis, tools, "alpine"));
  const unknown = packages.unknown;
  const compiling = compilingOn(packages, "musl");
  let extra = compiling.length === 0 ? " Every requirement installs from a musllinux wheel or is pure Python." : "";
  // Guard: a package whose build the table calls impractical or impossible on musl (pyarrow before 20.0.0:
  // Arrow C++ first) has nothing the rewrite could add; the full image installs its manylinux wheel.
  const unbuildable = compiling.find((p) => { const needs = packageBuildNeeds(p.name)?.alpine ?? []; return needs.length > 0 && needs.every(isNote); });
  if (unbuildable !== undefined) return null;
  // Libraries a wheel (or a pure package, through ctypes) loads from the image, which the full image had.
  const wheelLibs = unique(packages.packages.flatMap((p) => (compiling.some((c) => c.name === p.name) ? [] : wheelSystemNeeds(p.name)?.alpine ?? [])));
  if (compiling.length === 0 && wheelLibs.length > 0) {
    const firstPip = t.stage.instructions.find((n) => (n.run?.infos ?? []).some((i) => i.kind === "pip-install"));
    if (firstPip === undefined) return null;
    const at = insertionPointBefore(analysis.model, firstPip);
    edits.push({ start: at, end: at, text: `RUN apk add --no-cache ${wheelLibs.join(" ")}${lineBreakOf(analysis.model.text)}` });
    const users = packages.packages.filter((p) => (wheelSystemNeeds(p.name)?.alpine ?? []).length > 0).map((p) => p.name);
    extra += ` ${users.join(", ")} ${users.length === 1 ? "loads" : "load"} ${wheelLibs.join(", ")} from the image, which the full image has and Alpine does not: the rewrite installs ${wheelLibs.length === 1 ? "it" : "them"}.`;
  }
  if (compiling.length > 0) {
    const distro = runtimeTarget(alpine.text, "musl").distro;
    const build = withLibcHeaders(unique(compiling.flatMap((p) => packageBuildNeeds(p.name)?.alpine ?? ["build-base"]).filter((e) => !isNote(e)).map((e) => packageFor(e, distro))), "alpine");
    if (compiling.some((p) => packageBuildNeeds(p.name)?.rust === true) && !build.includes("cargo")) build.push("cargo");
    const runtime = unique([...compiling.flatMap((p) => packageBuildNeeds(p.name)?.alpineRuntime ?? []).map(packageToken), ...wheelLibs]);
    // The RUN that installs the packages: not a `pip install --upgrade pip` before it (fuzz seed 100 case
    // 10294, corpus 015 mutated: the build group went around the self-upgrade, and the RUN that compiles
    // had no compiler). With installs in more than one RUN, one --virtual group cannot serve them all.
    const installers = t.stage.instructions.filter((n) => (n.run?.infos ?? []).some((i) => i.kind === "pip-install" && !toolingOnly(i)));
    if (installers.length !== 1) return null;
    const pipNode = installers[0];
    const commands = pipNode?.run?.commands ?? [];
    const first = commands[0];
    const last = commands[commands.length - 1];
    // Guard: the build dependencies go into the RUN that compiles; without an editable shell-form RUN there is none.
    if (pipNode === undefined || first === undefined || last === undefined || first.end <= first.start || pipNode.heredocs.length > 0) return null;
    const runtimePart = runtime.length > 0 ? `apk add --no-cache ${runtime.join(" ")} && ` : "";
    edits.push({ start: first.start, end: first.start, text: `${runtimePart}apk add --no-cache --virtual .build-deps ${build.join(" ")} && ` });
    edits.push({ start: last.end, end: last.end, text: " && apk del .build-deps" });
    extra = ` On musl, ${compileReason(compiling, "musllinux")}: the rewrite adds ${build.join(", ")} (${buildCost(build)} while building, removed in the same RUN)${runtime.length > 0 ? ` and keeps ${runtime.join(", ")} for run time` : ""}.`;
  }
  if (unknown.length > 0) extra += ` ${unknown.join(", ")} ${unknown.length === 1 ? "is" : "are"} not in the package table: whether ${unknown.length === 1 ? "it has" : "they have"} musllinux wheels is unknown.`;
  return {
    id: "alpine",
    title: `Use ${alpine.text}`,
    edits: [{ file: "dockerfile", edits }],
    reason: `Alpine is the smallest official Python base: ${baseSentence(t, alpine, fullBytes)}${extra}${toolsSentence(tools, "alpine")}`,
  };
}

/** `pip install --upgrade pip setuptools wheel`: the installer's own tools, nothing the app imports. */
function toolingOnly(info: Extract<CommandInfo, { kind: "pip-install" }>): boolean {
  return info.requirementFiles.length === 0 && info.editables.length === 0 && info.requirements.length > 0
    && info.requirements.every((r) => /^(pip|setuptools|wheel)(\W|$)/i.test(r.value.replace(/^["']/, "")));
}

function buildCost(packages: readonly string[]): string {
  // Each package once, a compiler with its closure (what two closures share counted once), as the estimate does.
  const counted = new Map<string, number>();
  for (const p of packages) {
    const parts = alpineClosure(p)?.parts ?? [{ package: p, installedBytes: findAlpinePackage(p)?.row.installedBytes ?? 0 }];
    for (const part of parts) counted.set(part.package, part.installedBytes);
  }
  return `about ${formatBytes([...counted.values()].reduce((sum, b) => sum + b, 0))}`;
}

/** The packages that compile from source on `libc`, each with the version that install gets. */
function compilingOn(packages: StagePackages, libc: "glibc" | "musl"): Compiling[] {
  return packages.packages.flatMap((p) => {
    const verdict = installOn(packages, p, libc);
    return verdict.compiles ? [{ ...p, installs: verdict.version, maybe: verdict.maybe }] : [];
  });
}

type Compiling = StagePackage & { readonly installs: string | null; readonly maybe: string | null };

/** The packages with their versions (`pyarrow 16.1.0`): the verdict is that version's, not the newest's. */
function names(packages: readonly Compiling[]): string {
  return packages.map((p) => (p.installs === null ? p.name : `${p.name} ${p.installs}`)).join(", ");
}

/** Why they compile: "a, b have no <kind> wheel and build from source; c 1.0 is older than … and may have none". */
function compileReason(compiling: readonly Compiling[], kind: "manylinux" | "musllinux"): string {
  const sure = compiling.filter((p) => p.maybe === null);
  const one = sure.length === 1;
  return [
    sure.length === 0 ? null : `${names(sure)} ${one ? "has" : "have"} no ${kind} wheel and ${one ? "builds" : "build"} from source`,
    ...compiling.flatMap((p) => (p.maybe === null ? [] : [p.maybe])),
  ].filter((part) => part !== null).join("; ");
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
