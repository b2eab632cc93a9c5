// Lookup tables over a stage's live entries, so a removal or a `COPY --from` reads the entries it may
// touch instead of scanning every entry in the stage (which made long Dockerfiles quadratic). Each key
// holds its entries in the order they were added: a Set keeps insertion order through deletions, and
// the stage's live entries are themselves in the order they were added.

export class EntryIndex<T> {
  private readonly sets: Map<string, Set<T>>;

  constructor(from?: EntryIndex<T>) {
    this.sets = new Map(from === undefined ? [] : [...from.sets].map(([key, set]) => [key, new Set(set)]));
  }

  add(key: string, item: T): void {
    const set = this.sets.get(key);
    if (set === undefined) this.sets.set(key, new Set([item]));
    else set.add(item);
  }

  delete(key: string, item: T): void {
    const set = this.sets.get(key);
    if (set === undefined) return;
    set.delete(item);
    // Dropping empty keys keeps `keys()` to what is live.
    if (set.size === 0) this.sets.delete(key);
  }

  get(key: string): ReadonlySet<T> {
    return this.sets.get(key) ?? EMPTY;
  }

  keys(): IterableIterator<string> {
    return this.sets.keys();
  }
}

const EMPTY: ReadonlySet<never> = new Set();

/**
 * The strings `prefix` for which `isUnder(path, prefix)` holds, other than "/": the path itself and
 * every prefix that ends just before a "/" (including "" for an absolute path). Indexing an entry under
 * each of them makes "everything under P" one lookup. Slicing at every "/" rather than splitting into
 * segments keeps it exact for unnormalised paths too (`/root//.cache` is under `/root/`).
 */
export function prefixesOf(path: string): string[] {
  const keys: string[] = [];
  for (let i = path.indexOf("/"); i >= 0; i = path.indexOf("/", i + 1)) keys.push(path.slice(0, i));
  keys.push(path);
  return keys;
}
