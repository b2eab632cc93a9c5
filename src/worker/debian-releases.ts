// Which Debian release tables a Dockerfile's plan will likely read, from its FROM lines alone (no parse),
// so that their download can start before the engine has loaded (issue 13: the first plan used to fetch
// its table synchronously from inside the plan, after the engine's own load). A guess, never an answer:
// the engine still decides which table it reads, and a table it asks for that was not fetched ahead is
// fetched then (debian-tables-loader.ts). It mirrors, loosely:
//   - estimate/from.ts: a stage's release is its base-image row's, or the Debian suite a python tag names
//     (or the one it was last built on, when it names none);
//   - estimate/debian-install.ts: a stage whose base is unknown installs apt packages from trixie's table,
//     or from the release its tag names (nvidia/cuda:…-ubuntu22.04);
//   - rules/eol-base.ts: an end-of-life base (its Python or its Debian release) is checked against every
//     release's table.
// debian-releases.test.ts checks the guess against the tables the engine reads for the examples and the
// shared corpus.
import { findBaseImage } from "../engine/knowledge/base-images";
import { debianReleaseOf, debianReleaseOfUbuntu, type DebianRelease } from "../engine/knowledge/debian-tables";
import { DEBIAN_TABLE_RELEASES } from "../engine/knowledge/debian-table-schema";
import { endOfLife } from "../engine/knowledge/eol";
import { distroOfTag, parseImageRef } from "../engine/knowledge/image-ref";
import { parsePythonTag } from "../engine/knowledge/python-tag";
import { isOfficialPython, pythonTagSuite } from "../engine/knowledge/python-suites";

/** `FROM [--flag=…]… image [AS name]`, on a line of its own (a FROM continued over lines is rare and only
 *  costs a table fetched later). */
const FROM_LINE = /^[ \t]*from[ \t]+((?:--\S+[ \t]+)*)(\S+)(?:[ \t]+as[ \t]+(\S+))?/gim;
/** `ARG NAME=value` before the first FROM: what `${NAME}` in a FROM line stands for by default. */
const GLOBAL_ARG = /^[ \t]*arg[ \t]+([A-Za-z_][A-Za-z0-9_]*)=(?:"([^"\n]*)"|'([^'\n]*)'|(\S*))/gim;
const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-+][^}]*)?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** What estimate/debian-install.ts reads for a stage whose release is unknown (DEFAULT_DISTRO there). */
const UNKNOWN_BASE_RELEASE: DebianRelease = "trixie";

type Guess = DebianRelease | "all" | null;

/** The releases of the tables a plan of `dockerfile` will likely read, each once. */
export function debianReleasesOf(dockerfile: string): DebianRelease[] {
  const releases = new Set<DebianRelease>();
  const stages = new Set<string>();
  const seen = new Set<string>();
  const args = globalArgs(dockerfile);
  for (const match of dockerfile.matchAll(FROM_LINE)) {
    const image = expand(match[2] ?? "", args);
    const stageName = match[3]?.toLowerCase();
    // An earlier stage is no base of its own. Each image once: a generated file may repeat one thousands of times.
    if (!stages.has(image.toLowerCase()) && !seen.has(image)) {
      seen.add(image);
      const guess = releaseOfImage(image);
      if (guess === "all") return [...DEBIAN_TABLE_RELEASES];
      if (guess !== null) releases.add(guess);
    }
    if (stageName !== undefined) stages.add(stageName);
  }
  return [...releases];
}

function globalArgs(dockerfile: string): Map<string, string> {
  const firstFrom = dockerfile.search(/^[ \t]*from[ \t]/im);
  const head = firstFrom < 0 ? dockerfile : dockerfile.slice(0, firstFrom);
  return new Map([...head.matchAll(GLOBAL_ARG)].map((m) => [m[1] ?? "", m[2] ?? m[3] ?? m[4] ?? ""]));
}

/** The image with its variables replaced by their defaults; a variable without one is left as written. */
function expand(image: string, args: ReadonlyMap<string, string>): string {
  return image.replace(VARIABLE, (whole, braced?: string, bare?: string) => args.get(braced ?? bare ?? "") ?? whole);
}

/** Answers by image as written: a keystroke re-reads the same few FROM lines (bounded: cleared when full). */
const GUESS_OF_IMAGE = new Map<string, Guess>();
const GUESS_CACHE_MAX = 256;

function releaseOfImage(image: string): Guess {
  const known = GUESS_OF_IMAGE.get(image);
  if (known !== undefined) return known;
  if (GUESS_OF_IMAGE.size >= GUESS_CACHE_MAX) GUESS_OF_IMAGE.clear();
  const guess = guessRelease(image);
  GUESS_OF_IMAGE.set(image, guess);
  return guess;
}

function guessRelease(image: string): Guess {
  if (image.toLowerCase() === "scratch") return null;
  const ref = image.includes("$") ? null : parseImageRef(image);
  const row = ref === null ? null : (findBaseImage(ref)?.row ?? null);
  if (ref === null) return UNKNOWN_BASE_RELEASE;
  if (row === null) {
    // An unknown image whose tag names its release reads that release (estimate/from.ts).
    const named = distroOfTag(ref.tag);
    if (named === null) return UNKNOWN_BASE_RELEASE;
    return named.family === "ubuntu" ? debianReleaseOfUbuntu(named.distro) : (debianReleaseOf(named.distro)?.release ?? UNKNOWN_BASE_RELEASE);
  }
  const tag = row.image === "python" ? parsePythonTag(ref.tag) : null;
  const python = tag?.version === null || tag === null ? null : endOfLife("python", `${tag.version.major}.${tag.version.minor ?? ""}`);
  // A python tag naming no release was built on its day's (knowledge/python-suites.ts, as estimate/from.ts reads it).
  const suite = tag !== null && row.family === "debian" && isOfficialPython(ref) ? pythonTagSuite(tag) : (tag?.suite ?? null);
  if (python !== null || (suite !== null && endOfLife("debian", suite) !== null)) return "all";
  if (ref.repository === "debian" && endOfLife("debian", (ref.tag ?? "").split("-")[0] ?? "") !== null) return "all";
  // Ubuntu's apt is weighed with the Debian release of its era (estimate/debian-install.ts).
  if (row.family === "ubuntu") return debianReleaseOfUbuntu(row.distro);
  if (row.family !== "debian") return null;
  return debianReleaseOf(suite ?? row.distro)?.release ?? null;
}
