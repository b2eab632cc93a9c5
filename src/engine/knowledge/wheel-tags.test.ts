import { describe, expect, it } from "vitest";
import { muslMinorOfAlpine, pickWheel, wheelRank, type Platform } from "./wheel-tags";

const bookworm: Platform = { python: "3.12", libc: "glibc", arch: "x86_64", glibcMinor: 36 };
const trixie: Platform = { ...bookworm, glibcMinor: 41 };
const alpine: Platform = { python: "3.12", libc: "musl", arch: "x86_64" };
const arm: Platform = { ...bookworm, arch: "aarch64" };

describe("wheelRank: which wheels a python image can install", () => {
  it.each([
    { name: "pure wheel anywhere", tag: "py3-none-any", platform: alpine, fits: true },
    { name: "py2.py3 pure wheel", tag: "py2.py3-none-any", platform: bookworm, fits: true },
    { name: "own CPython, manylinux2014", tag: "cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64", platform: bookworm, fits: true },
    { name: "another CPython's ABI", tag: "cp311-cp311-manylinux_2_17_x86_64", platform: bookworm, fits: false },
    { name: "abi3 built for an older CPython", tag: "cp39-abi3-manylinux_2_17_x86_64", platform: bookworm, fits: true },
    { name: "abi3 built for a newer CPython", tag: "cp313-abi3-manylinux_2_17_x86_64", platform: bookworm, fits: false },
    { name: "manylinux newer than bookworm's glibc 2.36", tag: "cp312-cp312-manylinux_2_39_x86_64", platform: bookworm, fits: false },
    { name: "manylinux 2.39 on trixie (glibc 2.41)", tag: "cp312-cp312-manylinux_2_39_x86_64", platform: trixie, fits: true },
    { name: "manylinux on Alpine", tag: "cp312-cp312-manylinux_2_17_x86_64", platform: alpine, fits: false },
    { name: "musllinux 1.2 on Alpine", tag: "cp312-cp312-musllinux_1_2_x86_64", platform: alpine, fits: true },
    { name: "musllinux on Debian", tag: "cp312-cp312-musllinux_1_2_x86_64", platform: bookworm, fits: false },
    { name: "x86_64 wheel on aarch64", tag: "cp312-cp312-manylinux_2_17_x86_64", platform: arm, fits: false },
    { name: "aarch64 wheel on aarch64", tag: "cp312-cp312-manylinux_2_17_aarch64", platform: arm, fits: true },
    { name: "a local linux_x86_64 build (PyPI refuses them)", tag: "cp312-cp312-linux_x86_64", platform: bookworm, fits: false },
    { name: "CPython 3.7's pymalloc ABI tag cp37m", tag: "cp37-cp37m-manylinux_2_17_x86_64.manylinux2014_x86_64", platform: { ...bookworm, python: "3.7" }, fits: true },
    { name: "no m-flagged ABI from 3.8 on", tag: "cp38-cp38m-manylinux_2_17_x86_64", platform: { ...bookworm, python: "3.8" }, fits: false },
    { name: "musllinux 1.1 where the image's pip predates musllinux (Alpine 3.12)", tag: "cp39-cp39-musllinux_1_1_x86_64", platform: { ...alpine, python: "3.9", muslMinor: 0 }, fits: false },
    { name: "a pure wheel there all the same", tag: "py3-none-any", platform: { ...alpine, python: "3.9", muslMinor: 0 }, fits: true },
    { name: "buster's glibc 2.28 takes manylinux_2_28", tag: "cp38-cp38-manylinux_2_28_x86_64", platform: { ...bookworm, python: "3.8", glibcMinor: 28 }, fits: true },
  ])("$name", ({ tag, platform, fits }) => {
    expect(wheelRank(tag, platform) !== null).toBe(fits);
  });
});

describe("pickWheel: pip's preference among fitting wheels", () => {
  it.each([
    { name: "own ABI before abi3", wheels: ["cp39-abi3-manylinux_2_17_x86_64", "cp312-cp312-manylinux_2_17_x86_64"], want: "cp312-cp312-manylinux_2_17_x86_64" },
    { name: "binary before pure", wheels: ["py3-none-any", "cp312-cp312-manylinux_2_17_x86_64"], want: "cp312-cp312-manylinux_2_17_x86_64" },
    { name: "the newest manylinux that fits", wheels: ["cp312-cp312-manylinux_2_17_x86_64", "cp312-cp312-manylinux_2_28_x86_64", "cp312-cp312-manylinux_2_39_x86_64"], want: "cp312-cp312-manylinux_2_28_x86_64" },
    { name: "newest abi3 build first", wheels: ["cp38-abi3-manylinux_2_17_x86_64", "cp310-abi3-manylinux_2_17_x86_64"], want: "cp310-abi3-manylinux_2_17_x86_64" },
    { name: "nothing fits", wheels: ["cp311-cp311-manylinux_2_17_x86_64"], want: null },
  ])("$name", ({ wheels, want }) => {
    const picked = pickWheel(wheels.map((tag) => [tag, 1] as const), bookworm);
    expect(picked?.[0] ?? null).toBe(want);
  });
});

describe("muslMinorOfAlpine: Alpine branches whose python images' pip predates musllinux wheels", () => {
  it.each([
    { branch: "3.12", minor: 0 },
    { branch: "alpine3.11", minor: 0 },
    { branch: "3.13", minor: undefined },
    { branch: "alpine3.20", minor: undefined },
    { branch: null, minor: undefined },
  ])("$branch → $minor", ({ branch, minor }) => {
    expect(muslMinorOfAlpine(branch)).toBe(minor);
  });
});
