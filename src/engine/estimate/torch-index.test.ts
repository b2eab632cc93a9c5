import { describe, expect, it } from "vitest";
import { parseRequirementsFile } from "../requirements";
import { isCpuBuildSpecifier, isCudaWheel, readsTorchCpuIndex } from "./torch-index";

describe("PyTorch's CPU index", () => {
  const given = [parseRequirementsFile("requirements.txt", "--extra-index-url https://download.pytorch.org/whl/cpu\ntorch\n"), parseRequirementsFile("other.txt", "torch\n")];

  it.each([
    { name: "pip --index-url", words: ["--index-url", "https://download.pytorch.org/whl/cpu"], files: [], reads: true },
    { name: "uv --index", words: ["--index", "https://download.pytorch.org/whl/cpu/"], files: [], reads: true },
    { name: "a CUDA index", words: ["--index-url", "https://download.pytorch.org/whl/cu124"], files: [], reads: false },
    { name: "a requirements file's extra index", words: [], files: ["/app/requirements.txt"], reads: true },
    { name: "a requirements file without one", words: [], files: ["/app/other.txt"], reads: false },
  ])("$name", ({ words, files, reads }) => {
    expect(readsTorchCpuIndex(words.map((value) => ({ value })), files, given)).toBe(reads);
  });

  it.each([
    ["nvidia-cublas-cu12", true],
    ["triton", true],
    ["cuda-bindings", true],
    ["torch", false],
    ["nvidia", false],
  ] as const)("%s is a CUDA wheel: %s", (name, cuda) => {
    expect(isCudaWheel(name)).toBe(cuda);
  });

  it.each([
    ["==2.5.1+cpu", true],
    ["===2.8.0+cpu", true],
    ["==2.5.1+cpu.cxx11.abi", true],
    ["==2.5.1+cu121", false],
    ["==2.5.1", false],
    ["==2.5.1+cpuonly", false],
    [null, false],
  ] as const)("%s names the CPU build: %s", (specifier, cpu) => {
    expect(isCpuBuildSpecifier(specifier)).toBe(cpu);
  });
});
