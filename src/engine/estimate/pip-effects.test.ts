// venvCandidates (the venvs a PATH may resolve `pip` to) against the PATH walk it replaced, for any PATH.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { venvCandidates } from "./pip-effects";

/** The former walk of venvOnPath: which venv each directory names, up to the first system bin. */
function walked(path: string): string[] {
  const found: string[] = [];
  for (const dir of path.split(":")) {
    const venv = dir.replace(/\/bin\/?$/, "");
    if (venv !== dir && !found.includes(venv)) found.push(venv);
    if (dir === "/usr/local/bin" || dir === "/usr/bin") break;
  }
  return found;
}

describe("venvCandidates", () => {
  it.each([
    { path: "/opt/venv/bin:/usr/local/bin:/usr/bin", venvs: ["/opt/venv", "/usr/local"] },
    { path: "/usr/bin:/opt/venv/bin", venvs: ["/usr"] },
    { path: "/opt/a/bin/:/opt/a/bin:/opt/b/sbin:/bin", venvs: ["/opt/a", ""] },
    { path: "", venvs: [] },
  ])("$path names $venvs", ({ path, venvs }) => {
    expect(venvCandidates(path)).toEqual(venvs);
  });

  it("reads any PATH as the split walk did, the same PATH twice included", () => {
    const dir = fc.constantFrom("/opt/venv/bin", "/opt/venv/bin/", "/usr/local/bin", "/usr/bin", "/bin", "bin", "/x/bin/y", "", "/usr/local/bin/", "/b");
    fc.assert(fc.property(fc.array(dir, { maxLength: 12 }), (dirs) => {
      const path = dirs.join(":");
      expect(venvCandidates(path)).toEqual(walked(path));
      expect(venvCandidates(path)).toEqual(walked(path));
    }), { numRuns: 2000 });
  });
});
