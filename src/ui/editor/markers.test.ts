import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../engine/diagnostics";
import type { Finding } from "../../engine/rules/types";
import { analyze } from "../../engine/analyze";
import { markersFor } from "./markers";

const finding: Finding = { ruleId: "size/base-variant", messageId: "m", message: "full image", severity: "warning", line: 1, column: 1, endLine: 1, endColumn: 17 };
const diagnostics: Diagnostic[] = [
  { message: "bad line", line: 3, column: 5, severity: "error", code: "dockerfile/x", file: "dockerfile" },
  { message: "bad requirement", line: 2, column: 1, severity: "info", code: "requirements/y", file: { requirements: "requirements.txt" } },
  { message: "bad pattern", line: 1, column: 2, severity: "warning", code: "dockerignore/z", file: "dockerignore" },
];

describe("markersFor", () => {
  it("puts findings and the Dockerfile's diagnostics on the Dockerfile, with their ranges", () => {
    expect(markersFor("dockerfile", [finding], diagnostics)).toEqual([
      expect.objectContaining({ severity: 8, message: "bad line", code: "dockerfile/x", startLineNumber: 3, startColumn: 5, endLineNumber: 3 }),
      expect.objectContaining({ severity: 4, message: "full image", code: "size/base-variant", startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 17 }),
    ]);
  });

  it.each([
    { name: "requirements file", file: { requirements: "requirements.txt" } as const, code: "requirements/y", severity: 2 },
    { name: ".dockerignore", file: "dockerignore" as const, code: "dockerignore/z", severity: 4 },
  ])("gives the $name only its own diagnostics", ({ file, code, severity }) => {
    expect(markersFor(file, [finding], diagnostics)).toEqual([expect.objectContaining({ code, severity })]);
  });

  it("gives another requirements file nothing", () => {
    expect(markersFor({ requirements: "dev.txt" }, [finding], diagnostics)).toEqual([]);
  });

  it("marks build-check findings on the user's Dockerfile like lint findings", () => {
    const analysis = analyze({ dockerfile: "FROM python:3.12-slim\nRUN pip install -r requirements.txt\n", requirements: [], dockerignore: null });
    expect(markersFor("dockerfile", [], analysis.diagnostics)).toContainEqual(expect.objectContaining({
      severity: 8, code: "build-check/file-not-in-image", source: "whaleweight build check", startLineNumber: 2, startColumn: 20, message: expect.stringContaining("not in the image yet") as unknown,
    }));
  });
});
