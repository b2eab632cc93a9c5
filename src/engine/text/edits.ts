// The one place text edits are applied (STYLE 3). Rules never splice strings themselves: they return
// `TextEdit[]` against the text they analysed, and this function sorts them and refuses overlaps, so two
// fixes can never corrupt each other silently.

/** Replace `text[start, end)` with `text`. Offsets are UTF-16 indices into the original text. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export type ApplyEditsResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly error: string };

/** Apply non-overlapping edits to `text`. Insertions at the same offset keep their given order. */
export function applyEdits(text: string, edits: readonly TextEdit[]): ApplyEditsResult {
  const sorted = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order)
    .map(({ edit }) => edit);
  let out = "";
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < 0 || edit.end > text.length || edit.start > edit.end) {
      return { ok: false, error: `edit [${edit.start}, ${edit.end}) is outside the text (length ${text.length})` };
    }
    if (edit.start < cursor) {
      return { ok: false, error: `edits overlap at offset ${edit.start}` };
    }
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return { ok: true, text: out + text.slice(cursor) };
}
