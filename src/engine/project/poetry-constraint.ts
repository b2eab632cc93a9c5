// Poetry's version constraints in PEP 440 terms (https://python-poetry.org/docs/dependency-specification/):
// `^1.2.3` → `>=1.2.3,<2.0.0`, `~1.2` → `>=1.2,<1.3`, `1.2.*` → `==1.2.*`, a bare `1.2.3` → `==1.2.3`,
// `*` → any, `>=1.2 <2` → `>=1.2,<2`. PEP 440 has no "or": for `A || B` the first alternative stands in
// (the estimate needs one plausible version, not the full set), and the result says so.

export interface PoetryConstraint {
  /** A PEP 440 specifier set ("" for any version). */
  readonly specifier: string;
  /** True when `||` alternatives were dropped. */
  readonly narrowed: boolean;
}

export function poetryConstraintToPep440(constraint: string): PoetryConstraint {
  const alternatives = constraint.split("||").map((s) => s.trim());
  const first = alternatives[0] ?? "";
  const parts = first.split(/\s*,\s*|\s+(?![<>=!~^]*\s*$)/).map((p) => p.trim()).filter((p) => p !== "");
  const specs = mergeOperators(parts).flatMap(translate);
  return { specifier: specs.join(","), narrowed: alternatives.length > 1 };
}

/** `>= 1.2` split on the space becomes [">=", "1.2"]: glue an operator to the version after it. */
function mergeOperators(parts: readonly string[]): string[] {
  const merged: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? "";
    if (/^[<>=!~^]+$/.test(part) && i + 1 < parts.length) merged.push(part + (parts[++i] ?? ""));
    else merged.push(part);
  }
  return merged;
}

function translate(part: string): string[] {
  if (part === "*" || part === "") return [];
  if (part.startsWith("^")) return caret(part.slice(1).trim());
  if (part.startsWith("~") && !part.startsWith("~=")) return tilde(part.slice(1).trim());
  if (/^[<>=!~]/.test(part)) return [part.replace(/^=(?!=)/, "==")];
  // A bare version (or wildcard) is an exact match in poetry.
  return [`==${part}`];
}

function release(version: string): number[] {
  return version.split(/[^\d]+/, 3).filter((s) => s !== "").map(Number);
}

/** `^` allows changes that keep the left-most non-zero component (poetry's rule). */
function caret(version: string): string[] {
  const r = release(version);
  if (r.length === 0) return [];
  const firstNonZero = r.findIndex((n) => n !== 0);
  // `^0` and `^0.0` bump the last given component; otherwise the first non-zero one.
  const bumpAt = firstNonZero === -1 ? r.length - 1 : firstNonZero;
  return [`>=${version}`, `<${bump(r, bumpAt)}`];
}

/** `~1.2.3` → `<1.3.0`; `~1.2` → `<1.3`; `~1` → `<2`. */
function tilde(version: string): string[] {
  const r = release(version);
  if (r.length === 0) return [];
  return [`>=${version}`, `<${bump(r, r.length === 1 ? 0 : 1)}`];
}

function bump(r: readonly number[], at: number): string {
  const out = r.slice(0, at + 1).map((n, i) => (i === at ? n + 1 : n));
  while (out.length < r.length) out.push(0);
  return out.join(".");
}
