import fc from "fast-check";
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

  it("resolvePath returns a path that is normal already as it is, and normalises every other one", () => {
    // The definition the fast path must keep: split at "/", drop "" and ".", pop on "..", join.
    const reference = (cwd: string, path: string) => {
      const parts: string[] = [];
      for (const part of (path.startsWith("/") ? path : `${cwd}/${path}`).split("/")) {
        if (part === "" || part === ".") continue;
        if (part === "..") parts.pop();
        else parts.push(part);
      }
      return "/" + parts.join("/");
    };
    const word = fc.array(fc.constantFrom("", ".", "..", "a", "b.c", ".d", "..e", "f..", "/"), { maxLength: 6 }).map((p) => p.join("/"));
    fc.assert(fc.property(word, word, (cwd, path) => {
      expect(resolvePath(`/${cwd}`, path)).toBe(reference(`/${cwd}`, path));
      expect(resolvePath(cwd, path)).toBe(reference(cwd, path));
    }), { numRuns: 2_000 });
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
