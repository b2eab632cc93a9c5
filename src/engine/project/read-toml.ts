// Shared plumbing of the project-file parsers: decode, parse TOML/JSON with a real parser, turn its error
// into a diagnostic at the line and column it names, and read values defensively (a lock file edited by
// hand can hold any shape: a wrong one is reported, never thrown).
import { parse, TomlError } from "smol-toml";
import { describeError, type Diagnostic } from "../diagnostics";
import { decodeText } from "../text/decode";
import { LineIndex } from "../text/line-index";

export type Plain = string | number | boolean | null | undefined | Date | PlainTable | readonly Plain[];
export interface PlainTable { readonly [key: string]: Plain }

export class ProjectSource {
  readonly text: string;
  readonly diagnostics: Diagnostic[] = [];
  private index: LineIndex | null = null;

  constructor(readonly path: string, content: string | Uint8Array) {
    this.text = decodeText(content).text;
  }

  private lines(): LineIndex {
    this.index ??= new LineIndex(this.text);
    return this.index;
  }

  report(code: string, message: string, line = 1, column = 1, severity: Diagnostic["severity"] = "warning"): void {
    this.diagnostics.push({ code, message, line, column, severity, file: { project: this.path } });
  }

  positionAt(offset: number): { line: number; column: number } {
    return this.lines().positionAt(offset);
  }

  /** 1-based line of the first occurrence of `needle` at or after `from` (an offset), or 1. */
  lineOf(needle: string, from = 0): number {
    const at = this.text.indexOf(needle, from);
    return at < 0 ? 1 : this.lines().positionAt(at).line;
  }

  /** The TOML document, or null (with a diagnostic at the error's line) when it does not parse. */
  parseToml(): PlainTable | null {
    try {
      return parse(this.text) as PlainTable;
    } catch (error) {
      if (error instanceof TomlError) {
        this.report("project/toml-syntax", `${this.path} is not valid TOML: ${firstLine(error.message)}. Its contents are not counted.`, error.line, error.column, "error");
      } else {
        // smol-toml only throws TomlError; anything else (stack exhaustion on absurd nesting) is reported too.
        this.report("project/toml-syntax", `${this.path} could not be read (${describeError(error)}). Its contents are not counted.`, 1, 1, "error");
      }
      return null;
    }
  }

  /** The JSON document, or null (with a diagnostic at the line/column of the failing offset). */
  parseJson(): unknown {
    try {
      return JSON.parse(this.text) as unknown;
    } catch (error) {
      // V8 says "… in JSON at position N (line L column C)" or "… at position N": take the offset.
      const message = describeError(error);
      const offset = /position (\d+)/.exec(message)?.[1];
      const at = offset === undefined ? (this.text.trim() === "" ? { line: 1, column: 1 } : this.positionAt(this.text.length)) : this.positionAt(Number(offset));
      this.report("project/json-syntax", `${this.path} is not valid JSON (${firstLine(message.replace(/^SyntaxError: /, ""))}). Its contents are not counted.`, at.line, at.column, "error");
      return null;
    }
  }
}

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).trim();
}

export function isTable(value: unknown): value is PlainTable {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

export function tableAt(value: unknown, ...keys: string[]): PlainTable | null {
  let current: unknown = value;
  for (const key of keys) {
    if (!isTable(current)) return null;
    current = current[key];
  }
  return isTable(current) ? current : null;
}

export function stringOf(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

export function arrayOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? (value as readonly unknown[]) : [];
}

/** Strings of an array, skipping (and counting) the rest. */
export function stringsOf(value: unknown): { strings: string[]; skipped: number } {
  const strings: string[] = [];
  let skipped = 0;
  for (const item of arrayOf(value)) {
    if (typeof item === "string") strings.push(item);
    else skipped++;
  }
  return { strings, skipped };
}

export function sizeOf(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : null;
}
