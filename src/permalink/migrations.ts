// Old links keep opening: each entry checks a payload against version n's schema and upgrades it to
// version n + 1, and decoding falls through them in order up to the current version
// (the TypeScript playground's scheme). Version 1 is the first, so the table is empty; when version 2
// comes, add `1: upgradeV1ToV2` here and keep v1 links in the fixtures.

/** One upgrade step: a payload valid for version n in, a payload for version n + 1 out (or an error). */
export type Upgrade = (payload: unknown) => { ok: true; payload: unknown } | { ok: false; message: string };

export const UPGRADES: Readonly<Record<number, Upgrade>> = {};

/** Run the upgrades from `from` to `to`; an error names the version that could not be upgraded. */
export function migrate(payload: unknown, from: number, to: number, upgrades: Readonly<Record<number, Upgrade>> = UPGRADES):
  { ok: true; payload: unknown } | { ok: false; message: string } {
  let current = payload;
  for (let version = from; version < to; version++) {
    const upgrade = upgrades[version];
    if (upgrade === undefined) return { ok: false, message: `links of version ${version} can no longer be read` };
    const next = upgrade(current);
    if (!next.ok) return { ok: false, message: `upgrading version ${version}: ${next.message}` };
    current = next.payload;
  }
  return { ok: true, payload: current };
}
