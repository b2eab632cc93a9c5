// The worker's way to the Debian release tables: each is a static asset (~1.2 MB gzip), fetched the first
// time a plan needs that release (the engine asks through its loader hook), with a synchronous request —
// allowed in a dedicated worker, and the engine's lookups are synchronous. The HTTP cache keeps it. The
// text is handed over as is: the engine checks its first line and parses a row when it is looked up
// (debian-table-reader.ts), instead of parsing ~5 MB of JSON before the first plan.
import { installDebianTable, registerDebianTableLoader, type DebianRelease } from "../engine/knowledge";
import bullseyeUrl from "../engine/knowledge/data/debian-bullseye.json?url";
import bookwormUrl from "../engine/knowledge/data/debian-bookworm.json?url";
import trixieUrl from "../engine/knowledge/data/debian-trixie.json?url";

const URLS: Readonly<Record<DebianRelease, string>> = { bullseye: bullseyeUrl, bookworm: bookwormUrl, trixie: trixieUrl };

export function registerWorkerDebianTables(): void {
  registerDebianTableLoader((release) => {
    const request = new XMLHttpRequest();
    request.open("GET", URLS[release], false);
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
  fetchedAll ??= Promise.all((Object.keys(URLS) as DebianRelease[]).map(async (release) => {
    try {
      const response = await fetch(URLS[release]);
      if (response.ok) installDebianTable(release, await response.text());
    } catch (error) {
      console.warn(`Debian ${release} table not loaded (${error instanceof Error ? error.message : String(error)}).`);
    }
  })).then(() => undefined);
  return fetchedAll;
}
