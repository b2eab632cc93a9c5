import { describe, expect, it } from "vitest";
import { analyze } from "../engine/analyze";
import { checkBudget, parseSize } from "./budget";

describe("parseSize", () => {
  it.each([
    { text: "250MB", bytes: 250_000_000 },
    { text: "250mb", bytes: 250_000_000 },
    { text: "1.5GB", bytes: 1_500_000_000 },
    { text: "300MiB", bytes: 300 * 1024 * 1024 },
    { text: "64kB", bytes: 64_000 },
    { text: "2 GiB", bytes: 2 * 1024 ** 3 },
    { text: "123456", bytes: 123_456 },
    { text: "10B", bytes: 10 },
  ])("$text is $bytes bytes", ({ text, bytes }) => {
    expect(parseSize(text)).toBe(bytes);
  });

  it.each(["", "MB", "-5MB", "1,5GB", "12 parsecs", "1e9"])("%j is not a size", (text) => {
    expect(parseSize(text)).toBeNull();
  });
});

describe("checkBudget", () => {
  const estimate = analyze({ dockerfile: "FROM python:3.12-slim\n", requirements: [], dockerignore: null }).estimate;

  it("is null without limits", () => {
    expect(checkBudget(estimate, { maxBytes: null, maxPullBytes: null }, "Dockerfile")).toBeNull();
  });

  it.each([
    { name: "exactly at both limits is within", size: 0, pull: 0, over: [] },
    { name: "one byte under the size is over it", size: -1, pull: 0, over: ["max-size"] },
    { name: "one byte under the pull size is over it", size: 0, pull: -1, over: ["max-pull-size"] },
    { name: "both", size: -1, pull: -1, over: ["max-size", "max-pull-size"] },
  ])("$name", ({ size, pull, over }) => {
    const verdict = checkBudget(estimate, { maxBytes: estimate.totalBytes + size, maxPullBytes: estimate.compressedBytes + pull }, "app/Dockerfile");
    expect(verdict?.over).toBe(over.length > 0);
    expect(verdict?.violations.map((v) => v.limit)).toEqual(over);
    for (const v of verdict?.violations ?? []) expect(v.message).toMatch(new RegExp(`^app/Dockerfile as written is .+, over the --${v.limit} budget of .+ \\(by 1 B\\)$`));
  });
});
