// The bundled tables themselves: unique keys, positive sizes where known, provenance on every row, and
// every image a rule may suggest present (STYLE 5).

import { describe, expect, it } from "vitest";
import { BASE_IMAGES, DISK_RATIOS } from "./data/base-images";
import { PYTHON_PACKAGES, UNKNOWN_PYTHON_PACKAGE } from "./data/python-packages";
import {
  ALPINE_BUILD_BASE_CLOSURE,
  ALPINE_PACKAGES,
  DEBIAN_PACKAGES,
  UNKNOWN_SYSTEM_PACKAGE,
} from "./data/system-packages";
import { TABLES_VERSION } from "./data/tables-version";
import { lookupBaseImage } from "./base-images";
import { parseImageRef } from "./image-ref";
import { suggestPythonVariant } from "./python-variants";
import { findAlpinePackage } from "./system-packages";
import { normalizePackageName } from "./python-packages";
import type { AlpinePackageRow, BaseImageRow, DebianPackageRow, PythonPackageRow } from "./types";

const baseRows: readonly BaseImageRow[] = BASE_IMAGES;
const packageRows: readonly PythonPackageRow[] = PYTHON_PACKAGES;
const debianRows: readonly DebianPackageRow[] = DEBIAN_PACKAGES;
const alpineRows: readonly AlpinePackageRow[] = ALPINE_PACKAGES;

const isDate = (d: unknown): boolean => d === null || (typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d));
const positiveOrNull = (n: number | null): boolean => n === null || (Number.isFinite(n) && n > 0);

function duplicates(keys: readonly string[]): string[] {
  return keys.filter((k, i) => keys.indexOf(k) !== i);
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

describe("tables", () => {
  it.each([
    { name: "base images", keys: baseRows.map((r) => r.key) },
    { name: "python packages", keys: packageRows.map((r) => r.name) },
    { name: "debian packages", keys: debianRows.map((r) => r.key) },
    { name: "alpine packages", keys: alpineRows.map((r) => r.key) },
  ])("$name have unique keys", ({ keys }) => {
    expect(keys.length).toBeGreaterThan(0);
    expect(duplicates(keys)).toEqual([]);
  });

  it.each([
    { name: "base images", rows: baseRows.map((r) => ({ key: r.key, source: r.sources[0] ?? "", date: r.date })) },
    { name: "python packages", rows: packageRows.map((r) => ({ key: r.name, source: r.source, date: r.date })) },
    { name: "debian packages", rows: debianRows.map((r) => ({ key: r.key, source: r.source, date: r.date })) },
    { name: "alpine packages", rows: alpineRows.map((r) => ({ key: r.key, source: r.source, date: r.date })) },
  ])("every row of $name has a source and a date or an explicit null", ({ rows }) => {
    expect(rows.filter((r) => r.source.trim() === "").map((r) => r.key)).toEqual([]);
    expect(rows.filter((r) => !isDate(r.date)).map((r) => r.key)).toEqual([]);
  });

  it.each([
    { name: "base compressed", values: baseRows.map((r) => r.compressedBytes) },
    { name: "base disk", values: baseRows.map((r) => r.diskBytes) },
    { name: "wheel", values: packageRows.map((r) => r.wheelBytes) },
    { name: "musllinux wheel", values: packageRows.map((r) => r.musllinuxWheelBytes) },
    { name: "sdist", values: packageRows.map((r) => r.sdistBytes) },
    { name: "installed", values: packageRows.map((r) => r.installedBytes) },
    { name: "debian own", values: debianRows.map((r) => r.installedSizeKiB) },
    { name: "alpine installed", values: alpineRows.map((r) => r.installedBytes) },
  ])("$name sizes are positive where known", ({ values }) => {
    expect(values.filter((v) => !positiveOrNull(v))).toEqual([]);
  });

  it("debian closures are non-negative and list as many packages as they count", () => {
    // 0 is real: libstdc++6 and ca-certificates are already in the slim base.
    for (const row of debianRows) {
      expect(row.closureOnSlimKiB === null || row.closureOnSlimKiB >= 0, row.key).toBe(true);
      expect(row.closureList?.length ?? null, row.key).toBe(row.closurePackages);
    }
  });
});

describe("base images", () => {
  it("aliases point at a row of the same era with the same numbers", () => {
    for (const row of baseRows.filter((r) => r.aliasOf !== null)) {
      const target = baseRows.find((r) => r.ref === row.aliasOf && r.era === row.era);
      expect(target, row.key).toBeDefined();
      expect([target?.compressedBytes, target?.diskBytes]).toEqual([row.compressedBytes, row.diskBytes]);
    }
  });

  it("derived disk sizes are compressed × the stated ratio, and only where none was published", () => {
    const ratios = new Set<number>(DISK_RATIOS.map((r) => r.ratio));
    for (const row of baseRows.filter((r) => r.diskDerived)) {
      expect(row.diskRatio, row.key).not.toBeNull();
      expect(ratios.has(row.diskRatio ?? -1), row.key).toBe(true);
      expect(row.diskBytes).toBe(Math.round((row.compressedBytes ?? NaN) * (row.diskRatio ?? NaN)));
    }
    expect(baseRows.filter((r) => !r.diskDerived && r.diskRatio !== null)).toEqual([]);
  });

  it.each([
    { name: "python:3.12 (published)", ref: "python:3.12", disk: 1110000000, derived: false },
    { name: "debian:trixie (derived)", ref: "debian:trixie", disk: Math.round(49312314 * 2.65), derived: true },
    // Ubuntu publishes no on-disk size for any tag: the glibc OS ratio (debian:bookworm-slim's) stands in.
    { name: "ubuntu:24.04 (the glibc OS images' ratio)", ref: "ubuntu:24.04", disk: Math.round(29764116 * 2.65), derived: true },
    { name: "chainguard (no size at all)", ref: "cgr.dev/chainguard/python:latest-dev", disk: null, derived: false },
  ])("$name", ({ ref, disk, derived }) => {
    const row = baseRows.find((r) => r.ref === ref && r.era === "current");
    expect([row?.diskBytes, row?.diskDerived]).toEqual([disk, derived]);
  });

  it.each(["gcr.io/distroless/python3-debian12:latest", "gcr.io/distroless/python3-debian13:latest"])(
    "%s is sized from its Debian packages, about what distroless is said to weigh (~50 MB)",
    (ref) => {
      const row = baseRows.find((r) => r.ref === ref && r.era === "current");
      expect(row?.diskBasis).toMatch(/Installed-Size of the \d+ packages/);
      expect(row?.diskBytes).toBeGreaterThan(45e6);
      expect(row?.diskBytes).toBeLessThan(70e6);
      // No pull size is kept that would be near the image's own size (a 2.7 ratio would make it ~135 MB).
      expect(row?.compressedBytes).toBeNull();
    },
  );

  const fullMinors = baseRows
    .filter((r) => r.era === "current" && r.image === "python" && r.variant === "full" && r.aliasOf === null)
    .filter((r) => /^\d+\.\d+(-rc)?$/.test(r.tag))
    .map((r) => ({ name: r.ref, ref: r.ref }));

  it.each(fullMinors.flatMap(({ name, ref }) => (["slim", "alpine"] as const).map((variant) => ({ name: `${name} → ${variant}`, ref, variant }))))(
    "$name: the image a rule would suggest is in the table",
    ({ ref, variant }) => {
      const parsed = parseImageRef(ref);
      const suggestion = parsed === null ? null : suggestPythonVariant(parsed, variant);
      expect(suggestion?.exact, suggestion?.text).toBe(true);
      expect(suggestion?.row?.compressedBytes ?? 0).toBeGreaterThan(0);
    },
  );

  it("the full-image list covers the current minors 3.10 to 3.14", () => {
    expect(fullMinors.map((m) => m.ref)).toEqual(
      expect.arrayContaining(["python:3.10", "python:3.11", "python:3.12", "python:3.13", "python:3.14"]),
    );
    expect(lookupBaseImage("python:3.12-slim")?.exact).toBe(true);
  });
});

describe("python packages", () => {
  it("names are PEP 503 normalised and every requirement is itself a row", () => {
    const names = new Set(packageRows.map((r) => r.name));
    expect(packageRows.filter((r) => normalizePackageName(r.name) !== r.name)).toEqual([]);
    expect(packageRows.flatMap((r) => r.requires.filter((q) => !names.has(q)))).toEqual([]);
  });

  it("an unknown installed size says so, and only then", () => {
    for (const row of packageRows) {
      expect(row.installedBytes === null, row.name).toBe(row.installedBasis === "unknown");
      if (row.installedBasis === "unknown") expect(row.installedNote ?? "", row.name).toMatch(/unknown/);
    }
  });

  it("h5py's data figure (the nearly empty python3-h5py) is not used", () => {
    const h5py = packageRows.find((r) => r.name === "h5py");
    expect([h5py?.installedBytes, h5py?.installedBasis]).toEqual([null, "unknown"]);
  });

  it("the unknown-package default is the median of the pure rows with both sizes", () => {
    const pure = packageRows.filter((r) => r.pure && r.installedBytes !== null && r.wheelBytes !== null);
    expect(UNKNOWN_PYTHON_PACKAGE.installedBytes).toBe(Math.round(median(pure.map((r) => r.installedBytes ?? 0))));
    expect(UNKNOWN_PYTHON_PACKAGE.wheelBytes).toBe(Math.round(median(pure.map((r) => r.wheelBytes ?? 0))));
    expect(UNKNOWN_PYTHON_PACKAGE.how).toContain(`${pure.length} pure-Python rows`);
  });
});

describe("system packages", () => {
  it("non-x86_64 Alpine rows are marked as proxies", () => {
    for (const row of alpineRows) expect(row.proxy, row.key).toBe(row.arch !== "x86_64");
  });

  it("the build-base closure is the sum of its parts", () => {
    const sum = ALPINE_BUILD_BASE_CLOSURE.parts.reduce((total, part) => total + part.installedBytes, 0);
    expect(sum).toBe(ALPINE_BUILD_BASE_CLOSURE.installedBytes);
    expect(ALPINE_BUILD_BASE_CLOSURE.installedBytes).toBe(283802322);
  });

  it("the unknown-package defaults match the lookups' own preferences", () => {
    const trixie = debianRows.filter((r) => r.suite === "trixie" && r.closureOnSlimKiB !== null);
    expect(UNKNOWN_SYSTEM_PACKAGE.debianClosureBytes).toBe(Math.round(median(trixie.map((r) => r.closureOnSlimKiB ?? 0)) * 1024));
    // One figure per package with any figure, chosen as findAlpinePackage chooses (x86_64, newest branch).
    const names = [...new Set(alpineRows.filter((r) => r.installedBytes !== null).map((r) => r.package))];
    const figures = names.map((n) => findAlpinePackage(n)?.installedBytes ?? NaN);
    expect(UNKNOWN_SYSTEM_PACKAGE.alpineInstalledBytes).toBe(Math.round(median(figures)));
  });
});

describe("TABLES_VERSION", () => {
  it("is the data date and 8 hex digits", () => {
    expect(TABLES_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}\.[0-9a-f]{8}$/);
  });
});
