// What one Python package costs in a stage: installed bytes for the stage's libc, the .pyc part, the
// bytes pip's (or uv's) cache keeps, and whether Alpine has to build it from source. Every number cites
// its table row or the named assumption it rests on.
import { findPythonPackage, UNKNOWN_PYTHON_PACKAGE } from "../knowledge";
import type { PythonPackageRow, SourceRef } from "../knowledge/types";
import { ASSUMPTIONS } from "./assumptions";

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
  readonly sources: readonly SourceRef[];
  readonly assumptions: readonly string[];
}

export interface CostOptions {
  readonly libc: "glibc" | "musl";
  /** Whether .pyc files are written (pip: unless --no-compile; uv: only with --compile-bytecode). */
  readonly compile: boolean;
  readonly installer: "pip" | "uv";
}

/** Ratio of installed to wheel bytes used when a wheel size is unknown (python-package data, `ratios`). */
export const PURE_RATIO = 7.37;
export const COMPILED_RATIO = 4.022;

export function assumptionSource(id: string, text: string): SourceRef {
  return { table: "assumption", key: id, source: text, date: null };
}

/** A compiled package with no Linux wheel at all (psycopg2, mysqlclient): pip builds it from the sdist on
 *  Debian too. The table records no manylinux wheel, no musllinux wheel, and an sdist build on Alpine;
 *  a missing wheel alone is not enough, as many rows lack a wheel size only because no lock file had it. */
export function buildsFromSourceOnGlibc(row: PythonPackageRow): boolean {
  return !row.pure && row.wheelFile === null && row.musllinuxWheel === false && (row.alpineInstall ?? "").startsWith("compile from sdist");
}

export function packageCost(name: string, options: CostOptions): PackageCost {
  const row = findPythonPackage(name);
  const assumptions: string[] = [];
  if (row === null || row.installedBytes === null) {
    const unknown = UNKNOWN_PYTHON_PACKAGE;
    const installed = row?.installedBytes ?? unknown.installedBytes;
    return {
      name,
      label: `${name} (not in the tables)`,
      installedBytes: installed,
      pycBytes: options.compile ? installed - installed / ASSUMPTIONS.noCompilePure.value : 0,
      cacheBytes: options.installer === "uv" ? installed : unknown.wheelBytes,
      wheelBytes: unknown.wheelBytes,
      buildsFromSource: false,
      notInstallable: false,
      row,
      sources: [unknown.source],
      assumptions: [unknown.key],
    };
  }
  const sources: SourceRef[] = [{ table: "python-packages", key: row.name, source: row.source, date: row.date }];
  let installed = row.installedBytes;
  let wheel = row.wheelBytes;
  let buildsFromSource = false;
  let notInstallable = false;
  if (options.libc === "musl" && !row.pure) {
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
  return {
    name: row.name,
    label: row.version === null ? row.name : `${row.name} ${row.version}`,
    installedBytes,
    pycBytes: options.compile ? Math.round(pyc) : 0,
    cacheBytes,
    wheelBytes: wheel,
    buildsFromSource,
    notInstallable,
    row,
    sources,
    assumptions,
  };
}
