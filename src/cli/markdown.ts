// `--format markdown`: the PR report (issue 11) — the budget verdict first (what a reviewer needs), then
// the plan's steps with sizes and deltas, the findings, and a link that opens the same view in the
// playground. GitHub-flavoured markdown, as $GITHUB_STEP_SUMMARY and PR comments render it.
import type { Diagnostic } from "../engine/diagnostics";
import { formatBytes, formatDelta } from "../engine/format";
import type { Plan } from "../engine/plan/plan";
import type { Finding } from "../engine/rules/types";
import { budgetLine, type BudgetVerdict } from "./budget";
import { statusCell } from "./output";

/** A table cell: pipes escaped and line breaks flattened, so a message cannot break the table. */
export function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** Inline code that survives backticks in the text (CommonMark: a longer fence). */
export function code(text: string): string {
  const fence = "`".repeat(Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  return fence.length > 1 ? `${fence} ${text} ${fence}` : `\`${text}\``;
}

export type LinkResult = { ok: true; url: string } | { ok: false; message: string };

export function budgetMarkdown(budget: BudgetVerdict | null): string[] {
  if (budget === null) return [];
  return [`${budget.over ? "❌" : "✅"} **${budgetLine(budget)}**`, ""];
}

export function linkMarkdown(link: LinkResult, label: string): string[] {
  return link.ok ? [`[${label}](${link.url})`] : [`No playground link: ${link.message}`];
}

export function planMarkdown(plan: Plan, diagnostics: readonly Diagnostic[], dockerfilePath: string, budget: BudgetVerdict | null, link: LinkResult): string {
  const lines = [`### Whaleweight: ${code(dockerfilePath)}`, "", ...budgetMarkdown(budget)];
  const original = plan.steps[0];
  const last = plan.steps.at(-1);
  if (original !== undefined && last !== undefined) {
    const before = original.analysis.estimate;
    const after = last.analysis.estimate;
    lines.push(`As written: **${formatBytes(before.totalBytes)}** on disk, ${formatBytes(before.compressedBytes)} to pull.` +
      (last === original ? "" : ` After the plan: **${formatBytes(after.totalBytes)}** (${formatDelta(after.totalBytes - before.totalBytes)}), ${formatBytes(after.compressedBytes)} to pull.`), "");
  }
  lines.push("| # | step | status | size | delta | pull |", "|---:|---|---|---:|---:|---:|");
  plan.steps.forEach((step, i) => {
    const prev = plan.steps[i - 1];
    const size = step.analysis.estimate.totalBytes;
    const delta = prev === undefined ? "" : formatDelta(size - prev.analysis.estimate.totalBytes);
    const status = statusCell(step);
    lines.push(`| ${i} | ${cell(step.title)} | ${status} | ${formatBytes(size)} | ${delta} | ${formatBytes(step.analysis.estimate.compressedBytes)} |`);
  });
  lines.push("", ...findingsMarkdown(plan.findings, diagnostics), "", ...linkMarkdown(link, "Open this plan in the Whaleweight playground"));
  return lines.join("\n") + "\n";
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
