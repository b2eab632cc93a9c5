// The GitHub Action's entry point (runAction, what dist-cli/action.mjs runs) over fixture files on disk:
// the job summary, the SARIF file, and the exit code, with the INPUT_* variables action.yml sets.
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { analyze } from "../engine/analyze";
import { dockerfilesOf, runAction, type ActionEnv } from "./action";
import { nodeIo } from "./io";
import { sarifErrors } from "./sarif-schema";

const FAT = "FROM python:3.12\nCOPY . .\nRUN pip install -r requirements.txt\n";
const SLIM = "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n";
const REQUIREMENTS = "flask==3.1.3\n";
const size = (dockerfile: string) => analyze({ dockerfile, requirements: [{ path: "requirements.txt", content: REQUIREMENTS }], dockerignore: null }).estimate.totalBytes;

describe("runAction", () => {
  const workspace = mkdtempSync(join(tmpdir(), "whaleweight-action-"));
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));
  for (const [dir, dockerfile] of [["fat", FAT], ["slim", SLIM]] as const) {
    mkdirSync(join(workspace, dir));
    writeFileSync(join(workspace, dir, "Dockerfile"), dockerfile);
    writeFileSync(join(workspace, dir, "requirements.txt"), REQUIREMENTS);
  }
  const fat = join(workspace, "fat", "Dockerfile");
  const slim = join(workspace, "slim", "Dockerfile");

  const act = (env: ActionEnv) => {
    let stdout = "";
    let stderr = "";
    const io = { ...nodeIo(), stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t) };
    const code = runAction(env, { io, appendFile: (p, t) => appendFileSync(p, t), writeFile: (p, t) => writeFileSync(p, t) });
    return { code, stdout, stderr };
  };

  it("writes one report per Dockerfile to the job summary, the SARIF file, and exits 3 when one is over budget", () => {
    const summary = join(workspace, "summary.md");
    const sarif = join(workspace, "out.sarif");
    // The budget sits between the two files' sizes: the slim one is within it, the fat one over.
    const budget = size(SLIM);
    expect(size(FAT)).toBeGreaterThan(budget);
    const result = act({ INPUT_DOCKERFILES: `${fat}\n${slim}\n`, INPUT_MAX_SIZE: `${budget}B`, INPUT_SARIF_FILE: sarif, GITHUB_STEP_SUMMARY: summary });
    expect(result.code).toBe(3);
    expect(result.stdout).toBe("");
    // One line, once: the SARIF pass over the same file does not say it again.
    expect(result.stderr.split("\n").filter((l) => l !== "")).toHaveLength(1);
    expect(result.stderr.startsWith(`whaleweight: over budget: ${fat} as written is `)).toBe(true);
    const report = readFileSync(summary, "utf8");
    expect(report.match(/^### Whaleweight: /gm)).toHaveLength(2);
    expect(report).toContain("❌ **Over budget:");
    expect(report).toContain("✅ **Within budget:");
    expect(report.match(/\[Open this plan in the Whaleweight playground\]\(/g)).toHaveLength(2);
    const log = JSON.parse(readFileSync(sarif, "utf8")) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarifErrors(log)).toEqual([]);
    // One run for both files, with the budget result of the fat one.
    expect(log.runs).toHaveLength(1);
    const uris = new Set(log.runs[0]?.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri));
    expect(uris).toEqual(new Set([fat, slim]));
    expect(log.runs[0]?.results.filter((r) => r.ruleId === "budget/max-size").map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri)).toEqual([fat]);
  });

  it("a budget the estimate cannot judge (unknown base, unmodelled installer) fails the job with 4, unless unweighed is pass", () => {
    mkdirSync(join(workspace, "conda"));
    const conda = join(workspace, "conda", "Dockerfile");
    writeFileSync(conda, "FROM mambaorg/micromamba:1.5.10\nCOPY environment.yml /tmp/environment.yml\nRUN micromamba install -y -n base -f /tmp/environment.yml\n");
    writeFileSync(join(workspace, "conda", "environment.yml"), "dependencies: [python=3.12, gdal]\n");
    const summary = join(workspace, "summary-conda.md");
    const failed = act({ INPUT_DOCKERFILES: `${conda}\n${slim}`, INPUT_MAX_SIZE: "5GB", GITHUB_STEP_SUMMARY: summary });
    expect(failed.code).toBe(4);
    expect(failed.stderr).toMatch(new RegExp(`^whaleweight: cannot judge the budget: ${conda.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} as written is at least .+\n$`));
    const report = readFileSync(summary, "utf8");
    expect(report).toContain("⚠️ **Cannot judge the budget:");
    expect(report).toContain("Not in these sizes:");
    expect(act({ INPUT_DOCKERFILES: conda, INPUT_MAX_SIZE: "5GB", INPUT_UNWEIGHED: "pass", GITHUB_STEP_SUMMARY: summary }).code).toBe(0);
    // Over wins: a floor over the limit is over whatever unweighed says.
    expect(act({ INPUT_DOCKERFILES: conda, INPUT_MAX_SIZE: "1kB", INPUT_UNWEIGHED: "pass", GITHUB_STEP_SUMMARY: summary }).code).toBe(3);
  });

  it("without a job summary, prints the report; without a budget or SARIF, exits 0 and writes no file", () => {
    const result = act({ INPUT_DOCKERFILES: slim, INPUT_MAX_SIZE: "", INPUT_SARIF_FILE: "" });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(/^### Whaleweight: /);
    expect(result.stdout).not.toContain("budget");
  });

  it("a missing Dockerfile is exit 2 with its one line, and the others are still weighed", () => {
    const summary = join(workspace, "summary-missing.md");
    const missing = join(workspace, "nope", "Dockerfile");
    const result = act({ INPUT_DOCKERFILES: `${missing} ${slim}`, GITHUB_STEP_SUMMARY: summary, INPUT_SARIF_FILE: join(workspace, "missing.sarif") });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`whaleweight: Dockerfile ${missing} does not exist\n`);
    expect(readFileSync(summary, "utf8").match(/^### Whaleweight: /gm)).toHaveLength(1);
    expect(existsSync(join(workspace, "missing.sarif"))).toBe(true);
  });
});

describe("dockerfilesOf", () => {
  it.each([
    { input: undefined, paths: ["Dockerfile"] },
    { input: "", paths: ["Dockerfile"] },
    { input: "  \n", paths: ["Dockerfile"] },
    { input: "a/Dockerfile\nb/Dockerfile.prod\n", paths: ["a/Dockerfile", "b/Dockerfile.prod"] },
    { input: "a/Dockerfile b/Dockerfile", paths: ["a/Dockerfile", "b/Dockerfile"] },
  ])("$input → $paths", ({ input, paths }) => {
    expect(dockerfilesOf(input)).toEqual(paths);
  });
});
