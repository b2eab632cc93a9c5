// size/apt-one-layer — `RUN apt-get update` on its own line, then `RUN apt-get install …` later: the
// package lists stay in the update's layer (a later `rm` cannot remove them), and with the build cache the
// update layer is reused for weeks while the install line changes, so apt installs from stale lists and
// fails once the mirror drops the old versions (Docker's "Best practices: apt-get"). One RUN that updates,
// installs and deletes the lists fixes both. hadolint has no check for the split itself: DL3009 (lists
// left behind) is size/apt-lists, and DL3008 (pin versions) is not a size rule.
//
// Under a BuildKit cache mount on apt's state (cache/mount-apt) the lists are in the builder's cache, not a
// layer: the split costs no bytes, but the stale-lists half still holds — the install reads whatever the
// cache kept from the last time the (cached) update layer ran, or nothing once the cache is evicted. So it
// still fires, and its fix merges without `rm -rf` of the lists there: under the mount that would only
// empty the cache the mount keeps.
import { formatBytes } from "../format";
import type { InstructionNode } from "../dockerfile/model";
import type { TextEdit } from "../text/edits";
import { editableRun, finalImageStages, removeCommandEdit } from "./support/commands";
import { atLine } from "./support/at-line";
import { makeFinding } from "./support/finding";
import type { Rule, RuleContext } from "./types";

const LISTS = "/var/lib/apt/lists";

interface Split {
  readonly update: InstructionNode;
  readonly tool: "apt-get" | "apt";
  /** The later RUNs of the stage that install from these lists without updating themselves. */
  readonly installs: readonly InstructionNode[];
  /** Bytes of package lists the update's layer holds. */
  readonly bytes: number;
  /** The update writes its lists under a cache mount (0 bytes in its layer). */
  readonly mounted: boolean;
}

const under = (path: string, dir: string): boolean => dir === "/" || path === dir || path.startsWith(`${dir}/`);

/** True when the RUN mounts a cache over the package lists (`target=/var/lib/apt`, the recipe's, or the lists themselves). */
function mountsLists(node: InstructionNode): boolean {
  return (node.run?.mounts ?? []).some((m) => m.type === "cache" && m.target !== null && under(LISTS, m.target.replace(/\/+$/, "") || "/"));
}

function deletesLists(node: InstructionNode): boolean {
  return (node.run?.infos ?? []).some((i) => i.kind === "rm" && i.paths.some((p) => p.value === LISTS || p.value.startsWith(`${LISTS}/`)));
}

function splits({ analysis }: RuleContext): Split[] {
  const stages = finalImageStages(analysis);
  const out: Split[] = [];
  for (const stage of analysis.model.stages) {
    if (!stages.has(stage.index)) continue;
    const nodes = stage.instructions;
    nodes.forEach((node, at) => {
      const infos = node.run?.infos ?? [];
      const update = infos.find((i) => i.kind === "apt-update");
      // Guard: a RUN that only updates (`set -eux` aside); an update with other work stays where it is.
      if (update === undefined || update.kind !== "apt-update" || !infos.every((i) => i.kind === "apt-update" || i.kind === "set")) return;
      const installs: InstructionNode[] = [];
      for (const later of nodes.slice(at + 1)) {
        const kinds = (later.run?.infos ?? []).map((i) => i.kind);
        if (kinds.includes("apt-update")) break; // a later update brings its own lists
        if (kinds.includes("apt-install")) installs.push(later);
      }
      if (installs.length === 0) return;
      const layer = atLine(analysis.estimate.layers, node.range.startLine)[0];
      const bytes = layer?.items.filter((i) => i.path === LISTS).reduce((sum, i) => sum + i.bytes, 0) ?? 0;
      out.push({ update: node, tool: update.tool, installs, bytes, mounted: mountsLists(node) });
    });
  }
  return out;
}

export const aptOneLayer: Rule = {
  meta: {
    id: "size/apt-one-layer",
    title: "Update, install and clean up in one RUN",
    category: "size",
    severity: "warning",
    fixSafety: "safe",
    hadolint: null,
    docs: {
      what: "Merges a RUN that only runs apt-get update into the RUNs that install after it, and deletes the package lists in each.",
      why: "The update's layer keeps the package lists (tens of MB) whatever a later RUN deletes, and the build cache reuses that old layer while the install line changes, so apt installs from stale lists and eventually fails.",
      before: "FROM python:3.12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends libpq5\n",
      after: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\n",
      safety: "Safe: the install sees the same fresh lists, now from the same RUN; nothing between the two RUNs uses them (each install that does is merged too).",
    },
    messages: {
      split: "apt-get update runs in its own layer ({{bytes}} of package lists that stay in the image) and the install at line {{lines}} in another: do both in one RUN.",
      splitMounted: "apt-get update runs in its own RUN and the install at line {{lines}} in another: the lists are in a cache mount, but the build cache reuses the update's layer while the install line changes, so the install reads lists as old as that update (or none once the cache is evicted): do both in one RUN.",
    },
  },
  detect(context) {
    return splits(context).map((s) => makeFinding(this.meta, s.mounted ? "splitMounted" : "split", { bytes: formatBytes(s.bytes), lines: s.installs.map((n) => n.range.startLine).join(", ") }, s.update.range));
  },
  fix(context) {
    const text = context.analysis.model.text;
    const all = splits(context);
    const edits: TextEdit[] = [];
    const merged = new Set<InstructionNode>();
    let cleaned = 0;
    for (const split of all) {
      const removal = removeCommandEdit(text, split.update, (split.update.run?.infos ?? []).findIndex((i) => i.kind === "apt-update"));
      // Guard: the update RUN goes as a whole (it holds only the update and `set`).
      if (removal === null || removal.start > split.update.range.start) return [];
      edits.push(removal);
      for (const node of split.installs) {
        if (merged.has(node)) continue;
        merged.add(node);
        const infos = node.run?.infos ?? [];
        const commands = node.run?.commands ?? [];
        const first = infos.findIndex((i) => i.kind === "apt-install");
        const command = commands[first];
        // Guard: a plain shell RUN whose install always runs (not inside `if`, not after `||`).
        if (!editableRun(node) || command === undefined || command.conditional || !(command.connectorBefore === null || command.connectorBefore === "&&" || command.connectorBefore === ";")) return [];
        edits.push({ start: command.start, end: command.start, text: `${split.tool} update && ` });
        const last = commands[commands.length - 1];
        // Under a cache mount the lists are not in the layer, and deleting them would empty the cache.
        if (mountsLists(node)) continue;
        cleaned++;
        if (!deletesLists(node) && last !== undefined) edits.push({ start: last.end, end: last.end, text: ` && rm -rf ${LISTS}/*` });
      }
    }
    if (edits.length === 0) return [];
    const bytes = all.reduce((sum, s) => sum + s.bytes, 0);
    return [{
      id: "merge",
      title: "Update in the installing RUN",
      edits: [{ file: "dockerfile", edits }],
      reason: cleaned > 0
        ? `The package lists (${formatBytes(bytes)}) are made, used and deleted in one layer, and each install always sees fresh lists.`
        : "Each install updates the lists in its own RUN, under its cache mount: the lists stay out of the image with no cleanup, and each install always sees fresh lists.",
    }];
  },
};
