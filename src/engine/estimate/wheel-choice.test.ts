import { describe, expect, it } from "vitest";
import { chooseWheel, wheelRank } from "./wheel-choice";

const glibc312 = { pythonMinor: "3.12", libc: "glibc", machine: "x86_64" } as const;
const musl312 = { ...glibc312, libc: "musl" } as const;

describe("wheelRank", () => {
  it.each([
    { name: "pure Python", file: "flask-3.0.3-py3-none-any.whl", target: glibc312, fits: true },
    { name: "py2.py3", file: "six-1.16.0-py2.py3-none-any.whl", target: musl312, fits: true },
    { name: "own ABI, manylinux", file: "MarkupSafe-2.1.5-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", target: glibc312, fits: true },
    { name: "manylinux on musl", file: "MarkupSafe-2.1.5-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", target: musl312, fits: false },
    { name: "musllinux on musl", file: "MarkupSafe-2.1.5-cp312-cp312-musllinux_1_1_x86_64.whl", target: musl312, fits: true },
    { name: "other architecture", file: "MarkupSafe-2.1.5-cp312-cp312-manylinux_2_17_aarch64.manylinux2014_aarch64.whl", target: glibc312, fits: false },
    { name: "other CPython", file: "MarkupSafe-2.1.5-cp311-cp311-manylinux_2_17_x86_64.whl", target: glibc312, fits: false },
    { name: "abi3 from an older CPython", file: "cryptography-43.0.1-cp39-abi3-manylinux_2_28_x86_64.whl", target: glibc312, fits: true },
    { name: "abi3 from a newer CPython", file: "x-1.0-cp313-abi3-manylinux_2_28_x86_64.whl", target: glibc312, fits: false },
    { name: "Windows", file: "x-1.0-cp312-cp312-win_amd64.whl", target: glibc312, fits: false },
    { name: "not a wheel name", file: "garbage.whl", target: glibc312, fits: false },
  ])("$name", ({ file, target, fits }) => {
    expect(wheelRank(file, target) > 0).toBe(fits);
  });
});

describe("chooseWheel", () => {
  const wheels = [
    { filename: "x-1.0-py3-none-any.whl", size: 100 },
    { filename: "x-1.0-cp39-abi3-manylinux_2_17_x86_64.whl", size: 200 },
    { filename: "x-1.0-cp312-cp312-manylinux_2_17_x86_64.whl", size: 300 },
    { filename: "x-1.0-cp312-cp312-musllinux_1_2_x86_64.whl", size: 400 },
  ];
  it("prefers the CPython's own ABI, then abi3, then pure Python (pip's order)", () => {
    expect(chooseWheel(wheels, glibc312)?.bytes).toBe(300);
    expect(chooseWheel(wheels.slice(0, 2), glibc312)?.bytes).toBe(200);
    expect(chooseWheel(wheels.slice(0, 1), glibc312)?.bytes).toBe(100);
    expect(chooseWheel(wheels, musl312)?.bytes).toBe(400);
  });
  it("says whether the wheel it picks is pure Python", () => {
    expect(chooseWheel(wheels, glibc312)?.pure).toBe(false);
    expect(chooseWheel(wheels.slice(0, 1), glibc312)?.pure).toBe(true);
  });
  it("is null when nothing fits or sizes are unknown", () => {
    expect(chooseWheel([{ filename: "x-1.0-cp312-cp312-win_amd64.whl", size: 5 }], glibc312)).toBeNull();
    expect(chooseWheel([{ filename: "x-1.0-py3-none-any.whl", size: null }], glibc312)).toBeNull();
  });
});
