// Named assumptions: every number the estimate uses that is not a table row is defined here, with its
// value and the reason for it, so the app can show it beside the numbers it affects.
import { LEGACY_TORCH_WHEEL_BYTES } from "../knowledge/find-package";

export interface AssumptionDef {
  readonly id: string;
  /** One sentence a user can check, with the value in it. */
  readonly text: string;
  readonly value: number;
}

const MB = 1_000_000;

/** torch's CPU build on x86_64, in bytes (the torch-cpu-build assumption below says where each comes from). */
export const TORCH_CPU = { installedBytes: 345 * 1024 * 1024, pycBytes: 38_193_851, wheelBytes: 190 * MB } as const;

/** torch 1.12.1 (PyPI's, CUDA bundled) installed, in bytes (the torch-bundled-cuda assumption below). */
export const LEGACY_TORCH_INSTALLED_BYTES = 1_638_916_353;

export const ASSUMPTIONS = {
  contextSize: {
    id: "context-size",
    value: 2 * MB,
    text: "The build context (what `COPY . .` sends) is 2 MB, a small app's source; set your own size in the settings.",
  },
  tableVersion: {
    id: "table-version",
    value: 0,
    text: "A pin (or a range) that no version in the package table satisfies is weighed as the nearest version it holds (the newest one when only the bundled 217-package table is loaded).",
  },
  namedSourceFile: {
    id: "named-source-file",
    value: 16_000,
    text: "A single named source file (`COPY app.py .`) is 16 kB, capped with the other copies at the context size.",
  },
  manifestFile: {
    id: "manifest-file",
    value: 4_000,
    text: "A dependency manifest that was not pasted (requirements.txt, pyproject.toml, a lock file) is 4 kB.",
  },
  playwrightDeps: {
    id: "playwright-deps",
    value: 0,
    text: "`playwright install --with-deps` and `playwright install-deps` run `apt-get update` and install Playwright's own package list for the release (its tools: xvfb and fonts; and each browser's libraries), weighed from the release's Debian or Ubuntu table. The list is playwright-core's current one (the table names its version): an older Playwright's differs by a few packages.",
  },
  aptLists: {
    id: "apt-lists",
    value: 35 * MB,
    text: "`apt-get update` leaves about 35 MB of package indexes in /var/lib/apt/lists (the middle of the 20–50 MB the system-package data notes) unless removed in the same RUN.",
  },
  apkIndex: {
    id: "apk-index",
    value: 3 * MB,
    text: "`apk add` without `--no-cache` keeps about 3 MB of package indexes (APKINDEX for main and community) in /var/cache/apk.",
  },
  compression: {
    id: "layer-compression",
    value: 2.7,
    text: "Layers added on top of the base compress like the base image itself: on-disk ÷ compressed of the base row (about 2.7 for Debian-based python images, per the base-image data).",
  },
  basePullUnknown: {
    id: "base-pull-size-unknown",
    value: 2.7,
    text: "The base image's pull size is not published: its on-disk size ÷ 2.7 (the ratio of Debian-based python images, per the base-image data) stands in.",
  },
  pipPreinstalled: {
    id: "pip-preinstalled",
    value: 0,
    text: "The python images already hold pip (and setuptools and wheel up to Python 3.11): installing them again without --upgrade adds nothing.",
  },
  unknownBase: {
    id: "unknown-base-image",
    value: 0,
    text: "The base image is not in the tables: its bytes are not counted, so totals are low by its size.",
  },
  recommends: {
    id: "apt-recommends",
    value: 0,
    text: "Where no Debian release table answers (Ubuntu bases, or no table loaded), closures come from hand-made rows measured with --no-install-recommends: the recommended packages an install without the flag pulls in are not counted there.",
  },
  muslScaling: {
    id: "musl-size",
    value: 1,
    text: "On musl (Alpine), a package's installed size is its glibc installed size scaled by the size ratio of its musllinux and manylinux wheels.",
  },
  noCompilePure: {
    id: "no-compile",
    value: 1.9,
    text: "`--no-compile` skips the .pyc files: a pure-Python package's installed size ÷ 1.9 (the python-package data's measured ratio); compiled packages keep their native libraries.",
  },
  uvLayout: {
    id: "uv-install",
    value: 0,
    text: "uv does not write .pyc files unless asked (`--compile-bytecode`), and its cache holds the unpacked wheels: about the installed size without .pyc.",
  },
  uvLinkMode: {
    id: "uv-link-mode",
    value: 0,
    text: "uv installs by hardlinking each file from its cache (its default on Linux, docs.astral.sh/uv/reference/settings/#link-mode): where the cache is in the image, on the same filesystem as the environment, the two share their bytes, and the cache adds only its metadata (not counted). With `--link-mode=copy` or `UV_LINK_MODE=copy` (uv's Docker guide sets it beside a cache mount, where links cannot reach) the cache is a second copy.",
  },
  bytecode: {
    id: "bytecode",
    // The .pyc share of a pure package: installed (with .pyc) ÷ 1.9 = without, so .pyc ≈ 0.47 of it.
    value: 1.9,
    text: "Compiling to bytecode (UV_COMPILE_BYTECODE=1, poetry install --compile) adds the .pyc files: about 47% of a pure-Python package's installed size (installed ÷ 1.9 without them, the python-package data's measured ratio). Without them Python compiles each module it imports at start-up, and again on every start where it cannot write __pycache__ (a non-root user over a root-owned venv, a read-only filesystem); uv's Docker guide recommends compiling in production images for the faster start (docs.astral.sh/uv/guides/integration/docker/#compiling-bytecode, 2026-12). The start-up time saved depends on the app and is not estimated.",
  },
  wheelFromInstalled: {
    id: "wheel-size-derived",
    value: 7.37,
    text: "Where a package's wheel size is unknown it is derived from its installed size with the table's median ratios (7.37 pure, 4.02 compiled).",
  },
  packageRatio: {
    id: "package-ratio",
    // The pure-wheel median (python-wheels.json `calibration.pure.ratio`; a data test keeps them equal).
    value: 7.369,
    text: "A package's installed size (with .pyc) is its wheel's bytes × a ratio: its own measured ratio where python-packages.json measured it, else the median of its wheel kind over the measured rows — pure 7.37 (leave-one-out error: median 15%, p90 74%), compiled 4.00 (median 34%, p90 63%), a compiled wheel over 20 MB as one that bundles native libraries 2.69 (median 15%, p90 34%), CUDA libraries 1.6 (assumed). See docs/package-sizes.md.",
  },
  sdistSize: {
    id: "sdist-size",
    value: 1,
    text: "A package version with no wheel in the data is weighed at its source distribution's size, a rough stand-in (an sdist holds tests and docs, but no .pyc or compiled code).",
  },
  unpinnedNewest: {
    id: "unpinned-newest",
    value: 0,
    text: "An unpinned package (or a dependency, which the data lists without versions) is weighed at the newest version in the table that has a wheel for the image; whether that version still supports the image's Python is not checked (the data has no Requires-Python).",
  },
  lockFileAsRequirements: {
    id: "lock-as-requirements",
    value: 0,
    text: "poetry, pipenv and `uv sync` install from a lock file (poetry.lock, Pipfile.lock, uv.lock) that was not given: their packages are taken from the requirements file you pasted. Add the lock file as a project file to weigh the locked set exactly.",
  },
  venv: {
    id: "venv",
    value: 0,
    text: "`python -m venv` copies pip into the venv: it adds pip's installed size (and setuptools' for Python ≤ 3.11).",
  },
  unknownFromImage: {
    id: "copy-from-image",
    value: 0,
    text: "`COPY --from=<image>` copies files of an image that is not in the tables: those bytes are not counted.",
  },
  torchCpuIndex: {
    id: "torch-cpu-index",
    value: 0,
    text: "With PyTorch's CPU index (download.pytorch.org/whl/cpu) torch installs its +cpu wheel, which requires no nvidia-* or triton wheels: those are left out, and torch is weighed as its CPU build (assumption torch-cpu-build).",
  },
  torchBundledCuda: {
    id: "torch-bundled-cuda",
    value: LEGACY_TORCH_INSTALLED_BYTES,
    text:
      "torch before 1.13 is one wheel with the CUDA libraries inside, and requires no nvidia-* wheels. Pinned at such a release on x86_64, it is weighed at " +
      `${LEGACY_TORCH_INSTALLED_BYTES.toLocaleString("en-US")} B installed, as measured for 1.12.1 (Open-EO/openeo-geopyspark-driver#234, 2022-10), ` +
      `and its wheel, which pip's cache keeps, at ${LEGACY_TORCH_WHEEL_BYTES.toLocaleString("en-US")} B (1.12.1's cp310 wheel). The 1.4–1.12 wheels on PyPI were 750–880 MB, so other releases may differ by ±15%; ` +
      "the +cu11x builds of PyTorch's own index were about twice as large. Its CPythons are PyTorch's release matrix's: on another, pip finds no version to install.",
  },
  torchCpuBuild: {
    id: "torch-cpu-build",
    value: TORCH_CPU.installedBytes,
    text:
      `torch's CPU build (PyTorch's CPU index, or a \`+cpu\` version) on x86_64 installs ${TORCH_CPU.installedBytes.toLocaleString("en-US")} B (345 MiB) without .pyc, ` +
      "as measured for 2.13.0+cpu in a uv venv (gptme/gptme-contrib#1416, 2026-08); older 2.x CPU builds were larger. " +
      `pip also writes .pyc: ${TORCH_CPU.pycBytes.toLocaleString("en-US")} B, as measured for Debian's python3-torch 2.6 (python-packages.json). ` +
      `Its wheel, which pip's cache keeps, is taken as ${TORCH_CPU.wheelBytes.toLocaleString("en-US")} B (PyTorch's CPU wheels for 2.x are reported at 180–200 MB, pytorch/pytorch#17621). ` +
      "The table's torch rows are PyPI's CUDA build, several times larger.",
  },
  exactPins: {
    id: "exact-pins",
    value: 0,
    text: "torch pins its CUDA wheels (nvidia-*, triton), and torchvision and torchaudio the torch they were built for, to exact versions; the data lists dependencies without versions, so each is weighed at the version public lock files locked beside that release (or beside the nearest release of the same build).",
  },
  uvBinary: {
    id: "uv-binary",
    value: 0,
    text: "uv's image (ghcr.io/astral-sh/uv) holds the uv and uvx binaries, at / in the bare tags and in /usr/local/bin in those built on python, debian or alpine; no table measures them, so they are weighed as uv's musllinux wheel of the same release installed (the wheel holds the same two binaries and a small Python shim; the nearest release the table holds when it lacks that one), all on uv: uvx is a small launcher.",
  },
  copyUp: {
    id: "chown-copy-up",
    value: 0,
    text: "A recursive `chown`, `chmod` or `chgrp` stores every file under its path that an earlier layer added a second time, in its own layer (overlayfs copies a file up when its metadata changes, even to the same owner or mode). Counted for the files the model knows (copied context, installed packages, system packages); files of the base image under the path are not counted, and the earlier copy stays in its layer.",
  },
} as const satisfies Record<string, AssumptionDef>;
