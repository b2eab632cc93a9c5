// Which system packages a final stage needs for what a builder stage installed: build tools need nothing,
// header (-dev) packages need the shared libraries they link to, other packages are runtime packages and
// stay as they are. Library package names change between releases (libffi7 → libffi8, libssl1.1 → libssl3
// → libssl3t64 with Debian's 64-bit time_t transition in trixie), so every answer is for one release.
//
// The per-release Debian tables (knowledge/debian-tables.ts: each -dev package's Depends) answer first;
// the hand tables below are the fallback where a release's table is not loaded (the browser's main-thread
// fallback) and for Alpine. Sources of the names: trixie and bookworm from ../shared/data/system-packages.json (the
// `apt-get install -s` closure of each -dev package, generated 2026-11-28); bullseye from
// packages.debian.org/bullseye (2026-12); Alpine from pkgs.alpinelinux.org (v3.17+ for libssl3).

import { alpineAtLeast } from "../../knowledge/image-ref";
import { debianBasePackages, debianPackage, debianPackageExists, exactDebianRelease, runtimeLibrariesOf, type DebianRelease } from "../../knowledge/debian-tables";

/** The stage a package is installed in: its libc and its base image's distro (`trixie`, `alpine3.24`). */
export interface RuntimeTarget {
  readonly libc: "glibc" | "musl";
  readonly distro: string | null;
}

const DEBIAN_RELEASES: readonly DebianRelease[] = ["bullseye", "bookworm", "trixie"];

/**
 * Build tools and headers: needed to build, never to run. curl, wget and git are here because a build
 * fetches with them; a final stage that calls them (HEALTHCHECK curl …) keeps them — the caller checks.
 */
const BUILD_ONLY = /^(gcc(-\d+)?|g\+\+(-\d+)?|cc|clang(-tools)?(-\d+)?|llvm(-\d+)?|lld(-\d+)?|bison|flex|nasm|yasm|patchelf|cython3?|make|cmake|ninja|ninja-build|meson|build-essential|build-base|musl-dev|libc-dev|libc6-dev|linux-headers|linux-libc-dev|pkg-config|pkgconf|pkgconfig|autoconf|automake|libtool|gfortran(-\d+)?|cargo|rust|rustc|rustup|swig\d*|patch|binutils|git|curl|wget|python3-pip|py3-pip|python3-venv|python3-dev|python3-devel|python3-wheel|python3-setuptools|python-dev|.*-dev|.*-devel)$/;

/** Library packages whose name depends on the Debian release (the soname or the t64 suffix changed). */
const DEBIAN_LIBRARY_NAMES: readonly Readonly<Record<DebianRelease, string>>[] = [
  { bullseye: "libssl1.1", bookworm: "libssl3", trixie: "libssl3t64" },
  { bullseye: "libffi7", bookworm: "libffi8", trixie: "libffi8" },
  { bullseye: "libhdf5-103", bookworm: "libhdf5-103-1", trixie: "libhdf5-310" },
  { bullseye: "libpng16-16", bookworm: "libpng16-16", trixie: "libpng16-16t64" },
  { bullseye: "libodbc1", bookworm: "libodbc2", trixie: "libodbc2" },
  { bullseye: "libldap-2.4-2", bookworm: "libldap-2.5-0", trixie: "libldap2" },
  { bullseye: "libmagic1", bookworm: "libmagic1", trixie: "libmagic1t64" },
  { bullseye: "libcurl4", bookworm: "libcurl4", trixie: "libcurl4t64" },
  { bullseye: "libreadline8", bookworm: "libreadline8", trixie: "libreadline8t64" },
  { bullseye: "libtiff5", bookworm: "libtiff6", trixie: "libtiff6" },
  { bullseye: "libwebp6", bookworm: "libwebp7", trixie: "libwebp7" },
  { bullseye: "libxmlsec1", bookworm: "libxmlsec1", trixie: "libxmlsec1t64" },
  { bullseye: "libxmlsec1-openssl", bookworm: "libxmlsec1-openssl", trixie: "libxmlsec1t64-openssl" },
];

/** Debian -dev packages → the runtime libraries (trixie names; other releases through the table above). */
const DEBIAN_DEV_RUNTIME: Readonly<Record<string, readonly string[]>> = {
  "libpq-dev": ["libpq5"],
  "libffi-dev": ["libffi8"],
  "libssl-dev": ["libssl3t64"],
  "default-libmysqlclient-dev": ["libmariadb3"],
  "libmariadb-dev": ["libmariadb3"],
  "libmariadb-dev-compat": ["libmariadb3"],
  "libmysqlclient-dev": ["libmariadb3"],
  "libxml2-dev": ["libxml2"],
  "libxslt1-dev": ["libxml2", "libxslt1.1"],
  "libjpeg-dev": ["libjpeg62-turbo"],
  "libjpeg62-turbo-dev": ["libjpeg62-turbo"],
  // zlib1g, libbz2-1.0, liblzma5 are Priority: required, in every Debian image.
  "zlib1g-dev": [],
  "libbz2-dev": [],
  "liblzma-dev": [],
  "libpng-dev": ["libpng16-16t64"],
  "libfreetype-dev": ["libfreetype6"],
  "libfreetype6-dev": ["libfreetype6"],
  "libopenblas-dev": ["libopenblas0"],
  "libyaml-dev": ["libyaml-0-2"],
  "libsqlite3-dev": ["libsqlite3-0"],
  "unixodbc-dev": ["libodbc2"],
  "libkrb5-dev": ["libkrb5-3", "libgssapi-krb5-2"],
  "libsasl2-dev": ["libsasl2-2"],
  "libldap2-dev": ["libldap2"],
  "libldap-dev": ["libldap2"],
  "libcairo2-dev": ["libcairo2"],
  "libmagic-dev": ["libmagic1t64"],
  "libcurl4-openssl-dev": ["libcurl4t64"],
  "libhdf5-dev": ["libhdf5-310"],
  "libreadline-dev": ["libreadline8t64"],
  "libzmq3-dev": ["libzmq5"],
  "libsodium-dev": ["libsodium23"],
  "libsnappy-dev": ["libsnappy1v5"],
  "libtiff-dev": ["libtiff6"],
  "libtiff5-dev": ["libtiff6"],
  "libwebp-dev": ["libwebp7"],
  "liblcms2-dev": ["liblcms2-2"],
  "libopenjp2-7-dev": ["libopenjp2-7"],
  "libxmlsec1-dev": ["libxmlsec1t64", "libxmlsec1t64-openssl"],
  // Debian's own Python headers: only a build needs them (the python3.X runtime is another package).
  "python3-dev": [],
  "python-dev": [],
  "python3-all-dev": [],
};

/** Alpine -dev packages → runtime packages. `libssl3` is the name from Alpine 3.17 on (libssl1.1 before). */
const ALPINE_DEV_RUNTIME: Readonly<Record<string, readonly string[]>> = {
  "postgresql-dev": ["libpq"],
  "libpq-dev": ["libpq"],
  "libffi-dev": ["libffi"],
  "openssl-dev": ["libssl3"],
  "jpeg-dev": ["libjpeg-turbo"],
  "libjpeg-turbo-dev": ["libjpeg-turbo"],
  "zlib-dev": ["zlib"],
  "libxml2-dev": ["libxml2"],
  "libxslt-dev": ["libxslt"],
  "mariadb-dev": ["mariadb-connector-c"],
  "mariadb-connector-c-dev": ["mariadb-connector-c"],
  "yaml-dev": ["yaml"],
  "cairo-dev": ["cairo"],
  "freetype-dev": ["freetype"],
  "libpng-dev": ["libpng"],
  "lcms2-dev": ["lcms2"],
  "openjpeg-dev": ["openjpeg"],
  "tiff-dev": ["tiff"],
  "libwebp-dev": ["libwebp"],
  "openblas-dev": ["openblas"],
  "unixodbc-dev": ["unixodbc"],
  "krb5-dev": ["krb5-libs"],
  "libsodium-dev": ["libsodium"],
  "geos-dev": ["geos"],
  "gdal-dev": ["gdal"],
  "netcdf-dev": ["netcdf"],
  "hdf5-dev": ["hdf5"],
  "sqlite-dev": ["sqlite-libs"],
  "bzip2-dev": ["libbz2"],
  "xz-dev": ["xz-libs"],
  "librdkafka-dev": ["librdkafka"],
  "libmagic-dev": ["libmagic"],
  "curl-dev": ["libcurl"],
  "musl-dev": [],
  "linux-headers": [],
  "python3-dev": [],
};

/**
 * Compilers whose output links to a runtime library the base may lack: C++ extensions need libstdc++ on
 * Alpine (python:alpine does not ship it; Debian images do, as apt needs it), Fortran ones libgfortran.
 */
const COMPILER_RUNTIME: Readonly<Record<string, { readonly debian: readonly string[]; readonly alpine: readonly string[] }>> = {
  "g++": { debian: [], alpine: ["libstdc++"] },
  "build-base": { debian: [], alpine: ["libstdc++"] },
  "build-essential": { debian: [], alpine: [] },
  gfortran: { debian: ["libgfortran5"], alpine: ["libgfortran"] },
};


/** True for packages only a build needs (compilers, headers, fetch tools, pip/venv packages). */
export function isBuildOnly(pkg: string): boolean {
  return BUILD_ONLY.test(pkg);
}

/**
 * A runtime library's name on the target release, from a name written for another release (the package
 * table's `debianRuntime` entries are trixie names, some with a note: `libssl3t64 (in python:slim)`).
 * Null when the name differs between releases and the target release is not one the table covers.
 */
export function libraryNameFor(entry: string, target: RuntimeTarget): string | null {
  const name = entry.trim().split(/\s+/)[0] ?? entry;
  if (target.libc === "musl") {
    if (name === "libssl3" && alpineAtLeast(target.distro, 3, 17) === false) return "libssl1.1";
    return name;
  }
  const release = exactDebianRelease(target.distro);
  // A name the release's table knows is right as it is; otherwise it may be another release's name.
  if (release !== null && debianPackageExists(name, release)) return name;
  const family = DEBIAN_LIBRARY_NAMES.find((f) => DEBIAN_RELEASES.some((r) => f[r] === name));
  if (family === undefined) return name;
  return release === null ? null : family[release];
}

/**
 * What the final stage must install for `pkg`, a system package the builder installed: [] for build tools,
 * the runtime libraries of a -dev package, the package itself otherwise. Null when `pkg` is a -dev package
 * whose runtime libraries are not known for this release: the caller must not guess a name.
 */
export function runtimePackagesFor(pkg: string, target: RuntimeTarget): readonly string[] | null {
  const compiler = COMPILER_RUNTIME[pkg];
  if (compiler !== undefined) return target.libc === "musl" ? compiler.alpine : compiler.debian;
  if (!isBuildOnly(pkg)) return [pkg];
  if (!/-(dev|devel)$/.test(pkg)) return [];
  if (target.libc === "musl") {
    const libs = ALPINE_DEV_RUNTIME[pkg];
    return libs === undefined ? null : resolveAll(libs, target);
  }
  // The release's own table first: the -dev package's Depends name its libraries (libpq-dev → libpq5),
  // minus what the slim base already has. The hand map stays for a release whose table is not loaded.
  // Debian's own Python headers serve its own python3.X, not the image's /usr/local one: nothing to keep.
  if (/^python(3(\.\d+)?)?(-all)?-dev$/.test(pkg)) return [];
  // libc's own headers: its library is in every image (rpcsvc-proto, a Depends of libc6-dev, is rpcgen).
  if (pkg === "libc6-dev" || pkg === "libc-dev" || pkg === "linux-libc-dev") return [];
  const release = exactDebianRelease(target.distro);
  if (release !== null && debianPackage(pkg, release) !== null) {
    const base = debianBasePackages(release);
    return runtimeLibrariesOf(pkg, release).filter((lib) => !base.has(lib));
  }
  const libs = DEBIAN_DEV_RUNTIME[pkg];
  return libs === undefined ? null : resolveAll(libs, target);
}

function resolveAll(libs: readonly string[], target: RuntimeTarget): readonly string[] | null {
  const out: string[] = [];
  for (const lib of libs) {
    const name = libraryNameFor(lib, target);
    if (name === null) return null;
    out.push(name);
  }
  return out;
}
