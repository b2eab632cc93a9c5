// The other variants of a python image, for rules that suggest `python:X-slim` or `python:X-alpine`:
// which row it would be (to weigh the suggestion) and the tag text to write (keeping the user's version
// pin and Debian suite: python:3.12-bookworm → python:3.12-slim-bookworm).

import { imageRows, isStable, rowPython } from "./base-image-rows";
import { findBaseImage } from "./base-images";
import { formatImageRef, type ImageRef } from "./image-ref";
import { formatPythonTag, parsePythonTag, type PythonVariant } from "./python-tag";
import type { BaseImageRow } from "./types";

/**
 * The current-era row of the same Python minor in another variant, on the same Debian suite when there is
 * one (else the variant's default tag); null when the table has none or `row` is not a python image.
 */
export function pythonVariantOf(row: BaseImageRow, variant: PythonVariant): BaseImageRow | null {
  const version = rowPython(row);
  if (row.image !== "python" || version === null) return null;
  const candidates = imageRows("python", "current").filter((r) => {
    const v = rowPython(r);
    return r.variant === variant && v !== null && v.major === version.major && v.minor === version.minor && isStable(r) === isStable(row);
  });
  const plain = (r: BaseImageRow): boolean => {
    const tag = parsePythonTag(r.tag);
    return tag !== null && tag.suite === null && tag.alpineVersion === null;
  };
  const sameSuite = variant === "alpine" ? [] : candidates.filter((r) => r.distro === row.distro);
  return sameSuite.find(plain) ?? sameSuite[0] ?? candidates.find(plain) ?? candidates[0] ?? null;
}

export interface PythonVariantSuggestion {
  /** The reference to write (digest dropped: it pinned the other variant). */
  readonly ref: ImageRef;
  /** Its text, e.g. `python:3.12-slim-bookworm`. */
  readonly text: string;
  /** The row that weighs it (exact or nearest), or null when the table has nothing for it. */
  readonly row: BaseImageRow | null;
  /** The table has this exact tag. */
  readonly exact: boolean;
}

/**
 * The reference of another variant of a python image: same version text and registry, the Debian suite
 * kept for full ↔ slim and dropped for Alpine. Null when `ref` is not an official python tag.
 */
export function suggestPythonVariant(ref: ImageRef, variant: PythonVariant): PythonVariantSuggestion | null {
  if (ref.repository !== "python" || ref.registry !== null) return null;
  const tag = parsePythonTag(ref.tag);
  if (tag === null) return null;
  const next = formatPythonTag({
    version: tag.version,
    variant,
    suite: variant === "alpine" ? null : tag.suite,
    alpineVersion: variant === "alpine" && tag.variant === "alpine" ? tag.alpineVersion : null,
  });
  const suggested: ImageRef = { registry: ref.registry, repository: ref.repository, tag: next, digest: null };
  const match = findBaseImage(suggested);
  return { ref: suggested, text: formatImageRef(suggested), row: match?.row ?? null, exact: match?.exact ?? false };
}
