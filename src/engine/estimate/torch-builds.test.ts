// torch's builds as the estimate weighs them, over the real wheel table (installed for every test by
// src/node/vitest-python-table.ts): PyPI's CUDA build at its published installed ÷ wheel ratio, with its CUDA
// wheels at the versions it pins; the CPU build (CPU index or a `+cpu` version) by its published measurement.
import { describe, expect, it } from "vitest";
import { parseDockerfile } from "../dockerfile/parse-dockerfile";
import { findPackage, installedSize, pythonTable } from "../knowledge";
import { parseProjectFile } from "../project";
import { parseRequirementsFile } from "../requirements";
import { ASSUMPTIONS, LEGACY_TORCH_INSTALLED_BYTES, TORCH_CPU } from "./assumptions";
import type { EstimateSettings } from "./context";
import { estimateImage } from "./estimate";
import type { ImageEstimate } from "./types";

function run(dockerfile: string, requirements = "", settings: Partial<EstimateSettings> = {}): ImageEstimate {
  return estimateImage({
    dockerfile: parseDockerfile(dockerfile),
    requirements: requirements === "" ? [] : [parseRequirementsFile("requirements.txt", requirements)],
    dockerignore: null,
    settings,
  });
}

const items = (e: ImageEstimate) => e.layers.flatMap((l) => l.items);
const pkg = (e: ImageEstimate, name: string) => items(e).find((i) => i.path.endsWith(`/site-packages/${name}`));
const ids = (e: ImageEstimate) => e.assumptions.map((a) => a.id);

describe("torch's CUDA build from PyPI", () => {
  it("weighs 2.5.1's cp312 wheel at the published 1.7 GiB", () => {
    const facts = findPackage("torch", "==2.5.1", { python: "3.12", libc: "glibc", arch: "x86_64", glibcMinor: null });
    const table = pythonTable();
    expect(facts?.wheel?.[1]).toBe(906_389_343);
    if (facts === null || table === null) throw new Error("the wheel table holds torch 2.5.1");
    const size = installedSize(facts, table.measured("torch"), table.calibration);
    // The published measurement (du -h: 1.7G) is read to ±3%; the table's ratio reproduces it to the byte's rounding.
    expect(size?.basis).toBe("measured-ratio");
    expect(Math.abs((size?.bytes ?? 0) - Math.round(1.7 * 1024 ** 3))).toBeLessThanOrEqual(1);
  });

  it("installs the CUDA wheels 2.5.1 pins (CUDA 12.4), not the newest in the table", () => {
    const e = run("FROM python:3.12-slim\nRUN pip install --no-cache-dir torch==2.5.1\n");
    expect(pkg(e, "nvidia-cublas-cu12")?.label).toBe("nvidia-cublas-cu12 12.4.5.8");
    expect(pkg(e, "nvidia-cudnn-cu12")?.label).toBe("nvidia-cudnn-cu12 9.1.0.70");
    expect(pkg(e, "triton")?.label).toMatch(/^triton 3\.[12]\.0$/);
    expect(ids(e)).toContain(ASSUMPTIONS.exactPins.id);
    // n1teshy/py-listener#4 measured the same set's nvidia/ folder at 2.7 GiB: the CUDA ratio (1.6) lands within 10%.
    const nvidia = items(e).filter((i) => /\/nvidia-/.test(i.path)).reduce((sum, i) => sum + i.bytes, 0);
    expect(nvidia / (2.7 * 1024 ** 3)).toBeGreaterThan(0.9);
    expect(nvidia / (2.7 * 1024 ** 3)).toBeLessThan(1.1);
  });

  it("installs the torch torchvision pins", () => {
    const e = run("FROM python:3.12-slim\nRUN pip install --no-cache-dir torchvision==0.20.1\n");
    expect(pkg(e, "torch")?.label).toBe("torch 2.5.1");
    expect(ids(e)).toContain(ASSUMPTIONS.exactPins.id);
  });

  it("names no pin where the user pinned every package", () => {
    const e = run("FROM python:3.12-slim\nRUN pip install --no-cache-dir Flask==3.1.0\n");
    expect(ids(e)).not.toContain(ASSUMPTIONS.exactPins.id);
  });
});

describe("torch's CPU build", () => {
  const cpuIndex = "https://download.pytorch.org/whl/cpu";

  it.each([
    { name: "the CPU index on the command line", dockerfile: `FROM python:3.12-slim\nRUN pip install --no-cache-dir --index-url ${cpuIndex} torch\n`, requirements: "" },
    { name: "the CPU index in the requirements file", dockerfile: "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n", requirements: `--extra-index-url ${cpuIndex}\ntorch==2.3.0+cpu\n` },
    { name: "a +cpu version from the find-links page", dockerfile: "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n", requirements: "-f https://download.pytorch.org/whl/torch_stable.html\ntorch==2.3.0+cpu\n" },
    { name: "the CPU index in PIP_INDEX_URL", dockerfile: `FROM python:3.12-slim\nENV PIP_INDEX_URL=${cpuIndex} PIP_EXTRA_INDEX_URL=https://pypi.org/simple\nRUN pip install --no-cache-dir torch==2.5.1\n`, requirements: "" },
    { name: "the CPU index through an ARG", dockerfile: `FROM python:3.12-slim\nARG TORCH_INDEX=${cpuIndex}\nRUN pip install --no-cache-dir --index-url \${TORCH_INDEX} torch==2.5.1\n`, requirements: "" },
    { name: "the CPU index in UV_EXTRA_INDEX_URL for uv", dockerfile: `FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.9 /uv /bin/uv\nENV UV_EXTRA_INDEX_URL=${cpuIndex}\nRUN uv pip install --system --compile-bytecode torch\n`, requirements: "" },
  ])("$name: the measured CPU build with pip's .pyc, no CUDA wheels", ({ dockerfile, requirements }) => {
    const e = run(dockerfile, requirements);
    const torch = pkg(e, "torch");
    expect(torch?.bytes).toBe(TORCH_CPU.installedBytes + TORCH_CPU.pycBytes);
    expect(torch?.label).toMatch(/^torch [\d.]+\+cpu$/);
    expect(torch?.sources[0]?.key).toBe(ASSUMPTIONS.torchCpuBuild.id);
    expect(items(e).some((i) => /\/(nvidia-|triton$)/.test(i.path))).toBe(false);
    expect(ids(e)).toContain(ASSUMPTIONS.torchCpuBuild.id);
  });

  it("PIP_INDEX_URL is not uv's: uv installs PyPI's CUDA build", () => {
    const e = run(`FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.9 /uv /bin/uv\nENV PIP_INDEX_URL=${cpuIndex}\nRUN uv pip install --system torch\n`);
    expect(ids(e)).not.toContain(ASSUMPTIONS.torchCpuBuild.id);
  });

  it("uv writes no .pyc: the measured build alone", () => {
    const e = run(`FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.9 /uv /bin/uv\nRUN uv pip install --system --no-cache --index-url ${cpuIndex} torch\n`);
    expect(pkg(e, "torch")?.bytes).toBe(TORCH_CPU.installedBytes);
  });

  it("pip's cache keeps the CPU wheel", () => {
    const e = run(`FROM python:3.12-slim\nRUN pip install --index-url ${cpuIndex} torch\n`);
    const cache = items(e).find((i) => i.category === "pipCache");
    const others = items(e).filter((i) => i.category === "python" && !i.path.endsWith("/torch")).length;
    expect(cache?.bytes).toBeGreaterThanOrEqual(TORCH_CPU.wheelBytes);
    expect(others).toBeGreaterThan(0);
  });

  it("installed first from the CPU index, torch satisfies a later install's requirement: no CUDA wheels follow", () => {
    // sentence-transformers requires torch; pip keeps the installed CPU build and what it required.
    const e = run(`FROM python:3.12-slim\nRUN pip install --no-cache-dir torch --index-url ${cpuIndex}\nRUN pip install --no-cache-dir sentence-transformers\n`);
    expect(pkg(e, "torch")?.bytes).toBe(TORCH_CPU.installedBytes + TORCH_CPU.pycBytes);
    expect(pkg(e, "transformers")).toBeDefined();
    expect(items(e).some((i) => /\/(nvidia-|triton$)/.test(i.path))).toBe(false);
    // Into another environment, the same install resolves torch afresh: PyPI's build and its CUDA wheels.
    const venv = run(`FROM python:3.12-slim\nRUN pip install --no-cache-dir torch --index-url ${cpuIndex}\nRUN python -m venv /venv && /venv/bin/pip install --no-cache-dir sentence-transformers\n`);
    expect(items(venv).some((i) => i.path.startsWith("/venv/") && /\/nvidia-/.test(i.path))).toBe(true);
  });

  it("on aarch64 PyPI's wheel is already the CPU build: the table weighs it", () => {
    const e = run(`FROM python:3.12-slim\nRUN pip install --no-cache-dir --index-url ${cpuIndex} torch\n`, "", { arch: "aarch64" });
    expect(pkg(e, "torch")?.sources[0]?.key).toBe("torch");
    expect(ids(e)).not.toContain(ASSUMPTIONS.torchCpuBuild.id);
  });

  it("PyPI's torch without the CPU index stays the CUDA build", () => {
    const e = run("FROM python:3.12-slim\nRUN pip install --no-cache-dir torch==2.5.1\n");
    expect(pkg(e, "torch")?.bytes).toBeGreaterThan(3 * (TORCH_CPU.installedBytes + TORCH_CPU.pycBytes));
    expect(ids(e)).not.toContain(ASSUMPTIONS.torchCpuBuild.id);
  });
});

describe("torch tied to the CPU index in pyproject.toml (no lock file given)", () => {
  const dockerfile = "FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.9.5 /uv /bin/\nWORKDIR /app\nCOPY pyproject.toml ./\nRUN uv sync --no-dev\n";
  const project = (sources: string) => [{ path: "pyproject.toml", content: `[project]\nname = "x"\nversion = "0.1"\ndependencies = ["torch==2.5.1"]\n\n[[tool.uv.index]]\nname = "pytorch-cpu"\nurl = "https://download.pytorch.org/whl/cpu"\nexplicit = true\n\n${sources}` }];
  const analyzeWith = (sources: string) => estimateImage({ dockerfile: parseDockerfile(dockerfile), requirements: [], dockerignore: null, settings: {}, projectFiles: project(sources).map((f) => parseProjectFile(f.path, f.content)).filter((f) => f !== null) });

  it.each([
    { name: "uv's documented recipe", sources: '[tool.uv.sources]\ntorch = [{ index = "pytorch-cpu" }]\n', cpu: true },
    { name: "for Linux, by a marker", sources: "[tool.uv.sources]\ntorch = [{ index = \"pytorch-cpu\", marker = \"sys_platform == 'linux'\" }]\n", cpu: true },
    { name: "for macOS only: PyPI's CUDA build here", sources: "[tool.uv.sources]\ntorch = [{ index = \"pytorch-cpu\", marker = \"sys_platform == 'darwin'\" }]\n", cpu: false },
    { name: "an index declared but not used", sources: "", cpu: false },
  ])("$name", ({ sources, cpu }) => {
    const e = analyzeWith(sources);
    expect(pkg(e, "torch")?.label.endsWith("+cpu")).toBe(cpu);
    expect(items(e).some((i) => /\/site-packages\/nvidia-/.test(i.path))).toBe(!cpu);
  });
});

describe("torch before 1.13: one wheel with CUDA inside", () => {
  const install = (python: string, requirements: string, settings: Partial<EstimateSettings> = {}) =>
    run(`FROM python:${python}-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n`, requirements, settings);

  it("weighs torch==1.10.0 by its own measurement, with no nvidia-* wheels or triton", () => {
    const e = install("3.9", "torch==1.10.0\n");
    expect(pkg(e, "torch")).toMatchObject({ label: "torch 1.10.0", bytes: LEGACY_TORCH_INSTALLED_BYTES });
    expect(items(e).filter((i) => /\/(nvidia-|triton)/.test(i.path))).toEqual([]);
    expect(pkg(e, "typing-extensions")).toBeDefined();
    expect(ids(e)).toContain(ASSUMPTIONS.torchBundledCuda.id);
    expect(e.buildCheck).toEqual([]);
  });

  it("is not installable on a CPython its wheels were not built for", () => {
    const e = install("3.11", "torch==1.12.1\n");
    expect(e.buildCheck.map((f) => [f.code, f.subject])).toEqual([["no-installable-distribution", "torch"]]);
    expect(e.buildCheck[0]?.message).toContain("CPython 3.11");
  });

  it("leaves 1.13 and later, and aarch64 (CPU wheels), to the table", () => {
    expect(pkg(install("3.11", "torch==1.13.1\n"), "torch")?.bytes).not.toBe(LEGACY_TORCH_INSTALLED_BYTES);
    const arm = install("3.9", "torch==1.10.0\n", { arch: "aarch64" });
    expect(pkg(arm, "torch")?.bytes).not.toBe(LEGACY_TORCH_INSTALLED_BYTES);
    expect(ids(arm)).not.toContain(ASSUMPTIONS.torchBundledCuda.id);
  });

  it("keeps the CPU build's measurement for a 1.x +cpu pin", () => {
    expect(pkg(install("3.9", "torch==1.10.0+cpu\n"), "torch")?.bytes).toBe(TORCH_CPU.installedBytes + TORCH_CPU.pycBytes);
  });
});

describe("a framework image already holds its framework", () => {
  it.each([
    { image: "pytorch/pytorch:2.5.1-cuda12.1-cudnn9-runtime", install: "torch torchvision" },
    { image: "tensorflow/tensorflow:2.15.0-gpu", install: "tensorflow" },
  ])("pip install $install on $image adds nothing", ({ image, install }) => {
    const e = run(`FROM ${image}\nRUN pip install --no-cache-dir ${install}\n`);
    expect(e.byCategory.python).toBe(0);
    expect(e.assumptions.some((a) => a.id.startsWith("image-python-packages"))).toBe(true);
  });

  it("what else an install brings is weighed, and the framework is not installed again", () => {
    const e = run("FROM pytorch/pytorch:2.5.1-cuda12.1-cudnn9-runtime\nRUN pip install --no-cache-dir sentence-transformers\n");
    const installed = (name: string) => items(e).find((i) => i.path.endsWith(`/${name}`));
    expect(installed("sentence-transformers")).toBeDefined();
    expect(installed("torch")).toBeUndefined();
    expect(items(e).some((i) => /\/nvidia-/.test(i.path))).toBe(false);
  });
});
