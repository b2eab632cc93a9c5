// The plan as GitHub-flavoured markdown, shared by the CLI's `--format markdown` (src/cli/markdown.ts,
// the PR report of issue 11) and the playground's "Copy as markdown" (issue 12). Pure: it works on the
// few fields of a step both sides have — the CLI's PlanStep (estimate inside its analysis) and the
// page's StepView (estimate lifted out) — so neither the worker's view nor the CLI's plan leaks into the
// other.
import type { Diagnostic } from "../engine/diagnostics";
import type { ImageEstimate } from "../engine/estimate/types";
import { uncountedWarnings } from "../engine/estimate/uncounted";
import { formatBytes, formatDelta } from "../engine/format";
import type { PlanStep } from "../engine/plan/plan";
import type { Finding } from "../engine/rules/types";

/** A table cell: pipes escaped and line breaks flattened, so a message cannot break the table. */
export function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** Inline code that survives backticks in the text (CommonMark: a longer fence). */
export function code(text: string): string {
  const fence = "`".repeat(Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  return fence.length > 1 ? `${fence} ${text} ${fence}` : `\`${text}\``;
}

/** What the report reads of a step. */
export type ReportStep = Pick<PlanStep, "title" | "status" | "alternatives" | "alternative" | "safety"> & {
  readonly estimate: Pick<ImageEstimate, "totalBytes" | "compressedBytes"> & Partial<Pick<ImageEstimate, "warnings">>;
};

/** The original's warnings about bytes the sizes leave out, one bullet each (none: no lines): a reviewer
 *  reading "2 MB" for a conda image must see that its base is not in it. */
export function uncountedMarkdown(estimate: Partial<Pick<ImageEstimate, "warnings">>): string[] {
  const rows = uncountedWarnings(estimate).map((w) => `- ${w.line === null ? "" : `line ${w.line}: `}${cell(w.message)}`);
  return rows.length === 0 ? [] : ["Not in these sizes:", ...rows, ""];
}

/** The sizes before and after, then one table row per step with its size, change and pull size. */
export function stepsMarkdown(steps: readonly ReportStep[]): string[] {
  const lines: string[] = [];
  const original = steps[0];
  const last = steps.at(-1);
  if (original !== undefined && last !== undefined) {
    const before = original.estimate;
    const after = last.estimate;
    lines.push(`As written: **${formatBytes(before.totalBytes)}** on disk, ${formatBytes(before.compressedBytes)} to pull.` +
      (last === original ? "" : ` After the plan: **${formatBytes(after.totalBytes)}** (${formatDelta(after.totalBytes - before.totalBytes)}), ${formatBytes(after.compressedBytes)} to pull.`), "");
    lines.push(...uncountedMarkdown(before));
  }
  lines.push("| # | step | status | size | delta | pull |", "|---:|---|---|---:|---:|---:|");
  steps.forEach((step, i) => {
    const prev = steps[i - 1];
    const size = step.estimate.totalBytes;
    const delta = prev === undefined ? "" : formatDelta(size - prev.estimate.totalBytes);
    const status = statusCell(step);
    lines.push(`| ${i} | ${cell(step.title)} | ${status} | ${formatBytes(size)} | ${delta} | ${formatBytes(step.estimate.compressedBytes)} |`);
  });
  return lines;
}

/** A step's status as the reports print it: the alternative applied where there was a choice, and
 *  "[review]" on fixes of review level (they are offered, not applied, until the user picks them). */
export function statusCell(step: Pick<PlanStep, "status" | "alternatives" | "alternative" | "safety">): string {
  const status = step.status === "applied" && step.alternatives.length > 1 ? `applied (${step.alternative ?? ""})` : step.status;
  return step.safety === "suggestion" && step.status !== "failed" ? `${status} [review]` : status;
}

export function findingsMarkdown(findings: readonly Finding[], diagnostics: readonly Diagnostic[]): string[] {
  const rows = [
    ...diagnostics.map((d) => ({ line: d.line, severity: d.severity, rule: d.code, message: d.message })),
    ...[...findings].sort((a, b) => a.line - b.line || a.column - b.column).map((f) => ({ line: f.line, severity: f.severity, rule: f.ruleId, message: f.message })),
  ];
  if (rows.length === 0) return ["No findings."];
  return [
    `**Findings (${rows.length})**`, "",
    "| line | severity | rule | message |", "|---:|---|---|---|",
    ...rows.map((r) => `| ${r.line} | ${r.severity} | ${code(r.rule)} | ${cell(r.message)} |`),
  ];
}

export interface ReportLink {
  readonly url: string;
  readonly label: string;
}

/** The playground's report: the same heading, steps and findings as the CLI's, and a link to this view. */
export function playgroundMarkdown(steps: readonly ReportStep[], findings: readonly Finding[], diagnostics: readonly Diagnostic[], link: ReportLink | null): string {
  const lines = ["### Whaleweight: `Dockerfile`", "", ...stepsMarkdown(steps), "", ...findingsMarkdown(findings, diagnostics)];
  if (link !== null) lines.push("", `[${link.label}](${link.url})`);
  return lines.join("\n") + "\n";
}
