import { describe, expect, it } from "vitest";
import { baseImageSources, findBaseImage, lookupBaseImage } from "./base-images";
import { parseImageRef } from "./image-ref";
import { debianTagRelease } from "./os-images";
import { pythonVariantOf, suggestPythonVariant } from "./python-variants";
import type { PythonVariant } from "./python-tag";

const SHA = `sha256:${"ab".repeat(32)}`;

describe("findBaseImage: exact", () => {
  it.each([
    { name: "python slim", text: "python:3.12-slim", row: "python:3.12-slim", compressed: 43188023 },
    { name: "alias resolves to its row, keeps its ref", text: "python:3.14-trixie", row: "python:3.14", ref: "python:3.14-trixie", compressed: 414967043 },
    { name: "docker.io/library spelling", text: "docker.io/library/python:3.13", row: "python:3.13", compressed: 412872069 },
    { name: "alpine", text: "alpine:3.24", row: "alpine:3.24", compressed: 3849738 },
    { name: "ubuntu", text: "ubuntu:24.04", row: "ubuntu:24.04", compressed: 29764116 },
    { name: "debian slim", text: "debian:bookworm-slim", row: "debian:bookworm-slim", compressed: 28232655 },
    { name: "registry-qualified, no tag = latest", text: "cgr.dev/chainguard/python", row: "cgr.dev/chainguard/python:latest", compressed: 23000000 },
    // distroless publishes no pull size (the table's disk figure is its Debian packages' Installed-Size).
    { name: "distroless, no tag = latest", text: "gcr.io/distroless/python3-debian12", row: "gcr.io/distroless/python3-debian12:latest", compressed: null },
    { name: "EOL minor snapshot", text: "python:3.7", row: "python:3.7", compressed: 347653336 },
    { name: "pre-release tag", text: "python:3.15-rc", row: "python:3.15-rc", compressed: 417166310 },
  ])("$name", ({ text, row, ref, compressed }) => {
    const match = lookupBaseImage(text);
    expect(match).toMatchObject({ exact: true, assumption: null, ref: ref ?? row });
    expect(match?.row.ref).toBe(row);
    expect(match?.row.compressedBytes).toBe(compressed);
  });

  it("the 2019 era has its own python:3.7", () => {
    const match = lookupBaseImage("python:3.7", { era: "2019" });
    expect([match?.row.key, match?.row.python, match?.exact]).toEqual(["2019:python:3.7", "3.7.5", true]);
  });
});

describe("findBaseImage: nearest known tag", () => {
  it.each([
    { name: "patch version", text: "python:3.11.4", row: "python:3.11", says: /Python 3\.11\.15/ },
    { name: "patch version with suite", text: "python:3.9.1-slim-buster", row: "python:3.9-slim-buster", says: /same minor/ },
    { name: "exact patch of the table's build", text: "python:3.14.7", row: "python:3.14", says: /exact Python release/ },
    { name: "no tag", text: "python", row: "python:3.14", says: /newest stable Python/ },
    { name: "latest", text: "python:latest", row: "python:3.14", says: /newest stable Python/ },
    { name: "major only", text: "python:3", row: "python:3.14", says: /newest Python 3/ },
    { name: "major only, slim", text: "python:3-slim", row: "python:3.14-slim", says: /newest Python 3/ },
    // `2` stopped at 2.7 (2.7.18): the stand-in of python:2.7, not the newest Python of all.
    { name: "major only, Python 2", text: "python:2", row: "python:3.6", says: /^python:2 is not in the table; python:3\.6 \(Python 3\.6\.10, buster\) stands in: Python 2 \(2\.7, its last minor\) is older than any full image/ },
    { name: "major only, Python 2, slim", text: "python:2-slim", row: "python:3.6-slim", says: /Python 2 \(2\.7, its last minor\) is older than any slim image/ },
    { name: "major only, Python 2, alpine", text: "python:2-alpine", row: "python:3.6-alpine", says: /Python 2 \(2\.7, its last minor\) is older than any alpine image/ },
    // A suite docker-library no longer builds: the tag's last image had the Python of that time (bullseye
    // stopped before 3.14, Alpine 3.20 before 3.14, buster before 3.12), not today's newest.
    { name: "suite only, slim, a suite no longer built", text: "python:slim-bullseye", row: "python:3.13-slim", says: /stopped building bullseye .* Python 3\.13/ },
    { name: "major only on an Alpine no longer built", text: "python:3-alpine3.20", row: "python:3.13-alpine", says: /stopped building alpine3\.20 .* Python 3\.13/ },
    { name: "suite only, full, buster", text: "python:buster", row: "python:3.11", says: /Python 3\.11/ },
    { name: "suite only, full", text: "python:bookworm", row: "python:3.12-bookworm", says: /on bookworm/ },
    { name: "alpine version not in table", text: "python:3.11-alpine3.20", row: "python:3.11-alpine", says: /Alpine 3\.20 .*Alpine 3\.24\.2/ },
    { name: "suite not in table for that minor", text: "python:3.12-slim-bullseye", row: "python:3.12-slim", says: /no slim build on Debian bullseye/ },
    { name: "older than the table", text: "python:2.7.11-slim", row: "python:3.6-slim", says: /older than any slim image.*expect a different size/ },
    { name: "newer than the table", text: "python:3.16", row: "python:3.14", says: /newer than any full image/ },
    { name: "pre-release by full version", text: "python:3.15.0rc1-slim", row: "python:3.15-rc-slim", says: /exact Python release/ },
    { name: "alpine patch", text: "alpine:3.24.2", row: "alpine:3.24", says: /Alpine 3\.24\.2/ },
    { name: "alpine latest", text: "alpine", row: "alpine:3.24", says: /newest Alpine/ },
    { name: "alpine edge", text: "alpine:edge", row: "alpine:3.24", says: /unreleased/ },
    { name: "alpine older than today's, 2019 build nearest", text: "alpine:3.7", row: "alpine:3.10", says: /older than any such image of today/ },
    { name: "alpine between", text: "alpine:3.18", row: "alpine:3.21", says: /nearest one/ },
    { name: "debian latest", text: "debian:latest", row: "debian:trixie", says: /latest is taken as trixie/ },
    { name: "debian number", text: "debian:12", row: "debian:bookworm", says: /Debian 12/ },
    { name: "debian dated slim", text: "debian:bookworm-20260824-slim", row: "debian:bookworm-slim", says: /dated serial/ },
    { name: "debian older suite", text: "debian:buster-slim", row: "debian:bullseye-slim", says: /older/ },
    { name: "debian sid", text: "debian:sid", row: "debian:trixie", says: /not a release/ },
    { name: "ubuntu codename", text: "ubuntu:noble", row: "ubuntu:24.04", says: /noble is Ubuntu 24\.04/ },
    { name: "ubuntu newer", text: "ubuntu:26.04", row: "ubuntu:24.04", says: /newer/ },
    { name: "ubuntu older", text: "ubuntu:18.04", row: "ubuntu:20.04", says: /older/ },
    { name: "ubuntu latest", text: "ubuntu", row: "ubuntu:24.04", says: /newest Ubuntu LTS/ },
    {
      name: "uv python image",
      text: "ghcr.io/astral-sh/uv:0.11.32-python3.12-trixie-slim",
      row: "python:3.12-slim",
      says: /python:3\.12-slim-trixie with the uv and uvx binaries added/,
    },
    {
      name: "uv image whose own row has no size",
      text: "ghcr.io/astral-sh/uv:python3.12-bookworm-slim",
      row: "python:3.12-slim-bookworm",
      says: /with the uv and uvx binaries added \(uv docs; the binaries are weighed as uv.s wheel, assumption uv-binary\)/,
    },
    { name: "uv alpine", text: "ghcr.io/astral-sh/uv:python3.12-alpine", row: "python:3.12-alpine", says: /uv/ },
    { name: "uv without python", text: "ghcr.io/astral-sh/uv:bookworm-slim", row: "debian:bookworm-slim", says: /debian:bookworm-slim with the uv/ },
    { name: "uv's floating debian-slim tag", text: "ghcr.io/astral-sh/uv:debian-slim", row: "debian:trixie-slim", says: /debian-slim tag is debian:trixie-slim/ },
    { name: "digest-pinned", text: `python:3.12-slim@${SHA}`, row: "python:3.12-slim", says: /digest sha256:abab.* ignored/ },
    { name: "digest only", text: `python@${SHA}`, row: "python:3.14", says: /ignored.*newest stable Python/ },
    { name: "hub mirror", text: "mirror.gcr.io/library/python:3.12", row: "python:3.12", says: /mirrors Docker Hub/ },
    { name: "per-architecture official image", text: "arm64v8/python:3.12-slim", row: "python:3.12-slim", says: /arm64v8\/python is Docker's official python image built for arm64v8/ },
    { name: "per-architecture official image on Docker Hub's host", text: "docker.io/arm32v7/python:3.11", row: "python:3.11", says: /built for arm32v7/ },
    { name: "distroless other tag", text: "gcr.io/distroless/python3-debian12:nonroot", row: "gcr.io/distroless/python3-debian12:latest", says: /no figure for tag nonroot/ },
    { name: "distroless without a Debian suffix", text: "gcr.io/distroless/python3", row: "gcr.io/distroless/python3-debian12:latest", says: /names no Debian release; its -debian12 image stands in/ },
    { name: "distroless without a suffix, another tag", text: "gcr.io/distroless/python3:nonroot", row: "gcr.io/distroless/python3-debian12:latest", says: /names no Debian release/ },
    { name: "chainguard -dev tag", text: "cgr.dev/chainguard/python:3.12-dev", row: "cgr.dev/chainguard/python:latest-dev", says: /:latest-dev row/ },
  ])("$name: $text", ({ text, row, says }) => {
    const match = lookupBaseImage(text);
    expect(match?.row.ref).toBe(row);
    expect(match?.exact).toBe(false);
    expect(match?.assumption).toMatch(says);
    expect(match?.sources.at(-1)).toMatchObject({ table: "assumption", note: match?.assumption });
  });

  it("a stand-in is named in the sentence with what it stands for", () => {
    expect(lookupBaseImage("python:3.11.4")?.assumption).toBe(
      "python:3.11.4 is not in the table; python:3.11 (Python 3.11.15, trixie) stands in: " +
        "same minor, the table's build has Python 3.11.15 (patch releases differ little in size)",
    );
  });

  it.each([
    { name: "unknown image", text: "node:20" },
    { name: "unknown registry image", text: "quay.io/someone/python:3.12" },
    { name: "windows python tag", text: "python:3.12-windowsservercore" },
    { name: "uv binary-only image", text: "ghcr.io/astral-sh/uv:0.11.32" },
    { name: "uv on buildpack-deps", text: "ghcr.io/astral-sh/uv:bookworm" },
    { name: "unresolved variable", text: "python:${V}" },
  ])("$name → null (the caller applies a visible default)", ({ text }) => {
    expect(lookupBaseImage(text)).toBeNull();
  });

  it("findBaseImage takes a parsed reference", () => {
    const ref = parseImageRef("python:3.12-alpine");
    expect(ref === null ? null : findBaseImage(ref)?.row.libc).toBe("musl");
  });
});

describe("baseImageSources", () => {
  it("cites the remote file for the pull size and the local file for the on-disk size", () => {
    const row = lookupBaseImage("python:3.14")?.row;
    expect(row === undefined ? [] : baseImageSources(row).map((s) => s.source)).toEqual([
      "docker-library/repo-info@0c376450b2d177f8478d9fd05ad2b9de6be78fd6:repos/python/remote/3.14.md",
      "docker-library/repo-info@0e336be10cca49a9f8fadb74f48ab8c00d0d694f:repos/python/local/3.14.7.md",
    ]);
  });

  it("says when the on-disk size is derived", () => {
    const row = lookupBaseImage("python:3.9")?.row;
    expect(row?.diskDerived).toBe(true);
    expect(row === undefined ? "" : baseImageSources(row)[1]?.note).toMatch(/derived: compressed × 2\.608/);
  });
});

describe("python variants", () => {
  it.each([
    { name: "full → slim", from: "python:3.12", variant: "slim", text: "python:3.12-slim" },
    { name: "full on a suite → slim on it", from: "python:3.12-bookworm", variant: "slim", text: "python:3.12-slim-bookworm" },
    { name: "suite dropped for alpine", from: "python:3.12-bookworm", variant: "alpine", text: "python:3.12-alpine" },
    { name: "slim → full keeps the suite", from: "python:3.12-slim-bookworm", variant: "full", text: "python:3.12-bookworm" },
    { name: "version pin kept", from: "python:3.11.4", variant: "slim", text: "python:3.11.4-slim" },
    { name: "no tag", from: "python", variant: "slim", text: "python:slim" },
    { name: "pre-release", from: "python:3.15-rc", variant: "alpine", text: "python:3.15-rc-alpine" },
    { name: "digest dropped", from: `python:3.13@${SHA}`, variant: "slim", text: "python:3.13-slim" },
  ] satisfies { name: string; from: string; variant: PythonVariant; text: string }[])("$name", ({ from, variant, text }) => {
    const ref = parseImageRef(from);
    expect(ref === null ? null : suggestPythonVariant(ref, variant)?.text).toBe(text);
  });

  it("is null for images other than python", () => {
    const ref = parseImageRef("ghcr.io/astral-sh/uv:python3.12-bookworm-slim");
    expect(ref === null ? undefined : suggestPythonVariant(ref, "slim")).toBeNull();
  });

  it.each([
    { name: "trixie full → slim", from: "python:3.12", variant: "slim", to: "python:3.12-slim" },
    { name: "bookworm full → bookworm slim", from: "python:3.12-bookworm", variant: "slim", to: "python:3.12-slim-bookworm" },
    { name: "full → alpine", from: "python:3.13", variant: "alpine", to: "python:3.13-alpine" },
    { name: "slim → full", from: "python:3.11-slim", variant: "full", to: "python:3.11" },
    { name: "rc stays rc", from: "python:3.15-rc", variant: "slim", to: "python:3.15-rc-slim" },
  ] satisfies { name: string; from: string; variant: PythonVariant; to: string }[])("pythonVariantOf $name", ({ from, variant, to }) => {
    const row = lookupBaseImage(from)?.row;
    expect(row === undefined ? undefined : pythonVariantOf(row, variant)?.ref).toBe(to);
  });

  it("pythonVariantOf is null for a non-python row", () => {
    const row = lookupBaseImage("alpine:3.24")?.row;
    expect(row === undefined ? undefined : pythonVariantOf(row, "slim")).toBeNull();
  });
});

describe("debianTagRelease", () => {
  it.each([
    ["buster-slim", "buster"],
    ["10", "buster"],
    ["10.13-slim", "buster"],
    ["stretch-20240612", "stretch"],
    ["bookworm-20260824-slim", "bookworm"],
    ["latest", null],
    ["stable-slim", null],
    ["99", null],
  ])("%s → %s", (tag, release) => {
    expect(debianTagRelease(tag)).toBe(release);
  });
});
