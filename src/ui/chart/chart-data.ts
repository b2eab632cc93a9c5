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
};

export function chartRows(steps: readonly StepView[]): ChartRow[] {
  return steps.map((step, index) => ({
    name: index === 0 ? "Yours" : `Step ${index}`,
    title: step.title,
    ...step.estimate.byCategory,
    compressed: step.estimate.compressedBytes,
    total: step.estimate.totalBytes,
    ...topSources(step.estimate),
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
