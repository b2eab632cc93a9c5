// Which shared libraries a `-dev` package's runtime needs, per Debian release: the seam where the
// release-aware Debian tables plug in (the -dev package's Depends: libpq-dev → libpq5, libcairo2-dev →
// libcairo2). Until they do, it answers null and only the package table's buildNeeds are used.

/** Runtime packages for `dev` on `release`, or null when not known. */
export type RuntimeLibraries = (dev: string, release: string) => readonly string[] | null;

/** INTEGRATION: replace with knowledge/debian-tables' runtimeLibrariesOf. */
export const runtimeLibraryLookup: RuntimeLibraries = () => null;
