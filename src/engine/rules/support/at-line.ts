// The estimate's per-line records (layers, build layers, apt Recommends weights) looked up by an
// instruction's line. Rules asked with `filter`/`find` over the whole list for every RUN: quadratic on a
// fuzz `bulk` file of thousands of RUNs (issue 14). The index is built once per list and kept while the
// list lives (the lists belong to one analysis and are never changed).

const INDEXES = new WeakMap<readonly { readonly line: number }[], Map<number, readonly { readonly line: number }[]>>();

/** The elements of `items` at `line`, in the list's order (what `items.filter((i) => i.line === line)` gives). */
export function atLine<T extends { readonly line: number }>(items: readonly T[], line: number): readonly T[] {
  let index = INDEXES.get(items);
  if (index === undefined) {
    const built = new Map<number, T[]>();
    for (const item of items) {
      const same = built.get(item.line);
      if (same === undefined) built.set(item.line, [item]);
      else same.push(item);
    }
    INDEXES.set(items, built);
    index = built;
  }
  return (index.get(line) ?? []) as readonly T[];
}
