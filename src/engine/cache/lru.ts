// A small bounded least-recently-used cache for module-level memoisation (issue 13): what does not change
// between a plan's steps (a requirements file, a lock file) is parsed once per text instead of once per
// step. Bounded twice — by entries and by the characters of the keys — so a long session in the playground
// (every keystroke is a new text) or a 1 MB paste cannot grow the worker without limit.

export interface LruOptions {
  /** Most entries kept. */
  readonly maxEntries: number;
  /** Most key characters kept in all (a key holds the text it stands for). */
  readonly maxKeyChars: number;
}

export class LruCache<V> {
  private readonly entries = new Map<string, { value: V; tick: number }>();
  private keyChars = 0;
  /** Insertions and refreshes so far: an entry's `tick` is its place in the eviction order. */
  private tick = 0;
  /** A hit moves its entry to the back only when it has fallen this far behind the newest (see getOrCompute). */
  private readonly refreshAfter: number;

  constructor(private readonly options: LruOptions) {
    // A quarter of the entries: a hit re-inserts its entry (a Map delete and set, the costliest part of a
    // hit: issue 13's corpus profile gave it 2% of a plan) only when it has drifted that far toward eviction.
    this.refreshAfter = Math.max(1, Math.floor(options.maxEntries / 4));
  }

  /**
   * The value for `key`, computing and keeping it when absent; a key longer than the budget is not kept.
   * Eviction is least-recently-used within a quarter of the entries: an entry read since the last
   * maxEntries / 4 insertions is not among the next 3 × maxEntries / 4 evicted (exact for maxEntries < 8).
   */
  getOrCompute(key: string, compute: () => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      if (this.tick - hit.tick >= this.refreshAfter) {
        // Map keeps insertion order: re-inserting makes this the most recently used entry.
        this.entries.delete(key);
        hit.tick = this.tick++;
        this.entries.set(key, hit);
      }
      return hit.value;
    }
    const value = compute();
    if (key.length > this.options.maxKeyChars) return value;
    this.entries.set(key, { value, tick: this.tick++ });
    this.keyChars += key.length;
    while (this.entries.size > this.options.maxEntries || this.keyChars > this.options.maxKeyChars) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
      this.keyChars -= oldest.value.length;
    }
    return value;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.keyChars = 0;
  }
}
