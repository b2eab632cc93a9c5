import { describe, expect, it } from "vitest";
import { findPythonPackage, normalizePackageName, pythonPackageSource, resolvePythonClosure } from "./python-packages";

describe("normalizePackageName (PEP 503)", () => {
  it.each([
    { name: "case", input: "Flask", out: "flask" },
    { name: "underscore", input: "typing_extensions", out: "typing-extensions" },
    { name: "dot", input: "zope.interface", out: "zope-interface" },
    { name: "runs of separators", input: "Foo.-_Bar", out: "foo-bar" },
    { name: "blanks", input: " PyYAML ", out: "pyyaml" },
  ])("$name", ({ input, out }) => {
    expect(normalizePackageName(input)).toBe(out);
  });
});

describe("findPythonPackage", () => {
  it.each([
    { name: "pure package", input: "requests", version: "2.34.2", installed: 479664, wheel: 73075 },
    { name: "any spelling", input: "Typing_Extensions", version: "4.16.0", installed: 335858, wheel: 45571 },
    { name: "compiled with musllinux wheel", input: "numpy", version: "2.5.2", installed: 67532170, wheel: 16722264 },
    { name: "unknown size stays null", input: "tensorflow", version: null, installed: null, wheel: null },
  ])("$name", ({ input, version, installed, wheel }) => {
    const row = findPythonPackage(input);
    expect([row?.version, row?.installedBytes, row?.wheelBytes]).toEqual([version, installed, wheel]);
  });

  it("is null for a name not in the table", () => {
    expect(findPythonPackage("not-a-real-package-xyz")).toBeNull();
  });

  it("cites the uv.lock the wheel size came from, with its date", () => {
    const row = findPythonPackage("flask");
    expect(row === null ? null : pythonPackageSource(row)).toMatchObject({
      table: "python-packages",
      key: "flask",
      source: "fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c:uv.lock",
      date: "2026-08-19",
    });
  });

  it("says when dependencies come from memory", () => {
    const row = findPythonPackage("tensorflow");
    expect(row === null ? "" : pythonPackageSource(row).note).toMatch(/not verified/);
  });
});

describe("resolvePythonClosure", () => {
  it.each([
    {
      name: "flask",
      names: ["flask"],
      rows: ["flask", "blinker", "click", "itsdangerous", "jinja2", "markupsafe", "werkzeug"],
      unknown: [],
    },
    {
      name: "requests",
      names: ["requests"],
      rows: ["requests", "certifi", "charset-normalizer", "idna", "urllib3"],
      unknown: [],
    },
    {
      name: "shared dependencies once, requested order first",
      names: ["Werkzeug", "flask"],
      rows: ["werkzeug", "flask", "markupsafe", "blinker", "click", "itsdangerous", "jinja2"],
      unknown: [],
    },
    { name: "unknown names kept, normalised and once", names: ["My_Pkg", "my-pkg", "six"], rows: ["six"], unknown: ["my-pkg"] },
    { name: "empty", names: [], rows: [], unknown: [] },
  ])("$name", ({ names, rows, unknown }) => {
    const closure = resolvePythonClosure(names);
    expect(closure.rows.map((r) => r.name)).toEqual(rows);
    expect(closure.unknown).toEqual(unknown);
  });

  it("pulls torch's CUDA stack transitively, each package once", () => {
    const names = resolvePythonClosure(["torch"]).rows.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(["nvidia-cublas", "nvidia-cudnn-cu13", "triton", "sympy", "mpmath"]));
    expect(new Set(names).size).toBe(names.length);
  });

  it("is deterministic", () => {
    const input = ["fastapi", "uvicorn", "pandas", "sqlalchemy"];
    expect(resolvePythonClosure(input)).toEqual(resolvePythonClosure(input));
  });
});
