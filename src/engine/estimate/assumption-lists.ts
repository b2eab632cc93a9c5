// Assumptions that name what they apply to (EstimateContext.assumeEach): the table version standing in
// for each pin, the unknown system packages, the unknown base images. Each use adds its items to one list
// per assumption id, kept in first-seen order without repeats; the text is written once, when the estimate
// ends, so a file with thousands of installs costs one pass over what they name and one bounded text.

/** Items an assumption's text names; past them it says "and N more". Four is what notePins showed for one
 *  install before the lists were merged: one line of the report, whatever a `bulk` file repeats. */
export const ASSUMPTION_ITEMS_SHOWN = 4;

interface ItemList {
  /** The first use's writer: one id is written by one caller, so the same text around its items. */
  readonly render: (listed: string) => string;
  readonly items: Set<string>;
  /** Lists already merged, by identity: a resolved requirements file's notes are one cached array that a
   *  long file installs at every stage (install-requests.ts), read once here as there. */
  readonly merged: WeakSet<readonly string[]>;
}

export interface AssumptionLists {
  /** Add `items` (not changed after this call) to the id's list. */
  add(id: string, items: readonly string[], render: (listed: string) => string): void;
  /** Each id's text, from its merged list. */
  texts(): IterableIterator<readonly [string, string]>;
}

export function assumptionLists(): AssumptionLists {
  const lists = new Map<string, ItemList>();
  return {
    add(id, items, render) {
      let list = lists.get(id);
      if (list === undefined) lists.set(id, (list = { render, items: new Set(), merged: new WeakSet() }));
      if (list.merged.has(items)) return;
      list.merged.add(items);
      for (const item of items) list.items.add(item);
    },
    *texts() {
      for (const [id, list] of lists) yield [id, list.render(listed(list.items))] as const;
    },
  };
}

/** The first ASSUMPTION_ITEMS_SHOWN items, comma-separated, then how many more there are. */
function listed(items: ReadonlySet<string>): string {
  const shown: string[] = [];
  for (const item of items) {
    if (shown.length === ASSUMPTION_ITEMS_SHOWN) break;
    shown.push(item);
  }
  const more = items.size - shown.length;
  return shown.join(", ") + (more > 0 ? ` and ${more} more` : "");
}
