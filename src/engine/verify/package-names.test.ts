// The package-name lookup: the names a release lacks, from the per-release tables; silent where none answers.
import { describe, expect, it } from "vitest";
import { missingPackageNames, type PackageExists } from "./package-names";

/** A stand-in for the per-release tables: trixie renamed libssl3 to libssl3t64 (the 64-bit time_t move). */
const trixie: PackageExists = (name, release) => (release === "trixie" ? name !== "libssl3" : null);

describe("missingPackageNames", () => {
  it.each([
    // The real tables (Debian's lists): bullseye has libffi7, not libffi8.
    { name: "the tables: libffi8 is not in bullseye", names: ["libffi8", "libpq5"], release: "bullseye", exists: undefined, missing: ["libffi8"] },
    { name: "the tables: libhdf5-310 is trixie's only", names: ["libhdf5-310"], release: "bookworm", exists: undefined, missing: ["libhdf5-310"] },
    { name: "the tables: a virtual name with one provider is installable (libssl3 → libssl3t64 on trixie)", names: ["libssl3"], release: "trixie", exists: undefined, missing: [] },
    { name: "the tables: a release without its own table (buster) answers nothing", names: ["no-such-package"], release: "buster", exists: undefined, missing: [] },
    { name: "the tables: a made-up name on trixie", names: ["no-such-package"], release: "trixie", exists: undefined, missing: ["no-such-package"] },
    { name: "a name the release lacks", names: ["libssl3", "libpq5"], release: "trixie", exists: trixie, missing: ["libssl3"] },
    { name: "a version pin is looked up by name", names: ["libssl3=3.0.11-1"], release: "trixie", exists: trixie, missing: ["libssl3"] },
    { name: "an unknown release answers nothing", names: ["libssl3"], release: "bookworm", exists: trixie, missing: [] },
    { name: "variables and options are skipped", names: ["$PKGS", "-y"], release: "trixie", exists: (() => false) as PackageExists, missing: [] },
  ])("$name", ({ names, release, exists, missing }) => {
    expect(missingPackageNames(names, release, exists)).toEqual(missing);
  });
});
