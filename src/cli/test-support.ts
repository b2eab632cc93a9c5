// Helpers for the CLI's tests and the corpus test (not part of the CLI): an in-memory file system behind
// the CliIo interface, and a check of the JSON contract's shape (DESIGN §5: fields may be added, never
// renamed), written out field by field so a renamed or retyped field fails with its path.
import { expect } from "vitest";
import type { CliIo } from "./io";
import { run } from "./main";

export interface FakeRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the CLI over `files` (path → text, or an Error with a `code` to throw when read). */
export function runWith(argv: readonly string[], files: Readonly<Record<string, string | Uint8Array | NodeJS.ErrnoException>>): FakeRun {
  let stdout = "";
  let stderr = "";
  const dirs = new Set(Object.keys(files).flatMap((path) => path.split("/").slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join("/") || "/")));
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readFile: (path) => {
      const content = files[path];
      if (content === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
      if (content instanceof Error) throw content;
      return typeof content === "string" ? new TextEncoder().encode(content) : content;
    },
    kind: (path) => (path in files ? "file" : dirs.has(path) ? "dir" : null),
    list: (dir) => {
      const prefix = dir === "." ? "" : `${dir}/`;
      const names = [...Object.keys(files), ...dirs].filter((p) => p.startsWith(prefix) && p !== dir).map((p) => p.slice(prefix.length).split("/")[0] ?? "");
      return [...new Set(names)].filter((n) => n !== "");
    },
  };
  const code = run(argv, io);
  return { code, stdout, stderr };
}

const number = expect.any(Number) as unknown;
const string = expect.any(String) as unknown;
const nullableNumber = (value: unknown) => value === null || typeof value === "number";

/** Asserts the DESIGN §5 top-level shape of `plan --format json`. */
export function expectPlanContract(json: unknown): void {
  expect(json).toMatchObject({ version: 1, steps: expect.any(Array), findings: expect.any(Array), diagnostics: expect.any(Array) });
  const plan = json as { steps: unknown[]; findings: unknown[]; diagnostics: unknown[] };
  expect(plan.steps.length).toBeGreaterThanOrEqual(1);
  expect(plan.steps[0]).toMatchObject({ id: "original" });
  for (const step of plan.steps as Record<string, unknown>[]) {
    expect(step).toMatchObject({
      id: string,
      title: string,
      dockerfile: string,
      estimate: {
        totalBytes: number, compressedBytes: number, baseBytes: number, rebuildBytes: number,
        byCategory: { base: number, system: number, python: number, pipCache: number, buildTools: number, app: number },
        layers: expect.any(Array),
      },
      warnings: expect.any(Array),
    });
    expect(step.requirements === null || typeof step.requirements === "string").toBe(true);
    // Added 2026-12: an offered step's rewrite (null for every other step).
    if (step.preview !== null && step.preview !== undefined) expect(step.preview).toMatchObject({ dockerfile: string, diff: string, totalBytes: number, compressedBytes: number });
    const estimate = step.estimate as { layers: unknown[] };
    for (const layer of estimate.layers) expect(layer).toMatchObject({ stage: string, line: number, instruction: string, bytes: number, category: string });
    for (const warning of step.warnings as Record<string, unknown>[]) {
      expect(warning).toMatchObject({ code: string, message: string });
      expect(nullableNumber(warning.line)).toBe(true);
    }
  }
  for (const finding of plan.findings) expect(finding).toMatchObject({ ruleId: string, severity: string, line: number, message: string });
  for (const diagnostic of plan.diagnostics) expect(diagnostic).toMatchObject({ message: string, line: number, column: number });
}
