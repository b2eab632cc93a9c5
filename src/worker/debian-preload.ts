// The page's head start on the Debian tables (issue 13): as soon as the text to plan is known (the saved
// or default one, before the worker has even started), the tables its FROM lines name are preloaded with
// the request the worker will make (same URL, same CORS mode: debian-fetch-ahead.ts), so the worker's
// fetch finds the download in flight or in the HTTP cache. The wheel table is preloaded by the HTML itself
// (vite.config.ts); which Debian table a text needs is only known here.
import { debianReleasesOf } from "./debian-releases";
import { DEBIAN_TABLE_URLS } from "./debian-table-urls";

export function preloadDebianTables(dockerfile: string, document: Document): void {
  for (const release of debianReleasesOf(dockerfile)) {
    const href = new URL(DEBIAN_TABLE_URLS[release], document.baseURI).href;
    if ([...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"]')].some((link) => link.href === href)) continue;
    const link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.crossOrigin = "anonymous";
    link.href = href;
    document.head.append(link);
  }
}
