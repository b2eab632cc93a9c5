// The memoised apt closures are the knowledge module's closures of the set as it is when asked: a set
// grown by installs, a copy of it, a set of the same size with other names, and a seeded set all get the
// answer computed afresh for their own contents, asked in any order.
import { describe, expect, it } from "vitest";
import { debianBasePackages, debianInstallClosure, debianRecommendsWeight } from "../knowledge";
import { debianClosures, noteDebianSeed } from "./debian-closures";

const RELEASE = "trixie";

function fresh(name: string, present: ReadonlySet<string>, recommends: boolean) {
  const closure = debianInstallClosure([name], RELEASE, present, { recommends });
  return { closure, viaRecommends: recommends && closure.unknown.length === 0 ? debianRecommendsWeight([name], RELEASE, present, closure) : null };
}

describe("debianClosures", () => {
  it.each([
    { name: "curl with Recommends", pkg: "curl", recommends: true },
    { name: "curl, Depends only", pkg: "curl", recommends: false },
    { name: "gcc with Recommends", pkg: "gcc", recommends: true },
    { name: "a name the release lacks", pkg: "no-such-package-here", recommends: true },
  ])("follows the set as installs grow it: $name", ({ pkg, recommends }) => {
    const present = new Set(debianBasePackages(RELEASE));
    expect(present.size).toBeGreaterThan(0);
    expect(debianClosures(pkg, RELEASE, present, recommends)).toEqual(fresh(pkg, present, recommends));
    // An install adds names (libcurl4t64 is one of curl's Depends): the next answer is for the new set.
    for (const added of ["libcurl4t64", "libssl3t64", "gcc-14"]) present.add(added);
    expect(debianClosures(pkg, RELEASE, present, recommends)).toEqual(fresh(pkg, present, recommends));
    // A copy with one name more (a stage built FROM this one, then an install) is its own set.
    const fork = new Set(present).add("libpsl5t64");
    expect(debianClosures(pkg, RELEASE, fork, recommends)).toEqual(fresh(pkg, fork, recommends));
  });

  it("tells apart two sets of the same size with different names", () => {
    const names = [...debianBasePackages(RELEASE)];
    const a = new Set([...names, "libcurl4t64"]);
    const b = new Set([...names, "libssl3t64"]);
    for (const set of [a, b, a, b]) expect(debianClosures("curl", RELEASE, set, false)).toEqual(fresh("curl", set, false));
    expect(debianClosures("curl", RELEASE, a, false).closure.added).not.toEqual(debianClosures("curl", RELEASE, b, false).closure.added);
  });

  it("keys a seeded set by its recipe, then by what is added", () => {
    const seed = () => new Set(debianBasePackages(RELEASE));
    const first = seed();
    noteDebianSeed(first, RELEASE, "python slim");
    const second = seed();
    noteDebianSeed(second, RELEASE, "python slim");
    expect(debianClosures("curl", RELEASE, first, true)).toBe(debianClosures("curl", RELEASE, second, true));
    second.add("libcurl4t64");
    expect(debianClosures("curl", RELEASE, second, true)).toEqual(fresh("curl", second, true));
  });
});
