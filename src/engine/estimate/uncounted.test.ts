import { describe, expect, it } from "vitest";
import { uncountedWarnings } from "./uncounted";

describe("uncountedWarnings", () => {
  const w = (code: string, line: number | null, message = `${code} here`) => ({ code, message, line });

  it("keeps the warnings whose bytes the totals leave out, in order, each line and message once", () => {
    const warnings = [w("unknown-base-image", 1), w("deleted-in-later-layer", 2), w("unmodelled-command", 3), w("unmodelled-command", 3), w("add-url", null)];
    expect(uncountedWarnings({ warnings })).toEqual([w("unknown-base-image", 1), w("unmodelled-command", 3), w("add-url", null)]);
  });

  it("is empty for an estimate without warnings", () => {
    expect(uncountedWarnings({})).toEqual([]);
  });
});
