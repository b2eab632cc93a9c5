import { describe, expect, it } from "vitest";
import { baseName, globMatches, isUnder, resolvePath } from "./paths";

describe("paths", () => {
  it.each([
    { cwd: "/app", path: "requirements.txt", out: "/app/requirements.txt" },
    { cwd: "/app", path: "/opt/venv/", out: "/opt/venv" },
    { cwd: "/app/src", path: "../x", out: "/app/x" },
    { cwd: "/", path: ".", out: "/" },
  ])("resolvePath($cwd, $path)", ({ cwd, path, out }) => {
    expect(resolvePath(cwd, path)).toBe(out);
  });

  it("isUnder", () => {
    expect(isUnder("/root/.cache/pip/http", "/root/.cache")).toBe(true);
    expect(isUnder("/root/.cachex", "/root/.cache")).toBe(false);
    expect(isUnder("/x", "/")).toBe(true);
  });

  it("globMatches and baseName", () => {
    expect(globMatches("/var/lib/apt/lists/*", "/var/lib/apt/lists/partial")).toBe(true);
    expect(globMatches("/tmp/*.whl", "/tmp/a/b.whl")).toBe(false);
    expect(globMatches("/wheels/**", "/wheels/a/b.whl")).toBe(true);
    expect(baseName("/opt/venv/")).toBe("venv");
  });
});
