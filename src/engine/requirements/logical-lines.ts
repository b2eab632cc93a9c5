// Physical lines → pip's logical lines. pip (req_file.py `join_lines`) joins a line ending in `\` with the
// next one, dropping the backslashes and adding nothing in between, and ends a continuation at a comment
// line. Comments are `#` at the start of a line or after whitespace, so URL fragments (`#egg=`, `#sha256=`)
// survive. Each logical line keeps a map back to offsets in the text so diagnostics land on the physical
// line and column where the problem is.
import { trimEndChar, trimStartChar } from "../text/trim";

interface Piece {
  /** Index in the logical text where this piece starts. */
  readonly at: number;
  /** Offset in the file text of that character. */
  readonly offset: number;
}

export interface LogicalLine {
  /** The joined text, comments still in. */
  readonly text: string;
  readonly pieces: readonly Piece[];
  /** Offset where the first physical line starts, and where the last one's content ends. */
  readonly start: number;
  readonly end: number;
}

/** Map an index in a logical line's text back to an offset in the file text. */
export function offsetOf(line: LogicalLine, index: number): number {
  // Binary search: a pip-compile file can continue one line over thousands of physical lines.
  let low = 0;
  let high = line.pieces.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((line.pieces[mid]?.at ?? 0) <= index) low = mid;
    else high = mid - 1;
  }
  const piece = line.pieces[low];
  if (piece === undefined || piece.at > index) return line.start;
  return Math.min(piece.offset + (index - piece.at), line.end);
}

// `COMMENT_RE.match(line)` in pip: a line that is only a comment (maybe indented).
const COMMENT_LINE = /^\s*#/;

/** Split decoded text into pip's logical lines. */
export function splitLogicalLines(text: string): LogicalLine[] {
  const lines: LogicalLine[] = [];
  let pending: { text: string; pieces: Piece[]; start: number } | null = null;
  let position = 0;
  while (position <= text.length) {
    const { contentEnd, next } = physicalLineEnd(text, position);
    const content = text.slice(position, contentEnd);
    const isComment = COMMENT_LINE.test(content);
    if (!content.endsWith("\\") || isComment) {
      if (pending === null) {
        lines.push({ text: content, pieces: [{ at: 0, offset: position }], start: position, end: contentEnd });
      } else {
        // pip prefixes a comment with a space so it is still seen as a comment once joined.
        const prefix = isComment ? " " : "";
        const pieces = [...pending.pieces];
        if (isComment) pieces.push({ at: pending.text.length, offset: position });
        pieces.push({ at: pending.text.length + prefix.length, offset: position });
        lines.push({ text: pending.text + prefix + content, pieces, start: pending.start, end: contentEnd });
        pending = null;
      }
    } else {
      // pip's `line.strip("\\")` removes backslashes at both ends.
      const unled = trimStartChar(content, "\\");
      const lead = content.length - unled.length;
      const stripped = trimEndChar(unled, "\\");
      pending ??= { text: "", pieces: [], start: position };
      pending.pieces.push({ at: pending.text.length, offset: position + lead });
      pending.text += stripped;
      if (next > text.length) {
        lines.push({ text: pending.text, pieces: pending.pieces, start: pending.start, end: contentEnd });
        pending = null;
      }
    }
    position = next;
  }
  return lines;
}

/** End of the physical line starting at `from` (`\r\n`, `\n` or `\r`, as LineIndex counts them). */
function physicalLineEnd(text: string, from: number): { contentEnd: number; next: number } {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return { contentEnd: i, next: i + 1 };
    if (c === 13) return { contentEnd: i, next: text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1 };
  }
  // The last line: `next` past the end stops the loop.
  return { contentEnd: text.length, next: text.length + 1 };
}

/** The range of a logical line left once pip's comment rule (`(^|\s+)#.*$`) and surrounding spaces go. */
export function contentRange(text: string): { from: number; to: number } {
  let end = text.length;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "#" && (i === 0 || /\s/.test(text[i - 1] ?? ""))) {
      end = i;
      break;
    }
  }
  let from = 0;
  while (from < end && /\s/.test(text[from] ?? "")) from++;
  while (end > from && /\s/.test(text[end - 1] ?? "")) end--;
  return { from, to: end };
}
