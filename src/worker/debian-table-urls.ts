// Where the built site serves each Debian release table (content-hashed asset names): shared by the
// worker's loader and the page's preload (debian-preload.ts), so both ask for the same URL and the second
// request finds the first in the HTTP cache.
import type { DebianRelease } from "../engine/knowledge/debian-table-schema";
import bullseyeUrl from "../engine/knowledge/data/debian-bullseye.json?url";
import bookwormUrl from "../engine/knowledge/data/debian-bookworm.json?url";
import trixieUrl from "../engine/knowledge/data/debian-trixie.json?url";

export const DEBIAN_TABLE_URLS: Readonly<Record<DebianRelease, string>> = { bullseye: bullseyeUrl, bookworm: bookwormUrl, trixie: trixieUrl };
