// The size model's entry point (DESIGN §3): walk every stage, instruction by instruction, over an
// attributed filesystem, then sum the final image's layers. Never throws for any parsed model.
import { platformArgs } from "../dockerfile/platform-args";
import { aptArchived } from "./debian-install";
import type { DockerfileModel, InstructionNode } from "../dockerfile/model";
import { expansionBudget } from "../dockerfile/variables";
import { expandWord } from "../dockerfile/unquote";
import { LIMITS } from "../limits";
import type { ParsedProjectFile } from "../project/types";
import type { RequirementsFile } from "../requirements/model";
import { assumptionLists } from "./assumption-lists";
import { ASSUMPTIONS } from "./assumptions";
import type { EstimateContext, EstimateSettings } from "./context";
import { estimateCopy } from "./copy";
import { parseDockerignore } from "./dockerignore";
import { startStage } from "./from";
import { stagePlatform } from "./install-requests";
import { resolvePath } from "./paths";
import { estimateRun } from "./run";
import { summariseInstruction } from "./layer-summary";
import { fsBudget, layerItems, type FsLayer } from "./stage-fs";
import { createBuildReader } from "../verify/build-check";
import { findingKey, type BuildCheckFinding } from "../verify/types";
import { copiedFromAll, setArg, setEnv, type StageState } from "./stage-state";
import { UNCOUNTED_WARNING_CODES } from "./uncounted";
import { CATEGORIES, emptyByCategory, type AptRecommendsWeight, type Assumption, type Category, type LayerItem, type EstimateWarning, type ImageEstimate, type LayerEstimate } from "./types";

export interface EstimateInput {
  readonly dockerfile: DockerfileModel;
  /** Requirements files the user gave, parsed (paths relative to the build context). */
  readonly requirements: readonly RequirementsFile[];
  /** pyproject.toml and lock files, parsed (paths relative to the build context). */
  readonly projectFiles?: readonly ParsedProjectFile[];
  /** The .dockerignore text, or null when there is none. */
  readonly dockerignore: string | null;
  readonly settings?: Partial<EstimateSettings>;
}

export const DEFAULT_SETTINGS: EstimateSettings = { contextBytes: ASSUMPTIONS.contextSize.value, arch: "x86_64", packageSizes: {} };

export function estimateImage(input: EstimateInput): ImageEstimate {
  const warnings = new Map<string, EstimateWarning>();
  const assumptions = new Map<string, Assumption>();
  const lists = assumptionLists();
  const buildCheck = new Map<string, BuildCheckFinding>();
  const check = (finding: BuildCheckFinding) => {
    const key = `${findingKey(finding)}|${finding.line}`;
    if (!buildCheck.has(key)) buildCheck.set(key, finding);
  };
  const stages: StageState[] = [];
  const stagesByName = new Map<string, StageState>();
  const unknownPackages = new Set<string>();
  const installedPackages = new Set<string>();
  const uncountedLines = new Set<number>();
  const aptRecommends: AptRecommendsWeight[] = [];
  const settings = { ...DEFAULT_SETTINGS, ...input.settings };
  const ctx: EstimateContext = {
    requirementFiles: input.requirements,
    projectFiles: input.projectFiles ?? [],
    settings,
    // BuildKit sets its platform ARGs as it does a --build-arg (over a global default): a stage's
    // `ARG TARGETARCH` reads them.
    globalArgs: new Map([...input.dockerfile.globalArgs.filter((a) => a.value !== "").map((a) => [a.name, a.value] as const), ...platformArgs(settings.arch)]),
    dockerignore: input.dockerignore === null ? null : parseDockerignore(input.dockerignore),
    stages,
    stagesByName,
    expansion: expansionBudget(),
    fsBudget: fsBudget(),
    escapeChar: input.dockerfile.escapeChar,
    warn: (code, message, line, createdAt) => {
      if (line !== null && UNCOUNTED_WARNING_CODES.has(code)) uncountedLines.add(line);
      const key = `${code}|${line}|${message}`;
      if (!warnings.has(key)) warnings.set(key, createdAt === undefined ? { code, message, line } : { code, message, line, createdAt });
    },
    uncountedAt: (line) => uncountedLines.has(line),
    assume: (id, text, line) => {
      if (!assumptions.has(id)) assumptions.set(id, { id, text, line });
    },
    assumeEach: (id, items, render, line) => {
      if (items.length === 0) return;
      lists.add(id, items, render);
      // Its place and line are the first use's; the text is written from the whole list below.
      if (!assumptions.has(id)) assumptions.set(id, { id, text: "", line });
    },
    reader: createBuildReader(input.dockerfile, check),
    check,
    notePackage: (name, known) => {
      installedPackages.add(name);
      if (!known) unknownPackages.add(name);
    },
    noteRecommends: (weight) => {
      aptRecommends.push(weight);
    },
  };

  walk: for (const stageNode of input.dockerfile.stages) {
    const stage = startStage(ctx, stageNode.from, stageNode.index);
    stages.push(stage);
    if (stage.name !== null && !stagesByName.has(stage.name)) stagesByName.set(stage.name, stage);
    if (filesystemLimited(ctx, stageNode.from.range.startLine)) break;
    for (const node of stageNode.instructions) {
      ctx.reader.instruction(ctx, stage, node);
      applyInstruction(ctx, stage, node);
      // Past the filesystem limit the walk stops: what follows would copy, fork and select over a model
      // that no longer grows, costing time for numbers that are wrong anyway (the plan proposes nothing).
      if (filesystemLimited(ctx, node.range.startLine)) break walk;
    }
  }
  ctx.reader.finish(ctx, stages);

  const final = stages.at(-1);
  const finalLayers = final?.fs.layers ?? [];
  // Sets rather than `includes` over the final layers: with many stages those checks were quadratic.
  const inFinal = new Set(finalLayers);
  const finalStageIndexes = new Set(finalLayers.map((l) => l.stageIndex));
  const layers = finalLayers.map((l) => toLayerEstimate(l, stages));
  const buildLayers = stages
    .filter((s) => s !== final)
    .flatMap((s) => s.fs.layers.filter((l) => l.stageIndex === s.index && !inFinal.has(l)))
    .map((l) => toLayerEstimate(l, stages));

  const byCategory = emptyByCategory();
  for (const layer of layers) for (const item of layer.items) byCategory[item.category] += item.bytes;
  const totalBytes = CATEGORIES.reduce((sum, c) => sum + byCategory[c], 0);
  const baseRow = final?.base ?? null;
  const baseBytes = byCategory.base;
  const ratio = baseRow !== null && baseRow.diskBytes !== null && baseRow.compressedBytes !== null && !baseRow.diskDerived
    ? baseRow.diskBytes / baseRow.compressedBytes
    : ASSUMPTIONS.compression.value;
  if (totalBytes > baseBytes) ctx.assume(ASSUMPTIONS.compression.id, ASSUMPTIONS.compression.text, null);
  if (baseRow !== null && baseRow.compressedBytes === null && baseBytes > 0) ctx.assume(ASSUMPTIONS.basePullUnknown.id, ASSUMPTIONS.basePullUnknown.text, null);
  const baseCompressed = baseRow?.compressedBytes ?? Math.round(baseBytes / ASSUMPTIONS.basePullUnknown.value);
  const compressedBytes = Math.round(baseCompressed + (totalBytes - baseBytes) / ratio);
  for (const [id, text] of lists.texts()) {
    const first = assumptions.get(id);
    if (first !== undefined) assumptions.set(id, { ...first, text });
  }

  const firstInvalid = finalLayers.findIndex((l) => l.invalidatedBySource);
  const rebuildBytes = firstInvalid < 0 ? 0 : layers.slice(firstInvalid).reduce((sum, l) => sum + l.bytes, 0);
  const feeds = feedsFinal(final, inFinal, stages);
  const reinstallsPackages = stages.some((s) => s.fs.layers.some((l) => l.installsPackages && l.invalidatedBySource && feeds(l)));

  return {
    totalBytes,
    compressedBytes,
    baseBytes,
    byCategory,
    rebuildBytes,
    rebuild: { bytes: rebuildBytes, fromLine: finalLayers[firstInvalid]?.line ?? null, reinstallsPackages },
    layers,
    buildLayers,
    stages: stages.map((s) => ({
      index: s.index,
      name: s.name,
      baseImage: s.base?.ref ?? null,
      libc: s.libc,
      pythonVersion: s.pythonMinor,
      totalBytes: s.fs.layers.reduce((sum, l) => sum + l.entries.reduce((a, e) => a + e.bytes, 0), 0),
      inFinalImage: s === final || (final !== undefined && finalStageIndexes.has(s.index)),
      builtFromSource: [...s.builtFromSource].sort(),
      pythonPresent: [...new Set([...s.pythonInstalled.values()].flatMap((names) => [...names]))].sort(),
      platform: stagePlatform(ctx, s),
      pythonPackages: [...s.pythonPackages.values()],
      unmodelledFrom: s.unmodelledAt,
      aptArchived: aptArchived(s),
    })),
    warnings: [...warnings.values()],
    assumptions: [...assumptions.values()],
    buildCheck: [...buildCheck.values()].sort((a, b) => a.line - b.line || a.column - b.column),
    unknownPackages: [...unknownPackages].sort(),
    installedPackages: [...installedPackages].sort(),
    aptRecommends,
  };
}

/** A layer feeds the final image when it is in it, or its stage is copied from by a stage that does. */
function feedsFinal(final: StageState | undefined, inFinal: ReadonlySet<FsLayer>, stages: readonly StageState[]): (layer: FsLayer) => boolean {
  if (final === undefined) return () => false;
  const copied = copiedFromAll(final, stages);
  const known = new Set(stages.map((s) => s.index));
  return (layer) => inFinal.has(layer) || (known.has(layer.stageIndex) && copied.has(layer.stageIndex));
}

function applyInstruction(ctx: EstimateContext, stage: StageState, node: InstructionNode): void {
  applyInstructionBody(ctx, stage, node);
  if (!ctx.expansion.limited) return;
  ctx.expansion.limited = false;
  if (ctx.expansion.reported) return;
  ctx.expansion.reported = true;
  ctx.warn("limit/variable-expansion", `Variable expansion stops here: one value may hold ${LIMITS.expandedChars.toLocaleString("en-US")} characters (Linux's limit for one environment string) and an estimate ${LIMITS.expandedCharsTotal.toLocaleString("en-US")} in all; the rest is left out.`, node.range.startLine);
}

/** Reports the filesystem limit (LIMITS.fsEntryLevels, LIMITS.pathChars) at `line` once it is reached. */
function filesystemLimited(ctx: EstimateContext, line: number): boolean {
  const why = ctx.fsBudget.limited;
  if (why === null) return false;
  if (why === "path") {
    ctx.warn("limit/path-length", `The size model stops here: a path in the image is longer than ${LIMITS.pathChars.toLocaleString("en-US")} characters (Linux's PATH_MAX, past which the build fails); what follows is not counted.`, line);
  } else {
    ctx.warn("limit/filesystem-entries", `The size model stops here: what it tracks over all stages (each file a unit per level of its path, and what a stage built on another copies from it) reached its limit of ${LIMITS.fsEntryLevels.toLocaleString("en-US")} units (copies of copies grow without bound); what follows is not counted.`, line);
  }
  return true;
}

function applyInstructionBody(ctx: EstimateContext, stage: StageState, node: InstructionNode): void {
  const vars = stage.vars;
  switch (node.keyword) {
    case "ENV":
      for (const pair of node.pairs) setEnv(stage, pair.name, expandWord(pair.written, ctx.escapeChar, vars, ctx.expansion));
      return;
    case "ARG":
      // `ARG NAME` without a default inside a stage takes the global ARG's value (Docker's scoping).
      for (const pair of node.pairs) {
        const value = node.argWithoutDefault.includes(pair.name) ? ctx.globalArgs.get(pair.name) : expandWord(pair.written, ctx.escapeChar, vars, ctx.expansion);
        if (value !== undefined) setArg(stage, pair.name, value);
      }
      return;
    case "WORKDIR":
      // Quotes are the shell word's, not the path's (BuildKit's lexer removes them): `WORKDIR "/app"` is /app.
      stage.workdir = resolvePath(stage.workdir, expandWord(node.args.join(" "), ctx.escapeChar, vars, ctx.expansion));
      stage.madeDirs.add(stage.workdir);
      return;
    case "USER":
      stage.user = node.args.length === 0 ? "root" : expandWord(node.args.join(" "), ctx.escapeChar, vars, ctx.expansion);
      return;
    case "RUN":
    case "COPY":
    case "ADD": {
      const layer = stage.fs.startLayer({
        line: node.range.startLine,
        instruction: summariseInstruction(node),
        stageIndex: stage.index,
        invalidatedBySource: false,
        installsPackages: false,
      });
      if (node.keyword === "RUN") estimateRun(ctx, stage, node);
      else estimateCopy(ctx, stage, node);
      layer.invalidatedBySource = stage.sourceCopied;
      return;
    }
    default:
      return;
  }
}

function toLayerEstimate(layer: FsLayer, stages: readonly StageState[]): LayerEstimate {
  const items = layerItems(layer);
  const bytes = items.reduce((sum, i) => sum + i.bytes, 0);
  const stage = stages[layer.stageIndex];
  return {
    stage: stage?.name ?? String(layer.stageIndex),
    stageIndex: layer.stageIndex,
    line: layer.line,
    instruction: layer.instruction,
    bytes,
    category: layerCategory(items),
    items,
    deletedLaterBytes: layer.deletedLaterBytes,
  };
}

/** The category holding most of a layer's bytes (on a tie the first item's, else the first in CATEGORIES).
 *  A layer of one item (most, in a long file) is that item's, without a tally per layer. */
function layerCategory(items: readonly LayerItem[]): Category {
  const first = items[0];
  if (first === undefined) return "app";
  if (items.length === 1 && first.bytes >= 0) return first.category;
  const byCategory = emptyByCategory();
  for (const item of items) byCategory[item.category] += item.bytes;
  return CATEGORIES.reduce((best, c) => (byCategory[c] > byCategory[best] ? c : best), first.category);
}

