// The sizes a user types for packages the tables do not know: names as the engine keys them (PEP 503),
// sizes in MB as the page prints them (10^6 bytes), checked against the same bounds as a link's.
import { MAX_PACKAGE_BYTES, MAX_PACKAGE_SIZES, PACKAGE_NAME } from "../permalink/schema";

export { MAX_PACKAGE_BYTES, MAX_PACKAGE_SIZES };

/** 1 MB = 10^6 bytes, as the rest of the page (and the CLI's --package-size) counts. */
export const MB = 1_000_000;

/** The PEP 503 form of a package name, or null when it is not a package name at all. The same rule as
 *  the engine's normalizePackageName, written out here because importing that module would pull the
 *  bundled package table into the page's first bundle (it builds its index on import). */
export function packageKey(name: string): string | null {
  const key = name.trim().toLowerCase().replace(/[-_.]+/g, "-");
  return PACKAGE_NAME.test(key) ? key : null;
}

export function validPackageBytes(bytes: number): boolean {
  return Number.isFinite(bytes) && bytes >= 0 && bytes <= MAX_PACKAGE_BYTES;
}

export type ParsedSize = { readonly ok: true; readonly bytes: number | null } | { readonly ok: false; readonly message: string };

/** What the MB field holds: a size in bytes, null for an empty field (use the tables again), or why not. */
export function parseMegabytes(text: string): ParsedSize {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, bytes: null };
  const mb = Number(trimmed);
  if (!Number.isFinite(mb)) return { ok: false, message: "Type a number of MB." };
  if (mb < 0) return { ok: false, message: "A size cannot be negative." };
  const bytes = Math.round(mb * MB);
  if (bytes > MAX_PACKAGE_BYTES) return { ok: false, message: `At most ${MAX_PACKAGE_BYTES / MB / 1000} GB.` };
  return { ok: true, bytes };
}
