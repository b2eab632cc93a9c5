import { afterAll, describe, expect, it } from "vitest";
import { loadPythonTable } from "../../node/load-python-table";
import { ASSUMPTIONS } from "../estimate/assumptions";
import { TABLES_VERSION } from "./data/tables-version";
import { installPythonTable, pythonTable } from "./python-table";
import { TEST_TABLE } from "./test-table";

describe("installPythonTable", () => {
  afterAll(() => {
    loadPythonTable();
  });

  it.each([
    { name: "not an object", json: "[]", path: "(root)" },
    { name: "a calibration of the wrong shape", json: { ...TEST_TABLE, calibration: { ...TEST_TABLE.calibration, pure: { ratio: "7" } } }, path: "calibration.pure.ratio" },
    { name: "an unknown format", json: { ...TEST_TABLE, format: 2 }, path: "format" },
  ])("rejects $name with where and why, keeping the table it had", ({ json, path }) => {
    const before = pythonTable();
    const result = installPythonTable(json);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(`at ${path}`);
    expect(pythonTable()).toBe(before);
  });

  it("a project whose rows are malformed is checked when looked up, and is then as good as absent", () => {
    const bad = { ...TEST_TABLE, projects: { ...TEST_TABLE.projects, x: [["1.0", [], {}, null, [["py3-none-any", "big"]], 0, 1]] } };
    expect(installPythonTable(bad).ok).toBe(true);
    expect(pythonTable()?.versions("x")).toEqual([]);
    expect(pythonTable()?.versions("web")?.length).toBe(TEST_TABLE.projects.web.length);
  });

  it("installs a valid table", () => {
    expect(installPythonTable(TEST_TABLE)).toEqual({ ok: true, projects: Object.keys(TEST_TABLE.projects).length });
    expect(pythonTable()?.tablesVersion).toBe("test.00000000");
  });
});

describe("the generated table (src/engine/knowledge/data/python-wheels.json)", () => {
  it("loads, and carries the same TABLES_VERSION as the bundled tables", () => {
    const result = loadPythonTable();
    expect(result.ok).toBe(true);
    expect(pythonTable()?.tablesVersion).toBe(TABLES_VERSION);
  });

  it("the package-ratio assumption states the calibrated pure ratio", () => {
    loadPythonTable();
    const pure = pythonTable()?.calibration.pure;
    expect(ASSUMPTIONS.packageRatio.value).toBe(pure?.ratio);
    expect(ASSUMPTIONS.packageRatio.text).toContain(`pure ${pure?.ratio.toFixed(2)}`);
    expect(ASSUMPTIONS.packageRatio.text).toContain(`median ${Math.round((pure?.medianError ?? 0) * 100)}%, p90 ${Math.round((pure?.p90Error ?? 0) * 100)}%`);
    const compiled = pythonTable()?.calibration.compiled;
    expect(ASSUMPTIONS.packageRatio.text).toContain(`compiled ${compiled?.ratio.toFixed(2)} (median ${Math.round((compiled?.medianError ?? 0) * 100)}%, p90 ${Math.round((compiled?.p90Error ?? 0) * 100)}%)`);
    const native = pythonTable()?.calibration.nativeLibs;
    expect(ASSUMPTIONS.packageRatio.text).toContain(`native libraries ${native?.ratio.toFixed(2)} (median ${Math.round((native?.medianError ?? 0) * 100)}%, p90 ${Math.round((native?.p90Error ?? 0) * 100)}%)`);
  });

  it("every project has versions, and every wheel positive bytes", () => {
    loadPythonTable();
    const table = pythonTable();
    for (const name of table?.names() ?? []) {
      const versions = table?.versions(name) ?? [];
      expect(versions.length).toBeGreaterThan(0);
      for (const version of versions) for (const [, bytes] of version.wheels) expect(bytes).toBeGreaterThan(0);
    }
  });
});
