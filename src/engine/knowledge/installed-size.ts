// Installed bytes of a chosen wheel, calibrated on the measured rows (docs/package-sizes.md): a project's
// own measurement where the table has one (exact for the measured version and wheel, else its own
// installed/wheel ratio × the chosen wheel's bytes), and otherwise wheel bytes × the median ratio of its
// kind (pure, compiled, CUDA library), fitted by the generator with its leave-one-out error. Sizes include
// the .pyc files pip writes.
import type { PackageFacts } from "./find-package";
import type { KindCalibration, MeasuredSize, WheelKind } from "./python-table";

export type SizeBasis =
  /** The measured installed size of this very version and wheel. */
  | "measured"
  /** The project's measured installed/wheel ratio applied to another version's or platform's wheel. */
  | "measured-ratio"
  /** A measured size without a wheel to scale by (Debian build), used as is for any version. */
  | "measured-other-version"
  /** The median ratio of the wheel's kind. */
  | "kind-ratio"
  /** No wheel of the version in the data: the sdist's bytes stand in for the installed size. */
  | "sdist"
  /** A wheel made mostly of other archives, installed as they are (STORED_ARCHIVES). */
  | "stored-archives";

/**
 * Wheels whose bytes are mostly other archives that installing does not unpack: virtualenv carries the
 * pip, setuptools and wheel wheels it seeds new environments with. Its installed size is about the
 * wheel's own, not the pure-wheel median (7.37×, which weighed virtualenv 20.29.1 at 31.6 MB, under every
 * Poetry, pipenv, hatch and pdm). Debian's python3-virtualenv 20.31.2 is 378 kB of code beside the seed
 * wheels it takes from python3-pip-whl (1.57 MB) and python3-setuptools-whl (1.36 MB): the PyPI wheel is
 * those archives and that code, so the ratio is the archives at 1× plus the code with its .pyc.
 */
const STORED_ARCHIVES: Readonly<Record<string, number>> = { virtualenv: 1.2 };

export interface InstalledSize {
  readonly bytes: number;
  readonly basis: SizeBasis;
  readonly kind: WheelKind;
  /** The installed/wheel ratio used, or null when no ratio was (measured as is, sdist). */
  readonly ratio: number | null;
}

/**
 * Above this many wheel bytes an unmeasured compiled wheel is weighed as one that bundles native libraries.
 * Such a wheel is mostly shared objects, which zip compresses far less than Python source: the measured
 * compiled wheels over 20 MB expand 2.5–3.8× (triton 2.46, pyarrow 3.20, torch 3.31, scipy 3.77), not
 * the 4.0× median of all compiled rows, which small packages full of .py files set (tensorflow's 570 MB
 * wheel at 4.0× would be 2.3 GB).
 */
export const LARGE_COMPILED_WHEEL_BYTES = 20_000_000;

/** Wheel bytes from which a binary-only wheel (below) is taken to be mostly machine code. */
export const BINARY_ONLY_WHEEL_BYTES = 1_000_000;

/** A platform wheel for any Python (`py3-none-manylinux_2_17_x86_64`) of at least a megabyte: no CPython
 *  extension module (that needs a `cpXY` tag), so it carries an executable or a library loaded through
 *  ctypes (uv, ruff, ninja, xgboost's libxgboost.so): machine code, which zip compresses like a bundled
 *  native library. A small one may be Python code tagged for its platform (watchdog's 80 kB Linux wheel
 *  reaches inotify through ctypes). */
export function isBinaryOnlyWheel(tag: string, bytes: number): boolean {
  return bytes >= BINARY_ONLY_WHEEL_BYTES && /^py\d*-none-/.test(tag) && !tag.endsWith("-any");
}

/** The kind of a wheel that was not measured: pure from its tag, CUDA by the nvidia- wheels, a binary-only
 *  wheel (above) or a large compiled wheel as one with bundled native libraries, else compiled (a bundled
 *  `.libs` folder cannot be seen from a small wheel's name and size). */
export function wheelKind(facts: PackageFacts, measured: MeasuredSize | null): WheelKind {
  if (measured !== null) return measured.kind;
  if (facts.name.startsWith("nvidia-")) return "cuda";
  if (facts.pure) return "pure";
  if (facts.wheel !== null && isBinaryOnlyWheel(facts.wheel[0], facts.wheel[1])) return "nativeLibs";
  return (facts.wheel?.[1] ?? 0) > LARGE_COMPILED_WHEEL_BYTES ? "nativeLibs" : "compiled";
}

/** Bytes of the wheel that stands for the installed size when pip builds from source: a wheel of the same
 *  version for another platform (the x86_64 manylinux one if any), else null. */
function proxyWheelBytes(facts: PackageFacts): number | null {
  const wheels = facts.version.wheels;
  const preferred = wheels.find(([tag]) => tag.includes("manylinux") && tag.includes("x86_64")) ?? wheels[0];
  return preferred?.[1] ?? null;
}

export function installedSize(facts: PackageFacts, measured: MeasuredSize | null, calibration: Readonly<Record<WheelKind, KindCalibration>>): InstalledSize | null {
  const kind = wheelKind(facts, measured);
  const wheelBytes = facts.wheel?.[1] ?? proxyWheelBytes(facts);
  if (measured !== null) {
    if (measured.wheelBytes === null || measured.wheelBytes <= 0) return { bytes: measured.installedBytes, basis: "measured-other-version", kind, ratio: null };
    if (wheelBytes === measured.wheelBytes && facts.version.version === measured.version) return { bytes: measured.installedBytes, basis: "measured", kind, ratio: null };
    if (wheelBytes !== null) {
      const ratio = measured.installedBytes / measured.wheelBytes;
      return { bytes: Math.round(wheelBytes * ratio), basis: "measured-ratio", kind, ratio };
    }
    return { bytes: measured.installedBytes, basis: "measured-other-version", kind, ratio: null };
  }
  // Neither a wheel nor an sdist size: nothing to weigh it by (the caller falls back to the unknown default).
  if (wheelBytes === null) return facts.version.sdistBytes === null ? null : { bytes: facts.version.sdistBytes, basis: "sdist", kind, ratio: null };
  const stored = STORED_ARCHIVES[facts.name];
  if (stored !== undefined) return { bytes: Math.round(wheelBytes * stored), basis: "stored-archives", kind, ratio: stored };
  const ratio = calibration[kind].ratio;
  return { bytes: Math.round(wheelBytes * ratio), basis: "kind-ratio", kind, ratio };
}
