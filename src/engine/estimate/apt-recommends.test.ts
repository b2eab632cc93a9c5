// apt's Recommends in the size model: an install without --no-install-recommends (or its -o form) weighs
// the Recommends closure from the release table; with the flag only Depends. Expected bytes are the
// table's closures, read through the lookups.
import { describe, expect, it } from "vitest";
import { ASSUMPTIONS } from "./assumptions";
import { debianBasePackages, debianInstallClosure, debianRecommendsWeight } from "../knowledge";
import { estimate, layerAt } from "./test-support";

const SLIM = "python:3.12-slim"; // trixie
const base = () => debianBasePackages("trixie");

describe("apt-get install and Recommends", () => {
  it.each([
    { name: "plain install: Depends and Recommends", run: "apt-get install -y curl", recommends: true },
    { name: "--no-install-recommends: Depends only", run: "apt-get install -y --no-install-recommends curl", recommends: false },
    { name: "apt's option form: Depends only", run: "apt-get install -y -o APT::Install-Recommends=false curl", recommends: false },
  ])("$name", ({ run, recommends }) => {
    const e = estimate(`FROM ${SLIM}\nRUN ${run}\n`);
    expect(e.byCategory.system).toBe(debianInstallClosure(["curl"], "trixie", base(), { recommends }).bytes);
    expect(e.aptRecommends.length).toBe(recommends ? 1 : 0);
    // The table weighed it: the hand-made rows' assumption is not used.
    expect(e.assumptions.map((a) => a.id)).not.toContain(ASSUMPTIONS.recommends.id);
  });

  it("records what the Recommends added, per requested package and line", () => {
    const e = estimate(`FROM ${SLIM}\nRUN apt-get install -y curl\n`);
    const expected = debianRecommendsWeight(["curl"], "trixie", base());
    expect(e.aptRecommends).toEqual([expect.objectContaining({ line: 2, requested: "curl", bytes: expected?.bytes, packages: expected?.packages })]);
  });

  it("a recommended package installed earlier is not counted again", () => {
    // curl recommends publicsuffix (via libpsl5t64); once installed by name it is present for curl.
    const alone = estimate(`FROM ${SLIM}\nRUN apt-get install -y curl\n`);
    expect(alone.aptRecommends[0]?.packages.map((p) => p.name)).toContain("publicsuffix");
    const e = estimate(`FROM ${SLIM}\nRUN apt-get install -y --no-install-recommends publicsuffix\nRUN apt-get install -y curl\n`);
    expect(e.aptRecommends[0]?.packages.map((p) => p.name)).not.toContain("publicsuffix");
  });

  it("an Ubuntu base reads the Debian release of its era (noble → trixie), named as an assumption", () => {
    const e = estimate("FROM ubuntu:24.04\nRUN apt-get install -y curl\n");
    expect(e.aptRecommends.map((w) => w.requested)).toEqual(["curl"]);
    expect(e.aptRecommends[0]?.bytes).toBeGreaterThan(0);
    expect(e.assumptions.find((a) => a.id === "debian-release:noble")?.text).toContain("Debian trixie's package table");
  });

  it("a name the stand-in release lacks keeps the hand-made rows and names the assumption", () => {
    const e = estimate("FROM ubuntu:22.04\nRUN apt-get install -y python3.10-venv\n");
    expect(e.aptRecommends).toEqual([]);
    expect(e.assumptions.map((a) => a.id)).toContain(ASSUMPTIONS.recommends.id);
  });
});

describe("build tools an install reaches through its Recommends", () => {
  const pipDepends = () => debianInstallClosure(["python3-pip"], "trixie", base());
  const pipWithRecommends = () => debianInstallClosure(["python3-pip"], "trixie", base(), { recommends: true });

  it("python3-pip's compiler is a build tool; the rest of its closure is system, and the total is unchanged", () => {
    const e = estimate(`FROM ${SLIM}\nRUN apt-get update && apt-get install -y python3-pip && rm -rf /var/lib/apt/lists/*\n`);
    const items = layerAt(e, 2).items;
    const tools = items.find((i) => i.category === "buildTools");
    expect(tools?.label).toMatch(/^python3-pip's build tools \(apt: /);
    // Exactly what the Recommends-only build tools bring: the closure without them is the system part.
    expect(e.byCategory.system + e.byCategory.buildTools).toBe(pipWithRecommends().bytes);
    expect(e.byCategory.buildTools).toBeGreaterThan(100_000_000); // gcc, g++, the headers: hundreds of MB
    expect(e.byCategory.system).toBeGreaterThanOrEqual(pipDepends().bytes);
    expect(tools?.sources[0]?.note).toContain("gcc-14");
  });

  it("with --no-install-recommends nothing is split off", () => {
    const e = estimate(`FROM ${SLIM}\nRUN apt-get install -y --no-install-recommends python3-pip\n`);
    expect(e.byCategory.buildTools).toBe(0);
    expect(e.byCategory.system).toBe(pipDepends().bytes);
  });

  it.each([
    { name: "a compiler through any package's Recommends (cython3) lets pip compile", install: "apt-get install -y cython3", codes: [] },
    { name: "without the Recommends it does not", install: "apt-get install -y --no-install-recommends cython3", codes: ["source-build-needs-compiler"] },
    { name: "purging the compiler with --auto-remove takes the build tools", install: "apt-get install -y cython3 && apt-get purge -y --auto-remove gcc-14", codes: ["source-build-needs-compiler"] },
    { name: "so does purging the package that brought them", install: "apt-get install -y cython3 && apt-get purge -y --auto-remove cython3", codes: ["source-build-needs-compiler"] },
  ])("$name", ({ install, codes }) => {
    const e = estimate(`FROM debian:trixie\nRUN ${install}\nRUN pip install --break-system-packages --no-cache-dir mysqlclient\n`);
    expect(e.buildCheck.map((c) => c.code).filter((c) => c.endsWith("compiler"))).toEqual(codes);
    if (install.includes("purge")) expect(layerAt(e, 2).items.filter((i) => i.category === "buildTools")).toEqual([]);
  });

  it("build tools a package Depends on stay with it (npm → libnode-dev): only its Recommends' compiler is split", () => {
    const e = estimate(`FROM ${SLIM}\nRUN apt-get install -y npm\n`);
    const tools = layerAt(e, 2).items.find((i) => i.category === "buildTools");
    expect(tools?.label).toMatch(/^npm's build tools/);
    expect(tools?.sources[0]?.note).not.toContain("libnode-dev");
    expect(e.byCategory.system).toBeGreaterThanOrEqual(debianInstallClosure(["npm"], "trixie", base()).bytes);
  });

  it("a package that is a build tool itself stays one entry", () => {
    const e = estimate(`FROM ${SLIM}\nRUN apt-get install -y build-essential\n`);
    expect(layerAt(e, 2).items.map((i) => i.category)).toEqual(["buildTools"]);
  });
});
