import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import { estimate } from "./test-support";
import { uncountedWarnings } from "./uncounted";

describe("uncountedWarnings", () => {
  const w = (code: string, line: number | null, message = `${code} here`) => ({ code, message, line });

  it("keeps the warnings whose bytes the totals leave out, in order, each line and message once", () => {
    const warnings = [w("unknown-base-image", 1), w("deleted-in-later-layer", 2), w("unmodelled-command", 3), w("unmodelled-command", 3), w("add-url", null)];
    expect(uncountedWarnings({ warnings })).toEqual([w("unknown-base-image", 1), w("unmodelled-command", 3), w("add-url", null)]);
  });

  it("leaves out what only a build stage outside the final image does", () => {
    // The Node stage's unknown base and its npm run weigh nothing in the image; the COPY of its output does.
    const e = estimate("FROM registry.example.com/node-builder:1 AS assets\nRUN npm ci && npm run build\nFROM python:3.12-slim\nCOPY --from=assets /src/dist /app/static\nRUN curl -fsSL https://example.com/tool.tgz | tar -xz\n");
    const lines = uncountedWarnings(e).map((x) => x.line);
    expect(e.warnings.some((x) => x.line === 1 && x.code === "unknown-base-image")).toBe(true);
    expect(lines).not.toContain(1);
    expect(lines).not.toContain(2);
    expect(lines).toContain(4);
    expect(lines).toContain(5);
  });

  it("counts a lock install whose lock and manifest were both not given, not one whose manifest stands in", () => {
    const dockerfile = "FROM python:3.12-slim\nWORKDIR /app\nRUN pip install poetry && poetry install --no-root\n";
    const pyproject = { path: "pyproject.toml", content: "[tool.poetry]\nname = \"app\"\nversion = \"0.1.0\"\n\n[tool.poetry.dependencies]\npython = \"^3.12\"\nflask = \"^3.0\"\n" };
    const nothing = analyze({ dockerfile, requirements: [], dockerignore: null, projectFiles: [] }).estimate;
    const manifestOnly = analyze({ dockerfile, requirements: [], dockerignore: null, projectFiles: [pyproject] }).estimate;
    // Nothing given: poetry's packages weigh nothing, so a budget cannot call the total complete.
    expect(uncountedWarnings(nothing).map((x) => [x.code, x.line])).toContainEqual(["project-files-not-given", 3]);
    // pyproject.toml given: its dependencies are resolved from the table and counted; the warning stays.
    expect(manifestOnly.warnings.map((x) => x.code)).toContain("lock-not-given");
    expect(uncountedWarnings(manifestOnly).map((x) => x.code)).not.toContain("lock-not-given");
    expect(manifestOnly.byCategory.python).toBeGreaterThan(nothing.byCategory.python);
  });

  it("counts a copy of a builder's venv whose requirements were not given, though the venv itself was weighed", () => {
    // The venv's own files (pip, the interpreter links) are entries the COPY selects; its packages are not.
    const dockerfile = "FROM python:3.12 AS build\nRUN python -m venv /venv && /venv/bin/pip install -r requirements.txt\nFROM python:3.12-slim\nCOPY --from=build /venv /venv\n";
    const without = estimate(dockerfile);
    expect(uncountedWarnings(without).map((x) => [x.code, x.line])).toEqual([["copy-from-uncounted", 4]]);
    const given = estimate(dockerfile, { requirements: { "requirements.txt": "flask==3.0.3\n" } });
    expect(uncountedWarnings(given)).toEqual([]);
    // A directory of its own copied from that builder carries none of the venv.
    const other = "FROM python:3.12 AS build\nRUN python -m venv /venv && /venv/bin/pip install -r requirements.txt\nCOPY app.py /out/app.py\nFROM python:3.12-slim\nCOPY --from=build /out /out\n";
    expect(uncountedWarnings(estimate(other))).toEqual([]);
  });

  it("counts a package file installed with apt as left out, not as one unknown package", () => {
    const withFile = estimate("FROM python:3.12-slim\nCOPY chrome.deb /tmp/\nRUN apt-get update && apt-get install -y /tmp/chrome.deb\n");
    expect(uncountedWarnings(withFile).map((x) => [x.code, x.line])).toEqual([["local-package-file", 3]]);
    // Only the lists are weighed in that RUN: the package file's install is not given a default size.
    const listsOnly = estimate("FROM python:3.12-slim\nCOPY chrome.deb /tmp/\nRUN apt-get update\n");
    expect(withFile.layers.find((l) => l.line === 3)?.bytes).toBe(listsOnly.layers.find((l) => l.line === 3)?.bytes);
  });

  it("is empty for an estimate without warnings", () => {
    expect(uncountedWarnings({})).toEqual([]);
  });
});
