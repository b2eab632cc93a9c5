import { describe, expect, it } from "vitest";
import { BUILDPACK_DEPS_LAYERS, fullImageCoverage, fullImageDelta, fullPythonImagePackages, isInFullPythonImage } from "./buildpack-deps";
import { findDebianPackage } from "./system-packages";

describe("isInFullPythonImage", () => {
  it.each([
    { name: "compiler", pkg: "gcc", suite: "trixie", via: "dockerfile" },
    { name: "C++ compiler", pkg: "g++", suite: "bookworm", via: "dockerfile" },
    { name: "postgres headers", pkg: "libpq-dev", suite: "trixie", via: "dockerfile" },
    { name: "mysql headers", pkg: "default-libmysqlclient-dev", suite: "trixie", via: "dockerfile" },
    { name: "scm layer", pkg: "git", suite: "trixie", via: "dockerfile" },
    { name: "curl layer", pkg: "wget", suite: "bookworm", via: "dockerfile" },
    { name: "python's own layer", pkg: "tk-dev", suite: "trixie", via: "dockerfile" },
    { name: "dependency of libpq-dev", pkg: "libpq5", suite: "trixie", via: "dependency" },
    { name: "dependency of imagemagick's headers", pkg: "libfreetype-dev", suite: "trixie", via: "dependency" },
    { name: "real package behind libxslt-dev", pkg: "libxslt1-dev", suite: "bookworm", via: "dependency" },
    { name: "pkg-config on bookworm", pkg: "pkg-config", suite: "bookworm", via: "dependency" },
    { name: "build-essential (all its dependencies are)", pkg: "build-essential", suite: "trixie", via: "metapackage" },
    { name: "version pin ignored", pkg: "make=4.4.1-2", suite: "trixie", via: "dockerfile" },
  ])("$name: $pkg on $suite", ({ pkg, suite, via }) => {
    expect(isInFullPythonImage(pkg, suite)).toBe(true);
    expect(fullImageCoverage(pkg, suite).via).toBe(via);
  });

  it.each([
    { name: "OpenGL for OpenCV", pkg: "libgl1", suite: "trixie" },
    { name: "ffmpeg", pkg: "ffmpeg", suite: "trixie" },
    { name: "fortran", pkg: "gfortran", suite: "bookworm" },
    { name: "openblas", pkg: "libopenblas-dev", suite: "trixie" },
    { name: "an init", pkg: "tini", suite: "bookworm" },
    { name: "rust", pkg: "cargo", suite: "trixie" },
  ])("$name ($pkg) is not in the image", ({ pkg, suite }) => {
    expect(isInFullPythonImage(pkg, suite)).toBe(false);
  });

  it("cites buildpack-deps for trixie and the measured image's history for bookworm", () => {
    expect(fullImageCoverage("gcc", "trixie").source.source).toContain(
      "docker-library/buildpack-deps@103e790407420c9c517a6ac774f31e92c8d84f58:debian/trixie/Dockerfile",
    );
    expect(fullImageCoverage("gcc", "bookworm").source.source).toBe(
      "docker-library/repo-info@1d9af683c59252d41e92555ca98a1a8d2af9b386:repos/python/remote/3.12-bookworm.md",
    );
  });

  it("flags a suite without figures", () => {
    expect(fullImageCoverage("gcc", "bullseye").source.note).toMatch(/no bullseye figures/);
  });

  it.each(["trixie", "bookworm"])("every package the %s Dockerfiles name is in the simulated package set", (suite) => {
    // libxslt-dev and the libncurses*5-dev names are virtual/transitional: apt installs their providers.
    const virtual = new Set(["libxslt-dev", "libncurses5-dev", "libncursesw5-dev", "libmagickcore-dev", "libmagickwand-dev"]);
    const named = Object.values(BUILDPACK_DEPS_LAYERS).flat().filter((p) => !virtual.has(p));
    const set = fullPythonImagePackages(suite);
    expect(named.filter((p) => !set.has(p))).toEqual([]);
  });
});

describe("fullImageDelta", () => {
  it.each([
    { name: "already there", pkg: "libpq-dev", suite: "trixie", bytes: 0, upperBound: false },
    { name: "only the package itself is missing", pkg: "pkg-config", suite: "trixie", bytes: 29 * 1024, upperBound: false },
    { name: "part of the closure is there: upper bound", pkg: "libgl1", suite: "trixie", bytes: 207905 * 1024, upperBound: true },
  ])("$name", ({ pkg, suite, bytes, upperBound }) => {
    const match = findDebianPackage(pkg, suite);
    expect(match === null ? null : fullImageDelta(match)).toMatchObject({ bytes, upperBound });
  });
});
