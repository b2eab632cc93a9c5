// The chart's bars as a radio group: one transparent rectangle over each step's column (the whole plot
// height, so a tap on a short bar or above it still lands), focusable with a roving tabindex. Drawn
// inside the chart's SVG with Recharts' own scale (useXAxisScale, usePlotArea: Recharts ≥ 3.8), so they
// sit exactly over the bars at any width.
import { useRef, type KeyboardEvent } from "react";
import { usePlotArea, useXAxisScale } from "recharts";
import { formatBytes } from "../../engine/format";
import { barAfterKey, type ChartRow } from "./chart-data";

export interface BarHitsProps {
  /** The rows drawn, in order. */
  readonly rows: readonly Pick<ChartRow, "name" | "title" | "total" | "ifApplied">[];
  /** The plan index of rows[0] (1 when the chart is zoomed on the steps after the first). */
  readonly offset: number;
  /** The selected step's plan index. */
  readonly selectedIndex: number;
  readonly onSelect: (index: number) => void;
}

export function BarHits({ rows, offset, selectedIndex, onSelect }: BarHitsProps) {
  const xScale = useXAxisScale();
  const plot = usePlotArea();
  const refs = useRef<(SVGRectElement | null)[]>([]);
  if (xScale === undefined || plot === undefined) return null;
  const selectedHere = selectedIndex - offset;
  // The one bar in the tab order: the selected one, else the first (the selection may be zoomed out).
  const tabStop = selectedHere >= 0 && selectedHere < rows.length ? selectedHere : 0;
  const onKeyDown = (event: KeyboardEvent<SVGRectElement>, i: number) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onSelect(i + offset);
      return;
    }
    const next = barAfterKey(event.key, i, rows.length);
    if (next === null) return;
    event.preventDefault();
    refs.current[next]?.focus();
    onSelect(next + offset);
  };
  return (
    <g className="chart__hits" role="radiogroup" aria-label="Steps in the chart" data-testid="chart-bars">
      {rows.map((row, i) => {
        const start = xScale(row.name, { position: "start" });
        const end = xScale(row.name, { position: "end" });
        if (start === undefined || end === undefined) return null;
        const selected = i === selectedHere;
        return (
          <rect key={row.name} ref={(el) => { refs.current[i] = el; }}
            className="chart__hit" data-testid="chart-bar" data-index={i + offset}
            role="radio" aria-checked={selected} aria-label={`${row.name}: ${row.title}, ${formatBytes(row.total)}${row.ifApplied === null ? "" : ` without it (offered, not applied; ${formatBytes(row.ifApplied.total)} if applied)`}`}
            tabIndex={i === tabStop ? 0 : -1}
            x={start} y={plot.y} width={Math.max(1, end - start)} height={plot.height} fill="transparent"
            onClick={() => onSelect(i + offset)} onKeyDown={(event) => onKeyDown(event, i)} />
        );
      })}
    </g>
  );
}
