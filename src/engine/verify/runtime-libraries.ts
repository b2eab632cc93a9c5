// Which shared libraries a `-dev` package's runtime needs, per Debian release: the -dev package's own
// Depends in the release's table (libpq-dev → libpq5, libcairo2-dev → libcairo2 …). Null where no table
// describes the release or the table lacks the package: then only the package table's buildNeeds count.
import { debianPackage, exactDebianRelease, runtimeLibrariesOf } from "../knowledge/debian-tables";

/** Runtime packages for `dev` on the release of `distro`, or null when not known. */
export type RuntimeLibraries = (dev: string, distro: string) => readonly string[] | null;

export const runtimeLibraryLookup: RuntimeLibraries = (dev, distro) => {
  const release = exactDebianRelease(distro);
  if (release === null || debianPackage(dev, release) === null) return null;
  return runtimeLibrariesOf(dev, release);
};
