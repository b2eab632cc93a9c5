// Building findings from rule metadata: the message template is filled here so every rule reports the
// same way (ESLint's `messageId` + `data`).
import type { SourceRange } from "../../dockerfile/model";
import type { Finding, RuleMeta } from "../types";

export function fillMessage(template: string, data: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

export function makeFinding(meta: RuleMeta, messageId: string, data: Readonly<Record<string, string | number>>, range: SourceRange): Finding {
  const template = meta.messages[messageId];
  if (template === undefined) throw new Error(`${meta.id} has no message ${messageId}`);
  return {
    ruleId: meta.id,
    messageId,
    message: fillMessage(template, data),
    severity: meta.severity,
    line: range.startLine,
    column: range.startColumn,
    endLine: range.endLine,
    endColumn: range.endColumn,
  };
}
