// A Dockerfile word as BuildKit reads it after variable expansion: its quotes removed, as its shell-word
// lexer does (`WORKDIR "/app"` is /app, `WORKDIR "/opt"/x` is /opt/x). Inside double quotes a backslash
// keeps only before `"`, `\`, `$` and the escape character; inside single quotes nothing is special.
// Without this the estimate took `WORKDIR "/app"` for a relative directory named `"/app"`: every COPY
// landed under `/"/app"/…`, and a repeated WORKDIR nested without end (fuzz case 3842 of seed 100).

/** `word` without its quoting; unbalanced quotes are read to the end of the word, as the lexer does. */
export function unquoteWord(word: string, escapeChar = "\\"): string {
  if (!word.includes('"') && !word.includes("'") && !word.includes(escapeChar)) return word;
  let out = "";
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < word.length; i++) {
    const c = word[i] ?? "";
    if (quote === "'") {
      if (c === "'") quote = null;
      else out += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === escapeChar && i + 1 < word.length && ['"', "\\", "$", escapeChar].includes(word[i + 1] ?? "")) out += word[++i] ?? "";
      else out += c;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === escapeChar && i + 1 < word.length) {
      out += word[++i] ?? "";
    } else {
      out += c;
    }
  }
  return out;
}
