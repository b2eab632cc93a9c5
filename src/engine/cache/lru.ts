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
  private readonly entries = new Map<string, V>();
  private keyChars = 0;

  constructor(private readonly options: LruOptions) {}

  /** The value for `key`, computing and keeping it when absent; a key longer than the budget is not kept. */
  getOrCompute(key: string, compute: () => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined || this.entries.has(key)) {
      // Map keeps insertion order: re-inserting makes this the most recently used entry.
      this.entries.delete(key);
      this.entries.set(key, hit as V);
      return hit as V;
    }
    const value = compute();
    if (key.length > this.options.maxKeyChars) return value;
    this.entries.set(key, value);
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
