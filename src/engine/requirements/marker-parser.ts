// PEP 508 environment markers → a small syntax tree. The grammar is the one `packaging` implements:
// `or` binds looser than `and`, parentheses group, a comparison is `value op value` where a value is a
// variable or a quoted string (either quote, no escapes). Problems carry offsets into the marker text so
// the caller can turn them into file positions; parsing never throws.

/** Comparison operators: PEP 440's version operators plus `in` / `not in`. */
export type MarkerOperator = "===" | "==" | "!=" | "~=" | "<=" | ">=" | "<" | ">" | "in" | "not in";

/** Canonical variable names; legacy spellings (`os.name`, `python_implementation`, …) map onto these. */
export type MarkerVariable =
  | "python_version"
  | "python_full_version"
  | "os_name"
  | "sys_platform"
  | "platform_release"
  | "platform_system"
  | "platform_version"
  | "platform_machine"
  | "platform_python_implementation"
  | "implementation_name"
  | "implementation_version"
  | "extra"
  | "extras"
  | "dependency_groups";

export type MarkerValue =
  | { readonly kind: "variable"; readonly name: MarkerVariable }
  /** A name PEP 508 does not define: kept so evaluation can answer "undecidable" for it. */
  | { readonly kind: "unknown-variable"; readonly name: string }
  | { readonly kind: "string"; readonly value: string };

export type MarkerNode =
  | { readonly kind: "and" | "or"; readonly left: MarkerNode; readonly right: MarkerNode }
  | { readonly kind: "compare"; readonly left: MarkerValue; readonly op: MarkerOperator; readonly right: MarkerValue };

export interface MarkerProblem {
  /** Offset in the marker text (0-based). */
  readonly offset: number;
  readonly message: string;
  readonly code: "requirements/invalid-marker" | "requirements/unknown-marker-variable";
}

export interface ParsedMarker {
  /** The tree, or null when the text is not a marker. */
  readonly marker: MarkerNode | null;
  readonly problems: readonly MarkerProblem[];
}

const VARIABLES: ReadonlyMap<string, MarkerVariable> = new Map<string, MarkerVariable>([
  ...(
    [
      "python_version", "python_full_version", "os_name", "sys_platform", "platform_release", "platform_system",
      "platform_version", "platform_machine", "platform_python_implementation", "implementation_name",
      "implementation_version", "extra", "extras", "dependency_groups",
    ] as const
  ).map((name): [string, MarkerVariable] => [name, name]),
  // Spellings from PEP 345 that `packaging` still accepts.
  ["os.name", "os_name"],
  ["sys.platform", "sys_platform"],
  ["platform.version", "platform_version"],
  ["platform.machine", "platform_machine"],
  ["platform.python_implementation", "platform_python_implementation"],
  ["python_implementation", "platform_python_implementation"],
]);

type Token =
  | { readonly type: "(" | ")"; readonly at: number }
  | { readonly type: "op"; readonly op: MarkerOperator; readonly at: number }
  | { readonly type: "string"; readonly value: string; readonly at: number }
  | { readonly type: "word"; readonly word: string; readonly at: number }
  | { readonly type: "end"; readonly at: number };

class MarkerSyntaxError {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/** Parse marker text such as `python_version < "3.10" and sys_platform != "win32"`. Never throws. */
export function parseMarker(text: string): ParsedMarker {
  const warnings: MarkerProblem[] = [];
  try {
    const parser = new Parser(tokenize(text), warnings);
    const marker = parser.parseOr();
    parser.expectEnd();
    return { marker, problems: warnings };
  } catch (error) {
    if (error instanceof MarkerSyntaxError) {
      return {
        marker: null,
        problems: [...warnings, { offset: error.offset, message: error.message, code: "requirements/invalid-marker" }],
      };
    }
    // Deeply nested parentheses can exhaust the stack: that is still bad input, not a crash.
    return { marker: null, problems: [{ offset: 0, message: "Marker too complex to read.", code: "requirements/invalid-marker" }] };
  }
}

const OPERATORS: readonly MarkerOperator[] = ["===", "==", "!=", "~=", "<=", ">=", "<", ">"];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? "";
    if (/\s/.test(c)) {
      i++;
    } else if (c === "(" || c === ")") {
      tokens.push({ type: c, at: i });
      i++;
    } else if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close === -1) throw new MarkerSyntaxError(i, `Unterminated string: no closing ${c} in the marker.`);
      tokens.push({ type: "string", value: text.slice(i + 1, close), at: i });
      i = close + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const start = i;
      while (i < text.length && /[A-Za-z0-9_.]/.test(text[i] ?? "")) i++;
      tokens.push({ type: "word", word: text.slice(start, i), at: start });
    } else {
      const op = OPERATORS.find((candidate) => text.startsWith(candidate, i));
      if (op === undefined) throw new MarkerSyntaxError(i, `Unexpected character "${c}" in the marker.`);
      tokens.push({ type: "op", op, at: i });
      i += op.length;
    }
  }
  tokens.push({ type: "end", at: text.length });
  return tokens;
}

class Parser {
  private position = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly warnings: MarkerProblem[],
  ) {}

  parseOr(): MarkerNode {
    let left = this.parseAnd();
    while (this.isWord("or")) {
      this.position++;
      left = { kind: "or", left, right: this.parseAnd() };
    }
    return left;
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.type !== "end") throw new MarkerSyntaxError(token.at, 'Expected "and", "or" or the end of the marker.');
  }

  private parseAnd(): MarkerNode {
    let left = this.parseAtom();
    while (this.isWord("and")) {
      this.position++;
      left = { kind: "and", left, right: this.parseAtom() };
    }
    return left;
  }

  private parseAtom(): MarkerNode {
    const token = this.peek();
    if (token.type === "(") {
      this.position++;
      const inner = this.parseOr();
      const close = this.peek();
      if (close.type !== ")") throw new MarkerSyntaxError(close.at, 'Expected ")" to close the parenthesis.');
      this.position++;
      return inner;
    }
    const left = this.parseValue();
    const op = this.parseOperator();
    const right = this.parseValue();
    return { kind: "compare", left, op, right };
  }

  private parseValue(): MarkerValue {
    const token = this.next();
    if (token.type === "string") return { kind: "string", value: token.value };
    if (token.type === "word" && !["and", "or", "not", "in"].includes(token.word)) {
      const name = VARIABLES.get(token.word);
      if (name !== undefined) return { kind: "variable", name };
      this.warnings.push({
        offset: token.at,
        message: `Unknown marker variable "${token.word}"; the marker cannot be evaluated.`,
        code: "requirements/unknown-marker-variable",
      });
      return { kind: "unknown-variable", name: token.word };
    }
    throw new MarkerSyntaxError(token.at, "Expected a marker variable (like python_version) or a quoted string.");
  }

  private parseOperator(): MarkerOperator {
    const token = this.next();
    if (token.type === "op") return token.op;
    if (token.type === "word" && token.word === "in") return "in";
    if (token.type === "word" && token.word === "not" && this.isWord("in")) {
      this.position++;
      return "not in";
    }
    throw new MarkerSyntaxError(token.at, "Expected a comparison operator (==, !=, <, <=, >, >=, ~=, ===, in, not in).");
  }

  private isWord(word: string): boolean {
    const token = this.peek();
    return token.type === "word" && token.word === word;
  }

  private peek(): Token {
    // The token list always ends with an `end` token, and the parser never moves past it.
    return this.tokens[this.position] ?? { type: "end", at: 0 };
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== "end") this.position++;
    return token;
  }
}
