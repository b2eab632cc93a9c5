// Turns the shared size research (a folder of JSON files with per-row sources) into the typed, bundled
// tables under src/engine/knowledge/data/. Usage: `npm run tables -- <data-dir>`.
//
// Why a generator and not a JSON import: the engine bundles only the fields it needs, typed and
// `as const`, with each row's provenance kept (STYLE 5); derived values (disk sizes without a published
// figure, defaults for unknown packages) are computed once, here, with the method written beside them.
// Output is deterministic (same data → byte-identical files), and TABLES_VERSION hashes it so a permalink
// can tell when the numbers behind it changed.
//
// One file on purpose (the generator is one concept, and its test imports `generateTables` directly):
// reading/validation, derivation, and the literal printer are its three sections.

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compare as comparePep440 } from "@renovatebot/pep440";
import * as v from "valibot";
import { readDebianTableText } from "../src/engine/knowledge/debian-table-reader";
import type { DebianRelease } from "../src/engine/knowledge/debian-table-schema";
import { parseWheelLines, printWheelTable, RawDebianSizes, wheelTableBody, type MeasuredInput, type RawWheelRow } from "./python-wheels-table";

// ---------------------------------------------------------------------------------------------------
// 1. Reading: the shapes of the research files (only what we use; extra fields are ignored).

const nstr = v.nullable(v.string());
const nnum = v.nullable(v.number());

const RawBaseImage = v.object({
  image: v.string(),
  tag: v.string(),
  variant: v.picklist(["full", "slim", "alpine", "os", "distroless", "dev"]),
  family: v.picklist(["debian", "alpine", "ubuntu", "wolfi"]),
  distro: nstr,
  osVersion: nstr,
  libc: v.nullable(v.picklist(["glibc", "musl"])),
  python: nstr,
  compressedBytes: nnum,
  diskBytes: nnum,
  hasCompiler: v.nullable(v.boolean()),
  date: nstr,
  diskImageIdMatch: v.nullable(v.boolean()),
  derivation: v.picklist(["read", "alias", "base-layer", "published"]),
  aliasOf: nstr,
  sourceRemote: nstr,
  sourceLocal: nstr,
  notes: nstr,
});
const RawBaseImageFile = v.object({
  source: v.object({ generatedAt: v.string() }),
  images: v.array(RawBaseImage),
});

const RawBuildNeeds = v.object({
  alpine: v.array(v.string()),
  debian: v.array(v.string()),
  alpineRuntime: v.array(v.string()),
  debianRuntime: v.array(v.string()),
  rust: v.boolean(),
  note: nstr,
});
const RawPythonPackage = v.object({
  name: v.string(),
  version: nstr,
  requires: v.array(v.string()),
  requiresSource: v.string(),
  pure: v.boolean(),
  wheelFile: nstr,
  wheelBytes: nnum,
  wheelSource: v.nullable(v.object({ kind: v.string(), repo: v.string(), commit: v.string(), path: v.string() })),
  musllinuxWheel: v.nullable(v.boolean()),
  musllinuxWheelBytes: v.optional(nnum, null),
  musllinuxFile: v.optional(nstr, null),
  sdistBytes: nnum,
  installedBytes: nnum,
  installedBasis: v.nullable(
    v.picklist(["estimate-wheel-x-ratio", "estimate-split", "debian-measured", "measured-local-build"]),
  ),
  installedNote: nstr,
  debian: v.nullable(
    v.record(v.string(), v.object({ packages: v.array(v.string()), version: v.string(), installedSizeKiB: v.number() })),
  ),
  buildNeeds: v.optional(v.nullable(RawBuildNeeds), null),
  alpineInstall: nstr,
  otherFacts: v.optional(v.object({ note: v.optional(v.string()) })),
});
const RawPythonFile = v.object({
  source: v.object({
    generated: v.string(),
    lockFiles: v.record(v.string(), v.object({ repo: v.string(), commit: v.string(), date: v.string() })),
  }),
  packages: v.array(RawPythonPackage),
});

const RawDebianPackage = v.object({
  package: v.string(),
  suite: v.picklist(["trixie", "bookworm"]),
  version: nstr,
  installedSizeKiB: nnum,
  closureOnSlimKiB: nnum,
  closurePackages: nnum,
  closureList: v.nullable(v.array(v.string())),
});
const RawAlpinePackage = v.object({
  package: v.string(),
  branch: nstr,
  arch: v.string(),
  installedBytes: nnum,
  url: nstr,
  note: nstr,
});
const RawSystemFile = v.object({
  source: v.object({
    generated: v.string(),
    debian: v.object({
      method: v.string(),
      baseApprox: v.object({
        trixie: v.object({ packages: v.number(), KiB: v.number() }),
        bookworm: v.object({ packages: v.number(), KiB: v.number() }),
      }),
    }),
    alpine: v.object({
      baseApprox: v.object({ alpine: v.string(), packages: v.number(), installedBytes: v.number(), source: v.string(), note: v.string() }),
      buildBaseClosure: v.object({
        method: v.string(),
        installedBytes: v.number(),
        parts: v.array(
          v.object({ package: v.string(), branch: nstr, arch: v.string(), installedBytes: v.number(), proxy: v.boolean() }),
        ),
        missing: v.array(v.string()),
        notes: v.array(v.string()),
      }),
    }),
  }),
  debian: v.array(RawDebianPackage),
  alpine: v.array(RawAlpinePackage),
});

type RawBaseImage = v.InferOutput<typeof RawBaseImage>;
type RawPythonPackage = v.InferOutput<typeof RawPythonPackage>;

export interface RawTables {
  readonly baseImages: v.InferOutput<typeof RawBaseImageFile>;
  readonly baseImages2019: v.InferOutput<typeof RawBaseImageFile>;
  readonly pythonPackages: v.InferOutput<typeof RawPythonFile>;
  readonly systemPackages: v.InferOutput<typeof RawSystemFile>;
  readonly pythonWheels: readonly RawWheelRow[];
  /** Not shared data: the repository's own small supplement (scripts/data/python-debian-sizes.json). */
  readonly debianPythonSizes: RawDebianSizes;
  /** The committed Debian release tables (made by scripts/debian-tables.ts from Debian's lists, not from
   *  the shared data): their text enters TABLES_VERSION, so a link notices when their numbers change. */
  readonly debianTables: readonly { readonly path: string; readonly content: string }[];
}

/** The research files this script reads, in the order their names appear in headers. */
export const DATA_FILES = {
  baseImages: "base-images.json",
  baseImages2019: "base-images-2019.json",
  pythonPackages: "python-packages.json",
  systemPackages: "system-packages.json",
  pythonWheels: "python-wheels.jsonl",
} as const;

function parseFile<S extends v.GenericSchema>(schema: S, dir: string, name: string): v.InferOutput<S> {
  const text = readFileSync(join(dir, name), "utf8");
  const result = v.safeParse(schema, JSON.parse(text) as unknown);
  if (!result.success) {
    const issues = result.issues.slice(0, 5).map((issue) => `${v.getDotPath(issue) ?? "(root)"}: ${issue.message}`);
    throw new Error(`${name} does not have the expected shape:\n  ${issues.join("\n  ")}`);
  }
  return result.output;
}

/** Reads and validates the four research files of `dir`. */
export function readRawTables(dir: string): RawTables {
  return {
    baseImages: parseFile(RawBaseImageFile, dir, DATA_FILES.baseImages),
    baseImages2019: parseFile(RawBaseImageFile, dir, DATA_FILES.baseImages2019),
    pythonPackages: parseFile(RawPythonFile, dir, DATA_FILES.pythonPackages),
    systemPackages: parseFile(RawSystemFile, dir, DATA_FILES.systemPackages),
    pythonWheels: parseWheelLines(readFileSync(join(dir, DATA_FILES.pythonWheels), "utf8")),
    debianPythonSizes: parseFile(RawDebianSizes, fileURLToPath(new URL("./data", import.meta.url)), "python-debian-sizes.json"),
    debianTables: readDebianTables(),
  };
}

/** The committed `debian-<release>.json` tables, in name order (empty where none is committed yet). */
function readDebianTables(): { path: string; content: string }[] {
  const dir = fileURLToPath(new URL(`../${OUTPUT_DIR}`, import.meta.url));
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => /^debian-[a-z]+\.json$/.test(f)).sort().map((f) => ({ path: `${OUTPUT_DIR}/${f}`, content: readFileSync(join(dir, f), "utf8") }));
}

// ---------------------------------------------------------------------------------------------------
// 2. Deriving rows.

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid];
  const lo = sorted[sorted.length % 2 === 0 ? mid - 1 : mid];
  if (hi === undefined || lo === undefined) throw new Error("median of an empty list");
  return (lo + hi) / 2;
}

/** Ratios are kept to 3 decimals: the on-disk figures they come from have only 4 significant digits. */
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

interface DiskRatioOut {
  group: string;
  ratio: number;
  rows: string[];
}

/**
 * Median disk/compressed ratio per group, from current-era rows that publish both sizes for the same build
 * (aliases skipped so a shared image counts once; `diskImageIdMatch: false` rows skipped because their
 * on-disk figure is of another build). Groups, most specific first: family/variant/distro,
 * family/variant, family. The README: "about 2.7 for Debian-based python images; use the family ratio".
 */
function diskRatios(images: readonly RawBaseImage[]): DiskRatioOut[] {
  const groups = new Map<string, { ratios: number[]; rows: string[] }>();
  for (const row of images) {
    if (row.derivation === "alias" || row.diskImageIdMatch === false) continue;
    if (row.diskBytes === null || row.compressedBytes === null) continue;
    const ratio = row.diskBytes / row.compressedBytes;
    for (const group of ratioGroups(row)) {
      const entry = groups.get(group) ?? { ratios: [], rows: [] };
      entry.ratios.push(ratio);
      entry.rows.push(`${row.image}:${row.tag}`);
      groups.set(group, entry);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([group, { ratios, rows }]) => ({ group, ratio: round3(median(ratios)), rows: [...rows].sort() }));
}

function ratioGroups(row: RawBaseImage): string[] {
  const groups = [`${row.family}/${row.variant}`, row.family];
  if (row.distro !== null) groups.unshift(`${row.family}/${row.variant}/${row.distro}`);
  // Last, the libc and variant: Ubuntu publishes no on-disk size for any tag, and its OS images are
  // .deb-built glibc file systems like Debian's (Alpine's busybox/musl images compress differently).
  if (row.libc !== null) groups.push(`libc:${row.libc}/${row.variant}`);
  // Then the libc alone: distroless and Chainguard publish only compressed sizes, and their images are
  // glibc file systems of Debian's or Wolfi's packages; without a figure the total left them out while the
  // pull size counted them (a plan said "16 kB on disk, 23 MB to pull").
  if (row.libc !== null) groups.push(`libc:${row.libc}`);
  return groups;
}

/**
 * Figures in the base-image research known to be wrong, replaced by "unknown". As with the package
 * corrections below, each names the exact value it replaces, so corrected data makes the generator stop.
 */
const BASE_IMAGE_CORRECTIONS: readonly { ref: string; compressedBytes: number; reason: string }[] = [
  {
    ref: "gcr.io/distroless/python3-debian12:latest",
    compressedBytes: 50_000_000,
    reason:
      "the published \"~50 MB\" is read as the on-disk size, not the pull size: the Installed-Size of the packages the " +
      "image holds sums to ~57 MB (see diskBasis), and a 50 MB pull would be a ~135 MB image; the pull size is unknown",
  },
];

/**
 * What distroless's python3 images hold, from its Bazel configuration: the `static` layer (base-files,
 * netbase, tzdata and ca-certificates' bundle), `base` (libc6, OpenSSL), `cc` (the GCC runtime) and the
 * python3 layer's packages. distroless unpacks each .deb whole, so the sum of their Debian Installed-Size
 * (from the committed release table) is the image's on-disk size, to what Installed-Size rounds (1 KiB a
 * package). distroless publishes no size of its own.
 */
const DISTROLESS_PYTHON_CONTENTS: readonly { image: string; release: DebianRelease; packages: readonly string[]; source: string }[] = [
  {
    image: "gcr.io/distroless/python3-debian12",
    release: "bookworm",
    packages: [
      "base-files", "netbase", "tzdata", "ca-certificates",
      "libc6", "libssl3",
      "libgomp1", "libstdc++6", "libgcc-s1", "gcc-12-base",
      "libbz2-1.0", "libdb5.3", "libexpat1", "liblzma5", "libsqlite3-0", "libuuid1", "libncursesw6", "libtinfo6",
      "python3-distutils", "zlib1g", "libcom-err2", "libcrypt1", "libgssapi-krb5-2", "libk5crypto3", "libkeyutils1",
      "libkrb5-3", "libkrb5support0", "libnsl2", "libreadline8", "libtirpc3", "libffi8",
      "libpython3.11-minimal", "libpython3.11-stdlib", "python3.11-minimal",
    ],
    source:
      "GoogleContainerTools/distroless@6c3a3ad900dcad1202479fe2055384c46c47ad5c:python3/config.bzl, " +
      "@34cde536eb6bd804203458de563ba597161de998:base/config.bzl and cc/config.bzl, " +
      "@057f0057e7cf1da576c12701cf0cd8bbe378ea48:base/base.bzl (static)",
  },
  {
    image: "gcr.io/distroless/python3-debian13",
    release: "trixie",
    packages: [
      "base-files", "netbase", "tzdata", "ca-certificates",
      "libc6", "libssl3t64", "libzstd1", "zlib1g",
      "libgomp1", "libstdc++6", "libgcc-s1", "gcc-14-base",
      "libbz2-1.0", "libdb5.3t64", "libexpat1", "liblzma5", "libsqlite3-0", "libuuid1", "libncursesw6", "libtinfo6",
      "libcom-err2", "libcrypt1", "libgssapi-krb5-2", "libk5crypto3", "libkeyutils1", "libkrb5-3",
      "libkrb5support0", "libnsl2", "libreadline8t64", "libtirpc3t64", "libffi8",
      "libpython3.13-minimal", "libpython3.13-stdlib", "python3.13-minimal", "python3.13-venv",
    ],
    source:
      "GoogleContainerTools/distroless@6c3a3ad900dcad1202479fe2055384c46c47ad5c:python3/config.bzl, " +
      "@34cde536eb6bd804203458de563ba597161de998:base/config.bzl and cc/config.bzl, " +
      "@057f0057e7cf1da576c12701cf0cd8bbe378ea48:base/base.bzl (static)",
  },
];

/** The on-disk size of an image made of whole Debian packages: the sum of their Installed-Size (KiB). */
function installedSizeOf(raw: RawTables, release: DebianRelease, packages: readonly string[]): { bytes: number; table: string } {
  const file = raw.debianTables.find((t) => t.path.endsWith(`/debian-${release}.json`));
  if (file === undefined) throw new Error(`no committed Debian ${release} table to size an image from`);
  const read = readDebianTableText(release, file.content);
  if (!read.ok) throw new Error(`${file.path}: ${read.error}`);
  let kib = 0;
  for (const name of packages) {
    const index = read.reader.find(name);
    const row = index === undefined ? undefined : read.reader.row(index);
    if (row?.kind !== "real") throw new Error(`${name} is not a package of Debian ${release}'s table (${file.path})`);
    kib += row.kib;
  }
  return { bytes: kib * 1024, table: file.path };
}

function baseImageRows(raw: RawTables, ratios: readonly DiskRatioOut[]): Record<string, unknown>[] {
  const byGroup = new Map(ratios.map((r) => [r.group, r]));
  for (const fix of BASE_IMAGE_CORRECTIONS) {
    const row = raw.baseImages.images.find((r) => `${r.image}:${r.tag}` === fix.ref);
    if (row?.compressedBytes !== fix.compressedBytes) {
      throw new Error(`base-image correction for ${fix.ref} replaces a value the data no longer has: review it`);
    }
  }
  const eras = [
    { era: "current", images: raw.baseImages.images },
    { era: "2019", images: raw.baseImages2019.images },
  ] as const;
  return eras.flatMap(({ era, images }) =>
    images.map((row) => {
      const ref = `${row.image}:${row.tag}`;
      const correction = era === "current" ? BASE_IMAGE_CORRECTIONS.find((c) => c.ref === ref) : undefined;
      const compressedBytes = correction === undefined ? row.compressedBytes : null;
      const contents = era === "current" && row.tag === "latest" && row.diskBytes === null
        ? DISTROLESS_PYTHON_CONTENTS.find((c) => c.image === row.image)
        : undefined;
      const installed = contents === undefined ? null : installedSizeOf(raw, contents.release, contents.packages);
      const ratio = ratioGroups(row).map((g) => byGroup.get(g)).find((r) => r !== undefined);
      const derive = installed === null && row.diskBytes === null && compressedBytes !== null && ratio !== undefined;
      const diskBasis = contents === undefined || installed === null
        ? null
        : `the Debian Installed-Size of the ${contents.packages.length} packages the image holds (${contents.source}), ` +
          `summed from ${installed.table}`;
      return {
        key: `${era}:${ref}`,
        ref,
        image: row.image,
        tag: row.tag,
        variant: row.variant,
        family: row.family,
        distro: row.distro,
        osVersion: row.osVersion,
        libc: row.libc,
        python: row.python,
        compressedBytes,
        diskBytes: installed !== null ? installed.bytes : derive && compressedBytes !== null ? Math.round(compressedBytes * ratio.ratio) : row.diskBytes,
        diskDerived: derive,
        diskRatio: derive ? ratio.ratio : null,
        diskBasis,
        debianPackages: contents === undefined ? null : [...contents.packages],
        hasCompiler: row.hasCompiler,
        aliasOf: row.aliasOf,
        era,
        derivation: row.derivation,
        date: row.date,
        sources: [row.sourceRemote, row.sourceLocal].filter((s): s is string => s !== null),
        notes: correction === undefined ? row.notes : `${row.notes ?? ""}${row.notes === null ? "" : "; "}pull size removed: ${correction.reason}`,
      };
    }),
  );
}

/**
 * Values in the research data that are known to be wrong, replaced by "unknown" (never by a guess).
 * Each entry matches the exact wrong value, so a corrected data file makes the generator stop and ask
 * for the entry to be removed instead of silently overriding a new number.
 */
const PYTHON_PACKAGE_CORRECTIONS: readonly { name: string; installedBytes: number; reason: string }[] = [
  {
    name: "h5py",
    installedBytes: 6255,
    reason:
      "installed size unknown: the data's 6,255 B was measured on Debian's python3-h5py, which is nearly empty " +
      "(the code ships in its dependency python3-h5py-serial, see requiresSource), so it is not used",
  },
];

/**
 * Installed sizes that users measured and published, for rows whose installed size in the research data is
 * an estimate. Each replaces the estimate by the measured installed ÷ wheel ratio times the row's own wheel
 * (the measured version is another one), and, like a correction, names the exact value it replaces.
 */
const PUBLISHED_MEASUREMENTS: readonly {
  name: string;
  replaces: number;
  version: string;
  wheel: string;
  wheelBytes: number;
  installedBytes: number;
  how: string;
}[] = [
  {
    name: "torch",
    // The research's split estimate took the .so compressibility of Debian's CPU-only libtorch (3.23); the CUDA
    // kernels in PyPI's build compress far less, as its own note feared.
    replaces: 1_745_084_968,
    version: "2.5.1",
    wheel: "torch-2.5.1-cp312-cp312-manylinux1_x86_64.whl",
    wheelBytes: 906_389_343,
    // `du -h` printed 1.7G: 1.7 GiB, read to ±3%.
    installedBytes: Math.round(1.7 * 1024 ** 3),
    how:
      "`du -h` of a CPython 3.12 venv's site-packages/torch: 1.7G (torch/lib 1.6G; the nvidia-* wheels 2.7G beside it), " +
      "n1teshy/py-listener#4, 2024-12-30, when 2.5.1 was the newest torch; Open-EO/openeo-geopyspark-driver#234 " +
      "measured torch 1.12.1 at 1,638,916,353 B, about 2.1 × that era's wheel",
  },
];

function pythonPackageRows(raw: RawTables): Record<string, unknown>[] {
  const { source, packages } = raw.pythonPackages;
  const lockDates = new Map(Object.values(source.lockFiles).map((lock) => [`${lock.repo}@${lock.commit}`, lock.date]));
  for (const fix of PYTHON_PACKAGE_CORRECTIONS) {
    const row = packages.find((p) => p.name === fix.name);
    if (row?.installedBytes !== fix.installedBytes) {
      throw new Error(`correction for ${fix.name} no longer matches the data: review and remove it`);
    }
  }
  for (const m of PUBLISHED_MEASUREMENTS) {
    if (packages.find((p) => p.name === m.name)?.installedBytes !== m.replaces) {
      throw new Error(`published measurement for ${m.name} replaces a value the data no longer has: review it`);
    }
  }
  return [...packages]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((pkg) => {
      const fix = PYTHON_PACKAGE_CORRECTIONS.find((c) => c.name === pkg.name);
      const unknown = fix !== undefined || pkg.installedBasis === null;
      const { text, date } = pythonSource(pkg, lockDates, source.generated, unknown);
      const published = PUBLISHED_MEASUREMENTS.find((m) => m.name === pkg.name);
      const ratio = published === undefined ? null : published.installedBytes / published.wheelBytes;
      const installedBytes = published !== undefined && ratio !== null && pkg.wheelBytes !== null ? Math.round(pkg.wheelBytes * ratio) : pkg.installedBytes;
      const installedNote = published !== undefined && ratio !== null
        ? `native-lib wheel: installed = wheel × ${ratio.toFixed(3)}, the ratio published for ${published.wheel} (${published.installedBytes} B installed): ${published.how}`
        : pkg.installedNote;
      return {
        name: pkg.name,
        version: pkg.version,
        requires: pkg.requires,
        requiresVerified: !pkg.requiresSource.includes("knowledge"),
        pure: pkg.pure,
        wheelFile: pkg.wheelFile,
        wheelBytes: pkg.wheelBytes,
        musllinuxWheel: pkg.musllinuxWheel,
        musllinuxWheelBytes: pkg.musllinuxWheelBytes,
        sdistBytes: pkg.sdistBytes,
        installedBytes: unknown ? null : installedBytes,
        installedBasis: unknown ? "unknown" : published !== undefined ? "measured-published" : pkg.installedBasis,
        installedNote: fix !== undefined ? fix.reason : unknown ? unknownInstalledNote(pkg) : installedNote,
        buildNeeds: pkg.buildNeeds,
        alpineInstall: pkg.alpineInstall,
        source: text,
        date,
      };
    });
}

function pythonSource(
  pkg: RawPythonPackage,
  lockDates: ReadonlyMap<string, string>,
  generated: string,
  unknown: boolean,
): { text: string; date: string | null } {
  const wheel = pkg.wheelSource;
  if (wheel !== null) {
    return { text: `${wheel.repo}@${wheel.commit}:${wheel.path}`, date: lockDates.get(`${wheel.repo}@${wheel.commit}`) ?? null };
  }
  if (unknown) return { text: `no size source found; requires from: ${pkg.requiresSource}`, date: null };
  if (pkg.installedBasis === "debian-measured" && pkg.debian?.["trixie"] !== undefined) {
    const deb = pkg.debian["trixie"];
    return { text: `Debian trixie ${deb.packages.join("+")}=${deb.version}: .deb payload + .pyc measured`, date: generated };
  }
  if (pkg.installedBasis === "measured-local-build") return { text: "local build measured by the size research", date: generated };
  return { text: `no size source found; requires from: ${pkg.requiresSource}`, date: null };
}

/** Says what is known about a package whose size is not: hints, never numbers the estimate would use. */
function unknownInstalledNote(pkg: RawPythonPackage): string {
  const hints = ["installed size unknown: no wheel size or measured build was found"];
  const otherNote = pkg.otherFacts?.note;
  if (otherNote !== undefined) hints.push(otherNote);
  for (const [suite, deb] of Object.entries(pkg.debian ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    hints.push(`Debian ${suite} ${deb.packages.join("+")}=${deb.version} Installed-Size ${deb.installedSizeKiB} KiB (no .pyc)`);
  }
  return hints.join("; ");
}

function debianRows(raw: RawTables): Record<string, unknown>[] {
  const { source, debian } = raw.systemPackages;
  return debian.map((row) => ({
    key: `${row.suite}:${row.package}`,
    package: row.package,
    suite: row.suite,
    version: row.version,
    installedSizeKiB: row.installedSizeKiB,
    closureOnSlimKiB: row.closureOnSlimKiB,
    closurePackages: row.closurePackages,
    closureList: row.closureList,
    source: `Debian ${row.suite} archive: apt-cache show; closure by apt-get install -s --no-install-recommends on a python:3.12-slim approximation`,
    date: source.generated,
  }));
}

function alpineRows(raw: RawTables): Record<string, unknown>[] {
  return raw.systemPackages.alpine.map((row) => ({
    key: `${row.package}@${row.branch ?? "?"}/${row.arch}`,
    package: row.package,
    branch: row.branch,
    arch: row.arch,
    installedBytes: row.installedBytes,
    proxy: row.arch !== "x86_64",
    url: row.url,
    note: row.note === "" ? null : row.note,
    source: row.url ?? "not found (pkgs.alpinelinux.org pages, repo-info apk lists) within the research's look-up budget",
    date: /\bbuilt (\d{4}-\d{2}-\d{2})\b/.exec(row.note ?? "")?.[1] ?? null,
  }));
}

/**
 * The row findAlpinePackage prefers: x86_64, then the newest branch, then x86 among proxies. Mirrors
 * preferredAlpineRow in src/engine/knowledge/system-packages.ts (not imported: that module loads the
 * generated tables this script writes); a test checks the two agree.
 */
function preferredAlpine(rows: readonly Record<string, unknown>[]): Map<string, Record<string, unknown>> {
  const branchRank = (b: unknown): number => {
    if (b === "edge") return 999_999; // above any vX.Y (X * 1000 + Y)
    const m = typeof b === "string" ? /^v(\d+)\.(\d+)$/.exec(b) : null;
    return m ? Number(m[1]) * 1000 + Number(m[2]) : -1;
  };
  const best = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    if (row["installedBytes"] === null) continue;
    const name = String(row["package"]);
    const current = best.get(name);
    const score = (r: Record<string, unknown>): number =>
      (r["proxy"] === false ? 1e12 : 0) + branchRank(r["branch"]) * 10 + (r["arch"] === "x86" ? 1 : 0);
    if (current === undefined || score(row) > score(current)) best.set(name, row);
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------
// 3. Printing TypeScript literals: one row over a few lines, wrapped at WIDTH, byte-for-byte stable.

const WIDTH = 110;
type Lit = string | number | boolean | null | readonly Lit[] | { readonly [key: string]: Lit };

function isLitObject(value: Lit): value is { readonly [key: string]: Lit } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const keyText = (key: string): string => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key));

function inline(value: Lit): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(", ")}]`;
  if (isLitObject(value)) {
    const entries = Object.entries(value);
    return entries.length === 0 ? "{}" : `{ ${entries.map(([k, x]) => `${keyText(k)}: ${inline(x)}`).join(", ")} }`;
  }
  return JSON.stringify(value);
}

/**
 * `value` printed where `column` characters of its line are taken (`indent` of them indentation), filling
 * lines with items and breaking arrays and objects that do not fit; a broken value closes at `indent`.
 */
function format(value: Lit, indent: number, column = indent): string {
  const flat = inline(value);
  // +1: the comma that follows every item.
  if (column + flat.length + 1 <= WIDTH || (!Array.isArray(value) && !isLitObject(value))) return flat;
  const inner = indent + 2;
  const items = Array.isArray(value)
    ? value.map((x) => format(x, inner))
    : Object.entries(value).map(([k, x]) => `${keyText(k)}: ${format(x, inner, inner + keyText(k).length + 2)}`);
  const pad = " ".repeat(inner);
  const lines: string[] = [];
  let line = "";
  for (const item of items) {
    const multi = item.includes("\n");
    if (line !== "" && (multi || inner + line.length + 1 + item.length + 1 > WIDTH)) {
      lines.push(line);
      line = "";
    }
    line = line === "" ? `${item},` : `${line} ${item},`;
    if (multi) {
      lines.push(line);
      line = "";
    }
  }
  if (line !== "") lines.push(line);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  return `${open}\n${lines.map((l) => pad + l).join("\n")}\n${" ".repeat(indent)}${close}`;
}

function header(files: readonly string[]): string {
  return [
    `// Generated by scripts/generate-tables.ts from ${files.join(", ")} (the shared size research data).`,
    "// Do not edit: change the data or the script, then run `npm run tables -- <data-dir>`.",
    "",
  ].join("\n");
}

function constant(name: string, value: Lit, type: string, doc: string): string {
  return `/** ${doc} */\nexport const ${name} = ${format(value, 0, WIDTH)} as const satisfies ${type};\n`;
}

const asLit = (value: unknown): Lit => value as Lit;

// ---------------------------------------------------------------------------------------------------
// Putting it together.

export interface GeneratedFile {
  /** Path relative to the repository root. */
  readonly path: string;
  readonly content: string;
}

export const OUTPUT_DIR = "src/engine/knowledge/data";

/** Pure: the generated files for `raw`, in a fixed order. */
export function generateTables(raw: RawTables): GeneratedFile[] {
  const ratios = diskRatios(raw.baseImages.images);
  const baseImages = [
    header([DATA_FILES.baseImages, DATA_FILES.baseImages2019]),
    'import type { BaseImageRow, DiskRatio } from "../types";\n',
    constant("BASE_IMAGES", asLit(baseImageRows(raw, ratios)), "readonly BaseImageRow[]",
      "Base images, linux/amd64: pull (compressed) and on-disk bytes per tag, current and 2019-era builds."),
    constant("DISK_RATIOS", asLit(ratios), "readonly DiskRatio[]",
      "Median disk/compressed ratios (same-build current rows, aliases once) used to derive missing disk sizes."),
  ].join("\n");

  const pkgRows = pythonPackageRows(raw);
  const pythonPackages = [
    header([DATA_FILES.pythonPackages]),
    'import type { PythonPackageRow, UnknownPythonPackage } from "../types";\n',
    constant("PYTHON_PACKAGES", asLit(pkgRows), "readonly PythonPackageRow[]",
      "Popular PyPI projects for CPython 3.12 x86_64: wheel, sdist and installed (with .pyc) bytes, requires, build needs."),
    constant("UNKNOWN_PYTHON_PACKAGE", asLit(unknownPython(raw, pkgRows)), "UnknownPythonPackage",
      "Default sizes for a package missing from the table, flagged wherever used."),
  ].join("\n");

  const alpine = alpineRows(raw);
  const debian = debianRows(raw);
  const systemPackages = [
    header([DATA_FILES.systemPackages]),
    'import type {\n  AlpineBaseApprox, AlpineBuildBaseClosure, AlpinePackageRow, DebianBaseApprox, DebianPackageRow,\n  UnknownSystemPackage,\n} from "../types";\n',
    constant("DEBIAN_PACKAGES", asLit(debian), "readonly DebianPackageRow[]",
      "Debian trixie/bookworm packages: own Installed-Size and the closure they add on python:3.12-slim."),
    constant("ALPINE_PACKAGES", asLit(alpine), "readonly AlpinePackageRow[]",
      "Alpine packages: apk installed size per branch/arch (non-x86_64 rows are proxies)."),
    constant("ALPINE_BUILD_BASE_CLOSURE", asLit(buildBaseClosure(raw)), "AlpineBuildBaseClosure",
      "`apk add build-base` on alpine 3.23/3.24: a sum of found parts, not an apk resolution."),
    constant("DEBIAN_SLIM_BASE", asLit(debianBase(raw)), "readonly DebianBaseApprox[]",
      "The fake dpkg status the Debian closures were computed against (python:3.12-slim approximation)."),
    constant("ALPINE_BASE", asLit(raw.systemPackages.source.alpine.baseApprox), "AlpineBaseApprox",
      "Bare alpine's packages, summed (supports reading repo-info Virtual Size in decimal units)."),
    constant("UNKNOWN_SYSTEM_PACKAGE", asLit(unknownSystem(raw, debian, alpine)), "UnknownSystemPackage",
      "Default sizes for a system package missing from the table, flagged wherever used."),
  ].join("\n");

  const tables: GeneratedFile[] = [
    { path: `${OUTPUT_DIR}/base-images.ts`, content: baseImages },
    { path: `${OUTPUT_DIR}/python-packages.ts`, content: pythonPackages },
    { path: `${OUTPUT_DIR}/system-packages.ts`, content: systemPackages },
  ];
  const wheelBody = wheelTableBody({
    rows: raw.pythonWheels,
    measured: raw.pythonPackages.packages.map((pkg) => measuredInput(pkg, pkgRows.find((r) => r["name"] === pkg.name))),
    lockDates: lockDates(raw),
    compareVersions: safeCompare,
    generated: raw.pythonPackages.source.generated,
    debian: raw.debianPythonSizes,
  });
  const hash = createHash("sha256");
  for (const file of tables) hash.update(`${file.path}\0${file.content}\0`);
  hash.update(`${WHEEL_TABLE}\0${JSON.stringify(wheelBody)}\0`);
  for (const file of raw.debianTables) hash.update(`${file.path}\0${file.content}\0`);
  const version = `${dataDate(raw)}.${hash.digest("hex").slice(0, 8)}`;
  const versionFile = [
    header(Object.values(DATA_FILES)),
    "/** Identifies the numbers above: <newest data date>.<first 8 hex of sha256 over the generated tables>. */",
    `export const TABLES_VERSION = ${JSON.stringify(version)};\n`,
  ].join("\n");
  return [
    ...tables,
    { path: WHEEL_TABLE, content: printWheelTable(version, wheelBody) },
    { path: `${OUTPUT_DIR}/tables-version.ts`, content: versionFile },
  ];
}

/** The wheel table is data (JSON), fetched by the worker and read by the CLI, not bundled code. */
export const WHEEL_TABLE = `${OUTPUT_DIR}/python-wheels.json`;

function lockDates(raw: RawTables): Map<string, string> {
  return new Map(Object.values(raw.pythonPackages.source.lockFiles).map((lock) => [`${lock.repo}@${lock.commit}`, lock.date]));
}

/** PEP 440 order; a version the library cannot parse sorts as a string (never throws on odd data). */
function safeCompare(a: string, b: string): number {
  try {
    return comparePep440(a, b);
  } catch {
    return a < b ? -1 : a > b ? 1 : 0;
  }
}

/** A measured row as the wheel table needs it: the raw research row with the generator's corrections. */
function measuredInput(pkg: RawPythonPackage, row: Record<string, unknown> | undefined): MeasuredInput {
  const installed = row?.["installedBytes"];
  const note = row?.["installedNote"];
  const date = row?.["date"];
  return {
    name: pkg.name,
    version: pkg.version,
    requires: pkg.requires,
    pure: pkg.pure,
    wheelFile: pkg.wheelFile,
    wheelBytes: pkg.wheelBytes,
    musllinuxFile: pkg.musllinuxFile,
    musllinuxWheelBytes: pkg.musllinuxWheelBytes,
    sdistBytes: pkg.sdistBytes,
    installedBytes: typeof installed === "number" ? installed : null,
    installedNote: typeof note === "string" ? note : null,
    source: String(row?.["source"] ?? "python-packages.json"),
    date: typeof date === "string" ? date : null,
  };
}

function dataDate(raw: RawTables): string {
  return [
    raw.baseImages.source.generatedAt,
    raw.baseImages2019.source.generatedAt,
    raw.pythonPackages.source.generated,
    raw.systemPackages.source.generated,
  ].sort().at(-1) ?? "unknown";
}

function unknownPython(raw: RawTables, rows: readonly Record<string, unknown>[]): Record<string, unknown> {
  const pure = rows.filter(
    (r) => r["pure"] === true && typeof r["installedBytes"] === "number" && typeof r["wheelBytes"] === "number",
  );
  const installed = Math.round(median(pure.map((r) => Number(r["installedBytes"]))));
  const wheel = Math.round(median(pure.map((r) => Number(r["wheelBytes"]))));
  const how =
    `median over the ${pure.length} pure-Python rows of ${DATA_FILES.pythonPackages} that have both a wheel size ` +
    "and an installed size (each median taken separately); a typical small pure package, so a large or compiled " +
    "unknown package (ML, native libraries) is underestimated: the app flags it and lets the user override";
  return {
    key: "unknown-python-package",
    installedBytes: installed,
    wheelBytes: wheel,
    how,
    source: {
      table: "assumption",
      key: "unknown-python-package",
      source: "scripts/generate-tables.ts (median of the python-packages table)",
      date: raw.pythonPackages.source.generated,
      note: "default for a package not in the table (see how)",
    },
  };
}

function unknownSystem(
  raw: RawTables,
  debian: readonly Record<string, unknown>[],
  alpine: readonly Record<string, unknown>[],
): Record<string, unknown> {
  const trixie = debian
    .filter((r) => r["suite"] === "trixie" && typeof r["closureOnSlimKiB"] === "number")
    .map((r) => Number(r["closureOnSlimKiB"]));
  const apk = [...preferredAlpine(alpine).values()].map((r) => Number(r["installedBytes"]));
  const how =
    `Debian: median closure over the ${trixie.length} trixie rows of ${DATA_FILES.systemPackages} ` +
    `(KiB × 1024); Alpine: median installed size over the ${apk.length} Alpine packages with a figure ` +
    "(x86_64 and newest branch preferred, dependencies not included). The table leans to build tools and " +
    "-dev packages, so this is a rough default the user can override";
  return {
    key: "unknown-system-package",
    debianClosureBytes: Math.round(median(trixie) * 1024),
    alpineInstalledBytes: Math.round(median(apk)),
    how,
    source: {
      table: "assumption",
      key: "unknown-system-package",
      source: "scripts/generate-tables.ts (medians of the system-packages table)",
      date: raw.systemPackages.source.generated,
      note: "default for a system package not in the table (see how)",
    },
  };
}

function buildBaseClosure(raw: RawTables): Record<string, unknown> {
  const closure = raw.systemPackages.source.alpine.buildBaseClosure;
  return {
    installedBytes: closure.installedBytes,
    parts: closure.parts,
    missing: closure.missing,
    method: closure.method,
    notes: closure.notes,
    source: "pkgs.alpinelinux.org package pages and docker-library/repo-info apk lists (rows of ALPINE_PACKAGES)",
    date: raw.systemPackages.source.generated,
  };
}

function debianBase(raw: RawTables): Record<string, unknown>[] {
  const { baseApprox, method } = raw.systemPackages.source.debian;
  return (["trixie", "bookworm"] as const).map((suite) => ({
    suite,
    packages: baseApprox[suite].packages,
    kib: baseApprox[suite].KiB,
    method,
    date: raw.systemPackages.source.generated,
  }));
}

/** Writes the generated files under `root`; returns their paths and sizes. */
export function writeTables(files: readonly GeneratedFile[], root: string): { path: string; bytes: number }[] {
  return files.map((file) => {
    const target = join(root, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
    return { path: file.path, bytes: Buffer.byteLength(file.content) };
  });
}

function main(argv: readonly string[]): void {
  const dir = argv[0];
  if (dir === undefined) {
    console.error("usage: npm run tables -- <data-dir>   (the folder holding base-images.json and the others)");
    process.exitCode = 2;
    return;
  }
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const files = generateTables(readRawTables(resolve(dir)));
  for (const { path, bytes } of writeTables(files, root)) {
    // The JSON is fetched by the browser: its transfer (gzip) size is the number that matters (issue 8: ≤ 2 MB).
    const content = path.endsWith(".json") ? files.find((f) => f.path === path)?.content : undefined;
    console.log(`${path}  ${bytes} bytes${content === undefined ? "" : `, ${gzipSync(content, { level: 9 }).length} gzip`}`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2));
}
