// The package-name lookup: silent until the per-release tables answer, then the names a release lacks.
import { describe, expect, it } from "vitest";
import { missingPackageNames, type PackageExists } from "./package-names";

/** A stand-in for the per-release tables: trixie renamed libssl3 to libssl3t64 (the 64-bit time_t move). */
const trixie: PackageExists = (name, release) => (release === "trixie" ? name !== "libssl3" : null);

describe("missingPackageNames", () => {
  it.each([
    { name: "the default lookup knows no release yet: nothing is reported", names: ["libssl3", "no-such-package"], release: "trixie", exists: undefined, missing: [] },
    { name: "a name the release lacks", names: ["libssl3", "libpq5"], release: "trixie", exists: trixie, missing: ["libssl3"] },
    { name: "a version pin is looked up by name", names: ["libssl3=3.0.11-1"], release: "trixie", exists: trixie, missing: ["libssl3"] },
    { name: "an unknown release answers nothing", names: ["libssl3"], release: "bookworm", exists: trixie, missing: [] },
    { name: "variables and options are skipped", names: ["$PKGS", "-y"], release: "trixie", exists: (() => false) as PackageExists, missing: [] },
  ])("$name", ({ names, release, exists, missing }) => {
    expect(missingPackageNames(names, release, exists)).toEqual(missing);
  });
});
