// `apt-get install` weighed from the stage's Debian release table (knowledge/debian-tables.ts): the
// Depends closure of each package (and Recommends, unless the install says --no-install-recommends) over what the stage already has (`stage.debInstalled`, seeded at FROM
// with the base image's packages), so a dependency shared by two installs is counted once. Used by
// system-install.ts; where the release has no table (Ubuntu, or none installed yet) it answers null and
// the hand-made rows of knowledge/system-packages.ts are used instead.
import { debianArchived } from "../knowledge/eol";
import {
  BUILDPACK_DEPS_LAYERS,
  cleanDebianName,
  debianBasePackages,
  debianInstallClosure,
  debianOsBasePackages,
  debianPackage,
  debianReleaseOf,
  debianReleaseOfUbuntu,
  debianTableSource,
  fullPythonImagePackages,
  type DebianPackageFacts,
  type DebianRelease,
} from "../knowledge";
import type { SourceRef } from "../knowledge/types";
import type { EstimateContext } from "./context";
import { debianClosures, debianClosureWithout, noteDebianSeed } from "./debian-closures";
import { isBuildToolPackage } from "./system-categories";
import type { StageState } from "./stage-state";

/** Debian policy §5.6.1: package names are lower-case letters, digits, `+`, `-` and `.`, two or more,
 *  starting with a letter or digit. */
const DEBIAN_NAME = /^[a-z0-9][a-z0-9+.-]+$/;

/** Debian images without a known release (an unknown base) are read as trixie, today's python default. */
const DEFAULT_DISTRO = "trixie";

/** The release table a stage's apt reads, or null (Alpine, no table installed). Ubuntu reads the Debian
 *  release of its era, as a stand-in (assumption `debian-release:<codename>`). */
/** A stage on a Debian release deb.debian.org no longer serves whose Debian apt entries it has not rewritten
 *  (so far): its `apt-get update` fails (knowledge/eol.ts debianArchived). Another repository added beside
 *  them (Google's Chrome) does not help: apt still reads deb.debian.org's. */
export function aptArchived(stage: StageState): boolean {
  return stage.family === "debian" && stage.distro !== null && stage.aptDebianSourcesAt === null && debianArchived(stage.distro);
}

export function stageDebianRelease(stage: StageState): { release: DebianRelease; standIn: string | null } | null {
  if (stage.family === "ubuntu") {
    const release = debianReleaseOfUbuntu(stage.distro);
    if (debianBasePackages(release).size === 0) return null;
    return { release, standIn: `Ubuntu ${stage.distro ?? "(unknown release)"}'s apt is weighed with Debian ${release}'s package table, the release of its era: Ubuntu's own package lists are not in the tables, and the common names (python3, python3-pip, build-essential, libpq-dev, curl) are the same packages at nearby versions` };
  }
  if (stage.family !== null && stage.family !== "debian") return null;
  const found = debianReleaseOf(stage.distro ?? DEFAULT_DISTRO);
  if (found === null || debianBasePackages(found.release).size === 0) return null;
  return found;
}

/**
 * Fills `stage.debInstalled` with what the base image holds: python:X-slim → the release's slim model;
 * python:X (full) → that plus buildpack-deps' layers, closed (and the measured list where there is one);
 * debian:<release>[-slim] and other Debian images → debian:<release>-slim. No-op without a table.
 */
export function seedDebianBase(stage: StageState): void {
  const found = stageDebianRelease(stage);
  if (found === null || stage.baseLabel === "scratch") return;
  const release = found.release;
  // An image the tables do not know (`FROM ${FROM}` without a default, a private image) is read as a
  // python slim image of the default release, as the hand-made rows were (closures "on python:3.12-slim");
  // one whose tag names its release (nvidia/cuda:…-ubuntu22.04, from.ts) as that release's bare OS image.
  const pythonImage = stage.base === null ? stage.distro === null : stage.base.python !== null;
  const base = pythonImage ? debianBasePackages(release) : debianOsBasePackages(release);
  // Only a set filled from empty is the recipe's alone (debian-closures.ts keys the closures by it).
  const fromEmpty = stage.debInstalled.size === 0;
  for (const name of base) stage.debInstalled.add(name);
  if (stage.fullPythonImage) {
    for (const name of buildpackClosure(release, base)) stage.debInstalled.add(name);
    if (release !== "bullseye") for (const name of fullPythonImagePackages(release)) stage.debInstalled.add(name);
  }
  if (fromEmpty) noteDebianSeed(stage.debInstalled, release, `${pythonImage ? "python" : "os"} ${stage.fullPythonImage ? "full" : "slim"}`);
}

/** buildpack-deps' layers closed over a base set, per base set (the table's own set object, so a table
 *  installed again starts afresh) and release: the same for every full-image stage, and the closure of
 *  ~150 packages, repeated at every full-image FROM, was ~6% of a 1,000-instruction plan in the profile (issue 13). */
const buildpackClosures = new WeakMap<ReadonlySet<string>, Map<DebianRelease, readonly string[]>>();

function buildpackClosure(release: DebianRelease, base: ReadonlySet<string>): readonly string[] {
  let byRelease = buildpackClosures.get(base);
  if (byRelease === undefined) buildpackClosures.set(base, (byRelease = new Map()));
  const hit = byRelease.get(release);
  if (hit !== undefined) return hit;
  const added = debianInstallClosure(Object.values(BUILDPACK_DEPS_LAYERS).flat(), release, base).added;
  byRelease.set(release, added);
  return added;
}

export interface DebianInstallWeight {
  readonly bytes: number;
  /** The packages this install adds (the requested one and the dependencies not yet present). */
  readonly members: readonly string[];
  readonly sources: SourceRef[];
  /**
   * The build tools among `members` that the requested package (not one itself) reaches through its
   * Recommends (python3-pip's: build-essential, python3-dev): those packages and what only they pull in,
   * with their bytes, which are part of `bytes`. Null when there are none.
   */
  readonly buildTools: { readonly bytes: number; readonly members: readonly string[]; readonly via: readonly string[]; readonly sources: SourceRef[] } | null;
}

/**
 * What `apt-get install NAME` adds to the stage, from its release table — with its Recommends closure when
 * `recommends` (apt's default), Depends only for --no-install-recommends; null when
 * there is no table (the caller falls back to the hand-made rows). A name the release cannot install adds
 * nothing (the build check reports it: verify/package-names.ts): apt-get fails on it, so there is no image to weigh it in (guessing what was meant,
 * e.g. libffi7 on bookworm for libffi8, is the build check's job).
 */
export function weighDebianInstall(ctx: EstimateContext, stage: StageState, name: string, line: number, recommends: boolean): DebianInstallWeight | null {
  const found = stageDebianRelease(stage);
  // Not a package name (an unexpanded `$VAR`, a local `.deb` path, a template placeholder): the caller's
  // unknown-package default, as before.
  if (found === null || !DEBIAN_NAME.test(cleanDebianName(name))) return null;
  const { release, standIn } = found;
  if (standIn !== null) ctx.assume(`debian-release:${stage.distro ?? ""}`, standIn, line);
  // What the Recommends add beyond the Depends, over the same present set (the caller adds the members
  // after this returns): recorded for size/apt-no-install-recommends, which names them.
  const { closure, viaRecommends } = debianClosures(name, release, stage.debInstalled, recommends);
  if (viaRecommends !== null) {
    ctx.noteRecommends({ line, stageIndex: stage.index, requested: cleanDebianName(name), ...viaRecommends });
  }
  // The release is a guess when the base image is unknown, and another distribution's on Ubuntu; a name
  // missing from it may be right there (jammy's python3.10-venv): the hand-made rows answer instead.
  if (closure.unknown.length > 0 && (stage.distro === null || stage.family === "ubuntu")) return null;
  if (closure.unknown.length > 0 && stage.aptSourcesAt !== null && debianPackage(name, release) === null) {
    // Another repository's package (google-chrome-stable): installed, with what it depends on, but the
    // tables do not hold that repository. Counted as nothing, and said so.
    ctx.warn("third-party-package", `${cleanDebianName(name)} is not in Debian ${release}'s lists; it may come from the apt repository line ${stage.aptSourcesAt} adds, which the tables do not hold: its size is not counted.`, line);
    return { bytes: 0, members: [name], sources: [], buildTools: null };
  }
  if (closure.unknown.length > 0 && standIn !== null && debianPackage(name, release) === null) {
    // Another release's table stands in (bullseye's for buster): the name may well be the asked release's.
    ctx.warn("stand-in-release-package", `${cleanDebianName(name)} is not in Debian ${release}'s table, which stands in for ${stage.distro ?? "this release"}: its size is not counted.`, line);
    return { bytes: 0, members: [name], sources: [], buildTools: null };
  }
  if (closure.unknown.length > 0) {
    const virtual = debianPackage(name, release);
    const why = virtual === null
      ? `${name} is not a package in Debian ${release} (main)`
      : `${name} is a virtual name in Debian ${release} with several providers (${virtual.name} …): apt asks which one`;
    // The build check reports the failing install (verify: unknown-package); here it only weighs nothing.
    const cited = debianTableSource(name, release);
    return { bytes: 0, members: [], sources: cited === null ? [] : [{ ...cited, note: `${why}: counted as 0 bytes` }], buildTools: null };
  }
  const facts = debianPackage(name, release);
  const virtualNote = facts?.providedFor == null ? null : (facts.source.note ?? null);
  const sources: SourceRef[] = closure.added.length === 0 && facts !== null
    ? [alreadyPresentSource(facts)]
    : closure.sources.map((s) => (virtualNote === null ? s : { ...s, note: `${s.note ?? ""}; ${virtualNote}` }));
  const buildTools = viaRecommends === null ? null : buildToolsOf(name, release, stage.debInstalled, closure, viaRecommends.packages.map((p) => p.name));
  return { bytes: closure.bytes, members: [name, ...closure.added], sources, buildTools };
}

/**
 * The part of an install's closure that is there for the build tools its Recommends reach: the closure
 * walked again with those build-tool packages read as present leaves out exactly what only they bring (a
 * package something else also needs stays with the rest). `apt-get install python3-pip` brings gcc, make
 * and the headers through its Recommends (build-essential, python3-dev); they are build tools wherever they
 * came from, so that a builder stage (size/multistage) counts them as what it leaves behind, and a final
 * stage that installs the package with --no-install-recommends does not get them back. Build tools a
 * package Depends on (npm → node-gyp → gcc) come back with it wherever it is installed: they stay with it.
 */
function buildToolsOf(
  name: string, release: DebianRelease, present: ReadonlySet<string>, closure: { readonly bytes: number; readonly added: readonly string[]; readonly sources: readonly SourceRef[] }, recommended: readonly string[],
): DebianInstallWeight["buildTools"] {
  if (isBuildToolPackage(cleanDebianName(name))) return null;
  const via = recommended.filter(isBuildToolPackage);
  if (via.length === 0) return null;
  const rest = debianClosureWithout(name, release, present, via);
  const kept = new Set(rest.added);
  const all = new Set(closure.added);
  // A virtual name the build tools had satisfied may pick another provider without them: no clean split.
  if (rest.added.some((m) => !all.has(m))) return null;
  const members = closure.added.filter((m) => !kept.has(m));
  const bytes = closure.bytes - rest.bytes;
  const cited = closure.sources[0];
  const sources = cited === undefined ? [] : [{ ...cited, note: `of that closure, the build tools the Recommends bring (${via.join(", ")}) and what only they pull in: ${members.length} packages (${members.join(", ")}), Installed-Size summed` }];
  return { bytes, members, via, sources };
}

/** The citation of an install that adds nothing, by package (a WeakMap on debianPackage's facts, which are
 *  kept per table): a `bulk` file installs the same present package thousands of times. Read-only. */
const presentSources = new WeakMap<DebianPackageFacts, SourceRef>();

function alreadyPresentSource(facts: DebianPackageFacts): SourceRef {
  let source = presentSources.get(facts);
  if (source === undefined) {
    source = { ...facts.source, note: `${facts.name} is already in the stage (base image or an earlier install): it adds nothing` };
    presentSources.set(facts, source);
  }
  return source;
}
