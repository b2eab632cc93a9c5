// The full `python:3.X` images are built FROM buildpack-deps:<suite>, which already installs compilers,
// headers and tools (gcc, g++, make, libc6-dev, libpq-dev, libssl-dev, libffi-dev, libxml2-dev, git, curl,
// …). Installing one of those again on a full image adds about 0 bytes; this module says which, with the
// source, so the estimator does not count them twice and rules can say "already in your base image".

import { FULL_IMAGE_PACKAGES_BOOKWORM, FULL_IMAGE_PACKAGES_TRIXIE } from "./full-image-packages";
import { cleanDebianName, debianTableSuite, type DebianPackageMatch } from "./system-packages";
import type { DebianSuite, SourceRef } from "./types";

/**
 * The packages the Dockerfiles name, layer by layer (identical for trixie and bookworm as of the Aug/Sep
 * 2026 builds). Sources: docker-library/buildpack-deps@1f4fe499c668d9a2e1578aa8db4f0b2d14482cf5:debian/trixie/curl/Dockerfile,
 * @103e790407420c9c517a6ac774f31e92c8d84f58:debian/trixie/scm/Dockerfile and …:debian/trixie/Dockerfile;
 * for bookworm, the layer history of the measured image (the stored buildpack-deps bookworm files are older
 * versions): docker-library/repo-info@1d9af683c59252d41e92555ca98a1a8d2af9b386:repos/python/remote/3.12-bookworm.md.
 */
export const BUILDPACK_DEPS_LAYERS = {
  curl: ["ca-certificates", "curl", "gnupg", "netbase", "sq", "wget"],
  scm: ["git", "mercurial", "openssh-client", "subversion", "procps"],
  full: [
    "autoconf", "automake", "bzip2", "default-libmysqlclient-dev", "dpkg-dev", "file", "g++", "gcc", "imagemagick",
    "libbz2-dev", "libc6-dev", "libcurl4-openssl-dev", "libdb-dev", "libevent-dev", "libffi-dev", "libgdbm-dev",
    "libglib2.0-dev", "libgmp-dev", "libjpeg-dev", "libkrb5-dev", "liblzma-dev", "libmagickcore-dev",
    "libmagickwand-dev", "libmaxminddb-dev", "libncurses5-dev", "libncursesw5-dev", "libpng-dev", "libpq-dev",
    "libreadline-dev", "libsqlite3-dev", "libssl-dev", "libtool", "libwebp-dev", "libxml2-dev", "libxslt-dev",
    "libyaml-dev", "make", "patch", "unzip", "xz-utils", "zlib1g-dev",
  ],
  /** The python image's own layer before it builds CPython (repo-info python:3.12 / 3.12-bookworm history). */
  python: ["libbluetooth-dev", "tk-dev", "uuid-dev"],
} as const;

export const BUILDPACK_DEPS_SOURCES: Readonly<Record<DebianSuite, readonly string[]>> = {
  trixie: [
    "docker-library/buildpack-deps@1f4fe499c668d9a2e1578aa8db4f0b2d14482cf5:debian/trixie/curl/Dockerfile",
    "docker-library/buildpack-deps@103e790407420c9c517a6ac774f31e92c8d84f58:debian/trixie/scm/Dockerfile",
    "docker-library/buildpack-deps@103e790407420c9c517a6ac774f31e92c8d84f58:debian/trixie/Dockerfile",
    "docker-library/repo-info@0531c602d6fd80edd8094917938c56dff33f491b:repos/python/remote/3.12.md",
  ],
  bookworm: ["docker-library/repo-info@1d9af683c59252d41e92555ca98a1a8d2af9b386:repos/python/remote/3.12-bookworm.md"],
};

/** The install date of the measured images whose Dockerfiles the lists come from. */
const LIST_DATES: Readonly<Record<DebianSuite, string>> = { trixie: "2026-08-13", bookworm: "2026-09-19" };

const EXPLICIT: ReadonlySet<string> = new Set(Object.values(BUILDPACK_DEPS_LAYERS).flat());

const SETS: Readonly<Record<DebianSuite, ReadonlySet<string>>> = {
  trixie: FULL_IMAGE_PACKAGES_TRIXIE,
  bookworm: FULL_IMAGE_PACKAGES_BOOKWORM,
};

/**
 * build-essential is not installed as such, but everything it depends on is (gcc, g++, make, libc6-dev,
 * dpkg-dev): installing it adds only the metapackage (17–20 KiB per the system-packages table).
 */
const METAPACKAGES_COVERED: ReadonlySet<string> = new Set(["build-essential"]);

export interface FullImageCoverage {
  readonly included: boolean;
  /** How it got there: named by a Dockerfile layer, pulled in as a dependency, or a covered metapackage. */
  readonly via: "dockerfile" | "dependency" | "metapackage" | null;
  readonly source: SourceRef;
}

/** Whether a Debian package is already in the full python image on `suite` (other suites fall back, flagged). */
export function fullImageCoverage(debianPackage: string, suite: string): FullImageCoverage {
  const pkg = cleanDebianName(debianPackage);
  const target = debianTableSuite(suite);
  const via = EXPLICIT.has(pkg)
    ? "dockerfile"
    : SETS[target.suite].has(pkg)
      ? "dependency"
      : METAPACKAGES_COVERED.has(pkg)
        ? "metapackage"
        : null;
  const notes = [
    via === "dockerfile"
      ? `${pkg} is installed by the image's Dockerfiles`
      : via === "dependency"
        ? `${pkg} is installed as a dependency of those packages (apt simulation, see full-image-packages.ts)`
        : via === "metapackage"
          ? `${pkg} is a metapackage whose dependencies are all installed`
          : `${pkg} is not in the full python image`,
  ];
  if (target.why !== null) notes.push(target.why);
  return {
    included: via !== null,
    via,
    source: {
      table: "assumption",
      key: `full-python-image:${target.suite}`,
      source: BUILDPACK_DEPS_SOURCES[target.suite].join(", "),
      date: LIST_DATES[target.suite],
      note: notes.join("; "),
    },
  };
}

/** Every package of the full python image on `suite` (trixie or bookworm figures; others fall back). */
export function fullPythonImagePackages(suite: string): ReadonlySet<string> {
  return SETS[debianTableSuite(suite).suite];
}

export function isInFullPythonImage(debianPackage: string, suite: string): boolean {
  return fullImageCoverage(debianPackage, suite).included;
}

export interface FullImageDelta {
  /** Bytes the install adds on a full python image: 0 when already there; null when unknown. */
  readonly bytes: number | null;
  /** True when some of the closure is already in the image but the rest is counted whole (an upper bound). */
  readonly upperBound: boolean;
  readonly note: string;
}

/**
 * What installing a table package adds on a full python image rather than on slim: nothing when it is
 * there already; its own Installed-Size when only the package itself is missing; else the slim closure,
 * which over-counts the part already present (the tables have no per-package sizes to subtract).
 */
export function fullImageDelta(match: DebianPackageMatch): FullImageDelta {
  const { row, suite } = match;
  if (isInFullPythonImage(row.package, suite)) {
    return { bytes: 0, upperBound: false, note: `${row.package} is already in the full python image` };
  }
  const closure = row.closureList;
  if (closure === null) {
    return { bytes: match.closureBytes, upperBound: true, note: "closure unknown: the slim-base closure is counted" };
  }
  const missing = closure.filter((name) => !SETS[suite].has(name));
  if (missing.length <= 1 && (missing[0] === undefined || missing[0] === row.package)) {
    return {
      bytes: missing.length === 0 ? 0 : match.installedBytes,
      upperBound: false,
      note: `its dependencies are already in the full python image; only ${row.package} itself is added`,
    };
  }
  return {
    bytes: match.closureBytes,
    upperBound: true,
    note: `${closure.length - missing.length} of the ${closure.length} closure packages are already in the full image; the whole closure is counted`,
  };
}
