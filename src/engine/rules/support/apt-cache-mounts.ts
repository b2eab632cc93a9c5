// BuildKit cache mounts for apt (cache/mount-apt), with Docker's documented recipe
// (docs.docker.com/reference/dockerfile/#example-cache-apt-packages, 2026-12): Debian and Ubuntu images
// ship /etc/apt/apt.conf.d/docker-clean, which deletes every downloaded .deb after each install, so a
// mount on /var/cache/apt caches nothing until one RUN removes that file and tells apt to keep downloads.
//
// Removing docker-clean changes apt's configuration for the rest of the stage and every stage built FROM
// it: an apt RUN there *without* the mounts would then keep its .deb files in its layer. So the plan is
// all or nothing per family of stages (a stage and every stage built on it, through `FROM <stage>`): every
// apt RUN of the family gets both mounts, or none does. What a RUN writes under the mounts goes to the
// builder's cache, not the layer (estimate/run.ts, dropMountedPaths): the package lists weigh 0 bytes.
import type { Analysis } from "../../analyze";
import type { InstructionNode, Stage } from "../../dockerfile/model";
import type { CommandInfo } from "../../shell/command-info";
import type { TextEdit } from "../../text/edits";
import { atLine } from "./at-line";
import { afterRunKeyword, chain, environmentAt, isRoot, neededStages, syntaxDirectiveEdits } from "./cache-mounts";
import { editableRun, removeCommandEdit } from "./commands";
import { insertionPointBefore, lineBreakOf, lineStartOf } from "./stages";

/** apt's download archive and its state (package lists, extended_states): the two targets of Docker's
 *  example, each `sharing=locked` because apt takes a lock on them and two builds must not share one. */
export const APT_CACHE_TARGETS = ["/var/cache/apt", "/var/lib/apt"] as const;

const DOCKER_CLEAN = "/etc/apt/apt.conf.d/docker-clean";
const LISTS = "/var/lib/apt/lists";

/** Docker's documented line that turns the deletion off and keeps the downloaded packages. */
export const KEEP_CACHE_RUN = `RUN rm -f ${DOCKER_CLEAN}; echo 'Binary::apt::APT::Keep-Downloaded-Packages "true";' > /etc/apt/apt.conf.d/keep-cache`;

export function mountFlag(target: string): string {
  return `--mount=type=cache,target=${target},sharing=locked`;
}

export interface AptMountRun {
  readonly node: InstructionNode;
  /** The targets of APT_CACHE_TARGETS that no mount of the RUN covers yet. */
  readonly targets: readonly string[];
  /** Commands (indexes) that only empty the mounted directories: under the mount they would delete the
   *  cache the mount keeps, and the layer holds nothing to delete. */
  readonly drops: readonly number[];
  /** Bytes of package lists the estimate puts in this RUN's layer of the final image. */
  readonly bytes: number;
}

export interface AptMountPlan {
  readonly runs: readonly AptMountRun[];
  /** The RUNs before which KEEP_CACHE_RUN goes (the first apt RUN of each topmost apt stage). */
  readonly keepCacheBefore: readonly InstructionNode[];
  readonly refused: readonly { node: InstructionNode; reason: string }[];
}

const APT_TOOLS = new Set(["apt-get", "apt", "aptitude"]);

function isAptCommand(info: CommandInfo): boolean {
  switch (info.kind) {
    case "apt-update":
    case "apt-install":
    case "apt-remove":
    case "apt-autoremove":
    case "apt-clean":
      return true;
    case "other":
      // apt-get upgrade / dist-upgrade / download … read the lists and download too.
      return APT_TOOLS.has(info.name);
    default:
      return false;
  }
}

export function isAptRun(node: InstructionNode): boolean {
  return node.keyword === "RUN" && (node.run?.infos ?? []).some(isAptCommand);
}

const under = (path: string, dir: string): boolean => path === dir || path.startsWith(`${dir}/`);
const trimSlash = (path: string): string => path.replace(/\/+$/, "") || "/";

/** True when a command only empties apt's mounted directories: `rm -rf /var/lib/apt/lists/*`, `apt-get clean`. */
function emptiesMountedDirs(info: CommandInfo): boolean {
  if (info.kind === "apt-clean") return true;
  return info.kind === "rm" && info.paths.length > 0 && info.paths.every((p) => APT_CACHE_TARGETS.some((t) => under(p.value, t)));
}

/** Why `node` cannot take the mounts, or null. */
function refusal(analysis: Analysis, node: InstructionNode): string | null {
  const run = node.run;
  if (run === null || node.form === "exec") return "the RUN is in exec form";
  if (run.problems.length > 0) return "the RUN's shell could not be read";
  const { user } = environmentAt(analysis, node);
  // BuildKit creates the mounts owned by root; apt itself needs root.
  if (!isRoot(user)) return `the RUN runs as user ${user ?? ""}`;
  // The cleanup a mount makes pointless is dropped from shell-form RUNs only: left in a heredoc, it would
  // empty the cache on every build, and the mounts would keep nothing.
  if (!editableRun(node) && (run.infos.some(emptiesMountedDirs))) return "the RUN empties apt's cache and lists in a heredoc (or a script the rewrite does not edit), which would empty the mounts on every build";
  return null;
}

/** True when a RUN of `stages`' chain before `node` already removes docker-clean. */
function keepsDownloadsBefore(analysis: Analysis, stage: Stage, node: InstructionNode): boolean {
  for (const s of chain(analysis, stage)) {
    for (const n of s.instructions) {
      if (n === node) return false;
      const removes = (n.run?.infos ?? []).some((i) => i.kind === "rm" && i.paths.some((p) => p.value === DOCKER_CLEAN));
      if (removes) return true;
    }
  }
  return false;
}

function listBytes(analysis: Analysis, node: InstructionNode): number {
  return atLine(analysis.estimate.layers, node.range.startLine)
    .filter((l) => l.stageIndex === node.stageIndex)
    .flatMap((l) => l.items)
    .filter((i) => under(i.path, LISTS))
    .reduce((sum, i) => sum + i.bytes, 0);
}

/** The apt RUNs to mount, where the keep-cache line goes, and the families refused (with the RUN why). */
export function aptMountPlan(analysis: Analysis): AptMountPlan {
  const needed = neededStages(analysis);
  const families = new Map<number, Stage[]>();
  for (const stage of analysis.model.stages) {
    // A stage the image does not need is not built by BuildKit: nothing to cache there.
    if (!needed.has(stage.index)) continue;
    const root = chain(analysis, stage)[0] ?? stage;
    families.set(root.index, [...(families.get(root.index) ?? []), stage]);
  }
  const runs: AptMountRun[] = [];
  const keepCacheBefore: InstructionNode[] = [];
  const refused: { node: InstructionNode; reason: string }[] = [];
  for (const stages of families.values()) {
    const aptRuns = stages.flatMap((s) => s.instructions.filter(isAptRun));
    const blocked = aptRuns.map((node) => ({ node, reason: refusal(analysis, node) })).find((r) => r.reason !== null);
    if (blocked !== undefined) {
      refused.push({ node: blocked.node, reason: blocked.reason ?? "" });
      continue;
    }
    const missing = aptRuns.map((node) => {
      const mounted = (node.run?.mounts ?? []).filter((m) => m.target !== null).map((m) => trimSlash(m.target ?? ""));
      return { node, targets: APT_CACHE_TARGETS.filter((t) => !mounted.some((m) => under(t, m))) };
    });
    if (missing.every((m) => m.targets.length === 0)) continue;
    for (const { node, targets } of missing) {
      if (targets.length === 0) continue;
      runs.push({ node, targets, drops: dropsOf(node), bytes: listBytes(analysis, node) });
    }
    for (const stage of stages) {
      const first = stage.instructions.find(isAptRun);
      if (first === undefined) continue;
      // A stage built on a stage with apt RUNs inherits that stage's keep-cache line.
      const ancestors = chain(analysis, stage).slice(0, -1);
      if (ancestors.some((a) => a.instructions.some(isAptRun))) continue;
      if (!keepsDownloadsBefore(analysis, stage, first)) keepCacheBefore.push(first);
    }
  }
  return { runs: runs.sort((a, b) => a.node.range.start - b.node.range.start), keepCacheBefore, refused };
}

/** Commands to drop from a mounted RUN: never the first (its removal edit would reach into the next
 *  command's), and only while another command stays. */
function dropsOf(node: InstructionNode): number[] {
  if (!editableRun(node)) return [];
  const infos = node.run?.infos ?? [];
  const drops = infos.flatMap((info, i) => (i > 0 && emptiesMountedDirs(info) ? [i] : []));
  const kept = infos.filter((info, i) => !drops.includes(i) && info.kind !== "set");
  return kept.length > 0 ? drops : [];
}

/** The edits: the syntax directive where the file has none, the keep-cache line before each topmost apt
 *  RUN, both mounts on each apt RUN, and the cleanups the mounts make pointless. Null when a keep-cache
 *  line has no line of its own to go on (the RUN does not start its line). */
export function aptMountEdits(analysis: Analysis, plan: AptMountPlan): TextEdit[] | null {
  const text = analysis.model.text;
  const lineBreak = lineBreakOf(text);
  const edits: TextEdit[] = [];
  if (plan.runs.length === 0) return edits;
  edits.push(...syntaxDirectiveEdits(analysis));
  for (const node of plan.keepCacheBefore) {
    const lineStart = lineStartOf(text, node.range.start);
    const indent = text.slice(lineStart, node.range.start);
    if (!/^[ \t]*$/.test(indent)) return null;
    const at = insertionPointBefore(analysis.model, node);
    edits.push({ start: at, end: at, text: `${indent}${KEEP_CACHE_RUN}${lineBreak}` });
  }
  for (const { node, targets, drops } of plan.runs) {
    const at = afterRunKeyword(text, node);
    if (at === null) return null;
    edits.push({ start: at, end: at, text: targets.map((t) => `${mountFlag(t)} `).join("") });
    for (const index of drops) {
      const edit = removeCommandEdit(text, node, index);
      if (edit !== null) edits.push(edit);
    }
  }
  return edits;
}
