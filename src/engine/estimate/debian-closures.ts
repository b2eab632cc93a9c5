// `apt-get install NAME`'s closures (Depends, Recommends) over what a stage already holds, computed once
// per (release table, what the stage holds, name, recommends) instead of once per analysis (issue 13):
// a plan re-analyses the same Dockerfile after every step, and each apt install walked the release table
// twice (with and without Recommends) over the same few hundred present packages, ~6% of a corpus plan
// (docs/speed.md). The closures are the knowledge module's own answers; only when to compute them changes.
//
// What the stage holds is keyed without copying it: a Set iterates in insertion order and the estimator
// only ever adds to `stage.debInstalled` (seeded at FROM, copied by forkStage, grown by installs: nothing
// deletes from it), so the names past the size last seen are exactly those added since. A set seen for the
// first time is keyed by its whole contents. Keys are interned into short ids; an id stands for one exact
// history of contents, so equal ids are equal sets.
import { debianBasePackages, debianInstallClosure, debianRecommendsWeight, type DebianRelease } from "../knowledge";
import { LruCache } from "../cache/lru";

type Closure = ReturnType<typeof debianInstallClosure>;
type Recommends = ReturnType<typeof debianRecommendsWeight>;

export interface DebianClosures {
  /** debianInstallClosure([name], release, present, { recommends }). */
  readonly closure: Closure;
  /** With `recommends` and a closure of known names: debianRecommendsWeight of the same install, else null. */
  readonly viaRecommends: Recommends;
}

// Bounds: a Dockerfile's stages hold a few distinct package sets each (one per apt install); 4,096 ids and
// closures are a session's worth of corpus-sized files. Keys: a first-seen set is ~15 characters per name
// (a full python image holds ~450 packages: ~7 kB), so 8 Mi characters keeps about a thousand of those.
const ids = new LruCache<number>({ maxEntries: 4096, maxKeyChars: 8 * 1024 * 1024 });
const closures = new LruCache<DebianClosures>({ maxEntries: 4096, maxKeyChars: 256 * 1024 });
let nextId = 0;

/** The release table's identity (its base set object: a table installed again is another object). */
const tableIds = new WeakMap<ReadonlySet<string>, number>();

/** The last id and size seen per set (held weakly: it goes with its stage). */
const seen = new WeakMap<ReadonlySet<string>, { readonly id: number; readonly size: number }>();

function intern(key: string): number {
  return ids.getOrCompute(key, () => nextId++);
}

function tableId(release: DebianRelease): number {
  const table = debianBasePackages(release);
  let id = tableIds.get(table);
  if (id === undefined) tableIds.set(table, (id = nextId++));
  return id;
}

/**
 * Records that `seeded`, empty before, was just filled by `recipe` (seedDebianBase: which base set, whether
 * the full image's packages were added) from `release`'s table: the same recipe fills the same names in
 * the same order, so the stage's set gets its id without its contents being read.
 */
export function noteDebianSeed(seeded: ReadonlySet<string>, release: DebianRelease, recipe: string): void {
  seen.set(seeded, { id: intern(`seed\u0000${release}\u0000${tableId(release)}\u0000${recipe}`), size: seeded.size });
}

/** An id for the exact contents of `present` for `release`'s current table. */
function contentsId(release: DebianRelease, present: ReadonlySet<string>): number {
  const last = seen.get(present);
  let id: number;
  if (last === undefined || last.size > present.size) {
    // First sight (or a set that shrank, which the estimator never does): the whole contents.
    id = intern(`${release}\u0000${tableId(release)}\u0000${[...present].join(" ")}`);
  } else if (last.size === present.size) {
    id = last.id;
  } else {
    // Only what was added since: the names past the old size, in insertion order.
    const added: string[] = [];
    let i = 0;
    for (const name of present) if (i++ >= last.size) added.push(name);
    id = intern(`${last.id}+${added.join(" ")}`);
  }
  seen.set(present, { id, size: present.size });
  return id;
}

/** The closures of installing `name` into a stage holding `present`, computed once per distinct case. */
export function debianClosures(name: string, release: DebianRelease, present: ReadonlySet<string>, recommends: boolean): DebianClosures {
  const key = `${contentsId(release, present)}\u0000${recommends ? 1 : 0}\u0000${name}`;
  return closures.getOrCompute(key, () => {
    const closure = debianInstallClosure([name], release, present, { recommends });
    const viaRecommends = recommends && closure.unknown.length === 0 ? debianRecommendsWeight([name], release, present, closure) : null;
    return { closure, viaRecommends };
  });
}

const blockedClosures = new LruCache<Closure>({ maxEntries: 1024, maxKeyChars: 256 * 1024 });

/** debianClosures' closure with Recommends and with `blocked` read as present: what the install adds
 *  without those packages (the build tools its Recommends reach: debian-install.ts). */
export function debianClosureWithout(name: string, release: DebianRelease, present: ReadonlySet<string>, blocked: readonly string[]): Closure {
  const key = `${contentsId(release, present)}\u0000${name}\u0000${blocked.join(" ")}`;
  return blockedClosures.getOrCompute(key, () => debianInstallClosure([name], release, present, { recommends: true, blocked: new Set(blocked) }));
}
