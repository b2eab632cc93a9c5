// size/apt-lists — `apt-get update` downloads the package indexes into /var/lib/apt/lists (tens of MB).
// Unless the same RUN deletes them, they ship in the image. Matches hadolint DL3009.
import type { InstructionNode } from "../dockerfile/model";
import { playwrightCommand } from "../estimate/python-downloads";
import { formatBytes } from "../format";
import { makeFinding } from "./support/finding";
import { aptListsReadFrom, runAtLine, runsHolding } from "./support/stages";
import type { Rule, RuleContext } from "./types";

const LISTS = "/var/lib/apt/lists";

/** Whether the RUN updates apt's lists: `apt-get update`, or `playwright install --with-deps` (and
 *  install-deps), which runs apt-get update and its install and deletes nothing. */
function updatesApt(node: InstructionNode): boolean {
  const infos = node.run?.infos ?? [];
  return infos.some((i) => i.kind === "apt-update")
    || (node.run?.commands ?? []).some((c, i) => infos[i]?.kind === "other" && playwrightCommand(c.words.map((w) => w.value))?.deps === true);
}

/** The RUNs to rewrite: those holding lists now, and every other RUN of the image that runs apt-get update
 *  and keeps its lists. The model keeps one lists entry, so the first update's layer holds it and hides a
 *  later update's: fixing only the first let the later one fire after the fix (issue 14, 347 plans). */
function fixTargets({ analysis }: RuleContext, holding: readonly InstructionNode[]): InstructionNode[] {
  const targets = new Set(holding);
  for (const layer of analysis.estimate.layers) {
    const node = runAtLine(analysis.model, layer.line);
    const infos = node?.run?.infos ?? [];
    if (node === undefined || !updatesApt(node)) continue;
    // Under a cache mount (cache/mount-apt) the lists are in the mount, not the layer: deleting them would
    // only empty the cache.
    if (mountsLists(node)) continue;
    const deletes = infos.some((i) => i.kind === "rm" && i.paths.some((p) => p.value === LISTS || p.value.startsWith(`${LISTS}/`)));
    if (!deletes) targets.add(node);
  }
  return [...targets].sort((a, b) => a.range.start - b.range.start);
}

function mountsLists(node: InstructionNode): boolean {
  return (node.run?.mounts ?? []).some((m) => {
    const target = (m.target ?? "").replace(/\/+$/, "");
    return target !== "" && (LISTS === target || LISTS.startsWith(`${target}/`));
  });
}

function hits({ analysis }: RuleContext): { node: InstructionNode; bytes: number }[] {
  return runsHolding(analysis, (i) => i.path === LISTS || i.path.startsWith(`${LISTS}/`))
    .filter(({ node }) => updatesApt(node));
}

export const aptLists: Rule = {
  meta: {
    id: "size/apt-lists",
    title: "Delete apt's package lists in the same RUN",
    category: "size",
    severity: "warning",
    fixSafety: "safe",
    hadolint: "DL3009",
    docs: {
      what: "Appends rm -rf /var/lib/apt/lists/* to a RUN that runs apt-get update (itself, or through playwright install --with-deps) and leaves the lists in the image.",
      why: "apt-get update downloads the package indexes of every configured repository. They are only needed to install, and a later RUN cannot delete them from this layer.",
      before: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5\n",
      after: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\n",
      safety: "Safe: a later apt-get install must run apt-get update again anyway (the lists would be stale); the rule does not rewrite when a later RUN in the image installs without updating.",
    },
    messages: {
      lists: "apt-get update leaves {{bytes}} of package lists in this layer: delete them in the same RUN.",
    },
  },
  detect(context) {
    return hits(context).map((h) => makeFinding(this.meta, "lists", { bytes: formatBytes(h.bytes) }, h.node.range));
  },
  fix(context) {
    const all = hits(context);
    const edits = [];
    for (const node of fixTargets(context, all.map((h) => h.node))) {
      const commands = node.run?.commands ?? [];
      const last = commands[commands.length - 1];
      // Guard: an exec-form or heredoc RUN has no place to append a command.
      if (last === undefined || last.end <= last.start || node.heredocs.length > 0) return [];
      // Guard: an unterminated quote or `$(` would swallow the appended command (a fuzzed corpus file).
      if ((node.run?.problems.length ?? 0) > 0) return [];
      // Guard: a later RUN of the same stage, or of a stage built on it (`FROM builder AS final`), that
      // installs without its own update needs these lists (fuzz seed 100 case 13658).
      if (aptListsReadFrom(context.analysis.model, node.stageIndex, node.range.end)) return [];
      edits.push({ start: last.end, end: last.end, text: " && rm -rf /var/lib/apt/lists/*" });
    }
    if (edits.length === 0) return [];
    const bytes = all.reduce((sum, h) => sum + h.bytes, 0);
    return [{ id: "rm-lists", title: "Delete the lists after installing", edits: [{ file: "dockerfile", edits }], reason: `The package lists (${formatBytes(bytes)}) are only needed while installing; deleted in the same RUN they never reach a layer.` }];
  },
};
