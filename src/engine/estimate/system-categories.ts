// Which system packages are build tools: they exist to compile (compilers, make, headers) and are the
// "buildTools" of the size model, which a builder stage leaves behind (size/multistage); everything else
// apt or apk installs is "system". Shared by apt's and apk's installs and by the split of an apt closure
// that reaches build tools through a package that is not one (python3-pip's Recommends).
import type { Category } from "./types";

/** Packages that exist to compile: they are build tools, not runtime dependencies. */
const BUILD_TOOL = /^(build-essential|build-base|gcc(-\d+)?|g\+\+(-\d+)?|clang(-tools)?(-\d+)?|llvm(-\d+)?|lld(-\d+)?|make|cmake|ninja(-build)?|meson|pkg-?config|pkgconf|gfortran(-\d+)?|cargo|rust|rustc|swig4?\.?\d*|bison|flex|nasm|yasm|binutils|patchelf|musl-dev|libc6?-dev|linux-headers|autoconf|automake|libtool|python3?-dev|.*-dev(el)?)$/;

export function isBuildToolPackage(name: string): boolean {
  return BUILD_TOOL.test(name);
}

export function categoryOfSystemPackage(name: string): Category {
  return isBuildToolPackage(name) ? "buildTools" : "system";
}
