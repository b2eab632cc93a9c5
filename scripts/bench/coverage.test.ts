// Package coverage over the shared corpus and the download ranking (read in place from ../shared; skips
// where it is absent). Issue 8's goal is at most 3% unknown installed packages over the corpus; the
// bound below is what the wheel table reaches today (3.2%: pipenv, mysql-connector-python and uwsgi are
// the repeat offenders, none of them in the harvested lock files), so a regression fails here.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { corpusCoverage, rankCoverage } from "./coverage";

const shared = fileURLToPath(new URL("../../../shared", import.meta.url));
const rankFile = `${shared}/data/pypi-download-rank.tsv`;

/** Today's ceiling; issue 8 asks for 0.03. */
const MAX_UNKNOWN_SHARE = 0.035;

describe.skipIf(!existsSync(`${shared}/corpus/dockerfiles`))("unknown packages over the shared corpus", () => {
  it(`at most ${MAX_UNKNOWN_SHARE * 100}% of the packages the corpus installs (direct and transitive) are unknown`, () => {
    const coverage = corpusCoverage(`${shared}/corpus`);
    expect(coverage?.files).toBe(61);
    const share = (coverage?.unknown ?? 0) / (coverage?.installed ?? 1);
    expect(coverage?.installed).toBeGreaterThan(1000);
    expect(share, `unknown: ${JSON.stringify(coverage?.topUnknown)}`).toBeLessThanOrEqual(MAX_UNKNOWN_SHARE);
  });
});

describe.skipIf(!existsSync(rankFile))("coverage of the most downloaded projects", () => {
  // The data README states the harvest's coverage: top 100 100%, top 1,000 96%; the merged table holds at least that.
  it.each([
    { top: 100, min: 1 },
    { top: 1000, min: 0.95 },
  ])("top $top: at least $min", ({ top, min }) => {
    const [row] = rankCoverage(readFileSync(rankFile, "utf8"), [top]);
    expect((row?.held ?? 0) / top).toBeGreaterThanOrEqual(min);
  });
});
