// dockerfile-ast's scan of an instruction's arguments (`Instruction.getRawArguments`), with the same
// arguments, values and ranges, built with less garbage. The library appends every character of every
// argument to a string one at a time and validates each Range it makes; on a `bulk` fuzz file (9,437 lines)
// that scan alone allocated 44 MB per plan, about a tenth of the plan's allocations and so of its GC.
// Here a value is kept as the text it was read from (a run of characters read as they are) plus what was
// already committed, and sliced once; a range (a plain object of the shape `Range.create` returns) is made
// only when asked for.
// The control flow is the library's, statement for statement; ast-arguments-scan.test.ts compares the two
// on generated and real instructions.
//
// Adapted from dockerfile-ast 0.7.1, lib/instruction.js (`getRawArguments`).
// Copyright (c) 2017-2021 Remy Suen. MIT License: permission is hereby granted, free of charge, to any
// person obtaining a copy of this software and associated documentation files (the "Software"), to deal in
// the Software without restriction, including without limitation the rights to use, copy, modify, merge,
// publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
// Software is furnished to do so, subject to the following conditions: the above copyright notice and this
// permission notice shall be included in all copies or substantial portions of the Software. THE SOFTWARE IS
// PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE
// WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
// AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF
// CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
// DEALINGS IN THE SOFTWARE.
import { Argument } from "dockerfile-ast";
import type { Instruction } from "dockerfile-ast";

interface Position {
  line: number;
  character: number;
}

interface Range {
  start: Position;
  end: Position;
}

/** What the scan reads of an instruction (protected or private in the library's typings). */
interface Scanned {
  readonly document: { positionAt(offset: number): Position; offsetAt(position: Position): number };
  readonly escapeChar: string;
  getInstructionRange(): { start: Position; end: Position };
  getTextContent(): string;
}

/** The arguments `instruction.getRawArguments()` returns, equal value for value and range for range. */
export function scanArguments(instruction: Instruction): Argument[] {
  const self = instruction as unknown as Scanned;
  const document = self.document;
  const escapeChar = self.escapeChar;
  const range = self.getInstructionRange();
  const extra = document.offsetAt(range.end) - document.offsetAt(range.start);
  const fullArgs = self.getTextContent().substring(extra);
  const out = new Arguments(document, fullArgs, document.offsetAt(range.start) + extra);

  let start = false;
  let comment = false;
  let found = -1;
  // whether a space or tab was found that is part of an escaped newline sequence
  let escapedWhitespaceDetected = false;
  // whether the scan is inside an escaped newline sequence
  let escaping = false;
  let escapeMarker = -1;
  for (let i = 0; i < fullArgs.length; i++) {
    const char = fullArgs.charAt(i);
    if (char === " " || char === "\t" || char === "\r" || char === "\n") {
      if (escaping) {
        escapedWhitespaceDetected = true;
        if (char === "\r" || char === "\n") {
          // a newline: any whitespace seen before it is ignored
          escapedWhitespaceDetected = false;
          if (comment) {
            comment = false;
            start = true;
          }
        }
        continue;
      } else if (found !== -1) {
        out.push(found, escapeMarker === -1 ? i : escapeMarker);
        escapeMarker = -1;
        found = -1;
      }
    } else if (char === escapeChar) {
      const next = fullArgs.charAt(i + 1);
      if (next === " " || next === "\t") {
        whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
          const after = fullArgs.charAt(j);
          switch (after) {
            case " ":
            case "\t":
              continue;
            case "\r":
            case "\n":
              // (the library's `\r` case steps over the next character, then runs the `\n` case)
              if (after === "\r") j++;
              comment = false;
              escaping = true;
              start = true;
              if (found !== -1) escapeMarker = i;
              i = j;
              break whitespaceCheck;
            default:
              escapeMarker = i;
              if (found === -1) i = j - 1;
              break whitespaceCheck;
          }
        }
      } else if (next === "\r") {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i += 2;
      } else if (next === "\n") {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i++;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          out.push(found, escapeMarker);
          found = -1;
        }
        escapeMarker = -1;
        escapedWhitespaceDetected = false;
        escaping = false;
        if (next === "$") {
          out.appendText(char + next);
        } else if (next === "") {
          // the end of the text
          break;
        } else {
          out.appendChar(i + 1);
        }
        if (found === -1) found = i;
        i++;
      }
    } else if (!comment) {
      if (start && char === "#") {
        comment = true;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          out.push(found, escapeMarker);
          found = -1;
        }
        escapedWhitespaceDetected = false;
        escaping = false;
        escapeMarker = -1;
        out.appendChar(i);
        if (found === -1) found = i;
      }
      // a character other than whitespace: no longer at a line's start
      start = false;
    }
  }
  if (found !== -1) out.push(found, escapeMarker === -1 ? fullArgs.length : escapeMarker);
  return out.args;
}

/** The arguments found so far and the value of the one being read: `committed`, then `text[runStart,
 *  runEnd)` (the library's `escapedArg`, which it grows by one string concatenation per character). A class
 *  rather than closures: the scan runs once per instruction. */
class Arguments {
  readonly args: Argument[] = [];
  private committed = "";
  private runStart = 0;
  private runEnd = 0;

  constructor(
    private readonly document: Scanned["document"],
    private readonly text: string,
    /** Document offset of `text[0]`. */
    private readonly offset: number,
  ) {}

  /** The character at `at` of the text, read as it is. */
  appendChar(at: number): void {
    if (this.runEnd !== at || this.runStart === this.runEnd) {
      this.commit();
      this.runStart = at;
    }
    this.runEnd = at + 1;
  }

  appendText(text: string): void {
    this.commit();
    this.committed += text;
  }

  /** Ends the argument read over `text[from, to)` with the value appended so far. */
  push(from: number, to: number): void {
    this.commit();
    const value = this.committed;
    this.committed = "";
    this.args.push(new ScannedArgument(value, this.document, this.offset + from, this.offset + to));
  }

  private commit(): void {
    if (this.runEnd > this.runStart) this.committed += this.text.slice(this.runStart, this.runEnd);
    this.runStart = this.runEnd = 0;
  }
}

/** An argument whose range is made when first asked for. Most never are: of a RUN's words the library and
 *  the model read the first and last ranges and the flags' (a lexed instruction's words all), and two
 *  positions (a binary search each) and three objects per word were a third of the scan's cost. */
class ScannedArgument extends Argument {
  private lazyRange: Range | null = null;

  constructor(
    value: string,
    private readonly document: Scanned["document"],
    private readonly start: number,
    private readonly end: number,
  ) {
    // The library's own field stays unset; every reader of it is overridden below.
    super(value, null as unknown as Range);
  }

  override getRange(): Range {
    this.lazyRange ??= { start: this.document.positionAt(this.start), end: this.document.positionAt(this.end) };
    return this.lazyRange;
  }

  // As the library's, over getRange().
  override isAfter(position: Position): boolean {
    const range = this.getRange();
    if (range.end.line < position.line) return false;
    return range.start.line > position.line ? true : range.start.character > position.character;
  }

  override isBefore(position: Position): boolean {
    const range = this.getRange();
    if (range.start.line < position.line) return true;
    return range.end.line > position.line ? false : range.end.character < position.character;
  }
}
