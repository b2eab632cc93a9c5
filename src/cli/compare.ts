// `whaleweight compare OLD NEW`: the size change between two Dockerfiles, each weighed as written (no
// plan), for a PR that changes the Dockerfile. The budget, when given, applies to the new one.
import { CATEGORIES, type ImageEstimate } from "../engine/estimate/types";
import { formatBytes, formatDelta } from "../engine/format";
import { uncountedMarkdown } from "../report/markdown";
import { budgetText, type BudgetVerdict } from "./budget";
import { budgetMarkdown, code, linkMarkdown, type LinkResult } from "./markdown";
import { estimateJson } from "./output";

export interface Weighed {
  readonly path: string;
  readonly estimate: ImageEstimate;
}

/** The rows every format shows: on disk, pull, then each category that is not zero on both sides. */
function rows(before: ImageEstimate, after: ImageEstimate): { label: string; old: number; new: number }[] {
  return [
    { label: "on disk", old: before.totalBytes, new: after.totalBytes },
    { label: "to pull (compressed)", old: before.compressedBytes, new: after.compressedBytes },
    ...CATEGORIES.filter((c) => before.byCategory[c] !== 0 || after.byCategory[c] !== 0).map((c) => ({ label: `  ${c}`, old: before.byCategory[c], new: after.byCategory[c] })),
  ];
}

export function compareText(before: Weighed, after: Weighed, budget: BudgetVerdict | null): string {
  const table = rows(before.estimate, after.estimate).map((r) => [r.label, formatBytes(r.old), formatBytes(r.new), formatDelta(r.new - r.old)]);
  const header = ["", "old", "new", "change"];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => (r[i] ?? "").length)));
  const fmt = (r: readonly string[]) => "  " + r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  const lines = [`${before.path} → ${after.path}`, fmt(header), ...table.map(fmt)];
  if (budget !== null) lines.push("", ...budgetText(budget, after.path));
  return lines.join("\n") + "\n";
}

export function compareJson(before: Weighed, after: Weighed, budget: BudgetVerdict | null): object {
  const change = Object.fromEntries(CATEGORIES.map((c) => [c, after.estimate.byCategory[c] - before.estimate.byCategory[c]]));
  return {
    version: 1,
    old: { path: before.path, estimate: estimateJson(before.estimate) },
    new: { path: after.path, estimate: estimateJson(after.estimate) },
    change: {
      totalBytes: after.estimate.totalBytes - before.estimate.totalBytes,
      compressedBytes: after.estimate.compressedBytes - before.estimate.compressedBytes,
      byCategory: change,
    },
    budget,
  };
}

export function compareMarkdown(before: Weighed, after: Weighed, budget: BudgetVerdict | null, link: LinkResult): string {
  const total = after.estimate.totalBytes - before.estimate.totalBytes;
  const lines = [
    `### Whaleweight: ${code(after.path)} ${total === 0 ? "keeps its size" : total > 0 ? "grows" : "shrinks"} (${formatDelta(total)})`, "",
    ...budgetMarkdown(budget, after.path),
    // What the new file's sizes leave out, as the plan's report lists it: "cannot judge" points here.
    ...uncountedMarkdown(after.estimate),
    `| | old (${code(before.path)}) | new (${code(after.path)}) | change |`, "|---|---:|---:|---:|",
    ...rows(before.estimate, after.estimate).map((r) => `| ${r.label.trim()} | ${formatBytes(r.old)} | ${formatBytes(r.new)} | ${formatDelta(r.new - r.old)} |`),
    "", ...linkMarkdown(link, "Open the new Dockerfile in the Whaleweight playground"),
  ];
  return lines.join("\n") + "\n";
}
