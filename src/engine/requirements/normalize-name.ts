// Project names: PEP 503 normalisation (how pip and PyPI compare names) and the PEP 508 rule for what a
// name may look like. Both are linear scans rather than regexes with nested quantifiers, because the parser
// runs them on whatever a user pastes, including megabytes of garbage on one line.

/** PEP 503: `re.sub(r"[-_.]+", "-", name).lower()`, so `Flask_SQLAlchemy` and `flask-sqlalchemy` match. */
export function normalizeName(name: string): string {
  return name.replace(/[-_.]+/g, "-").toLowerCase();
}

/** A character allowed inside a PEP 508 name (letters, digits, `.`, `_`, `-`). */
export function isNameChar(c: string | undefined): boolean {
  return c !== undefined && (isAlnum(c) || c === "." || c === "_" || c === "-");
}

/** PEP 508 identifier: ASCII letters and digits, with `.`, `_`, `-` allowed only inside. */
export function isValidProjectName(name: string): boolean {
  if (name.length === 0) return false;
  if (!isAlnum(name[0]) || !isAlnum(name[name.length - 1])) return false;
  for (const c of name) if (!isNameChar(c)) return false;
  return true;
}

function isAlnum(c: string | undefined): boolean {
  if (c === undefined || c.length !== 1) return false;
  const code = c.charCodeAt(0);
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
