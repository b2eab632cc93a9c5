import { describe, expect, it } from "vitest";
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

  it("is empty for an estimate without warnings", () => {
    expect(uncountedWarnings({})).toEqual([]);
  });
});
