// The wheel table installed from its text (rows parsed when looked up) answers every lookup exactly as the
// table parsed whole does: the same project names, the same versions of every project, the same measured
// rows. Also: text in another layout (pretty-printed) is parsed whole, and damage is an error result.
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { installPythonTable, installPythonTableText, pythonTable, type PythonTable } from "../engine/knowledge/python-table";
import { loadPythonTable, PYTHON_TABLE_PATH } from "./load-python-table";

/** A whole-table snapshot: every project's versions and measured row. Seconds on the 4,500-project table. */
const TIMEOUT = 120_000;

function snapshot(table: PythonTable | null) {
  if (table === null) return null;
  const names = [...table.names()];
  return {
    tablesVersion: table.tablesVersion, generated: table.generated, calibration: table.calibration, projectCount: table.projectCount, names,
    rows: names.map((name) => [name, table.versions(name), table.measured(name)] as const),
  };
}

describe("installPythonTableText", () => {
  const text = readFileSync(PYTHON_TABLE_PATH, "utf8");
  afterAll(() => {
    loadPythonTable();
  });

  it("answers every lookup as the table parsed whole", () => {
    expect(installPythonTable(JSON.parse(text) as unknown)).toMatchObject({ ok: true });
    const whole = snapshot(pythonTable());
    expect(installPythonTableText(text)).toMatchObject({ ok: true });
    const indexed = snapshot(pythonTable());
    expect(indexed).toEqual(whole);
    // And for names it does not hold (a prototype key among them).
    for (const name of ["not-a-project", "__proto__", "constructor"]) {
      expect(pythonTable()?.versions(name)).toBeNull();
      expect(pythonTable()?.measured(name)).toBeNull();
    }
  }, TIMEOUT);

  it("parses text in another layout whole", () => {
    const pretty = JSON.stringify(JSON.parse(text) as unknown, null, 1);
    expect(installPythonTableText(pretty)).toMatchObject({ ok: true });
    expect(pythonTable()?.versions("flask")?.[0]?.version).toBe(JSON.parse(text).projects.flask[0][0]);
  });

  it.each([
    { name: "a cut file", damaged: text.slice(0, text.length >> 1), error: "is not JSON" },
    { name: "a header of another shape", damaged: text.replace('"format":1,', '"format":2,'), error: "does not have the expected shape" },
  ])("is an error result for $name", ({ damaged, error }) => {
    const result = installPythonTableText(damaged);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(error);
  });

  it("reads a damaged row as an absent project, not a failure", () => {
    // The projects section's row ("flask" is a measured row too, which is checked at install).
    const at = text.indexOf('"projects":{');
    const damaged = text.slice(0, at) + text.slice(at).replace(/^"flask":\[.*$/m, '"flask":[["3.0",oops],');
    expect(installPythonTableText(damaged)).toMatchObject({ ok: true });
    expect(pythonTable()?.versions("flask")).toEqual([]);
    expect(pythonTable()?.versions("requests")?.length).toBeGreaterThan(0);
  });
});
