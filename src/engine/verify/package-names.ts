// Is a system package name valid for the stage's release? Read from the per-release Debian tables
// (knowledge/debian-tables.ts, built from Debian's own package lists). Where no table describes the
// release (an older one standing in, a table not loaded, an unexpanded `$VAR`), the answer is "unknown"
// and nothing is reported: a wrong "does not exist" would be worse than silence.
import { debianPackageExists, debianTableSource, exactDebianRelease } from "../knowledge/debian-tables";

/** true: the release has it; false: it does not; null: not known (report nothing). */
export type PackageExists = (name: string, distro: string) => boolean | null;

/** What apt accepts as a package name (Debian policy §5.6.1), so `$PKGS` or a `./x.deb` path is never looked up. */
const DEBIAN_NAME = /^[a-z0-9][a-z0-9+.-]+$/;

/** The lookup the build check uses: only a release with its own loaded table answers. */
export const debianPackageLookup: PackageExists = (name, distro) => {
  const release = exactDebianRelease(distro);
  if (release === null || !DEBIAN_NAME.test(name)) return null;
  if (debianTableSource(name, release) === null) return null;
  return debianPackageExists(name, release);
};

/** The names among `names` that `release` does not have (`name=version` pins are looked up by name). */
export function missingPackageNames(names: readonly string[], release: string, exists: PackageExists = debianPackageLookup): string[] {
  return names
    .filter((n) => !n.includes("$") && !n.startsWith("-"))
    .map((n) => n.replace(/[=:].*$/, "").toLowerCase())
    .filter((n) => exists(n, release) === false);
}
