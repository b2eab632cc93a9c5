import { describe, expect, it } from "vitest";
import { buildPlan } from "../../engine/plan/plan";
import { FLASK_FAT } from "../../examples/index";
import { toPlanView } from "../../worker/plan-view";
import { chartRows } from "./chart-data";

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

  it("accounts for every byte beyond the named contributors", () => {
    const first = rows[0];
    if (first === undefined) throw new Error("no rows");
    const named = first.sources.python.reduce((n, s) => n + s.bytes, 0);
    expect(named + first.others.python).toBe(first.python);
  });
});
