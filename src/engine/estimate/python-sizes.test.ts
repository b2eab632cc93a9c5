// packageCost is memoised by every field of its input (issue 13): each variation of one field, asked
// after all the others, gets the cost computed afresh for itself, and asking again gives the same object.
import { describe, expect, it } from "vitest";
import { packageCost, packageCostUncached, type CostOptions } from "./python-sizes";

const BASE: CostOptions = { libc: "glibc", compile: true, installer: "pip", platform: { python: "3.12", libc: "glibc", arch: "x86_64", glibcMinor: 36 }, specifier: null, overrides: {}, lockedWheel: null };

const VARIATIONS: { name: string; pkg: string; options: CostOptions }[] = [
  { name: "the base case", pkg: "numpy", options: BASE },
  { name: "another package", pkg: "flask", options: BASE },
  { name: "musl", pkg: "numpy", options: { ...BASE, libc: "musl", platform: { python: "3.12", libc: "musl", arch: "x86_64", glibcMinor: null } } },
  // flask: a pure package writes .pyc (numpy's compiled files are counted without them either way).
  { name: "no .pyc", pkg: "flask", options: { ...BASE, compile: false } },
  { name: "uv", pkg: "numpy", options: { ...BASE, installer: "uv" } },
  { name: "Python 3.9", pkg: "numpy", options: { ...BASE, platform: { python: "3.9", libc: "glibc", arch: "x86_64", glibcMinor: 36 } } },
  { name: "aarch64", pkg: "numpy", options: { ...BASE, platform: { python: "3.12", libc: "glibc", arch: "aarch64", glibcMinor: 36 } } },
  { name: "an old glibc", pkg: "numpy", options: { ...BASE, platform: { python: "3.12", libc: "glibc", arch: "x86_64", glibcMinor: 17 } } },
  { name: "no platform", pkg: "numpy", options: { ...BASE, platform: undefined } },
  { name: "a pin", pkg: "numpy", options: { ...BASE, specifier: "==1.26.4" } },
  { name: "a range", pkg: "numpy", options: { ...BASE, specifier: "<2" } },
  { name: "a size set by the user", pkg: "numpy", options: { ...BASE, overrides: { NumPy: 1_000_000 } } },
  { name: "a wheel size from uv.lock", pkg: "numpy", options: { ...BASE, lockedWheel: { bytes: 5_000_000, pure: null } } },
  { name: "a package no table holds", pkg: "surely-not-a-package-xyz", options: BASE },
];

describe("packageCost, memoised", () => {
  it.each(VARIATIONS)("answers afresh for $name, after every other variation", ({ pkg, options }) => {
    for (const other of VARIATIONS) packageCost(other.pkg, other.options);
    const cached = packageCost(pkg, options);
    expect(cached).toEqual(packageCostUncached(pkg, options));
    expect(packageCost(pkg, options)).toBe(cached);
  });

  it("the variations are different answers (so the table above tests every field of the key)", () => {
    const answers = VARIATIONS.map(({ name, pkg, options }) => [name, JSON.stringify(packageCostUncached(pkg, options))] as const);
    const same = answers.flatMap(([a, x], i) => answers.slice(i + 1).filter(([, y]) => x === y).map(([b]) => `${a} = ${b}`));
    // Without a platform the cost is for CPython 3.12 glibc x86_64 (python-sizes.ts DEFAULT_PLATFORM), and
    // bookworm's glibc 2.36 is what an unknown glibc minor is read as: the base case.
    expect(same).toEqual(["the base case = no platform"]);
  });
});

describe("a package the tables do not hold", () => {
  const pure = packageCostUncached("flask", BASE);
  const unknown = packageCostUncached("surely-not-a-package-xyz", BASE);

  it("weighs whole bytes, with its .pyc split off as a pure row's", () => {
    for (const cost of [unknown, packageCostUncached("surely-not-a-package-xyz", { ...BASE, compile: false })]) {
      expect(Number.isInteger(cost.installedBytes) && Number.isInteger(cost.pycBytes) && Number.isInteger(cost.cacheBytes)).toBe(true);
    }
    expect(unknown.pycBytes / unknown.installedBytes).toBeCloseTo(pure.pycBytes / pure.installedBytes, 3);
  });

  it("leaves the .pyc out where the install does not compile, as for a known pure package", () => {
    for (const options of [{ ...BASE, compile: false }, { ...BASE, compile: false, installer: "uv" as const }]) {
      const known = packageCostUncached("flask", options);
      const cost = packageCostUncached("surely-not-a-package-xyz", options);
      expect(cost.installedBytes).toBe(unknown.installedBytes - unknown.pycBytes);
      expect(cost.pycBytes).toBe(0);
      expect(new Set(cost.assumptions.filter((id) => id !== "unknown-python-package"))).toEqual(new Set(known.assumptions.filter((id) => id !== "unpinned-newest")));
    }
  });
});
