// size/cleanup-same-layer — `RUN rm -rf /root/.cache/pip` (or the apt lists, or *.pyc) in its own RUN
// deletes nothing from the image: the files live on in the layer that created them. The cleanup must run
// in the RUN that creates the files. The estimator already knows which layer created what it deletes.
import type { InstructionNode } from "../dockerfile/model";
import { formatBytes } from "../format";
import type { CommandInfo } from "../shell/command-info";
import type { TextEdit } from "../text/edits";
import { makeFinding } from "./support/finding";
import { lineStartOf, runAtLine } from "./support/stages";
import type { Rule, RuleContext } from "./types";

const CLEANUP_KINDS = new Set<CommandInfo["kind"]>(["rm", "find-delete", "apt-clean", "pip-cache-purge", "apk-cache-clean", "set"]);
/** Commands between creator and cleanup that may read what the cleanup deletes. */
const READERS = (kind: CommandInfo["kind"]): boolean => kind === "other" || kind.startsWith("apt-") || kind.startsWith("apk-") || kind.startsWith("pip-") || kind === "find-delete";

interface Hit {
  readonly cleanup: InstructionNode;
  readonly creators: readonly InstructionNode[];
  readonly bytes: number;
}

function hits({ analysis }: RuleContext): Hit[] {
  const out: Hit[] = [];
  const finalLines = new Set(analysis.estimate.layers.map((l) => l.line));
  // Creating lines of the bytes each cleanup line deletes, as the estimator attributes them.
  const createdBy = new Map<number, number[]>();
  for (const w of analysis.estimate.warnings) {
    if (w.code === "deleted-in-later-layer" && w.line !== null && w.createdAt !== undefined) createdBy.set(w.line, [...(createdBy.get(w.line) ?? []), w.createdAt]);
  }
  for (const node of analysis.model.instructions) {
    const infos = node.run?.infos ?? [];
    // Guard: only a RUN that does nothing but clean up can be folded away whole.
    if (infos.length === 0 || !infos.every((i) => CLEANUP_KINDS.has(i.kind)) || !infos.some((i) => i.kind !== "set")) continue;
    if (!finalLines.has(node.range.startLine)) continue;
    const lines = createdBy.get(node.range.startLine) ?? [];
    const creators = lines.flatMap((line) => runAtLine(analysis.model, line) ?? []);
    const bytes = analysis.estimate.layers.filter((l) => lines.includes(l.line)).reduce((sum, l) => sum + l.deletedLaterBytes, 0);
    if (creators.length > 0) out.push({ cleanup: node, creators, bytes });
  }
  return out;
}

export const cleanupSameLayer: Rule = {
  meta: {
    id: "size/cleanup-same-layer",
    title: "Clean up in the layer that creates the files",
    category: "size",
    severity: "warning",
    fixSafety: "safe",
    hadolint: null,
    docs: {
      what: "Moves a cleanup RUN (rm of caches, apt-get clean, pip cache purge) into the RUN that created the files it deletes.",
      why: "Each RUN is a layer, and a layer only adds: deleting a file in a later layer hides it but its bytes stay in the earlier layer, in every pull.",
      before: "FROM python:3.12-slim\nRUN pip install flask\nRUN rm -rf /root/.cache/pip\n",
      after: "FROM python:3.12-slim\nRUN pip install flask && rm -rf /root/.cache/pip\n",
      safety: "Safe when nothing between the two RUNs reads the deleted files (the rule checks that no package manager or unknown command runs in between) and every rm is forced (-f), so it cannot fail on a path another creator lacks.",
    },
    messages: {
      later: "This RUN deletes {{bytes}} created at line {{lines}}, but in a later layer: the bytes stay in the image.",
    },
  },
  detect(context) {
    return hits(context).map((h) => makeFinding(this.meta, "later", { bytes: formatBytes(h.bytes), lines: h.creators.map((c) => c.range.startLine).join(", ") }, h.cleanup.range));
  },
  fix(context) {
    const text = context.analysis.model.text;
    const all = hits(context);
    const removed = new Set(all.map((h) => h.cleanup));
    // Appends by position: two cleanups folded into one creator make one insert there, not two edits at the
    // same offset (issue 14: overlapping edits).
    const appends = new Map<number, string[]>();
    const removals: TextEdit[] = [];
    let bytes = 0;
    for (const h of all) {
      const script = h.cleanup.run?.script?.text.trim();
      const commands = h.cleanup.run?.commands ?? [];
      if (script === undefined || script === "" || h.cleanup.heredocs.length > 0) return [];
      const creators = [...new Set(h.creators)];
      // Guard: an rm without -f fails on a missing path; folded into several creators it must not fail.
      const unforced = commands.some((c) => c.words[0]?.value === "rm" && !c.words.some((w) => /^-[a-zA-Z]*f|^--force$/.test(w.value)));
      if (unforced && creators.length > 1) return [];
      for (const creator of creators) {
        const last = creator.run?.commands[creator.run.commands.length - 1];
        // Guard: the creator must be an editable shell-form RUN in the same stage, and not a cleanup this fix removes.
        if (last === undefined || last.end <= last.start || creator.heredocs.length > 0 || creator.stageIndex !== h.cleanup.stageIndex || removed.has(creator)) return [];
        const between = context.analysis.model.instructions.filter((n) => n.index > creator.index && n.index < h.cleanup.index);
        if (between.some((n) => (n.run?.infos ?? []).some((i) => READERS(i.kind)))) return [];
        appends.set(last.end, [...(appends.get(last.end) ?? []), ` && ${script.replace(/\s*[\r\n]\s*/g, " ")}`]);
      }
      removals.push({ start: lineStartOf(text, h.cleanup.range.start), end: afterLineBreak(text, h.cleanup.range.end), text: "" });
      bytes += h.bytes;
    }
    const edits = [...removals, ...[...appends].map(([at, parts]) => ({ start: at, end: at, text: parts.join("") }))].sort((a, b) => a.start - b.start || a.end - b.end);
    // Guard: edits that would touch each other cannot be applied as one fix; offer none rather than a broken one.
    if (edits.length === 0 || edits.some((e, i) => i > 0 && e.start < (edits[i - 1]?.end ?? 0))) return [];
    return [{ id: "fold", title: "Fold the cleanup into the creating RUN", edits: [{ file: "dockerfile", edits }], reason: `Deleting in the same RUN keeps ${formatBytes(bytes)} out of the image; in a later RUN the bytes stay in the earlier layer.` }];
  },
};

/** Just past the line break (`\n`, `\r\n` or a lone `\r`) at `offset`, or `offset` when none is there. */
function afterLineBreak(text: string, offset: number): number {
  if (text.startsWith("\r\n", offset)) return offset + 2;
  return text[offset] === "\n" || text[offset] === "\r" ? offset + 1 : offset;
}
