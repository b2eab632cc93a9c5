// Old links keep opening: each entry checks a payload against version n's schema and upgrades it to
// version n + 1, and decoding falls through them in order up to the current version
// (the TypeScript playground's scheme). Keep every old version's links in the fixtures.


/** One upgrade step: a payload valid for version n in, a payload for version n + 1 out (or an error). */
export type Upgrade = (payload: unknown) => { ok: true; payload: unknown } | { ok: false; message: string };

/** Version 2 added project files (`p`); a version 1 link has none. Its other keys mean the same, so the
 *  payload carries over (a stray `p` is dropped: version 1 never wrote one), and the current schema then
 *  checks it, so a damaged v1 link reports what is wrong rather than "too old". */
export function upgradeV1ToV2(payload: unknown): { ok: true; payload: unknown } {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return { ok: true, payload };
  const { p: _dropped, ...rest } = payload as Record<string, unknown>;
  return { ok: true, payload: rest };
}

/** Version 3 added the wheel architecture (`a`) and the user's package sizes (`z`); a version 2 link has
 *  neither and means the defaults (x86_64, the tables' sizes). Stray keys of those names are dropped:
 *  version 2 never wrote them, so they cannot mean what version 3 reads into them. */
export function upgradeV2ToV3(payload: unknown): { ok: true; payload: unknown } {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return { ok: true, payload };
  const { a: _arch, z: _sizes, ...rest } = payload as Record<string, unknown>;
  return { ok: true, payload: rest };
}

export const UPGRADES: Readonly<Record<number, Upgrade>> = { 1: upgradeV1ToV2, 2: upgradeV2ToV3 };

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
