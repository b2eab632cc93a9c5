// The size of the image after each step, stacked by category, with the pull (compressed) size beside
// each bar. Loaded lazily with Recharts; the step list carries the same numbers until it arrives, and a
// visually hidden table carries them for screen readers.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { CATEGORIES } from "../../engine/estimate/types";
import { formatBytes } from "../../engine/format";
import type { StepView } from "../../worker/plan-view";
import { CATEGORY_COLORS, CATEGORY_LABELS, PULL_COLOR } from "../labels";
import { chartRows, type ChartRow } from "./chart-data";

export function SizeChart({ steps, selectedIndex, onSelect }: { readonly steps: readonly StepView[]; readonly selectedIndex: number; readonly onSelect: (index: number) => void }) {
  const rows = chartRows(steps);
  return (
    <figure className="chart" data-testid="chart">
      <BarChart responsive style={{ width: "100%", height: 300 }} data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
        barCategoryGap="18%" onClick={(state) => {
          const index = Number(state.activeTooltipIndex);
          if (Number.isInteger(index) && index >= 0) onSelect(index);
        }}>
        <CartesianGrid vertical={false} strokeOpacity={0.25} />
        <XAxis dataKey="name" tick={{ fill: "currentColor", fontSize: 12 }} />
        <YAxis tickFormatter={(v: number) => formatBytes(v)} width={72} tick={{ fill: "currentColor", fontSize: 12 }} />
        <Tooltip content={ChartTooltip} cursor={{ fillOpacity: 0.08 }} wrapperStyle={{ zIndex: 10 }} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        {CATEGORIES.map((c) => (
          <Bar key={c} dataKey={c} name={CATEGORY_LABELS[c]} stackId="disk" fill={CATEGORY_COLORS[c]} isAnimationActive={false} />
        ))}
        <Bar dataKey="compressed" name="Pull (compressed)" stackId="pull" fill={PULL_COLOR} isAnimationActive={false} />
      </BarChart>
      <figcaption className="chart__caption">
        On-disk size by category after each step; grey: what <code>docker pull</code> downloads. Selected: {rows[selectedIndex]?.name ?? ""}.
      </figcaption>
      <ChartTable rows={rows} />
    </figure>
  );
}

function ChartTooltip(props: TooltipContentProps) {
  const row = props.payload[0]?.payload as ChartRow | undefined;
  if (!props.active || row === undefined) return null;
  return (
    <div className="chart-tooltip" data-testid="chart-tooltip">
      <p className="chart-tooltip__title">{row.name}: {row.title}</p>
      <p>{formatBytes(row.total)} on disk, {formatBytes(row.compressed)} to pull</p>
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

function ChartTable({ rows }: { readonly rows: readonly ChartRow[] }) {
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
            <th scope="row">{r.name}: {r.title}</th>
            {CATEGORIES.map((c) => <td key={c}>{formatBytes(r[c])}</td>)}
            <td>{formatBytes(r.total)}</td>
            <td>{formatBytes(r.compressed)}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
