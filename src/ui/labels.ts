// Words and colours the UI uses for the estimate's categories, in the chart's stacking order, and for steps.
import type { Category } from "../engine/estimate/types";
import { formatBytes, formatDelta } from "../engine/format";
import type { SourceRef } from "../engine/knowledge/types";

export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  base: "Base image",
  system: "System packages",
  python: "Python packages",
  pipCache: "pip cache",
  buildTools: "Build tools",
  app: "Application",
};

/** Mid-tone colours that read on light and dark backgrounds alike (checked against both themes). */
export const CATEGORY_COLORS: Readonly<Record<Category, string>> = {
  base: "#5b7ea4",
  system: "#c48a3a",
  python: "#4f9d69",
  pipCache: "#c65a5a",
  buildTools: "#8a67b8",
  app: "#3fa3a8",
};

export const PULL_COLOR = "#8c8c8c";

export const STATUS_LABELS = { original: "as written", applied: "applied", offered: "offered", skipped: "skipped", failed: "not applied" } as const;

/** The fix-safety level as the step list shows it next to the status (issue 10); safe fixes say nothing. */
export function safetyLabel(step: { readonly safety: "safe" | "suggestion" | "none" | null }): string | null {
  return step.safety === "suggestion" ? "review" : null;
}

/** True when a rule found something but has no rewrite to offer: nothing to apply or skip. */
export function hasNoRewrite(step: { readonly status: keyof typeof STATUS_LABELS; readonly alternatives: readonly unknown[] }): boolean {
  return step.status === "failed" && step.alternatives.length === 0;
}

/** The status as the step list and the details name it; a finding with no rewrite says so. */
export function stepStatusLabel(step: { readonly status: keyof typeof STATUS_LABELS; readonly alternatives: readonly unknown[] }): string {
  return hasNoRewrite(step) ? "fix by hand" : STATUS_LABELS[step.status];
}

/** An offered step's would-be size against the size shown for it (the image without it), e.g.
 *  "if applied: 95.2 MB (−20.1 MB)"; null for a step with no preview. The step list, the details and the
 *  chart say it in these words, so the size shown is never taken for the size with the change. */
export function ifAppliedText(step: { readonly estimate: { readonly totalBytes: number }; readonly preview: { readonly totalBytes: number } | null }): string | null {
  if (step.preview === null) return null;
  return `if applied: ${formatBytes(step.preview.totalBytes)} (${formatDelta(step.preview.totalBytes - step.estimate.totalBytes)})`;
}

/** Where a number came from, in a few words: a table row, a default, a named assumption, or the user. */
export function sourceLabel(source: SourceRef): string {
  if (source.table !== "assumption") return `${source.table}: ${source.key}`;
  if (source.key.startsWith("package-size:")) return "set by you";
  if (source.key === "unknown-python-package" || source.key === "unknown-system-package") return "not in the tables: default size";
  return `assumption: ${source.key}`;
}

/** An item with where its number came from, "flask 3.1.3 (python-packages: flask)", without saying it
 *  twice when the engine's label already does ("acme (size set by you)"). */
export function labelWithSource(label: string, source: SourceRef | undefined): string {
  if (source === undefined) return label;
  const where = sourceLabel(source);
  return label.includes(where) ? label : `${label} (${where})`;
}
