// size/multistage — a single stage that installs Python packages keeps everything the install needed:
// pip's cache, compilers, headers. A builder stage installs into a virtual environment (/opt/venv) and
// the final stage, on the same base image, copies only the venv, plus the runtime libraries the packages
// link against (libpq5 for psycopg2). The final stage repeats every other instruction, so CMD, ENTRYPOINT,
// WORKDIR, ENV, EXPOSE and USER are unchanged. The planning and its guards are in support/multistage-plan.ts.
import { analyze, type Analysis } from "../analyze";
import type { Stage } from "../dockerfile/model";
import type { CommandInfo } from "../shell/command-info";
import { formatBytes } from "../format";
import { applyEdits, type TextEdit } from "../text/edits";
import { reachedBuildToolsPath } from "../estimate/system-install";
import { makeFinding } from "./support/finding";
import { pipInstallsOf } from "./support/packages";
import { cachedInstalls, noCacheEdit, noCacheWords } from "./support/pip-cache";
import { planSplit, PREFIX, type SplitPlan } from "./support/multistage-plan";
import { isToolInstall } from "./support/tool-multistage";
import { afterInstruction, endsWithLineBreak, finalRuntimeLine, finalStage, insertionPointBefore, instructionText, lineBreakOf, plainFrom, stagesUsedBy } from "./support/stages";
import type { FixAlternative, Rule, RuleContext } from "./types";

/**
 * A cache this small is not worth a second stage when it is all a builder would leave behind: the one
 * word `--no-cache-dir` drops the same bytes. 5 MB is issue 9's "a few MB" (a handful of wheels);
 * 2% keeps a large image's (1 GB+) 10–20 MB cache in the same class, as it is a rounding error there.
 * The seed example (flask on alpine) keeps 6.3 MB = 6% of its image: over both, so multistage stays first.
 */
const SMALL_CACHE_BYTES = 5_000_000;
const SMALL_CACHE_SHARE = 0.02;

interface Leftovers {
  readonly cache: number;
  readonly tools: number;
  /** "pip's cache (6.26 MB) and compilers and headers (210 MB)". */
  readonly what: string;
}

function leftovers(analysis: Analysis, returning = 0): Leftovers {
  const { pipCache: cache } = analysis.estimate.byCategory;
  const tools = analysis.estimate.byCategory.buildTools - returning;
  const what = [cache > 0 ? `pip's cache (${formatBytes(cache)})` : null, tools > 0 ? `compilers and headers (${formatBytes(tools)})` : null].filter((x) => x !== null).join(" and ");
  return { cache, tools, what };
}

/**
 * The build tools the final stage would install again: the final stage installs the packages the app
 * needs at run time as the user did, Recommends included, and a package's Recommends may reach a compiler
 * (ruby → ruby-dev → gcc on buster): the estimate keeps those apart (reachedBuildToolsPath), and a builder
 * does not leave them behind.
 */
function returningTools(analysis: Analysis, split: ReturnType<typeof planSplit>): number {
  if (!split.ok || split.plan.noRecommends) return 0;
  const paths = new Set(split.plan.runtime.map(reachedBuildToolsPath));
  let bytes = 0;
  for (const layer of analysis.estimate.layers) {
    if (layer.stageIndex !== split.plan.stage.index) continue;
    for (const item of layer.items) if (paths.has(item.path)) bytes += item.bytes;
  }
  return bytes;
}

type Shape =
  | { readonly kind: "none" }
  | { readonly kind: "builds-on"; readonly stage: Stage; readonly parent: Stage; readonly image: string; readonly inherited: number; readonly split: ReturnType<typeof planSplit> | null }
  | { readonly kind: "single"; readonly stage: Stage; readonly split: ReturnType<typeof planSplit>; readonly left: Leftovers };

/**
 * `FROM builder AS final` as a split: when the parent is a plain stage on an image that installs with pip
 * and the final stage installs nothing itself, the pair reads as one stage, which planSplit splits with
 * the parent as the builder. Null when the shape is not that one (the finding then has no rewrite).
 */
function rebaseSplit(analysis: Analysis, parent: Stage, stage: Stage): ReturnType<typeof planSplit> | null {
  if (parent.from.from?.baseStage != null || parent.name === null) return null;
  // The final FROM is rewritten whole: its arguments must be the plain shape, or some would be lost.
  if (!plainFrom(stage.from)) return { ok: false, reason: `line ${stage.from.range.startLine} is not FROM image or FROM image AS name, so where the stage's name goes is not clear` };
  const installs = pipInstallsOf(parent);
  const finalInstall = stage.instructions.find((n) => (n.run?.infos ?? []).some((i) => i.kind === "pip-install" || i.kind === "apt-install" || i.kind === "apk-add" || i.kind === "venv-create"));
  if (finalInstall !== undefined) return { ok: false, reason: `the final stage installs packages itself (line ${finalInstall.range.startLine}), which may need what ${parent.name} installed` };
  if (installs.length === 0) return null;
  // Guard: the split moves the parent's installs to --prefix=/install, out of its own sys.path. Another
  // stage built FROM it or copying from it (a `test` or `dev` target beside `prod`) would lose them.
  const dependent = analysis.model.stages.find((s) => s.index !== stage.index && s.index !== parent.index && stagesUsedBy(analysis.model, s).includes(parent.index));
  if (dependent !== undefined) return { ok: false, reason: `stage ${dependent.name ?? dependent.index} (line ${dependent.from.range.startLine}) also builds on ${parent.name}, and would lose the packages a builder moves under /install` };
  return planSplit(analysis, { ...parent, instructions: [...parent.instructions, ...stage.instructions] }, installs, parent.name);
}

// detect and fix ask for the same analysis's shape in turn: planned once (the plan of a large stage walks
// every instruction; the fuzz's 900-instruction files spent ~0.3 s planning each one twice).
const shapes = new WeakMap<Analysis, Shape>();

function shapeOf(analysis: Analysis): Shape {
  let shape = shapes.get(analysis);
  if (shape === undefined) {
    shape = computeShape(analysis);
    shapes.set(analysis, shape);
  }
  return shape;
}

function computeShape(analysis: Analysis): Shape {
  const stage = finalStage(analysis.model);
  if (stage === null) return { kind: "none" };
  const { cache, tools } = leftovers(analysis);
  const parentIndex = stage.from.from?.baseStage ?? null;
  if (parentIndex !== null) {
    // `FROM builder AS final`: the final image is the builder plus more, compilers included.
    const parent = analysis.model.stages[parentIndex];
    let root = parent;
    for (let guard = 0; root?.from.from?.baseStage != null && guard < 32; guard++) root = analysis.model.stages[root.from.from.baseStage];
    const image = root?.from.from?.rawImage;
    // Only compilers the parent stages installed count: the final stage's own installs are another matter.
    const inherited = analysis.estimate.layers.filter((l) => l.stageIndex !== stage.index).flatMap((l) => l.items).filter((i) => i.category === "buildTools").reduce((sum, i) => sum + i.bytes, 0);
    if (!(tools > 0 && inherited > 0 && parent !== undefined && image !== undefined)) return { kind: "none" };
    return { kind: "builds-on", stage, parent, image, inherited, split: rebaseSplit(analysis, parent, stage) };
  }
  // Guard: already multistage: the final stage copies from a stage that installs Python packages (a builder).
  // A stage that builds something else (a Node stage's front-end assets) is not one: the final stage's
  // own installs and compilers are still there to split off.
  if (stagesUsedBy(analysis.model, stage).some((index) => installsPython(analysis.model.stages[index]))) return { kind: "none" };
  // Guard: a stage that installs with poetry, pipenv or uv sync is size/poetry-multistage's (pipenv's,
  // uv's): that rule reports the same bytes, with its own split or the reason there is none.
  if (stage.instructions.some((n) => (n.run?.infos ?? []).some(isToolInstall))) return { kind: "none" };
  const installs = pipInstallsOf(stage);
  // Guard: nothing to leave behind (no install, or --no-cache-dir on a base without compilers): no churn.
  if (installs.length === 0 || (cache <= 0 && tools <= 0)) return { kind: "none" };
  const split = planSplit(analysis, stage, installs);
  const left = leftovers(analysis, returningTools(analysis, split));
  if (left.cache <= 0 && left.tools <= 0) return { kind: "none" };
  return { kind: "single", stage, split, left };
}

const PYTHON_INSTALLS = new Set<CommandInfo["kind"]>(["pip-install", "pip-wheel", "venv-create", "uv-sync", "poetry-install", "pdm-install", "pipenv-install", "lock-export"]);

/** A stage that installs Python packages (or builds wheels, a venv): a builder whose output may be copied. */
function installsPython(stage: Stage | undefined): boolean {
  return stage === undefined || stage.instructions.some((n) => n.heredocs.length > 0 || (n.run?.infos ?? []).some((i) => PYTHON_INSTALLS.has(i.kind)));
}

export const multistage: Rule = {
  meta: {
    id: "size/multistage",
    title: "Build in one stage, ship from another",
    category: "size",
    severity: "warning",
    fixSafety: "safe",
    hadolint: null,
    docs: {
      what: "Splits the image into a builder stage that installs the Python packages and a final stage, on the same base image, that copies only the installed packages, plus the runtime libraries they need. The builder installs under pip's --prefix=/install where that is safe, and into a virtual environment (/opt/venv, with ENV PATH) where it is not: when pip upgrades itself, or a RUN between the installs uses the packages. Also reports a final stage built FROM a stage that installs compilers.",
      why: "Everything a build needs — pip's cache, compilers, header packages — stays in the layers of a single-stage image even when a later RUN deletes it. A separate build stage is left behind: only what COPY --from names reaches the image. `pip install --prefix=/install --upgrade pip` upgrades pip into the prefix and removes the running one, so the next pip call fails; a venv survives it and is what uv's and poetry's Docker guides use, at the cost of its own copy of pip in the image (so where pip's cache is all a builder would leave behind, --no-cache-dir comes first).",
      before: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc libpq-dev\nRUN pip install --upgrade pip && pip install psycopg2\nCMD [\"python\", \"app.py\"]\n",
      after: "FROM python:3.12-slim AS builder\nRUN apt-get update && apt-get install -y gcc libpq-dev\nRUN python -m venv /opt/venv\nENV PATH=\"/opt/venv/bin:$PATH\"\nRUN pip install --upgrade pip && pip install psycopg2\n\nFROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\nCOPY --from=builder /opt/venv /opt/venv\nENV PATH=\"/opt/venv/bin:$PATH\"\nCMD [\"python\", \"app.py\"]\n",
      safety: "Safe where it is offered. The base must be an official python image and both stages use that same image: the venv's python is a symbolic link to the base's /usr/local interpreter, and a prefix is copied onto that same /usr/local, so both are only valid on the image they were built on. Installs go with pip into the system site-packages or into one venv the stage creates; the runtime libraries of -dev packages must be known for the base's Debian release or Alpine branch (libffi7/libffi8, libssl1.1/libssl3/libssl3t64). No rewrite, with the reason, for distro-Python bases (ubuntu, debian: apt's python3 needs python3-venv and a python3 in the final stage), scripts the rule cannot see into (./install.sh, make install, curl | sh), pip wheel, --user/--target/--prefix installs, editable installs, RUNs that mix an install or cleanup with other work, a non-root USER before the install (a pip upgrading itself after it stays in the final stage as written, in the --prefix layout), package names the shell would not read as one word (a quote left open), package files installed by their path (apt-get install ./chrome.deb: the final stage would install it before the download it repeats), and programs called by their /usr/local/bin path in a venv layout. Cleanups after the install (apk del, apt-get purge) stay in the builder. Build tools (git, curl, wget, pip, compilers, headers) are not installed in the final stage unless it calls them itself, or an installed package runs them (GitPython and dbt-core run git). A stage that installs with poetry, pipenv or uv sync is left to size/poetry-multistage, size/pipenv-multistage and size/uv-multistage.",
    },
    messages: {
      single: "The image keeps what only the build needs: {{what}}.",
      noSplit: "The image keeps what only the build needs: {{what}}. No builder stage is offered: {{reason}}.",
      buildsOnBuilder: "The final stage is built FROM {{parent}}, so its {{what}} ship in the image: base the final stage on {{image}} and copy only the installed packages from {{parent}}.",
      buildsOnBuilderNoFix: "The final stage is built FROM {{parent}}, so its {{what}} ship in the image. Base it on {{image}} instead and COPY --from={{parent}} only what the app needs. No rewrite is offered: {{reason}}.",
    },
  },
  detect({ analysis }) {
    const shape = shapeOf(analysis);
    if (shape.kind === "none") return [];
    if (shape.kind === "builds-on") {
      const parent = shape.parent.name ?? String(shape.parent.index);
      const data = { parent, what: `compilers and headers (${formatBytes(shape.inherited)})`, image: shape.image };
      if (shape.split?.ok === true) return [makeFinding(this.meta, "buildsOnBuilder", data, shape.stage.from.range)];
      const reason = shape.split?.ok === false ? shape.split.reason : "only you know which of that stage's files the app uses at run time";
      return [makeFinding(this.meta, "buildsOnBuilderNoFix", { ...data, reason }, shape.stage.from.range)];
    }
    const { what } = shape.left;
    if (!shape.split.ok) return [makeFinding(this.meta, "noSplit", { what, reason: shape.split.reason }, shape.stage.from.range)];
    return [makeFinding(this.meta, "single", { what }, shape.stage.from.range)];
  },
  fix({ analysis, input }) {
    const shape = shapeOf(analysis);
    if (shape.kind === "builds-on") return shape.split?.ok === true ? [splitAlternative(analysis, shape.split.plan, `compilers and headers (${formatBytes(shape.inherited)})`, shape.stage)] : [];
    if (shape.kind !== "single") return [];
    const { cache, tools, what } = shape.left;
    const split = shape.split.ok ? splitAlternative(analysis, shape.split.plan, what) : null;
    const cached = cachedInstalls(analysis);
    // --no-cache-dir is an answer only when the cache is all there is to leave behind; with compilers in
    // the image, skipping this step is the single-stage choice (size/pip-no-cache-dir then follows).
    // Nor when part of the cache is another tool's (poetry's, uv sync's): the word would leave it, and the
    // rule would fire again on the result (found by the fuzz).
    const fixable = cached.reduce((sum, c) => sum + c.bytes, 0);
    if (cached.length === 0 || tools > 0 || fixable < cache) {
      // A venv the split makes carries its own pip and setuptools (~15–20 MB): where little is left behind
      // (the build packages already removed in their RUN), the image grows. No size step then. Only where
      // under VENV_CHECK_BYTES is left behind is the rewrite weighed: that costs one more analysis.
      if (split !== null && shape.split.ok && shape.split.plan.layout === "venv" && shape.split.plan.venvBecause !== null && cache + tools < VENV_CHECK_BYTES) {
        const total = totalAfter(input, analysis, split);
        if (total !== null && total >= analysis.estimate.totalBytes) return [];
      }
      return split === null ? [] : [split];
    }
    const small = cache < SMALL_CACHE_BYTES || cache < SMALL_CACHE_SHARE * analysis.estimate.totalBytes;
    // The split's own result: a venv carries its own pip, which can outweigh the cache it leaves behind.
    const splitTotal = split === null ? null : totalAfter(input, analysis, split);
    const withFlag = analysis.estimate.totalBytes - cache;
    const larger = splitTotal !== null && splitTotal > withFlag;
    // A venv builder that saves what the flag saves (its pip replaces the upgrade the single stage keeps)
    // changes PATH for the same bytes: the flag first. Within a few kB is the same (the Dockerfile itself is
    // part of the build context).
    const sameWithVenv = !larger && splitTotal !== null && shape.split.ok && shape.split.plan.layout === "venv" && splitTotal >= withFlag - SAME_SIZE_BYTES;
    const why = !shape.split.ok ? ` No builder stage is offered: ${shape.split.reason}.`
      : larger ? ` The cache is all a builder stage would leave behind, and the image with a builder stage would be ${formatBytes((splitTotal ?? 0) - withFlag)} larger than with this flag (its virtual environment holds its own copy of pip).`
      : sameWithVenv ? " The cache is all a builder stage would leave behind, and a builder stage would need a virtual environment (on PATH) to save the same bytes."
      : small ? ` The cache is all a builder stage would leave behind, and at ${formatBytes(cache)} (${percent(cache, analysis.estimate.totalBytes)} of the image) one word does it.`
      : " A builder stage would leave behind these same bytes and no more.";
    const words = noCacheWords(cached);
    const noCache: FixAlternative = {
      id: "no-cache-dir",
      title: `Keep one stage, add ${words.titleFlag}`,
      edits: [{ file: "dockerfile", edits: cached.flatMap((c) => c.infos.map(noCacheEdit)) }],
      reason: `Adds ${words.flag}, which drops ${words.cache} (${formatBytes(cache)}) and keeps the single stage.${why}`,
    };
    if (split === null) return [noCache];
    return small || larger || sameWithVenv ? [noCache, split] : [split, noCache];
  },
};

/** Two estimates this close are the same image when alternatives are ordered. */
const SAME_SIZE_BYTES = 64 * 1024;

/** Below this much left behind, a venv builder may come out larger than the single stage (its own pip
 *  and setuptools weigh ~15–20 MB): the rewrite is weighed before it is offered. */
const VENV_CHECK_BYTES = 50_000_000;

/** The estimated image size after an alternative, from a fresh analysis of the rewritten text. */
function totalAfter(input: RuleContext["input"], analysis: Analysis, alternative: FixAlternative): number | null {
  const edits = alternative.edits.flatMap((e) => (e.file === "dockerfile" ? e.edits : []));
  const applied = applyEdits(analysis.model.text, edits);
  return applied.ok ? analyze({ ...input, dockerfile: applied.text }).estimate.totalBytes : null;
}

function percent(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : "?";
}

/**
 * The edits of a split. `rebase`: the final stage that is rewritten from `FROM builder` to the builder's
 * image (the builder keeps its name); without it the single stage is split in two after its last install.
 */
function splitAlternative(analysis: Analysis, plan: SplitPlan, what: string, rebase?: Stage): FixAlternative {
  const text = analysis.model.text;
  const nl = lineBreakOf(text);
  const edits: TextEdit[] = [];
  const fromNode = plan.stage.from;
  const from = fromNode.from;
  const stageName = rebase === undefined ? (from?.stageName ?? null) : (rebase.from.from?.stageName ?? null);
  // The builder: the original stage up to the last install, named.
  const asMatch = /\s+AS\s+\S+\s*$/i.exec(instructionText(text, fromNode));
  if (rebase !== undefined) {
    // Already named: it is the stage the final one built on.
  } else if (stageName !== null && asMatch !== null) {
    edits.push({ start: fromNode.range.end - asMatch[0].length, end: fromNode.range.end, text: ` AS ${plan.builder}` });
  } else {
    edits.push({ start: fromNode.range.end, end: fromNode.range.end, text: ` AS ${plan.builder}` });
  }
  const envPath = `ENV PATH="${plan.venv}/bin:$PATH"`;
  const creates = plan.layout === "venv" && plan.createBefore !== null;
  if (plan.layout === "prefix") {
    for (const info of plan.installs) edits.push({ start: info.installWord.end, end: info.installWord.end, text: ` --prefix=${PREFIX}` });
  } else if (plan.createBefore !== null) {
    const at = insertionPointBefore(analysis.model, plan.createBefore);
    edits.push({ start: at, end: at, text: `RUN python -m venv ${plan.venv}${nl}${envPath}${nl}` });
  }
  // Cleanups after the install move up into the builder, with what they clean, and so do the comment lines
  // directly over them, which describe them (`# remove the build dependencies` was left in the final stage).
  const movedFrom = (node: SplitPlan["moved"][number]): number => insertionPointBefore(analysis.model, node);
  for (const node of plan.moved) edits.push({ start: movedFrom(node), end: afterInstruction(text, node), text: "" });

  const fromLine = `FROM ${from?.platform != null ? `--platform=${from.platform} ` : ""}${from?.rawImage ?? ""}${stageName !== null ? ` AS ${stageName}` : ""}`;
  const runtimeLine = finalRuntimeLine(analysis.model, plan.stage.index, plan.builderEnd, plan.target.libc, plan.runtime, plan.noRecommends);
  const copy = plan.layout === "prefix" ? [`COPY --from=${plan.builder} ${PREFIX} /usr/local`] : [`COPY --from=${plan.builder} ${plan.venv} ${plan.venv}`, ...(creates ? [envPath] : [])];
  const movedText = plan.moved.map((n) => `${text.slice(movedFrom(n), n.range.end)}${nl}`).join("");
  const at = afterInstruction(text, plan.builderEnd);
  if (rebase !== undefined) {
    // The final stage no longer inherits the builder's instructions after the install: it repeats them.
    const parentAfter = plan.stage.instructions.filter((n) => n.stageIndex === plan.stage.index && n.range.start > plan.builderEnd.range.start && !plan.moved.includes(n));
    const header = [fromLine, ...runtimeLine, ...copy, ...plan.repeated, ...parentAfter.map((n) => instructionText(text, n))].join(nl);
    if (movedText !== "") edits.push({ start: at, end: at, text: movedText });
    edits.push({ start: rebase.from.range.start, end: rebase.from.range.end, text: header });
  } else {
    const finalStageText = [fromLine, ...runtimeLine, ...copy, ...plan.repeated].join(nl);
    const needsBreak = at === text.length && !endsWithLineBreak(text);
    // A file without a final line break gets one before the new stage, and still ends without one.
    edits.push({ start: at, end: at, text: `${needsBreak ? nl : ""}${movedText}${nl}${finalStageText}${needsBreak ? "" : nl}` });
  }

  const kept = plan.runtime.length > 0 ? ` The final stage installs ${plan.runtime.join(", ")}: the system packages and libraries needed at run time (names for ${plan.target.distro ?? "this base"}), without the build tools.` : "";
  const layout = plan.layout === "prefix"
    ? `The builder installs the packages under ${PREFIX} (pip's --prefix) and the final stage, on the same ${from?.rawImage ?? ""} image, copies only that onto /usr/local`
    : plan.createBefore !== null
      ? `The builder installs the packages into the virtual environment ${plan.venv} (rather than pip's --prefix: ${plan.venvBecause ?? ""}) and the final stage, on the same ${from?.rawImage ?? ""} image, copies only ${plan.venv}`
      : `The builder keeps its virtual environment ${plan.venv} and the final stage copies only ${plan.venv}`;
  const movedNote = (plan.moved.length > 0 ? ` The cleanup on line ${plan.moved.map((n) => n.range.startLine).join(", ")} stays in the builder, where what it removes was installed.` : "")
    + (plan.lateUpgrades.length > 0 ? ` The pip upgrade on line ${plan.lateUpgrades.map((n) => n.range.startLine).join(", ")} runs after the switch to a non-root user, so it stays in the final stage as written.` : "");
  if (rebase !== undefined) {
    return {
      id: "rebase",
      title: `Final stage FROM ${from?.rawImage ?? ""}, copying only the installed packages from ${plan.builder}`,
      edits: [{ file: "dockerfile", edits }],
      reason: `The final stage starts again from ${from?.rawImage ?? ""} instead of ${plan.builder} and copies only ${plan.layout === "prefix" ? PREFIX : plan.venv} from it${plan.layout === "venv" && plan.createBefore !== null ? ` (a virtual environment rather than pip's --prefix: ${plan.venvBecause ?? ""})` : ""}, leaving behind ${what}.${kept}${movedNote}`,
    };
  }
  return {
    id: "multistage",
    title: plan.layout === "prefix" ? "Builder stage installs under /install, final stage copies it" : "Builder stage with a virtual environment, final stage copies it",
    edits: [{ file: "dockerfile", edits }],
    reason: `${layout}, leaving behind ${what}.${kept}${movedNote}`,
  };
}
