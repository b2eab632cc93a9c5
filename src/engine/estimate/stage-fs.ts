// One stage's filesystem as the size model sees it (DESIGN §3): attributed entries (path, bytes,
// category, source) grouped into the layers that added them. Deleting entries added by an earlier layer
// hides them from the stage (a later `COPY --from` no longer sees them) but does not shrink that layer —
// the bytes stay in the image, which is exactly the misunderstanding the model must show.
import type { SourceRef } from "../knowledge/types";
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
  /** Grouping key for removals by name: `deb:libpq-dev`, `apk:.build-deps`, `apk:gcc`. */
  readonly groups: readonly string[];
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
  readonly stranded: readonly { readonly line: number; readonly bytes: number; readonly label: string }[];
}

/** Does `entry.path` fall under `pattern` (an absolute path, or a glob matching it or a parent)? */
export function pathSelects(pattern: string, path: string): boolean {
  if (!hasGlob(pattern)) return isUnder(path, pattern);
  // `rm -rf /var/lib/apt/lists/*` empties the directory: an entry that stands for the directory's contents
  // as a whole (the model keeps apt's indexes as one entry at /var/lib/apt/lists) goes with them.
  const contentsOf = /^(.*?)(?:\/\*{1,2})+$/.exec(pattern)?.[1];
  if (contentsOf !== undefined && !hasGlob(contentsOf) && isUnder(path, contentsOf === "" ? "/" : contentsOf)) return true;
  if (globMatches(pattern, path)) return true;
  const segments = path.split("/");
  for (let i = 2; i < segments.length; i++) {
    if (globMatches(pattern, segments.slice(0, i).join("/"))) return true;
  }
  return false;
}

export class StageFs {
  /** Layers in order, inherited ones (from `FROM <stage>`) first. */
  readonly layers: FsLayer[];
  /** Entries visible in the stage now. */
  private live: FsEntry[];

  constructor(layers: FsLayer[] = [], live: FsEntry[] = []) {
    this.layers = layers;
    this.live = live;
  }

  /** A copy for a stage that builds on this one (`FROM builder`): layers are shared, state is not. */
  fork(): StageFs {
    return new StageFs([...this.layers], [...this.live]);
  }

  get current(): FsLayer | undefined {
    return this.layers.at(-1);
  }

  startLayer(layer: Omit<FsLayer, "entries" | "deletedLaterBytes">): FsLayer {
    const full: FsLayer = { ...layer, entries: [], deletedLaterBytes: 0 };
    this.layers.push(full);
    return full;
  }

  add(entry: FsEntry): void {
    const layer = this.current;
    if (layer === undefined) return;
    layer.entries.push(entry);
    this.live.push(entry);
  }

  entries(): readonly FsEntry[] {
    return this.live;
  }

  /** Entries selected by `path` (absolute path or glob). */
  select(path: string): FsEntry[] {
    return this.live.filter((e) => pathSelects(path, e.path));
  }

  /** Remove entries matching `predicate`; those added in the current layer are a saving, others strand. */
  remove(predicate: (entry: FsEntry) => boolean): Removal {
    const layer = this.current;
    let savedBytes = 0;
    const stranded: { line: number; bytes: number; label: string }[] = [];
    const keep: FsEntry[] = [];
    for (const entry of this.live) {
      if (!predicate(entry)) {
        keep.push(entry);
        continue;
      }
      if (layer !== undefined && layer.entries.includes(entry)) {
        layer.entries.splice(layer.entries.indexOf(entry), 1);
        savedBytes += entry.bytes;
      } else {
        const owner = this.layers.find((l) => l.entries.includes(entry));
        if (owner !== undefined && entry.bytes > 0) {
          owner.deletedLaterBytes += entry.bytes;
          stranded.push({ line: owner.line, bytes: entry.bytes, label: entry.label });
        }
      }
    }
    this.live = keep;
    return { savedBytes, stranded };
  }

  /** Remove the `.pyc` part of entries under `root`; same-layer entries shrink, earlier ones strand. */
  removePyc(root: string): Removal {
    const layer = this.current;
    let savedBytes = 0;
    const stranded: { line: number; bytes: number; label: string }[] = [];
    for (const entry of this.live) {
      if (entry.pycBytes <= 0 || !(isUnder(entry.path, root) || isUnder(root, entry.path))) continue;
      if (layer !== undefined && layer.entries.includes(entry)) {
        savedBytes += entry.pycBytes;
        entry.bytes -= entry.pycBytes;
      } else {
        const owner = this.layers.find((l) => l.entries.includes(entry));
        if (owner !== undefined) {
          owner.deletedLaterBytes += entry.pycBytes;
          stranded.push({ line: owner.line, bytes: entry.pycBytes, label: `${entry.label} (.pyc)` });
        }
      }
      entry.pycBytes = 0;
    }
    return { savedBytes, stranded };
  }
}

export function layerItems(layer: FsLayer): LayerItem[] {
  return layer.entries.map((e) => ({ label: e.label, bytes: e.bytes, category: e.category, sources: e.sources, path: e.path }));
}
