// The rule tester (ESLint's RuleTester, for Dockerfiles): `valid` inputs must not fire; `invalid` inputs
// must fire exactly the findings listed, and their fix (default or a named alternative) must produce
// exactly `output`, which re-parses without new errors (ours or dockerfile-utils'), adds no build-check
// error (it still builds and runs: engine/verify), and on which the rule no longer fires (so the fix
// converges in one step). The tester rejects duplicate cases and invalid cases without findings, so a
// table cannot quietly test nothing.
import { expect, it } from "vitest";
import { analyze, type AnalysisInput } from "../analyze";
import { newBuildErrors } from "../plan/plan";
import { analysisInput, applyFileEdits, decodeTexts, type PlanTexts } from "../plan/texts";
import { isBuildCheckDiagnostic } from "../verify/diagnostics";
import { newDockerfileUtilsErrors } from "./support/dockerfile-utils-errors";
import type { Rule, RuleContext } from "./types";

export interface CaseFiles {
  readonly dockerfile: string;
  readonly requirements?: Readonly<Record<string, string>>;
  readonly dockerignore?: string | null;
  /** pyproject.toml and lock files by context path (AnalysisInput.projectFiles). */
  readonly projectFiles?: Readonly<Record<string, string>>;
}

export interface ValidCase extends CaseFiles {
  readonly name: string;
}

export interface InvalidCase extends CaseFiles {
  readonly name: string;
  /** Expected findings as `line:messageId`. */
  readonly findings: readonly string[];
  /** Expected Dockerfile after the fix; null when the rule must offer no fix. */
  readonly output: string | null;
  /** The alternative to apply (default: the first). */
  readonly alternative?: string;
  /** Expected alternative ids, in order. */
  readonly alternatives?: readonly string[];
  /** Expected .dockerignore after the fix, when the fix writes one. */
  readonly dockerignoreOutput?: string;
  /** Substrings the chosen alternative's reason must contain. */
  readonly reasonIncludes?: readonly string[];
  /** Substrings the first finding's message must contain (a finding that says why no fix is offered). */
  readonly messageIncludes?: readonly string[];
}

export function contextOf(files: CaseFiles): RuleContext {
  const input = inputOf(textsOf(files));
  return { input, analysis: analyze(input) };
}

function textsOf(files: CaseFiles): PlanTexts {
  const requirements = Object.entries(files.requirements ?? {}).map(([path, content]) => ({ path, content }));
  const projectFiles = Object.entries(files.projectFiles ?? {}).map(([path, content]) => ({ path, content }));
  return decodeTexts(files.dockerfile, requirements, files.dockerignore ?? null, projectFiles);
}

function inputOf(texts: PlanTexts): AnalysisInput {
  return analysisInput(texts, undefined);
}

export function runRuleTests(rule: Rule, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
  const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate !== undefined) throw new Error(`${rule.meta.id}: duplicate case name "${duplicate}"`);
  const dockerfiles = [...cases.valid, ...cases.invalid].map((c) => JSON.stringify([c.dockerfile, c.requirements ?? {}, c.dockerignore ?? null, c.projectFiles ?? {}]));
  const duplicateInput = dockerfiles.findIndex((d, i) => dockerfiles.indexOf(d) !== i);
  if (duplicateInput >= 0) throw new Error(`${rule.meta.id}: case "${names[duplicateInput] ?? ""}" repeats another case's input`);

  it.each(cases.valid.map((c) => ({ ...c, title: c.name })))("valid: $title", (c) => {
    const context = contextOf(c);
    expect(rule.detect(context).map((f) => `${f.line}:${f.messageId}`)).toEqual([]);
  });

  it.each(cases.invalid.map((c) => ({ ...c, title: c.name })))("invalid: $title", (c) => {
    if (c.findings.length === 0) throw new Error(`${rule.meta.id}: invalid case "${c.name}" lists no findings`);
    const context = contextOf(c);
    const findings = rule.detect(context);
    expect(findings.map((f) => `${f.line}:${f.messageId}`)).toEqual(c.findings);
    for (const f of findings) expect(f.ruleId).toBe(rule.meta.id);
    for (const part of c.messageIncludes ?? []) expect(findings[0]?.message).toContain(part);
    const alternatives = rule.fix(context, findings);
    if (c.alternatives !== undefined) expect(alternatives.map((a) => a.id)).toEqual(c.alternatives);
    if (c.output === null) {
      expect(alternatives).toEqual([]);
      return;
    }
    const chosen = c.alternative === undefined ? alternatives[0] : alternatives.find((a) => a.id === c.alternative);
    if (chosen === undefined) throw new Error(`${rule.meta.id}: no alternative ${c.alternative ?? "(default)"} for "${c.name}"`);
    for (const part of c.reasonIncludes ?? []) expect(chosen.reason).toContain(part);
    const applied = applyFileEdits(textsOf(c), chosen.edits);
    if (!applied.ok) throw new Error(applied.error);
    expect(applied.texts.dockerfile).toBe(c.output);
    if (c.dockerignoreOutput !== undefined) expect(applied.texts.dockerignore).toBe(c.dockerignoreOutput);
    const after = analyze(inputOf(applied.texts));
    const errorsBefore = new Set(context.analysis.diagnostics.filter((d) => d.severity === "error").map((d) => d.code));
    expect(after.diagnostics.filter((d) => d.severity === "error" && !isBuildCheckDiagnostic(d) && !errorsBefore.has(d.code))).toEqual([]);
    expect(newBuildErrors(context.analysis, after).map((f) => `${f.line}:${f.code}:${f.subject}`)).toEqual([]);
    expect(rule.detect({ input: inputOf(applied.texts), analysis: after }).map((f) => `${f.line}:${f.messageId}`)).toEqual([]);
    // The VS Code Docker linter must not find an error the input did not have (issue 14: 40 rewrites did).
    expect(newDockerfileUtilsErrors(c.dockerfile, applied.texts.dockerfile)).toEqual([]);
  });
}
