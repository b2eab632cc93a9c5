import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pythonTable } from "../engine/knowledge/python-table";
import { loadPythonTable } from "./load-python-table";

describe("loadPythonTable", () => {
  const dir = mkdtempSync(join(tmpdir(), "ww-table-"));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    loadPythonTable();
  });

  it.each([
    { name: "a missing file", file: "missing.json", content: null, error: "cannot read the package table" },
    { name: "a file that is not JSON", file: "broken.json", content: "{\"tablesVersion\":", error: "cannot read the package table" },
    { name: "JSON of another shape", file: "other.json", content: "{\"rows\":[]}", error: "does not have the expected shape" },
  ])("$name is an error result, and the installed table stays", ({ file, content, error }) => {
    const before = pythonTable();
    if (content !== null) writeFileSync(join(dir, file), content);
    const result = loadPythonTable(join(dir, file));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(error);
    expect(pythonTable()).toBe(before);
  });

  it("loads the generated table by default", () => {
    expect(loadPythonTable()).toMatchObject({ ok: true });
    expect(pythonTable()?.projectCount).toBeGreaterThan(4000);
  });
});
