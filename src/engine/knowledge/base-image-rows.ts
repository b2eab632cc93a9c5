// Shared access to the base-image table for the lookups in this folder (rules and the estimator go
// through findBaseImage, never through these).

import { BASE_IMAGES } from "./data/base-images";
import { parsePythonVersion, type PythonVersion } from "./python-tag";
import type { BaseImageRow, Era } from "./types";

export const BASE_IMAGE_ROWS: readonly BaseImageRow[] = BASE_IMAGES;

/** A row chosen to stand in for a reference, with the reasons to show the user. */
export interface StandIn {
  readonly row: BaseImageRow;
  readonly reasons: readonly string[];
}

const byEraRef = new Map(BASE_IMAGE_ROWS.map((row) => [`${row.era}:${row.ref}`, row]));

/** The row for `ref` (`python:3.12-slim`, registry-qualified elsewhere) in `era`, if the table has it. */
export function rowByRef(ref: string, era: Era): BaseImageRow | undefined {
  return byEraRef.get(`${era}:${ref}`);
}

/** The row an alias shares its image with (an alias's numbers are its target's); the row itself otherwise. */
export function canonicalRow(row: BaseImageRow): BaseImageRow {
  if (row.aliasOf === null) return row;
  return rowByRef(row.aliasOf, row.era) ?? row;
}

/** Canonical rows of one image (`python`, `alpine`, `gcr.io/distroless/python3-debian12`) in an era. */
export function imageRows(image: string, era: Era): BaseImageRow[] {
  return BASE_IMAGE_ROWS.filter((row) => row.image === image && row.era === era && row.aliasOf === null);
}

export function rowPython(row: BaseImageRow): PythonVersion | null {
  return row.python === null ? null : parsePythonVersion(row.python);
}

/** A release image, not a `-rc` pre-release tag. */
export function isStable(row: BaseImageRow): boolean {
  return !row.tag.includes("-rc") && rowPython(row)?.pre == null;
}

/** The other era, searched when a requested version is older than anything in the requested one. */
export function otherEra(era: Era): Era {
  return era === "current" ? "2019" : "current";
}

/** `major.minor` as one sortable number (3.12 → 3012, 24.04 → 24004). */
export function versionKey(major: number, minor: number | null): number {
  return major * 1000 + (minor ?? 0);
}

/** The row whose version key is closest to `target` (ties go to the newer row). */
export function nearestByKey<T>(items: readonly T[], key: (item: T) => number, target: number): T | undefined {
  let best: T | undefined;
  let bestDistance = Infinity;
  for (const item of items) {
    const distance = Math.abs(key(item) - target);
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && key(item) > key(best))) {
      best = item;
      bestDistance = distance;
    }
  }
  return best;
}

export function describeRow(row: BaseImageRow): string {
  const what = row.python !== null ? `Python ${row.python}` : row.osVersion !== null ? `${row.family} ${row.osVersion}` : null;
  const era = row.era === "2019" ? "2019 build" : null;
  const details = [what, row.distro !== null && row.python !== null ? row.distro : null, era].filter((x) => x !== null);
  return details.length === 0 ? row.ref : `${row.ref} (${details.join(", ")})`;
}
