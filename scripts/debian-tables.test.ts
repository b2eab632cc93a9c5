// The generator's readers: Depends fields, Packages stanzas (newest version wins), dpkg's version order
// (cases from deb-version(7) and dpkg's own test suite), and a table built from a small list.
import { describe, expect, it } from "vitest";
import { buildTable, parseDependsField, parsePackages } from "./debian-tables";
import { compareDebianVersions } from "./debian-version";
import { clearDebianTables, debianBasePackages, debianPackage } from "../src/engine/knowledge/debian-tables";
import { registerDebianTablesFromDisk } from "../src/node/load-tables";
import { readDebianTableText } from "../src/engine/knowledge/debian-table-reader";
import { printDebianTable } from "../src/engine/knowledge/debian-table-schema";

describe("parseDependsField", () => {
  it.each([
    { name: "versions dropped", field: "libc6 (>= 2.34), zlib1g (>= 1:1.1.4)", deps: ["libc6", "zlib1g"] },
    { name: "first alternative of a group", field: "debconf (>= 0.5) | debconf-2.0, perl", deps: ["debconf", "perl"] },
    { name: ":any dropped", field: "python3:any (>= 3.11), perl:any", deps: ["python3", "perl"] },
    { name: "a preferred alternative wins (merged /usr)", field: "perl-base (>= 5.20.1-3~), usrmerge | usr-is-merged", deps: ["perl-base", "usr-is-merged"] },
    { name: "empty", field: "", deps: [] },
  ])("$name", ({ field, deps }) => {
    expect(parseDependsField(field)).toEqual(deps);
  });
});

describe("compareDebianVersions", () => {
  it.each([
    { a: "1.0", b: "1.0", sign: 0 },
    { a: "1.0-1", b: "1.0-2", sign: -1 },
    { a: "1:1.0", b: "2.0", sign: 1 }, // an epoch outranks everything
    { a: "1.0~rc1", b: "1.0", sign: -1 }, // ~ sorts before the end
    { a: "3.5.9-1~deb13u1", b: "3.5.9-1", sign: -1 },
    { a: "1.0a", b: "1.0", sign: 1 },
    { a: "1.0+b1", b: "1.0", sign: 1 },
    { a: "1.10", b: "1.9", sign: 1 }, // digits compare as numbers
    { a: "2.41-12+deb13u5", b: "2.41-12+deb13u4", sign: 1 },
  ])("$a vs $b", ({ a, b, sign }) => {
    expect(Math.sign(compareDebianVersions(a, b))).toBe(sign);
  });
});

const LIST = `Package: libc6
Version: 2.36-9
Installed-Size: 12000
Priority: required
Section: libs

Package: apt
Version: 2.6.1
Installed-Size: 4000
Priority: required
Section: admin
Depends: libc6 (>= 2.34),
 libapt-pkg6.0 (>= 2.6.1)
Description: folded lines are joined

Package: libapt-pkg6.0
Version: 2.6.1
Installed-Size: 3000
Priority: required
Section: libs
Depends: libc6

Package: libssl3
Version: 3.0.1-1
Installed-Size: 6000
Section: libs
Depends: libc6

Package: libssl3
Version: 3.0.2-1
Installed-Size: 6100
Section: libs
Depends: libc6
Provides: libssl-abi

Package: ca-certificates
Version: 20230311
Installed-Size: 400
Section: misc
Depends: openssl-ish | openssl
Recommends: tzdata (>= 2020) | tzdata-legacy, openssl-ish

Package: netbase
Version: 6.4
Installed-Size: 40
Section: admin

Package: tzdata
Version: 2025a
Installed-Size: 3000
Section: localization

Package: adduser
Version: 3.134
Installed-Size: 800
Section: admin
`;

describe("parsePackages and buildTable", () => {
  const records = parsePackages(LIST);

  it("keeps the newest version of a package listed twice (release + security)", () => {
    expect(records.get("libssl3")).toMatchObject({ version: "3.0.2-1", kib: 6100, provides: ["libssl-abi"] });
  });

  it("joins folded Depends lines", () => {
    expect(records.get("apt")?.depends).toEqual(["libc6", "libapt-pkg6.0"]);
  });

  it("reads Recommends: first alternative, versions dropped, a name already depended on left out", () => {
    expect(records.get("ca-certificates")).toMatchObject({ depends: ["openssl-ish"], recommends: ["tzdata"] });
    expect(records.get("apt")?.recommends).toEqual([]);
  });

  it("builds a table whose base set is the required closure plus the seeds found", () => {
    // The bookworm seeds name CPython libraries this small list lacks: the builder must refuse, not guess.
    expect(() => buildTable("bookworm", records, [{ suite: "bookworm", date: "2026-01-01" }], "2026-01-02")).toThrow(/base seeds not in the lists: .*libffi8/);
    clearDebianTables();
    registerDebianTablesFromDisk();
  });

  it("lists every name once in sorted order (real, virtual and only-mentioned alike); base = required closure + seeds", () => {
    const t = buildTable("bookworm", records, [{ suite: "bookworm", date: "2026-01-01" }], "2026-01-02", ["ca-certificates", "netbase"]);
    const names = t.rows.map((r) => r[0]);
    expect(names).toEqual(["adduser", "apt", "ca-certificates", "libapt-pkg6.0", "libc6", "libssl-abi", "libssl3", "netbase", "openssl-ish", "tzdata"]);
    // What each name is, by its row's shape: 6 entries a package, 2 a virtual name (and its providers), 1 only mentioned.
    expect(Object.fromEntries(t.rows.filter((r) => r.length !== 6).map((r) => [r[0], r.length]))).toEqual({ "libssl-abi": 2, "openssl-ish": 1 });
    expect(t.header.base.packages).toEqual(["apt", "ca-certificates", "libapt-pkg6.0", "libc6", "netbase"]);
    const row = (name: string) => t.rows[names.indexOf(name)];
    expect(row("libssl3")?.[2]).toBe(6100);
    // Recommends go in their own field, and the base set (debootstrap, --no-install-recommends) ignores them.
    const ca = row("ca-certificates");
    expect(ca?.length === 6 ? ca[5].map((i) => names[i]) : null).toEqual(["tzdata"]);
    expect(t.header.base.packages).not.toContain("tzdata");
    // The printed file reads back the same rows through the engine's reader.
    const read = readDebianTableText("bookworm", printDebianTable(t));
    expect(read.ok && names.map((name) => read.reader.find(name))).toEqual(names.map((_, i) => i));
    clearDebianTables();
    registerDebianTablesFromDisk();
  });

  it("the shipped tables answer after the builder ran", () => {
    expect(debianPackage("apt", "bookworm")).not.toBeNull();
    expect(debianBasePackages("bookworm").size).toBeGreaterThan(50);
  });
});
