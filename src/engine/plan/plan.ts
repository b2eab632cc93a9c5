// The guided plan (DESIGN §4): a pure function from the user's texts and decisions to steps. Rules are
// tried in a fixed priority order; each that fires and can fix becomes one step, applied (default or the
// chosen alternative) or skipped as the user decided, and the texts are re-estimated after it. A fix whose
// output does not re-parse, after which its rule still fires, or that adds a build-check error (a rewrite
// that would not build or run), is not applied: the step says why, and the next rule goes on. A rule that
// failed is tried again once a later step has changed the texts (retryUnblocked), so that the plan's own
// result plans to nothing more.
import { analyze, type Analysis, type TextFile } from "../analyze";
import { describeError } from "../diagnostics";
import { LIMIT_CODE_PREFIX, LIMITS } from "../limits";
import type { EstimateSettings } from "../estimate/context";
import { formatBytes, formatDelta } from "../format";
import { RULES } from "../rules/registry";
import { isBuildCheckDiagnostic } from "../verify/diagnostics";
import { findingKey } from "../verify/types";
import { workCounters } from "../work-counters";
import { defaultActionOf, type Finding, type FixAlternative, type FixSafety, type Rule, type RuleContext } from "../rules/types";
import { diffTexts } from "./diff";
import { previewOf, type StepPreview } from "./preview";
import { analysisInput, applyFileEdits, decodeTexts, type PlanTexts } from "./texts";

/** What the user decided for a rule's step. Absent means "apply the default alternative". */
export type Decision = { readonly action: "apply"; readonly alternative?: string } | { readonly action: "skip" };

export interface PlanInput {
  readonly dockerfile: string | Uint8Array;
  readonly requirements: readonly TextFile[];
  readonly dockerignore: string | null;
  /** pyproject.toml and lock files (AnalysisInput.projectFiles); every step carries them unchanged. */
  readonly projectFiles?: readonly TextFile[];
  readonly settings?: Partial<EstimateSettings>;
  /** Decisions by rule id. */
  readonly decisions?: Readonly<Record<string, Decision>>;
  /** The rules to try, in priority order (default: the registry). */
  readonly rules?: readonly Rule[];
  /** Find the rules' findings on the original texts even when their analysis alone is past the plan's work
   *  budget (PLAN_WORK), where the plan otherwise returns the estimate only: `lint`, whose whole answer they
   *  are, and which runs in a process of its own rather than in the playground's worker. */
  readonly findingsPastBudget?: boolean;
}

/** `offered`: a fix of review level (fixSafety `suggestion`) that the plan does not apply until the user
 *  picks apply; its texts are the previous step's, its rationale gives the size it would save. */
export type StepStatus = "original" | "applied" | "offered" | "skipped" | "failed";

export interface PlanStep {
  /** `original` or the rule id. */
  readonly id: string;
  readonly title: string;
  readonly status: StepStatus;
  /** The rule's fix-safety level, for the CLI and the playground to show; null for the original step. */
  readonly safety: FixSafety | null;
  /** The fixes on offer; the first is the default. */
  readonly alternatives: readonly { readonly id: string; readonly title: string }[];
  /** The alternative applied, or null when skipped/failed/original. */
  readonly alternative: string | null;
  readonly findings: readonly Finding[];
  /** Texts after this step. */
  readonly texts: PlanTexts;
  readonly analysis: Analysis;
  /** Unified diff from the previous step ("" when nothing changed). Computed when first read (a getter:
   *  a plan whose steps are never viewed never diffs), capped at DIFF_MAX_EDIT_LENGTH line edits. */
  readonly diff: string;
  /** For an `offered` step, what applying it would give (texts, lazy diff, sizes); null for every other
   *  status. `texts`, `analysis` and `diff` above stay those of the unchanged step. */
  readonly preview: StepPreview | null;
  /** Why, with the step's numbers. */
  readonly rationale: string;
}

export interface Plan {
  readonly steps: readonly PlanStep[];
  /** Findings of every rule on the original texts (what `lint` prints). */
  readonly findings: readonly Finding[];
  /** Rules that threw: they are left out of the plan, and the fault is shown instead of a blank page. */
  readonly faults: readonly string[];
  /** Why the plan holds fewer steps than the rules would give (a very large input), or null. */
  readonly notice: string | null;
}

/**
 * Above this many characters the plan holds only the original step (the estimate of the file as written is
 * still computed). It is the parser's own limit, LIMITS.dockerfileChars (1 MiB): each step's cost is now
 * linear in the text (diffs computed only when read and capped, per-file parses and closures cached;
 * issue 13), so any text the engine reads whole can be planned. Real Dockerfiles are a few kB (the
 * largest in the shared corpus is under 10 kB). It was 200,000 while a step's diff and rescans were
 * quadratic and a 1 MB paste took minutes.
 */
export const PLAN_TEXT_LIMIT = LIMITS.dockerfileChars;

/**
 * What the plan may spend in all, in work units: the original analysis and, for each step tried, one more
 * (the rewrite guard's parse near the limits, the re-analysis, the rule's detect again). A step is charged
 * `analysisWork` of the texts it starts from before its rule's fix runs, and the plan stops with a notice at
 * the first step that would pass the budget. Counted from the model and the estimate, not timed, so a plan
 * (and a permalink) is the same on every machine.
 *
 * Calibration (docs/speed.md "Large inputs", CPU ms of warm analyses, median of 3, 2026-12-02, load 10-14
 * on the shared 2-core machine): one unit costs 21-44 µs of analysis across the generated bench files
 * (10,000 instructions: 14,870 units, 336 ms) and the fuzz's slow `bulk` cases (seed 7: 7,000-60,000 units,
 * 90-1,250 ms); a step costs about 1.5 analyses of its text near the limits (the guard parses the rewrite).
 * At the worst measured 44 µs a unit, 15,000 units is ~0.7 s of analysis for the whole plan, so with the
 * rules' detect a plan stays under issue 14's 1 s: a 1,000-instruction file (~1,550 units) gets the original
 * and up to 8 steps, a 10,000-instruction one its original estimate only, without the rules' findings (`findingsPastBudget`). A real Dockerfile (the corpus's
 * largest: 95 instructions, 6 stages, under 10 kB; a few hundred units) with every rule firing stays far
 * below it (plan-budget.test.ts checks every corpus file). It was 20,000 instructions and 3 MiB counted
 * apart, which let a 10,000-instruction file take one step and the rewrite guard's parses uncounted (~3 s).
 *
 * Recalibrated (session 6, issue 14) on the process's whole CPU time, V8's GC and compiler threads
 * included, which is what the fuzz's 1 s bar counts: the slowest plans that take steps (fuzz seed 100 cases
 * 13433 and 278, 1,900-6,600 instructions of five-command RUNs) cost 66-77 µs a unit with the rules'
 * detect, so 15,000 units was ~1.0-1.1 s (the 44 µs above is the analysis alone on the plan's thread).
 * At 12,500 the worst such plan is ~0.85 s: case 13433 (6,819 units) gets its findings but not the
 * multistage step (a second 6,819), case 278 (13,660) its estimate only. The corpus's largest plan spends
 * 3,110 units (plan-budget.test.ts keeps every real plan under a quarter of the budget).
 */
export const PLAN_WORK = {
  units: 12_500,
  /** Characters per unit: a character of a long word costs ~0.04-0.5 µs to read (shell split, parse), so a
   *  unit of 100 characters errs on the dear side; it bounds 1 MiB pastes of few instructions. */
  charsPerUnit: 100,
  /** Units per stage: a FROM seeds the stage's base (package sets, closures): a file of 150 near-empty
   *  stages (fuzz `stage-heavy`, seed 7 case 1) costs ~0.45 ms a stage, about 20 units. */
  stageUnits: 20,
} as const;

/** Work units of one analysis (see PLAN_WORK): an instruction or an item of an estimated layer (a file
 *  set, a package, a cache the estimate tracks — the estimator's work grows with them) is a unit each. */
export function analysisWork(analysis: Analysis): number {
  let items = 0;
  for (const layer of analysis.estimate.layers) items += layer.items.length;
  for (const layer of analysis.estimate.buildLayers) items += layer.items.length;
  const { model } = analysis;
  return model.instructions.length + items + model.stages.length * PLAN_WORK.stageUnits + Math.ceil(model.text.length / PLAN_WORK.charsPerUnit);
}

export function buildPlan(input: PlanInput): Plan {
  const rules = input.rules ?? RULES;
  const decisions = input.decisions ?? {};
  let texts = decodeTexts(input.dockerfile, input.requirements, input.dockerignore, input.projectFiles);
  let analysis = analyze(analysisInput(texts, input.settings));
  const original = analysis;
  const steps: PlanStep[] = [{
    id: "original", title: "Your Dockerfile", status: "original", safety: null, alternatives: [], alternative: null, findings: [],
    texts, analysis, diff: "", preview: null, rationale: `As written: ${formatBytes(analysis.estimate.totalBytes)} on disk, ${formatBytes(analysis.estimate.compressedBytes)} to pull.`,
  }];
  const faults: string[] = [];
  if (texts.dockerfile.length > PLAN_TEXT_LIMIT) {
    const notice = `This Dockerfile has ${texts.dockerfile.length.toLocaleString("en-US")} characters: rewrites are only proposed up to ${PLAN_TEXT_LIMIT.toLocaleString("en-US")}. The estimate of the file as written is shown.`;
    return { steps, findings: [], faults, notice };
  }
  const limit = analysis.diagnostics.find((d) => d.code.startsWith(LIMIT_CODE_PREFIX));
  if (limit !== undefined) {
    // A model cut short at a limit is not the user's whole file: a rewrite of it could drop what was not read.
    return { steps, findings: [], faults, notice: `${limit.message} Rewrites are not proposed for a file past the engine's limits.` };
  }
  let spent = analysisWork(analysis);
  if (spent > PLAN_WORK.units && input.findingsPastBudget !== true) {
    // No step fits in the budget, and every rule's detect over the whole file costs about as much as its
    // analysis again (fuzz seed 100 case 1916, 9,655 instructions: ~0.4 s of detect after ~0.6 s of
    // analysis, over issue 14's second): the estimate is what the plan can give.
    const notice = `This Dockerfile is large (${texts.dockerfile.length.toLocaleString("en-US")} characters, ${analysis.model.instructions.length.toLocaleString("en-US")} instructions): reading it took the time the plan may spend, so no findings or rewrites are computed. The estimate of the file as written is shown.`;
    return { steps, findings: [], faults, notice };
  }
  let notice: string | null = null;
  const originalFindings = new Map(rules.map((rule) => [rule, safeDetect(rule, { input: analysisInput(texts, input.settings), analysis: original }, faults)] as const));
  const findings = [...originalFindings.values()].flat();

  /** One rule's step on the texts as they stand: null when it finds nothing, "budget" when trying it would
   *  pass the work budget. An applied step moves the texts on. */
  const attempt = (rule: Rule): PlanStep | "budget" | null => {
    const context: RuleContext = { input: analysisInput(texts, input.settings), analysis };
    // Until a step applies, the texts are the original ones: their findings are already known.
    const ruleFindings = analysis === original ? (originalFindings.get(rule) ?? []) : safeDetect(rule, context, faults);
    if (ruleFindings.length === 0) return null;
    // Charged before the fix: near the limits the rewrite guard parses each alternative whole.
    const work = analysisWork(analysis);
    if (spent + work > PLAN_WORK.units) return "budget";
    spent += work;
    const alternatives = safeFix(rule, context, ruleFindings, faults);
    const base = { id: rule.meta.id, title: rule.meta.title, safety: rule.meta.fixSafety, alternatives: alternatives.map((a) => ({ id: a.id, title: a.title })), findings: ruleFindings, preview: null };
    if (alternatives.length === 0) {
      // Found, but no rewrite is safe here: say so in the finding's own words rather than drop it.
      return { ...base, status: "failed", alternative: null, texts, analysis, diff: "", rationale: noFixSentence(ruleFindings) };
    }
    const decision = decisions[rule.meta.id];
    if (decision?.action === "skip") {
      return { ...base, status: "skipped", alternative: null, texts, analysis, diff: "", rationale: `Skipped. ${alternatives[0]?.reason ?? ""}`.trim() };
    }
    const picked = firstThatApplies(rule, alternatives, decision?.alternative, texts, analysis, input.settings, faults, () => {
      // Each further alternative tried is one more analysis of the whole file, charged like a step.
      if (spent + work > PLAN_WORK.units) return false;
      spent += work;
      return true;
    });
    if (!picked.ok) {
      return { ...base, status: "failed", alternative: null, texts, analysis, diff: "", rationale: `Not applied: ${picked.error}` };
    }
    const { chosen, outcome } = picked;
    const instead = picked.refused === null ? "" : `${picked.refused} `;
    if (decision === undefined && defaultActionOf(rule.meta) === "offer") {
      // Checked like an applied fix (it builds, it converges) so the offer is one the user can take, but
      // the texts go on unchanged: the user decides.
      return { ...base, status: "offered", alternative: null, texts, analysis, diff: "", preview: previewOf(texts, outcome.texts, outcome.analysis), rationale: `Offered, not applied: a fix to review (${rule.meta.fixSafety}); pick Apply to use it. ${instead}${chosen.reason} If applied: ${sizeSentence(analysis, outcome.analysis)}` };
    }
    const step = withLazyDiff({
      ...base,
      // The title says what was done: the alternative applied ("Use python:3.12-slim"), not the rule.
      title: chosen.title,
      status: "applied",
      alternative: chosen.id,
      texts: outcome.texts,
      analysis: outcome.analysis,
      rationale: `${instead}${chosen.reason} ${sizeSentence(analysis, outcome.analysis)}`,
    }, texts);
    texts = outcome.texts;
    analysis = outcome.analysis;
    return step;
  };
  const stopped = (left: readonly Rule[], again: boolean): string =>
    `This Dockerfile is large (${texts.dockerfile.length.toLocaleString("en-US")} characters, ${analysis.model.instructions.length.toLocaleString("en-US")} instructions) and every step re-reads all of it: the plan stopped after ${steps.length - 1} step${steps.length === 2 ? "" : "s"} to stay within about a second. Not tried${again ? " again" : ""}: ${left.map((r) => r.meta.id).join(", ")}.`;

  for (const [i, rule] of rules.entries()) {
    const step = attempt(rule);
    if (step === "budget") {
      notice = stopped(rules.slice(i), false);
      break;
    }
    if (step !== null) steps.push(step);
  }
  if (notice === null) notice = retryUnblocked(rules, steps, attempt, () => {
    // The rules' detects over the whole file cost about one analysis together (see the budget above).
    const work = analysisWork(analysis);
    if (spent + work > PLAN_WORK.units) return false;
    spent += work;
    return true;
  }, stopped);
  return { steps, findings, faults: [...new Set(faults)], notice };
}

/**
 * A rule that found something but could not fix it may be able to once a later step has changed the texts:
 * size/multistage refused a split for a `pip install --upgrade pip` that hygiene/pip-self-upgrade, later in
 * the order, then dropped (fuzz seed 100 case 82373), and cleanup-same-layer could fold a delete only after
 * that same drop (case 37786). Planning the result again then applied them: the plan was not idempotent.
 * So each failed step followed by an applied one is tried again on the texts as they stand; a step that now
 * applies (or is offered) replaces the failed one, at the end, where its texts are. Rounds go on while one
 * does, each rule's step moving once at most. Each round's detects are charged to the work budget; past
 * it, the notice names the rules not tried again. Returns that notice, or null.
 */
function retryUnblocked(rules: readonly Rule[], steps: PlanStep[], attempt: (rule: Rule) => PlanStep | "budget" | null,
  mayDetect: () => boolean, stopped: (left: readonly Rule[], again: boolean) => string): string | null {
  const moved = new Set<string>();
  for (let round = 0; round < rules.length; round++) {
    const failed = rules.filter((rule) => {
      const at = steps.findIndex((s) => s.id === rule.meta.id);
      return at > 0 && !moved.has(rule.meta.id) && steps[at]?.status === "failed" && steps.slice(at + 1).some((s) => s.status === "applied");
    });
    if (failed.length === 0) return null;
    if (!mayDetect()) return stopped(failed, true);
    let changed = false;
    for (const [i, rule] of failed.entries()) {
      const step = attempt(rule);
      if (step === "budget") return stopped(failed.slice(i), true);
      if (step === null || (step.status !== "applied" && step.status !== "offered")) continue;
      steps.splice(steps.findIndex((s) => s.id === rule.meta.id), 1);
      steps.push(step);
      moved.add(rule.meta.id);
      changed = true;
    }
    if (!changed) return null;
  }
  return null;
}

/** The step with `diff` as an enumerable getter that diffs `before` against the step's texts once, when
 *  first read: the CLI, the worker (spreading a step reads it) and tests see a plain string property. */
function withLazyDiff(step: Omit<PlanStep, "diff">, before: PlanTexts): PlanStep {
  let diff: string | null = null;
  return Object.defineProperty({ ...step }, "diff", {
    enumerable: true,
    get: () => (diff ??= diffTexts(before, step.texts)),
  }) as PlanStep;
}

/**
 * The alternative the step applies. One the user chose is the only one tried. Otherwise the rule's order is
 * its preference, and the first that builds and converges is taken: an alternative the build check rejects
 * (python:3.11-alpine where a pinned pyarrow has no musllinux wheel, fuzz case 4799 of seed 100) falls
 * through to the next (slim), and the step says why the first was not used. `mayTryAnother` charges the
 * work budget for each alternative after the first; when it refuses, the step fails as the first did.
 */
function firstThatApplies(rule: Rule, alternatives: readonly FixAlternative[], wanted: string | undefined, texts: PlanTexts, before: Analysis,
  settings: Partial<EstimateSettings> | undefined, faults: string[], mayTryAnother: () => boolean):
  { ok: true; chosen: FixAlternative; outcome: { texts: PlanTexts; analysis: Analysis }; refused: string | null } | { ok: false; error: string } {
  const explicit = alternatives.find((a) => a.id === wanted);
  const candidates = explicit === undefined ? alternatives : [explicit];
  let firstError: { title: string; error: string } | null = null;
  for (const [i, candidate] of candidates.entries()) {
    if (i > 0 && !mayTryAnother()) break;
    const outcome = tryApply(rule, candidate, texts, before, settings, faults);
    if (outcome.ok) {
      const refused = firstError === null ? null : `Not “${firstError.title}”: ${firstError.error}`;
      return { ok: true, chosen: candidate, outcome, refused };
    }
    firstError ??= { title: candidate.title, error: outcome.error };
  }
  return { ok: false, error: firstError?.error ?? "no alternative to apply" };
}

function tryApply(rule: Rule, chosen: FixAlternative, texts: PlanTexts, before: Analysis, settings: Partial<EstimateSettings> | undefined, faults: string[]):
  { ok: true; texts: PlanTexts; analysis: Analysis } | { ok: false; error: string } {
  const applied = applyFileEdits(texts, chosen.edits);
  if (!applied.ok) return applied;
  const after = analyze(analysisInput(applied.texts, settings));
  const errorsBefore = new Set(before.diagnostics.filter((d) => d.severity === "error").map((d) => d.code));
  const newError = after.diagnostics.find((d) => d.severity === "error" && !isBuildCheckDiagnostic(d) && !errorsBefore.has(d.code));
  if (newError !== undefined) return { ok: false, error: `the rewritten Dockerfile does not parse (${newError.message}, line ${newError.line}).` };
  const broken = newBuildErrors(before, after)[0];
  if (broken !== undefined) {
    const where = broken.message.startsWith(`Line ${broken.line} `) ? "" : ` (line ${broken.line} of the rewrite)`;
    return { ok: false, error: `the rewritten Dockerfile would not build or run: ${broken.message}${where}` };
  }
  const again = safeDetect(rule, { input: analysisInput(applied.texts, settings), analysis: after }, faults);
  // In the user's words: what is still wrong after the rewrite, not how the rule works.
  if (again.length > 0) return { ok: false, error: `the rewrite would not solve it: ${again[0]?.message ?? "the same problem remains"}` };
  return { ok: true, texts: applied.texts, analysis: after };
}

/** Build-check errors of `after` that `before` did not have: the same code and subject (what is missing),
 *  wherever the rewrite moved the line. */
export function newBuildErrors(before: Analysis, after: Analysis): Analysis["buildCheck"] {
  const known = new Set(before.buildCheck.filter((f) => f.severity === "error").map(findingKey));
  return after.buildCheck.filter((f) => f.severity === "error" && !known.has(findingKey(f)));
}

function noFixSentence(findings: readonly Finding[]): string {
  const first = findings[0];
  const where = first === undefined ? "" : ` (line ${first.line}${findings.length > 1 ? ` and ${findings.length - 1} more` : ""})`;
  return `No automatic rewrite: ${(first?.message ?? "this rule found something").replace(/\.$/, "")}${where}. Whaleweight cannot change this safely for you; edit the Dockerfile by hand.`;
}

function sizeSentence(before: Analysis, after: Analysis): string {
  const a = before.estimate;
  const b = after.estimate;
  return `Estimated image: ${formatBytes(a.totalBytes)} → ${formatBytes(b.totalBytes)} (${formatDelta(b.totalBytes - a.totalBytes)}); pull: ${formatBytes(a.compressedBytes)} → ${formatBytes(b.compressedBytes)}.`;
}

function safeDetect(rule: Rule, context: RuleContext, faults: string[]): readonly Finding[] {
  workCounters.detects++;
  try {
    return rule.detect(context);
  } catch (error) {
    // A rule bug must not break the plan: the rule is left out, and the fault is reported with the plan.
    faults.push(`${rule.meta.id} failed to check this Dockerfile: ${describeError(error)}`);
    return [];
  }
}

function safeFix(rule: Rule, context: RuleContext, findings: readonly Finding[], faults: string[]): readonly FixAlternative[] {
  try {
    return rule.fix(context, findings);
  } catch (error) {
    faults.push(`${rule.meta.id} failed to rewrite this Dockerfile: ${describeError(error)}`);
    return [];
  }
}
