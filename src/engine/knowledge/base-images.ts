// Base-image lookup: the table row that gives a FROM image its size, exact or the nearest known tag of the
// same image and variant with a sentence saying what stands in for what and why (DESIGN §3: "Unknown tag:
// nearest known tag of the same family, flagged as an assumption"). Unknown images give null; the caller
// applies a visible default.

import {
  type StandIn,
  BASE_IMAGE_ROWS,
  canonicalRow,
  describeRow,
  imageRows,
  rowByRef,
} from "./base-image-rows";
import { formatImageRef, parseImageRef, type ImageRef } from "./image-ref";
import { nearestAlpine, nearestDebian, nearestUbuntu } from "./os-images";
import { nearestPython, uvBase } from "./python-images";
import type { BaseImageRow, Era, SourceRef } from "./types";

export interface BaseImageMatch {
  /** The row whose numbers stand for the image (an alias resolves to the row it shares its image with). */
  readonly row: BaseImageRow;
  /** The table ref that matched, e.g. the alias `python:3.14-trixie` whose numbers are python:3.14's. */
  readonly ref: string;
  /** The reference was in the table as written (no stand-in, no ignored digest). */
  readonly exact: boolean;
  /** What stands in for what and why, for the user; null for an exact match. */
  readonly assumption: string | null;
  /** Citations: compressed size, on-disk size, and the stand-in assumption when there is one. */
  readonly sources: readonly SourceRef[];
}

export interface FindBaseImageOptions {
  /** Which builds to weigh: today's (default) or the 2019-era ones kept for old articles. */
  readonly era?: Era;
}

/** Registries that mirror Docker Hub's official images under `library/` (assumed identical content). */
const HUB_MIRROR = /^(?:mirror\.gcr\.io|public\.ecr\.aws\/docker)$/;

/** The table's name for the image: `python` for Docker Hub (and its mirrors), else `registry/repository`. */
function tableImage(ref: ImageRef, reasons: string[]): string {
  if (ref.registry === null) {
    // Docker Hub's per-architecture repositories of the official images (`arm64v8/python`): the same
    // Dockerfiles built for one architecture, which the multi-arch `python` tag points at.
    const arch = /^(amd64|arm32v5|arm32v6|arm32v7|arm64v8|i386|mips64le|ppc64le|riscv64|s390x)\/([a-z0-9._-]+)$/.exec(ref.repository);
    if (arch === null) return ref.repository;
    reasons.push(`${ref.repository} is Docker's official ${arch[2]} image built for ${arch[1]}: weighed as ${arch[2]}'s row, measured on amd64`);
    return arch[2] ?? ref.repository;
  }
  const path = `${ref.registry}/${ref.repository}`;
  const mirror = /^(.+)\/library\/([a-z0-9._-]+)$/.exec(path);
  if (mirror !== null && HUB_MIRROR.test(mirror[1] ?? "")) {
    reasons.push(`${mirror[1]} mirrors Docker Hub's official ${mirror[2]} image (assumed identical)`);
    return mirror[2] ?? path;
  }
  return path;
}

/** Finds the base-image row for a parsed reference; null for images the table does not know. */
export function findBaseImage(ref: ImageRef, options: FindBaseImageOptions = {}): BaseImageMatch | null {
  const era = options.era ?? "current";
  const reasons: string[] = [];
  if (ref.digest !== null) {
    reasons.push(
      `the digest ${ref.digest.slice(0, 19)}… is ignored: sizes are those of the table's build of the tag, ` +
        "which may not be the pinned image",
    );
  }
  const image = tableImage(ref, reasons);
  const requested = formatImageRef(ref);

  if (image === "ghcr.io/astral-sh/uv") return uvMatch(ref, era, reasons, requested);

  // No tag means `latest`, as for `docker pull`.
  const exact = rowByRef(`${image}:${ref.tag ?? "latest"}`, era);
  if (exact !== undefined) return toMatch(exact, exact.ref, reasons.length === 0, reasons, null);

  const standIn = nearest(image, ref.tag, era);
  if (standIn === null) return distrolessUnsuffixed(ref, image, era, reasons, requested);
  return toMatch(standIn.row, standIn.row.ref, false, [...reasons, ...standIn.reasons], requested);
}

/** `gcr.io/distroless/python3` without a Debian suffix: distroless's older name, whose images the table
 *  does not hold; its `-debian12` image stands in (the release distroless built its images on from 2023),
 *  flagged, rather than an unknown base weighed at 0 B. */
function distrolessUnsuffixed(ref: ImageRef, image: string, era: Era, reasons: readonly string[], requested: string): BaseImageMatch | null {
  if (!/^gcr\.io\/distroless\/[a-z0-9]+$/.test(image)) return null;
  const suffixed = `${image}-debian12`;
  const row = rowByRef(`${suffixed}:${ref.tag ?? "latest"}`, era) ?? nearestOtherTag(suffixed, ref.tag, era)?.row;
  if (row === undefined) return null;
  return toMatch(row, row.ref, false, [...reasons, `${image} names no Debian release; its -debian12 image stands in (distroless's images were built on Debian 12 from 2023): expect a different size if yours is older`], requested);
}

/** Parses and finds in one step; null when the text is not a reference or the image is unknown. */
export function lookupBaseImage(text: string, options: FindBaseImageOptions = {}): BaseImageMatch | null {
  const ref = parseImageRef(text);
  return ref === null ? null : findBaseImage(ref, options);
}

function nearest(image: string, tag: string | null, era: Era): StandIn | null {
  switch (image) {
    case "python":
      return nearestPython(tag, era);
    case "alpine":
      return nearestAlpine(tag, era);
    case "debian":
      return nearestDebian(tag, era);
    case "ubuntu":
      return nearestUbuntu(tag, era);
    default:
      return nearestOtherTag(image, tag, era);
  }
}

/**
 * Images outside Docker Official Images (distroless, Chainguard): one or two published rows each, so any
 * other tag of the same image gets its `latest` row (or `latest-dev` for a `-dev` tag), flagged.
 */
function nearestOtherTag(image: string, tag: string | null, era: Era): StandIn | null {
  const rows = imageRows(image, era);
  const wanted = tag !== null && tag.endsWith("-dev") ? "latest-dev" : "latest";
  const row = rows.find((r) => r.tag === wanted) ?? rows.find((r) => r.tag === "latest");
  if (row === undefined) return null;
  return { row, reasons: [`the table has no figure for tag ${tag ?? "latest"} of this image; its :${row.tag} row stands in`] };
}

function uvMatch(ref: ImageRef, era: Era, reasons: string[], requested: string): BaseImageMatch | null {
  const base = uvBase(ref.tag);
  if (base === null) return null;
  const inner = findBaseImage({ registry: null, repository: base.image, tag: base.tag, digest: null }, { era });
  if (inner === null) return null;
  const innerReasons = inner.assumption === null ? [] : [inner.assumption];
  return toMatch(inner.row, inner.ref, false, [...reasons, base.reason, ...innerReasons], requested);
}

function toMatch(
  matched: BaseImageRow,
  tableRef: string,
  exact: boolean,
  reasons: readonly string[],
  requested: string | null,
): BaseImageMatch {
  const row = canonicalRow(matched);
  let assumption: string | null = null;
  if (!exact) {
    const why = reasons.join("; ");
    assumption = requested === null ? why : `${requested} is not in the table; ${describeRow(row)} stands in: ${why}`;
  }
  const sources = baseImageSources(row);
  const stated: SourceRef[] =
    assumption === null
      ? []
      : [{ table: "assumption", key: "base-image-stand-in", source: "findBaseImage nearest-tag rule", date: null, note: assumption }];
  return { row, ref: tableRef, exact, assumption, sources: [...sources, ...stated] };
}

/** Citations for a row's two sizes: compressed (registry manifest) and on-disk (local file, or derived). */
export function baseImageSources(row: BaseImageRow): SourceRef[] {
  const [remote, local] = row.sources;
  const compressed: SourceRef = {
    table: "base-images",
    key: row.key,
    source: remote ?? "no published source",
    date: row.date,
    note: row.compressedBytes === null ? "compressed size unknown" : "compressed (pull) size",
  };
  const disk: SourceRef = row.diskDerived
    ? {
        table: "base-images",
        key: row.key,
        source: remote ?? "no published source",
        date: row.date,
        note: `on-disk size derived: compressed × ${row.diskRatio ?? "?"} (median ratio of similar images with both sizes)`,
      }
    : {
        table: "base-images",
        key: row.key,
        source: local ?? remote ?? "no published source",
        date: row.date,
        note: row.diskBytes === null ? "on-disk size unknown" : row.diskBasis === null ? "on-disk size" : `on-disk size: ${row.diskBasis}`,
      };
  return [compressed, disk];
}

/** Every row of the table, for views that list what is known (rules use findBaseImage). */
export function allBaseImages(): readonly BaseImageRow[] {
  return BASE_IMAGE_ROWS;
}
