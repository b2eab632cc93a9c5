// The estimator over the wheel table: the version and wheel chosen for the stage decide the bytes, the
// calibrated ratio (or the project's measured one) turns wheel bytes into installed bytes, unknown
// names are listed, and sizes the user set replace the default. Uses the hand-made test table, so every
// expected number is read off its rows (see test-table.ts).
import { describe, expect, it } from "vitest";
import { parseDockerfile } from "../dockerfile/parse-dockerfile";
import { TEST_TABLE, withTestTable } from "../knowledge/test-table";
import { parseRequirementsFile } from "../requirements";
import type { EstimateSettings } from "./context";
import { estimateImage } from "./estimate";
import type { ImageEstimate } from "./types";

function run(dockerfile: string, settings: Partial<EstimateSettings> = {}, requirements = ""): ImageEstimate {
  return estimateImage({
    dockerfile: parseDockerfile(dockerfile),
    requirements: requirements === "" ? [] : [parseRequirementsFile("requirements.txt", requirements)],
    dockerignore: null,
    settings,
  });
}

function item(estimate: ImageEstimate, prefix: string) {
  return estimate.layers.flatMap((l) => l.items).find((i) => i.label.startsWith(prefix));
}

const { calibration } = TEST_TABLE;

describe("packages weighed from the wheel table", () => {
  withTestTable();

  it.each([
    // web 2.0 was measured with this very wheel: the measured bytes as they are.
    { name: "a measured version: measured bytes", spec: "web==2.0", label: "web 2.0", bytes: 5000 },
    // web 2.1 has a 1,200-byte wheel; the project's measured ratio is 5000 / 1000.
    { name: "another version: the project's measured ratio × its wheel", spec: "web==2.1", label: "web 2.1", bytes: 1200 * 5 },
    // fast on trixie picks the manylinux_2_39 wheel (4,100 bytes); compiled, not measured.
    { name: "an unmeasured compiled wheel: the compiled ratio", spec: "fast", label: "fast 3.0", bytes: 4100 * calibration.compiled.ratio },
    { name: "an unmeasured pure wheel: the pure ratio", spec: "turbo", label: "turbo 1.0", bytes: 20 * calibration.pure.ratio },
  ])("$name", ({ spec, label, bytes }) => {
    const estimate = run(`FROM python:3.12-slim\nRUN pip install --no-cache-dir ${spec}\n`);
    expect(item(estimate, label)?.bytes).toBe(bytes);
  });

  it.each([
    { name: "aarch64 picks the aarch64 wheel", from: "python:3.12-slim", arch: "aarch64" as const, bytes: 3900 },
    { name: "Alpine picks the musllinux wheel", from: "python:3.12-alpine", arch: "x86_64" as const, bytes: 4200 },
    { name: "bookworm's glibc rules out manylinux_2_39", from: "python:3.12-slim-bookworm", arch: "x86_64" as const, bytes: 4000 },
  ])("$name", ({ from, arch, bytes }) => {
    const estimate = run(`FROM ${from}\nRUN pip install --no-cache-dir fast\n`, { arch });
    expect(item(estimate, "fast 3.0")?.bytes).toBe(bytes * calibration.compiled.ratio);
  });

  it("follows markers and extras from a requirements file, and lists unknown names", () => {
    const estimate = run("FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n", {}, "web[speed]==2.1\nmystery-lib\n");
    expect(estimate.installedPackages).toEqual(["fast", "ghost", "helper", "mystery-lib", "turbo", "web"]);
    expect(estimate.unknownPackages).toEqual(["ghost", "mystery-lib"]);
    expect(item(estimate, "win-only")).toBeUndefined();
  });

  it("uses a size the user set instead of the default, cited as theirs, and no longer lists it as unknown", () => {
    const estimate = run("FROM python:3.12-slim\nRUN pip install --no-cache-dir mystery-lib\n", { packageSizes: { Mystery_Lib: 42_000_000 } });
    const mystery = item(estimate, "mystery-lib");
    expect(mystery?.bytes).toBe(42_000_000);
    expect(mystery?.sources[0]?.source).toBe("set by you");
    expect(estimate.unknownPackages).toEqual([]);
    expect(estimate.installedPackages).toEqual(["mystery-lib"]);
  });

  it.each([
    { name: "negative", size: -1 },
    { name: "not a number", size: Number.NaN },
  ])("ignores a $name size and keeps the flagged default", ({ size }) => {
    const estimate = run("FROM python:3.12-slim\nRUN pip install --no-cache-dir mystery-lib\n", { packageSizes: { "mystery-lib": size } });
    expect(estimate.unknownPackages).toEqual(["mystery-lib"]);
  });

  it("a pinned version without a wheel for the image and no compiler: the build check says the build fails", () => {
    const estimate = run("FROM python:3.12-slim\nRUN pip install --no-cache-dir gap==1.0\n");
    expect(estimate.buildCheck.map((f) => [f.code, f.subject])).toContainEqual(["source-build-needs-compiler", "gap"]);
  });
});
