import { describe, expect, it } from "vitest";
import { formatBytes, formatCount, formatDelta, formatMessage } from "./format";

describe("formatBytes", () => {
  it.each([
    { bytes: 0, out: "0 B" },
    { bytes: 999, out: "999 B" },
    { bytes: 1000, out: "1.00 kB" },
    { bytes: 119_200_000, out: "119 MB" },
    { bytes: 48_890_000, out: "48.9 MB" },
    { bytes: 1_110_000_000, out: "1.11 GB" },
    { bytes: 999_600, out: "1.00 MB" },
    { bytes: -2_500_000, out: "−2.50 MB" },
  ])("$bytes → $out", ({ bytes, out }) => {
    expect(formatBytes(bytes)).toBe(out);
  });

  it("formats deltas with a sign", () => {
    expect(formatDelta(-1_061_110_000)).toBe("−1.06 GB");
    expect(formatDelta(12_300_000)).toBe("+12.3 MB");
    expect(formatDelta(0)).toBe("±0 B");
  });

  it("fills placeholders and leaves unknown ones", () => {
    expect(formatMessage("{{image}} is {{ size }} ({{missing}})", { image: "python:3.12", size: "1.11 GB" })).toBe("python:3.12 is 1.11 GB ({{missing}})");
  });
});

describe("formatCount", () => {
  // The reference is Intl itself (what the messages used before): the two must write every count alike.
  it.each([
    { n: 0 }, { n: 7 }, { n: 999 }, { n: 1000 }, { n: 52_428_800 }, { n: 1_048_576 }, { n: -1234567 },
    { n: 1234.5 }, { n: 0.1 + 0.2 }, { n: 12.3456 }, { n: 999_999_999_999 }, { n: Number.MAX_SAFE_INTEGER }, { n: Infinity }, { n: NaN },
  ])("$n as toLocaleString(\"en-US\") writes it", ({ n }) => {
    expect(formatCount(n)).toBe(n.toLocaleString("en-US"));
  });
});
