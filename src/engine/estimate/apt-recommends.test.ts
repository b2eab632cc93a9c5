// apt's Recommends in the size model: an install without --no-install-recommends (or its -o form) weighs
// the Recommends closure from the release table; with the flag only Depends. Expected bytes are the
// table's closures, read through the lookups.
import { describe, expect, it } from "vitest";
import { ASSUMPTIONS } from "./assumptions";
import { debianBasePackages, debianInstallClosure, debianRecommendsWeight } from "../knowledge";
import { estimate } from "./test-support";

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
