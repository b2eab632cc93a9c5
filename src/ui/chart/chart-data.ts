// Chart rows from the plan: one per step, bytes by category plus the pull size, and for the tooltip the
// biggest contributors of each category with where their numbers came from.
import { CATEGORIES, type Category, type ImageEstimate } from "../../engine/estimate/types";
import type { StepView } from "../../worker/plan-view";
import { sourceLabel } from "../labels";

/** Contributors named per category in a tooltip; the rest are summed up as "others". */
const TOP_SOURCES = 3;

export interface SourceLine {
  readonly label: string;
  readonly bytes: number;
  /** The first source in a few words (labels.ts sourceLabel), e.g. `base-images: python:3.12`, `set by you`. */
  readonly source: string;
}

export type ChartRow = Record<Category, number> & {
  readonly name: string;
  readonly title: string;
  readonly compressed: number;
  readonly total: number;
  readonly sources: Readonly<Record<Category, readonly SourceLine[]>>;
  readonly others: Readonly<Record<Category, number>>;
  /** An offered step's would-be sizes (its preview): its bar is the image without it. null otherwise. */
  readonly ifApplied: { readonly total: number; readonly compressed: number } | null;
};

export function chartRows(steps: readonly StepView[]): ChartRow[] {
  return steps.map((step, index) => ({
    name: index === 0 ? "Yours" : `Step ${index}`,
    title: step.title,
    ...step.estimate.byCategory,
    compressed: step.estimate.compressedBytes,
    total: step.estimate.totalBytes,
    ...topSources(step.estimate),
    ifApplied: step.preview === null ? null : { total: step.preview.totalBytes, compressed: step.preview.compressedBytes },
  }));
}

function topSources(estimate: ImageEstimate): { sources: Record<Category, SourceLine[]>; others: Record<Category, number> } {
  const sources = Object.fromEntries(CATEGORIES.map((c) => [c, [] as SourceLine[]])) as Record<Category, SourceLine[]>;
  const others = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const items = estimate.layers.flatMap((layer) => layer.items).slice().sort((a, b) => b.bytes - a.bytes);
  for (const item of items) {
    const list = sources[item.category];
    if (list.length < TOP_SOURCES) {
      const first = item.sources[0];
      list.push({ label: item.label, bytes: item.bytes, source: first === undefined ? "no source" : sourceLabel(first) });
    } else {
      others[item.category] += item.bytes;
    }
  }
  return { sources, others };
}

/** How the y axis is drawn: from zero (honest lengths), or zoomed on the steps after the first, whose
 *  differences vanish next to a 1 GB original on a linear axis from zero (issue 12). */
export type ChartScale = "full" | "zoom";

/** Margin around the zoomed range, as a share of the range: enough that the smallest bar still shows a
 *  stub and the tallest is not cut by the top of the plot (a display choice, not a measurement). */
const ZOOM_PAD_SHARE = 0.25;
/** When every zoomed bar has the same height the range is 0: pad by this share of the height instead. */
const ZOOM_MIN_PAD_SHARE = 0.02;

/** The y domain for the zoomed view of `rows` (the steps after the first): from a round number below the
 *  smallest on-disk total to a little above the largest. null when there is nothing to zoom on. */
export function zoomDomain(rows: readonly (Pick<ChartRow, "total"> & Partial<Pick<ChartRow, "ifApplied">>)[]): [number, number] | null {
  if (rows.length === 0) return null;
  // An offered step's would-be size is marked on its bar: the zoomed axis keeps it in view too.
  const totals = rows.flatMap((r) => (r.ifApplied === undefined || r.ifApplied === null ? [r.total] : [r.total, r.ifApplied.total]));
  const min = Math.min(...totals);
  const max = Math.max(...totals);
  const pad = Math.max((max - min) * ZOOM_PAD_SHARE, max * ZOOM_MIN_PAD_SHARE);
  const lower = Math.max(0, roundDown(min - pad));
  return [lower, Math.max(max + pad, lower + 1)];
}

/** Round down to two significant digits, so the axis starts at a number a reader can take in (380 MB,
 *  not 381,234,567 B). */
function roundDown(value: number): number {
  if (value <= 0) return 0;
  const unit = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.floor(value / unit) * unit;
}

/** The bar a key moves to among `count` bars from `current` (left/right, home/end, as a radio group or a
 *  tab list does), or null for a key that does not move. */
export function barAfterKey(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case "ArrowRight":
    case "ArrowDown":
      return (current + 1) % count;
    case "ArrowLeft":
    case "ArrowUp":
      return (current - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}
