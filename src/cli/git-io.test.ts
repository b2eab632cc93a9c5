// `compare --base-ref`: the old side read from a real git repository (made here, in a temp folder), with
// the requirements beside the Dockerfile read at the same ref, not from the working tree.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { analyze } from "../engine/analyze";
import { nodeIo } from "./io";
import { run } from "./main";

const OLD = "FROM python:3.12\nCOPY . .\nRUN pip install -r requirements.txt\n";
const NEW = "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n";
const weigh = (dockerfile: string, requirements: string) => analyze({ dockerfile, requirements: [{ path: "requirements.txt", content: requirements }], dockerignore: null }).estimate;

describe("compare --base-ref", () => {
  const repo = mkdtempSync(join(tmpdir(), "whaleweight-git-"));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const sh = (...args: string[]) => spawnSync("git", args, { cwd: repo, encoding: "utf8" });
  const app = join(repo, "app");
  mkdirSync(app);
  writeFileSync(join(app, "Dockerfile"), OLD);
  writeFileSync(join(app, "requirements.txt"), "flask==3.1.3\n");
  sh("init", "-q");
  sh("add", ".");
  sh("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "base");
  // The working tree moves on: a new Dockerfile and other requirements.
  writeFileSync(join(app, "Dockerfile"), NEW);
  writeFileSync(join(app, "requirements.txt"), "requests==2.32.3\n");

  const cli = (...argv: string[]) => {
    let stdout = "";
    let stderr = "";
    const code = run(argv, { ...nodeIo(), stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr };
  };

  it("weighs the file and its requirements as they are at the ref against the working tree", () => {
    const result = cli("compare", "--base-ref", "HEAD", join(app, "Dockerfile"), "--format", "json");
    expect([result.code, result.stderr]).toEqual([0, ""]);
    const body = JSON.parse(result.stdout) as { old: { path: string; estimate: { totalBytes: number } }; new: { estimate: { totalBytes: number } } };
    expect(body.old.path).toBe(`HEAD:${join(app, "Dockerfile")}`);
    expect(body.old.estimate.totalBytes).toBe(weigh(OLD, "flask==3.1.3\n").totalBytes);
    expect(body.new.estimate.totalBytes).toBe(weigh(NEW, "requests==2.32.3\n").totalBytes);
  });

  it("a file that is not at the ref is exit 2, saying where it looked", () => {
    writeFileSync(join(app, "Dockerfile.dev"), NEW);
    const result = cli("compare", "--base-ref", "HEAD", join(app, "Dockerfile.dev"));
    expect(result).toMatchObject({ code: 2, stderr: `whaleweight: Dockerfile ${join(app, "Dockerfile.dev")} does not exist at HEAD\n` });
  });

  it("a ref git does not know is exit 2 too", () => {
    expect(cli("compare", "--base-ref", "no-such-branch", join(app, "Dockerfile")).code).toBe(2);
  });

  it.each([
    { argv: ["compare", "--base-ref", "HEAD", "a", "b"], message: "compare --base-ref REF takes one Dockerfile: the new one, whose path is read at REF too" },
    { argv: ["plan", "a", "--base-ref", "HEAD"], message: "--base-ref is for compare" },
    { argv: ["compare", "a", "--base-ref", "--oops"], message: '--base-ref takes a branch, tag or commit, not "--oops"' },
    { argv: ["compare", "a", "--base-ref", "HEAD:x"], message: '--base-ref takes a branch, tag or commit, not "HEAD:x"' },
  ])("$argv is a usage error", ({ argv, message }) => {
    const result = cli(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(`whaleweight: ${message}`);
  });
});
