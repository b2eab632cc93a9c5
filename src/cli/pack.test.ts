// The package as a user gets it: `npm pack` (which builds dist-cli/ through `prepack`), installed into an
// empty folder with no network, then run through the `whaleweight` bin npm links — plain Node, no tsx, no
// source tree. One test on purpose: packing and installing is the slow part (~15 s), done once.
// Sizes are compared with the packed CLI's own estimate (its JSON), so no table number is written here.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { expectPlanContract } from "./test-support";

const root = fileURLToPath(new URL("../..", import.meta.url));
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

describe("the packed CLI", () => {
  const dir = mkdtempSync(join(tmpdir(), "whaleweight-pack-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("installs from the tarball and runs plan, lint, compare, the budget and the Action's entry point", () => {
    const pack = spawnSync(npm, ["pack", "--silent", "--pack-destination", dir], { cwd: root, encoding: "utf8" });
    expect(pack.status, pack.stderr).toBe(0);
    const tarball = readdirSync(dir).find((name) => name.endsWith(".tgz"));
    expect(tarball).toBeDefined();
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true }));
    // --offline: the package must need nothing from the registry (every dependency is in the bundle).
    const install = spawnSync(npm, ["install", "--offline", "--no-audit", "--no-fund", `./${tarball ?? ""}`], { cwd: dir, encoding: "utf8" });
    expect(install.status, install.stderr).toBe(0);

    const app = join(dir, "app");
    mkdirSync(app);
    writeFileSync(join(app, "Dockerfile"), "FROM python:3.12\nCOPY . .\nRUN pip install -r requirements.txt\n");
    writeFileSync(join(app, "requirements.txt"), "flask==3.1.3\n");
    const bin = join(dir, "node_modules", ".bin", "whaleweight");
    const whaleweight = (...args: string[]) => spawnSync(bin, args, { cwd: dir, encoding: "utf8" });

    const plan = whaleweight("plan", "app/Dockerfile", "--format", "json");
    // No warning on stderr: the wheel table was found beside the bundle, not the 217-row fallback.
    expect([plan.status, plan.stderr]).toEqual([0, ""]);
    const json = JSON.parse(plan.stdout) as { steps: { estimate: { unknownPackages: string[]; totalBytes: number } }[] };
    expectPlanContract(json);
    expect(json.steps.length).toBeGreaterThan(1);
    expect(json.steps[0]?.estimate.unknownPackages).toEqual([]);

    const lint = whaleweight("lint", "app/Dockerfile");
    expect(lint.status).toBe(0);
    expect(lint.stdout).toContain("app/Dockerfile:1:1: warning:");
    expect(lint.stdout).toContain("[size/base-variant]");

    // The code cache shipped for this Node (made at prepack), and a first run (an empty temp directory, so
    // no cache of the user's) whose shipped cache V8 refuses: same output, nothing on stderr.
    const installed = join(dir, "node_modules", "whaleweight", "dist-cli");
    const shipped = readdirSync(installed).filter((name) => name.endsWith(`-${process.version}-${process.arch}.bin`));
    expect(shipped).toHaveLength(1);
    writeFileSync(join(installed, shipped[0] ?? ""), "not a code cache");
    const firstRunTemp = join(dir, "first-run-tmp");
    mkdirSync(firstRunTemp);
    const damaged = spawnSync(bin, ["lint", "app/Dockerfile"], { cwd: dir, encoding: "utf8", env: { ...process.env, TMPDIR: firstRunTemp, TMP: firstRunTemp, TEMP: firstRunTemp } });
    expect([damaged.status, damaged.stdout, damaged.stderr]).toEqual([0, lint.stdout, ""]);
    // It took that path: with the shipped cache refused, the run left a cache of the user's own.
    expect(readdirSync(firstRunTemp, { recursive: true }).filter((name) => String(name).endsWith(shipped[0] ?? ""))).toHaveLength(1);

    // The budget: the file as written (step 0) against one byte less than its own estimate, then at it.
    const total = json.steps[0]?.estimate.totalBytes ?? 0;
    const over = whaleweight("plan", "app/Dockerfile", "--max-size", `${total - 1}`);
    expect(over.status).toBe(3);
    expect(over.stderr).toMatch(/^whaleweight: over budget: app\/Dockerfile as written is .+\n$/);
    expect(whaleweight("plan", "app/Dockerfile", "--max-size", `${total}`).status).toBe(0);

    const slim = join(dir, "slim");
    mkdirSync(slim);
    writeFileSync(join(slim, "Dockerfile"), "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n");
    writeFileSync(join(slim, "requirements.txt"), "flask==3.1.3\n");
    const compare = whaleweight("compare", "app/Dockerfile", "slim/Dockerfile", "--format", "json");
    expect([compare.status, compare.stderr]).toEqual([0, ""]);
    const change = JSON.parse(compare.stdout) as { old: { estimate: { totalBytes: number } }; new: { estimate: { totalBytes: number } }; change: { totalBytes: number } };
    expect(change.old.estimate.totalBytes).toBe(total);
    expect(change.change.totalBytes).toBe(change.new.estimate.totalBytes - total);
    expect(change.change.totalBytes).toBeLessThan(0);

    // The Action's entry point, as action.yml runs it (with the tables beside it in the package).
    const summary = join(dir, "summary.md");
    const action = spawnSync(process.execPath, [join(dir, "node_modules", "whaleweight", "dist-cli", "action.mjs")], {
      cwd: dir, encoding: "utf8",
      env: { ...process.env, INPUT_DOCKERFILES: "app/Dockerfile\nslim/Dockerfile", INPUT_MAX_SIZE: `${total - 1}B`, INPUT_SARIF_FILE: "", GITHUB_STEP_SUMMARY: summary },
    });
    expect(action.status).toBe(3);
    expect(readFileSync(summary, "utf8").match(/^### Whaleweight: /gm)).toHaveLength(2);
  }, 120_000);
});
