// size/apt-no-install-recommends — `apt-get install` also installs every package the requested ones
// *recommend* (APT::Install-Recommends is on by default). In an image those are rarely used: python3-pip
// recommends build-essential, so a plain `apt-get install python3-pip` brings a compiler. Matches DL3015.
// The size: the estimate weighs each install's Recommends closure from the Debian release table and
// records it (`estimate.aptRecommends`); the reason names the biggest of those packages.
import type { Analysis } from "../analyze";
import type { InstructionNode } from "../dockerfile/model";
import type { AptRecommendsWeight } from "../estimate/types";
import { formatBytes } from "../format";
import { withLibcHeaders } from "../knowledge";
import type { CommandInfo } from "../shell/command-info";
import { atLine } from "./support/at-line";
import { editableRun, finalImageRuns } from "./support/commands";
import { stageAndBuiltOn } from "./support/stages";
import { makeFinding } from "./support/finding";
import type { Rule, RuleContext } from "./types";

type AptInstall = Extract<CommandInfo, { kind: "apt-install" }>;

/** Recommends known without a release table (Ubuntu bases, no table loaded), with the fact behind each
 *  (Debian package metadata, bookworm and trixie, `apt-cache show python3-pip`: "Recommends:
 *  build-essential, python3-dev"). With a table the recommended packages come from the estimate. */
const KNOWN_RECOMMENDS: Readonly<Record<string, string>> = {
  "python3-pip": "build-essential and python3-dev (a C compiler)",
};

/** Compilers an install names: with one named, no compiler comes only as a recommendation. */
const COMPILER = /^(build-essential|gcc(-\d+)?|g\+\+(-\d+)?)$/;
/** Compiler packages among what the Recommends add (build-essential is a meta package: where the image already
 *  has gcc, as a full python image does, it brings none). */
const COMPILER_PACKAGE = /^(gcc|g\+\+|clang)(-\d+)?$/;
/** How many recommended packages the reason names (the biggest): enough to see where the bytes are. */
const NAMED = 3;

interface Hit {
  readonly node: InstructionNode;
  readonly infos: readonly AptInstall[];
  /** What the estimate weighed for this RUN's Recommends (empty without a release table). */
  readonly weights: readonly AptRecommendsWeight[];
}

function hits({ analysis }: RuleContext): Hit[] {
  const out: Hit[] = [];
  for (const node of finalImageRuns(analysis)) {
    // Guard: only installs without the flag (or `-o APT::Install-Recommends=false`), and with packages;
    // not one whose packages the same RUN purges and then autoremoves (what they recommended goes with them).
    const all = node.run?.infos ?? [];
    const infos = all.filter((i, at): i is AptInstall => i.kind === "apt-install" && !i.noInstallRecommends && i.packages.length > 0 && !removedWithRecommends(all, at, i));
    const weights = atLine(analysis.estimate.aptRecommends, node.range.startLine);
    if (infos.length > 0) out.push({ node, infos, weights });
  }
  return out;
}

/** True when, after the install at `at`, the RUN removes every package it names and autoremoves (`apt-get
 *  purge -y X && apt-get autoremove -y`, or `purge --auto-remove`): the Recommends, installed as automatic,
 *  are then no longer needed by anything and leave in the same layer. */
function removedWithRecommends(infos: readonly CommandInfo[], at: number, install: AptInstall): boolean {
  const later = infos.slice(at + 1);
  const removed = new Set<string>();
  let autoremove = false;
  for (const info of later) {
    if (info.kind === "apt-remove") {
      for (const p of info.packages) removed.add(p.value);
      if (info.autoremove) autoremove = true;
    } else if (info.kind === "apt-autoremove" && removed.size > 0) {
      autoremove = true;
    }
  }
  return autoremove && install.packages.every((p) => removed.has(p.value));
}

/** The recommended packages of these installs, biggest first, and their total. */
function recommended(all: readonly Hit[]): { packages: { name: string; bytes: number }[]; bytes: number } {
  const packages = all.flatMap((h) => h.weights.flatMap((w) => w.packages)).sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
  return { packages, bytes: packages.reduce((sum, p) => sum + p.bytes, 0) };
}

function describeSaving(all: readonly Hit[]): string {
  const { packages, bytes } = recommended(all);
  if (packages.length === 0) {
    return all.some((h) => h.weights.length > 0)
      ? "By the Debian release table these installs recommend nothing the image does not already have: the flag saves no bytes here today."
      : "No Debian release table weighs these installs' Recommends (an Ubuntu base, no table loaded, or a name the release lacks), so what the flag leaves out is not weighed (assumption apt-recommends).";
  }
  const named = packages.slice(0, NAMED).map((p) => `${p.name} ${formatBytes(p.bytes)}`).join(", ");
  const more = packages.length > NAMED ? ` and ${packages.length - NAMED} more` : "";
  return `Without the flag apt also installs ${packages.length} recommended package${packages.length === 1 ? "" : "s"} (with their own dependencies): ${formatBytes(bytes)} of Installed-Size (${named}${more}), from the Debian release table.`;
}

/**
 * Guard: a compiler that comes only as a recommendation (python3-pip → build-essential) may be what a later
 * step compiles with; without it the build fails (the fuzz harness found one). The flag is refused, with the
 * reason, only where something after the install may compile: a package the estimate has pip build from
 * source, a package no table holds, a build of the project itself, or a command the model does not read.
 * Where every later install is a wheel for the image, the compiler is weight and nothing else (an Ubuntu
 * CUDA image's `apt-get install python3-pip` before `pip install torch`: 400 MB of it). The plan's build
 * check then confirms the rewrite: a source build left without a compiler is a build error there.
 */
function compilerKept(analysis: Analysis, hit: Hit): { compiler: string; reason: string } | null {
  const compiler = recommendedCompiler(hit);
  if (compiler === null) return null;
  const reason = mayCompileAfter(analysis, hit);
  return reason === null ? null : { compiler, reason };
}

/** The compiler this RUN's installs get only as a recommendation (named as the install's own), or null. With a
 *  release table the estimate's weights say (what the Recommends add to what the image already holds: a full
 *  python image has gcc, so python3-pip's build-essential brings none); without one, the known Recommends. */
function recommendedCompiler(hit: Hit): string | null {
  for (const info of hit.infos) {
    if (info.packages.some((p) => COMPILER.test(p.value))) continue;
    // Each weight is one requested package's Recommends closure (its name cleaned of `=version`, `:arch`).
    const weights = hit.weights.filter((w) => info.packages.some((p) => p.value === w.requested || p.value.startsWith(`${w.requested}=`) || p.value.startsWith(`${w.requested}:`)));
    if (weights.length > 0) {
      const found = weights.flatMap((w) => w.packages).find((p) => COMPILER_PACKAGE.test(p.name));
      if (found !== undefined) return `a compiler (${found.name})`;
      continue;
    }
    const known = info.packages.find((p) => KNOWN_RECOMMENDS[p.value] !== undefined);
    if (known !== undefined) return `a compiler (${known.value} recommends ${KNOWN_RECOMMENDS[known.value]?.replace(/ \(a C compiler\)$/, "")})`;
  }
  return null;
}

/** What after the hit, in its stage and the stages built on it (`FROM <stage>`, any depth), may need a
 *  compiler, in the user's words; null when every Python package they install is a wheel for the image and
 *  nothing else builds. */
function mayCompileAfter(analysis: Analysis, hit: Hit): string | null {
  const line = hit.node.range.startLine;
  const facts = stageFacts(analysis, hit.node.stageIndex);
  if (facts.unmodelled !== null) {
    return facts.unmodelled.image === null
      ? `line ${facts.unmodelled.line} runs something Whaleweight does not model, so whether a later step compiles is not known`
      : `the base image ${facts.unmodelled.image} (line ${facts.unmodelled.line}) is not one whose contents Whaleweight knows, so whether a later step compiles cannot be checked`;
  }
  if (facts.built.length > 0) return `pip builds ${listNames(facts.built)} from source on this image (no wheel for it), which needs the compiler`;
  if (facts.unknown.length > 0) return `${listNames(facts.unknown)} ${facts.unknown.length === 1 ? "is" : "are"} in no package table, so whether pip must compile ${facts.unknown.length === 1 ? "it" : "them"} is not known`;
  const build = facts.builds.find((b) => b.line > line);
  return build === undefined ? null : `line ${build.line} builds the project itself (${build.what}), which may compile C code`;
}

interface StageFacts {
  /** The first line past which the model does not know what these stages hold; `image` when it is a FROM. */
  readonly unmodelled: { line: number; image: string | null } | null;
  readonly built: readonly string[];
  readonly unknown: readonly string[];
  /** Builds of the project, in line order. */
  readonly builds: readonly { line: number; what: string }[];
}

/** Per analysis and stage: what the stage and the stages built on it say about compiling. Memoised: a `bulk`
 *  file repeats one install thousands of times, and each hit would otherwise walk the stage again. */
const FACTS = new WeakMap<Analysis, Map<number, StageFacts>>();

function stageFacts(analysis: Analysis, index: number): StageFacts {
  let byStage = FACTS.get(analysis);
  if (byStage === undefined) FACTS.set(analysis, (byStage = new Map()));
  const known = byStage.get(index);
  if (known !== undefined) return known;
  const indexes = stageAndBuiltOn(analysis.model, index);
  const stages = analysis.estimate.stages.filter((s) => indexes.has(s.index));
  const fromLines = new Map(analysis.model.stages.map((s) => [s.from.range.startLine, s.from.from?.image ?? s.from.from?.rawImage ?? null]));
  const unmodelled = stages.map((s) => s.unmodelledFrom).filter((l): l is number => l !== null);
  const first = unmodelled.length === 0 ? null : Math.min(...unmodelled);
  const builds = analysis.model.stages.filter((s) => indexes.has(s.index)).flatMap((s) => s.instructions.flatMap((node) => {
    const build = (node.run?.infos ?? []).find(buildsLocally);
    return build === undefined ? [] : [{ line: node.range.startLine, what: describeBuild(build) }];
  })).sort((a, b) => a.line - b.line);
  const facts: StageFacts = {
    unmodelled: first === null ? null : { line: first, image: fromLines.get(first) ?? null },
    built: [...new Set(stages.flatMap((s) => s.builtFromSource))],
    unknown: [...new Set(stages.flatMap((s) => s.pythonPackages.filter((p) => p.version === null).map((p) => p.name)))],
    builds,
  };
  byStage.set(index, facts);
  return facts;
}

function listNames(unique: readonly string[]): string {
  return unique.length > NAMED ? `${unique.slice(0, NAMED).join(", ")} and ${unique.length - NAMED} more` : unique.join(", ");
}

/** An install that builds what no index serves as a wheel: the project (`pip install .`, `-e`, a path or an
 *  sdist, a URL or VCS reference), `pip wheel`, `poetry install` with the root, `uv sync` without
 *  `--no-install-project`. A prebuilt `.whl`
 *  file compiles nothing. */
function buildsLocally(info: CommandInfo): boolean {
  switch (info.kind) {
    case "pip-install":
      return info.editables.length > 0 || info.requirements.some((r) => builtFromReference(r.value));
    case "pip-wheel":
      return true;
    case "poetry-install":
      return !info.noRoot && info.lock.installProject;
    case "uv-sync":
    case "pdm-install":
      return info.lock.installProject;
    default:
      return false;
  }
}

function builtFromReference(value: string): boolean {
  if (/\.whl$/i.test(value)) return false;
  return value === "." || value === ".." || /^\.{0,2}\//.test(value) || value.includes("://") || /^(git|hg|svn|bzr)\+/.test(value) || /\s@\s|^[\w.-]+@/.test(value) || /\.(tar\.gz|tgz|zip|tar\.bz2)$/i.test(value);
}

function describeBuild(info: CommandInfo): string {
  switch (info.kind) {
    case "pip-install": return info.editables.length > 0 ? "pip install -e" : "pip install of a path or URL";
    case "pip-wheel": return "pip wheel";
    case "poetry-install": return "poetry install";
    case "uv-sync": return "uv sync";
    case "pdm-install": return "pdm install";
    default: return info.kind;
  }
}

function knownRecommends(infos: readonly AptInstall[]): string[] {
  return infos.flatMap((i) => i.packages.flatMap((p) => {
    const what = KNOWN_RECOMMENDS[p.value];
    return what === undefined ? [] : [`${p.value} recommends ${what}`];
  }));
}

export const aptNoInstallRecommends: Rule = {
  meta: {
    id: "size/apt-no-install-recommends",
    title: "Install without recommended packages",
    category: "size",
    severity: "warning",
    fixSafety: "suggestion",
    hadolint: "DL3015",
    docs: {
      what: "Adds --no-install-recommends to apt-get install in the RUNs that reach the final image.",
      why: "apt installs each package's Recommends unless told not to: documentation, optional helpers, and for python3-pip a whole compiler toolchain. They are weight the app does not use.",
      before: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y libpq5 && rm -rf /var/lib/apt/lists/*\n",
      after: "FROM python:3.12-slim\nRUN apt-get update && apt-get install --no-install-recommends -y libpq5 && rm -rf /var/lib/apt/lists/*\n",
      safety: "A suggestion: a recommended package is sometimes what the app relies on without naming it (curl's libcurl recommends ca-certificates, needed for HTTPS). Name such packages explicitly when you apply it. Where a compiler comes only as a recommendation (python3-pip → build-essential), no rewrite is offered unless every later Python install is a wheel for the image and nothing else may compile; the finding says what stops it.",
    },
    messages: {
      recommends: "apt-get install also installs recommended packages{{known}}: add --no-install-recommends.",
      recommendsNoFix: "apt-get install also installs recommended packages{{known}}: add --no-install-recommends. No rewrite is offered: {{compiler}} comes only as a recommendation, and {{reason}}.",
    },
  },
  detect(context) {
    return hits(context).map((h) => {
      const { packages, bytes } = recommended([h]);
      const weighed = packages.length === 0 ? [] : [`${formatBytes(bytes)} in ${packages.length} package${packages.length === 1 ? "" : "s"}, ${packages.slice(0, NAMED).map((p) => p.name).join(", ")}${packages.length > NAMED ? " …" : ""}`];
      const known = [...knownRecommends(h.infos), ...weighed];
      const data = { known: known.length === 0 ? "" : ` (${known.join("; ")})` };
      const kept = compilerKept(context.analysis, h);
      return kept === null ? makeFinding(this.meta, "recommends", data, h.node.range) : makeFinding(this.meta, "recommendsNoFix", { ...data, ...kept }, h.node.range);
    });
  },
  fix(context) {
    const all = hits(context);
    // Guard: the flag goes right after the `install` word, which needs offsets into the text.
    if (all.length === 0 || all.some((h) => !editableRun(h.node))) return [];
    if (all.some((h) => compilerKept(context.analysis, h) !== null)) return [];
    const edits = all.flatMap((h) => h.infos.map((i) => ({ start: i.installWord.end, end: i.installWord.end, text: " --no-install-recommends" })));
    // A compiler asked for by name keeps working: libc's headers, which it only recommends, are named too.
    const headers: string[] = [];
    for (const info of all.flatMap((h) => h.infos)) {
      const names = info.packages.map((p) => p.value);
      const added = withLibcHeaders(names, "debian").slice(names.length);
      const last = info.packages.at(-1);
      if (added.length === 0 || last === undefined) continue;
      edits.push({ start: last.word.end, end: last.word.end, text: ` ${added.join(" ")}` });
      headers.push(...added);
    }
    const known = all.flatMap((h) => knownRecommends(h.infos));
    const kept = headers.length === 0 ? "" : ` ${[...new Set(headers)].join(", ")} (libc's headers, which the compiler only recommends) ${headers.length === 1 ? "is" : "are"} installed by name, so it still builds C code.`;
    return [{
      id: "no-install-recommends",
      title: "Add --no-install-recommends",
      edits: [{ file: "dockerfile", edits }],
      reason: `${known.length > 0 ? `${known.join("; ")}. ` : ""}${describeSaving(all)}${kept}`,
    }];
  },
};
