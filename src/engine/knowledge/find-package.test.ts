import { describe, expect, it } from "vitest";
import { findPackage } from "./find-package";
import { TEST_TABLE, withTestTable } from "./test-table";
import type { Platform } from "./wheel-tags";

const slim: Platform = { python: "3.12", libc: "glibc", arch: "x86_64", glibcMinor: 41 };
const alpine: Platform = { python: "3.12", libc: "musl", arch: "x86_64" };
const arm: Platform = { ...slim, arch: "aarch64" };

describe("findPackage over a hand-made table", () => {
  withTestTable();

  it.each([
    { name: "an exact pin the table holds", spec: "==2.0", version: "2.0", choice: "matched" },
    { name: "a range: the newest version inside it", spec: ">=1,<2.1", version: "2.0", choice: "matched" },
    { name: "~= compatible release", spec: "~=1.0", version: "1.0", choice: "matched" },
    // Nearest compares the most significant part first: 1.9 stays in the 1.x series rather than take 2.0.
    { name: "a pin the table lacks: the nearest version, same major first", spec: "==1.9", version: "1.0", choice: "nearest" },
    { name: "a patch release the table lacks", spec: "==2.0.5", version: "2.0", choice: "nearest" },
    // Across majors the minor numbers mean nothing: the oldest version above, or the newest below.
    { name: "an old pin: the oldest version of the next major", spec: "==0.5", version: "1.0", choice: "nearest" },
    { name: "a future pin: the newest version below", spec: "==3.5", version: "2.1", choice: "nearest" },
    { name: "unpinned: the newest that can be weighed", spec: null, version: "2.1", choice: "newest" },
    { name: "a pin to a version held without sizes: a sized one stands in", spec: "==3.0", version: "2.1", choice: "nearest" },
  ])("$name", ({ spec, version, choice }) => {
    const facts = findPackage("Web", spec, slim);
    expect(facts).toMatchObject({ name: "web", choice });
    expect(facts?.version.version).toBe(version);
    expect(facts?.standIn !== null).toBe(choice === "nearest");
  });

  it.each([
    { name: "unpinned: the newest final release, not a beta above it (pip's default)", project: "beta", spec: null, version: "1.5" },
    { name: "a specifier naming a pre-release takes it", project: "beta", spec: ">=2.0b1", version: "2.0b1" },
    { name: "a project with pre-releases only: the newest of them", project: "nightly", spec: null, version: "1.0a2" },
  ])("$name", ({ project, spec, version }) => {
    expect(findPackage(project, spec, slim)?.version.version).toBe(version);
  });

  it("a pin held without sizes: a sized version stands in for its size, with the pin's own dependencies", () => {
    const facts = findPackage("web", "==3.0", slim);
    expect(facts?.version.version).toBe("2.1");
    // 2.1 requires helper (and more); the 3.0 row requires nothing.
    expect(facts?.version.deps).toEqual([]);
    expect(facts?.standIn).toContain("web 2.1 stands in for web==3.0, with the dependencies the tables list for 3.0");
    // A stand-in nearer than any row of the pin's own keeps its own dependencies.
    expect(findPackage("web", "==2.0.5", slim)?.version.dependenciesOf).toBeUndefined();
  });

  it("a pin whose row lists its dependencies for another platform only: the stand-in keeps its own, said so", () => {
    const facts = findPackage("maclock", "==1.0", slim);
    expect(facts?.version.version).toBe("2.0");
    expect(facts?.version.deps.map(([name]) => name)).toEqual(["turbo", "helper"]);
    expect(facts?.version.dependenciesOf).toBeUndefined();
    expect(facts?.standIn).toBe("maclock 2.0 stands in for maclock==1.0, with its own dependencies: the tables list 1.0's for another platform only (platform_machine == 'x86_64' and sys_platform == 'darwin')");
  });

  it("a release held with older CPythons' wheels only, after an earlier release had the image's: its wheel stands in", () => {
    const facts = findPackage("kept", "==2.0", slim);
    expect(facts).toMatchObject({ buildsFromSource: false, mayCompile: null });
    expect(facts?.wheel?.[0]).toBe("cp39-cp39-manylinux_2_17_x86_64");
  });

  it("a release held with one older CPython's wheels alone: it stands in, in doubt", () => {
    for (const platform of [slim, alpine]) {
      const facts = findPackage("thin", "==2.0", platform);
      expect(facts?.buildsFromSource).toBe(false);
      expect(facts?.wheel?.[0]).toBe("cp37-cp37m-manylinux_2_17_x86_64");
      expect(facts?.mayCompile).toContain("only cp37 wheels of thin 2.0");
    }
  });

  it("a release whose several wheels stop below the image's CPython, with nothing earlier: a source build", () => {
    expect(findPackage("ended", "==2.0", slim)).toMatchObject({ buildsFromSource: true, wheel: null });
  });

  it("says which version stands in for which pin", () => {
    expect(findPackage("web", "==1.9", slim)?.standIn).toBe("web 1.0 stands in for web==1.9");
  });

  it("unpinned, skips a newest version without a wheel for the image", () => {
    expect(findPackage("native", null, slim)).toMatchObject({ version: { version: "0.9" }, wheel: ["cp312-cp312-manylinux_2_17_x86_64", 1500], buildsFromSource: false });
  });

  it("a pinned version with wheels around the image's CPython but none for it builds from the sdist, and compiles", () => {
    expect(findPackage("gap", "==1.0", slim)).toMatchObject({ wheel: null, buildsFromSource: true, compiles: true, pure: false });
  });

  it("a pinned version whose wheels all start above the image's CPython: the nearest newer wheel stands in, said so", () => {
    // uv.lock drops wheels below the locking project's Python: a missing cp312 wheel there is not proof of a source build.
    const facts = findPackage("native", "==1.0", slim);
    expect(facts).toMatchObject({ wheel: ["cp313-cp313-manylinux_2_17_x86_64", 2000], buildsFromSource: false });
    expect(facts?.standIn).toMatch(/no cp312 wheel of native 1\.0 .* its cp313 wheel stands in/);
  });

  // A newer release stands in with its cp312 wheel; whether the older pin has one is what mayCompile says.
  it.each([
    { name: "a pin of an older series than the first with the wheel, after one without it: may compile", spec: "==3.0", mayCompile: "arrival 3.0 may have no wheel for CPython 3.12 (the first release the tables hold with a wheel for CPython 3.12 on this image is 3.1.5, and 1.0 has wheels for older CPythons only)" },
    { name: "a pin of the series that brought the wheel: has it", spec: "==3.1.2", mayCompile: null },
    { name: "a pin newer than the first with the wheel: has it", spec: "==3.2", mayCompile: null },
  ])("$name", ({ spec, mayCompile }) => {
    expect(findPackage("arrival", spec, slim)).toMatchObject({ wheel: ["cp312-cp312-manylinux_2_17_x86_64", 2000], buildsFromSource: false, mayCompile });
  });

  // musllinux wheels exist only since 2021 (PEP 656): on musl, another release's is no evidence for pip's.
  it("on musl, a pin older than every release with a musllinux wheel may compile; on glibc it is not in doubt", () => {
    expect(findPackage("muslish", "==1.0", alpine)?.mayCompile).toBe("muslish 1.0 may have no musllinux wheel for CPython 3.12: the wheel weighed is 2.0's, and the tables hold none of a release at or before 1.0 (musllinux wheels exist only since 2021, PEP 656)");
    expect(findPackage("muslish", "==1.0", slim)?.mayCompile).toBeNull();
    expect(findPackage("muslish", "==2.0", alpine)?.mayCompile).toBeNull();
  });

  // Debian stretch's glibc 2.24 is too old for manylinux2014 (2.17 is fine; take 2.12 for manylinux2010's era).
  it("unpinned, a release built for newer CPythons only with no wheel for this glibc: the source build is in doubt", () => {
    const old: Platform = { ...slim, python: "3.6", glibcMinor: 12 };
    const doubt = "fast 3.0, the release the tables read for it, has wheels for CPython 3.9 and newer only: on CPython 3.6 pip installs an older release the tables do not hold, which may well have a wheel for this image";
    expect(findPackage("fast", null, old)).toMatchObject({ wheel: null, buildsFromSource: true, mayCompile: doubt });
    expect(findPackage("fast", ">=2", old)?.mayCompile).toBe(doubt);
    // The user's own release: no doubt about which one pip installs.
    expect(findPackage("fast", "==3.0", old)).toMatchObject({ wheel: null, buildsFromSource: true, mayCompile: null });
    // A release whose wheels straddle the image's CPython: no release dropped it.
    expect(findPackage("gap", null, { ...slim, python: "3.12", glibcMinor: 12 })?.mayCompile).toBeNull();
  });

  it("on musl, a release built for newer CPythons only stands in with doubt: pip installs an older one", () => {
    const old: Platform = { ...alpine, python: "3.6" };
    const facts = findPackage("fast", null, old);
    expect(facts?.wheel?.[0]).toBe("cp312-cp312-musllinux_1_2_x86_64");
    expect(facts?.mayCompile).toBe("fast 3.0 has wheels for newer CPythons only: on CPython 3.6 pip installs an older release (or builds the sdist), which may have no musllinux wheel (they exist only since 2021, PEP 656)");
    expect(findPackage("fast", null, { ...slim, python: "3.6" })?.mayCompile).toBeNull();
  });

  it("no release known to predate the image's CPython: the pin is taken to have the wheel", () => {
    expect(findPackage("early", "==1.0", slim)).toMatchObject({ choice: "nearest", version: { version: "2.0" }, mayCompile: null });
  });

  it.each([
    { name: "trixie: the newest manylinux that fits", platform: slim, bytes: 4100 },
    { name: "bookworm: glibc 2.36 rules out manylinux_2_39", platform: { ...slim, glibcMinor: 36 }, bytes: 4000 },
    { name: "Alpine: the musllinux wheel", platform: alpine, bytes: 4200 },
    { name: "aarch64: the aarch64 wheel", platform: arm, bytes: 3900 },
    { name: "another CPython: the abi3 wheel", platform: { ...slim, python: "3.13" }, bytes: 3000 },
  ])("$name", ({ platform, bytes }) => {
    expect(findPackage("fast", null, platform)?.wheel?.[1]).toBe(bytes);
  });

  it("answers null for a name the table does not hold, and never throws on a bad specifier", () => {
    expect(findPackage("no-such-project", null, slim)).toBeNull();
    expect(findPackage("web", "=>>2", slim)?.choice).toBe("newest");
  });

  it("cites the lock file the version was read from", () => {
    expect(findPackage("web", "==2.0", slim)?.version).toMatchObject({ source: TEST_TABLE.sources[0]?.[0], date: "2026-08-01" });
  });
});
