// A small wheel table for tests of the lookups: hand-made rows whose expected answers can be read off
// the rows themselves (the real table's numbers change with every refresh). `withTestTable` installs it
// for a describe block and puts the real table (installed by the Vitest setup file) back after.
import { afterAll, beforeAll } from "vitest";
import { loadPythonTable } from "../../node/load-python-table";
import { installPythonTable } from "./python-table";

type Row = [string, [string, string | null, string | null][], Record<string, [string, string | null][]>, number | null, [string, number][], number, number];

const calibration = (ratio: number) => ({ ratio, rows: 3, medianError: 0.1, p90Error: 0.3 });

export const TEST_TABLE = {
  tablesVersion: "test.00000000",
  format: 1,
  generated: "2026-12-01",
  provenance: "test rows",
  calibration: { pure: calibration(7), compiled: calibration(4), nativeLibs: calibration(2.5), cuda: calibration(1.6) },
  sources: [["example/repo@0000000000000000000000000000000000000000:uv.lock", "2026-08-01"]],
  measured: {
    // Measured for 2.0 with a 1,000-byte wheel: 5,000 bytes installed (ratio 5).
    web: ["2.0", 5000, 1000, "pure", "ratio measured on a test build"],
  },
  projects: {
    web: [
      // Held without any size (no wheel, no sdist), as a lock that read a private index records it.
      ["3.0", [], {}, null, [], 0, 1],
      ["2.1", [["helper", null, null], ["win-only", "sys_platform == 'win32'", null], ["old-backport", "python_version < '3.10'", null]], { speed: [["fast", null], ["turbo", null]] }, 3000, [["py3-none-any", 1200]], 0, 4],
      ["2.0", [["helper", null, null]], {}, 3000, [["py3-none-any", 1000]], 0, 9],
      ["1.0", [["helper", null, null]], {}, 2000, [["py3-none-any", 800]], 0, 1],
    ] satisfies Row[],
    helper: [["1.0", [["web", null, null], ["ghost", null, null]], {}, 100, [["py3-none-any", 10]], 0, 3]] satisfies Row[],
    fast: [["3.0", [], {}, 5000, [
      ["cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64", 4000],
      ["cp312-cp312-manylinux_2_39_x86_64", 4100],
      ["cp312-cp312-musllinux_1_2_x86_64", 4200],
      ["cp312-cp312-manylinux_2_17_aarch64.manylinux2014_aarch64", 3900],
      ["cp39-abi3-manylinux_2_17_x86_64", 3000],
    ], 0, 2]] satisfies Row[],
    turbo: [["1.0", [], {}, 50, [["py3-none-any", 20]], 0, 1]] satisfies Row[],
    // A dependency with an extra asked of it (uv.lock's `{ name = "web", extra = ["speed"] }`).
    app: [["1.0", [["web", null, "speed"]], {}, 100, [["py3-none-any", 10]], 0, 1]] satisfies Row[],
    // A beta above the newest final release (as lock files hold sqlalchemy 2.1.0b3 above 2.0.52), and a
    // project with pre-releases only.
    beta: [["2.0b1", [], {}, 100, [["py3-none-any", 30]], 0, 1], ["1.5", [], {}, 100, [["py3-none-any", 20]], 0, 1]] satisfies Row[],
    nightly: [["1.0a2", [], {}, 100, [["py3-none-any", 11]], 0, 1], ["1.0a1", [], {}, 100, [["py3-none-any", 10]], 0, 1]] satisfies Row[],
    // Newest version only as an sdist (and for another Python); 0.9 has a wheel for 3.12.
    native: [
      ["1.0", [], {}, 9000, [["cp313-cp313-manylinux_2_17_x86_64", 2000]], 0, 1],
      ["0.9", [], {}, 8000, [["cp312-cp312-manylinux_2_17_x86_64", 1500]], 0, 1],
    ] satisfies Row[],
    // A uv resolution fork kept half: 2.0 lists turbo only for darwin, 1.0 lists it for every platform.
    // win-only stays win32-only in every version.
    forked: [
      ["2.0", [["turbo", "sys_platform == 'darwin'", null], ["win-only", "sys_platform == 'win32'", null]], {}, 100, [["py3-none-any", 10]], 0, 1],
      ["1.0", [["turbo", null, null], ["win-only", "sys_platform == 'win32'", null]], {}, 100, [["py3-none-any", 10]], 0, 1],
    ] satisfies Row[],
    // 1.0 held without sizes from a macOS lock: every dependency carries that lock's fork marker (as torch
    // 2.2.2's do), and the Linux-only one 2.0 lists is missing.
    maclock: [
      ["2.0", [["turbo", null, null], ["helper", "sys_platform == 'linux'", null]], {}, 100, [["py3-none-any", 10]], 0, 1],
      ["1.0", [["turbo", "platform_machine == 'x86_64' and sys_platform == 'darwin'", null], ["beta", "platform_machine == 'x86_64' and sys_platform == 'darwin'", null]], {}, null, [], 0, 1],
    ] satisfies Row[],
    // Wheels on both sides of CPython 3.12 but none for it: a real gap, so 3.12 builds the sdist.
    gap: [["1.0", [], {}, 9000, [["cp311-cp311-manylinux_2_17_x86_64", 1900], ["cp313-cp313-manylinux_2_17_x86_64", 2000]], 0, 1]] satisfies Row[],
    // CPython 3.12 arrives within the releases held: 1.0 has wheels up to cp311, 3.1.5 is the first with
    // cp312. `early` holds only releases with cp312 wheels: nothing shows when 3.12 arrived.
    arrival: [
      ["3.1.5", [], {}, 9000, [["cp311-cp311-manylinux_2_17_x86_64", 1900], ["cp312-cp312-manylinux_2_17_x86_64", 2000]], 0, 1],
      ["1.0", [], {}, 8000, [["cp310-cp310-manylinux_2_17_x86_64", 1700], ["cp311-cp311-manylinux_2_17_x86_64", 1800]], 0, 1],
    ] satisfies Row[],
    early: [["2.0", [], {}, 9000, [["cp312-cp312-manylinux_2_17_x86_64", 2000]], 0, 1]] satisfies Row[],
    // A release with a musllinux wheel: an older pin stands in with it, which pip's release may lack.
    muslish: [["2.0", [], {}, 9000, [["cp312-cp312-manylinux_2_17_x86_64", 1900], ["cp312-cp312-musllinux_1_2_x86_64", 2000]], 0, 1]] satisfies Row[],
    // A lock kept only its own Python's wheels: `thin` holds one cp37 manylinux wheel of a release; `kept`
    // holds 2.0 with cp38/cp39 wheels only, after 1.0 already had cp312's; `ended` stopped at cp39.
    thin: [["2.0", [], {}, 9000, [["cp37-cp37m-manylinux_2_17_x86_64", 1500]], 0, 1]] satisfies Row[],
    kept: [
      ["2.0", [], {}, 9000, [["cp38-cp38-manylinux_2_17_x86_64", 1600], ["cp39-cp39-manylinux_2_17_x86_64", 1700]], 0, 1],
      ["1.0", [], {}, 8000, [["cp312-cp312-manylinux_2_17_x86_64", 1400]], 0, 1],
    ] satisfies Row[],
    ended: [["2.0", [], {}, 9000, [["cp38-cp38-manylinux_2_17_x86_64", 1600], ["cp39-cp39-manylinux_2_17_x86_64", 1700]], 0, 1]] satisfies Row[],
    // A uv fork kept half, by Python minor: turbo for every platform but CPython 3.12 x86_64 Linux.
    minorfork: [["1.0", [["turbo", "python_full_version != '3.12.*' or platform_machine != 'x86_64' or sys_platform != 'linux'", null]], {}, 100, [["py3-none-any", 10]], 0, 1]] satisfies Row[],
    "win-only": [["1.0", [], {}, 10, [["py3-none-any", 10]], 0, 1]] satisfies Row[],
    "old-backport": [["1.0", [], {}, 10, [["py3-none-any", 10]], 0, 1]] satisfies Row[],
  },
};

/** Install TEST_TABLE for the enclosing describe block; the real table comes back afterwards. */
export function withTestTable(): void {
  beforeAll(() => {
    const result = installPythonTable(TEST_TABLE);
    if (!result.ok) throw new Error(result.error);
  });
  afterAll(() => {
    const result = loadPythonTable();
    if (!result.ok) throw new Error(result.error);
  });
}
