// Nearest known tag for bare distribution images (alpine, debian, ubuntu) when the exact tag is not in
// the table: the nearest release by version number, same slim-ness for Debian, with the reason stated.

import { type StandIn, imageRows, nearestByKey, otherEra, versionKey } from "./base-image-rows";
import { DEBIAN_RELEASES } from "./python-tag";
import type { BaseImageRow, Era } from "./types";

function osKey(row: BaseImageRow): number {
  const m = /^(\d+)(?:\.(\d+))?/.exec(row.osVersion ?? "");
  return m === null ? -1 : versionKey(Number(m[1]), m[2] === undefined ? null : Number(m[2]));
}

function newestRow(rows: readonly BaseImageRow[]): BaseImageRow | undefined {
  return [...rows].sort((a, b) => osKey(b) - osKey(a))[0];
}

/**
 * Nearest row to `target` among `rows`; when the target is older than all of them, rows of the other era
 * (the 2019 builds) are considered too, since an old tag is closer in size to an old build.
 */
function nearestRelease(rows: readonly BaseImageRow[], others: readonly BaseImageRow[], target: number, label: string): StandIn | null {
  const keys = rows.map(osKey);
  const older = target < Math.min(...keys);
  const row = nearestByKey(older ? [...rows, ...others] : rows, osKey, target);
  if (row === undefined) return null;
  const reason = older
    ? `${label} is older than any such image of today in the table, so the nearest one (2019 builds included) stands in: expect a different size`
    : target > Math.max(...keys)
      ? `${label} is newer than any such image in the table, so the newest one stands in`
      : `${label} is not in the table; the nearest release stands in`;
  return { row, reasons: [reason] };
}

/** `alpine:<tag>`: `3.24`, `3.24.2`, `3`, `latest`, `edge`. */
export function nearestAlpine(tag: string | null, era: Era): StandIn | null {
  const rows = imageRows("alpine", era);
  const newest = newestRow(rows);
  if (newest === undefined) return null;
  if (tag === null || tag === "latest") return { row: newest, reasons: ["the newest Alpine in the table"] };
  if (tag === "edge") return { row: newest, reasons: ["edge is Alpine's unreleased branch; the newest release stands in"] };
  const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(tag);
  if (m === null) return null;
  const major = Number(m[1]);
  if (m[2] === undefined) {
    const ofMajor = newestRow(rows.filter((r) => Math.floor(osKey(r) / 1000) === major));
    return ofMajor === undefined ? null : { row: ofMajor, reasons: [`the newest Alpine ${major} in the table`] };
  }
  const target = versionKey(major, Number(m[2]));
  const same = rows.find((r) => osKey(r) === target);
  if (same !== undefined) return { row: same, reasons: [`the table's ${same.ref} is Alpine ${same.osVersion}`] };
  return nearestRelease(rows, imageRows("alpine", otherEra(era)), target, `Alpine ${tag}`);
}

/**
 * `debian:<tag>`: codenames, release numbers (`12`, `12.7`), `stable`/`oldstable`/`latest`, `testing`/`sid`,
 * each optionally with a dated serial (`bookworm-20260824`) and `-slim`.
 */
export function nearestDebian(tag: string | null, era: Era): StandIn | null {
  let rest = tag ?? "latest";
  const slim = rest === "slim" || rest.endsWith("-slim");
  rest = rest === "slim" ? "latest" : rest.replace(/-slim$/, "");
  const reasons: string[] = [];
  const serial = /^(.+)-(\d{8})$/.exec(rest);
  if (serial !== null) {
    rest = serial[1] ?? rest;
    reasons.push(`the dated serial ${serial[2]} is not in the table; the table's build of that release stands in`);
  }
  const rows = imageRows("debian", era).filter((r) => r.tag.endsWith("-slim") === slim);
  const byRelease = [...rows].sort((a, b) => osKey(b) - osKey(a));
  const newest = byRelease[0];
  if (newest === undefined) return null;
  const release = (n: number): number => versionKey(n, null);
  let target: number;
  if (rest === "latest" || rest === "stable") {
    target = osKey(newest);
    reasons.push(`${rest} is taken as ${newest.distro ?? "the newest"}, the newest Debian release in the table`);
  } else if (rest === "oldstable") {
    const previous = byRelease[1] ?? newest;
    target = osKey(previous);
    reasons.push(`oldstable is taken as ${previous.distro ?? "the release before the newest"} (the release before the newest in the table)`);
  } else if (["testing", "unstable", "sid", "experimental"].includes(rest)) {
    target = osKey(newest);
    reasons.push(`${rest} is not a release; the newest release in the table stands in`);
  } else if (DEBIAN_RELEASES[rest] !== undefined) {
    target = release(DEBIAN_RELEASES[rest] ?? 0);
  } else if (/^\d+(?:\.\d+)*$/.test(rest)) {
    target = release(Number(rest.split(".")[0]));
  } else {
    return null;
  }
  const same = rows.find((r) => osKey(r) === target);
  if (same !== undefined) {
    if (reasons.length === 0) reasons.push(`${same.ref} is Debian ${same.osVersion}`);
    return { row: same, reasons };
  }
  const near = nearestRelease(rows, [], target, `Debian ${rest}`);
  return near === null ? null : { row: near.row, reasons: [...reasons, ...near.reasons] };
}

/**
 * The Debian release a `debian:<tag>` names by codename or number (`buster-slim`, `10`, `10.13-slim`,
 * `stretch-20240612`), or null for `latest`/`stable`/`testing` and tags that name none. Where the table
 * lacks the release, another's row stands in for the sizes, but the image's python3 and apt are its own.
 */
export function debianTagRelease(tag: string | null): string | null {
  const rest = (tag ?? "").replace(/-slim$/, "").replace(/-\d{8}$/, "");
  if (DEBIAN_RELEASES[rest] !== undefined) return rest;
  const number = /^(\d+)(?:\.\d+)*$/.exec(rest)?.[1];
  return Object.entries(DEBIAN_RELEASES).find(([, n]) => String(n) === number)?.[0] ?? null;
}

/** `ubuntu:<tag>`: `24.04`, codenames (`noble`), `latest`, `rolling`, `devel`, dated serials. */
export function nearestUbuntu(tag: string | null, era: Era): StandIn | null {
  const rows = imageRows("ubuntu", era);
  const newest = newestRow(rows);
  if (newest === undefined) return null;
  const rest = (tag ?? "latest").replace(/-\d{8}(?:\.\d+)?$/, "");
  if (rest === "latest") return { row: newest, reasons: ["latest is taken as the newest Ubuntu LTS in the table"] };
  if (rest === "rolling" || rest === "devel") {
    return { row: newest, reasons: [`${rest} is not in the table; the newest Ubuntu in it stands in`] };
  }
  const byCodename = rows.find((r) => r.distro === rest);
  if (byCodename !== undefined) return { row: byCodename, reasons: [`${rest} is Ubuntu ${byCodename.osVersion}`] };
  const m = /^(\d+)\.(\d+)(?:\.\d+)?$/.exec(rest);
  if (m === null) return null;
  const target = versionKey(Number(m[1]), Number(m[2]));
  const same = rows.find((r) => osKey(r) === target);
  if (same !== undefined) return { row: same, reasons: [`the table's ${same.ref} is Ubuntu ${same.osVersion}`] };
  return nearestRelease(rows, [], target, `Ubuntu ${rest}`);
}
