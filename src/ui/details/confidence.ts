// How much of the selected step's estimate rests on something other than a table row: packages no table
// holds (weighed by the unknown-package default), sizes the user typed, and the other named assumptions
// (build-context size, apt lists …). Derived from the estimate's layer items and their sources each time
// it is shown, never stored (STYLE 7).
import type { ImageEstimate, LayerItem } from "../../engine/estimate/types";
import { formatBytes } from "../../engine/format";

/** What an item's bytes rest on. */
export type Basis = "unknown-default" | "set-by-you" | "assumption";

/** Assumption keys of the defaults for packages the tables do not hold (knowledge/data: the
 *  UNKNOWN_PYTHON_PACKAGE and UNKNOWN_SYSTEM_PACKAGE rows' source keys). */
const UNKNOWN_KEYS: ReadonlySet<string> = new Set(["unknown-python-package", "unknown-system-package"]);
/** Source key prefix of a size typed in the settings (estimate/python-sizes.ts, overrideCost). */
const USER_KEY_PREFIX = "package-size:";

export interface BasisShare {
  /** The assumption's key (`context-size`), or `set by you` for the user's sizes. */
  readonly key: string;
  readonly basis: Basis;
  readonly bytes: number;
}

export interface Confidence {
  /** Python packages installed in any stage, and those of them no table holds. */
  readonly installed: number;
  readonly unknown: readonly string[];
  /** On-disk bytes of the final image: the percentages' denominator. */
  readonly totalBytes: number;
  readonly unknownDefaultBytes: number;
  readonly userSetBytes: number;
  /** Packages in the final image weighed by a size the user typed (0 B ones too). */
  readonly userSetPackages: number;
  readonly assumptionBytes: number;
  /** The same bytes by assumption, largest first. */
  readonly shares: readonly BasisShare[];
}

/**
 * The basis of one item, or null when a table row stands behind it. An item counts only when every one
 * of its sources is an assumption: a mixed item (pip's cache over known and unknown packages) is mostly
 * table bytes and cannot be split, so it counts as measured — the line states a floor, not a ceiling.
 */
export function basisOf(item: LayerItem): { basis: Basis; key: string } | null {
  if (item.sources.length === 0 || item.sources.some((s) => s.table !== "assumption")) return null;
  const unknown = item.sources.find((s) => UNKNOWN_KEYS.has(s.key));
  if (unknown !== undefined) return { basis: "unknown-default", key: unknown.key };
  if (item.sources.every((s) => s.key.startsWith(USER_KEY_PREFIX))) return { basis: "set-by-you", key: "set by you" };
  return { basis: "assumption", key: item.sources[0]?.key ?? "assumption" };
}

export function confidenceOf(estimate: ImageEstimate): Confidence {
  const byKey = new Map<string, BasisShare>();
  const sums: Record<Basis, number> = { "unknown-default": 0, "set-by-you": 0, assumption: 0 };
  const userKeys = new Set<string>();
  for (const layer of estimate.layers) {
    for (const item of layer.items) {
      const basis = basisOf(item);
      if (basis?.basis === "set-by-you") for (const s of item.sources) userKeys.add(s.key);
      if (basis === null || item.bytes <= 0) continue;
      sums[basis.basis] += item.bytes;
      const previous = byKey.get(basis.key);
      byKey.set(basis.key, { key: basis.key, basis: basis.basis, bytes: (previous?.bytes ?? 0) + item.bytes });
    }
  }
  return {
    installed: estimate.installedPackages.length,
    unknown: estimate.unknownPackages,
    totalBytes: estimate.totalBytes,
    unknownDefaultBytes: sums["unknown-default"],
    userSetBytes: sums["set-by-you"],
    userSetPackages: userKeys.size,
    assumptionBytes: sums.assumption,
    shares: [...byKey.values()].sort((a, b) => b.bytes - a.bytes || a.key.localeCompare(b.key)),
  };
}

/** A share of the image as people read it: "3%", "0.4%", "<0.1%". */
export function formatShare(bytes: number, total: number): string {
  if (total <= 0 || bytes <= 0) return "0%";
  const percent = (bytes / total) * 100;
  if (percent < 0.1) return "<0.1%";
  return `${percent < 10 ? percent.toFixed(1).replace(/\.0$/, "") : Math.round(percent)}%`;
}

/** The confidence line: "2 of 41 Python packages unknown — 1.02 MB (0.6%) rests on default sizes, …". */
export function confidenceSentence(c: Confidence): string {
  const packages = c.installed === 0
    ? "No Python packages installed"
    : c.unknown.length > 0
      ? `${c.unknown.length} of ${c.installed} Python packages unknown`
      : c.userSetPackages > 0
        ? `${c.installed} Python package${c.installed === 1 ? "" : "s"}, none unknown (${c.userSetPackages} sized by you)`
        : `All ${c.installed} Python package${c.installed === 1 ? "" : "s"} are in the tables`;
  const parts: string[] = [];
  const part = (bytes: number, what: string) => {
    if (bytes > 0) parts.push(`${formatBytes(bytes)} (${formatShare(bytes, c.totalBytes)}) ${what}`);
  };
  part(c.unknownDefaultBytes, parts.length === 0 ? "rests on default sizes for unknown packages" : "on default sizes for unknown packages");
  part(c.assumptionBytes, parts.length === 0 ? "rests on other stated assumptions" : "on other stated assumptions");
  part(c.userSetBytes, "on sizes set by you");
  return parts.length === 0 ? `${packages}; every byte comes from a table row.` : `${packages} — ${parts.join(", ")}.`;
}
