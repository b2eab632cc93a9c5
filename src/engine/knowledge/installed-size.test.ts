// Installed bytes of a chosen wheel: a project's own measurement first, else the median ratio of its kind —
// with a large compiled wheel weighed as one that bundles native libraries.
import { describe, expect, it } from "vitest";
import type { PackageFacts } from "./find-package";
import { installedSize, LARGE_COMPILED_WHEEL_BYTES, wheelKind } from "./installed-size";
import type { KindCalibration, WheelKind } from "./python-table";

const kind = (ratio: number): KindCalibration => ({ ratio, rows: 1, medianError: null, p90Error: null });
const calibration: Record<WheelKind, KindCalibration> = { pure: kind(7), compiled: kind(4), nativeLibs: kind(2.5), cuda: kind(1.6) };

function facts(name: string, tag: string, bytes: number): PackageFacts {
  return {
    name, choice: "matched", specifier: null, standIn: null, wheel: [tag, bytes], buildsFromSource: false, compiles: false, pure: tag.endsWith("-none-any"), mayCompile: null,
    version: { version: "1.0", deps: [], extras: {}, sdistBytes: null, wheels: [[tag, bytes]], source: "example/repo@0:uv.lock", date: null },
  };
}

describe("a wheel of archives installed as they are", () => {
  it("virtualenv weighs about its wheel (its seed wheels stay compressed), not the pure median", () => {
    expect(installedSize(facts("virtualenv", "py3-none-any", 5_000_000), null, calibration)).toMatchObject({ basis: "stored-archives", kind: "pure", bytes: 6_000_000 });
  });
});

describe("wheelKind and installedSize for unmeasured wheels", () => {
  it.each([
    { name: "a pure wheel", f: facts("web", "py3-none-any", 1_000), kind: "pure", bytes: 7_000 },
    { name: "a small compiled wheel", f: facts("fast", "cp312-cp312-manylinux_2_17_x86_64", 1_000_000), kind: "compiled", bytes: 4_000_000 },
    { name: "a large compiled wheel: mostly shared objects", f: facts("big", "cp312-cp312-manylinux_2_17_x86_64", LARGE_COMPILED_WHEEL_BYTES + 1), kind: "nativeLibs", bytes: Math.round((LARGE_COMPILED_WHEEL_BYTES + 1) * 2.5) },
    { name: "a small binary-only wheel (an executable: uv, ruff)", f: facts("tool", "py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64", 1_000_000), kind: "nativeLibs", bytes: 2_500_000 },
    { name: "a small binary-only wheel for musl", f: facts("tool", "py3-none-musllinux_1_1_x86_64", 1_000_000), kind: "nativeLibs", bytes: 2_500_000 },
    { name: "a platform-tagged wheel under a megabyte may be Python code", f: facts("watch", "py3-none-manylinux2014_x86_64", 80_000), kind: "compiled", bytes: 320_000 },
    { name: "a small abi3 extension wheel stays compiled", f: facts("ext", "cp39-abi3-manylinux_2_17_x86_64", 1_000_000), kind: "compiled", bytes: 4_000_000 },
    { name: "a CUDA library wheel", f: facts("nvidia-cublas", "py3-none-manylinux_2_27_x86_64", 400_000_000), kind: "cuda", bytes: 640_000_000 },
  ])("$name", ({ f, kind: expected, bytes }) => {
    expect(wheelKind(f, null)).toBe(expected);
    expect(installedSize(f, null, calibration)).toMatchObject({ basis: "kind-ratio", kind: expected, bytes });
  });
});
