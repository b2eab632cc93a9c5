// From a RUN instruction to the shell script it runs, with every character mapped back to its offset in
// the Dockerfile text, so rules can edit words in place. Docker itself removes an escape character that
// ends a line (joining the next line) and drops comment lines and blank lines inside a continued
// instruction; this does the same. With a heredoc, the body is the script when the first line is only the
// `<<EOF` marker or runs a shell (`bash <<EOF`); otherwise the body is data (`python <<EOF`, `cat <<EOF >f`)
// and only the first line is shell.
import type { ShellSource } from "../shell/types";
import type { HeredocNode } from "./model";

const SHELLS = new Set(["sh", "bash", "ash", "dash", "zsh", "/bin/sh", "/bin/bash", "/bin/ash", "/usr/bin/env"]);

/** The logical script of `text[start, end)` with Docker's continuation rules applied. The text is built
 *  from slices between continuations and the offsets written into one typed array: appending character by
 *  character made a cons string and a grown array per RUN, a sixth of what a `bulk` file's parse allocated. */
export function logicalSource(text: string, start: number, end: number, escapeChar: string): ShellSource {
  const parts: string[] = [];
  // At most one entry per character of the range, plus the end.
  const offsets = new Int32Array(Math.max(0, end - start) + 1);
  let length = 0;
  /** Start of the run of kept characters not yet copied into `parts`. */
  let runStart = start;
  let i = start;
  for (;;) {
    // Only an escape character can start a continuation: jump from one to the next.
    const escape = text.indexOf(escapeChar, i);
    if (escape < 0 || escape >= end) break;
    const continuation = continuationAfter(text, escape + 1, end);
    if (continuation === null) {
      i = escape + 1;
      continue;
    }
    // The run ends before the escape; inside a continued instruction, Docker drops comment lines and
    // whitespace-only lines entirely.
    if (escape > runStart) {
      parts.push(text.slice(runStart, escape));
      for (let k = runStart; k < escape; k++) offsets[length++] = k;
    }
    i = skipDroppedLines(text, continuation, end);
    runStart = i;
  }
  if (end > runStart) {
    parts.push(text.slice(runStart, end));
    for (let k = runStart; k < end; k++) offsets[length++] = k;
  }
  offsets[length] = end;
  return { text: parts.join(""), offsets: offsets.subarray(0, length + 1) };
}

/** From the start of a continued line, the start of the first line Docker keeps: comment lines and
 *  whitespace-only lines (but the last) are dropped. */
function skipDroppedLines(text: string, from: number, end: number): number {
  let i = from;
  while (i < end) {
    const lineEnd = findLineEnd(text, i, end);
    const trimmed = text.slice(i, lineEnd.contentEnd).trimStart();
    if (!trimmed.startsWith("#") && !(trimmed === "" && lineEnd.next < end)) return i;
    i = lineEnd.next;
  }
  return i;
}

/** If only spaces/tabs follow `from` up to a newline, the offset after that newline; else null. */
function continuationAfter(text: string, from: number, end: number): number | null {
  let j = from;
  while (j < end && (text[j] === " " || text[j] === "\t")) j++;
  if (j >= end) return end;
  if (text[j] === "\n") return j + 1;
  if (text[j] === "\r") return text[j + 1] === "\n" ? j + 2 : j + 1;
  return null;
}

function findLineEnd(text: string, from: number, end: number): { contentEnd: number; next: number } {
  let j = from;
  while (j < end && text[j] !== "\n" && text[j] !== "\r") j++;
  if (j >= end) return { contentEnd: end, next: end };
  return { contentEnd: j, next: text[j] === "\r" && text[j + 1] === "\n" ? j + 2 : j + 1 };
}

/** The script of a shell-form RUN whose arguments span `[argsStart, argsEnd)`. */
export function runScript(
  text: string,
  argsStart: number,
  argsEnd: number,
  escapeChar: string,
  heredocs: readonly HeredocNode[],
): ShellSource {
  const first = heredocs[0];
  if (first === undefined || first.contentRange === null) {
    const firstLineEnd = first === undefined ? argsEnd : findLineEnd(text, argsStart, argsEnd).contentEnd;
    return logicalSource(text, argsStart, firstLineEnd, escapeChar);
  }
  const firstLine = logicalSource(text, argsStart, findLineEnd(text, argsStart, argsEnd).contentEnd, escapeChar);
  const withoutMarkers = firstLine.text.replace(/<<-?\s*(["']?)[A-Za-z0-9_.-]+\1/g, "").trim();
  const command = withoutMarkers.split(/\s+/)[0] ?? "";
  if (withoutMarkers === "" || SHELLS.has(command)) {
    return bodySource(text, first.contentRange.start, first.contentRange.end, first.stripsTabs);
  }
  return firstLine;
}

/** The heredoc body `text[start, end)` as the shell sees it (leading tabs dropped for `<<-`), each
 *  character mapped to its offset in the Dockerfile. */
function bodySource(text: string, start: number, end: number, stripsTabs: boolean): ShellSource {
  const parts: string[] = [];
  const offsets = new Int32Array(Math.max(0, end - start) + 1);
  let length = 0;
  let runStart = start;
  let lineStart = true;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (stripsTabs && lineStart && c === "\t") {
      if (i > runStart) parts.push(text.slice(runStart, i));
      runStart = i + 1;
      continue;
    }
    lineStart = c === "\n" || c === "\r";
    offsets[length++] = i;
  }
  if (end > runStart) parts.push(text.slice(runStart, end));
  offsets[length] = end;
  return { text: parts.join(""), offsets: offsets.subarray(0, length + 1) };
}
