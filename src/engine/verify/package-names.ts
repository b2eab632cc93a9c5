// Is a system package name valid for the stage's release? Behind one function so that the lookup can be
// pointed at the per-release Debian tables (`debianPackageExists` in knowledge/debian-tables.ts) when they
// land. Until then every Debian name is "unknown" and nothing is reported: a wrong "does not exist" would
// be worse than silence.

/** true: the release has it; false: it does not; null: not known (report nothing). */
export type PackageExists = (name: string, release: string) => boolean | null;

/** The lookup the build check uses. INTEGRATION: replace with knowledge/debian-tables' debianPackageExists. */
export const debianPackageLookup: PackageExists = () => null;

/** The names among `names` that `release` does not have (`name=version` pins are looked up by name). */
export function missingPackageNames(names: readonly string[], release: string, exists: PackageExists = debianPackageLookup): string[] {
  return names
    .filter((n) => !n.includes("$") && !n.startsWith("-"))
    .map((n) => n.replace(/[=:].*$/, ""))
    .filter((n) => exists(n, release) === false);
}
