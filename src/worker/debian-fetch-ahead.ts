// Debian tables fetched ahead of the plan that needs them (issue 13). The first plan of a cold load used
// to download its table synchronously from inside the plan, after the engine's own ~0.3 s load; now the
// worker's entry starts the download as soon as a request arrives (the releases its FROM lines name:
// debian-releases.ts) and waits for it beside the engine, and the engine's loader takes the text from here
// (debian-tables-loader.ts). Imports nothing of the engine: it runs in the worker's small entry.
import type { DebianRelease } from "../engine/knowledge/debian-table-schema";
import { DEBIAN_TABLE_URLS } from "./debian-table-urls";

/** Tables fetched ahead, by release: their text, or null when the fetch failed. */
const fetched = new Map<DebianRelease, string | null>();
const fetching = new Map<DebianRelease, Promise<void>>();

/** Fetches `release`'s table once; resolves when it is in or has failed (never rejects). */
export function fetchAhead(release: DebianRelease): Promise<void> {
  let pending = fetching.get(release);
  if (pending === undefined) {
    pending = fetch(DEBIAN_TABLE_URLS[release])
      .then((response) => (response.ok ? response.text() : null))
      .catch(() => null)
      .then((text) => {
        fetched.set(release, text);
      });
    fetching.set(release, pending);
  }
  return pending;
}

/** The text of `release`'s table when it was fetched ahead and has arrived; null otherwise. */
export function fetchedAhead(release: DebianRelease): string | null {
  return fetched.get(release) ?? null;
}
