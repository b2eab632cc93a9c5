// A dashed line across an offered step's on-disk bar at the size it would have if applied. The bar is
// the image without the offer (the plan goes on without it); the mark shows the would-be size beside
// it without drawing it as a bar, so the chart never passes a preview off as a step taken.
import { usePlotArea, useXAxisScale, useYAxisScale } from "recharts";
import { formatBytes } from "../../engine/format";
import type { ChartRow } from "./chart-data";

/** SizeChart's barCategoryGap: Recharts leaves this share of the band empty on each side of the bars. */
export const BAR_CATEGORY_GAP = 0.18;
/** Recharts' default gap in px between the bars of one category (the disk and the pull stacks). */
const BAR_GAP_PX = 4;

export interface PreviewMarksProps {
  readonly rows: readonly Pick<ChartRow, "name" | "ifApplied">[];
  /** Stacks drawn per step: 2 (disk, pull) or 1 when zoomed (disk only); the disk stack is the first. */
  readonly stacks: 1 | 2;
}

export function PreviewMarks({ rows, stacks }: PreviewMarksProps) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const plot = usePlotArea();
  if (xScale === undefined || yScale === undefined || plot === undefined) return null;
  return (
    <g data-testid="chart-preview-marks" aria-hidden="true">
      {rows.map((row) => {
        if (row.ifApplied === null) return null;
        const start = xScale(row.name, { position: "start" });
        const end = xScale(row.name, { position: "end" });
        const y = yScale(row.ifApplied.total);
        if (start === undefined || end === undefined || y === undefined) return null;
        const band = end - start;
        const left = start + band * BAR_CATEGORY_GAP;
        const width = (band * (1 - 2 * BAR_CATEGORY_GAP) - BAR_GAP_PX * (stacks - 1)) / stacks;
        // Clamped to the plot: a zoomed axis may not reach down to it (zoomDomain keeps it in view).
        const clamped = Math.min(plot.y + plot.height, Math.max(plot.y, y));
        return (
          <line key={row.name} className="chart__preview-mark" data-testid="chart-preview-mark"
            x1={left - 3} x2={left + Math.max(1, width) + 3} y1={clamped} y2={clamped}>
            <title>{`${row.name} if applied: ${formatBytes(row.ifApplied.total)}`}</title>
          </line>
        );
      })}
    </g>
  );
}
