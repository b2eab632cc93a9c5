// Python package lookups: a project by name (PEP 503 normalised), the transitive closure of a
// requirement list over the table's `requires`, and the citation for a row. Names the table lacks come
// back as `unknown`, for the caller to weigh with UNKNOWN_PYTHON_PACKAGE (data/python-packages.ts; never a
// silent zero).

import { PYTHON_PACKAGES } from "./data/python-packages";
import type { PythonPackageRow, SourceRef } from "./types";

const ROWS: readonly PythonPackageRow[] = PYTHON_PACKAGES;
const BY_NAME = new Map(ROWS.map((row) => [row.name, row]));

/** PEP 503: lowercase, runs of `-`, `_`, `.` become one `-`. */
export function normalizePackageName(name: string): string {
  return name.trim().toLowerCase().replace(/[-_.]+/g, "-");
}

export function findPythonPackage(name: string): PythonPackageRow | null {
  return BY_NAME.get(normalizePackageName(name)) ?? null;
}

export interface PythonClosure {
  /** Every package the names pull in, each once: the requested ones first, then dependencies breadth-first. */
  readonly rows: PythonPackageRow[];
  /** Normalised names not in the table (their dependencies are unknown too), in first-seen order. */
  readonly unknown: string[];
}

/** The transitive closure of `names` over `requires`; deterministic for a given input order. */
export function resolvePythonClosure(names: readonly string[]): PythonClosure {
  const rows: PythonPackageRow[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  const queue = names.map(normalizePackageName);
  for (let i = 0; i < queue.length; i++) {
    const name = queue[i] ?? "";
    if (name === "" || seen.has(name)) continue;
    seen.add(name);
    const row = BY_NAME.get(name);
    if (row === undefined) {
      unknown.push(name);
      continue;
    }
    rows.push(row);
    queue.push(...row.requires);
  }
  return { rows, unknown };
}

/** Where a row's numbers come from. */
export function pythonPackageSource(row: PythonPackageRow): SourceRef {
  const parts = [`installed size: ${row.installedBasis}`];
  if (row.installedNote !== null) parts.push(row.installedNote);
  if (!row.requiresVerified) parts.push("dependencies from memory, not verified");
  return { table: "python-packages", key: row.name, source: row.source, date: row.date, note: parts.join("; ") };
}
