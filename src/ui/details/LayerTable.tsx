// The selected step's layers, like `dive`: what each instruction adds, its category and where the number
// came from. Build-stage layers are listed apart: they are not in the final image. On a phone the rows
// reflow into labelled blocks (data-label, styles.css), so Size and Source are never off-screen.
import { useState } from "react";
import type { LayerEstimate } from "../../engine/estimate/types";
import { formatBytes } from "../../engine/format";
import { CATEGORY_LABELS, labelWithSource } from "../labels";
import { LineLink } from "./LineLink";

/** Rows shown before "show all": a 1 MB Dockerfile can have thousands of layers. */
const FIRST_ROWS = 100;
/** Sources named per layer; the tooltip (title) lists them all. */
const SOURCES_SHOWN = 3;

export function LayerTable({ layers, caption, testId, linesInEditor }: { readonly layers: readonly LayerEstimate[]; readonly caption: string; readonly testId: string; readonly linesInEditor: boolean }) {
  const [all, setAll] = useState(false);
  if (layers.length === 0) return null;
  const shown = all ? layers : layers.slice(0, FIRST_ROWS);
  return (
    // Focusable and named: a region that scrolls sideways must be reachable by keyboard (axe
    // scrollable-region-focusable).
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="layers" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Instruction</th>
            <th scope="col">Category</th>
            <th scope="col" className="num">Size</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((layer, i) => (
            <tr key={`${layer.stageIndex}:${layer.line}:${i}`} data-testid="layer-row">
              <td className="num" data-label="Line"><LineLink line={layer.line} inEditor={linesInEditor} label={String(layer.line)} /></td>
              <td data-label="Instruction"><code className="layers__instruction">{layer.instruction}</code></td>
              <td data-label="Category">{CATEGORY_LABELS[layer.category]}</td>
              <td className="num" data-label="Size">
                {formatBytes(layer.bytes)}
                {layer.deletedLaterBytes > 0 ? <span className="layers__deleted" title="Deleted by a later instruction, but still in this layer and so in the image">{" "}({formatBytes(layer.deletedLaterBytes)} deleted later, still shipped)</span> : null}
              </td>
              <td className="layers__source" data-label="Source" title={sourceTitle(layer)}>{sourceSummary(layer)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {layers.length > FIRST_ROWS && !all ? (
        <button type="button" className="link-button" onClick={() => setAll(true)}>Show all {layers.length} layers</button>
      ) : null}
    </div>
  );
}

function sourceSummary(layer: LayerEstimate): string {
  const items = layer.items.slice().sort((a, b) => b.bytes - a.bytes);
  if (items.length === 0) return "adds no files";
  const named = items.slice(0, SOURCES_SHOWN).map((item) => labelWithSource(item.label, item.sources[0]));
  const rest = items.length - SOURCES_SHOWN;
  return rest > 0 ? `${named.join("; ")}; +${rest} more` : named.join("; ");
}

function sourceTitle(layer: LayerEstimate): string {
  return layer.items
    .flatMap((item) => item.sources.map((s) => `${item.label}: ${formatBytes(item.bytes)} — ${s.source}${s.date === null ? "" : ` (${s.date})`}${s.note === undefined ? "" : `; ${s.note}`}`))
    .join("\n");
}
