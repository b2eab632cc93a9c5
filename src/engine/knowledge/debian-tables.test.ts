// The Debian release tables (loaded from disk by src/node/vitest-setup.ts): invariants of each table, the
// lookups other parts code against, and the loader's answer to a damaged table. Expected names come from
// Debian's package lists (apt-cache show on each release), not from this code's output.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEBIAN_TABLES_DIR, readDebianTable, registerDebianTablesFromDisk } from "../../node/load-tables";
import { DEBIAN_TABLE_RELEASES, printDebianTable, type DebianRelease, type DebianTableHeader, type DebianTableRowWire } from "./debian-table-schema";
import {
  clearDebianTables,
  debianBasePackages,
  debianInstallClosure,
  debianNameKind,
  debianPackage,
  debianPackageExists,
  debianRecommendsWeight,
  debianReleaseOf,
  debianTableError,
  installDebianTable,
  registerDebianTableLoader,
  runtimeLibrariesOf,
} from "./debian-tables";

const MB = 1e6;

function text(release: DebianRelease): string {
  return readFileSync(join(DEBIAN_TABLES_DIR, `debian-${release}.json`), "utf8");
}

/** The whole table, parsed as the JSON it also is (the engine reads it a row at a time instead). */
function whole(release: DebianRelease): DebianTableHeader & { rows: DebianTableRowWire[] } {
  return JSON.parse(text(release)) as DebianTableHeader & { rows: DebianTableRowWire[] };
}

describe.each(DEBIAN_TABLE_RELEASES.map((release) => ({ release })))("the $release table", ({ release }) => {
  const t = whole(release);
  const real = t.rows.filter((r): r is Extract<DebianTableRowWire, { length: 6 }> => r.length === 6);
  /** A row number that names a real package or a provided virtual name (not one only mentioned). */
  const resolves = (d: number): boolean => (t.rows[d]?.length ?? 1) > 1;

  it("says where it came from: the release's suites and their Release dates", () => {
    expect(t.source.suites.map((s) => s.suite)).toEqual(expect.arrayContaining([release, `${release}-security`]));
    for (const s of t.source.suites) expect(s.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("holds tens of thousands of packages with an Installed-Size (empty metapackages aside: under 0.5% are 0)", () => {
    // Debian main has ~59,000 (bullseye) to ~69,000 (trixie) amd64 packages.
    expect(real.length).toBeGreaterThan(50_000);
    expect(t.counts.real).toBe(real.length);
    expect(real.filter((r) => r[2] > 0).length / real.length).toBeGreaterThan(0.995);
  });

  it("resolves ≥ 99% of dependencies to a real package or a provided virtual name", () => {
    const edges = real.flatMap((r) => r[4]);
    expect(edges.filter(resolves).length / edges.length).toBeGreaterThan(0.99);
  });

  it("resolves ≥ 98% of Recommends (apt skips the rest: contrib, non-free or gone) and never repeats a Depends as a Recommends", () => {
    const edges = real.flatMap((r) => r[5]);
    expect(edges.filter(resolves).length / edges.length).toBeGreaterThan(0.98);
    expect(real.every((r) => r[5].every((d) => !r[4].includes(d)))).toBe(true);
  });

  it("lists every name once, sorted (the reader bisects them), with every provider a real package and every base name one", () => {
    const names = t.rows.map((r) => r[0]);
    expect(names.every((name, i) => i === 0 || (names[i - 1] ?? "") < name)).toBe(true);
    const isReal = new Set(real.map((r) => r[0]));
    const providers = t.rows.flatMap((r) => (r.length === 2 ? r[1] : []));
    expect(providers.every((p) => t.rows[p]?.length === 6)).toBe(true);
    expect([...t.base.packages, ...t.base.minbase].filter((name) => !isReal.has(name))).toEqual([]);
  });

  it("has a python slim base set holding apt, dpkg and libc6 and the release's own libssl", () => {
    const base = debianBasePackages(release);
    expect([...base]).toEqual(expect.arrayContaining(["apt", "dpkg", "libc6", "ca-certificates", "tzdata", "netbase"]));
    expect(base.has({ bullseye: "libssl1.1", bookworm: "libssl3", trixie: "libssl3t64" }[release])).toBe(true);
    expect(t.base.method).toMatch(/Priority: required/);
  });
});

describe("names per release", () => {
  it.each([
    { name: "libssl3 is a package in bookworm", pkg: "libssl3", release: "bookworm", exists: true, real: "libssl3" },
    // apt-get install libssl3 on trixie selects libssl3t64 (its only provider): it installs, under another name.
    { name: "libssl3 is only a virtual name in trixie", pkg: "libssl3", release: "trixie", exists: true, real: "libssl3t64" },
    { name: "libssl3t64 is not in bookworm", pkg: "libssl3t64", release: "bookworm", exists: false, real: null },
    { name: "libffi8 is not in bullseye", pkg: "libffi8", release: "bullseye", exists: false, real: null },
    { name: "libffi7 is bullseye's", pkg: "libffi7", release: "bullseye", exists: true, real: "libffi7" },
    { name: "libffi7 is gone in trixie", pkg: "libffi7", release: "trixie", exists: false, real: null },
    { name: "libgl1-mesa-glx is gone in trixie", pkg: "libgl1-mesa-glx", release: "trixie", exists: false, real: null },
    { name: "a pin, arch and target release are ignored", pkg: "libpq-dev=17.0-1:amd64", release: "trixie", exists: true, real: "libpq-dev" },
    { name: "a virtual -dev name resolves to its provider", pkg: "libxslt-dev", release: "bookworm", exists: true, real: "libxslt1-dev" },
    // apt refuses a virtual name with several providers ("You should explicitly select one to install").
    { name: "a virtual name with several providers does not install", pkg: "mail-transport-agent", release: "trixie", exists: false, real: "courier-mta" },
    { name: "a name no release has", pkg: "cowsay-deluxe", release: "trixie", exists: false, real: null },
  ] as const)("$name", ({ pkg, release, exists, real }) => {
    expect(debianPackageExists(pkg, release)).toBe(exists);
    expect(debianPackage(pkg, release)?.name ?? null).toBe(real);
  });

  it("says which names are virtual and who provides them", () => {
    expect(debianNameKind("libssl3", "trixie")).toEqual({ kind: "virtual", providers: ["libssl3t64"] });
    expect(debianNameKind("libssl3", "bookworm")).toEqual({ kind: "real" });
    expect(debianNameKind("libssl3", "bullseye")).toBeNull();
  });

  it("gives a package's facts with a citation of the release's lists", () => {
    const make = debianPackage("make", "bookworm");
    expect(make?.installedBytes).toBeGreaterThan(0);
    expect(make?.version).toMatch(/^4\./); // GNU make 4.3 in bookworm
    expect(make?.source).toMatchObject({ table: "system-packages", key: "debian-bookworm:make" });
    expect(make?.source.source).toMatch(/bookworm-security/);
    expect(debianPackage("libssl3", "trixie")?.source.note).toMatch(/virtual name in trixie; libssl3t64 provides it/);
  });
});

describe("debianInstallClosure", () => {
  it.each(DEBIAN_TABLE_RELEASES.map((release) => ({ release })))("gcc on $release-slim: 100–250 MB with cpp and binutils", ({ release }) => {
    // gcc's closure (cpp, binutils, libgcc-N-dev, libisl, libmpc …) was 175–190 MB in the hand-made rows.
    const c = debianInstallClosure(["gcc"], release, debianBasePackages(release));
    expect(c.bytes).toBeGreaterThan(100 * MB);
    expect(c.bytes).toBeLessThan(250 * MB);
    expect(c.added).toEqual(expect.arrayContaining(["gcc", "cpp", "binutils"]));
    expect(c.added).not.toContain("libc6"); // in the base
    expect(c.unknown).toEqual([]);
  });

  // What apt itself installs: `apt-get install -s --no-install-recommends PKG` against the release's lists
  // with a dpkg status holding the base set's records (2026-12-02). The resolver matched apt on all 21
  // cases tried (curl, gcc, libpq-dev, build-essential, git, libgl1, libglib2.0-0 × three releases).
  it.each([
    {
      pkg: "curl", release: "trixie",
      apt: "curl libbrotli1 libcom-err2 libcurl4t64 libgnutls30t64 libgssapi-krb5-2 libidn2-0 libk5crypto3 libkeyutils1 libkrb5-3 libkrb5support0 libldap2 libnghttp2-14 libnghttp3-9 libp11-kit0 libpsl5t64 librtmp1 libsasl2-2 libsasl2-modules-db libssh2-1t64 libtasn1-6 libunistring5",
    },
    {
      pkg: "gcc", release: "bookworm",
      apt: "binutils binutils-common binutils-x86-64-linux-gnu cpp cpp-12 gcc gcc-12 libasan8 libatomic1 libbinutils libcc1-0 libctf-nobfd0 libctf0 libgcc-12-dev libgomp1 libgprofng0 libisl23 libitm1 libjansson4 liblsan0 libmpc3 libmpfr6 libquadmath0 libtsan2 libubsan1",
    },
    { pkg: "libpq-dev", release: "bullseye", apt: "libldap-2.4-2 libpq-dev libpq5 libsasl2-2 libsasl2-modules-db" },
  ] as const)("$pkg on $release-slim installs what apt-get -s installs", ({ pkg, release, apt }) => {
    expect(debianInstallClosure([pkg], release, debianBasePackages(release)).added.sort()).toEqual(apt.split(" "));
  });

  // What a plain `apt-get install -s PKG` (Recommends on, apt's default) installs against the same lists and
  // dpkg status (2026-12-02): the resolver with `recommends` matched apt on 22 of 24 cases (curl, gcc,
  // libpq-dev, build-essential, git, libgl1, libglib2.0-0, python3-pip × three releases); the two others
  // (build-essential, python3-pip on bookworm) add lsb-base, 12 KiB, which apt takes as provided by the
  // base's sysvinit-utils (the resolver reads Provides only for purely virtual names).
  it.each([
    {
      pkg: "curl", release: "trixie",
      apt: "bash-completion curl krb5-locales libbrotli1 libcom-err2 libcurl4t64 libgnutls30t64 libgssapi-krb5-2 libidn2-0 libk5crypto3 libkeyutils1 libkrb5-3 libkrb5support0 libldap-common libldap2 libnghttp2-14 libnghttp3-9 libp11-kit0 libpsl5t64 librtmp1 libsasl2-2 libsasl2-modules libsasl2-modules-db libssh2-1t64 libtasn1-6 libunistring5 publicsuffix",
    },
    { pkg: "libpq-dev", release: "bookworm", apt: "libldap-2.5-0 libldap-common libpq-dev libpq5 libsasl2-2 libsasl2-modules libsasl2-modules-db libssl-dev" },
    { pkg: "libpq-dev", release: "bullseye", apt: "libldap-2.4-2 libldap-common libpq-dev libpq5 libsasl2-2 libsasl2-modules libsasl2-modules-db" },
  ] as const)("with Recommends, $pkg on $release-slim installs what a plain apt-get -s installs", ({ pkg, release, apt }) => {
    expect(debianInstallClosure([pkg], release, debianBasePackages(release), { recommends: true }).added.sort()).toEqual(apt.split(" "));
  });

  it("walks the Recommends of recommended packages, and their Depends (apt does: git → ssh-client → xauth)", () => {
    // bookworm: git Recommends ssh-client (provided by openssh-client), which Recommends xauth, which
    // Depends on libxmuu1 (apt-cache show git openssh-client xauth; apt-get -s install git installs all three).
    const base = debianBasePackages("bookworm");
    const plain = debianInstallClosure(["git"], "bookworm", base, { recommends: true }).added;
    expect(plain).toEqual(expect.arrayContaining(["openssh-client", "xauth", "libxmuu1"]));
    const flagged = debianInstallClosure(["git"], "bookworm", base).added;
    for (const name of ["openssh-client", "xauth", "libxmuu1"]) expect(flagged).not.toContain(name);
  });

  it("weighs what --no-install-recommends leaves out: the packages only the Recommends bring, biggest first", () => {
    const base = debianBasePackages("trixie");
    const weight = debianRecommendsWeight(["curl"], "trixie", base);
    const without = new Set(debianInstallClosure(["curl"], "trixie", base).added);
    const withRecs = debianInstallClosure(["curl"], "trixie", base, { recommends: true });
    expect(weight?.packages.map((p) => p.name).sort()).toEqual(withRecs.added.filter((n) => !without.has(n)).sort());
    // Each size is the package's own row; the total is the difference of the two closures.
    for (const p of weight?.packages ?? []) expect(p.bytes).toBe(debianPackage(p.name, "trixie")?.installedBytes);
    expect(weight?.bytes).toBe(withRecs.bytes - debianInstallClosure(["curl"], "trixie", base).bytes);
    const sizes = weight?.packages.map((p) => p.bytes) ?? [];
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it("libpq-dev on trixie pulls libpq5, not what the base already has", () => {
    const c = debianInstallClosure(["libpq-dev"], "trixie", debianBasePackages("trixie"));
    expect(c.added).toEqual(expect.arrayContaining(["libpq-dev", "libpq5", "libssl-dev"]));
    expect(c.added).not.toContain("libssl3t64");
  });

  it("counts a package installed earlier once: its bytes and its dependencies are present", () => {
    const base = debianBasePackages("bookworm");
    const gcc = debianInstallClosure(["gcc"], "bookworm", base);
    const both = debianInstallClosure(["gcc", "g++"], "bookworm", base);
    const gxxAfter = debianInstallClosure(["g++"], "bookworm", new Set([...base, ...gcc.added]));
    expect(both.bytes).toBe(gcc.bytes + gxxAfter.bytes);
    expect(gxxAfter.added).not.toContain("cpp");
  });

  it("lists names the release lacks as unknown and still weighs the rest", () => {
    const c = debianInstallClosure(["libffi8", "make"], "bullseye", debianBasePackages("bullseye"));
    expect(c.unknown).toEqual(["libffi8"]);
    expect(c.added).toEqual(["make"]);
    expect(c.bytes).toBe(debianPackage("make", "bullseye")?.installedBytes);
  });

  it("a package already in the base adds nothing", () => {
    expect(debianInstallClosure(["ca-certificates"], "trixie", debianBasePackages("trixie"))).toMatchObject({ added: [], bytes: 0, unknown: [] });
  });
});

describe("runtimeLibrariesOf", () => {
  it.each([
    { dev: "libpq-dev", release: "trixie", libs: ["libpq5"] },
    { dev: "libpq-dev", release: "bookworm", libs: ["libpq5"] },
    { dev: "libffi-dev", release: "bookworm", libs: ["libffi8"] },
    { dev: "libffi-dev", release: "bullseye", libs: ["libffi7"] },
    { dev: "libssl-dev", release: "bookworm", libs: ["libssl3"] },
    { dev: "libssl-dev", release: "trixie", libs: ["libssl3t64"] },
    { dev: "libssl-dev", release: "bullseye", libs: ["libssl1.1"] },
    { dev: "libxml2-dev", release: "trixie", libs: ["libxml2"] },
    // Wrappers: libjpeg-dev → libjpeg62-turbo-dev → libjpeg62-turbo; the MySQL one is three levels deep.
    { dev: "libjpeg-dev", release: "trixie", libs: ["libjpeg62-turbo"] },
    { dev: "default-libmysqlclient-dev", release: "bookworm", libs: ["libmariadb3"] },
    { dev: "cowsay-dev", release: "trixie", libs: [] },
  ] as const)("$dev on $release → $libs", ({ dev, release, libs }) => {
    expect(runtimeLibrariesOf(dev, release)).toEqual(libs);
  });

  it("libcairo2-dev stands for libcairo2 (and cairo's other shared libraries)", () => {
    expect(runtimeLibrariesOf("libcairo2-dev", "trixie")).toContain("libcairo2");
    expect(runtimeLibrariesOf("libcairo2-dev", "trixie").every((l) => !l.endsWith("-dev"))).toBe(true);
  });
});

describe("debianReleaseOf", () => {
  it.each([
    { distro: "bookworm", release: "bookworm", standIn: null },
    { distro: "trixie", release: "trixie", standIn: null },
    { distro: "bullseye", release: "bullseye", standIn: null },
    { distro: "buster", release: "bullseye", standIn: /no buster table.*bullseye/ },
    { distro: "forky", release: "trixie", standIn: /no forky table.*trixie/ },
  ] as const)("$distro → $release", ({ distro, release, standIn }) => {
    const r = debianReleaseOf(distro);
    expect(r?.release).toBe(release);
    if (standIn === null) expect(r?.standIn).toBeNull();
    else expect(r?.standIn).toMatch(standIn);
  });

  it.each([{ distro: "noble" }, { distro: "alpine3.20" }, { distro: null }])("$distro is not Debian: null", ({ distro }) => {
    expect(debianReleaseOf(distro)).toBeNull();
  });
});

describe("installing a table", () => {
  afterEach(() => {
    clearDebianTables();
    registerDebianTablesFromDisk();
  });

  // The file's text with one thing changed: string edits, or a row replaced and the file printed again
  // (block offsets recomputed), for a row that is damaged in a file that is otherwise whole.
  const good = text("bullseye");
  const parsed = whole("bullseye");
  const rowCount = parsed.rows.length;
  const make = parsed.rows.findIndex((r) => r[0] === "make");
  const withMake = (change: (row: unknown[]) => unknown[]): string => printDebianTable({
    header: parsed,
    rows: parsed.rows.map((r, i) => (i === make ? (change([...r]) as DebianTableRowWire) : r)),
  });
  const makeLine = /^\["make",/m;

  it.each<{ name: string; damage: () => unknown; error: RegExp; release?: DebianRelease }>([
    { name: "not the file's text", damage: (): unknown => ({ schema: 3 }), error: /Debian bullseye table: not the table file's text/ },
    { name: "not a table", damage: (): unknown => "nope", error: /Debian bullseye table/ },
    { name: "another schema version", damage: (): unknown => good.replace('"schema":3', '"schema":4'), error: /schema: Invalid type/ },
    { name: "a schema-2 table (one line of columns)", damage: (): unknown => '{"schema":2,"release":"bullseye","names":[]}\n', error: /schema 2, not the schema 3/ },
    { name: "a schema-1 table (no Recommends)", damage: (): unknown => '{"schema":1,"release":"bullseye"}', error: /schema 1, not the schema 3/ },
    { name: "another release", damage: (): unknown => good, release: "bookworm", error: /holds bullseye, not bookworm/ },
    { name: "a file cut short", damage: (): unknown => good.slice(0, good.length / 2), error: /cut short/ },
    { name: "block offsets that do not match the rows", damage: (): unknown => good.replace(/"blocks":\[0,/, '"blocks":[0,0,'), error: /block offsets for \d+ rows/ },
  ])("rejects $name with a clear error, without throwing", ({ damage, error, release }) => {
    const result = installDebianTable(release ?? "bullseye", damage());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  // A damaged row is found when it is read (the rest of the table still answers), and said where it is.
  it.each<{ name: string; damaged: () => string; error: RegExp }>([
    { name: "a size that is not a number", damaged: () => withMake((r) => r.map((x, i) => (i === 2 ? String(x) : x))), error: /row \d+ \(line \d+\): 2: Invalid type: Expected number/ },
    { name: "a dependency out of range", damaged: () => withMake((r) => r.map((x, i) => (i === 4 ? [rowCount] : x))), error: /row \d+ \(line \d+\): a dependency is out of range/ },
    { name: "a recommends entry out of range", damaged: () => withMake((r) => r.map((x, i) => (i === 5 ? [rowCount] : x))), error: /a recommends entry is out of range/ },
    { name: "a row too short", damaged: () => withMake((r) => r.slice(0, 4)), error: /row \d+ \(line \d+\): not an array of 6/ },
    // Same length: the block offsets still hold, the row does not parse.
    { name: "a row that is not JSON", damaged: () => good.replace(makeLine, '["make";'), error: /row \d+ \(line \d+\): not JSON/ },
    // Every later block offset now points into the wrong line: the lookup notices, and says so.
    { name: "a line removed", damaged: () => good.replace(/^\["m.*\n/m, ""), error: /does not point at the start of a line|are not 64 whole lines where the block offsets say/ },
  ])("reads past $name: that package is unknown, the others answer, and the error names the line", ({ damaged, error }) => {
    clearDebianTables();
    registerDebianTableLoader(() => null);
    expect(installDebianTable("bullseye", damaged())).toMatchObject({ ok: true });
    expect(debianPackage("make", "bullseye")).toBeNull();
    expect(debianTableError("bullseye")).toMatch(error);
    // A package in an earlier block, which the damage does not reach.
    expect(debianPackage("gcc", "bullseye")?.name).toBe("gcc");
  });

  it("a damaged table from the loader leaves the release unknown, and says why", () => {
    clearDebianTables();
    registerDebianTableLoader((release) => (release === "trixie" ? '{"schema":1}' : readDebianTable(release)));
    expect(debianPackage("make", "trixie")).toBeNull();
    expect(debianInstallClosure(["make"], "trixie", new Set())).toMatchObject({ added: [], bytes: 0, unknown: ["make"] });
    expect(debianTableError("trixie")).toMatch(/Debian trixie table/);
    expect(debianPackage("make", "bookworm")).not.toBeNull();
  });

  it("a loader that throws leaves the release unknown", () => {
    clearDebianTables();
    registerDebianTableLoader(() => {
      throw new Error("disk on fire");
    });
    expect(debianPackageExists("make", "bookworm")).toBe(false);
    expect(debianTableError("bookworm")).toMatch(/disk on fire/);
  });
});
