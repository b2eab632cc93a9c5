// `--format markdown`: the PR report (issue 11) — the budget verdict first (what a reviewer needs), then
// the plan's steps with sizes and deltas, the findings, and a link that opens the same view in the
// playground. GitHub-flavoured markdown, as $GITHUB_STEP_SUMMARY and PR comments render it.
import type { Diagnostic } from "../engine/diagnostics";
import type { Plan } from "../engine/plan/plan";
import { code, findingsMarkdown, stepsMarkdown } from "../report/markdown";
import { budgetLine, type BudgetVerdict } from "./budget";

// The formatting shared with the playground's "Copy as markdown" lives in src/report/markdown.ts.
export { cell, code, findingsMarkdown } from "../report/markdown";

export type LinkResult = { ok: true; url: string } | { ok: false; message: string };

export function budgetMarkdown(budget: BudgetVerdict | null): string[] {
  if (budget === null) return [];
  return [`${budget.over ? "❌" : "✅"} **${budgetLine(budget)}**`, ""];
}

export function linkMarkdown(link: LinkResult, label: string): string[] {
  return link.ok ? [`[${label}](${link.url})`] : [`No playground link: ${link.message}`];
}

export function planMarkdown(plan: Plan, diagnostics: readonly Diagnostic[], dockerfilePath: string, budget: BudgetVerdict | null, link: LinkResult): string {
  const steps = plan.steps.map((step) => ({ ...step, estimate: step.analysis.estimate }));
  const lines = [`### Whaleweight: ${code(dockerfilePath)}`, "", ...budgetMarkdown(budget), ...stepsMarkdown(steps)];
  lines.push("", ...findingsMarkdown(plan.findings, diagnostics), "", ...linkMarkdown(link, "Open this plan in the Whaleweight playground"));
  return lines.join("\n") + "\n";
}
