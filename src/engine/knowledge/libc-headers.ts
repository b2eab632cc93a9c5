// A C compile needs libc's headers and start files (stdio.h, crt1.o) besides the compiler. Debian's gcc only
// Recommends libc6-dev ("Recommends: libc6-dev | libc-dev", Debian's package lists), python's slim images
// have none (their build purged it), and Alpine's gcc does not pull in musl-dev: so
// `apt-get install --no-install-recommends gcc` or `apk add gcc` alone fails at the first #include
// ("fatal error: limits.h: No such file or directory"). build-essential and build-base bring them, and so
// does g++ (Debian's libstdc++-dev Depends on libc6-dev; Alpine's g++ on libc-dev).

const BARE_COMPILER = /^(gcc|clang)(-\d+)?$/;

/** A C compiler package that does not bring libc's headers itself (`gcc`, `gcc-12`, `clang`). */
export function isBareCompiler(name: string): boolean {
  return BARE_COMPILER.test(name);
}

/** The package of libc's headers on `family`. */
export function libcHeadersPackage(family: "debian" | "alpine"): string {
  return family === "debian" ? "libc6-dev" : "musl-dev";
}

/** Packages that bring libc's headers, by family (on Debian, a -dev package whose Depends reach libc6-dev
 *  does too: the estimate reads that from the release table's closures). */
const HEADERS = {
  debian: new Set(["libc6-dev", "libc-dev", "build-essential", "g++"]),
  alpine: new Set(["musl-dev", "libc-dev", "build-base", "alpine-sdk", "g++"]),
} as const;

/** `packages` (install names) with the libc headers package added after them where a bare compiler is
 *  installed without one: libc6-dev on Debian and Ubuntu, musl-dev on Alpine. */
export function withLibcHeaders(packages: readonly string[], family: "debian" | "alpine"): string[] {
  const headers = HEADERS[family];
  if (!packages.some(isBareCompiler) || packages.some((p) => headers.has(p))) return [...packages];
  return [...packages, libcHeadersPackage(family)];
}

/** Whether an installed package name (apt or apk) brings libc's headers itself. */
export function bringsLibcHeaders(name: string, family: "debian" | "alpine"): boolean {
  return HEADERS[family].has(name);
}
