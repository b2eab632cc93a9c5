// torch before 1.13: one wheel with CUDA inside. From 1.13 on, PyPI's torch requires the CUDA libraries as
// separate nvidia-* wheels (and from 2.0 triton); before, the x86_64 Linux wheel bundled them and required
// only a few pure packages. The wheel table holds no 1.x release with sizes (its harvest is of lock files
// from uv's and Poetry's era), so a pinned 1.x torch stood in as 2.x with its CUDA wheels: 5.6 GB for
// torch==1.10.0 against ~1.6 GB. This module says what those releases were: the CPython minors their
// x86_64 Linux wheels were built for (PyTorch's release compatibility matrix, RELEASE.md, and the release
// notes of the series before it; a series that gained a CPython in a point release, 1.7.1 with 3.9, is
// given the wider range), and what each one required. torch never published a source distribution.

/** A torch release of the bundled-CUDA era, as the closure and the size model read it. */
export interface LegacyTorch {
  /** The version as pinned, local tag dropped (`1.10.0` for `==1.10.0+cu102`). */
  readonly version: string;
  /** The CPython 3 minors its x86_64 Linux wheels were built for, oldest to newest. */
  readonly pythonMinors: readonly [number, number];
  /** What it required on Linux (PEP 503 names). */
  readonly deps: readonly string[];
}

/** Per 1.x minor series: [oldest, newest] CPython 3 minor, and the requirements. */
const SERIES: Readonly<Record<string, { readonly pythons: readonly [number, number]; readonly deps: readonly string[] }>> = {
  "1.0": { pythons: [5, 7], deps: [] },
  "1.1": { pythons: [5, 7], deps: [] },
  "1.2": { pythons: [5, 7], deps: [] },
  "1.3": { pythons: [5, 7], deps: [] },
  "1.4": { pythons: [5, 8], deps: [] },
  "1.5": { pythons: [5, 8], deps: ["future"] },
  "1.6": { pythons: [6, 8], deps: ["future", "numpy"] },
  "1.7": { pythons: [6, 9], deps: ["future", "numpy", "typing-extensions"] },
  "1.8": { pythons: [6, 9], deps: ["numpy", "typing-extensions"] },
  "1.9": { pythons: [6, 9], deps: ["typing-extensions"] },
  "1.10": { pythons: [6, 9], deps: ["typing-extensions"] },
  "1.11": { pythons: [7, 10], deps: ["typing-extensions"] },
  "1.12": { pythons: [7, 10], deps: ["typing-extensions"] },
};

/**
 * The bundled-CUDA torch an exact pin names (`==1.10.0`, `==1.12.1+cu102`, `===1.9.0`), or null: not a
 * pin, not 1.x before 1.13, or a series this table does not know. A range (`<1.13`) is not read: which
 * release pip takes depends on the image's Python.
 */
export function legacyTorch(specifier: string | null): LegacyTorch | null {
  if (specifier === null) return null;
  const match = /^={2,3}\s*(1\.(\d+)(?:\.\d+)?)(?:\+[A-Za-z0-9.]+)?$/.exec(specifier.trim());
  if (match === null) return null;
  const series = SERIES[`1.${match[2] ?? ""}`];
  return series === undefined ? null : { version: match[1] ?? "", pythonMinors: series.pythons, deps: series.deps };
}
