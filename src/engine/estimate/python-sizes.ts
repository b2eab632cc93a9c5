// What one Python package costs in a stage: installed bytes for the stage's libc, the .pyc part, the
// bytes pip's (or uv's) cache keeps, and whether Alpine has to build it from source. Every number cites
// its table row or the named assumption it rests on.
import { findPackage, findPythonPackage, installedSize, normalizePackageName, optionalExtension, pythonTable, sourceBuildSystemNeeds, sourceOnlyCompiled, UNKNOWN_PYTHON_PACKAGE, type PackageFacts, type Platform } from "../knowledge";
import type { PythonPackageRow, SourceRef } from "../knowledge/types";
import { LEGACY_TORCH_WHEEL_BYTES } from "../knowledge/find-package";
import { LruCache } from "../cache/lru";
import { ASSUMPTIONS, LEGACY_TORCH_INSTALLED_BYTES, TORCH_CPU } from "./assumptions";
import { isCpuBuildSpecifier } from "./torch-index";

export interface PackageCost {
  readonly name: string;
  readonly label: string;
  /** Installed bytes as this install writes them (with .pyc unless not compiled). */
  readonly installedBytes: number;
  readonly pycBytes: number;
  /** Bytes the installer's cache keeps (downloaded wheels, built wheels). */
  readonly cacheBytes: number;
  /** Compressed wheel bytes, for wheels built into a directory. */
  readonly wheelBytes: number;
  /** No wheel for the stage's libc (no musllinux wheel on Alpine; no manylinux wheel at all): pip compiles it. */
  readonly buildsFromSource: boolean;
  /** Neither a musllinux wheel nor a usable sdist exists. */
  readonly notInstallable: boolean;
  readonly row: PythonPackageRow | null;
  /** The wheel-table facts (version chosen, wheel picked), when the wheel table holds the project. */
  readonly facts: PackageFacts | null;
  /** Neither table holds it and no size was set by the user: weighed by the unknown-package default. */
  readonly unknown: boolean;
  readonly sources: readonly SourceRef[];
  readonly assumptions: readonly string[];
}

export interface CostOptions {
  readonly libc: "glibc" | "musl";
  /** Whether .pyc files are written (pip: unless --no-compile; uv: only with --compile-bytecode). */
  readonly compile: boolean;
  readonly installer: "pip" | "uv";
  /** The image the wheel is chosen for; without it, CPython 3.12 glibc x86_64 (the bundled table's target). */
  readonly platform?: Platform;
  /** The specifier requested (`==1.2`, `>=2,<3`), or null for the newest version. */
  readonly specifier?: string | null;
  /** Installed bytes the user set per package name (settings.packageSizes). */
  readonly overrides?: Readonly<Record<string, number>>;
  /** The wheel a lock file (uv.lock) records for this platform: its exact bytes, and whether it is pure
   *  Python (`-any.whl`; null when not known); null without one. */
  readonly lockedWheel?: LockedWheelFacts | null;
  /** The install reads PyTorch's CPU index (torch-index.ts): torch is its CPU build. */
  readonly torchCpu?: boolean;
}

const DEFAULT_PLATFORM: Platform = { python: "3.12", libc: "glibc", arch: "x86_64", glibcMinor: null };

/** Ratio of installed to wheel bytes used when a wheel size is unknown (python-package data, `ratios`). */
export const PURE_RATIO = 7.37;
export const COMPILED_RATIO = 4.022;

export interface LockedWheelFacts {
  readonly bytes: number;
  readonly pure: boolean | null;
}

/** A package the tables lack, weighed from the wheel its lock file records. */
function lockedUnknownCost(name: string, normalized: string, wheelBytes: number, options: CostOptions): PackageCost {
  const pure = options.lockedWheel?.pure !== false;
  const ratio = pure ? PURE_RATIO : COMPILED_RATIO;
  const installed = Math.round(wheelBytes * ratio);
  const pyc = pure ? Math.round(installed - installed / ASSUMPTIONS.noCompilePure.value) : 0;
  const assumptions: string[] = [];
  if (!options.compile && pure) assumptions.push(options.installer === "uv" ? ASSUMPTIONS.uvLayout.id : ASSUMPTIONS.noCompilePure.id);
  return {
    name,
    label: `${name} (not in the tables; sized from its locked wheel)`,
    installedBytes: options.compile ? installed : installed - pyc,
    pycBytes: options.compile ? pyc : 0,
    cacheBytes: options.installer === "uv" ? installed - pyc : wheelBytes,
    wheelBytes,
    buildsFromSource: sourceOnlyCompiled(normalized) !== null,
    notInstallable: false,
    row: null,
    facts: null,
    unknown: true,
    sources: [{ table: "assumption", key: "locked-wheel-unknown-package", source: `the ${wheelBytes} B ${pure ? "pure" : "compiled"} wheel the lock file records × ${ratio}, the median installed ÷ wheel ratio of ${pure ? "pure" : "compiled"} packages in the package data`, date: null }],
    assumptions,
  };
}

export function assumptionSource(id: string, text: string): SourceRef {
  return { table: "assumption", key: id, source: text, date: null };
}

/** A compiled package with no Linux wheel at all (psycopg2, mysqlclient): pip builds it from the sdist on
 *  Debian too. The table records no manylinux wheel, no musllinux wheel, and an sdist build on Alpine;
 *  a missing wheel alone is not enough, as many rows lack a wheel size only because no lock file had it. */
export function buildsFromSourceOnGlibc(row: PythonPackageRow): boolean {
  return !row.pure && optionalExtension(row.name) === null && row.wheelFile === null && row.musllinuxWheel === false && (row.alpineInstall ?? "").startsWith("compile from sdist");
}

// Costs by everything they are computed from (issue 13): a plan weighs the same packages for the same
// stages after every step, and choosing the version and wheel (findPackage: PEP 440 matching over every
// release) was ~4% of a corpus plan. The answer depends on the name, the options and the installed wheel
// table (its identity: installing a table again starts afresh); the hand-made rows are constant. The cost
// is read-only data, shared by the analyses that ask. Bounds: a corpus file installs tens of packages per
// stage; 4,096 costs hold a session's worth, and a key is ~100 characters (a specifier may be long: 1 Mi
// characters bounds pathological ones).
const costs = new LruCache<PackageCost>({ maxEntries: 4096, maxKeyChars: 1024 * 1024 });
const tableIds = new WeakMap<object, number>();
let nextTableId = 0;

/** The cost of installing `name` with `options`: each field of both is part of the key. */
export function packageCost(name: string, options: CostOptions): PackageCost {
  const table = pythonTable();
  let tableId = -1;
  if (table !== null) {
    tableId = tableIds.get(table) ?? nextTableId++;
    tableIds.set(table, tableId);
  }
  const p = options.platform;
  const key = [
    tableId, name, options.libc, options.compile, options.installer,
    p === undefined ? "-" : `${p.python}/${p.libc}/${p.arch}/${p.glibcMinor ?? "-"}`,
    options.specifier == null ? "-" : `=${options.specifier}`, options.lockedWheel == null ? "-" : `${options.lockedWheel.bytes}/${String(options.lockedWheel.pure)}`, options.torchCpu === true, JSON.stringify(options.overrides ?? {}),
  ].join("\u0000");
  return costs.getOrCompute(key, () => packageCostUncached(name, options));
}

/** packageCost computed afresh, without the cache (what the cache must answer; tests compare the two). */
export function packageCostUncached(name: string, options: CostOptions): PackageCost {
  const row = findPythonPackage(name);
  const normalized = row?.name ?? normalizePackageName(name);
  // Keys as the user typed them (`Foo_Bar`) match their PEP 503 form.
  const override = Object.entries(options.overrides ?? {}).find(([key]) => normalizePackageName(key) === normalized)?.[1];
  if (override !== undefined && Number.isFinite(override) && override >= 0) return overrideCost(normalized, override, options, row);
  const fromTable = wheelTableCost(name, row, options);
  if (fromTable !== null) return torchCpuCost(legacyTorchCost(fromTable, options), options);
  const assumptions: string[] = [];
  if (row === null || row.installedBytes === null) {
    const unknown = UNKNOWN_PYTHON_PACKAGE;
    // A lock that records the wheel (uv.lock) gives its exact bytes: installed = wheel × the median ratio of
    // its kind (pure for `-any.whl`, else compiled) rather than the table's median package.
    const locked = options.lockedWheel?.bytes ?? null;
    if (locked !== null && locked > 0) return lockedUnknownCost(name, normalized, locked, options);
    // Read as the typical pure package it stands for: its installed size counts the .pyc pip writes, which
    // an install that does not compile (uv's default, --no-compile) leaves out, as for a pure row.
    const installed = unknown.installedBytes;
    const pyc = Math.round(installed - installed / ASSUMPTIONS.noCompilePure.value);
    if (!options.compile) assumptions.push(options.installer === "uv" ? ASSUMPTIONS.uvLayout.id : ASSUMPTIONS.noCompilePure.id);
    return {
      name,
      label: `${name} (not in the tables)`,
      installedBytes: options.compile ? installed : installed - pyc,
      pycBytes: options.compile ? pyc : 0,
      cacheBytes: options.installer === "uv" ? installed - pyc : unknown.wheelBytes,
      wheelBytes: unknown.wheelBytes,
      // A project known to ship only C/C++ sources compiles, whatever else is unknown about it.
      buildsFromSource: sourceOnlyCompiled(normalized) !== null,
      notInstallable: false,
      row,
      facts: null,
      unknown: true,
      sources: [unknown.source],
      assumptions: [unknown.key, ...assumptions],
    };
  }
  const sources: SourceRef[] = [{ table: "python-packages", key: row.name, source: row.source, date: row.date }];
  let installed = row.installedBytes;
  let wheel = row.wheelBytes;
  let buildsFromSource = false;
  let notInstallable = false;
  if (options.libc === "musl" && !row.pure && optionalExtension(row.name) === null) {
    if (row.musllinuxWheel === true) {
      if (row.musllinuxWheelBytes !== null && row.wheelBytes !== null && row.wheelBytes > 0) {
        installed = Math.round(installed * (row.musllinuxWheelBytes / row.wheelBytes));
        assumptions.push(ASSUMPTIONS.muslScaling.id);
      }
      wheel = row.musllinuxWheelBytes ?? wheel;
    } else {
      buildsFromSource = true;
      notInstallable = (row.alpineInstall ?? "").startsWith("no musl wheel, no usable sdist");
    }
  }
  if (options.libc === "glibc" && buildsFromSourceOnGlibc(row)) buildsFromSource = true;
  if (wheel === null) {
    wheel = Math.round(installed / (row.pure ? PURE_RATIO : COMPILED_RATIO));
    assumptions.push(ASSUMPTIONS.wheelFromInstalled.id);
  }
  // The .pyc share is only known for pure packages (installed ÷ 1.9 without them); a compiled package's
  // share is not in the tables, so --no-compile is not credited for it.
  const pyc = row.pure ? installed - installed / ASSUMPTIONS.noCompilePure.value : 0;
  if (!options.compile && row.pure) assumptions.push(options.installer === "uv" ? ASSUMPTIONS.uvLayout.id : ASSUMPTIONS.noCompilePure.id);
  const installedBytes = Math.round(options.compile ? installed : installed - pyc);
  // pip caches the downloaded wheel (and, for a source build, the sdist plus the wheel it built); uv's cache
  // holds the unpacked wheel.
  const cacheBytes = options.installer === "uv" ? Math.round(installed - pyc) : wheel + (buildsFromSource ? (row.sdistBytes ?? 0) : 0);
  if (options.installer === "uv") assumptions.push(ASSUMPTIONS.uvLayout.id);
  return torchCpuCost({
    name: row.name,
    label: row.version === null ? row.name : `${row.name} ${row.version}`,
    installedBytes,
    pycBytes: options.compile ? Math.round(pyc) : 0,
    cacheBytes,
    wheelBytes: wheel,
    buildsFromSource,
    notInstallable,
    row,
    facts: null,
    unknown: false,
    sources,
    assumptions,
  }, options);
}

/**
 * torch pinned before 1.13 on x86_64 (find-package.ts gives its facts): one wheel with CUDA inside, which
 * no table row measures; weighed by the published measurement the torch-bundled-cuda assumption names.
 */
function legacyTorchCost(cost: PackageCost, options: CostOptions): PackageCost {
  if (cost.facts?.legacyTorch === undefined) return cost;
  const installed = LEGACY_TORCH_INSTALLED_BYTES;
  return {
    ...cost,
    installedBytes: installed,
    pycBytes: 0,
    cacheBytes: options.installer === "uv" ? installed : LEGACY_TORCH_WHEEL_BYTES,
    wheelBytes: LEGACY_TORCH_WHEEL_BYTES,
    sources: [assumptionSource(ASSUMPTIONS.torchBundledCuda.id, ASSUMPTIONS.torchBundledCuda.text), ...cost.sources],
    assumptions: [...cost.assumptions.filter((id) => id !== ASSUMPTIONS.packageRatio.id), ASSUMPTIONS.torchBundledCuda.id],
  };
}

/**
 * torch from PyTorch's CPU index, or pinned at a `+cpu` version (a lock file's, or `-f …/torch_stable.html`),
 * on x86_64: the tables hold only PyPI's CUDA build (the `+cpu` rows have no sizes), so the CPU build is
 * weighed by the published measurement the torch-cpu-build assumption names. The version stays the one
 * the table chose. On aarch64 PyPI's own wheel is the CPU build, which the table weighs already.
 */
function torchCpuCost(cost: PackageCost, options: CostOptions): PackageCost {
  const cpu = options.torchCpu === true || isCpuBuildSpecifier(options.specifier ?? null);
  if (!cpu || cost.name !== "torch" || cost.unknown || (options.platform ?? DEFAULT_PLATFORM).arch !== "x86_64" || options.libc !== "glibc") return cost;
  const { installedBytes, pycBytes, wheelBytes } = TORCH_CPU;
  const pyc = options.compile ? pycBytes : 0;
  const version = cost.facts?.version.version ?? cost.row?.version ?? null;
  return {
    ...cost,
    label: version === null ? "torch (CPU build)" : `torch ${version.replace(/\+.*$/, "")}+cpu`,
    installedBytes: installedBytes + pyc,
    pycBytes: pyc,
    cacheBytes: options.installer === "uv" ? installedBytes : wheelBytes,
    wheelBytes,
    sources: [assumptionSource(ASSUMPTIONS.torchCpuBuild.id, ASSUMPTIONS.torchCpuBuild.text), ...cost.sources.map((s) => ({ ...s, note: `${s.note ?? ""}${s.note === undefined ? "" : "; "}version only: the size is the CPU build's` }))],
    assumptions: [...cost.assumptions.filter((id) => id !== ASSUMPTIONS.packageRatio.id), ASSUMPTIONS.torchCpuBuild.id],
  };
}

/** A size the user typed: used as is (with .pyc), cited as theirs. */
function overrideCost(name: string, bytes: number, options: CostOptions, row: PythonPackageRow | null): PackageCost {
  const installed = Math.round(bytes);
  return {
    name,
    label: `${name} (size set by you)`,
    installedBytes: installed,
    pycBytes: 0,
    cacheBytes: options.installer === "uv" ? installed : Math.round(installed / PURE_RATIO),
    wheelBytes: Math.round(installed / PURE_RATIO),
    buildsFromSource: false,
    notInstallable: false,
    row,
    facts: null,
    unknown: false,
    sources: [{ table: "assumption", key: `package-size:${name}`, source: "set by you", date: null, note: "installed bytes typed in the settings" }],
    assumptions: [],
  };
}

/** The cost from the wheel table: the version and wheel pip would get on the platform, sized by the
 *  calibrated ratio (measured rows authoritative). Null when the table is not installed or lacks the name. */
function wheelTableCost(name: string, row: PythonPackageRow | null, options: CostOptions): PackageCost | null {
  const table = pythonTable();
  if (table === null) return null;
  const platform = options.platform ?? DEFAULT_PLATFORM;
  const facts = findPackage(name, options.specifier ?? null, platform);
  if (facts === null) return null;
  const size = installedSize(facts, table.measured(facts.name), table.calibration);
  if (size === null) return null;
  const assumptions: string[] = [];
  if (size.basis === "kind-ratio" || size.basis === "measured-ratio") assumptions.push(ASSUMPTIONS.packageRatio.id);
  if (size.basis === "sdist") assumptions.push(ASSUMPTIONS.sdistSize.id);
  if (facts.choice === "newest") assumptions.push(ASSUMPTIONS.unpinnedNewest.id);
  // A pure sdist builds without a compiler; a version with no wheel at all compiles only if the measured
  // row says it is not pure.
  // A C extension its setup.py may skip (wrapt, markupsafe …) falls back to pure Python without one.
  const optional = optionalExtension(facts.name);
  // A project known to link a system library after its build (llama-cpp-python) compiles, wheels or not.
  const needsCompiler = facts.buildsFromSource && optional === null && (facts.compiles || sourceBuildSystemNeeds(facts.name) !== null || sourceOnlyCompiled(facts.name) !== null || (facts.version.wheels.length === 0 && row !== null && !row.pure));
  // Wheels for other platforms and no sdist: pip has nothing to build from on this image.
  const notInstallable = facts.buildsFromSource && facts.version.sdistBytes === null && facts.version.wheels.length > 0;
  const pure = size.kind === "pure";
  // uv.lock names the exact wheel: where the table's wheel differs (another version stands in), the
  // installed size follows the locked wheel's bytes at the same ratio.
  const locked = options.lockedWheel?.bytes ?? null;
  const tableWheel = facts.wheel?.[1] ?? null;
  const scaled = locked !== null && locked > 0 && tableWheel !== null && tableWheel > 0 && locked !== tableWheel;
  const installed = scaled ? Math.round(size.bytes * (locked / tableWheel)) : size.bytes;
  const pyc = pure ? installed - installed / ASSUMPTIONS.noCompilePure.value : 0;
  if (!options.compile && pure) assumptions.push(options.installer === "uv" ? ASSUMPTIONS.uvLayout.id : ASSUMPTIONS.noCompilePure.id);
  if (options.installer === "uv") assumptions.push(ASSUMPTIONS.uvLayout.id);
  const wheel = (locked !== null && locked > 0 ? locked : null) ?? facts.wheel?.[1] ?? Math.round(installed / (pure ? PURE_RATIO : COMPILED_RATIO));
  const cacheBytes = options.installer === "uv" ? Math.round(installed - pyc) : wheel + (facts.buildsFromSource ? (facts.version.sdistBytes ?? 0) : 0);
  const ratioWhy = size.basis === "kind-ratio" ? `${size.kind} median` : size.basis === "stored-archives" ? "a wheel of archives installed as they are: knowledge/installed-size.ts" : "this project's measured ratio";
  const how = size.basis === "measured" ? "installed size measured" : size.ratio === null ? `installed size: ${size.basis}` : `installed = wheel × ${size.ratio.toFixed(2)} (${ratioWhy})`;
  const lockNote = scaled ? `scaled to the ${locked} B wheel uv.lock records` : null;
  const built = facts.wheel !== null ? `wheel ${facts.wheel[0]}`
    : optional !== null && facts.compiles ? `no wheel for this image: built from the sdist, whose C extension is optional (without a compiler it installs as pure Python; ${optional})`
    : "no wheel for this image: built from the sdist";
  const note = [built, how, facts.standIn, lockNote].filter((x) => x !== null).join("; ");
  return {
    name: facts.name,
    label: `${facts.name} ${facts.version.version}`,
    installedBytes: Math.round(options.compile ? installed : installed - pyc),
    pycBytes: options.compile ? Math.round(pyc) : 0,
    cacheBytes,
    wheelBytes: wheel,
    buildsFromSource: needsCompiler,
    notInstallable,
    row,
    facts,
    unknown: false,
    sources: [{ table: "python-packages", key: facts.name, source: facts.version.source, date: facts.version.date, note }],
    assumptions,
  };
}
