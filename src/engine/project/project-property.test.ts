// Bad input never throws: random edits of the fixtures (and random text) through every project-file
// parser and the lock closure, and every diagnostic points inside the text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { markerEnvironment } from "../requirements/markers";
import { LineIndex } from "../text/line-index";
import { lockClosure, parseProjectFile } from "./index";
import { fixture } from "./test-support";

/** Pieces of TOML/JSON syntax that break structure in interesting ways. */
const FRAGMENTS = ["[[package]]\n", "[", "]", "{", "}", '"', "'''", "=", "\n", ",", "name = ", "dependencies = [", "# ", "\\", "\u0000", '{ name = "flask" }'];

const edit = fc.record({ at: fc.nat(), text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })), remove: fc.nat({ max: 30 }) });

function mutate(base: string, edits: readonly { at: number; text: string; remove: number }[]): string {
  let text = base;
  for (const e of edits) {
    const at = e.at % (text.length + 1);
    text = text.slice(0, at) + e.text + text.slice(at + e.remove);
  }
  return text;
}

const FILES = [["uv.lock", "uv.lock"], ["poetry.lock", "poetry.lock"], ["pyproject.toml", "pyproject-poetry.toml"], ["Pipfile", "Pipfile"], ["Pipfile.lock", "Pipfile.lock"]] as const;

function check(path: string, text: string): void {
  const parsed = parseProjectFile(path, text);
  expect(parsed).not.toBeNull();
  const lines = new LineIndex(text).lineCount;
  for (const d of parsed?.diagnostics ?? []) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines);
    expect(d.column).toBeGreaterThanOrEqual(1);
  }
  if (parsed !== null && "lock" in parsed) {
    const kind = parsed.kind === "uv-lock" || parsed.kind === "poetry-lock" ? parsed.kind : "pipfile-lock";
    lockClosure(kind, parsed.lock, null, { main: true, groups: "all", extras: "all" }, markerEnvironment("3.12"));
  }
}

describe("project files never throw and point inside the text", () => {
  it.each(FILES)("random edits of %s", (path, name) => {
    const base = fixture(name);
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => check(path, mutate(base, edits))), { numRuns: 60 });
  }, 30_000);

  it.each(FILES)("random text as %s", (path) => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => check(path, text)), { numRuns: 100 });
  }, 30_000);
});
