// Public API of the size knowledge: lookups over the bundled tables, the named defaults for what they
// do not know, and the tables' version. Rules and the estimator import from here and never index the
// tables themselves.

export type * from "./types";
export { TABLES_VERSION } from "./data/tables-version";
export { UNKNOWN_PYTHON_PACKAGE } from "./data/python-packages";
export { UNKNOWN_SYSTEM_PACKAGE } from "./data/system-packages";

export { alpineAtLeast, distroOfTag, parseImageRef, formatImageRef, type ImageRef } from "./image-ref";
export { debianTagRelease } from "./os-images";
export {
  findBaseImage,
  lookupBaseImage,
  baseImageSources,
  allBaseImages,
  type BaseImageMatch,
  type FindBaseImageOptions,
} from "./base-images";
export { uvImage, type UvImage } from "./python-images";
export { optionalExtension } from "./optional-extensions";
export { packageBuildNeeds, sourceOnlyCompiled } from "./source-only";
export { playwrightAptPackages, type PlaywrightDeps } from "./playwright-deps";
export { alpineLibrariesBrought, alpineNameOfDebian } from "./alpine-names";
export { imageDefaultUser } from "./image-users";
export { impliedPythonSuite, isOfficialPython, pythonImageSuite, pythonTagSuite } from "./python-suites";
export { debianRuntimeName, sourceBuildSystemNeeds, wheelSystemNeeds, type SystemRuntimeNeed } from "./system-runtime";
export { pythonVariantOf, suggestPythonVariant, type PythonVariantSuggestion } from "./python-variants";
export { parsePythonTag, formatPythonTag, type PythonTag, type PythonVariant, type PythonVersion } from "./python-tag";
export {
  findPythonPackage,
  normalizePackageName,
  resolvePythonClosure,
  pythonPackageSource,
  type PythonClosure,
} from "./python-packages";
export {
  findDebianPackage,
  findAlpinePackage,
  alpineBuildBaseClosure,
  alpineClosure,
  alpineBuildBaseClosureSource,
  debianSlimBase,
  alpineBase,
  debianTableSuite,
  cleanDebianName,
  cleanAlpineName,
  type DebianPackageMatch,
  type AlpinePackageMatch,
} from "./system-packages";
export {
  debianReleaseOf,
  debianReleaseOfUbuntu,
  exactDebianRelease,
  debianPackage,
  debianPackageExists,
  debianNameKind,
  debianInstallClosure,
  debianRecommendsWeight,
  debianBasePackages,
  debianOsBasePackages,
  debianBaseMethod,
  runtimeLibrariesOf,
  installDebianTable,
  registerDebianTableLoader,
  debianTableError,
  debianTableSource,
  installedDebianReleases,
  type DebianRelease,
  type DebianPackageFacts,
  type DebianNameKind,
  type DebianInstallClosure,
  type DebianInstallOptions,
  type DebianRecommendsWeight,
  type DebianTableLoader,
  type InstallResult as DebianInstallResult,
} from "./debian-tables";
export {
  isInFullPythonImage,
  fullImageCoverage,
  fullImageDelta,
  fullPythonImagePackages,
  BUILDPACK_DEPS_LAYERS,
  type FullImageCoverage,
  type FullImageDelta,
} from "./buildpack-deps";
export { installPythonTable, pythonTable, uninstallPythonTable, type PythonTable, type TableVersion, type MeasuredSize, type WheelKind, type InstallResult as PythonInstallResult } from "./python-table";
export { findPackage, type PackageFacts, type VersionChoice } from "./find-package";
export { constrained, resolvePackageClosure, type ClosureRequest, type PackageClosure } from "./package-closure";
export { installedSize, wheelKind, type InstalledSize, type SizeBasis } from "./installed-size";
export { pickWheel, wheelRank, muslMinorOfAlpine, GLIBC_MINOR_BY_RELEASE, DEFAULT_GLIBC_MINOR, type Arch, type Platform } from "./wheel-tags";
export { bringsLibcHeaders, isBareCompiler, libcHeadersPackage, withLibcHeaders } from "./libc-headers";
