import { describe, expect, it } from "vitest";
import { DEBIAN_PACKAGES } from "./data/system-packages";
import { debianBasePackages, debianInstallClosure } from "./debian-tables";
import {
  alpineBuildBaseClosure,
  alpineBuildBaseClosureSource,
  cleanAlpineName,
  cleanDebianName,
  debianSlimBase,
  findAlpinePackage,
  findDebianPackage,
} from "./system-packages";

describe("findDebianPackage", () => {
  it.each([
    { name: "trixie row", pkg: "libpq-dev", suite: "trixie", key: "trixie:libpq-dev", closureKiB: 18541, says: null },
    { name: "bookworm row", pkg: "build-essential", suite: "bookworm", key: "bookworm:build-essential", closureKiB: 258293, says: null },
    { name: "version pin and arch stripped", pkg: "gcc=4:14.2.0-1", suite: "trixie", key: "trixie:gcc", closureKiB: 186191, says: null },
    { name: "bullseye falls back to bookworm", pkg: "libpq-dev", suite: "bullseye", key: "bookworm:libpq-dev", closureKiB: 14504, says: /no bullseye figures; bookworm/ },
    { name: "buster falls back to bookworm", pkg: "gcc", suite: "buster", key: "bookworm:gcc", closureKiB: 174841, says: /no buster figures/ },
    { name: "newer suites fall back to trixie", pkg: "gcc", suite: "forky", key: "trixie:gcc", closureKiB: 186191, says: /trixie's/ },
    { name: "not a Debian suite", pkg: "curl", suite: "noble", key: "bookworm:curl", closureKiB: 3724, says: /noble is not a Debian suite/ },
    { name: "virtual name", pkg: "libxslt-dev", suite: "trixie", key: "trixie:libxslt1-dev", closureKiB: 10519, says: /virtual package/ },
    { name: "transitional name", pkg: "libgl1-mesa-glx", suite: "bookworm", key: "bookworm:libgl1", closureKiB: 210581, says: /transitional/ },
    { name: "already in the slim base", pkg: "ca-certificates", suite: "trixie", key: "trixie:ca-certificates", closureKiB: 0, says: null },
  ])("$name", ({ pkg, suite, key, closureKiB, says }) => {
    const match = findDebianPackage(pkg, suite);
    expect(match?.row.key).toBe(key);
    expect(match?.closureBytes).toBe(closureKiB * 1024);
    if (says === null) expect(match?.assumption).toBeNull();
    else expect(match?.assumption).toMatch(says);
  });

  it("is null for a package not in the table", () => {
    expect(findDebianPackage("cowsay", "trixie")).toBeNull();
  });

  it("keeps the closure list so packages installed together count once", () => {
    expect(findDebianPackage("libpq-dev", "trixie")?.row.closureList).toEqual(expect.arrayContaining(["libpq5", "libpq-dev"]));
  });

  it("cites the Debian archive read and its date", () => {
    expect(findDebianPackage("make", "trixie")?.source).toMatchObject({ table: "system-packages", key: "trixie:make", date: "2026-11-28" });
  });
});

describe("findAlpinePackage", () => {
  it.each([
    { name: "x86_64, newest branch", pkg: "gcc", key: "gcc@v3.24/x86_64", bytes: 167667302, says: null },
    { name: "x86_64 preferred over a newer proxy", pkg: "libmagic", key: "libmagic@v3.24/x86_64", bytes: 10800333, says: null },
    { name: "proxy flagged, x86 preferred among one branch", pkg: "g++", key: "g++@v3.24/x86", bytes: 50751078, says: /no x86_64 figure for g\+\+; the x86 v3.24/ },
    { name: "postgresql-dev → libpq-dev", pkg: "postgresql-dev", key: "libpq-dev@v3.24/x86", bytes: 1782579, says: /libpq-dev .* stands in/ },
    { name: "jpeg-dev → libjpeg-turbo-dev", pkg: "jpeg-dev", key: "libjpeg-turbo-dev@v3.24/x86_64", bytes: 217293, says: /provided by libjpeg-turbo-dev/ },
    { name: "mariadb-dev → connector", pkg: "mariadb-dev", key: "mariadb-connector-c-dev@v3.24/x86", bytes: 196608, says: /mariadb-connector-c-dev/ },
    { name: "libc-dev → musl-dev", pkg: "libc-dev", key: "musl-dev@v3.24/x86_64", bytes: 9856614, says: /metapackage/ },
    { name: "version constraint stripped", pkg: "openssl-dev>3", key: "openssl-dev@v3.24/x86_64", bytes: 1992294, says: null },
    { name: "looked for, not found", pkg: "bash", key: "bash@?/x86_64", bytes: null, says: /no installed size found/ },
  ])("$name", ({ pkg, key, bytes, says }) => {
    const match = findAlpinePackage(pkg);
    expect(match?.row.key).toBe(key);
    expect(match?.installedBytes).toBe(bytes);
    if (says === null) expect(match?.assumption).toBeNull();
    else expect(match?.assumption).toMatch(says);
  });

  it("is null for a package not in the table", () => {
    expect(findAlpinePackage("cowsay")).toBeNull();
  });
});

describe("closures and bases", () => {
  it("build-base on Alpine is the summed closure with its caveats", () => {
    expect(alpineBuildBaseClosure().installedBytes).toBe(283802322);
    expect(alpineBuildBaseClosure().missing).toEqual(["libc-dev"]);
    expect(alpineBuildBaseClosureSource().note).toMatch(/NOT an apk resolution/);
  });

  it.each([
    { name: "trixie", suite: "trixie", kib: 135316, packages: 106 },
    { name: "bookworm", suite: "bookworm", kib: 188332, packages: 126 },
  ] as const)("the $name slim base approximation", ({ suite, kib, packages }) => {
    expect(debianSlimBase(suite)).toMatchObject({ kib, packages });
  });
});

describe("argument cleaning", () => {
  it.each([
    { name: "debian pin", input: "libpq-dev=17.12-0+deb13u1", out: "libpq-dev", clean: cleanDebianName },
    { name: "debian arch", input: "libc6-dev:amd64", out: "libc6-dev", clean: cleanDebianName },
    { name: "debian release", input: "curl/bookworm-backports", out: "curl", clean: cleanDebianName },
    { name: "apk pin", input: "gcc=15.2.0-r2", out: "gcc", clean: cleanAlpineName },
    { name: "apk tag", input: "py3-pip@testing", out: "py3-pip", clean: cleanAlpineName },
    { name: "apk fuzzy", input: "openssl~3.5", out: "openssl", clean: cleanAlpineName },
  ])("$name", ({ input, out, clean }) => {
    expect(clean(input)).toBe(out);
  });
});

describe("the hand-made Debian rows against the release tables", () => {
  // Two methods, one answer: the rows were apt simulations on an approximated python:3.12-slim (2026-11-28);
  // the release tables close Depends over a base set checked against the real images' package lists.
  const compared = DEBIAN_PACKAGES.filter((row) => row.closureOnSlimKiB !== null && row.closureOnSlimKiB > 0).map((row) => {
    const c = debianInstallClosure([row.package], row.suite, debianBasePackages(row.suite));
    return { key: row.key, suite: row.suite, added: c.added, ratio: c.bytes / 1024 / (row.closureOnSlimKiB ?? 1) };
  });

  it("agree within 10% on at least 90% of the closures", () => {
    const close = compared.filter((c) => Math.abs(c.ratio - 1) <= 0.1);
    expect(close.length / compared.length).toBeGreaterThanOrEqual(0.9);
  });

  it("differ only where the old base model held packages the real slim images lack", () => {
    // python:3.12-slim-trixie has no Kerberos libraries and python:3.12-slim-bookworm only perl-base, not
    // perl (repo-info lists, see scripts/debian-tables.ts); the old model counted both as present.
    const lacking = { trixie: "libkrb5-3", bookworm: "perl" } as const;
    const far = compared.filter((c) => Math.abs(c.ratio - 1) > 0.1);
    expect(far.length).toBeGreaterThan(0);
    for (const c of far) expect(c.added, c.key).toContain(lacking[c.suite]);
    expect(debianBasePackages("trixie").has("libkrb5-3")).toBe(false);
    expect(debianBasePackages("bookworm").has("perl")).toBe(false);
  });
});
