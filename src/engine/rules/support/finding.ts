// Building findings from rule metadata: the message template is filled here so every rule reports the
// same way (ESLint's `messageId` + `data`).
import type { SourceRange } from "../../dockerfile/model";
import type { Finding, RuleMeta } from "../types";

/** A template cut at its `{{placeholders}}`: text, and for a placeholder its key (text is then the
 *  placeholder as written, kept when the data has no such key). */
interface TemplatePart {
  readonly text: string;
  readonly key: string | null;
}

// Each rule's messages, cut once: a `bulk` file gets thousands of findings from the same few templates.
// Only the rules' own message templates come here (a fixed set), so the map stays small.
const TEMPLATE_PARTS = new Map<string, readonly TemplatePart[]>();

function partsOf(template: string): readonly TemplatePart[] {
  let parts = TEMPLATE_PARTS.get(template);
  if (parts === undefined) {
    const cut: TemplatePart[] = [];
    const placeholder = /\{\{\s*(\w+)\s*\}\}/g;
    let end = 0;
    for (let m = placeholder.exec(template); m !== null; m = placeholder.exec(template)) {
      cut.push({ text: template.slice(end, m.index), key: null }, { text: m[0], key: m[1] ?? "" });
      end = m.index + m[0].length;
    }
    cut.push({ text: template.slice(end), key: null });
    parts = cut;
    TEMPLATE_PARTS.set(template, parts);
  }
  return parts;
}

export function fillMessage(template: string, data: Readonly<Record<string, string | number>>): string {
  let message = "";
  for (const { text, key } of partsOf(template)) message += key !== null && key in data ? String(data[key]) : text;
  return message;
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
