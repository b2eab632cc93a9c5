// size/apk-no-cache — `apk add` without `--no-cache` (and `apk update`) leaves the APKINDEX files of every
// repository in /var/cache/apk, in the layer. `--no-cache` fetches the index to a temporary place and
// leaves nothing. Matches hadolint DL3019 ("Use the --no-cache switch"); DL3018 (pin versions) is not a
// size rule.
import { formatBytes } from "../format";
import type { InstructionNode } from "../dockerfile/model";
import type { CommandInfo } from "../shell/command-info";
import type { TextEdit } from "../text/edits";
import { editableRun, finalImageRuns, removeCommandEdit } from "./support/commands";
import { atLine } from "./support/at-line";
import { makeFinding } from "./support/finding";
import type { Rule, RuleContext } from "./types";

type ApkAdd = Extract<CommandInfo, { kind: "apk-add" }>;
const CACHE = "/var/cache/apk";

interface Hit {
  readonly node: InstructionNode;
  readonly adds: readonly ApkAdd[];
  readonly bytes: number;
  /** A RUN of `apk update` alone, whose index the later `apk add`s read: the fix drops it. */
  readonly updateOnly: boolean;
}

/** A RUN that only runs `apk update` (and `set`): its layer is the index, and nothing else. */
function isUpdateOnly(node: InstructionNode): boolean {
  const infos = node.run?.infos ?? [];
  return infos.some((i) => i.kind === "apk-update") && infos.every((i) => i.kind === "apk-update" || i.kind === "set");
}

function hits({ analysis }: RuleContext): Hit[] {
  const out: Hit[] = [];
  const cacheBytes = (node: InstructionNode) => atLine(analysis.estimate.layers, node.range.startLine)[0]?.items.filter((i) => i.path === CACHE).reduce((sum, i) => sum + i.bytes, 0) ?? 0;
  // Per stage, the last `RUN apk update` alone not yet followed by an `apk add` that reads its index.
  const pendingUpdate = new Map<number, InstructionNode>();
  for (const node of finalImageRuns(analysis)) {
    const infos = node.run?.infos ?? [];
    if (isUpdateOnly(node)) {
      pendingUpdate.set(node.stageIndex, node);
      continue;
    }
    const adds = infos.filter((i): i is ApkAdd => i.kind === "apk-add" && !i.noCache);
    // Guard: `rm -rf /var/cache/apk/*` in the same RUN keeps the index out too (hadolint accepts it).
    const cleans = infos.some((i) => i.kind === "apk-cache-clean" || (i.kind === "rm" && i.paths.some((p) => p.value === CACHE || p.value.startsWith(`${CACHE}/`))));
    // `apk update && apk add --no-cache …`: the add keeps no index, but the update's stays in the layer.
    const updateBeforeNoCache = adds.length === 0 && infos.some((i) => i.kind === "apk-update") && infos.some((i) => i.kind === "apk-add");
    if ((adds.length === 0 && !updateBeforeNoCache) || cleans) continue;
    // Its index may weigh nothing only because an earlier RUN's is there already: the fix drops that one,
    // so this update goes with it (reported only where it weighs something).
    if (updateBeforeNoCache && cacheBytes(node) === 0 && !out.some((h) => h.node.stageIndex === node.stageIndex)) continue;
    // `RUN apk update` on a line of its own: the index is in that layer, and this add keeps none of its own.
    const update = pendingUpdate.get(node.stageIndex);
    if (update !== undefined && !out.some((h) => h.node === update)) out.push({ node: update, adds: [], bytes: cacheBytes(update), updateOnly: true });
    out.push({ node, adds, bytes: cacheBytes(node), updateOnly: false });
  }
  return out.sort((a, b) => a.node.range.start - b.node.range.start);
}

export const apkNoCache: Rule = {
  meta: {
    id: "size/apk-no-cache",
    title: "apk add --no-cache",
    category: "size",
    severity: "warning",
    fixSafety: "safe",
    hadolint: "DL3019",
    docs: {
      what: "Adds --no-cache to apk add, and drops an apk update in the same RUN that --no-cache makes unneeded (an apk upgrade there gets --no-cache too, so it still reads an index).",
      why: "apk keeps the package indexes it downloads in /var/cache/apk; in an image they only take space. --no-cache downloads a fresh index for this command and keeps none.",
      before: "FROM python:3.12-alpine\nRUN apk update && apk add libpq\n",
      after: "FROM python:3.12-alpine\nRUN apk add --no-cache libpq\n",
      safety: "Safe: apk add --no-cache reads the same, freshly downloaded indexes; only the copy left on disk goes.",
    },
    messages: {
      cache: "apk add keeps {{bytes}} of package indexes in /var/cache/apk: use apk add --no-cache.",
      update: "apk update keeps {{bytes}} of package indexes in /var/cache/apk for the apk add after it: drop it, and use apk add --no-cache.",
    },
  },
  detect(context) {
    const all = hits(context);
    // An add that keeps no index because an `apk update` RUN before it does is reported there, once.
    return all.filter((h) => h.updateOnly || h.bytes > 0 || (h.adds.length > 0 && !all.some((u) => u.updateOnly && u.node.stageIndex === h.node.stageIndex && u.node.range.start < h.node.range.start)))
      .map((h) => makeFinding(this.meta, h.updateOnly || h.adds.length === 0 ? "update" : "cache", { bytes: formatBytes(h.bytes) }, h.node.range));
  },
  fix(context) {
    const text = context.analysis.model.text;
    const all = hits(context);
    const edits: TextEdit[] = [];
    for (const h of all) {
      if (!editableRun(h.node)) return [];
      if (h.updateOnly) {
        // The adds after it fetch their own index with --no-cache: the update's layer goes.
        const removal = removeCommandEdit(text, h.node, 0);
        if (removal === null || (h.node.run?.infos.length ?? 0) !== 1) return [];
        edits.push(removal);
        continue;
      }
      for (const add of h.adds) edits.push({ start: add.addWord.end, end: add.addWord.end, text: " --no-cache" });
      // `apk update` before `apk add --no-cache` only writes the index to the layer: drop it.
      const infos = h.node.run?.infos ?? [];
      let updates = 0;
      for (let i = infos.length - 1; i >= 0; i--) {
        if (infos[i]?.kind !== "apk-update") continue;
        const removal = removeCommandEdit(text, h.node, i);
        if (removal === null) return [];
        edits.push(removal);
        updates++;
      }
      // Without the update, an `apk upgrade` in the same RUN would find no index and upgrade nothing: it
      // fetches its own with --no-cache too.
      if (updates > 0) {
        for (const command of h.node.run?.commands ?? []) {
          const words = command.words.map((w) => w.value);
          const upgrade = command.words.find((w) => w.value === "upgrade");
          if (!/(^|\/)apk$/.test(words[0] ?? "") || upgrade === undefined || words.includes("--no-cache")) continue;
          edits.push({ start: upgrade.end, end: upgrade.end, text: " --no-cache" });
        }
      }
    }
    if (edits.length === 0) return [];
    const bytes = all.reduce((sum, h) => sum + h.bytes, 0);
    return [{ id: "no-cache", title: "Add --no-cache", edits: [{ file: "dockerfile", edits }], reason: `The package indexes (${formatBytes(bytes)}) are fetched for the install and not kept in the layer.` }];
  },
};
