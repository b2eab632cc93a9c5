// The worker's way to the Debian release tables: each is a static asset (~1.2 MB gzip). The releases a
// request's Dockerfile names in its FROM lines are fetched ahead (debian-fetch-ahead.ts, started by
// plan.worker.ts as the request arrives) and handed over from there. A table the engine asks
// for that was not fetched ahead (a base behind an ARG, a rule's other release) is fetched then, through
// the engine's synchronous loader hook, with a synchronous request — allowed in a dedicated worker. The
// HTTP cache keeps them. The text is handed over as is: the engine checks its first line and parses a
// row when it is looked up (debian-table-reader.ts), instead of parsing ~5 MB of JSON before the first plan.
import { installDebianTable, registerDebianTableLoader, type DebianRelease } from "../engine/knowledge";
import { fetchedAhead } from "./debian-fetch-ahead";
import { DEBIAN_TABLE_URLS } from "./debian-table-urls";

export function registerWorkerDebianTables(): void {
  registerDebianTableLoader((release) => {
    // Fetched ahead: handed over once (the engine keeps the installed table); a failed fetch ahead is
    // tried again below, as a table never fetched would be.
    const ahead = fetchedAhead(release);
    if (ahead !== null) return ahead;
    const request = new XMLHttpRequest();
    request.open("GET", DEBIAN_TABLE_URLS[release], false);
    request.send();
    // A failed fetch leaves the release without a table: the estimate falls back to the hand-made rows.
    return request.status === 200 ? request.responseText : null;
  });
}

/**
 * The main thread's way (the fallback where no worker runs): a synchronous request would freeze the page,
 * so every release's table is fetched up front, concurrently, and installed before the first plan. A
 * failed fetch leaves that release on the hand-made rows, as in the worker.
 */
let fetchedAll: Promise<void> | null = null;
export function fetchAllDebianTables(): Promise<void> {
  fetchedAll ??= Promise.all((Object.keys(DEBIAN_TABLE_URLS) as DebianRelease[]).map(async (release) => {
    try {
      const response = await fetch(DEBIAN_TABLE_URLS[release]);
      if (response.ok) installDebianTable(release, await response.text());
    } catch (error) {
      console.warn(`Debian ${release} table not loaded (${error instanceof Error ? error.message : String(error)}).`);
    }
  })).then(() => undefined);
  return fetchedAll;
}
