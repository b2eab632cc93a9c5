// System package lookups: what `apt-get install --no-install-recommends X` adds on a python slim image
// (Debian trixie/bookworm closures), what `apk add X` adds on Alpine (the package alone: no closures are
// known, except the compilers': build-base's, and gcc's and g++'s within it), and the citations. Names as written in a Dockerfile are accepted
// (`pkg=1.2-3`, `pkg:amd64`, `pkg>=1`), and a few virtual/transitional names resolve to their real package.
// For Debian these hand-made rows are the fallback: the estimator reads the release tables of
// debian-tables.ts first, and uses the rows only for Ubuntu bases, names that are not package names, or
// when no table is installed (the main-thread planner in the browser).

import {
  ALPINE_BASE,
  ALPINE_BUILD_BASE_CLOSURE,
  ALPINE_PACKAGES,
  DEBIAN_PACKAGES,
  DEBIAN_SLIM_BASE,
} from "./data/system-packages";
import { DEBIAN_RELEASES } from "./python-tag";
import type {
  AlpineClosurePart,
  AlpineBaseApprox,
  AlpineBuildBaseClosure,
  AlpinePackageRow,
  DebianBaseApprox,
  DebianPackageRow,
  DebianSuite,
  SourceRef,
} from "./types";

const DEBIAN: readonly DebianPackageRow[] = DEBIAN_PACKAGES;
const ALPINE: readonly AlpinePackageRow[] = ALPINE_PACKAGES;
const KIB = 1024;

/** A Debian apt argument without its version pin (`=…`), release (`/…`) or architecture (`:amd64`). */
export function cleanDebianName(arg: string): string {
  return arg.trim().toLowerCase().replace(/[=/].*$/, "").replace(/:[a-z0-9-]+$/, "");
}

/** An apk argument without its version constraint (`=`, `<`, `>`, `~`) or repository tag (`@testing`). */
export function cleanAlpineName(arg: string): string {
  return arg.trim().toLowerCase().replace(/[=<>~@].*$/, "");
}

/**
 * Debian names that are virtual or transitional and the package that really installs (checked with
 * `apt-cache showpkg`/`show` on Debian bookworm and trixie, 2026-11-28). Used only when the name itself
 * has no row.
 */
const DEBIAN_ALIASES: Readonly<Record<string, { to: string; why: string }>> = {
  "libxslt-dev": { to: "libxslt1-dev", why: "libxslt-dev is a virtual package provided by libxslt1-dev" },
  "libfreetype6-dev": { to: "libfreetype-dev", why: "libfreetype6-dev is a transitional package for libfreetype-dev" },
  "libmysqlclient-dev": {
    to: "default-libmysqlclient-dev",
    why: "Debian has no libmysqlclient-dev package; default-libmysqlclient-dev provides MariaDB's compatible one",
  },
  "libgl1-mesa-glx": { to: "libgl1", why: "libgl1-mesa-glx was a transitional package for libgl1 (gone in trixie)" },
  "libopenblas-base": { to: "libopenblas0", why: "libopenblas-base was a transitional package for libopenblas0" },
  "libglib2.0-0t64": { to: "libglib2.0-0", why: "trixie renamed libglib2.0-0 to libglib2.0-0t64; the row installs it" },
  "libmagic1t64": { to: "libmagic1", why: "trixie renamed libmagic1 to libmagic1t64; the row installs it" },
  "libldap-dev": { to: "libldap2-dev", why: "libldap2-dev (a transitional package in trixie) installs libldap-dev" },
};

export interface DebianPackageMatch {
  readonly row: DebianPackageRow;
  /** The suite whose figures are used (requested suites other than trixie/bookworm fall back). */
  readonly suite: DebianSuite;
  /** The package alone (Installed-Size × 1024). */
  readonly installedBytes: number | null;
  /** Everything the install adds on python:3.12-slim (closure Installed-Size × 1024). */
  readonly closureBytes: number | null;
  /** Why another suite's or package's figures stand in; null when the row is the one asked for. */
  readonly assumption: string | null;
  readonly source: SourceRef;
}

/** The suite whose figures stand for `suite`, and why when it differs. */
export function debianTableSuite(suite: string): { suite: DebianSuite; why: string | null } {
  if (suite === "trixie" || suite === "bookworm") return { suite, why: null };
  const release = DEBIAN_RELEASES[suite];
  if (release !== undefined && release > 13) {
    return { suite: "trixie", why: `the tables have no ${suite} figures; trixie's (the newest they have) stand in` };
  }
  const what = release === undefined ? `${suite} is not a Debian suite in the tables` : `the tables have no ${suite} figures`;
  return { suite: "bookworm", why: `${what}; bookworm's (the oldest they have) stand in` };
}

export function findDebianPackage(name: string, suite: string): DebianPackageMatch | null {
  const pkg = cleanDebianName(name);
  const target = debianTableSuite(suite);
  const reasons = target.why === null ? [] : [target.why];
  let row = DEBIAN.find((r) => r.package === pkg && r.suite === target.suite);
  const alias = DEBIAN_ALIASES[pkg];
  if (row === undefined && alias !== undefined) {
    row = DEBIAN.find((r) => r.package === alias.to && r.suite === target.suite);
    if (row !== undefined) reasons.push(alias.why);
  }
  if (row === undefined) return null;
  const assumption = reasons.length === 0 ? null : reasons.join("; ");
  return {
    row,
    suite: target.suite,
    installedBytes: row.installedSizeKiB === null ? null : row.installedSizeKiB * KIB,
    closureBytes: row.closureOnSlimKiB === null ? null : row.closureOnSlimKiB * KIB,
    assumption,
    source: {
      table: "system-packages",
      key: row.key,
      source: row.source,
      date: row.date,
      ...(assumption === null ? {} : { note: assumption }),
    },
  };
}

/**
 * Alpine names that a Dockerfile uses but the tables hold under another name (from the rows' own notes).
 * Used only when the name itself has no figure.
 */
const ALPINE_ALIASES: Readonly<Record<string, { to: string; why: string }>> = {
  "postgresql-dev": {
    to: "libpq-dev",
    why: "no figure for postgresql-dev; libpq-dev (the client headers psycopg2 builds need) stands in, and postgresql-dev is larger",
  },
  "jpeg-dev": { to: "libjpeg-turbo-dev", why: "jpeg-dev is provided by libjpeg-turbo-dev on current branches" },
  "mariadb-dev": {
    to: "mariadb-connector-c-dev",
    why: "no figure for mariadb-dev; mariadb-connector-c-dev (what mysqlclient builds need) stands in",
  },
  "libc-dev": { to: "musl-dev", why: "libc-dev is a metapackage that installs musl-dev" },
};

function branchRank(branch: string | null): number {
  if (branch === "edge") return 999_999; // above any vX.Y (X * 1000 + Y)
  const m = branch === null ? null : /^v(\d+)\.(\d+)$/.exec(branch);
  return m === null ? -1 : Number(m[1]) * 1000 + Number(m[2]);
}

/** ALPINE's rows by package name, in table order, built at the first lookup: `apk add` looked each name up
 *  by a scan of the whole table, once per package per RUN (a `bulk` file repeats one `apk add` thousands
 *  of times). */
let alpineByPackage: ReadonlyMap<string, readonly AlpinePackageRow[]> | undefined;

function alpineRows(pkg: string): readonly AlpinePackageRow[] {
  if (alpineByPackage === undefined) {
    const index = new Map<string, AlpinePackageRow[]>();
    for (const row of ALPINE) {
      const rows = index.get(row.package);
      if (rows === undefined) index.set(row.package, [row]);
      else rows.push(row);
    }
    alpineByPackage = index;
  }
  return alpineByPackage.get(pkg) ?? [];
}

/**
 * x86_64 first (the other arches are proxies), then the newest branch, then 32-bit x86 among proxies of
 * one branch (same instruction-set family, so the closest stand-in); rows with a figure only.
 */
function preferredAlpineRow(pkg: string): AlpinePackageRow | undefined {
  const score = (r: AlpinePackageRow): number => (r.proxy ? 0 : 1e12) + branchRank(r.branch) * 10 + (r.arch === "x86" ? 1 : 0);
  return alpineRows(pkg).filter((r) => r.installedBytes !== null).sort((a, b) => score(b) - score(a))[0];
}

export interface AlpinePackageMatch {
  readonly row: AlpinePackageRow;
  /** The package alone; its dependencies are not included (no closures are known). Null when not found. */
  readonly installedBytes: number | null;
  /** Proxies, aliases and missing figures, for the user; null when the row is an x86_64 figure of the name. */
  readonly assumption: string | null;
  readonly source: SourceRef;
}

/** Matches by cleaned name, for the names that have one (so at most one per package and alias of the
 *  table): the table does not change, and a match is read-only. */
const alpineMatches = new Map<string, AlpinePackageMatch>();

export function findAlpinePackage(name: string): AlpinePackageMatch | null {
  const pkg = cleanAlpineName(name);
  const known = alpineMatches.get(pkg);
  if (known !== undefined) return known;
  const match = matchAlpinePackage(pkg);
  if (match !== null) alpineMatches.set(pkg, match);
  return match;
}

function matchAlpinePackage(pkg: string): AlpinePackageMatch | null {
  const reasons: string[] = [];
  let row = preferredAlpineRow(pkg);
  const alias = ALPINE_ALIASES[pkg];
  if (row === undefined && alias !== undefined) {
    row = preferredAlpineRow(alias.to);
    if (row !== undefined) reasons.push(alias.why);
  }
  if (row === undefined) {
    // A row without a figure still says the package was looked for: report it as unknown.
    row = alpineRows(pkg)[0];
    if (row === undefined) return null;
    reasons.push(`no installed size found for ${pkg}`);
  } else if (row.proxy) {
    const where = [row.arch, row.branch].filter((x) => x !== null).join(" ");
    reasons.push(`no x86_64 figure for ${row.package}; the ${where} figure stands in`);
  }
  const assumption = reasons.length === 0 ? null : reasons.join("; ");
  return {
    row,
    installedBytes: row.installedBytes,
    assumption,
    source: {
      table: "system-packages",
      key: row.key,
      source: row.source,
      date: row.date,
      ...(assumption === null ? {} : { note: assumption }),
    },
  };
}

/** `apk add build-base`: the summed closure (compilers, headers, binutils), with its method and caveats. */
export function alpineBuildBaseClosure(): AlpineBuildBaseClosure {
  return ALPINE_BUILD_BASE_CLOSURE;
}

/** Members of the compiler closures within build-base's parts: gcc with binutils and the libraries it links
 *  (the gcc closure seen in rust:1-alpine3.23's apk list), g++ with gcc's, libstdc++-dev and musl-dev (its
 *  Depends on Alpine). */
const GCC_CLOSURE = ["gcc", "binutils", "gmp", "isl26", "jansson", "libatomic", "libgcc", "libgomp", "libstdc++", "mpc1", "mpfr4", "zstd-libs"];
const ALPINE_CLOSURES: Readonly<Record<string, readonly string[] | null>> = {
  "build-base": null,
  gcc: GCC_CLOSURE,
  "g++": [...GCC_CLOSURE, "g++", "libstdc++-dev", "musl-dev"],
};

/** What `apk add NAME` installs where the tables know its closure (build-base, gcc, g++): the parts of
 *  build-base's summed closure it takes, each with its own figure; null for any other name. */
export function alpineClosure(name: string): { readonly parts: readonly AlpineClosurePart[]; readonly installedBytes: number } | null {
  if (!(name in ALPINE_CLOSURES)) return null;
  const members = ALPINE_CLOSURES[name] ?? null;
  const all: readonly AlpineClosurePart[] = ALPINE_BUILD_BASE_CLOSURE.parts;
  const parts = members === null ? all : all.filter((p) => members.includes(p.package));
  return { parts, installedBytes: members === null ? ALPINE_BUILD_BASE_CLOSURE.installedBytes : parts.reduce((sum, p) => sum + p.installedBytes, 0) };
}

/** The citation for alpineBuildBaseClosure()'s number. */
export function alpineBuildBaseClosureSource(): SourceRef {
  const closure: AlpineBuildBaseClosure = ALPINE_BUILD_BASE_CLOSURE;
  return {
    table: "system-packages",
    key: "alpine:build-base-closure",
    source: closure.source,
    date: closure.date,
    note: `${closure.method}. ${closure.notes.join("; ")}`,
  };
}

/** The python:3.12-slim package set the Debian closures were computed against. */
export function debianSlimBase(suite: DebianSuite): DebianBaseApprox {
  const bases: readonly DebianBaseApprox[] = DEBIAN_SLIM_BASE;
  return bases.find((b) => b.suite === suite) ?? DEBIAN_SLIM_BASE[0];
}

export function alpineBase(): AlpineBaseApprox {
  return ALPINE_BASE;
}
