// Which of a lock file's wheels the stage would install (uv.lock lists every wheel with its exact size):
// the wheel tags (PEP 427 file names, PEP 425 tags, PEP 600 manylinux, PEP 656 musllinux) decide. A
// simplified version of pip's ranking: a wheel for this CPython's own ABI first, then abi3, then pure
// Python; an incompatible platform or interpreter never. Task B's version-aware package table applies
// the same rule to its own rows; this one only reads a lock.
import type { LockedWheel } from "../project/types";

export interface WheelTarget {
  /** "3.12" (the stage's CPython), or null when unknown: then any CPython 3 wheel is taken as fitting. */
  readonly pythonMinor: string | null;
  readonly libc: "glibc" | "musl";
  /** `x86_64` by default (DESIGN: the platform setting). */
  readonly machine: string;
}

/** The wheel the stage would install: its bytes, and whether it is pure Python (platform `any`); null when
 *  none fits or sizes are unknown (the sdist would be built). */
export function chooseWheel(wheels: readonly LockedWheel[], target: WheelTarget): { bytes: number; pure: boolean } | null {
  let best: { rank: number; size: number; filename: string } | null = null;
  for (const wheel of wheels) {
    if (wheel.size === null) continue;
    const rank = wheelRank(wheel.filename, target);
    if (rank > 0 && (best === null || rank > best.rank)) best = { rank, size: wheel.size, filename: wheel.filename };
  }
  return best === null ? null : { bytes: best.size, pure: /-any\.whl$/i.test(best.filename) };
}

/** 0 when the wheel cannot be installed on the target; higher is preferred. */
export function wheelRank(filename: string, target: WheelTarget): number {
  const parts = filename.replace(/\.whl$/i, "").split("-");
  // name-version[-build]-python-abi-platform: the tags are always the last three parts.
  if (parts.length < 5) return 0;
  const [pythons = "", abis = "", platforms = ""] = parts.slice(-3).map((p) => p.toLowerCase());
  if (!platforms.split(".").some((p) => platformFits(p, target))) return 0;
  const minor = target.pythonMinor === null ? null : Number(target.pythonMinor.split(".")[1]);
  let rank = 0;
  for (const python of pythons.split(".")) {
    const cp = /^cp3(\d+)$/.exec(python);
    if (cp !== null) {
      const wheelMinor = Number(cp[1]);
      if (abis.split(".").includes("abi3") && (minor === null || wheelMinor <= minor)) rank = Math.max(rank, 2);
      else if (minor === null || wheelMinor === minor) rank = Math.max(rank, 3);
    } else if (/^py3\d*$/.test(python) || python === "py2.py3") {
      rank = Math.max(rank, 1);
    }
  }
  return rank;
}

function platformFits(platform: string, target: WheelTarget): boolean {
  if (platform === "any") return true;
  if (!platform.endsWith(`_${target.machine}`)) return false;
  if (target.libc === "musl") return platform.startsWith("musllinux_");
  return platform.startsWith("manylinux") || platform.startsWith("linux_");
}
