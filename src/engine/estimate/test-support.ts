// Helpers for this folder's tests (not part of the public API): run the estimator over texts, and read the
// expected numbers from the knowledge tables through their lookups, so a test states which rows a number
// is made of instead of copying the number.
import { parseDockerfile } from "../dockerfile/parse-dockerfile";
import {
  alpineClosure, debianBasePackages, debianInstallClosure, findAlpinePackage, findBaseImage, findPythonPackage, parseImageRef,
  resolvePythonClosure, type DebianRelease,
} from "../knowledge";
import type { BaseImageRow, PythonPackageRow } from "../knowledge/types";
import { parseRequirementsFile } from "../requirements";
import { estimateImage } from "./estimate";
import type { ImageEstimate, LayerEstimate } from "./types";

export interface EstimateOptions {
  /** Requirements files by context path. */
  readonly requirements?: Readonly<Record<string, string>>;
  readonly dockerignore?: string | null;
  readonly contextBytes?: number;
}

export function estimate(dockerfile: string, options: EstimateOptions = {}): ImageEstimate {
  return estimateImage({
    dockerfile: parseDockerfile(dockerfile),
    requirements: Object.entries(options.requirements ?? {}).map(([path, text]) => parseRequirementsFile(path, text)),
    dockerignore: options.dockerignore ?? null,
    settings: options.contextBytes === undefined ? {} : { contextBytes: options.contextBytes },
  });
}

function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`test fixture: ${what} is missing from the tables`);
  return value;
}

export function baseRow(ref: string): BaseImageRow & { diskBytes: number; compressedBytes: number } {
  const row = required(findBaseImage(required(parseImageRef(ref), ref))?.row, ref);
  return { ...row, diskBytes: required(row.diskBytes, `${ref} disk size`), compressedBytes: required(row.compressedBytes, `${ref} compressed size`) };
}

/** The rows `pip install <names>` installs (the transitive closure); every one must be in the table. */
export function closure(...names: string[]): PythonPackageRow[] {
  const result = resolvePythonClosure(names);
  if (result.unknown.length > 0) throw new Error(`test fixture: ${result.unknown.join(", ")} not in the tables`);
  return result.rows;
}

export const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Installed bytes with .pyc (pip's default on glibc) of a set of rows. */
export const installedBytes = (rows: readonly PythonPackageRow[]) => sum(rows.map((r) => required(r.installedBytes, `${r.name} installed size`)));

/** The wheel bytes pip downloads (and keeps in its cache) for a set of rows. */
export const wheelBytes = (rows: readonly PythonPackageRow[]) => sum(rows.map((r) => required(r.wheelBytes, `${r.name} wheel size`)));

export function pythonRow(name: string): PythonPackageRow {
  return required(findPythonPackage(name), name);
}

/** Bytes of a Debian package with its dependencies, on a python slim image of `release` (the release
 *  table's closure; its resolver is checked against apt-get itself in knowledge/debian-tables.test.ts). */
export function debianClosureBytes(name: string, release: DebianRelease = "trixie"): number {
  const closure = debianInstallClosure([name], release, debianBasePackages(release));
  if (closure.unknown.length > 0 || closure.added.length === 0) throw new Error(`test fixture: ${release}:${name} adds nothing`);
  return closure.bytes;
}

export function alpineBytes(name: string): number {
  const closure = alpineClosure(name);
  if (closure !== null) return closure.installedBytes;
  return required(findAlpinePackage(name)?.row.installedBytes, `alpine:${name}`);
}

export function layerAt(e: ImageEstimate, line: number): LayerEstimate {
  return required([...e.layers, ...e.buildLayers].find((l) => l.line === line), `a layer at line ${line}`);
}

export const warningCodes = (e: ImageEstimate) => e.warnings.map((w) => w.code);
/** Warnings and build-check findings together (a source build without a compiler is a build-check error). */
export const problemCodes = (e: ImageEstimate) => [...e.warnings.map((w) => w.code), ...e.buildCheck.map((f) => f.code)];
