import { describe, expect, it } from "vitest";
import { buildPlan } from "../../engine/plan/plan";
import { FLASK_FAT } from "../../examples/index";
import { toPlanView } from "../../worker/plan-view";
import { barAfterKey, chartRows, zoomDomain } from "./chart-data";

const plan = toPlanView(buildPlan({
  dockerfile: FLASK_FAT.dockerfile,
  requirements: FLASK_FAT.requirements.map((f) => ({ path: f.path, content: f.text })),
  dockerignore: FLASK_FAT.dockerignore,
}));

describe("chartRows", () => {
  const rows = chartRows(plan.steps);

  it("has one row per step, the categories summing to the total", () => {
    expect(rows).toHaveLength(plan.steps.length);
    for (const row of rows) {
      expect(row.base + row.system + row.python + row.pipCache + row.buildTools + row.app).toBe(row.total);
      expect(row.compressed).toBeLessThan(row.total);
    }
  });

  it("names the biggest contributors of each category with their source", () => {
    const first = rows[0];
    expect(first?.sources.base[0]).toMatchObject({ label: expect.stringContaining("python:3.12"), source: expect.stringMatching(/^base-images: /) });
    expect(first?.sources.python.length).toBeGreaterThan(0);
    expect(first?.sources.python.length).toBeLessThanOrEqual(3);
  });

  it("gives an offered step's bar the size without it, and its would-be sizes beside (for the dashed mark)", () => {
    const offered = plan.steps.flatMap((step, i) => (step.status === "offered" ? [{ step, row: rows[i] }] : []));
    expect(offered.length).toBeGreaterThan(0);
    for (const { step, row } of offered) {
      expect(row?.total).toBe(step.estimate.totalBytes);
      expect(row?.ifApplied).toEqual({ total: step.preview?.totalBytes, compressed: step.preview?.compressedBytes });
    }
    expect(rows.filter((_, i) => plan.steps[i]?.status !== "offered").map((r) => r.ifApplied)).toEqual(plan.steps.filter((s) => s.status !== "offered").map(() => null));
  });

  it("accounts for every byte beyond the named contributors", () => {
    const first = rows[0];
    if (first === undefined) throw new Error("no rows");
    const named = first.sources.python.reduce((n, s) => n + s.bytes, 0);
    expect(named + first.others.python).toBe(first.python);
  });
});

describe("zoomDomain", () => {
  it("is null with no steps after the first", () => {
    expect(zoomDomain([])).toBeNull();
  });

  // The lower bound starts below the smallest bar (so it shows a stub) at a 2-significant-digit number;
  // the upper bound clears the tallest.
  it.each([
    { totals: [400e6, 380e6, 350e6], lower: 330e6 },
    { totals: [1e9, 1e9], lower: 980e6 },
    { totals: [120e6, 60e6], lower: 45e6 },
  ])("zooms $totals to start at $lower", ({ totals, lower }) => {
    const domain = zoomDomain(totals.map((total) => ({ total })));
    expect(domain?.[0]).toBe(lower);
    expect(domain?.[0]).toBeLessThan(Math.min(...totals));
    expect(domain?.[1]).toBeGreaterThan(Math.max(...totals));
  });

  it("keeps an offered step's would-be size in view when it is below every bar", () => {
    const domain = zoomDomain([{ total: 400e6, ifApplied: null }, { total: 380e6, ifApplied: { total: 200e6, compressed: 80e6 } }]);
    expect(domain?.[0]).toBeLessThan(200e6);
    expect(zoomDomain([{ total: 400e6 }, { total: 380e6 }])?.[0]).toBeGreaterThan(200e6);
  });

  it("never goes below zero", () => {
    expect(zoomDomain([{ total: 10 }, { total: 1_000 }])?.[0]).toBe(0);
  });

  it("makes the differences between later steps visible where a zero-based axis hides them", () => {
    const later = chartRows(plan.steps).slice(1);
    const domain = zoomDomain(later);
    expect(later.length).toBeGreaterThan(1);
    if (domain === null) throw new Error("no zoom for a plan with steps");
    const max = Math.max(...later.map((r) => r.total));
    const min = Math.min(...later.map((r) => r.total));
    // The share of the axis the spread of the bars takes: larger when zoomed.
    expect((max - min) / (domain[1] - domain[0])).toBeGreaterThan((max - min) / max);
  });
});

describe("barAfterKey", () => {
  it.each([
    { key: "ArrowRight", current: 0, next: 1 },
    { key: "ArrowDown", current: 1, next: 2 },
    { key: "ArrowRight", current: 3, next: 0 },
    { key: "ArrowLeft", current: 0, next: 3 },
    { key: "ArrowUp", current: 2, next: 1 },
    { key: "Home", current: 2, next: 0 },
    { key: "End", current: 0, next: 3 },
    { key: "a", current: 1, next: null },
    { key: "Enter", current: 1, next: null },
  ])("$key from $current of 4 → $next", ({ key, current, next }) => {
    expect(barAfterKey(key, current, 4)).toBe(next);
  });

  it("has nowhere to go with no bars", () => {
    expect(barAfterKey("ArrowRight", 0, 0)).toBeNull();
  });
});
