// Test helper: the estimate before and after a rule's default fix, for the "shows its size effect" tests.
import { analyze } from "../../analyze";
import type { ImageEstimate } from "../../estimate/types";
import { analysisInput, applyFileEdits } from "../../plan/texts";
import { contextOf, type CaseFiles } from "../rule-tester";
import type { Rule } from "../types";
import { decodeTexts } from "../../plan/texts";

export function sizeEffect(rule: Rule, files: CaseFiles): { before: ImageEstimate; after: ImageEstimate } {
  const context = contextOf(files);
  const [fix] = rule.fix(context, rule.detect(context));
  if (fix === undefined) throw new Error(`${rule.meta.id}: no fix`);
  const texts = decodeTexts(files.dockerfile, [], files.dockerignore ?? null, Object.entries(files.projectFiles ?? {}).map(([path, content]) => ({ path, content })));
  const applied = applyFileEdits(texts, fix.edits);
  if (!applied.ok) throw new Error(applied.error);
  return { before: context.analysis.estimate, after: analyze(analysisInput(applied.texts, undefined)).estimate };
}
