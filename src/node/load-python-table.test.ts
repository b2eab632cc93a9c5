import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pythonTable } from "../engine/knowledge/python-table";
import { wheelTableIndex } from "../../scripts/build-cli";
import { loadPythonTable, PYTHON_TABLE_INDEX, PYTHON_TABLE_PATH } from "./load-python-table";

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

  describe("with the index the CLI's build writes beside the table", () => {
    const indexed = mkdtempSync(join(tmpdir(), "ww-indexed-"));
    const table = join(indexed, "python-wheels.json");
    copyFileSync(PYTHON_TABLE_PATH, table);
    writeFileSync(join(indexed, PYTHON_TABLE_INDEX), JSON.stringify(wheelTableIndex(readFileSync(PYTHON_TABLE_PATH))));
    afterAll(() => rmSync(indexed, { recursive: true, force: true }));

    // Projects with non-ASCII text before them in the file, and after: the index counts bytes, not characters.
    it("answers every lookup as the table read whole does", () => {
      expect(loadPythonTable()).toMatchObject({ ok: true });
      const whole = pythonTable();
      const names = whole?.names() ?? [];
      const sample = names.filter((_, i) => i % 97 === 0).concat(["flask", "numpy", "torch", "no-such-project"]);
      const expected = sample.map((name) => [whole?.versions(name), whole?.measured(name)]);
      expect(loadPythonTable(table)).toMatchObject({ ok: true, projects: names.length });
      expect(pythonTable()).not.toBe(whole);
      expect(sample.map((name) => [pythonTable()?.versions(name), pythonTable()?.measured(name)])).toEqual(expected);
      expect(pythonTable()?.names()).toEqual(names);
    });

    it.each([
      // flask's own row: were the index used, its lookup would read the wrong bytes.
      { name: "an offset that is not a byte offset", change: (index: Record<string, unknown>) => ({ ...index, offsets: (index.offsets as number[]).map((n, i) => (i === 2 * (index.names as string[]).indexOf("flask") ? -1 : n)) }) },
      { name: "one offset missing", change: (index: Record<string, unknown>) => ({ ...index, offsets: (index.offsets as number[]).slice(1) }) },
      { name: "a name that is not a string", change: (index: Record<string, unknown>) => ({ ...index, names: [3, ...(index.names as string[]).slice(1)] }) },
      { name: "rows of the former layout", change: (index: Record<string, unknown>) => ({ ...index, names: undefined, offsets: undefined, rows: {} }) },
    ])("an index with $name is not used: the table is read whole", ({ change }) => {
      const other = mkdtempSync(join(tmpdir(), "ww-bad-index-"));
      try {
        copyFileSync(table, join(other, "python-wheels.json"));
        writeFileSync(join(other, PYTHON_TABLE_INDEX), JSON.stringify(change(JSON.parse(readFileSync(join(indexed, PYTHON_TABLE_INDEX), "utf8")) as Record<string, unknown>)));
        expect(loadPythonTable(join(other, "python-wheels.json"))).toMatchObject({ ok: true });
        expect(pythonTable()?.versions("flask")?.length).toBeGreaterThan(0);
        expect(pythonTable()?.names()).toContain("flask");
      } finally {
        rmSync(other, { recursive: true, force: true });
      }
    });

    it("is not used for a table it was not made from (another size): the table is read whole", () => {
      const other = mkdtempSync(join(tmpdir(), "ww-stale-"));
      try {
        // One character more before every row: offsets from the index would read the wrong bytes.
        writeFileSync(join(other, "python-wheels.json"), ` ${readFileSync(PYTHON_TABLE_PATH, "utf8")}`);
        copyFileSync(join(indexed, PYTHON_TABLE_INDEX), join(other, PYTHON_TABLE_INDEX));
        expect(loadPythonTable(join(other, "python-wheels.json"))).toMatchObject({ ok: true });
        expect(pythonTable()?.versions("flask")?.length).toBeGreaterThan(0);
      } finally {
        rmSync(other, { recursive: true, force: true });
      }
    });
  });
});
