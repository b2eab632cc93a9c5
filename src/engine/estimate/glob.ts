// Shell-glob matching for paths inside the image (`rm -rf /var/lib/apt/lists/*`, `.dockerignore` lines).
// A state-set simulation over the pattern's tokens instead of a RegExp built from the pattern: a built
// regex backtracks exponentially on `*a*a*a…b` (issue 14 asks that no input can hang the engine), and a
// character class such as `[z-a]` made `new RegExp` throw. This runs in O(pattern × path) for every input.

type Token =
  | { readonly kind: "char"; readonly code: number }
  | { readonly kind: "any" }
  | { readonly kind: "class"; readonly negated: boolean; readonly ranges: readonly (readonly [number, number])[] }
  /** `*`: any run of characters but `/`. */
  | { readonly kind: "star" }
  /** `**` (a slash right after it is part of it): any run of characters, `/` included. */
  | { readonly kind: "globstar" };

const SLASH = 47;

/** Parsed patterns, reused (the estimator matches one `rm` pattern against every entry of a stage). Cleared
 *  when it grows past this many patterns: a bound on memory, far above the patterns one file holds. */
const CACHE_LIMIT = 1_000;
const cache = new Map<string, readonly Token[]>();

/** Does `path` match `pattern` (`*` and `?` stop at `/`, `**` does not, `[…]`/`[!…]` classes)? */
export function globMatch(pattern: string, path: string): boolean {
  const tokens = tokensOf(pattern);
  const m = tokens.length;
  let active = new Uint8Array(m + 1);
  let next = new Uint8Array(m + 1);
  active[0] = 1;
  closeOverStars(tokens, active);
  for (let p = 0; p < path.length; p++) {
    const code = path.charCodeAt(p);
    next.fill(0);
    let any = false;
    for (let i = 0; i < m; i++) {
      if (active[i] !== 1) continue;
      const token = tokens[i];
      if (token === undefined) continue;
      if (token.kind === "globstar" || (token.kind === "star" && code !== SLASH)) {
        next[i] = 1;
        any = true;
      } else if (token.kind !== "star" && matchesOne(token, code)) {
        next[i + 1] = 1;
        any = true;
      }
    }
    if (!any) return false;
    closeOverStars(tokens, next);
    [active, next] = [next, active];
  }
  return active[m] === 1;
}

/**
 * The pattern's `/`-separated segments when matching it is matching each segment against the path's
 * segment at the same place: true when no `**` crosses a `/` and every `/` of the text is a literal `/`
 * (none inside a class such as `[a/b]`), because `*`, `?` and classes never match `/`. Then a path matches
 * only if it has exactly as many segments, which lets a lookup walk a directory tree one segment at a time
 * instead of testing every path (stage-fs.ts). Null otherwise.
 */
export function globSegments(pattern: string): readonly string[] | null {
  let slashes = 0;
  for (const token of tokensOf(pattern)) {
    if (token.kind === "globstar") return null;
    if (token.kind === "char" && token.code === SLASH) slashes++;
  }
  const segments = pattern.split("/");
  return segments.length === slashes + 1 ? segments : null;
}

/** A star may match nothing: the state after it is active whenever the star's state is. */
function closeOverStars(tokens: readonly Token[], states: Uint8Array): void {
  for (let i = 0; i < tokens.length; i++) {
    const kind = tokens[i]?.kind;
    if (states[i] === 1 && (kind === "star" || kind === "globstar")) states[i + 1] = 1;
  }
}

function matchesOne(token: Token, code: number): boolean {
  switch (token.kind) {
    case "char":
      return token.code === code;
    case "any":
      return code !== SLASH;
    case "class": {
      const inside = token.ranges.some(([low, high]) => code >= low && code <= high);
      return code !== SLASH && inside !== token.negated;
    }
    default:
      return false;
  }
}

function tokensOf(pattern: string): readonly Token[] {
  const cached = cache.get(pattern);
  if (cached !== undefined) return cached;
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") {
      if (pattern[i + 1] === "*") {
        i++;
        if (pattern[i + 1] === "/") i++;
        if (tokens.at(-1)?.kind !== "globstar") tokens.push({ kind: "globstar" });
      } else if (tokens.at(-1)?.kind !== "star" && tokens.at(-1)?.kind !== "globstar") {
        // Consecutive stars match what one does: one state, not many.
        tokens.push({ kind: "star" });
      }
    } else if (c === "?") {
      tokens.push({ kind: "any" });
    } else if (c === "[") {
      const parsed = parseClass(pattern, i);
      if (parsed === null) tokens.push({ kind: "char", code: pattern.charCodeAt(i) });
      else {
        tokens.push(parsed.token);
        i = parsed.end;
      }
    } else {
      tokens.push({ kind: "char", code: pattern.charCodeAt(i) });
    }
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, tokens);
  return tokens;
}

/** `[abc]`, `[a-z]`, `[!x]`/`[^x]`, `\]` escapes; null when the `[` is never closed (then it is literal). */
function parseClass(pattern: string, open: number): { token: Token; end: number } | null {
  let i = open + 1;
  const negated = pattern[i] === "!" || pattern[i] === "^";
  if (negated) i++;
  const ranges: [number, number][] = [];
  // A `]` right after the opening bracket is a member, as in POSIX shells.
  let first = true;
  while (i < pattern.length) {
    let c = pattern[i];
    if (c === "]" && !first) return { token: { kind: "class", negated, ranges }, end: i };
    first = false;
    if (c === "\\" && i + 1 < pattern.length) c = pattern[++i];
    const low = (c ?? "").charCodeAt(0);
    if (pattern[i + 1] === "-" && i + 2 < pattern.length && pattern[i + 2] !== "]") {
      const high = pattern.charCodeAt(i + 2);
      // A reversed range (`[z-a]`) matches nothing, as in bash; it never throws.
      ranges.push([low, high]);
      i += 3;
    } else {
      ranges.push([low, low]);
      i++;
    }
  }
  return null;
}
