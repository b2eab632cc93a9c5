// The CLI's outputs: the JSON contract of DESIGN §5 (fields may be added, never renamed), SARIF 2.1.0 for
// code-scanning tools, and a readable text table.
import { diagnosticFilePath, type Diagnostic } from "../engine/diagnostics";
import type { ImageEstimate } from "../engine/estimate/types";
import { formatBytes, formatDelta } from "../engine/format";
import type { Plan, PlanStep } from "../engine/plan/plan";
import { RULES } from "../engine/rules/registry";
import type { Finding } from "../engine/rules/types";
import { statusCell } from "../report/markdown";
import { cannotJudgeLine, type BudgetVerdict } from "./budget";

export function planJson(plan: Plan, diagnostics: readonly Diagnostic[]): object {
  return {
    version: 1,
    steps: plan.steps.map((step) => ({
      id: step.id,
      title: step.title,
      status: step.status,
      safety: step.safety,
      alternative: step.alternative,
      alternatives: step.alternatives,
      dockerfile: step.texts.dockerfile,
      requirements: step.texts.requirements[0]?.text ?? null,
      dockerignore: step.texts.dockerignore,
      rationale: step.rationale,
      diff: step.diff,
      // An offered step's rewrite, not applied (its texts above are the previous step's): what applying it
      // would change and weigh; null for every other status. Added 2026-12, per DESIGN §5's rule.
      preview: step.preview === null ? null : {
        dockerfile: step.preview.texts.dockerfile,
        requirements: step.preview.texts.requirements[0]?.text ?? null,
        dockerignore: step.preview.texts.dockerignore,
        diff: step.preview.diff,
        totalBytes: step.preview.totalBytes,
        compressedBytes: step.preview.compressedBytes,
      },
      estimate: estimateJson(step.analysis.estimate),
      warnings: step.analysis.estimate.warnings.map((w) => ({ code: w.code, message: w.message, line: w.line })),
      assumptions: step.analysis.estimate.assumptions,
      // What would fail to build or run after this step (engine/verify); added 2026-12, per DESIGN §5's rule.
      buildCheck: step.analysis.buildCheck.map((f) => ({ code: f.code, severity: f.severity, message: f.message, line: f.line, column: f.column, subject: f.subject })),
    })),
    findings: plan.findings.map(findingJson),
    notice: plan.notice,
    faults: plan.faults,
    diagnostics: diagnostics.map((d) => ({ message: d.message, line: d.line, column: d.column, severity: d.severity, code: d.code, file: fileName(d) })),
  };
}

export function estimateJson(e: ImageEstimate): object {
  return {
    totalBytes: e.totalBytes,
    compressedBytes: e.compressedBytes,
    baseBytes: e.baseBytes,
    byCategory: e.byCategory,
    rebuildBytes: e.rebuildBytes,
    rebuild: e.rebuild,
    layers: e.layers.map((l) => ({
      stage: l.stage, line: l.line, instruction: l.instruction, bytes: l.bytes, category: l.category, deletedLaterBytes: l.deletedLaterBytes,
      items: l.items.map((i) => ({ label: i.label, bytes: i.bytes, category: i.category, path: i.path, sources: i.sources })),
    })),
    stages: e.stages,
    unknownPackages: e.unknownPackages,
  };
}

/** The hadolint check a rule matches (rule metadata), so users can map findings to the linter they know. */
function hadolintOf(ruleId: string): string | null {
  return RULES.find((r) => r.meta.id === ruleId)?.meta.hadolint ?? null;
}

/** lint's JSON finding: the finding as the engine gives it, plus its hadolint code (null when none). */
export function lintFindingJson(f: Finding): Finding & { hadolint: string | null } {
  return { ...f, hadolint: hadolintOf(f.ruleId) };
}

function findingJson(f: Finding): object {
  return { ruleId: f.ruleId, severity: f.severity, line: f.line, column: f.column, message: f.message, hadolint: hadolintOf(f.ruleId) };
}

function fileName(d: Diagnostic): string {
  return diagnosticFilePath(d.file);
}

export function planText(plan: Plan, diagnostics: readonly Diagnostic[], dockerfilePath: string): string {
  const lines: string[] = [];
  for (const d of diagnostics) lines.push(`${d.file === "dockerfile" ? dockerfilePath : fileName(d)}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
  const original = plan.steps[0];
  if (original !== undefined) {
    lines.push("", `Layers of ${dockerfilePath} as written:`, ...layerTable(original.analysis.estimate));
  }
  lines.push("", "Plan:", ...stepTable(plan.steps));
  const previews = plan.steps.flatMap((step, i) => {
    const line = previewLine(step);
    return line === null ? [] : [`  ${i}. ${step.title} — ${line}`];
  });
  if (previews.length > 0) lines.push("", "Offered steps (fixes to review, not applied):", ...previews);
  if (plan.notice !== null) lines.push("", plan.notice);
  for (const fault of plan.faults) lines.push(`rule fault: ${fault}`);
  const last = plan.steps.at(-1);
  if (last !== undefined && last !== original) {
    lines.push("", `Layers after the last step:`, ...layerTable(last.analysis.estimate));
  }
  const warnings = (last ?? original)?.analysis.estimate.warnings ?? [];
  if (warnings.length > 0) lines.push("", "Warnings:", ...warnings.map((w) => `  ${w.line === null ? "" : `line ${w.line}: `}${w.message}`));
  const assumptions = (last ?? original)?.analysis.estimate.assumptions ?? [];
  if (assumptions.length > 0) lines.push("", "Assumptions:", ...assumptions.map((a) => `  [${a.id}] ${a.text}`));
  const estimate = (last ?? original)?.analysis.estimate;
  const unknown = estimate?.unknownPackages ?? [];
  if (estimate !== undefined && unknown.length > 0) {
    lines.push("", `Unknown packages (${unknown.length} of ${estimate.installedPackages.length}, weighed by the default size; set one with --package-size NAME=MB):`, `  ${unknown.join(", ")}`);
  }
  return lines.join("\n") + "\n";
}

/** What an offered step would make of the image, from its preview's estimate (only JSON showed it):
 *  "if applied: 1.06 GB → 1.02 GB (−41.0 MB); pull 380 MB → 370 MB". Null for every other status. */
export function previewLine(step: Pick<PlanStep, "preview" | "analysis">): string | null {
  if (step.preview === null) return null;
  const now = step.analysis.estimate;
  const { totalBytes, compressedBytes } = step.preview;
  return `if applied: ${formatBytes(now.totalBytes)} → ${formatBytes(totalBytes)} (${formatDelta(totalBytes - now.totalBytes)}); pull ${formatBytes(now.compressedBytes)} → ${formatBytes(compressedBytes)}`;
}

/** The status column: the alternative applied where there was a choice, and the fix-safety level where
 *  the fix is one to review (issue 10), e.g. `offered [review]`. */
function stepTable(steps: readonly PlanStep[]): string[] {
  const rows = steps.map((step, i) => {
    const prev = steps[i - 1];
    const size = step.analysis.estimate.totalBytes;
    const delta = prev === undefined ? "" : formatDelta(size - prev.analysis.estimate.totalBytes);
    const status = statusCell(step);
    return [String(i), step.title, status, formatBytes(size), delta, formatBytes(step.analysis.estimate.compressedBytes)];
  });
  return table(["#", "step", "status", "size", "delta", "pull"], rows, [false, false, false, true, true, true]);
}

export function layerTable(e: ImageEstimate): string[] {
  const rows = e.layers.map((l) => [l.stage, String(l.line), truncate(l.instruction, 64), l.category, formatBytes(l.bytes) + (l.deletedLaterBytes > 0 ? " *" : "")]);
  rows.push(["", "", "total on disk", "", formatBytes(e.totalBytes)], ["", "", "compressed (pull)", "", formatBytes(e.compressedBytes)]);
  rows.push(["", "", "rebuilt when source changes", "", formatBytes(e.rebuildBytes)]);
  return table(["stage", "line", "instruction", "category", "bytes"], rows, [false, true, false, false, true]);
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function table(header: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const fmt = (r: readonly string[]) => "  " + r.map((c, i) => (right[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join("  ").trimEnd();
  return [fmt(header), "  " + widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(fmt)];
}

export function lintText(findings: readonly Finding[], diagnostics: readonly Diagnostic[], dockerfilePath: string): string {
  const lines = [
    ...diagnostics.map((d) => `${d.file === "dockerfile" ? dockerfilePath : fileName(d)}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]`),
    ...[...findings].sort((a, b) => a.line - b.line || a.column - b.column).map((f) => `${dockerfilePath}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.ruleId}${hadolintOf(f.ruleId) === null ? "" : `, hadolint ${hadolintOf(f.ruleId) ?? ""}`}]`),
  ];
  return lines.length === 0 ? `${dockerfilePath}: no findings\n` : lines.join("\n") + "\n";
}

/** SARIF rule descriptors of the size budget, beside the rules': a result must name a known rule. */
const BUDGET_RULES = [
  { id: "budget/max-size", title: "Image over the size budget", what: "The estimated on-disk size of the Dockerfile as written is over --max-size." },
  { id: "budget/max-pull-size", title: "Image over the pull-size budget", what: "The estimated compressed (pull) size of the Dockerfile as written is over --max-pull-size." },
  { id: "budget/cannot-judge", title: "Size budget not judged", what: "The estimate of the Dockerfile as written leaves out something that weighs (an unknown base image, an unmodelled installer …): its size is a floor, so it cannot be said to be within the budget." },
];

/** SARIF's property bag (§3.8): `tags` is the field code-scanning UIs show and filter on. */
function hadolintProperties(ruleId: string): { properties?: { tags: string[]; hadolint: string } } {
  const code = hadolintOf(ruleId);
  return code === null ? {} : { properties: { tags: [`hadolint:${code}`], hadolint: code } };
}

export function sarif(findings: readonly Finding[], diagnostics: readonly Diagnostic[], dockerfilePath: string, rules: readonly { id: string; title: string; what: string }[], budget: BudgetVerdict | null = null): object {
  const level = (s: string) => (s === "error" ? "error" : s === "warning" ? "warning" : "note");
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{
      tool: { driver: { name: "whaleweight", informationUri: "https://github.com/whaleweight/whaleweight", rules: [...rules, ...BUDGET_RULES].map((r) => ({ id: r.id, name: r.title, shortDescription: { text: r.what }, ...hadolintProperties(r.id) })) } },
      results: [
        ...findings.map((f) => ({ ruleId: f.ruleId, level: level(f.severity), message: { text: f.message }, locations: [location(dockerfilePath, f.line, f.column, f.endLine, f.endColumn)] })),
        ...diagnostics.map((d) => ({ ruleId: d.code, level: level(d.severity), message: { text: d.message }, locations: [location(d.file === "dockerfile" ? dockerfilePath : fileName(d), d.line, d.column, d.line, d.column)] })),
        // The budget is about the whole file: reported at its first line, where code scanning shows it.
        ...(budget?.violations ?? []).map((v) => ({ ruleId: `budget/${v.limit}`, level: "error", message: { text: v.message }, locations: [location(dockerfilePath, 1, 1, 1, 1)] })),
        // Not judged: a warning (`--unweighed` decides whether it fails the run), at the first thing left out.
        ...(budget === null || budget.judged ? [] : [cannotJudgeResult(budget, dockerfilePath)]),
      ],
    }],
  };
}

function cannotJudgeResult(budget: BudgetVerdict, dockerfilePath: string): object {
  const line = budget.unweighed.find((w) => w.line !== null)?.line ?? 1;
  return { ruleId: "budget/cannot-judge", level: "warning", message: { text: cannotJudgeLine(budget, dockerfilePath) }, locations: [location(dockerfilePath, line, 1, line, 1)] };
}

function location(uri: string, startLine: number, startColumn: number, endLine: number, endColumn: number): object {
  return { physicalLocation: { artifactLocation: { uri }, region: { startLine, startColumn, endLine, endColumn } } };
}
