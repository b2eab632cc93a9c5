// Lookup tables over a stage's live entries, so a removal or a `COPY --from` reads the entries it may
// touch instead of scanning every entry in the stage (which made long Dockerfiles quadratic). Each key
// holds its entries in the order they were added: a Set keeps insertion order through deletions, and
// the stage's live entries are themselves in the order they were added.

export class EntryIndex<T> {
  private readonly sets: Map<string, Set<T>>;

  constructor(from?: EntryIndex<T>) {
    this.sets = new Map();
    if (from !== undefined) for (const [key, set] of from.sets) if (set.size > 0) this.sets.set(key, new Set(set));
  }

  add(key: string, item: T): void {
    const set = this.sets.get(key);
    if (set === undefined) this.sets.set(key, new Set([item]));
    else set.add(item);
  }

  /** An emptied key keeps its (empty) set: a path written again (a package reinstalled, a directory
   *  copied over) would otherwise drop and make a Map slot and a Set for each of its prefixes each time. */
  delete(key: string, item: T): void {
    this.sets.get(key)?.delete(item);
  }

  /** `delete(key, item)` then `add(key, by)`. */
  replace(key: string, item: T, by: T): void {
    const set = this.sets.get(key);
    if (set === undefined) this.sets.set(key, new Set([by]));
    else {
      set.delete(item);
      set.add(by);
    }
  }

  get(key: string): ReadonlySet<T> {
    return this.sets.get(key) ?? EMPTY;
  }

  /** The keys that hold an item (read by key, not by entry: an entry is a pair array per step, and an
   *  `apk del` asks after every group). */
  *keys(): IterableIterator<string> {
    for (const key of this.sets.keys()) if ((this.sets.get(key)?.size ?? 0) > 0) yield key;
  }
}

const EMPTY: ReadonlySet<never> = new Set();

/**
 * The strings `prefix` for which `isUnder(path, prefix)` holds, other than "/": the path itself and
 * every prefix that ends just before a "/" (including "" for an absolute path). Indexing an entry under
 * each of them makes "everything under P" one lookup. Slicing at every "/" rather than splitting into
 * segments keeps it exact for unnormalised paths too (`/root//.cache` is under `/root/`). Shared arrays:
 * do not change them.
 */
export function prefixesOf(path: string): readonly string[] {
  if (path.length > PREFIX_CACHE_PATH_CHARS) return slicePrefixes(path);
  let keys = prefixCache.get(path);
  if (keys === undefined) {
    if (prefixCache.size >= PREFIX_CACHE_PATHS) prefixCache.clear();
    keys = slicePrefixes(path);
    prefixCache.set(path, keys);
  }
  return keys;
}

/**
 * prefixesOf by path: a `bulk` file writes the same few paths thousands of times (a package reinstalled,
 * a directory copied again, an `apk add` repeated), and each was sliced into its prefixes when added and
 * again when removed (~3% of the slow fuzz cases' estimate allocation). Correct to share: the prefixes are
 * a function of the path, and no caller changes the array. Bounded by PREFIX_CACHE_PATHS paths of at most
 * PREFIX_CACHE_PATH_CHARS characters (a real file's path is shorter; a longer one is sliced each time),
 * emptied when full: a miss only slices again. A plain Map rather than cache/lru's LruCache: this is read
 * on every add and removal, and the LRU's bookkeeping per hit cost ~1.8% of the slow `bulk` fuzz plans
 * (14-case replay, alternated twice, session 6) for an eviction order a pure function does not need.
 */
const prefixCache = new Map<string, readonly string[]>();
const PREFIX_CACHE_PATHS = 4096;
const PREFIX_CACHE_PATH_CHARS = 256;

function slicePrefixes(path: string): string[] {
  const keys: string[] = [];
  for (let i = path.indexOf("/"); i >= 0; i = path.indexOf("/", i + 1)) keys.push(path.slice(0, i));
  keys.push(path);
  return keys;
}

/**
 * The directory tree of a set of paths, as counts: for each key of `prefixesOf` (a directory, or a path
 * itself), the names one level below it with how many of the paths pass through each. A glob lookup walks
 * it segment by segment (StageFs.select), testing each distinct name once, instead of testing every path:
 * with one `pip install /wheels/*.whl` per step over a stage that keeps growing, testing every path was
 * quadratic in the file (fuzz case 287 of `--cases 300 --seed 7`: 30 s of CPU).
 */
export class PathChildren {
  /** Counts of 0 are kept (see `EntryIndex.delete`), and skipped by the lookups. */
  private readonly children: Map<string, Map<string, number>>;

  constructor(from?: PathChildren) {
    this.children = new Map();
    if (from === undefined) return;
    for (const [key, names] of from.children) {
      const live = new Map([...names].filter(([, count]) => count > 0));
      if (live.size > 0) this.children.set(key, live);
    }
  }

  /** Counts `prefixesOf(path)` (passed in: the caller has it already) as one more path. */
  add(keys: readonly string[]): void {
    this.walk(keys, 1);
  }

  delete(keys: readonly string[]): void {
    this.walk(keys, -1);
  }

  /** The names one level below `key` that some path passes through. */
  *namesUnder(key: string): IterableIterator<string> {
    const names = this.children.get(key);
    if (names !== undefined) for (const [name, count] of names) if (count > 0) yield name;
  }

  has(key: string, name: string): boolean {
    return (this.children.get(key)?.get(name) ?? 0) > 0;
  }

  private walk(keys: readonly string[], delta: 1 | -1): void {
    for (let i = 0; i + 1 < keys.length; i++) {
      const key = keys[i] ?? "";
      const name = (keys[i + 1] ?? "").slice(key.length + 1);
      let names = this.children.get(key);
      if (names === undefined) {
        if (delta < 0) continue;
        names = new Map();
        this.children.set(key, names);
      }
      names.set(name, Math.max(0, (names.get(name) ?? 0) + delta));
    }
  }
}

