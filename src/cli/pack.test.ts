// The package as a user gets it: `npm pack` (which builds dist-cli/ through `prepack`), installed into an
// empty folder with no network, then run through the `whaleweight` bin npm links — plain Node, no tsx, no
// source tree. One test on purpose: packing and installing is the slow part (~15 s), done once.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
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

  it("installs from the tarball and runs plan and lint with the shipped tables", () => {
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
    const json = JSON.parse(plan.stdout) as { steps: { estimate: { unknownPackages: string[]; byCategory: { system: number } } }[] };
    expectPlanContract(json);
    expect(json.steps.length).toBeGreaterThan(1);
    expect(json.steps[0]?.estimate.unknownPackages).toEqual([]);

    const lint = whaleweight("lint", "app/Dockerfile");
    expect(lint.status).toBe(0);
    expect(lint.stdout).toContain("app/Dockerfile:1:1: warning:");
    expect(lint.stdout).toContain("[size/base-variant]");
  }, 120_000);
});
