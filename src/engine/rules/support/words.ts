// Dockerfile words as rules read them: through BuildKit's lexer (dockerfile/unquote.ts) with the file's
// escape character and no variable scope (a rule sees `$VAR` as written). Comparing raw words took
// `COPY "." "/app"` for something other than the whole context, and `USER "root"` for a non-root user.
import type { CopyDetails, InstructionNode } from "../../dockerfile/model";
import { unquoteWord } from "../../dockerfile/unquote";

/** A COPY/ADD's words as BuildKit's lexer reads them, variables kept as written (a rule has no scope):
 *  `COPY "requirements.txt" "/app/"` copies requirements.txt to /app/. */
export interface CopyWords {
  readonly sources: readonly string[];
  readonly destination: string | null;
  readonly from: string | null;
  readonly chown: string | null;
}

// Lexed once per COPY: size/multistage, dockerignore, non-root-user and others each read every COPY of a
// stage, and a `bulk` file has thousands. A model's nodes never change after parsing, so the words of one
// CopyDetails object are fixed for an escape character (the file's: kept with them and checked).
const COPY_WORDS = new WeakMap<CopyDetails, { readonly escapeChar: string; readonly words: CopyWords }>();

export function copyWords(copy: CopyDetails, escapeChar: string): CopyWords {
  const known = COPY_WORDS.get(copy);
  if (known?.escapeChar === escapeChar) return known.words;
  const words = {
    sources: copy.sources.map((s) => unquoteWord(s, escapeChar)),
    destination: lexed(copy.destination, escapeChar),
    from: lexed(copy.from, escapeChar),
    chown: lexed(copy.chown, escapeChar),
  };
  COPY_WORDS.set(copy, { escapeChar, words });
  return words;
}

function lexed(word: string | null, escapeChar: string): string | null {
  return word === null ? null : unquoteWord(word, escapeChar);
}

/** The user a USER instruction sets, as BuildKit lexes it (`USER "app"` is app); null for other instructions. */
export function userOf(node: InstructionNode, escapeChar: string): string | null {
  return node.keyword === "USER" && node.args.length > 0 ? unquoteWord(node.args.join(" "), escapeChar) : null;
}

/** The first USER among `nodes` that is not root (in any group): the stage-splitting plans refuse after it. */
export function firstNonRootUser(nodes: readonly InstructionNode[], escapeChar: string): { node: InstructionNode; user: string } | null {
  for (const node of nodes) {
    const user = userOf(node, escapeChar);
    if (user !== null && !/^(root|0)(:.*)?$/.test(user)) return { node, user };
  }
  return null;
}
