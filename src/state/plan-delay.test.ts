import { describe, expect, it } from "vitest";
import { BASE_DELAY_MS, INSTANT_CHARS, MAX_DELAY_MS, planDelay } from "./plan-delay";

describe("planDelay", () => {
  it.each([
    { chars: 0, delay: 0 },
    { chars: 600, delay: 0 },
    { chars: INSTANT_CHARS, delay: 0 },
  ])("plans $chars characters at once", ({ chars, delay }) => {
    expect(planDelay(chars)).toBe(delay);
  });

  it("waits for a pause above the instant size, longer for longer texts", () => {
    const just = planDelay(INSTANT_CHARS + 1);
    expect(just).toBeGreaterThanOrEqual(BASE_DELAY_MS);
    expect(planDelay(500_000)).toBeGreaterThan(just);
  });

  it.each([1_000_000, 5_000_000, 50_000_000])("never waits more than the cap (%i characters)", (chars) => {
    expect(planDelay(chars)).toBeLessThanOrEqual(MAX_DELAY_MS);
  });
});
