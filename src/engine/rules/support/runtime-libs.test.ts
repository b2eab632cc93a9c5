import { describe, expect, it } from "vitest";
import { debianReleaseOf, libraryNameFor, runtimePackagesFor } from "./runtime-libs";

const trixie = { libc: "glibc", distro: "trixie" } as const;
const bookworm = { libc: "glibc", distro: "bookworm" } as const;
const bullseye = { libc: "glibc", distro: "bullseye" } as const;
const buster = { libc: "glibc", distro: "buster" } as const;
const alpine = { libc: "musl", distro: "alpine3.24" } as const;
const oldAlpine = { libc: "musl", distro: "alpine3.12" } as const;

describe("runtimePackagesFor", () => {
  it.each([
    // The release decides the library's name (issue 9: libffi8 / libssl3 do not exist on every release).
    { name: "libffi-dev on trixie", pkg: "libffi-dev", target: trixie, expected: ["libffi8"] },
    { name: "libffi-dev on bookworm", pkg: "libffi-dev", target: bookworm, expected: ["libffi8"] },
    { name: "libffi-dev on bullseye", pkg: "libffi-dev", target: bullseye, expected: ["libffi7"] },
    { name: "libssl-dev on trixie", pkg: "libssl-dev", target: trixie, expected: ["libssl3t64"] },
    { name: "libssl-dev on bookworm", pkg: "libssl-dev", target: bookworm, expected: ["libssl3"] },
    { name: "libssl-dev on bullseye", pkg: "libssl-dev", target: bullseye, expected: ["libssl1.1"] },
    { name: "libssl-dev on a release the table lacks: unknown, never guessed", pkg: "libssl-dev", target: buster, expected: null },
    { name: "libpq-dev: same name everywhere, so known on buster too", pkg: "libpq-dev", target: buster, expected: ["libpq5"] },
    { name: "libcairo2-dev (pycairo's runtime library)", pkg: "libcairo2-dev", target: bookworm, expected: ["libcairo2"] },
    { name: "a -dev package outside the table", pkg: "libgdal-dev", target: trixie, expected: null },
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
    { name: "alpine: unknown -dev", pkg: "gdal-dev", target: alpine, expected: null },
  ])("$name", ({ pkg, target, expected }) => {
    expect(runtimePackagesFor(pkg, target)).toEqual(expected);
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

describe("debianReleaseOf", () => {
  it.each([["trixie", "trixie"], ["debian12", "bookworm"], ["11", "bullseye"], ["noble", null], [null, null]] as const)("%s → %s", (distro, expected) => {
    expect(debianReleaseOf(distro)).toBe(expected);
  });
});
