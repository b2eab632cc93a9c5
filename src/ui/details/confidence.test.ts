import { describe, expect, it } from "vitest";
import { analyze } from "../../engine/analyze";
import { ASSUMPTIONS } from "../../engine/estimate/assumptions";
import type { LayerItem } from "../../engine/estimate/types";
import { UNKNOWN_PYTHON_PACKAGE } from "../../engine/knowledge";
import type { SourceRef } from "../../engine/knowledge/types";
import { basisOf, confidenceOf, confidenceSentence, formatShare, type Confidence } from "./confidence";

const table: SourceRef = { table: "python-packages", key: "flask", source: "row", date: "2026-11-28" };
const assumed = (key: string): SourceRef => ({ table: "assumption", key, source: "text", date: null });
const item = (sources: readonly SourceRef[]): LayerItem => ({ label: "x", bytes: 1, category: "python", sources, path: "/x" });

describe("basisOf", () => {
  it.each([
    { name: "a table row", sources: [table], expected: null },
    { name: "no source at all", sources: [], expected: null },
    { name: "a mixed item (pip's cache over known and unknown packages)", sources: [table, assumed("unknown-python-package")], expected: null },
    { name: "the unknown-package default", sources: [assumed("unknown-python-package")], expected: { basis: "unknown-default", key: "unknown-python-package" } },
    { name: "the unknown system-package default", sources: [assumed("unknown-system-package")], expected: { basis: "unknown-default", key: "unknown-system-package" } },
    { name: "a size set by the user", sources: [assumed("package-size:acme")], expected: { basis: "set-by-you", key: "set by you" } },
    { name: "a cache over unknown and user-sized packages", sources: [assumed("package-size:acme"), assumed("unknown-python-package")], expected: { basis: "unknown-default", key: "unknown-python-package" } },
    { name: "another named assumption", sources: [assumed("context-size")], expected: { basis: "assumption", key: "context-size" } },
  ])("$name", ({ sources, expected }) => {
    expect(basisOf(item(sources))).toEqual(expected);
  });
});

describe("confidenceOf an estimate", () => {
  const dockerfile = "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n";
  const requirements = [{ path: "requirements.txt", content: "flask==3.0.3\nacme-internal-sdk==2.1.0\nzz-other-private\n" }];

  it("counts unknown packages at the default, the context at its assumption, and typed sizes as the user's", () => {
    const { estimate } = analyze({ dockerfile, requirements, dockerignore: ".git\n", settings: { packageSizes: { "zz-other-private": 5_000_000 } } });
    const c = confidenceOf(estimate);
    expect(c.unknown).toEqual(["acme-internal-sdk"]);
    expect(c.installed).toBe(estimate.installedPackages.length);
    expect(c.installed).toBeGreaterThan(5);
    // pip compiles .pyc by default, so the unknown package weighs the default's installed bytes as is.
    expect(c.unknownDefaultBytes).toBe(UNKNOWN_PYTHON_PACKAGE.installedBytes);
    expect(c.userSetBytes).toBe(5_000_000);
    expect(c.shares).toContainEqual({ key: "context-size", basis: "assumption", bytes: ASSUMPTIONS.contextSize.value });
    expect(c.totalBytes).toBe(estimate.totalBytes);
  });

  it("a typed size takes the package off the unknown list and its bytes off the defaults", () => {
    const { estimate } = analyze({ dockerfile, requirements, dockerignore: ".git\n", settings: { packageSizes: { "acme-internal-sdk": 1_000_000, "zz-other-private": 2_000_000 } } });
    const c = confidenceOf(estimate);
    expect(c.unknown).toEqual([]);
    expect(c.unknownDefaultBytes).toBe(0);
    expect(c.userSetBytes).toBe(3_000_000);
    expect(c.userSetPackages).toBe(2);
  });

  it("a package sized 0 B is still counted as sized by you", () => {
    const { estimate } = analyze({ dockerfile, requirements, dockerignore: ".git\n", settings: { packageSizes: { "acme-internal-sdk": 0, "zz-other-private": 0 } } });
    expect(confidenceOf(estimate)).toMatchObject({ userSetBytes: 0, userSetPackages: 2, unknown: [] });
  });
});

describe("formatShare", () => {
  it.each([[30, 1000, "3%"], [4, 1000, "0.4%"], [1, 100_000, "<0.1%"], [0, 1000, "0%"], [5, 0, "0%"], [250, 1000, "25%"]])("%i of %i → %s", (bytes, total, expected) => {
    expect(formatShare(bytes, total)).toBe(expected);
  });
});

describe("confidenceSentence", () => {
  const base: Confidence = { installed: 41, unknown: [], totalBytes: 800_000_000, unknownDefaultBytes: 0, userSetBytes: 0, userSetPackages: 0, assumptionBytes: 0, shares: [] };
  it.each([
    { name: "nothing unknown", c: base, text: "All 41 Python packages are in the tables; every byte comes from a table row." },
    { name: "no packages", c: { ...base, installed: 0 }, text: "No Python packages installed; every byte comes from a table row." },
    {
      name: "unknown packages and assumptions",
      c: { ...base, unknown: ["a", "b"], unknownDefaultBytes: 24_000_000, assumptionBytes: 2_000_000 },
      text: "2 of 41 Python packages unknown — 24.0 MB (3%) rests on default sizes for unknown packages, 2.00 MB (0.3%) on other stated assumptions.",
    },
    {
      name: "only assumptions and typed sizes",
      c: { ...base, assumptionBytes: 2_000_000, userSetBytes: 40_000_000, userSetPackages: 2 },
      text: "41 Python packages, none unknown (2 sized by you) — 2.00 MB (0.3%) rests on other stated assumptions, 40.0 MB (5%) on sizes set by you.",
    },
  ])("$name", ({ c, text }) => {
    expect(confidenceSentence(c)).toBe(text);
  });
});
