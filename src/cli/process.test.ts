// The CLI as a process, as CI runs it (`tsx src/cli/main.ts`): the wiring at the bottom of main.ts to the
// real file system, stdout/stderr and the exit code. Everything else is tested in-process (main.test.ts).
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { expectPlanContract } from "./test-support";

const root = fileURLToPath(new URL("../..", import.meta.url));
const cli = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { cwd: root, encoding: "utf8" });

describe("the CLI process", () => {
  const dir = mkdtempSync(join(tmpdir(), "whaleweight-cli-"));
  writeFileSync(join(dir, "Dockerfile"), "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n");
  writeFileSync(join(dir, "requirements.txt"), "flask\n");

  it("plan --format json prints the contract on stdout and exits 0", () => {
    const result = cli("plan", join(dir, "Dockerfile"), "--format", "json");
    expect([result.status, result.stderr]).toEqual([0, ""]);
    const json = JSON.parse(result.stdout) as { steps: { requirements: string | null }[] };
    expectPlanContract(json);
    expect(json.steps[0]?.requirements).toBe("flask\n");
  }, 30_000);

  // Issue 14: `whaleweight plan X | head -1` died with an unhandled EPIPE and a stack trace. The plan of
  // 400 RUNs prints far more than a pipe buffer (64 KiB on Linux), so the write meets the closed pipe.
  it("a reader that closes stdout early ends the process quietly with its usual exit code", () => {
    const big = join(dir, "Big.Dockerfile");
    writeFileSync(big, ["FROM python:3.12", ...Array.from({ length: 400 }, (_, i) => `RUN pip install flask${i} && apt-get update && apt-get install -y gcc`)].join("\n"));
    const script = `"${process.execPath}" --import tsx src/cli/main.ts plan "${big}" --format json | head -1; echo "status=\${PIPESTATUS[0]}" >&2`;
    const result = spawnSync("bash", ["-c", script], { cwd: root, encoding: "utf8" });
    expect(result.stdout).toBe("{\n");
    expect(result.stderr).toBe("status=0\n");
  }, 60_000);

  it("a missing path exits 2 with one line on stderr", () => {
    const result = cli("lint", join(dir, "Nope"));
    expect([result.status, result.stdout, result.stderr]).toEqual([2, "", `whaleweight: Dockerfile ${join(dir, "Nope")} does not exist\n`]);
  }, 30_000);
});
