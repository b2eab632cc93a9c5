// A layer's one-line label (LayerEstimate.instruction): the keyword, flags and arguments with each
// whitespace run as one space, cut at SUMMARY_CHARS characters.
import type { InstructionNode } from "../dockerfile/model";

/** Longest label shown whole; a longer one is cut to SUMMARY_CHARS - 3 characters and an ellipsis. */
export const SUMMARY_CHARS = 120;

/**
 * `[keyword, flags, body].filter(nonEmpty).join(" ").replace(/\s+/g, " ")`, cut at SUMMARY_CHARS, read one
 * character at a time and only as far as the label shows. Joining and rewriting every argument of every
 * RUN, COPY and ADD (then keeping 120 characters) was the estimate's largest allocation on the `bulk`
 * fuzz files (~75 MB over 13 slow cases). Collapsing a prefix of a text gives a prefix of the collapsed
 * text, so stopping once the label is longer than SUMMARY_CHARS gives the same label. A separator is a
 * space: it only marks a whitespace run.
 */
export function summariseInstruction(node: InstructionNode): string {
  const label = new Label();
  // The parts, each that is not empty after a separator when one came before it.
  let started = node.keyword !== "";
  if (label.add(node.keyword)) return label.text();
  for (const flag of node.flags) {
    if (started) label.space();
    started = true;
    if (label.add("--") || label.add(flag.name) || (flag.value !== null && (label.add("=") || label.add(flag.value)))) return label.text();
  }
  if (node.form === "exec") {
    // JSON.stringify(node.args), one string at a time.
    if (started) label.space();
    if (label.add("[")) return label.text();
    for (let i = 0; i < node.args.length; i++) if ((i > 0 && label.add(",")) || label.add(JSON.stringify(node.args[i]))) return label.text();
    label.add("]");
    return label.text();
  }
  // `node.args.join(" ")`: not a part when it is empty (no arguments, or one empty one).
  if (node.args.length === 0 || (node.args.length === 1 && node.args[0] === "")) return label.text();
  for (let i = 0; i < node.args.length; i++) {
    if (i > 0 || started) label.space();
    if (label.add(node.args[i] ?? "")) return label.text();
  }
  return label.text();
}

/** The collapsed text so far: its non-whitespace spans, and whether a whitespace run follows them. */
class Label {
  private collapsed = "";
  private spacePending = false;

  space(): void {
    this.spacePending = true;
  }

  /** Appends `piece`; true once the label is longer than SUMMARY_CHARS (nothing after it shows). */
  add(piece: string): boolean {
    let start = 0;
    for (let i = 0; i <= piece.length; i++) {
      const ends = i === piece.length;
      if (!ends && !isWhitespace(piece.charCodeAt(i))) continue;
      if (i > start) {
        if (this.spacePending) this.collapsed += " ";
        this.spacePending = false;
        this.collapsed += start === 0 && ends ? piece : piece.slice(start, i);
        if (this.collapsed.length > SUMMARY_CHARS) return true;
      }
      if (!ends) this.spacePending = true;
      start = i + 1;
    }
    return false;
  }

  text(): string {
    const text = this.spacePending && this.collapsed.length <= SUMMARY_CHARS ? `${this.collapsed} ` : this.collapsed;
    return text.length > SUMMARY_CHARS ? `${text.slice(0, SUMMARY_CHARS - 3)}…` : text;
  }
}

/** What `\s` matches (ASCII by code, the rest by the regex itself: rare in a Dockerfile). */
function isWhitespace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return /\s/.test(String.fromCharCode(code));
}
