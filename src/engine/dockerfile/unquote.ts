// A Dockerfile word as BuildKit reads it: quotes, escapes and variables in one left-to-right pass, as its
// shell-word lexer does (moby/buildkit frontend/dockerfile/shell/lex.go, `ProcessWord`). BuildKit runs that
// lexer over the words of ENV, ARG, LABEL, WORKDIR, USER, COPY/ADD (sources, destination, --chown, --from),
// VOLUME and STOPSIGNAL, shell and JSON form alike; so must every reader here, through this one module.
// - Inside single quotes nothing is special: `'$HOME'` stays `$HOME`.
// - Inside double quotes variables expand, and the escape character keeps only `"`, `$` and itself.
// - Outside quotes the escape character keeps the next character; at the end of the word it is dropped.
// - A variable's value is inserted as it is: quotes inside the value are not read again (one pass, so
//   expanding first and unquoting after was wrong for `ENV Q='"'` and `COPY '$X' /`).
// Without this the estimate took `WORKDIR "/app"` for a relative directory named `"/app"` (fuzz case 3842)
// and `COPY "requirements.txt" "/app/"` for a file under `/"/app/"/`.
import { LIMITS } from "../limits";
import { expansionBudget, substituteVariables, type ExpansionBudget, type VariableLookup } from "./variables";

export interface WordReading {
  readonly value: string;
  /** Variables with no value and no default (each expands to "", as in BuildKit). */
  readonly unresolved: readonly string[];
  /** True when a limit cut an expansion short. */
  readonly limited: boolean;
  /** The quote still open at the end of the word, or null. BuildKit stops the build there ("unexpected end
   *  of statement while looking for matching double-quote"); here the rest of the word is read as quoted. */
  readonly unclosed: '"' | "'" | null;
}

/** One variable reference at the lexer's position: `$NAME`, `${NAME}`, `${NAME:-word}`, `${NAME+word}`… */
const REFERENCE = /\$(?:\{[A-Za-z_][A-Za-z0-9_]*(?::?[-+][^}]*)?\}|[A-Za-z_][A-Za-z0-9_]*)/y;

/** `word` as BuildKit reads it. Without `vars`, variable references are kept as written (a rule that has no
 *  scope still gets the quotes and escapes removed); with them, they expand, drawing on `budget` (or on a
 *  budget of one value's limit for this word). */
export function readWord(word: string, escapeChar: string, vars?: VariableLookup, budget?: ExpansionBudget): WordReading {
  if (!word.includes('"') && !word.includes("'") && !word.includes(escapeChar) && (vars === undefined || !word.includes("$"))) {
    return { value: word, unresolved: [], limited: false, unclosed: null };
  }
  const unresolved: string[] = [];
  let limited = false;
  // One value may grow to LIMITS.expandedChars (or stay as long as the word), however many references it
  // holds: `ENV L2=$L1$L1` is cut where the whole value passes the limit, as substituteVariables does.
  const cap = Math.max(word.length, LIMITS.expandedChars);
  let spend = budget ?? vars?.expansion;
  let out = "";
  const expand = (at: number): { text: string; length: number } | null => {
    REFERENCE.lastIndex = at;
    const match = REFERENCE.exec(word);
    if (match === null) return null;
    if (vars === undefined) return { text: match[0], length: match[0].length };
    spend ??= expansionBudget(cap);
    const substituted = substituteVariables(match[0], vars, spend);
    unresolved.push(...substituted.unresolved);
    limited ||= substituted.limited;
    let text = substituted.value;
    const room = Math.max(0, cap - out.length);
    if (text.length > room) {
      spend.remaining += text.length - room;
      text = text.slice(0, room);
      limited = true;
      spend.limited = true;
    }
    return { text, length: match[0].length };
  };
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < word.length; i++) {
    const c = word[i] ?? "";
    if (quote === "'") {
      if (c === "'") quote = null;
      else out += c;
      continue;
    }
    if (c === "$") {
      const reference = expand(i);
      if (reference !== null) {
        out += reference.text;
        i += reference.length - 1;
        continue;
      }
      out += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === escapeChar && ['"', "$", escapeChar].includes(word[i + 1] ?? "")) out += word[++i] ?? "";
      else if (c !== escapeChar || i + 1 < word.length) out += c;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === escapeChar) {
      out += word[++i] ?? "";
    } else {
      out += c;
    }
  }
  return { value: out, unresolved, limited, unclosed: quote };
}

/** `word` without its quoting and escapes, variable references kept as written. */
export function unquoteWord(word: string, escapeChar: string): string {
  return readWord(word, escapeChar).value;
}

/** `word` with its variables expanded from `vars` and its quoting removed, in BuildKit's one pass. */
export function expandWord(word: string, escapeChar: string, vars: VariableLookup, budget?: ExpansionBudget): string {
  return readWord(word, escapeChar, vars, budget).value;
}
