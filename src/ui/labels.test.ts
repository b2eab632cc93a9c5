import { describe, expect, it } from "vitest";
import type { SourceRef } from "../engine/knowledge/types";
import { formatBytes, formatDelta } from "../engine/format";
import { hasNoRewrite, ifAppliedText, labelWithSource, sourceLabel, stepStatusLabel } from "./labels";

describe("step status", () => {
  it.each([
    { name: "a finding with no rewrite", step: { status: "failed", alternatives: [] }, noRewrite: true, label: "fix by hand" },
    { name: "a rewrite the build check refused", step: { status: "failed", alternatives: [{ id: "a" }] }, noRewrite: false, label: "not applied" },
    { name: "an applied step", step: { status: "applied", alternatives: [{ id: "a" }] }, noRewrite: false, label: "applied" },
    { name: "a skipped step", step: { status: "skipped", alternatives: [{ id: "a" }] }, noRewrite: false, label: "skipped" },
    { name: "the original", step: { status: "original", alternatives: [] }, noRewrite: false, label: "as written" },
  ] as const)("$name → $label", ({ step, noRewrite, label }) => {
    expect(hasNoRewrite(step)).toBe(noRewrite);
    expect(stepStatusLabel(step)).toBe(label);
  });
});

describe("ifAppliedText", () => {
  it.each([
    { name: "an offered step that saves bytes", total: 120_000_000, preview: 95_000_000 },
    { name: "an offered step that adds bytes", total: 120_000_000, preview: 121_500_000 },
    { name: "an offered step that changes no byte", total: 120_000_000, preview: 120_000_000 },
  ])("$name: the would-be size and its change from the size shown", ({ total, preview }) => {
    expect(ifAppliedText({ estimate: { totalBytes: total }, preview: { totalBytes: preview } }))
      .toBe(`if applied: ${formatBytes(preview)} (${formatDelta(preview - total)})`);
  });

  it("says nothing for a step with no preview", () => {
    expect(ifAppliedText({ estimate: { totalBytes: 1 }, preview: null })).toBeNull();
  });
});

describe("sourceLabel", () => {
  const source = (table: SourceRef["table"], key: string): SourceRef => ({ table, key, source: "s", date: null });
  it.each([
    { source: source("python-packages", "flask"), label: "python-packages: flask" },
    { source: source("assumption", "package-size:acme-sdk"), label: "set by you" },
    { source: source("assumption", "unknown-python-package"), label: "not in the tables: default size" },
    { source: source("assumption", "context-size"), label: "assumption: context-size" },
  ])("$label", ({ source: s, label }) => {
    expect(sourceLabel(s)).toBe(label);
  });
});

describe("labelWithSource", () => {
  const source = (table: SourceRef["table"], key: string): SourceRef => ({ table, key, source: "s", date: null });
  it.each([
    { label: "flask 3.1.3", source: source("python-packages", "flask"), text: "flask 3.1.3 (python-packages: flask)" },
    { label: "acme (size set by you)", source: source("assumption", "package-size:acme"), text: "acme (size set by you)" },
    { label: "no source", source: undefined, text: "no source" },
  ])("$text", ({ label, source: s, text }) => {
    expect(labelWithSource(label, s)).toBe(text);
  });
});
