// Trimming a repeated character from the end of a string without a regular expression. `/\/+$/` and
// `/\\+$/` are unanchored at the start, so V8 retries them from every position of a long run that does
// not reach the end: `"\\".repeat(50_000) + "x\\"` took 6 s in a requirements file (issue 14).

/** `text` without the run of `char` (one UTF-16 code unit) at its end. */
export function trimEndChar(text: string, char: string): string {
  const code = char.charCodeAt(0);
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === code) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** `text` without the run of `char` (one UTF-16 code unit) at its start. */
export function trimStartChar(text: string, char: string): string {
  const code = char.charCodeAt(0);
  let start = 0;
  while (start < text.length && text.charCodeAt(start) === code) start++;
  return start === 0 ? text : text.slice(start);
}
