// The rule contract (STYLE 2–4): metadata as data, `detect` returns findings as plain data, `fix` returns
// text edits — with named alternatives where there is a real choice (alpine vs slim). Rules never apply
// edits themselves; the plan does, through the one shared edit applier.
import type { Analysis, AnalysisInput } from "../analyze";
import type { TextEdit } from "../text/edits";

export type RuleCategory = "size" | "cache" | "security" | "hygiene" | "correctness";
export type Severity = "error" | "warning" | "info";
/** `safe`: behaviour is unchanged. `suggestion`: the user should choose (it can change behaviour, e.g. musl). */
export type FixSafety = "safe" | "suggestion" | "none";
/** What the plan does with a rule's fix when the user has not decided: apply it, or offer it (issue 10:
 *  "the plan applies safe fixes by default and offers the others"). */
export type DefaultAction = "apply" | "offer";

export interface RuleDocs {
  /** What it does, in one or two sentences. */
  readonly what: string;
  /** Why it matters, with the mechanism. */
  readonly why: string;
  /** A Dockerfile the rule fires on… */
  readonly before: string;
  /** …and the same after the fix. */
  readonly after: string;
  /** The .dockerignore after the fix, for rules that write one. */
  readonly afterDockerignore?: string;
  /** When the fix is safe and when it is not. */
  readonly safety: string;
}

export interface RuleMeta {
  /** `<category>/<name>`, also the file name: rules/<name>.ts. */
  readonly id: string;
  readonly title: string;
  readonly category: RuleCategory;
  readonly severity: Severity;
  readonly fixSafety: FixSafety;
  /**
   * Overrides the default derived from `fixSafety` (see `defaultActionOf`). Only the seed path sets it:
   * base-variant is a suggestion (musl can break wheels) yet stays applied, as it is the product's core flow.
   */
  readonly defaultAction?: DefaultAction;
  /** The hadolint code this rule matches, if any (e.g. DL3042 for pip's cache). */
  readonly hadolint: string | null;
  readonly docs: RuleDocs;
  /** Message templates with `{{placeholders}}`. */
  readonly messages: Readonly<Record<string, string>>;
}

/** Which text an edit applies to. */
export type FileRef = "dockerfile" | "dockerignore" | { readonly requirements: string };

export interface FileEdit {
  readonly file: FileRef;
  readonly edits: readonly TextEdit[];
}

export interface Finding {
  readonly ruleId: string;
  readonly messageId: string;
  readonly message: string;
  readonly severity: Severity;
  /** 1-based position in the Dockerfile. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** One way to fix what a rule found. The first alternative is the default. */
export interface FixAlternative {
  /** Stable id within the rule, e.g. `alpine`, `slim`, `no-cache-dir`. */
  readonly id: string;
  readonly title: string;
  readonly edits: readonly FileEdit[];
  /** Why this alternative, in plain words with its facts (packages that compile, build deps…). */
  readonly reason: string;
}

export interface RuleContext {
  readonly input: AnalysisInput;
  readonly analysis: Analysis;
}

export interface Rule {
  readonly meta: RuleMeta;
  detect(context: RuleContext): readonly Finding[];
  /** Fixes for all of this rule's findings at once; empty when the rule cannot rewrite safely. */
  fix(context: RuleContext, findings: readonly Finding[]): readonly FixAlternative[];
}

/** `apply` for safe fixes (and rules that say so), `offer` for the others until the user picks apply. */
export function defaultActionOf(meta: RuleMeta): DefaultAction {
  return meta.defaultAction ?? (meta.fixSafety === "safe" ? "apply" : "offer");
}
