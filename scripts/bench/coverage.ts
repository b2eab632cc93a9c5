// Package-table coverage for `npm run bench` (issue 8 §6): the share of the most downloaded PyPI projects
// (pypi-download-rank.tsv) the wheel table holds, and the share of the Python packages the shared corpus
// installs (direct and transitive, every stage) that no table knows. Reads ../shared in place; returns
// null where it is absent.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { analyze } from "../../src/engine/analyze";
import { findPythonPackage, pythonTable } from "../../src/engine/knowledge";

export interface RankCoverage {
  readonly top: number;
  readonly held: number;
}

/** How many of the top N ranked names the wheel table (or the bundled table) holds, for each N. */
export function rankCoverage(rankTsv: string, tops: readonly number[]): RankCoverage[] {
  const table = pythonTable();
  const names = rankTsv.split("\n").slice(1).map((line) => line.split("\t")[1] ?? "").filter((n) => n !== "");
  const known = (name: string): boolean => (table?.versions(name) ?? null) !== null || findPythonPackage(name) !== null;
  return tops.map((top) => ({ top, held: names.slice(0, top).filter(known).length }));
}

export interface CorpusCoverage {
  readonly files: number;
  /** Installed packages summed over the corpus files (each file's distinct names). */
  readonly installed: number;
  readonly unknown: number;
  /** Unknown names with how many corpus files install them, most frequent first. */
  readonly topUnknown: readonly (readonly [string, number])[];
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Estimate every corpus Dockerfile with the files beside it (as src/engine/corpus.test.ts does). */
export function corpusCoverage(corpusDir: string): CorpusCoverage | null {
  const dockerfiles = join(corpusDir, "dockerfiles");
  if (!existsSync(dockerfiles)) return null;
  let installed = 0;
  let unknown = 0;
  let files = 0;
  const counts = new Map<string, number>();
  for (const dockerfile of walk(dockerfiles).filter((p) => p.endsWith("/Dockerfile")).sort()) {
    const dir = join(dockerfile, "..");
    const requirements = walk(dir).filter((p) => p !== dockerfile && !p.endsWith("/.dockerignore"));
    const { estimate } = analyze({
      dockerfile: new Uint8Array(readFileSync(dockerfile)),
      requirements: requirements.map((p) => ({ path: relative(dir, p), content: new Uint8Array(readFileSync(p)) })),
      dockerignore: null,
    });
    files++;
    installed += estimate.installedPackages.length;
    unknown += estimate.unknownPackages.length;
    for (const name of estimate.unknownPackages) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const topUnknown = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { files, installed, unknown, topUnknown };
}
