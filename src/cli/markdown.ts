// `--format markdown`: the PR report (issue 11) — the budget verdict first (what a reviewer needs), then
// the plan's steps with sizes and deltas, the findings, and a link that opens the same view in the
// playground. GitHub-flavoured markdown, as $GITHUB_STEP_SUMMARY and PR comments render it.
import type { Diagnostic } from "../engine/diagnostics";
import type { Plan } from "../engine/plan/plan";
import { cell, code, findingsMarkdown, stepsMarkdown } from "../report/markdown";
import { budgetLine, type BudgetVerdict } from "./budget";
import { previewLine } from "./output";

// The formatting shared with the playground's "Copy as markdown" lives in src/report/markdown.ts.
export { cell, code, findingsMarkdown } from "../report/markdown";

export type LinkResult = { ok: true; url: string } | { ok: false; message: string };

/** The verdict first: ❌ over, ⚠️ not judged (what is left out follows under "Not in these sizes"), ✅ within. */
export function budgetMarkdown(budget: BudgetVerdict | null, path: string): string[] {
  if (budget === null) return [];
  const icon = budget.over ? "❌" : budget.judged ? "✅" : "⚠️";
  return [`${icon} **${budgetLine(budget, path)}**`, ""];
}

export function linkMarkdown(link: LinkResult, label: string): string[] {
  return link.ok ? [`[${label}](${link.url})`] : [`No playground link: ${link.message}`];
}

/** One line per offered step: what applying it would make of the image (the table shows it unapplied). */
export function previewsMarkdown(plan: Plan): string[] {
  const lines = plan.steps.flatMap((step, i) => {
    const line = previewLine(step);
    return line === null ? [] : [`- Step ${i}, ${cell(step.title)} (offered, to review): ${line}.`];
  });
  return lines.length === 0 ? [] : ["", ...lines];
}

export function planMarkdown(plan: Plan, diagnostics: readonly Diagnostic[], dockerfilePath: string, budget: BudgetVerdict | null, link: LinkResult): string {
  const steps = plan.steps.map((step) => ({ ...step, estimate: step.analysis.estimate }));
  const lines = [`### Whaleweight: ${code(dockerfilePath)}`, "", ...budgetMarkdown(budget, dockerfilePath), ...stepsMarkdown(steps), ...previewsMarkdown(plan)];
  lines.push("", ...findingsMarkdown(plan.findings, diagnostics), "", ...linkMarkdown(link, "Open this plan in the Whaleweight playground"));
  return lines.join("\n") + "\n";
}
