// The size model for system packages and source builds: apt-get and its package indexes, apk with
// --virtual groups, Alpine (musl) builds of packages without a musllinux wheel, and glibc builds of
// packages with no Linux wheel at all. Expected numbers are table rows, read through the lookups.
import { describe, expect, it } from "vitest";
import { ASSUMPTIONS } from "./assumptions";
import { COMPILED_RATIO } from "./python-sizes";
import { debianBasePackages, debianInstallClosure, debianOsBasePackages, debianPackage } from "../knowledge";
import { alpineBytes, baseRow, closure, debianClosureBytes, estimate, installedBytes, layerAt, problemCodes, pythonRow, warningCodes } from "./test-support";

const SLIM = "python:3.12-slim";
const ALPINE = "python:3.12-alpine";

describe("apt-get", () => {
  const lists = ASSUMPTIONS.aptLists.value;
  const curl = debianClosureBytes("curl");

  it.each([
    { name: "update + install keeps the package indexes", run: "apt-get update && apt-get install -y --no-install-recommends curl", system: curl + lists },
    { name: "rm -rf /var/lib/apt/lists/* in the same RUN drops them", run: "apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*", system: curl },
    { name: "rm -rf /var/lib/apt/lists drops them too", run: "apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists", system: curl },
    { name: "apt-get clean alone does not (it empties /var/cache/apt, not the lists)", run: "apt-get update && apt-get install -y --no-install-recommends curl && apt-get clean", system: curl + lists },
    { name: "install without update", run: "apt-get install -y --no-install-recommends curl", system: curl },
  ])("$name", ({ run, system }) => {
    const e = estimate(`FROM ${SLIM}\nRUN ${run}\n`);
    expect(e.byCategory.system).toBe(system);
    expect(e.totalBytes).toBe(baseRow(SLIM).diskBytes + system);
  });

  it("removing the lists in a later RUN saves nothing, and says so", () => {
    const e = estimate(`FROM ${SLIM}\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN rm -rf /var/lib/apt/lists/*\n`);
    expect(e.byCategory.system).toBe(curl + lists);
    expect(layerAt(e, 2).deletedLaterBytes).toBe(lists);
    expect(e.warnings.map((w) => [w.code, w.line])).toEqual([["deleted-in-later-layer", 3]]);
  });

  it("compilers and -dev packages are build tools, not runtime packages", () => {
    const e = estimate(`FROM ${SLIM}\nRUN apt-get install -y --no-install-recommends gcc libpq-dev\n`);
    expect(e.byCategory.system).toBe(0);
    expect(e.byCategory.buildTools).toBeGreaterThan(0);
    expect(layerAt(e, 2).items.map((i) => [i.label, i.category])).toEqual([
      ["gcc (apt, with dependencies)", "buildTools"],
      ["libpq-dev (apt, with dependencies)", "buildTools"],
    ]);
  });

  it("apt-get on Alpine fails: nothing is added and the build check says why", () => {
    const e = estimate(`FROM ${ALPINE}\nRUN apt-get update && apt-get install -y curl\n`);
    expect(e.warnings).toEqual([]);
    expect(e.buildCheck.map((f) => [f.code, f.line, f.severity])).toEqual([["apt-on-alpine", 2, "error"]]);
    expect(e.totalBytes).toBe(baseRow(ALPINE).diskBytes);
  });
});

describe("apt-get weighed from the stage's Debian release table", () => {
  const MB = 1e6;
  const aptBytes = (from: string, packages: string): number =>
    estimate(`FROM ${from}\nRUN apt-get install -y --no-install-recommends ${packages}\n`).layers.at(-1)?.bytes ?? Number.NaN;

  it.each([
    { from: "python:3.12-slim-bookworm", release: "bookworm" },
    { from: "python:3.12-slim", release: "trixie" },
    { from: "python:3.9-slim-bullseye", release: "bullseye" },
  ] as const)("gcc on $from: 100–250 MB, the $release closure over the slim base", ({ from, release }) => {
    // gcc pulls cpp, binutils, libgcc-N-dev, libisl, libmpc …: 175–190 MB in the hand-made rows of 2026-11.
    const bytes = aptBytes(from, "gcc");
    expect(bytes).toBeGreaterThan(100 * MB);
    expect(bytes).toBeLessThan(250 * MB);
    expect(bytes).toBe(debianClosureBytes("gcc", release));
  });

  it("an image the tables lack reads the release its tag names, over that release's bare OS image", () => {
    const e = estimate("FROM nvidia/cuda:12.1.0-runtime-ubuntu22.04\nRUN apt-get install -y --no-install-recommends python3-pip\n");
    // jammy reads bookworm's table (the Ubuntu stand-in), and apt's python3 there is 3.10.
    expect(e.layers.at(-1)?.bytes).toBe(debianInstallClosure(["python3-pip"], "bookworm", debianOsBasePackages("bookworm")).bytes);
    expect(e.stages[0]?.pythonVersion).toBe("3.10");
    expect(e.assumptions.map((a) => a.id)).toEqual(expect.arrayContaining(["debian-release:jammy", "base-distro:1", ASSUMPTIONS.unknownBase.id]));
    // Without a release in the tag: the python slim image of the default release, as before.
    const plain = estimate("FROM nvidia/cuda:latest\nRUN apt-get install -y --no-install-recommends python3-pip\n");
    expect(plain.layers.at(-1)?.bytes).toBe(debianInstallClosure(["python3-pip"], "trixie", debianBasePackages("trixie")).bytes);
    expect(plain.stages[0]?.pythonVersion).toBeNull();
  });

  it("the release comes from the tag even when another release's row stands in for the image size", () => {
    // python:3.11-slim-bullseye has no row (python:3.11-slim, trixie, stands in) but apt runs on bullseye.
    expect(aptBytes("python:3.11-slim-bullseye", "make")).toBe(debianPackage("make", "bullseye")?.installedBytes);
  });

  it("a dependency shared by two installs is counted once", () => {
    const together = aptBytes("python:3.12-slim", "gcc g++");
    const apart = estimate("FROM python:3.12-slim\nRUN apt-get install -y --no-install-recommends gcc\nRUN apt-get install -y --no-install-recommends g++\n");
    expect(apart.byCategory.buildTools).toBe(together);
    expect(layerAt(apart, 3).bytes).toBeLessThan(debianClosureBytes("g++")); // cpp, binutils … came with gcc
  });

  it("libpq-dev on trixie brings libpq5 with it", () => {
    const e = estimate("FROM python:3.12-slim\nRUN apt-get install -y --no-install-recommends libpq-dev\n");
    const item = layerAt(e, 2).items[0];
    expect(item?.sources[0]?.note).toMatch(/libpq5/);
    expect(item?.bytes).toBe(debianInstallClosure(["libpq-dev"], "trixie", debianBasePackages("trixie")).bytes);
  });

  it.each([
    { name: "libssl3 on trixie is libssl3t64, already in the slim image", from: "python:3.12-slim", pkg: "libssl3", bytes: 0 },
    { name: "ca-certificates is in python slim", from: "python:3.12-slim-bookworm", pkg: "ca-certificates", bytes: 0 },
    { name: "gcc is in the full python image", from: "python:3.12", pkg: "gcc", bytes: 0 },
  ])("$name: adds nothing", ({ from, pkg, bytes }) => {
    expect(aptBytes(from, pkg)).toBe(bytes);
  });

  it("bare debian:<release>-slim lacks ca-certificates: it is weighed", () => {
    expect(debianOsBasePackages("bookworm").has("ca-certificates")).toBe(false);
    expect(aptBytes("debian:bookworm-slim", "ca-certificates")).toBeGreaterThan(0);
  });

  it.each([
    { name: "libffi8 on bullseye", from: "python:3.9-slim-bullseye", pkg: "libffi8" },
    { name: "libgl1-mesa-glx on trixie", from: "python:3.12-slim", pkg: "libgl1-mesa-glx" },
    { name: "a virtual name with several providers", from: "python:3.12-slim", pkg: "mail-transport-agent" },
  ])("$name: apt-get would fail; the build check says so at the line, and the estimate adds nothing", ({ from, pkg }) => {
    const e = estimate(`FROM ${from}\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends ${pkg}\n`);
    expect(e.buildCheck.map((f) => [f.code, f.line, f.subject])).toEqual([["unknown-package", 3, `${pkg}@${from.includes("bullseye") ? "bullseye" : "trixie"}`]]);
    expect(e.buildCheck[0]?.message).toContain(pkg);
    expect(layerAt(e, 3).bytes).toBe(0);
    expect(layerAt(e, 3).items[0]?.sources[0]?.note).toMatch(/counted as 0 bytes/);
  });

  it.each([
    { name: "an unexpanded variable", text: "FROM python:3.12-slim\nRUN apt-get install -y $BUILD_DEPS\n" },
    { name: "a name on an unknown base (its release is a guess)", text: "ARG BASE\nFROM ${BASE}\nRUN apt-get install -y unit-python3.12\n" },
  ])("$name: the unknown-package default, no release warning", ({ text }) => {
    const e = estimate(text);
    expect(problemCodes(e)).not.toContain("unknown-package");
    expect(e.assumptions.map((a) => a.id)).toContain("unknown-system-package");
  });

  it("a local .deb file: not counted and said so, with no default size and no release warning", () => {
    const e = estimate("FROM python:3.12-slim\nRUN apt-get install -y /tmp/google-chrome.deb\n");
    expect(problemCodes(e)).not.toContain("unknown-package");
    expect(problemCodes(e)).toContain("local-package-file");
    expect(e.assumptions.map((a) => a.id)).not.toContain("unknown-system-package");
    expect(layerAt(e, 2).bytes).toBe(0);
  });

  it("an unknown base is read as a python slim image of trixie: its packages are present", () => {
    const e = estimate("ARG BASE\nFROM ${BASE}\nRUN apt-get install -y --no-install-recommends ca-certificates curl\n");
    expect(layerAt(e, 3).bytes).toBe(debianClosureBytes("curl", "trixie"));
  });

  it("Ubuntu reads the Debian release of its era (noble → trixie), flagged; its own names are not checked against it", () => {
    const e = estimate("FROM ubuntu:24.04\nRUN apt-get install -y --no-install-recommends curl\n");
    expect(problemCodes(e)).not.toContain("unknown-package");
    expect(layerAt(e, 2).items[0]?.bytes).toBe(debianInstallClosure(["curl"], "trixie", debianOsBasePackages("trixie")).bytes);
    expect(e.assumptions.map((a) => a.text).join(" ")).toMatch(/Ubuntu noble's apt is weighed with Debian trixie's package table/);
    const jammy = estimate("FROM ubuntu:22.04\nRUN apt-get install -y --no-install-recommends python3.10-venv\n");
    expect(problemCodes(jammy)).not.toContain("unknown-package");
    expect(layerAt(jammy, 2).bytes).toBeGreaterThan(0);
  });
});

describe("an image the tables lack, whose tag says Alpine", () => {
  it("is musl: pip takes musllinux wheels", () => {
    const e = estimate("FROM osgeo/gdal:alpine-small-3.1.0\nRUN apk add --no-cache python3 py3-pip\nRUN pip3 install --no-cache-dir numpy\n");
    expect(e.stages[0]?.platform.libc).toBe("musl");
    expect(e.layers.flatMap((l) => l.items).find((i) => i.label.startsWith("numpy"))?.sources[0]?.note).toMatch(/musllinux/);
  });
});

describe("apt-get on a release whose table another stands in for", () => {
  it("says a name the stand-in lacks is not counted", () => {
    const e = estimate("FROM python:3.9-slim-buster\nRUN apt-get update && apt-get install -y --no-install-recommends python-opencv\n");
    expect(e.warnings.filter((w) => w.code === "stand-in-release-package").map((w) => [w.line, w.message])).toEqual([[2, "python-opencv is not in Debian bullseye's table, which stands in for buster: its size is not counted."]]);
  });
});

describe("apt-get from another repository", () => {
  it("weighs a package Debian's lists lack as nothing, and says it is not counted", () => {
    const e = estimate(`FROM ${SLIM}\nRUN echo 'deb http://dl.google.com/linux/chrome/deb/ stable main' > /etc/apt/sources.list.d/google.list && apt-get update && apt-get install -y --no-install-recommends google-chrome-stable\n`);
    expect(e.warnings.filter((w) => w.code === "third-party-package").map((w) => [w.line, w.message])).toEqual([[2, "google-chrome-stable is not in Debian trixie's lists; it may come from the apt repository line 2 adds, which the tables do not hold: its size is not counted."]]);
  });
});

describe("apk", () => {
  const gccAndMusl = alpineBytes("gcc") + alpineBytes("musl-dev");

  it.each([
    { name: "--virtual group deleted in the same RUN", run: "apk add --no-cache --virtual .build-deps gcc musl-dev && apk del .build-deps", buildTools: 0, system: 0 },
    { name: "the packages deleted by name", run: "apk add --no-cache gcc musl-dev && apk del gcc musl-dev", buildTools: 0, system: 0 },
    { name: "kept", run: "apk add --no-cache --virtual .build-deps gcc musl-dev", buildTools: gccAndMusl, system: 0 },
    { name: "without --no-cache the index stays", run: "apk add gcc musl-dev", buildTools: gccAndMusl, system: ASSUMPTIONS.apkIndex.value },
    { name: "an index removed in the same RUN", run: "apk add gcc musl-dev && rm -rf /var/cache/apk/*", buildTools: gccAndMusl, system: 0 },
  ])("$name", ({ run, buildTools, system }) => {
    const e = estimate(`FROM ${ALPINE}\nRUN ${run}\n`);
    expect([e.byCategory.buildTools, e.byCategory.system]).toEqual([buildTools, system]);
  });

  it("apk del of the group in a later RUN leaves the bytes and warns", () => {
    const e = estimate(`FROM ${ALPINE}\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev\nRUN apk del .build-deps\n`);
    expect(e.byCategory.buildTools).toBe(gccAndMusl);
    expect(e.warnings.map((w) => [w.code, w.line])).toEqual([["deleted-in-later-layer", 3]]);
  });

  it("build-base counts its whole closure", () => {
    expect(estimate(`FROM ${ALPINE}\nRUN apk add --no-cache build-base\n`).byCategory.buildTools).toBe(alpineBytes("build-base"));
  });

  // g++ depends on gcc (and gcc on binutils and its libraries): never less than gcc, and what two compilers
  // share is counted once.
  it.each([
    { name: "g++ holds gcc", run: "apk add --no-cache g++", bytes: alpineBytes("g++") },
    { name: "gcc, g++ and musl-dev: g++'s closure once", run: "apk add --no-cache gcc g++ musl-dev", bytes: alpineBytes("g++") },
    { name: "gcc after build-base adds nothing", run: "apk add --no-cache build-base && apk add --no-cache gcc", bytes: alpineBytes("build-base") },
  ])("$name", ({ run, bytes }) => {
    expect(estimate(`FROM ${ALPINE}\nRUN ${run}\n`).byCategory.buildTools).toBe(bytes);
  });

  it("the compilers' closures nest: gcc < g++ < build-base", () => {
    expect(alpineBytes("gcc")).toBeLessThan(alpineBytes("g++"));
    expect(alpineBytes("g++")).toBeLessThan(alpineBytes("build-base"));
  });
});

describe("Alpine (musl) without a musllinux wheel", () => {
  const psycopg2 = pythonRow("psycopg2");

  it("the fixture: psycopg2 has no musllinux wheel", () => {
    expect([psycopg2.pure, psycopg2.musllinuxWheel]).toEqual([false, false]);
  });

  it("with a compiler in the same RUN: it builds, and the build tools are counted", () => {
    const e = estimate(`FROM ${ALPINE}\nRUN apk add --no-cache build-base postgresql-dev && pip install --no-cache-dir psycopg2\n`);
    expect(e.byCategory.python).toBe(psycopg2.installedBytes);
    expect(e.byCategory.buildTools).toBe(alpineBytes("build-base") + alpineBytes("postgresql-dev"));
    expect(e.totalBytes).toBe(baseRow(ALPINE).diskBytes + (psycopg2.installedBytes ?? 0) + alpineBytes("build-base") + alpineBytes("postgresql-dev"));
    expect(warningCodes(e)).toEqual([]);
  });

  it("with the compiler removed in the same RUN after the build: it builds, and the tools are gone", () => {
    const e = estimate(`FROM ${ALPINE}\nRUN apk add --no-cache --virtual .b build-base postgresql-dev && pip install --no-cache-dir psycopg2 && apk del .b\n`);
    expect([e.byCategory.buildTools, e.byCategory.python]).toEqual([0, psycopg2.installedBytes]);
    expect(warningCodes(e)).toEqual([]);
  });

  it("without a compiler: a build-check error that the build fails, naming the package and the line", () => {
    const e = estimate(`FROM ${ALPINE}\nRUN pip install --no-cache-dir psycopg2\n`);
    expect(e.buildCheck.map((w) => [w.code, w.line, w.subject])).toEqual([["musl-needs-compiler", 2, "psycopg2"]]);
    expect(e.buildCheck[0]?.message).toContain("psycopg2");
    expect(e.buildCheck[0]?.message).toContain("build-base");
  });

  it("the compiler removed in an earlier RUN no longer counts", () => {
    const e = estimate(`FROM ${ALPINE}\nRUN apk add --no-cache --virtual .b gcc musl-dev && apk del .b\nRUN pip install --no-cache-dir psycopg2\n`);
    expect(problemCodes(e)).toEqual(["musl-needs-compiler"]);
  });

  it("a package with a musllinux wheel installs without a compiler", () => {
    const e = estimate(`FROM ${ALPINE}\nRUN pip install --no-cache-dir psycopg2-binary\n`);
    expect(warningCodes(e)).toEqual([]);
  });

  it("a source build keeps the sdist in pip's cache beside the wheel it built", () => {
    const mysqlclient = pythonRow("mysqlclient");
    const e = estimate(`FROM ${ALPINE}\nRUN apk add --no-cache build-base mariadb-dev && pip install mysqlclient\n`);
    expect(mysqlclient.sdistBytes).not.toBeNull();
    // No wheel size in the table: the built wheel is the installed size ÷ the compiled median ratio.
    expect(mysqlclient.wheelBytes).toBeNull();
    expect(e.byCategory.pipCache).toBe(Math.round((mysqlclient.installedBytes ?? 0) / COMPILED_RATIO) + (mysqlclient.sdistBytes ?? 0));
  });
});

describe("glibc packages with no Linux wheel build from source", () => {
  it.each([
    { name: "slim has no compiler: warning", text: `FROM ${SLIM}\nRUN pip install --no-cache-dir psycopg2\n`, codes: ["source-build-needs-compiler"] },
    { name: "gcc installed in the same RUN: no warning", text: `FROM ${SLIM}\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev libpq-dev && pip install --no-cache-dir psycopg2\n`, codes: [] },
    { name: "the full image has gcc: no warning", text: "FROM python:3.12\nRUN pip install --no-cache-dir psycopg2\n", codes: [] },
    { name: "a package with a manylinux wheel: no warning", text: `FROM ${SLIM}\nRUN pip install --no-cache-dir psycopg2-binary\n`, codes: [] },
    { name: "a pure package without a recorded wheel: no warning", text: `FROM ${SLIM}\nRUN pip install --no-cache-dir gunicorn\n`, codes: [] },
  ])("$name", ({ text, codes }) => {
    expect(problemCodes(estimate(text))).toEqual(codes);
  });

  it("the finding names the package, what it needs, and the binary alternative", () => {
    const e = estimate(`FROM ${SLIM}\nRUN pip install --no-cache-dir psycopg2\n`);
    expect(e.buildCheck[0]?.line).toBe(2);
    expect(e.buildCheck[0]?.message).toContain("gcc, libpq-dev");
    expect(e.buildCheck[0]?.message).toContain("psycopg2-binary");
    expect(e.byCategory.python).toBe(installedBytes(closure("psycopg2")));
  });
});

describe("a compiler that comes with Recommends", () => {
  it.each([
    { name: "python3-pip with recommends brings build-essential", install: "apt-get install -y python3-pip", codes: [] },
    { name: "python3-pip with --no-install-recommends does not", install: "apt-get install -y --no-install-recommends python3-pip", codes: ["source-build-needs-compiler"] },
  ])("$name", ({ install, codes }) => {
    const e = estimate(`FROM debian:trixie\nRUN apt-get update && ${install} && rm -rf /var/lib/apt/lists/*\nRUN pip install --break-system-packages --no-cache-dir mysqlclient\n`);
    expect(problemCodes(e).filter((c) => c.endsWith("compiler"))).toEqual(codes);
  });
});

describe("wheels built in one stage and installed in another", () => {
  const psycopg2 = pythonRow("psycopg2");
  const builder = `FROM ${ALPINE} AS wheels\nRUN apk add --no-cache build-base postgresql-dev && pip wheel --no-cache-dir -w /wheels psycopg2\nFROM ${ALPINE}\nCOPY --from=wheels /wheels /wheels\n`;

  it.each([
    { name: "--find-links=DIR", install: "pip install --no-cache-dir --no-index --find-links=/wheels psycopg2" },
    { name: "-f DIR", install: "pip install --no-cache-dir --no-index -f /wheels psycopg2" },
    { name: "the wheel files by glob", install: "pip install --no-cache-dir /wheels/*.whl" },
  ])("install without a compiler from $name", ({ install }) => {
    const e = estimate(`${builder}RUN ${install}\n`);
    expect(warningCodes(e)).toEqual([]);
    expect(layerAt(e, 5).bytes).toBe(psycopg2.installedBytes);
    // The copied wheel: no wheel size in the table, so the installed size ÷ the compiled median ratio.
    expect(layerAt(e, 4).bytes).toBe(Math.round((psycopg2.installedBytes ?? 0) / COMPILED_RATIO));
  });

  it("a find-links directory without that wheel still compiles (and warns without a compiler)", () => {
    expect(problemCodes(estimate(`${builder}RUN pip install --no-cache-dir --find-links=/elsewhere psycopg2\n`)).filter((c) => c.endsWith("compiler"))).toEqual(["musl-needs-compiler"]);
  });
});

describe("assumptions that name what they apply to, across installs and stages", () => {
  // One text per id used to keep the first install's (or stage's) name only: the others' default sizes,
  // or their missing base sizes, were nowhere said.
  const textOf = (dockerfile: string, id: string): string => estimate(dockerfile).assumptions.find((a) => a.id === id)?.text ?? "";

  it.each([
    { name: "apk packages of two installs", dockerfile: `FROM ${ALPINE}\nRUN apk add --no-cache foo-not-real bar-not-real\nRUN apk add --no-cache baz-not-real foo-not-real\n`, listed: "foo-not-real, bar-not-real, baz-not-real: " },
    { name: "apt packages on a base with no release table", dockerfile: "FROM ubuntu:22.04\nRUN apt-get install -y --no-install-recommends foo-not-real\nRUN apt-get install -y --no-install-recommends bar-not-real\n", listed: "foo-not-real, bar-not-real: " },
  ])("the unknown-package default names every package it weighs: $name", ({ dockerfile, listed }) => {
    expect(textOf(dockerfile, "unknown-system-package")).toMatch(new RegExp(`^${listed}Debian: median closure`));
  });

  it("the unknown base names every stage's image", () => {
    const text = textOf("FROM registry.example.com/team/builder:1 AS build\nRUN true\nFROM registry.example.com/team/run:2\nCOPY --from=build /x /x\n", ASSUMPTIONS.unknownBase.id);
    expect(text).toBe(`registry.example.com/team/builder:1, registry.example.com/team/run:2: ${ASSUMPTIONS.unknownBase.text}`);
  });
});
