// Offset ⇄ line/column conversion for one text. Offsets are UTF-16 code-unit indices into the string
// (what JavaScript and Monaco use); lines and columns are 1-based. `\r\n`, `\n` and a lone `\r` all end a
// line, as in dockerfile-ast and Monaco.

export interface Position {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: readonly number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The 1-based position of `offset` (clamped into the text). */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - (this.starts[low] ?? 0) + 1 };
  }

  /** The offset of a 0-based line and character (the LSP convention dockerfile-ast uses), clamped. */
  offsetAt(line0: number, character: number): number {
    if (line0 < 0) return 0;
    if (line0 >= this.starts.length) return this.text.length;
    const start = this.starts[line0] ?? 0;
    const next = this.starts[line0 + 1] ?? this.text.length;
    return Math.min(start + Math.max(0, character), next);
  }

  /** Offset where 1-based `line` starts. */
  lineStart(line: number): number {
    return this.offsetAt(line - 1, 0);
  }

  /** The text of 1-based `line` without its line terminator. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const next = this.starts[line] ?? this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, "");
  }
}
