// One stage's filesystem as the size model sees it (DESIGN §3): attributed entries (path, bytes,
// category, source) grouped into the layers that added them. Deleting entries added by an earlier layer
// hides them from the stage (a later `COPY --from` no longer sees them) but does not shrink that layer —
// the bytes stay in the image, which is exactly the misunderstanding the model must show.
import type { SourceRef } from "../knowledge/types";
import { LIMITS } from "../limits";
import { EntryIndex, PathChildren, prefixesOf } from "./entry-index";
import { globMatch, globSegments } from "./glob";
import { globMatches, hasGlob, isUnder } from "./paths";
import type { Category, LayerItem } from "./types";

export interface FsEntry {
  /** Absolute path in the image. */
  readonly path: string;
  bytes: number;
  readonly category: Category;
  readonly label: string;
  readonly sources: readonly SourceRef[];
  /** Of `bytes`, how much is `__pycache__` (removable by `find -name __pycache__ -delete`). */
  pycBytes: number;
  /** Normalised project name when the entry is an installed package or a wheel file. */
  readonly pythonPackage: string | null;
  /** True for a built wheel file (`pip wheel -w DIR`) rather than an installed package. */
  readonly wheelFile: boolean;
  /** For a wheel file, the version it was built at (what `pip install DIR/*.whl` installs); absent or null
   *  when the table does not hold the project. */
  readonly wheelVersion?: string | null;
  /** Grouping key for removals by name: `deb:libpq-dev`, `apk:.build-deps`, `apk:gcc`. */
  readonly groups: readonly string[];
  /** For an installed package with compiled extensions: the CPython minor they were built for (`3.12`). */
  readonly builtForPython?: string;
  /** With `builtForPython`: the C library they link (manylinux wheels glibc, musllinux ones musl). */
  readonly builtForLibc?: "glibc" | "musl";
  /** For a venv: the interpreter its `bin/python` links to (`/usr/local/bin/python3.11`), where known. */
  readonly interpreter?: string;
}

export interface FsLayer {
  readonly line: number;
  readonly instruction: string;
  readonly stageIndex: number;
  /** Entries added by this layer (removed ones included: their bytes stay). */
  readonly entries: FsEntry[];
  /** Bytes of `entries` that later layers deleted. */
  deletedLaterBytes: number;
  /** True when this layer is rebuilt when application source changes. */
  invalidatedBySource: boolean;
  /** True when this layer runs a Python dependency install. */
  installsPackages: boolean;
}

export interface Removal {
  /** Bytes removed from the layer being built (a real saving). */
  readonly savedBytes: number;
  /** Entries from earlier layers hidden, with their layer's line: the bytes stay in the image. */
  /** Bytes deleted from earlier layers, by the layer (its line and instruction) that keeps them. */
  readonly stranded: readonly { readonly line: number; readonly instruction: string; readonly bytes: number; readonly label: string }[];
}

// The directory a pattern empties: `/var/lib/apt/lists` for `/var/lib/apt/lists/*` (or a trailing `/**`,
// or several such), else undefined. A loop rather than the regex `^(.*?)(?:\/\*{1,2})+$`, which backtracks
// quadratically on a long run of slash-star pairs that does not end the pattern.
function contentsDirectory(pattern: string): string | undefined {
  let end = pattern.length;
  for (;;) {
    if (pattern.endsWith("/**", end)) end -= 3;
    else if (pattern.endsWith("/*", end)) end -= 2;
    else break;
  }
  return end === pattern.length ? undefined : pattern.slice(0, end);
}

/** Does `entry.path` fall under `pattern` (an absolute path, or a glob matching it or a parent)? */
export function pathSelects(pattern: string, path: string): boolean {
  if (!hasGlob(pattern)) return isUnder(path, pattern);
  // `rm -rf /var/lib/apt/lists/*` empties the directory: an entry that stands for the directory's contents
  // as a whole (the model keeps apt's indexes as one entry at /var/lib/apt/lists) goes with them.
  const contentsOf = contentsDirectory(pattern);
  if (contentsOf !== undefined && !hasGlob(contentsOf) && isUnder(path, contentsOf === "" ? "/" : contentsOf)) return true;
  if (globMatches(pattern, path)) return true;
  const segments = path.split("/");
  for (let i = 2; i < segments.length; i++) {
    if (globMatches(pattern, segments.slice(0, i).join("/"))) return true;
  }
  return false;
}

/**
 * What the stage filesystems of one estimate may still hold (LIMITS.fsEntryLevels), shared by its stages.
 * An entry costs one unit per key it is indexed under (`prefixesOf` its path: a level of the path each;
 * `entryUnits`), charged when it is added and not refunded when it is removed (a removed entry stays in
 * its layer); a stage built on another (`FROM builder`) pays for its copy of the other's indexes, and one
 * unit for each directory, package, path or variable its state copies (stage-state.ts). Past the budget
 * (or at a path longer than LIMITS.pathChars) `add` adds nothing and sets `limited`, which the estimator
 * reports and stops at.
 */
export interface FsBudget {
  remaining: number;
  limited: "entries" | "path" | null;
}

/** Units of an entry: a level of its path each, times its length in 256-character blocks. Each level's key
 *  is hashed when indexed, so a deep, long path costs time quadratic in its length (40 paths 2,000 levels
 *  deep, copied up by 200 `chown -R`, took 1.7 s at one unit a level); the paths of real files are under
 *  256 characters, a block. */
function entryUnits(levels: number, pathLength: number): number {
  return levels * Math.ceil(pathLength / 256);
}

export function fsBudget(total: number = LIMITS.fsEntryLevels): FsBudget {
  return { remaining: total, limited: null };
}

export class StageFs {
  /** Layers in order, inherited ones (from `FROM <stage>`) first. */
  readonly layers: FsLayer[];
  /** Entries visible in the stage now, in the order they were added, each with its rank in that order
   *  (to merge lookups from several index keys back into it). */
  private readonly live: Map<FsEntry, number>;
  private nextRank: number;
  /** The layer each live entry was added by: finding it by searching every layer's entries was quadratic. */
  private readonly owner: Map<FsEntry, FsLayer>;
  /** Live entries by every path they lie under (`prefixesOf`, but for ""), by exact path, by group, by category and
   *  by Python package. */
  private readonly under: EntryIndex<FsEntry>;
  /** The directory tree of the live paths, walked by glob lookups. */
  private readonly tree: PathChildren;
  private readonly at: EntryIndex<FsEntry>;
  private readonly byGroup: EntryIndex<FsEntry>;
  private readonly byCategory: EntryIndex<FsEntry>;
  private readonly byPackage: EntryIndex<FsEntry>;
  /** Live entries that still have `.pyc` bytes (a `find / -name '*.pyc' -delete` only touches those). */
  private readonly withPyc: Set<FsEntry>;
  /** How many of the layers before the current one `reinstallsOnSourceChange` has read, and whether one
   *  did: those layers no longer change, so each is read once, not on every `COPY --from`. */
  private settledLayers: number;
  private settledReinstall: boolean;
  /** Units of `budget` the live entries hold (what a fork copies). */
  private weight: number;
  readonly budget: FsBudget;

  /** `budget`: the estimate's (a fork shares its parent's); unbounded when neither is given. */
  constructor(from?: StageFs, budget?: FsBudget) {
    this.budget = from?.budget ?? budget ?? fsBudget(Number.POSITIVE_INFINITY);
    this.weight = from?.weight ?? 0;
    // Charged before the copy is made: a fork costs as much as the indexes it copies. Past the budget the
    // copy is still made (a stage needs a filesystem), once: the estimator stops at the FROM.
    if (from !== undefined) this.charge(from.weight);
    this.layers = from === undefined ? [] : [...from.layers];
    this.live = new Map(from?.live);
    this.nextRank = from?.nextRank ?? 0;
    this.owner = new Map(from?.owner);
    this.under = new EntryIndex(from?.under);
    this.tree = new PathChildren(from?.tree);
    this.at = new EntryIndex(from?.at);
    this.byGroup = new EntryIndex(from?.byGroup);
    this.byCategory = new EntryIndex(from?.byCategory);
    this.byPackage = new EntryIndex(from?.byPackage);
    this.withPyc = new Set(from?.withPyc);
    this.settledLayers = from?.settledLayers ?? 0;
    this.settledReinstall = from?.settledReinstall ?? false;
  }

  /** A copy for a stage that builds on this one (`FROM builder`): layers are shared, state is not.
   *  `copied`: units of the budget for what else the stage copies (its directories, packages, paths). */
  fork(copied = 0): StageFs {
    const fs = new StageFs(this);
    fs.charge(copied);
    return fs;
  }

  get current(): FsLayer | undefined {
    return this.layers.at(-1);
  }

  startLayer(layer: Omit<FsLayer, "entries" | "deletedLaterBytes">): FsLayer {
    const full: FsLayer = {
      line: layer.line, instruction: layer.instruction, stageIndex: layer.stageIndex, entries: [], deletedLaterBytes: 0,
      invalidatedBySource: layer.invalidatedBySource, installsPackages: layer.installsPackages,
    };
    this.layers.push(full);
    return full;
  }

  /** Adds `entry` to the current layer, unless the budget is spent (then `budget.limited` says why). */
  add(entry: FsEntry): void {
    const layer = this.current;
    if (layer === undefined || this.budget.limited !== null) return;
    // Indexing a path hashes each of its prefixes: a path past PATH_MAX costs quadratic time in its length.
    if (entry.path.length > LIMITS.pathChars) {
      this.budget.limited = "path";
      return;
    }
    const keys = prefixesOf(entry.path);
    const units = entryUnits(keys.length, entry.path.length);
    if (!this.charge(units)) return;
    const overwritten = this.overwrittenInPlace(entry, layer);
    if (overwritten !== undefined) {
      // A package written again at its path (a reinstall, a wheel built again: thousands in a `bulk` file):
      // the one entry it hides leaves every index key the new one takes. Charged like any add; the live
      // weight does not change (the same path leaves and comes back).
      this.unlink(overwritten, entry.path);
      this.link(overwritten, entry, layer, keys.filter((key) => key !== ""));
      return;
    }
    this.weight += units;
    this.hideOverwritten(entry, layer);
    layer.entries.push(entry);
    this.live.set(entry, this.nextRank++);
    this.owner.set(entry, layer);
    for (const key of keys) if (key !== "") this.under.add(key, entry);
    this.tree.add(keys);
    this.at.add(entry.path, entry);
    for (const group of entry.groups) this.byGroup.add(group, entry);
    this.byCategory.add(entry.category, entry);
    if (entry.pythonPackage !== null) this.byPackage.add(entry.pythonPackage, entry);
    if (entry.pycBytes > 0) this.withPyc.add(entry);
  }

  entries(): readonly FsEntry[] {
    return [...this.live.keys()];
  }

  /** The layer that added `entry`, while it is live. */
  layerOf(entry: FsEntry): FsLayer | undefined {
    return this.live.has(entry) ? this.owner.get(entry) : undefined;
  }

  /** Entries selected by `path` (absolute path or glob). */
  select(path: string): FsEntry[] {
    if (!hasGlob(path)) return [...this.underPath(path)];
    const walked = this.selectByTree(path);
    if (walked !== null) return walked;
    // A match (of the glob, or of the glob on a parent) starts with the text before the first wildcard,
    // so it lies under that text's directory: only those entries are tested.
    const literal = path.slice(0, path.search(/[*?[]/));
    const dir = literal.slice(0, literal.lastIndexOf("/"));
    const candidates = literal.includes("/") && dir !== "" ? this.underPath(dir) : this.live.keys();
    return [...candidates].filter((e) => pathSelects(path, e.path));
  }

  /**
   * `select` for an absolute glob whose segments match one by one (`globSegments`): `pathSelects` holds
   * for a path exactly when its first k segments match the pattern's k segments (a glob of k segments
   * matches no string of another length, and the parents it tests are the path's own prefixes), so the
   * directory tree is walked one pattern segment at a time, each distinct name tested once — not each
   * entry, and not each entry's every parent. Then every entry under a matched key is selected, with the
   * directory a contents pattern (`/var/lib/apt/lists/*`) empties. Null for the other patterns.
   */
  private selectByTree(pattern: string): FsEntry[] | null {
    const segments = globSegments(pattern);
    if (segments === null || segments.length < 2 || segments[0] !== "") return null;
    let keys = [""];
    for (const segment of segments.slice(1)) {
      const next: string[] = [];
      for (const key of keys) {
        if (!hasGlob(segment)) {
          if (this.tree.has(key, segment)) next.push(`${key}/${segment}`);
          continue;
        }
        for (const name of this.tree.namesUnder(key)) if (globMatch(segment, name)) next.push(`${key}/${name}`);
      }
      keys = next;
      if (keys.length === 0) break;
    }
    const found = new Set<FsEntry>();
    for (const key of keys) for (const e of this.under.get(key)) found.add(e);
    const contentsOf = contentsDirectory(pattern);
    if (contentsOf !== undefined && !hasGlob(contentsOf)) for (const e of this.underPath(contentsOf === "" ? "/" : contentsOf)) found.add(e);
    return this.inLiveOrder(found);
  }

  /** True when a live entry is in `group` (no list built: asked per member of each apk closure). */
  hasGroup(group: string): boolean {
    return this.byGroup.get(group).size > 0;
  }

  /** Live entries in any of `groups` (`deb:gcc`, `apk:.build-deps`). */
  inGroups(groups: Iterable<string>): FsEntry[] {
    const found = new Set<FsEntry>();
    for (const group of groups) for (const e of this.byGroup.get(group)) found.add(e);
    return this.inLiveOrder(found);
  }

  /** Live entries of `category`. */
  inCategory(category: Category): FsEntry[] {
    return [...this.byCategory.get(category)];
  }

  /** Live entries that are (or are wheels of) any of the Python packages `names`. */
  ofPackages(names: Iterable<string>): FsEntry[] {
    const found = new Set<FsEntry>();
    for (const name of names) for (const e of this.byPackage.get(name)) found.add(e);
    return this.inLiveOrder(found);
  }

  /** Groups that some live entry belongs to. */
  liveGroups(): Iterable<string> {
    return this.byGroup.keys();
  }

  /** Live entries at exactly `path`. */
  entriesAt(path: string): FsEntry[] {
    return [...this.at.get(path)];
  }

  /** Live entries held at a parent of `path` (whole directories the model keeps as one entry): those
   *  `e` with `isUnder(path, e.path)` other than `path` itself. */
  containing(path: string): FsEntry[] {
    const found = new Set<FsEntry>();
    for (const key of ["/", ...prefixesOf(path)]) if (key !== path) for (const e of this.at.get(key)) found.add(e);
    return this.inLiveOrder(found);
  }

  /** True when `select(path)` would find an entry, without listing (or ordering) what it finds. */
  selectsAny(path: string): boolean {
    if (hasGlob(path) || path === "") return this.select(path).length > 0;
    return path === "/" ? this.live.size > 0 : this.under.get(path).size > 0;
  }

  /**
   * True when `test` holds for some entry of `containing(path)`. The entries are tested in no particular
   * order and the walk stops at the first: the build check asks this for every path a command reads, and
   * a directory copied again and again (`COPY . .` repeated) holds as many entries as copies, so listing
   * them in order for each question made a long file quadratic (the `bulk` fuzz class).
   */
  someContaining(path: string, test: (entry: FsEntry) => boolean): boolean {
    if (path !== "/" && this.someAt("/", test)) return true;
    for (let i = path.indexOf("/"); i >= 0; i = path.indexOf("/", i + 1)) if (this.someAt(path.slice(0, i), test)) return true;
    return false;
  }

  private someAt(key: string, test: (entry: FsEntry) => boolean): boolean {
    for (const e of this.at.get(key)) if (test(e)) return true;
    return false;
  }

  /** Remove `entries` (live ones); those added in the current layer are a saving, others strand. */
  remove(entries: Iterable<FsEntry>): Removal {
    const layer = this.current;
    let savedBytes = 0;
    const stranded: { line: number; instruction: string; bytes: number; label: string }[] = [];
    const fromCurrent = new Set<FsEntry>();
    for (const entry of this.inLiveOrder(entries)) {
      const owner = this.owner.get(entry);
      if (layer !== undefined && owner === layer) {
        fromCurrent.add(entry);
        savedBytes += entry.bytes;
      } else if (owner !== undefined && entry.bytes > 0) {
        owner.deletedLaterBytes += entry.bytes;
        stranded.push({ line: owner.line, instruction: owner.instruction, bytes: entry.bytes, label: entry.label });
      }
      this.forget(entry);
    }
    if (layer !== undefined && fromCurrent.size > 0) {
      // Compacted in place: other holders of the layer (stages forked from this one) see the same array.
      let kept = 0;
      for (const e of layer.entries) if (!fromCurrent.has(e)) layer.entries[kept++] = e;
      layer.entries.length = kept;
    }
    return { savedBytes, stranded };
  }

  /**
   * `remove(entries)` then `add(copyOf(e))` for each, as a `chown -R` copy-up does, for live entries that an
   * earlier layer added and a copy with the same path, groups, category and package: each index swaps the
   * entry for its copy under the same keys, and the directory tree's counts do not change. Forgetting and
   * re-indexing every prefix twice per entry made a `chown -R` repeated over a growing directory (the
   * `bulk` fuzz class: ~146,000 copies in case 1267 of `--cases 100000 --seed 100`) the estimate's largest cost.
   * The resulting state is the one `remove` then `add` leave: removed keys and entries go, the copies are
   * appended in order.
   */
  replaceWithCopies(entries: readonly FsEntry[], copyOf: (entry: FsEntry) => FsEntry): void {
    const layer = this.current;
    if (layer === undefined) return;
    // A repeated directory holds many entries at few paths: each path's keys are sliced once per call.
    const keysOf = new Map<string, { keys: string[]; units: number }>();
    for (const entry of entries) {
      if (this.budget.limited !== null) return;
      const owner = this.owner.get(entry);
      const copy = copyOf(entry);
      if (owner === undefined || owner === layer || !this.live.has(entry) || !sameKeys(entry, copy)) {
        // Not the case this is for: the general path.
        this.remove([entry]);
        this.add(copy);
        continue;
      }
      let path = keysOf.get(copy.path);
      if (path === undefined) {
        const all = prefixesOf(copy.path);
        path = { keys: all.filter((key) => key !== ""), units: entryUnits(all.length, copy.path.length) };
        keysOf.set(copy.path, path);
      }
      // Each copy is charged as the `add` it stands for (the limit bounds `chown -R` repeated over a
      // growing directory); the live weight does not change.
      if (!this.charge(path.units)) return;
      if (entry.bytes > 0) owner.deletedLaterBytes += entry.bytes;
      this.unlink(entry, copy.path);
      // After the entry has left its path, as after `remove`: only another entry can be hidden.
      this.hideOverwritten(copy, layer);
      this.link(entry, copy, layer, path.keys);
    }
  }

  /** The one live entry `entry` hides (`hideOverwritten`) when it is alone, from an earlier layer, and
   *  under the same index keys; else undefined. */
  private overwrittenInPlace(entry: FsEntry, layer: FsLayer): FsEntry | undefined {
    if (entry.pythonPackage === null) return undefined;
    let found: FsEntry | undefined;
    for (const e of this.at.get(entry.path)) {
      if (e.pythonPackage !== entry.pythonPackage || e.wheelFile !== entry.wheelFile) continue;
      if (found !== undefined) return undefined;
      found = e;
    }
    return found !== undefined && this.owner.get(found) !== layer && sameKeys(found, entry) ? found : undefined;
  }

  /** The first half of swapping `old` for an entry at `path` with the same index keys: `old` leaves the
   *  stage (`forget`), but for the keys the swap's `link` replaces it under. */
  private unlink(old: FsEntry, path: string): void {
    this.live.delete(old);
    this.owner.delete(old);
    this.withPyc.delete(old);
    this.at.delete(path, old);
  }

  /** The second half: `entry` is added in `layer` (`add`) where `old` was in each index; `keys` are
   *  `prefixesOf(entry.path)` but for "". The directory tree's counts do not change. */
  private link(old: FsEntry, entry: FsEntry, layer: FsLayer, keys: readonly string[]): void {
    layer.entries.push(entry);
    this.live.set(entry, this.nextRank++);
    this.owner.set(entry, layer);
    for (const key of keys) this.under.replace(key, old, entry);
    this.at.add(entry.path, entry);
    for (const group of entry.groups) this.byGroup.replace(group, old, entry);
    this.byCategory.replace(entry.category, old, entry);
    if (entry.pythonPackage !== null) this.byPackage.replace(entry.pythonPackage, old, entry);
    if (entry.pycBytes > 0) this.withPyc.add(entry);
  }

  /** Remove the `.pyc` part of entries under `root`; same-layer entries shrink, earlier ones strand. */
  removePyc(root: string): Removal {
    const layer = this.current;
    let savedBytes = 0;
    const stranded: { line: number; instruction: string; bytes: number; label: string }[] = [];
    // Entries under `root`, and whole directories holding it. A stage forked from this one may have
    // zeroed an entry's .pyc already (entries are shared), hence the check on `pycBytes` too.
    const affected = [...this.withPyc].filter((e) => isUnder(e.path, root) || isUnder(root, e.path));
    for (const entry of affected) {
      this.withPyc.delete(entry);
      if (entry.pycBytes <= 0) continue;
      const owner = this.owner.get(entry);
      if (layer !== undefined && owner === layer) {
        savedBytes += entry.pycBytes;
        entry.bytes -= entry.pycBytes;
      } else if (owner !== undefined) {
        owner.deletedLaterBytes += entry.pycBytes;
        stranded.push({ line: owner.line, instruction: owner.instruction, bytes: entry.pycBytes, label: `${entry.label} (.pyc)` });
      }
      entry.pycBytes = 0;
    }
    return { savedBytes, stranded };
  }

  /** Takes `units` from the budget; false (and `limited` set) when it does not hold them. */
  private charge(units: number): boolean {
    if (units > this.budget.remaining) {
      this.budget.remaining = 0;
      this.budget.limited ??= "entries";
      return false;
    }
    this.budget.remaining -= units;
    return true;
  }

  /** True when some layer both installs Python packages and is rebuilt on every source change. */
  reinstallsOnSourceChange(): boolean {
    for (; this.settledLayers < this.layers.length - 1; this.settledLayers++) {
      const layer = this.layers[this.settledLayers];
      if (layer !== undefined && layer.installsPackages && layer.invalidatedBySource) this.settledReinstall = true;
    }
    const current = this.current;
    return this.settledReinstall || (current !== undefined && current.installsPackages && current.invalidatedBySource);
  }

  /**
   * On overlayfs a file written again at the same path hides the earlier one: the earlier bytes stay in
   * their layer (the image size does not change) but the stage sees one file. Kept live, each repeated
   * `COPY --from=builder /wheels /wheels` added every wheel again beside the earlier ones, and every glob
   * select returned them all: quadratic (fuzz case 1699 of `--cases 100000 --seed 100`, 12 s of CPU).
   * Only a Python package's entry is replaced so: its path is the model's own (`<site>/<name>`,
   * `<dir>/<name>.whl`, or a copy of one), standing for that one package. Other entries at one path may
   * stand for a directory that later writes add to (a pip cache, application source, the base image, an
   * apt package's pseudo-path that a reinstall weighs at nothing), so they stay side by side. A hidden
   * entry is not "deleted later" (its layer's `deletedLaterBytes` does not grow) and a later `rm` or
   * `pip uninstall` strands only the visible one. One written again in the same layer is replaced in
   * that layer too: the layer stores the path once.
   */
  private hideOverwritten(entry: FsEntry, layer: FsLayer): void {
    if (entry.pythonPackage === null) return;
    let hidden: FsEntry[] | undefined;
    for (const e of this.at.get(entry.path)) if (e.pythonPackage === entry.pythonPackage && e.wheelFile === entry.wheelFile) (hidden ??= []).push(e);
    if (hidden === undefined) return;
    const sameLayer = new Set(hidden.filter((e) => this.owner.get(e) === layer));
    for (const e of hidden) this.forget(e);
    if (sameLayer.size === 0) return;
    // Compacted in place, as `remove` does: stages forked from this one share the array.
    let kept = 0;
    for (const e of layer.entries) if (!sameLayer.has(e)) layer.entries[kept++] = e;
    layer.entries.length = kept;
  }

  /** Live entries with `isUnder(e.path, path)`, in the order they were added. */
  private underPath(path: string): Iterable<FsEntry> {
    if (path === "/") return this.live.keys();
    // "" lies under every absolute path: not indexed (it would be a second copy of `live` to keep up to
    // date on every add), and never asked for by the estimator, whose paths are resolved ones.
    if (path === "") return [...this.live.keys()].filter((e) => isUnder(e.path, ""));
    return this.under.get(path);
  }

  /** The live ones of `entries`, once each, in the order they were added. */
  private inLiveOrder(entries: Iterable<FsEntry>): FsEntry[] {
    // Most callers pass entries in that order already (an index key's Set, `inGroups`' answer to `remove`):
    // those are kept as they come, without a Set to drop repeats or a sort (ranks are unique, so strictly
    // rising ranks have no repeat); the others are deduplicated and sorted by rank.
    const found: FsEntry[] = [];
    let ordered = true;
    let last = -1;
    for (const e of entries) {
      const rank = this.live.get(e);
      if (rank === undefined) continue;
      if (rank <= last) ordered = false;
      last = rank;
      found.push(e);
    }
    if (ordered) return found;
    const ranked: [number, FsEntry][] = [];
    const seen = new Set<FsEntry>();
    for (const e of found) {
      if (seen.has(e)) continue;
      seen.add(e);
      ranked.push([this.live.get(e) ?? 0, e]);
    }
    return ranked.sort((a, b) => a[0] - b[0]).map(([, e]) => e);
  }

  private forget(entry: FsEntry): void {
    if (!this.live.delete(entry)) return;
    this.owner.delete(entry);
    const keys = prefixesOf(entry.path);
    this.weight -= entryUnits(keys.length, entry.path.length);
    for (const key of keys) if (key !== "") this.under.delete(key, entry);
    this.tree.delete(keys);
    this.at.delete(entry.path, entry);
    for (const group of entry.groups) this.byGroup.delete(group, entry);
    this.byCategory.delete(entry.category, entry);
    if (entry.pythonPackage !== null) this.byPackage.delete(entry.pythonPackage, entry);
    this.withPyc.delete(entry);
  }
}

/** True when `copy` sits under every index key `entry` does (see `replaceWithCopies`). */
function sameKeys(entry: FsEntry, copy: FsEntry): boolean {
  return entry.path === copy.path && entry.category === copy.category && entry.pythonPackage === copy.pythonPackage &&
    entry.groups.length === copy.groups.length && entry.groups.every((g, i) => copy.groups[i] === g);
}

export function layerItems(layer: FsLayer): LayerItem[] {
  return layer.entries.map((e) => ({ label: e.label, bytes: e.bytes, category: e.category, sources: e.sources, path: e.path }));
}
