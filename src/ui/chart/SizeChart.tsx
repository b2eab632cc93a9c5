// The size of the image after each step, stacked by category, with the pull (compressed) size beside
// each bar. Loaded lazily with Recharts; the step list carries the same numbers until it arrives, and a
// visually hidden table carries them for screen readers. The bars are a radio group over the plot (see
// BarHits): focusable, arrow keys move, Enter/Space/click/tap select — the step comes from the bar itself,
// never from Recharts' active tooltip index (null on a tap, and `Number(null) === 0` selected step 0).
import { memo, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { CATEGORIES } from "../../engine/estimate/types";
import { formatBytes } from "../../engine/format";
import type { StepView } from "../../worker/plan-view";
import { markChartDrawn } from "../first-chart";
import { CATEGORY_COLORS, CATEGORY_LABELS, PULL_COLOR } from "../labels";
import { BarHits } from "./BarHits";
import { BAR_CATEGORY_GAP, PreviewMarks } from "./PreviewMarks";
import { chartRows, zoomDomain, type ChartRow, type ChartScale } from "./chart-data";

export interface SizeChartProps {
  readonly steps: readonly StepView[];
  readonly selectedIndex: number;
  readonly onSelect: (index: number) => void;
}

export const SizeChart = memo(function SizeChart({ steps, selectedIndex, onSelect }: SizeChartProps) {
  const [scale, setScale] = useState<ChartScale>("full");
  const narrow = useNarrow();
  // Once on screen, the editor's code may load (first-chart.ts).
  useEffect(markChartDrawn, []);
  const rows = useSameRows(steps);
  const domain = useMemo(() => (scale === "zoom" ? zoomDomain(rows.slice(1)) : null), [rows, scale]);
  const zoomed = domain !== null;
  // Zoomed: the steps after the first only (the original is what dwarfs them), on an axis that does not
  // start at zero; the pull bars, far below the axis's start, are left out rather than cut to nothing.
  const shown = useMemo(() => (zoomed ? rows.slice(1) : rows), [rows, zoomed]);
  const offered = rows.filter((r) => r.ifApplied !== null).map((r) => r.name);
  return (
    <figure className="chart" data-testid="chart" data-scale={zoomed ? "zoom" : "full"}>
      {rows.length > 1 ? (
        <div className="chart__controls">
          <button type="button" data-testid="chart-zoom" aria-pressed={scale === "zoom"} onClick={() => setScale(scale === "zoom" ? "full" : "zoom")}>
            Zoom to steps 1–{rows.length - 1}
          </button>
        </div>
      ) : null}
      <Plot shown={shown} offset={zoomed ? 1 : 0} domain={domain} narrow={narrow} selectedIndex={selectedIndex} onSelect={onSelect} />
      <figcaption className="chart__caption">
        {zoomed
          ? <>Zoomed: steps 1–{rows.length - 1} only, on an axis from {formatBytes(domain[0])}; pull sizes left out.</>
          : <>On-disk size by category after each step; grey: what <code>docker pull</code> downloads.</>}{" "}
        {offered.length === 0 ? null : (
          <span data-testid="chart-offered-caption">
            Offered, not applied ({offered.join(", ")}): the bar is the image without the change; the dashed line, its size if applied.{" "}
          </span>
        )}
        Selected: {rows[selectedIndex]?.name ?? ""}. Arrow keys move between bars; Enter selects.
      </figcaption>
      <ChartTable rows={rows} />
    </figure>
  );
});

/**
 * The chart rows of `steps`, as the same array while their content is the same: most keystrokes change
 * no number (a space, a comment, a half-typed word), and then Recharts, the heaviest render on the page
 * after a plan (issue 13 profile), is skipped. Keyed by the rows' JSON (a few kB for the examples).
 */
function useSameRows(steps: readonly StepView[]): ChartRow[] {
  const key = JSON.stringify(chartRows(steps));
  return useMemo(() => JSON.parse(key) as ChartRow[], [key]);
}

interface PlotProps {
  readonly shown: readonly ChartRow[];
  readonly offset: number;
  readonly domain: [number, number] | null;
  readonly narrow: boolean;
  readonly selectedIndex: number;
  readonly onSelect: (index: number) => void;
}

/** The Recharts plot, memoised on its rows (useSameRows), the zoom, the selection and the layout. */
const Plot = memo(function Plot({ shown, offset, domain, narrow, selectedIndex, onSelect }: PlotProps) {
  return (
    <BarChart responsive style={CHART_STYLE} data={shown as ChartRow[]} margin={CHART_MARGIN} barCategoryGap={`${BAR_CATEGORY_GAP * 100}%`} accessibilityLayer={false}>
      <CartesianGrid vertical={false} strokeOpacity={0.25} />
      <XAxis dataKey="name" tick={TICK} />
      <YAxis tickFormatter={(v: number) => formatBytes(v)} width={72} tick={TICK}
        {...(domain === null ? {} : { domain, allowDataOverflow: true })} />
      {/* On a phone the tooltip is as wide as the chart: pinned to its top left it is never cut. */}
      <Tooltip content={ChartTooltip} cursor={{ fillOpacity: 0.08 }} wrapperStyle={{ zIndex: 10, maxWidth: "100%" }}
        {...(narrow ? { position: { x: 0, y: 0 } } : {})} />
      {/* Legend text in the page's text colour: the series colours are mid-tones that fail 4.5:1 as text. */}
      <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} formatter={(value: string) => <span className="chart__legend-text">{value}</span>} />
      {/* No animation, on the first draw or on updates: a new plan is on screen in the frame it arrives. */}
      {CATEGORIES.map((c) => (
        <Bar key={c} dataKey={c} name={CATEGORY_LABELS[c]} stackId="disk" fill={CATEGORY_COLORS[c]} isAnimationActive={false} />
      ))}
      {domain !== null ? null : <Bar dataKey="compressed" name="Pull (compressed)" stackId="pull" fill={PULL_COLOR} isAnimationActive={false} />}
      <PreviewMarks rows={shown} stacks={domain === null ? 2 : 1} />
      <BarHits rows={shown} offset={offset} selectedIndex={selectedIndex} onSelect={onSelect} />
    </BarChart>
  );
});

const CHART_STYLE = { width: "100%", height: 300 } as const;
const CHART_MARGIN = { top: 8, right: 8, bottom: 0, left: 8 } as const;
const TICK = { fill: "currentColor", fontSize: 12 } as const;

/** The phone layout's breakpoint (styles.css). */
const NARROW_QUERY = "(max-width: 699.98px)";

/** One MediaQueryList for the page: `matchMedia` builds a new one per call, and useSyncExternalStore
 *  reads the snapshot at every render (2–3 ms per plan in the issue 13 profile). */
let narrowQuery: MediaQueryList | null = null;
function narrowList(): MediaQueryList {
  narrowQuery ??= matchMedia(NARROW_QUERY);
  return narrowQuery;
}

function subscribeNarrow(listener: () => void): () => void {
  const query = narrowList();
  query.addEventListener("change", listener);
  return () => query.removeEventListener("change", listener);
}

function useNarrow(): boolean {
  return useSyncExternalStore(subscribeNarrow, () => narrowList().matches);
}

function ChartTooltip(props: TooltipContentProps) {
  const row = props.payload[0]?.payload as ChartRow | undefined;
  if (!props.active || row === undefined) return null;
  return (
    <div className="chart-tooltip" data-testid="chart-tooltip">
      <p className="chart-tooltip__title">{row.name}: {row.title}</p>
      <p>{formatBytes(row.total)} on disk, {formatBytes(row.compressed)} to pull{row.ifApplied === null ? null : " without it"}</p>
      {row.ifApplied === null ? null : (
        <p data-testid="chart-tooltip-if-applied">Offered, not applied. If applied (dashed line): {formatBytes(row.ifApplied.total)} on disk, {formatBytes(row.ifApplied.compressed)} to pull.</p>
      )}
      <ul>
        {CATEGORIES.filter((c) => row[c] > 0).map((c) => (
          <li key={c}>
            <span className="swatch" style={{ background: CATEGORY_COLORS[c] }} /> <strong>{CATEGORY_LABELS[c]}</strong> {formatBytes(row[c])}
            <ul>
              {row.sources[c].map((s) => <li key={s.label}>{s.label} — {formatBytes(s.bytes)} <span className="muted">({s.source})</span></li>)}
              {row.others[c] > 0 ? <li className="muted">others — {formatBytes(row.others[c])}</li> : null}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}

const ChartTable = memo(function ChartTable({ rows }: { readonly rows: readonly ChartRow[] }) {
  return (
    <div className="visually-hidden">
    <table data-testid="chart-data">
      <caption>Estimated size after each step</caption>
      <thead>
        <tr><th scope="col">Step</th>{CATEGORIES.map((c) => <th key={c} scope="col">{CATEGORY_LABELS[c]}</th>)}<th scope="col">Total</th><th scope="col">Pull</th></tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name}>
            <th scope="row">{r.name}: {r.title}{r.ifApplied === null ? "" : ` (offered, not applied; if applied: ${formatBytes(r.ifApplied.total)} on disk, ${formatBytes(r.ifApplied.compressed)} to pull)`}</th>
            {CATEGORIES.map((c) => <td key={c}>{formatBytes(r[c])}</td>)}
            <td>{formatBytes(r.total)}</td>
            <td>{formatBytes(r.compressed)}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
});
