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

export function copyWords(copy: CopyDetails, escapeChar: string): CopyWords {
  const read = (word: string | null) => (word === null ? null : unquoteWord(word, escapeChar));
  return { sources: copy.sources.map((s) => unquoteWord(s, escapeChar)), destination: read(copy.destination), from: read(copy.from), chown: read(copy.chown) };
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
