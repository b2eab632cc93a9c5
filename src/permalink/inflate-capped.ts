// Inflate with a ceiling. A permalink is attacker-controlled input: deflate expands up to ~1032:1, so a
// 2 MB link could claim gigabytes. fflate's streaming Inflate is fed the compressed bytes in small slices
// and stopped as soon as the output passes the cap, so memory stays near cap + one slice's expansion.
import { Inflate } from "fflate";

/** Compressed bytes fed per push: at most ~1032 × 1 KiB ≈ 1 MiB of output can appear before the check. */
const SLICE = 1024;

export type InflateResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: "too-large" | "corrupt" };

export function inflateCapped(compressed: Uint8Array, maxBytes: number): InflateResult {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxBytes) {
      overflow = true;
      return;
    }
    chunks.push(chunk);
  });
  try {
    for (let offset = 0; offset < compressed.length && !overflow; offset += SLICE) {
      const end = Math.min(offset + SLICE, compressed.length);
      inflater.push(compressed.subarray(offset, end), end === compressed.length);
    }
    if (compressed.length === 0) inflater.push(new Uint8Array(0), true);
  } catch {
    return overflow ? { ok: false, reason: "too-large" } : { ok: false, reason: "corrupt" };
  }
  if (overflow) return { ok: false, reason: "too-large" };
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { ok: true, bytes };
}
