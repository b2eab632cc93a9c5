import { describe, expect, it } from "vitest";
import type { ImageEstimate, LayerEstimate, LayerItem } from "../../engine/estimate/types";
import { formatBytes } from "../../engine/format";
import { layerHints, requirementHints, requirementName } from "./inline-sizes";

function item(label: string, bytes: number, category: LayerItem["category"] = "python"): LayerItem {
  return { label, bytes, category, sources: [], path: "/x" };
}

function layer(line: number, items: LayerItem[]): LayerEstimate {
  return { stage: "0", stageIndex: 0, line, instruction: "RUN x", bytes: items.reduce((s, i) => s + i.bytes, 0), category: "python", items, deletedLaterBytes: 0 };
}

function estimate(layers: LayerEstimate[], buildLayers: LayerEstimate[] = []): ImageEstimate {
  return { layers, buildLayers } as Partial<ImageEstimate> as ImageEstimate;
}

describe("requirementName", () => {
  it.each([
    ["flask==3.0.3", "flask"],
    ["Flask_SQLAlchemy>=3 ; python_version>'3.8'", "flask-sqlalchemy"],
    ["  gunicorn  # server", "gunicorn"],
    ["# a comment", null],
    ["-r base.txt", null],
    ["    --hash=sha256:abc", null],
    ["", null],
  ])("%j names %j", (line, name) => {
    expect(requirementName(line)).toBe(name);
  });
});

describe("requirementHints", () => {
  it("puts each package's own size on its line, summed over layers, leaving the wheel and cache out", () => {
    const e = estimate([
      layer(4, [item("flask 3.1.3", 751_169), item("werkzeug 3.1.3", 1_000_000), item("pip cache (2 packages)", 9_000_000), item("flask 3.1.3 (wheel)", 100_000)]),
      layer(6, [item("Flask 3.1.3", 1_000)]),
    ]);
    expect(requirementHints("flask==3.0.3\n# werkzeug comes with flask\nrequests\n", e)).toEqual([
      { line: 1, text: formatBytes(752_169), title: `flask installed: ${formatBytes(752_169)}, without its dependencies.` },
    ]);
  });

  it("marks a package not in the tables as assumed, and one only in a build stage as such", () => {
    const e = estimate([layer(3, [item("mystery (not in the tables)", 5_000_000), item("private (not in the tables; sized from its locked wheel)", 40_000)])], [layer(2, [item("numpy 2.1.0", 30_000_000)])]);
    const hints = requirementHints("mystery\nnumpy\nprivate\n", e);
    expect(hints.map((h) => h.text)).toEqual([`~${formatBytes(5_000_000)}`, `${formatBytes(30_000_000)} (build stage)`, `~${formatBytes(40_000)}`]);
  });
});

describe("layerHints", () => {
  it("one per layer that adds bytes, in line order, build layers labelled", () => {
    const e = estimate([layer(4, [item("flask 3.1.3", 2_000)]), layer(1, [item("python:3.12", 5_000, "base")]), layer(3, [])], [layer(2, [item("gcc", 7_000, "buildTools")])]);
    expect(layerHints(e).map((h) => [h.line, h.text])).toEqual([
      [1, `+${formatBytes(5_000)}`], [2, `+${formatBytes(7_000)} (build stage)`], [4, `+${formatBytes(2_000)}`],
    ]);
  });
});
