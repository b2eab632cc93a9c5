// Which wheel pip picks for an image (PEP 425 tags, PEP 600 manylinux, PEP 656 musllinux). A wheel fits
// when its Python tag runs on the image's CPython (cpXY exactly, abi3 built for cp3Y ≤ the image's
// Python, or pure py3), and its platform is `any` or a manylinux ≤ the image's glibc / a musllinux ≤ its
// musl, on the image's architecture. Among fitting wheels pip's tag order decides: interpreter-specific
// ABI first, then abi3 (newest first), then `none` with a platform, then `-none-any`; within a tier, the
// newest platform tag the image supports.

export type Arch = "x86_64" | "aarch64";

export interface Platform {
  /** CPython minor version, e.g. "3.12". */
  readonly python: string;
  readonly libc: "glibc" | "musl";
  readonly arch: Arch;
  /** glibc minor of the image (bookworm 36, trixie 41, bullseye 31); null when unknown: bookworm's 36 is assumed. */
  readonly glibcMinor?: number | null;
  /** The highest musllinux_1_N wheel pip takes on the image: MUSL_MINOR when absent; 0 where the image's
   *  pip predates musllinux (ALPINE_BEFORE_MUSLLINUX), so that no musllinux wheel fits. */
  readonly muslMinor?: number;
}

/**
 * Alpine branches whose python images were built before pip learnt musllinux wheels (pip 21.2, July 2021,
 * after PEP 656): the python:*-alpine3.12 tags and older were last built in June 2021 when Alpine 3.14
 * replaced them, with the pip of their day (python:3.9.0-alpine3.12 shipped pip 20.2.3), and Alpine 3.12's
 * musl 1.1 could not load a musllinux_1_2 wheel anyway. Their pip builds every compiled package from source.
 */
export function muslMinorOfAlpine(branch: string | null): number | undefined {
  const version = /^(?:alpine)?3\.(\d+)$/.exec(branch ?? "");
  return version !== null && Number(version[1]) <= 12 ? 0 : undefined;
}

/** glibc 2.N of each Debian release (packages.debian.org: libc6 2.24 stretch, 2.28 buster, 2.31 bullseye,
 *  2.36 bookworm, 2.41 trixie): older python tags (3.8-slim-buster) still turn up in real Dockerfiles. */
export const GLIBC_MINOR_BY_RELEASE: Readonly<Record<string, number>> = { stretch: 24, buster: 28, bullseye: 31, bookworm: 36, trixie: 41 };
/** When the release is unknown: bookworm's glibc, the oldest one current python images ship. */
export const DEFAULT_GLIBC_MINOR = 36;
/** python:*-alpine ships musl 1.2 (Alpine 3.13 onwards), so musllinux_1_1 and _1_2 wheels fit. */
export const MUSL_MINOR = 2;

/** Legacy manylinux names (PEP 513, 571, 599) and the glibc minor they stand for. */
const LEGACY_MANYLINUX: Readonly<Record<string, number>> = { manylinux1: 5, manylinux2010: 12, manylinux2014: 17 };

/** Rank of a platform tag for `platform` (higher is preferred), or null when it does not fit. */
function platformRank(tag: string, platform: Platform): number | null {
  if (tag === "any") return 0;
  const glibc = platform.glibcMinor ?? DEFAULT_GLIBC_MINOR;
  const many = /^manylinux_2_(\d+)_(.+)$/.exec(tag);
  if (many !== null) return platform.libc === "glibc" && many[2] === platform.arch && Number(many[1]) <= glibc ? 1 + Number(many[1]) : null;
  const legacy = /^(manylinux1|manylinux2010|manylinux2014)_(.+)$/.exec(tag);
  if (legacy !== null) {
    const minor = LEGACY_MANYLINUX[legacy[1] ?? ""] ?? 99;
    return platform.libc === "glibc" && legacy[2] === platform.arch && minor <= glibc ? 1 + minor : null;
  }
  const musl = /^musllinux_1_(\d+)_(.+)$/.exec(tag);
  if (musl !== null) return platform.libc === "musl" && musl[2] === platform.arch && Number(musl[1]) <= (platform.muslMinor ?? MUSL_MINOR) ? 1 + Number(musl[1]) : null;
  // linux_x86_64 wheels are local builds PyPI refuses; nothing else is a Linux platform.
  return null;
}

function minorOf(python: string): number {
  return Number(python.split(".")[1] ?? "12");
}

/** Rank of the interpreter/ABI pair (higher is preferred), or null when it does not run on the image. */
function interpreterRank(pythonTags: string, abi: string, platformIsAny: boolean, platform: Platform): number | null {
  const minor = minorOf(platform.python);
  const own = `cp3${minor}`;
  let best: number | null = null;
  for (const py of pythonTags.split(".")) {
    let rank: number | null = null;
    const cp = /^cp3(\d+)$/.exec(py);
    // CPython up to 3.7 built with pymalloc tags its ABI `cp37m` (PEP 3149); 3.8 dropped the flag.
    if ((abi === own || (minor <= 7 && abi === `${own}m`)) && py === own) rank = 300;
    else if (abi === "abi3" && cp !== null && Number(cp[1]) <= minor) rank = 200 + Number(cp[1]);
    else if (abi === "none" && (py === own || py === `py3${minor}` || py === "py3")) rank = platformIsAny ? 0 : 100;
    if (rank !== null && (best === null || rank > best)) best = rank;
  }
  return best;
}

/** pip's preference for a wheel tag part (`cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64`), or null when it cannot install. */
export function wheelRank(tag: string, platform: Platform): number | null {
  const [pythonTags = "", abi = "", platforms = ""] = tag.split("-");
  let plat: number | null = null;
  for (const p of platforms.split(".")) {
    const rank = platformRank(p, platform);
    if (rank !== null && (plat === null || rank > plat)) plat = rank;
  }
  if (plat === null) return null;
  const interp = interpreterRank(pythonTags, abi, platforms === "any", platform);
  return interp === null ? null : interp * 1000 + plat;
}

/** The wheel pip would pick among `wheels`, or null when none fits (pip builds the sdist). */
export function pickWheel<W extends readonly [string, number]>(wheels: readonly W[], platform: Platform): W | null {
  let best: W | null = null;
  let bestRank = -1;
  for (const wheel of wheels) {
    const rank = wheelRank(wheel[0], platform);
    if (rank !== null && rank > bestRank) {
      best = wheel;
      bestRank = rank;
    }
  }
  return best;
}

/** Pure wheels (`-none-any`) are the same on every image. */
export function isPureTag(tag: string): boolean {
  return tag.endsWith("-none-any");
}
