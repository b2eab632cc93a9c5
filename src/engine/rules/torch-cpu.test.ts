import { describe, expect, it } from "vitest";
import { TORCH_CPU } from "../estimate/assumptions";
import { isCudaWheel } from "../estimate/torch-index";
import { formatBytes } from "../format";
import { contextOf, runRuleTests } from "./rule-tester";
import { torchCpu } from "./torch-cpu";

describe("size/torch-cpu", () => {
  runRuleTests(torchCpu, {
    valid: [
      { name: "already the CPU index", dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir --index-url https://download.pytorch.org/whl/cpu torch\n" },
      { name: "the CPU index in the requirements file", dockerfile: "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n", requirements: { "requirements.txt": "--extra-index-url https://download.pytorch.org/whl/cpu\ntorch\n" } },
      { name: "a CUDA base image", dockerfile: "FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf /var/lib/apt/lists/*\nRUN pip3 install --no-cache-dir torch\n" },
      { name: "NVIDIA variables", dockerfile: "FROM python:3.12-slim\nENV NVIDIA_VISIBLE_DEVICES=all\nRUN pip install --no-cache-dir torch\n" },
      { name: "no torch", dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n" },
    ],
    invalid: [
      {
        name: "torch alone: the CPU index replaces PyPI",
        dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir torch torchvision\n",
        findings: ["2:cuda"],
        output: "FROM python:3.12-slim\nRUN pip install --index-url https://download.pytorch.org/whl/cpu --no-cache-dir torch torchvision\n",
        reasonIncludes: ["CUDA wheels", "torch-cpu-build"],
      },
      {
        name: "torch with other packages: an extra index",
        dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask torch==2.9.0\n",
        findings: ["2:cuda"],
        output: "FROM python:3.12-slim\nRUN pip install --extra-index-url https://download.pytorch.org/whl/cpu --no-cache-dir flask torch==2.9.0\n",
      },
      {
        name: "torch in a requirements file",
        dockerfile: "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n",
        requirements: { "requirements.txt": "torch\nnumpy\n" },
        findings: ["3:cuda"],
        output: "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --extra-index-url https://download.pytorch.org/whl/cpu --no-cache-dir -r requirements.txt\nCOPY . .\n",
      },
      {
        // uv takes each package from the first index that has it (the extra one first): without best-match
        // a pinned numpy only PyPI holds would not resolve.
        name: "uv pip with a requirements file: the extra index, compared as pip does",
        dockerfile: "FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.8.4 /uv /bin/uv\nCOPY requirements.txt .\nRUN uv pip install --system --no-cache -r requirements.txt\n",
        requirements: { "requirements.txt": "torch\nnumpy==2.1.3\n" },
        findings: ["4:cuda"],
        output: "FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.8.4 /uv /bin/uv\nCOPY requirements.txt .\nRUN uv pip install --extra-index-url https://download.pytorch.org/whl/cpu --index-strategy unsafe-best-match --system --no-cache -r requirements.txt\n",
      },
      {
        name: "installed in a builder and copied: the builder's install is fixed",
        dockerfile: "FROM python:3.12-slim AS builder\nRUN pip install --no-cache-dir --prefix=/install torch\nFROM python:3.12-slim\nCOPY --from=builder /install /usr/local\n",
        findings: ["2:cuda"],
        output: "FROM python:3.12-slim AS builder\nRUN pip install --index-url https://download.pytorch.org/whl/cpu --no-cache-dir --prefix=/install torch\nFROM python:3.12-slim\nCOPY --from=builder /install /usr/local\n",
      },
    ],
  });

  it("the fix shrinks the estimate by the CUDA wheels and torch's own CUDA build", () => {
    const before = contextOf({ dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir torch\n" });
    const after = contextOf({ dockerfile: "FROM python:3.12-slim\nRUN pip install --index-url https://download.pytorch.org/whl/cpu --no-cache-dir torch\n" });
    const items = (c: typeof before): { path: string; bytes: number }[] => c.analysis.estimate.layers.flatMap((l) => l.items);
    const named = (c: typeof before, keep: (name: string) => boolean): number => items(c).filter((i) => keep(i.path.slice(i.path.lastIndexOf("/") + 1))).reduce((sum, i) => sum + i.bytes, 0);
    const cuda = named(before, isCudaWheel);
    expect(cuda).toBeGreaterThan(0);
    expect(named(after, isCudaWheel)).toBe(0);
    // torch itself: PyPI's CUDA build before, the measured CPU build (with pip's .pyc) after.
    expect(named(after, (n) => n === "torch")).toBe(TORCH_CPU.installedBytes + TORCH_CPU.pycBytes);
    const torchSaved = named(before, (n) => n === "torch") - named(after, (n) => n === "torch");
    expect(torchSaved).toBeGreaterThan(0);
    expect(before.analysis.estimate.totalBytes - after.analysis.estimate.totalBytes).toBe(cuda + torchSaved);
    expect(after.analysis.estimate.assumptions.map((a) => a.id)).toEqual(expect.arrayContaining(["torch-cpu-index", "torch-cpu-build"]));
  });
});

describe("a CUDA wheel another project requires", () => {
  // openai-whisper requires triton itself on x86_64 Linux: the CPU build of torch leaves the nvidia-* wheels
  // out, but pip still installs triton for whisper, so the step neither counts it as saved nor fires again.
  const dockerfile = "FROM python:3.11-slim\nRUN pip install --no-cache-dir openai-whisper==20250625\n";

  it("stays in the estimate of the CPU build, and out of the saving", () => {
    const cpu = contextOf({ dockerfile: dockerfile.replace("pip install", "pip install --extra-index-url https://download.pytorch.org/whl/cpu") });
    const names = cpu.analysis.estimate.layers.flatMap((l) => l.items).filter((i) => i.category === "python").map((i) => i.path.slice(i.path.lastIndexOf("/") + 1));
    expect(names).toContain("triton");
    expect(names.filter((n) => n.startsWith("nvidia-"))).toEqual([]);
    expect(torchCpu.detect(cpu)).toEqual([]);
    const context = contextOf({ dockerfile });
    const [alternative] = torchCpu.fix(context, torchCpu.detect(context));
    const triton = context.analysis.estimate.layers.flatMap((l) => l.items).find((i) => i.path.endsWith("/triton"))?.bytes ?? 0;
    const cuda = context.analysis.estimate.layers.flatMap((l) => l.items).filter((i) => isCudaWheel(i.path.slice(i.path.lastIndexOf("/") + 1))).reduce((sum, i) => sum + i.bytes, 0);
    expect(triton).toBeGreaterThan(0);
    expect(alternative?.reason).toContain(`Leaves out ${formatBytes(cuda - triton)} of CUDA wheels`);
  });
});
