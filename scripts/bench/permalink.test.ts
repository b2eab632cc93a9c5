import { describe, expect, it } from "vitest";
import { permalinkRows } from "./permalink";

describe("permalinkRows", () => {
  it("gives every example a link of a few hundred characters", () => {
    const rows = permalinkRows();
    expect(rows.map((r) => r.example)).toEqual(["flask", "django", "fastapi", "data-job"]);
    for (const row of rows) expect(row.length).toBeGreaterThan(100);
    for (const row of rows) expect(row.length).toBeLessThan(2000);
  });
});
