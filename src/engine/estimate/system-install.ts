// apt-get/apt and apk in the size model: package closures from the system-package table (shared
// dependencies counted once), package-index caches unless removed in the same RUN, build tools kept apart
// from runtime libraries, `apk add --virtual NAME` + `apk del NAME`, and `apt-get purge` (+ autoremove).
import { alpineBuildBaseClosure, alpineClosure, bringsLibcHeaders, findAlpinePackage, findDebianPackage, isInFullPythonImage, UNKNOWN_SYSTEM_PACKAGE } from "../knowledge";
import type { SourceRef } from "../knowledge/types";
import type { CommandInfo } from "../shell/command-info";
import { LruCache } from "../cache/lru";
import { formatBytes } from "../format";
import { ASSUMPTIONS } from "./assumptions";
import { KiB, type EstimateContext } from "./context";
import { assumptionSource } from "./python-sizes";
import { weighDebianInstall, type DebianInstallWeight } from "./debian-install";
import type { RunScope } from "./python-install";
import { executablesOfSystemPackage } from "../verify/executables";
import { addExecutables, markSystemUnknown, type StageState } from "./stage-state";
import { categoryOfSystemPackage } from "./system-categories";
import type { Category } from "./types";

const COMPILER = /^(build-essential|build-base|gcc(-\d+)?|g\+\+(-\d+)?|clang(-\d+)?)$/;

/** Debian packages whose Recommends include build-essential (python3-pip: "Recommends: build-essential,
 *  python3-dev", Debian bookworm/trixie package metadata): installed without --no-install-recommends, they
 *  bring a compiler. Its bytes come from the release table's Recommends where there is one (the hand-made
 *  rows' fallback does not count them: assumption `apt-recommends`). */
const RECOMMENDS_COMPILER = new Set(["python3-pip"]);

function debianSuite(stage: StageState): string {
  return stage.distro ?? "trixie";
}

export function aptInstall(ctx: EstimateContext, stage: StageState, scope: RunScope, info: Extract<CommandInfo, { kind: "apt-install" }>): void {
  // apt-get on Alpine fails: the build check reports it (apt-on-alpine); nothing is installed.
  if (stage.family === "alpine") return;
  for (const pkg of info.packages) {
    const name = pkg.value;
    if (COMPILER.test(name) || (!info.noInstallRecommends && RECOMMENDS_COMPILER.has(name))) {
      stage.hasCompiler = true;
      addExecutables(stage, ["gcc", "cc", "make"], `apt-get install ${name} (line ${scope.line})`);
    }
    // A package file (`./google-chrome-stable_current_amd64.deb`, `/tmp/x.deb`): no table holds it or what
    // its Depends pull in (Chrome's are hundreds of MB): not counted, and said so, rather than one
    // unknown package's default size.
    if (name.includes("/") || name.endsWith(".deb")) {
      ctx.warn("local-package-file", `apt-get install ${name} installs a package file, which no table holds, with the packages its Depends pull in: not counted.`, scope.line);
      markSystemUnknown(stage, scope.line);
      continue;
    }
    addExecutables(stage, executablesOfSystemPackage(name), `apt-get install ${name} (line ${scope.line})`);
    if (stage.fullPythonImage && isInFullPythonImage(name, debianSuite(stage))) {
      stage.debInstalled.add(name);
      continue;
    }
    // The stage's release table first (closure over what the stage has); the hand-made rows where it
    // has no answer (Ubuntu, no table installed, or a name the release lacks, which also gets a warning).
    const weighed = weighDebianInstall(ctx, stage, name, scope.line, !info.noInstallRecommends);
    let bytes: number;
    let sources: SourceRef[];
    let members: readonly string[] = [name];
    const match = weighed === null ? findDebianPackage(name, debianSuite(stage)) : null;
    // The hand-made rows are --no-install-recommends closures: without the flag, the Recommends go uncounted.
    if (weighed === null && !info.noInstallRecommends) ctx.assume(ASSUMPTIONS.recommends.id, ASSUMPTIONS.recommends.text, scope.line);
    if (weighed !== null) {
      ({ bytes, sources, members } = weighed);
    } else if (match === null || match.row.closureOnSlimKiB === null) {
      bytes = UNKNOWN_SYSTEM_PACKAGE.debianClosureBytes;
      sources = [UNKNOWN_SYSTEM_PACKAGE.source];
      ctx.assumeEach(UNKNOWN_SYSTEM_PACKAGE.key, [name], unknownSystemText, scope.line);
    } else {
      const row = match.row;
      members = row.closureList ?? [name];
      const fresh = members.filter((m) => !stage.debInstalled.has(m));
      // Shared dependencies already installed are not counted again; the table has the closure's total,
      // not each member's size, so the share is taken by package count.
      bytes = Math.round((row.closureOnSlimKiB ?? 0) * KiB * (members.length === 0 ? 1 : fresh.length / members.length));
      sources = [{ table: "system-packages", key: row.key, source: row.source, date: row.date, ...(match.assumption === null ? {} : { note: match.assumption }) }];
      if (match.assumption !== null) ctx.assume(`debian-suite:${name}`, match.assumption, scope.line);
    }
    for (const m of members) stage.debInstalled.add(m);
    // With its Recommends (or as build-essential) a compiler brings libc6-dev: said where the hand-made rows,
    // which hold --no-install-recommends closures, stood in for the release table (after the weighing, so
    // that its bytes are not taken as present).
    if (name === "build-essential" || ((COMPILER.test(name) || RECOMMENDS_COMPILER.has(name)) && !info.noInstallRecommends)) stage.debInstalled.add("libc6-dev");
    const tools = weighed?.buildTools ?? null;
    stage.fs.add({
      path: `/usr/deb/${name}`, bytes: bytes - (tools?.bytes ?? 0), category: categoryOfSystemPackage(name), label: `${name} (apt, with dependencies)`,
      sources, pycBytes: 0, pythonPackage: null, wheelFile: false, groups: [`deb:${name}`],
    });
    if (tools !== null) addReachedBuildTools(stage, name, tools, scope.line);
  }
}

/** Images whose build deletes apt's package lists (`rm -rf /var/lib/apt/lists/*`, or a rootfs shipped
 *  without them): Docker's official python, debian, ubuntu and buildpack-deps images. */
const LISTLESS_IMAGES = new Set(["python", "debian", "ubuntu", "buildpack-deps"]);

/**
 * `apt-get install` of a package the image lacks, in a stage on an image that ships no package lists (or
 * after a RUN deleted them: `rm -rf /var/lib/apt/lists/*`), with no `apt-get update` before it in the stage
 * (or the stages it builds on) since: apt cannot locate the package and the build stops. Not said where
 * something the model cannot follow ran before (a script may update), where the lists are mounted into the
 * RUN, or for a local .deb file.
 */
export function checkAptLists(ctx: EstimateContext, stage: StageState, scope: RunScope, info: Extract<CommandInfo, { kind: "apt-install" }>, listsMounted: boolean): void {
  if (listsMounted || stage.aptUpdatedAt !== null || stage.systemUnknownAt !== null || stage.aptSourcesAt !== null) return;
  // A stage that deleted the lists itself has none, whatever its base shipped.
  const deleted = stage.aptListsDeletedAt;
  if (deleted === null && (stage.base === null || !LISTLESS_IMAGES.has(stage.base.image))) return;
  if (stage.debInstalled.size === 0) return;
  if (stage.family !== "debian" && stage.family !== "ubuntu") return;
  const missing = info.packages.map((p) => p.value.replace(/[=:].*$/, "")).find((name) => /^[a-z0-9][a-z0-9+.-]*$/.test(name) && !stage.debInstalled.has(name));
  if (missing === undefined) return;
  const why = deleted === null
    ? `${stage.baseLabel} ships none (its build deleted /var/lib/apt/lists) and no apt-get update ran before in this stage`
    : `line ${deleted} deleted them (rm /var/lib/apt/lists) and no apt-get update ran after it`;
  ctx.check({
    line: scope.line, column: 1, stage: stage.index, severity: "error", subject: missing, code: "apt-no-lists",
    message: `apt-get install runs with no package lists: ${why}, so apt stops with "Unable to locate package ${missing}". Run apt-get update first, in the same RUN.`,
  });
}

/** Where the estimate files the build tools `apt-get install NAME` reached through its Recommends. */
export function reachedBuildToolsPath(name: string): string {
  return `/usr/deb/${name}+build-tools`;
}

/**
 * The build tools an apt install reached without asking for them (python3-pip's Recommends): their own
 * entry, in the "buildTools" category, removed by a purge of the package that brought them or of one of
 * the tools themselves (`apt-get purge --auto-remove gcc` takes what only gcc needed with it).
 */
function addReachedBuildTools(stage: StageState, name: string, tools: NonNullable<DebianInstallWeight["buildTools"]>, line: number): void {
  const compilers = tools.via.filter((m) => COMPILER.test(m));
  if (compilers.length > 0) {
    stage.hasCompiler = true;
    addExecutables(stage, ["gcc", "cc", "make"], `apt-get install ${name} (line ${line}), which brings ${compilers[0]}`);
  }
  const shown = tools.via.slice(0, 3).join(", ") + (tools.via.length > 3 ? " …" : "");
  stage.fs.add({
    path: reachedBuildToolsPath(name), bytes: tools.bytes, category: "buildTools", label: `${name}'s build tools (apt: ${shown})`,
    sources: tools.sources, pycBytes: 0, pythonPackage: null, wheelFile: false, groups: [`deb:${name}`, ...tools.via.map((m) => `deb:${m}`)],
  });
}

export function aptUpdate(ctx: EstimateContext, stage: StageState, scope: RunScope): void {
  if (stage.family === "alpine") return;
  stage.aptUpdatedAt ??= scope.line;
  stage.aptListsDeletedAt = null;
  ctx.assume(ASSUMPTIONS.aptLists.id, ASSUMPTIONS.aptLists.text, scope.line);
  if (stage.fs.selectsAny("/var/lib/apt/lists")) return;
  stage.fs.add({
    path: "/var/lib/apt/lists", bytes: ASSUMPTIONS.aptLists.value, category: "system", label: "apt package indexes",
    sources: [assumptionSource(ASSUMPTIONS.aptLists.id, ASSUMPTIONS.aptLists.text)], pycBytes: 0, pythonPackage: null, wheelFile: false, groups: [],
  });
}

export function aptRemove(ctx: EstimateContext, stage: StageState, scope: RunScope, info: Extract<CommandInfo, { kind: "apt-remove" }>, autoremoveInRun: boolean): void {
  const names = new Set(info.packages.map((p) => p.value));
  const removed = stage.fs.inGroups([...names].map((name) => `deb:${name}`));
  // With autoremove, what they pulled in goes too (unless something still installed needs it).
  if (info.autoremove || autoremoveInRun) noteAutoRemoved(stage, removed, "deb:", scope.line);
  const removal = stage.fs.remove(removed);
  recomputeCompiler(stage);
  if (!info.autoremove && !autoremoveInRun && removal.savedBytes > 0) {
    ctx.warn("purge-without-autoremove", `apt-get ${info.purge ? "purge" : "remove"} without autoremove leaves the dependencies it pulled in; they are counted as removed here only with --auto-remove or apt-get autoremove.`, scope.line);
  }
  reportStranded(ctx, removal.stranded, scope.line, `apt-get ${info.purge ? "purge" : "remove"}`);
}

/** The unknown-package default's text, naming every package weighed by it (not only the first). */
function unknownSystemText(listed: string): string {
  return `${listed}: ${UNKNOWN_SYSTEM_PACKAGE.how}`;
}

export function apkAdd(ctx: EstimateContext, stage: StageState, scope: RunScope, info: Extract<CommandInfo, { kind: "apk-add" }>): void {
  // apk on Debian fails: the build check reports it (apk-on-debian); nothing is installed.
  if (stage.family !== null && stage.family !== "alpine" && stage.family !== "wolfi") return;
  const virtual = info.virtual === null ? null : `apk:${info.virtual}`;
  for (const pkg of info.packages) {
    const name = pkg.value;
    const added = apkPackage(name);
    if (added.compiler) stage.hasCompiler = true;
    if (addsExecutables(stage, added.executables)) addExecutables(stage, added.executables, `apk add ${name} (line ${scope.line})`);
    if (added.unknown) ctx.assumeEach(UNKNOWN_SYSTEM_PACKAGE.key, [name], unknownSystemText, scope.line);
    const { bytes, groups } = apkShare(stage, name, added, virtual);
    stage.fs.add({
      path: added.path, bytes, category: added.category, label: added.label,
      sources: added.sources, pycBytes: 0, pythonPackage: null, wheelFile: false, groups,
    });
  }
  if (!info.noCache) {
    ctx.assume(ASSUMPTIONS.apkIndex.id, ASSUMPTIONS.apkIndex.text, scope.line);
    apkIndex(stage);
  }
}

/** The group naming an apk package whose bytes a closure's entry counts. */
const APK_PART = "apkpart:";

/**
 * The bytes and groups of an `apk add NAME` entry. What a compiler closure shares with packages already
 * installed (gcc, then g++; build-base, then gcc; musl-dev, then g++) is counted once: each member a closure
 * counts is marked `apkpart:NAME` on its entry, and a package installed by name is its `apk:NAME` group.
 */
function apkShare(stage: StageState, name: string, added: ApkPackage, virtual: string | null): { bytes: number; groups: string[] } {
  const groups = [...added.groups];
  let bytes = 0;
  if (added.parts === null) {
    bytes = stage.fs.hasGroup(APK_PART + name) ? 0 : added.bytes;
  } else {
    for (const part of added.parts) {
      if (stage.fs.hasGroup(APK_PART + part.package) || stage.fs.hasGroup(`apk:${part.package}`)) continue;
      bytes += part.installedBytes;
      groups.push(APK_PART + part.package);
    }
  }
  if (virtual !== null) groups.push(virtual);
  return { bytes, groups };
}

/** What `apk add NAME` adds, which depends on the name alone. */
interface ApkPackage {
  /** A compiler's closure, member by member (alpineClosure); null for a package weighed alone. */
  readonly parts: readonly { readonly package: string; readonly installedBytes: number }[] | null;
  readonly compiler: boolean;
  readonly executables: readonly string[];
  /** No figure: the unknown-package default, with its assumption. */
  readonly unknown: boolean;
  readonly bytes: number;
  readonly sources: readonly SourceRef[];
  readonly category: Category;
  readonly path: string;
  readonly label: string;
  /** Without the `--virtual` group (added per install). */
  readonly groups: readonly string[];
}

/**
 * ApkPackage by name: a `bulk` file repeats one `apk add` thousands of times, and each looked the name up
 * in the Alpine rows, tested it against the compiler and executable patterns and built its entry's strings
 * again (the `apk add` line of fuzz case 13433 of `--cases 100000 --seed 100`: ~23 MB of a plan's
 * allocation). Correct to share: the rows and the build-base closure are constants, and what is kept is
 * read-only (an entry's sources and groups are never written). 1,024 names, far beyond one Dockerfile's.
 */
const apkPackages = new LruCache<ApkPackage>({ maxEntries: 1024, maxKeyChars: 64 * 1024 });

function apkPackage(name: string): ApkPackage {
  return apkPackages.getOrCompute(name, () => {
    const entry = { category: categoryOfSystemPackage(name), path: `/usr/apk/${name}`, label: `${name} (apk)`, groups: [`apk:${name}`] };
    const about = { compiler: COMPILER.test(name), executables: executablesOfSystemPackage(name), ...entry };
    const closure = alpineClosure(name);
    if (closure !== null) {
      const base = alpineBuildBaseClosure();
      const note = name === "build-base" ? base.method : `${name} with its dependencies, as build-base's closure holds them (${closure.parts.map((p) => p.package).join(", ")}); ${base.method}`;
      return { ...about, parts: closure.parts, unknown: false, bytes: closure.installedBytes, sources: [{ table: "system-packages", key: `alpine:${name} closure`, source: base.source, date: base.date, note }] };
    }
    const match = findAlpinePackage(name);
    if (match === null || match.row.installedBytes === null) {
      return { ...about, parts: null, unknown: true, bytes: UNKNOWN_SYSTEM_PACKAGE.alpineInstalledBytes, sources: [UNKNOWN_SYSTEM_PACKAGE.source] };
    }
    const row = match.row;
    return { ...about, parts: null, unknown: false, bytes: match.row.installedBytes, sources: [{ table: "system-packages", key: row.key, source: row.source, date: row.date, ...(match.assumption === null ? {} : { note: match.assumption }) }] };
  });
}

/** True when `addExecutables(stage, names, …)` would change something: most installs in a long file add
 *  executables the stage has already, and the origin string it takes is built per package. */
function addsExecutables(stage: StageState, names: readonly string[]): boolean {
  return names.some((n) => !stage.executables.has(n) || stage.removedExecutables.has(n));
}

export function apkIndex(stage: StageState): void {
  if (stage.fs.selectsAny("/var/cache/apk")) return;
  stage.fs.add({
    path: "/var/cache/apk", bytes: ASSUMPTIONS.apkIndex.value, category: "system", label: "apk package indexes",
    sources: [assumptionSource(ASSUMPTIONS.apkIndex.id, ASSUMPTIONS.apkIndex.text)], pycBytes: 0, pythonPackage: null, wheelFile: false, groups: [],
  });
}

export function apkDel(ctx: EstimateContext, stage: StageState, scope: RunScope, info: Extract<CommandInfo, { kind: "apk-del" }>): void {
  const names = new Set(info.packages.map((p) => `apk:${p.value}`));
  const removed = stage.fs.inGroups(names);
  // apk del also removes what only the deleted packages (or a --virtual group's members) pulled in.
  noteAutoRemoved(stage, removed, "apk:", scope.line);
  const removal = stage.fs.remove(removed);
  recomputeCompiler(stage);
  reportStranded(ctx, removal.stranded, scope.line, "apk del");
}

function noteAutoRemoved(stage: StageState, entries: readonly { readonly groups: readonly string[] }[], prefix: "deb:" | "apk:", line: number): void {
  for (const entry of entries) for (const group of entry.groups) if (group.startsWith(prefix)) stage.autoRemoved.set(group.slice(prefix.length), line);
}

/**
 * True when the stage has a compiler but, as far as the model knows, not libc's headers, so a C extension
 * cannot build (knowledge/libc-headers.ts): Debian and Ubuntu without libc6-dev among the installed
 * packages and their closures (a -dev package may bring it: zlib1g-dev Depends on it), Alpine without
 * musl-dev or build-base. A base with a compiler (the full python images, buildpack-deps) has them.
 */
export function libcHeadersMissing(stage: StageState): boolean {
  if (!stage.hasCompiler || stage.base?.hasCompiler === true) return false;
  if (stage.libc === "musl") return !someGroup(stage.fs.liveGroups(), (g) => g.startsWith("apk:") && bringsLibcHeaders(g.slice(4), "alpine"));
  if (stage.family !== "debian" && stage.family !== "ubuntu") return false;
  return !stage.debInstalled.has("libc6-dev") && !someGroup(stage.fs.liveGroups(), (g) => g.startsWith("deb:") && bringsLibcHeaders(g.slice(4), "debian"));
}

/** After a removal: does a compiler remain (from the base image or a package still installed)? */
function recomputeCompiler(stage: StageState): void {
  stage.hasCompiler = (stage.base?.hasCompiler ?? false) || someGroup(stage.fs.liveGroups(), (g) => COMPILER.test(g.replace(/^(deb|apk):/, "")));
}

/** `[...groups].some(test)`, without the array. */
function someGroup(groups: Iterable<string>, test: (group: string) => boolean): boolean {
  for (const group of groups) if (test(group)) return true;
  return false;
}

export function reportStranded(ctx: EstimateContext, stranded: readonly { line: number; instruction: string; bytes: number; label: string }[], line: number, what: string): void {
  const byLine = new Map<number, { bytes: number; labels: string[]; instruction: string }>();
  for (const s of stranded) {
    const group = byLine.get(s.line) ?? { bytes: 0, labels: [], instruction: s.instruction };
    group.bytes += s.bytes;
    group.labels.push(s.label);
    byLine.set(s.line, group);
  }
  for (const [from, group] of byLine) {
    if (group.bytes <= 0) continue;
    // A COPY cannot delete what it copies: where a RUN only reads the files, a bind mount stands in for it.
    const advice = /^(COPY|ADD)\b/i.test(group.instruction)
      ? "A COPY keeps what it copies: where only a RUN reads these files, mount them for that RUN (RUN --mount=type=bind) instead of copying them."
      : "Delete them in the RUN that creates them.";
    ctx.warn("deleted-in-later-layer",
      `${what} deletes ${formatBytes(group.bytes)} added at line ${from} (${summarise(group.labels)}), but in a later layer: the bytes stay in the image. ${advice}`, line, from);
  }
}

function summarise(labels: readonly string[]): string {
  return labels.length <= 3 ? labels.join(", ") : `${labels.slice(0, 3).join(", ")} and ${labels.length - 3} more`;
}
