// The memoised PEP 440 answers are the library's answers, for valid and invalid specifiers and versions,
// asked once or many times, and a throw of the library stays an undecidable null.
import { satisfies, valid, validRange } from "@renovatebot/pep440";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clearPep440Caches, isValidRange, isValidVersion, satisfiesWithPrereleases } from "./pep440";

const VERSIONS = ["3.12", "3.12.0", "3.8", "3.13.0rc1", "2.7.18", "1!2.0", "3.12.dev0", "not a version", "", "3.*"];
const SPECIFIERS = [">=3.8", "<3.10", "~=3.8", "==3.*", "===3.12", "!=3.9.*", ">=3.8,<4", ">3.12.0", "~=3", ">=", "==foo", "<3.13.0a1"];
const version = fc.oneof(fc.constantFrom(...VERSIONS), fc.string({ maxLength: 8 }));
const specifier = fc.oneof(fc.constantFrom(...SPECIFIERS), fc.string({ maxLength: 8 }));

function librarySatisfies(v: string, s: string): boolean | null {
  try {
    return satisfies(v, s, { prereleases: true });
  } catch {
    return null;
  }
}

describe("memoised PEP 440 answers", () => {
  it("equal the library's, asked cold and warm", () => {
    clearPep440Caches();
    fc.assert(fc.property(version, specifier, (v, s) => {
      for (let i = 0; i < 2; i++) {
        expect(isValidRange(s)).toBe(validRange(s));
        expect(isValidVersion(v)).toBe(valid(v) !== null);
        expect(satisfiesWithPrereleases(v, s)).toBe(librarySatisfies(v, s));
      }
    }), { numRuns: 300 });
  });

  it.each([
    { name: "a pre-release counts (markers allow them)", version: "3.13.0rc1", specifier: ">=3.12", expected: true },
    { name: "below the bound", version: "3.8", specifier: ">=3.10", expected: false },
    { name: "a wildcard", version: "3.12", specifier: "==3.*", expected: true },
  ])("answers $name", ({ version: v, specifier: s, expected }) => {
    expect(satisfiesWithPrereleases(v, s)).toBe(expected);
  });
});
