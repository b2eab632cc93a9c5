// PyTorch's own package index. On PyPI, torch for Linux x86_64 is the CUDA build and requires about a dozen
// nvidia-* runtime wheels plus triton (torch 2.9.0's metadata in the wheel table: `nvidia-cublas-cu12 ;
// platform_machine == 'x86_64' and sys_platform == 'linux'` …). The same versions from
// https://download.pytorch.org/whl/cpu carry a `+cpu` local version and require none of them.
import { findPackage, normalizePackageName, type Platform } from "../knowledge";
import type { ProjectManifest } from "../project/types";
import { evaluateMarkerText } from "../requirements/markers";
import type { MarkerEnvironment, RequirementsFile } from "../requirements/model";
import { findRequirementsFile } from "./requirements-lookup";

/** The CPU-only wheel index, as `--index-url`, `--extra-index-url` or uv's `--index` writes it. */
export const TORCH_CPU_INDEX = /download\.pytorch\.org\/whl\/cpu(\/|\b|$)/;

/** The PyTorch projects whose CUDA builds pull in the CUDA wheels. */
export const TORCH_PROJECTS: ReadonlySet<string> = new Set(["torch", "torchvision", "torchaudio"]);

/** Wheels that exist to ship CUDA to torch: nvidia-* (cuBLAS, cuDNN, NCCL…), triton, cuda-bindings. */
export function isCudaWheel(name: string): boolean {
  return name.startsWith("nvidia-") || name === "triton" || name === "pytorch-triton" || name === "cuda-bindings" || name === "cuda-pathfinder";
}

/**
 * The CUDA wheels a project outside PyTorch's requires for itself (openai-whisper requires triton on x86_64
 * Linux): the CPU build of torch drops them from what torch brings, but pip still installs them for that
 * project. `packages` are the names and specifiers an install resolved, read on `platform`.
 */
export function cudaWheelsWantedElsewhere(packages: Iterable<{ readonly name: string; readonly specifier: string | null }>, platform: Platform): Set<string> {
  const wanted = new Set<string>();
  for (const p of packages) {
    if (isCudaWheel(p.name) || TORCH_PROJECTS.has(p.name)) continue;
    for (const [dep] of findPackage(p.name, p.specifier, platform)?.version.deps ?? []) {
      const name = normalizePackageName(dep.replace(/[\s<>=!~;[(].*$/s, ""));
      if (isCudaWheel(name)) wanted.add(name);
    }
  }
  return wanted;
}

/** `==2.5.1+cpu`, `===2.8.0+cpu`: a specifier naming a version of PyTorch's CPU build (its local label), as a
 *  lock file or `-f https://download.pytorch.org/whl/torch_stable.html` gives it. */
export function isCpuBuildSpecifier(specifier: string | null): boolean {
  return specifier !== null && /\+cpu(?:[.\s,;]|$)/.test(specifier);
}

/** True when an install reads the CPU index: on its command line, or in a requirements file it names. */
export function readsTorchCpuIndex(words: readonly { value: string }[], files: readonly string[], given: readonly RequirementsFile[]): boolean {
  if (words.some((w) => TORCH_CPU_INDEX.test(w.value))) return true;
  return files.some((path) => {
    const file = findRequirementsFile(given, path);
    const urls = file === null ? [] : [file.options.indexUrl ?? "", ...file.options.extraIndexUrls];
    return urls.some((u) => TORCH_CPU_INDEX.test(u));
  });
}

/** True when a manifest ties torch to PyTorch's CPU index for this image (uv's `[tool.uv.sources]`, poetry's
 *  `source =`; an entry whose marker is false here does not apply), or makes that index replace PyPI. */
export function manifestReadsTorchCpuIndex(manifest: ProjectManifest, env: MarkerEnvironment): boolean {
  const entry = manifest.packageIndexes.get("torch")?.find((e) => e.marker === null || evaluateMarkerText(e.marker, env).result !== false);
  const url = entry?.url ?? manifest.defaultIndex;
  return url !== null && TORCH_CPU_INDEX.test(url);
}
