import { describe, expect, it } from "vitest";
import { exactDebianRelease } from "../../knowledge/debian-tables";
import { libraryNameFor, runtimePackagesFor } from "./runtime-libs";

const trixie = { libc: "glibc", distro: "trixie" } as const;
const bookworm = { libc: "glibc", distro: "bookworm" } as const;
const bullseye = { libc: "glibc", distro: "bullseye" } as const;
const buster = { libc: "glibc", distro: "buster" } as const;
const alpine = { libc: "musl", distro: "alpine3.24" } as const;
const oldAlpine = { libc: "musl", distro: "alpine3.12" } as const;

describe("runtimePackagesFor", () => {
  it.each([
    // The release's table decides (the -dev package's Depends), minus what python:slim already holds:
    // libffi and libssl are CPython's own dependencies, so nothing is added for them on any release.
    { name: "libffi-dev on trixie: libffi8 is in python:slim already", pkg: "libffi-dev", target: trixie, expected: [] },
    { name: "libffi-dev on bullseye: libffi7 is in python:slim already", pkg: "libffi-dev", target: bullseye, expected: [] },
    { name: "libssl-dev on bookworm: libssl3 is in python:slim already", pkg: "libssl-dev", target: bookworm, expected: [] },
    // Names that differ between releases (issue 9: libhdf5-310 is trixie's only), read from each release.
    { name: "libcurl4-openssl-dev on trixie", pkg: "libcurl4-openssl-dev", target: trixie, expected: ["libcurl4t64"] },
    { name: "libcurl4-openssl-dev on bookworm", pkg: "libcurl4-openssl-dev", target: bookworm, expected: ["libcurl4"] },
    { name: "libgdal-dev on trixie", pkg: "libgdal-dev", target: trixie, expected: ["libgdal36"] },
    { name: "libgdal-dev on bookworm", pkg: "libgdal-dev", target: bookworm, expected: ["libgdal32"] },
    { name: "libgdal-dev on bullseye", pkg: "libgdal-dev", target: bullseye, expected: ["libgdal28"] },
    // No table for buster: the hand map answers where the name is the same everywhere, else nothing is guessed.
    { name: "libssl-dev on a release the tables lack: unknown, never guessed", pkg: "libssl-dev", target: buster, expected: null },
    { name: "libpq-dev: same name everywhere, so known on buster too", pkg: "libpq-dev", target: buster, expected: ["libpq5"] },
    { name: "libpq-dev on trixie, from the table", pkg: "libpq-dev", target: trixie, expected: ["libpq5"] },
    { name: "libcairo2-dev (pycairo's runtime library) with what its Depends name", pkg: "libcairo2-dev", target: bookworm, expected: ["libcairo-gobject2", "libcairo-script-interpreter2", "libcairo2"] },
    { name: "a -dev package neither table nor hand map knows", pkg: "libnosuchthing-dev", target: trixie, expected: null },
    { name: "build tools need nothing", pkg: "build-essential", target: trixie, expected: [] },
    { name: "git is build-only", pkg: "git", target: trixie, expected: [] },
    { name: "curl is build-only", pkg: "curl", target: trixie, expected: [] },
    { name: "python3-pip is build-only", pkg: "python3-pip", target: trixie, expected: [] },
    { name: "python3-dev needs nothing at run time", pkg: "python3-dev", target: trixie, expected: [] },
    { name: "gfortran leaves libgfortran5", pkg: "gfortran", target: trixie, expected: ["libgfortran5"] },
    { name: "a runtime package stays as written", pkg: "ffmpeg", target: trixie, expected: ["ffmpeg"] },
    { name: "alpine: postgresql-dev → libpq", pkg: "postgresql-dev", target: alpine, expected: ["libpq"] },
    { name: "alpine: build-base leaves libstdc++ for C++ extensions", pkg: "build-base", target: alpine, expected: ["libstdc++"] },
    { name: "alpine: openssl-dev → libssl3", pkg: "openssl-dev", target: alpine, expected: ["libssl3"] },
    { name: "alpine before 3.17: openssl-dev → libssl1.1", pkg: "openssl-dev", target: oldAlpine, expected: ["libssl1.1"] },
    { name: "alpine: musl-dev needs nothing", pkg: "musl-dev", target: alpine, expected: [] },
    { name: "alpine: unknown -dev", pkg: "proj-dev", target: alpine, expected: null },
    { name: "alpine: gdal-dev keeps gdal", pkg: "gdal-dev", target: alpine, expected: ["gdal"] },
  ])("$name", ({ pkg, target, expected }) => {
    const found = runtimePackagesFor(pkg, target);
    expect(found === null ? null : [...found].sort()).toEqual(expected === null ? null : [...expected].sort());
  });
});

describe("libraryNameFor", () => {
  it.each([
    { entry: "libssl3t64 (in python:slim)", target: bookworm, expected: "libssl3" },
    { entry: "libhdf5-310", target: bookworm, expected: "libhdf5-103-1" },
    { entry: "libhdf5-310", target: trixie, expected: "libhdf5-310" },
    { entry: "libhdf5-310", target: buster, expected: null },
    { entry: "libyaml-0-2 (if linked)", target: buster, expected: "libyaml-0-2" },
  ])("$entry on $target.distro → $expected", ({ entry, target, expected }) => {
    expect(libraryNameFor(entry, target)).toBe(expected);
  });
});

describe("exactDebianRelease", () => {
  it.each([["trixie", "trixie"], ["debian12", "bookworm"], ["11", "bullseye"], ["buster", null], ["noble", null], [null, null]] as const)("%s → %s", (distro, expected) => {
    expect(exactDebianRelease(distro)).toBe(expected);
  });
});
