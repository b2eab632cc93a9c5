// @renovatebot/pep440 answers, memoised by their text (issue 13). The library stays the authority: every
// answer here is its answer, computed once per distinct input. A plan re-reads the same requirements and
// markers at every step (`python_version >= "3.8"` on hundreds of pip-compile lines), and each call
// re-parsed the specifier and the version with the library's regular expressions: ~6% of a corpus plan
// (docs/speed.md). Keys are the strings the library would parse, so equal keys give equal answers.
import { satisfies, valid, validRange } from "@renovatebot/pep440";
import { LruCache } from "./lru";

// Bounds: a corpus plan meets a few hundred distinct specifiers and versions (61 files: ~600 keys in all);
// 4,096 entries keeps a whole session's worth, and 256 Ki key characters stops a pasted file of
// pathological specifiers from holding more than a few hundred kB of keys.
const BOUNDS = { maxEntries: 4096, maxKeyChars: 256 * 1024 } as const;

const ranges = new LruCache<boolean>(BOUNDS);
const versions = new LruCache<boolean>(BOUNDS);
const satisfied = new LruCache<boolean | null>(BOUNDS);

/** validRange(specifier): whether the library parses it as a PEP 440 specifier set. */
export function isValidRange(specifier: string): boolean {
  return ranges.getOrCompute(specifier, () => validRange(specifier));
}

/** valid(version) !== null. */
export function isValidVersion(version: string): boolean {
  return versions.getOrCompute(version, () => valid(version) !== null);
}

/**
 * satisfies(version, specifier, { prereleases: true }), or null where the library throws (a specifier it
 * validates but cannot compare against): the caller decides what an undecidable comparison means.
 */
export function satisfiesWithPrereleases(version: string, specifier: string): boolean | null {
  // "\u0000" occurs in neither a version nor a specifier the library accepts, so the pair is one key.
  return satisfied.getOrCompute(`${version}\u0000${specifier}`, () => {
    try {
      return satisfies(version, specifier, { prereleases: true });
    } catch {
      return null;
    }
  });
}

/** Forgets every memoised answer (tests compare cached and uncached results). */
export function clearPep440Caches(): void {
  ranges.clear();
  versions.clear();
  satisfied.clear();
}
