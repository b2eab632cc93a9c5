// size/torch-cpu — on PyPI, torch for Linux x86_64 is the CUDA build: it pulls in the nvidia-* runtime
// wheels and triton, several GB that only a GPU uses. A Dockerfile with no sign of a GPU (no CUDA base
// image, no NVIDIA_*/CUDA_* variables, no CUDA package asked for by name) almost always runs on CPU, where
// PyTorch's CPU index gives the same torch versions (`+cpu`) without them.
import { formatBytes } from "../format";
import { TORCH_CPU } from "../estimate/assumptions";
import type { InstructionNode } from "../dockerfile/model";
import { cudaWheelsWantedElsewhere, isCudaWheel, TORCH_PROJECTS } from "../estimate/torch-index";
import type { LayerEstimate } from "../estimate/types";
import type { PipInstall } from "../shell/command-info";
import { editableRun } from "./support/commands";
import { makeFinding } from "./support/finding";
import { runAtLine } from "./support/stages";
import type { Rule, RuleContext } from "./types";

export const TORCH_CPU_URL = "https://download.pytorch.org/whl/cpu";

/** Signs the image is meant for a GPU: a CUDA/ROCm base, NVIDIA's runtime variables, CUDA packages by name. */
const GPU_IMAGE = /cuda|nvidia|rocm|gpu|pytorch\/pytorch|tensorflow\/tensorflow:.*gpu/i;
const GPU_VARIABLE = /^(NVIDIA_|CUDA_|CUDNN_|TORCH_CUDA_ARCH_LIST$|USE_CUDA$)/;
const GPU_REQUIREMENT = /^nvidia-|^cupy-cuda|^cuda-python$|\+cu\d+/i;

const packageOf = (path: string): string => path.slice(path.lastIndexOf("/") + 1);

function gpuHint({ analysis }: RuleContext): string | null {
  for (const node of analysis.model.instructions) {
    const image = node.from?.image ?? node.from?.rawImage ?? "";
    if (GPU_IMAGE.test(image)) return `the base image ${image}`;
    const variable = node.pairs.find((p) => (node.keyword === "ENV" || node.keyword === "ARG") && GPU_VARIABLE.test(p.name));
    if (variable !== undefined) return `${node.keyword} ${variable.name}`;
    for (const info of node.run?.infos ?? []) {
      if (info.kind === "pip-install" && info.requirements.some((r) => GPU_REQUIREMENT.test(r.value))) return "a CUDA package on the command line";
    }
  }
  for (const file of analysis.requirementFiles) {
    if (file.requirements.some((r) => GPU_REQUIREMENT.test(r.rawName ?? "") || GPU_REQUIREMENT.test(r.specifier))) return `a CUDA package in ${file.path}`;
  }
  return null;
}

interface Hit {
  readonly node: InstructionNode;
  readonly installs: readonly PipInstall[];
  readonly cudaBytes: number;
}

/** The CUDA wheels only torch brings: another project's own requirement (whisper's triton) stays with the
 *  CPU build, so it is neither counted as saved nor a reason to fire. */
function torchCudaOf(context: RuleContext): (name: string) => boolean {
  const elsewhere = new Set<string>();
  for (const stage of context.analysis.estimate.stages) for (const name of cudaWheelsWantedElsewhere(stage.pythonPackages, stage.platform)) elsewhere.add(name);
  return (name) => isCudaWheel(name) && !elsewhere.has(name);
}

function hits(context: RuleContext): Hit[] {
  const { analysis } = context;
  const torchCuda = torchCudaOf(context);
  const cudaIn = (l: LayerEstimate): number => l.items.filter((i) => i.category === "python" && torchCuda(packageOf(i.path))).reduce((sum, i) => sum + i.bytes, 0);
  // Guard: only CUDA wheels that reach the final image count (a builder's are left behind).
  const inImage = analysis.estimate.layers.reduce((sum, l) => sum + cudaIn(l), 0);
  if (inImage === 0 || gpuHint(context) !== null) return [];
  const out: Hit[] = [];
  for (const layer of [...analysis.estimate.buildLayers, ...analysis.estimate.layers]) {
    const node = runAtLine(analysis.model, layer.line);
    const torch = layer.items.some((i) => i.category === "python" && TORCH_PROJECTS.has(packageOf(i.path)));
    if (node === undefined || !torch || cudaIn(layer) === 0 || out.some((h) => h.node === node)) continue;
    const installs = (node.run?.infos ?? []).filter((i): i is PipInstall => i.kind === "pip-install");
    if (installs.length > 0) out.push({ node, installs, cudaBytes: cudaIn(layer) });
  }
  return out.sort((a, b) => a.node.index - b.node.index);
}

/** `--index-url` when torch is all the command installs (PyTorch's index alone serves it), else
 *  `--extra-index-url`: pip takes the highest version from both, and `2.9.0+cpu` sorts above `2.9.0`. uv
 *  does not: by default it takes each package from the first index that has it, the extra one first, and
 *  PyTorch's index carries old copies of numpy, requests, filelock… (astral-sh/uv#2840), so a pinned
 *  requirement would not resolve; `--index-strategy unsafe-best-match` makes uv compare versions as pip does. */
function flagFor(info: PipInstall): string {
  const onlyTorch = info.requirementFiles.length === 0 && info.editables.length === 0 && info.requirements.length > 0
    && info.requirements.every((r) => TORCH_PROJECTS.has(r.value.replace(/[<>=!~;[ ].*$/, "").toLowerCase()));
  if (onlyTorch && info.installer === "pip") return `--index-url ${TORCH_CPU_URL}`;
  const strategy = info.installer === "uv" && !onlyTorch && !info.optionWords.some((w) => w.value.startsWith("--index-strategy"));
  return `--extra-index-url ${TORCH_CPU_URL}${strategy ? " --index-strategy unsafe-best-match" : ""}`;
}

export const torchCpu: Rule = {
  meta: {
    id: "size/torch-cpu",
    title: "CPU-only PyTorch",
    category: "size",
    severity: "warning",
    fixSafety: "suggestion",
    hadolint: null,
    docs: {
      what: "Installs torch from PyTorch's CPU index when nothing in the Dockerfile points to a GPU.",
      why: "torch from PyPI is the CUDA build: on Linux x86_64 it requires the nvidia-* runtime wheels (cuBLAS, cuDNN, NCCL…) and triton, gigabytes that only a GPU uses. The CPU index has the same versions without them.",
      before: "FROM python:3.12-slim\nRUN pip install --no-cache-dir torch\n",
      after: "FROM python:3.12-slim\nRUN pip install --index-url https://download.pytorch.org/whl/cpu --no-cache-dir torch\n",
      safety: "A suggestion: on a GPU host the CPU build runs on the CPU only (torch.cuda.is_available() is False). The rule stays silent with a CUDA/ROCm base image, NVIDIA_*/CUDA_* variables, or CUDA packages asked for by name.",
    },
    messages: {
      cuda: "torch from PyPI brings {{bytes}} of CUDA wheels (nvidia-*, triton) and nothing here points to a GPU: install it from PyTorch's CPU index.",
    },
  },
  detect(context) {
    return hits(context).map((h) => makeFinding(this.meta, "cuda", { bytes: formatBytes(h.cudaBytes) }, h.node.range));
  },
  fix(context) {
    const all = hits(context);
    if (all.length === 0 || all.some((h) => !editableRun(h.node))) return [];
    const edits = all.flatMap((h) => h.installs.map((i) => ({ start: i.installWord.end, end: i.installWord.end, text: ` ${flagFor(i)}` })));
    const weigh = (keep: (name: string) => boolean): number => context.analysis.estimate.layers.reduce((sum, l) => sum + l.items.filter((i) => i.category === "python" && keep(packageOf(i.path))).reduce((s, i) => s + i.bytes, 0), 0);
    const bytes = weigh(torchCudaOf(context));
    const torchBytes = weigh((name) => name === "torch");
    return [{
      id: "cpu-index",
      title: "Install torch from the CPU index",
      edits: [{ file: "dockerfile", edits }],
      reason: `Leaves out ${formatBytes(bytes)} of CUDA wheels (nvidia-*, triton), and torch itself becomes its CPU build: ${formatBytes(TORCH_CPU.installedBytes)} without .pyc, where PyPI's CUDA build weighs ${formatBytes(torchBytes)} here (assumption torch-cpu-build).`,
    }];
  },
};
