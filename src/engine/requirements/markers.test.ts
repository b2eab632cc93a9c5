import { describe, expect, it } from "vitest";
import { parseMarker } from "./marker-parser";
import { evaluateMarkerText, markerEnvironment } from "./markers";

describe("evaluateMarkerText", () => {
  it.each([
    { name: "python_version below, on 3.8", marker: 'python_version < "3.10"', python: "3.8", result: true },
    { name: "python_version below, on 3.12", marker: 'python_version < "3.10"', python: "3.12", result: false },
    { name: "3.10 is not below 3.9 as a string would be", marker: 'python_version < "3.9"', python: "3.10", result: false },
    { name: "single quotes and and", marker: "python_version >= '3.8' and python_version < '3.13'", python: "3.12", result: true },
    // Only the minor known: the patch decides, so undecidable (which counts as holding): python:3.7 images
    // are 3.7.16, and pandas 1.x locks say `python_full_version >= '3.7.1'`.
    { name: "full version, minor only: the patch decides", marker: 'python_full_version >= "3.12.1"', python: "3.12", result: null },
    { name: "full version, minor only: every patch agrees (below)", marker: 'python_full_version >= "3.13.1"', python: "3.12", result: false },
    { name: "full version, minor only: every patch agrees (above)", marker: 'python_full_version >= "3.11.4"', python: "3.12", result: true },
    { name: "full version, minor only: X.Y.0 exactly is undecidable", marker: 'python_full_version == "3.12.0"', python: "3.12", result: null },
    { name: "full version given", marker: 'python_full_version >= "3.12.1"', python: "3.12.4", result: true },
    { name: "compatible release", marker: 'python_version ~= "3.8"', python: "3.12", result: true },
    { name: "wildcard equality", marker: 'python_version == "3.*"', python: "3.12", result: true },
    { name: "arbitrary equality", marker: 'python_version === "3.12"', python: "3.12", result: true },
    { name: "literal on the left", marker: '"3.8" <= python_version', python: "3.12", result: true },
    { name: "not in a list string", marker: "python_version not in '3.0, 3.1, 3.2'", python: "3.12", result: true },
    { name: "in a list string", marker: "python_version in '3.11, 3.12'", python: "3.12", result: true },
    { name: "sys_platform", marker: 'sys_platform == "win32"', python: "3.12", result: false },
    { name: "sys_platform not equal", marker: 'sys_platform != "win32"', python: "3.12", result: true },
    { name: "platform_system", marker: 'platform_system == "Linux"', python: "3.12", result: true },
    { name: "os_name", marker: 'os_name == "nt"', python: "3.12", result: false },
    { name: "legacy os.name", marker: 'os.name == "posix"', python: "3.12", result: true },
    { name: "platform_machine", marker: 'platform_machine == "x86_64"', python: "3.12", result: true },
    { name: "platform_machine in", marker: 'platform_machine in "aarch64 arm64"', python: "3.12", result: false },
    { name: "substring of a variable", marker: '"lin" in sys_platform', python: "3.12", result: true },
    { name: "implementation_name", marker: 'implementation_name == "cpython"', python: "3.12", result: true },
    { name: "platform_python_implementation", marker: 'platform_python_implementation != "PyPy"', python: "3.12", result: true },
    { name: "extra is undecidable", marker: 'extra == "test"', python: "3.12", result: null },
    { name: "or settles an undecidable side", marker: 'extra == "test" or python_version >= "3"', python: "3.12", result: true },
    { name: "and settles an undecidable side", marker: 'extra == "test" and python_version < "3"', python: "3.12", result: false },
    { name: "and keeps undecidable", marker: 'extra == "test" and python_version >= "3"', python: "3.12", result: null },
    { name: "platform_release is the host's", marker: 'platform_release >= "5.0"', python: "3.12", result: null },
    { name: "unknown variable", marker: 'python_versoin > "3"', python: "3.12", result: null },
    {
      name: "parentheses and precedence",
      marker: '(python_version >= "3.6" and python_full_version < "3.0.0") or python_full_version >= "3.5.0"',
      python: "3.12",
      result: true,
    },
    { name: "and binds tighter than or", marker: 'os_name == "nt" and python_version < "3" or sys_platform == "linux"', python: "3.12", result: true },
    { name: "no spaces", marker: 'python_version<"3.9"and os_name=="posix"', python: "3.8", result: true },
    { name: "syntax error is undecidable", marker: 'python_version <', python: "3.12", result: null },
  ])("$name", ({ marker, python, result }) => {
    expect(evaluateMarkerText(marker, markerEnvironment(python)).result).toBe(result);
  });

  it.each([
    { name: "python version unknown without a target", marker: 'python_version < "3.10"', result: null },
    { name: "platform known without a target", marker: 'sys_platform == "win32"', result: false },
    { name: "machine unknown without a target", marker: 'platform_machine == "x86_64"', result: null },
  ])("without env: $name", ({ marker, result }) => {
    expect(evaluateMarkerText(marker, undefined).result).toBe(result);
  });

  it("reads aarch64 when asked", () => {
    expect(evaluateMarkerText('platform_machine == "aarch64"', markerEnvironment("3.12", "aarch64")).result).toBe(true);
  });
});

describe("parseMarker problems", () => {
  it.each([
    { name: "missing right side", marker: "python_version <", offset: 16, code: "requirements/invalid-marker" },
    { name: "unterminated string", marker: 'python_version < "3.10', offset: 17, code: "requirements/invalid-marker" },
    { name: "bad operator", marker: 'python_version ! "3"', offset: 15, code: "requirements/invalid-marker" },
    { name: "single equals", marker: 'python_version = "3"', offset: 15, code: "requirements/invalid-marker" },
    { name: "unclosed parenthesis", marker: '(python_version < "3"', offset: 21, code: "requirements/invalid-marker" },
    { name: "trailing word", marker: 'python_version < "3" xor', offset: 21, code: "requirements/invalid-marker" },
    { name: "starts with and", marker: 'and python_version < "3"', offset: 0, code: "requirements/invalid-marker" },
    { name: "not without in", marker: 'python_version not "3"', offset: 15, code: "requirements/invalid-marker" },
    { name: "unknown variable", marker: 'python_versoin > "3"', offset: 0, code: "requirements/unknown-marker-variable" },
  ])("$name", ({ marker, offset, code }) => {
    const problems = parseMarker(marker).problems;
    expect(problems.map((problem) => [problem.offset, problem.code])).toEqual([[offset, code]]);
  });

  it("parses a valid marker without problems", () => {
    expect(parseMarker('python_version >= "3.8" and (sys_platform == "linux" or os_name != "nt")').problems).toEqual([]);
  });
});

describe("markerEnvironment", () => {
  it.each([
    { name: "minor only", input: "3.12", short: "3.12", full: "3.12.0" },
    { name: "micro given", input: "3.12.4", short: "3.12", full: "3.12.4" },
    { name: "release candidate", input: "3.13.0rc1", short: "3.13", full: "3.13.0rc1" },
    { name: "major only", input: "3", short: "3.0", full: "3.0.0" },
    { name: "spaces", input: " 3.11 ", short: "3.11", full: "3.11.0" },
    { name: "not a version is kept", input: "latest", short: "latest", full: "latest" },
  ])("$name", ({ input, short, full }) => {
    const env = markerEnvironment(input);
    expect([env.pythonVersion, env.pythonFullVersion]).toEqual([short, full]);
  });

  it("targets Linux x86_64 CPython", () => {
    expect(markerEnvironment("3.12")).toEqual({
      pythonVersion: "3.12",
      pythonFullVersion: "3.12.0",
      patchKnown: false,
      sysPlatform: "linux",
      platformSystem: "Linux",
      osName: "posix",
      platformMachine: "x86_64",
      implementationName: "cpython",
      platformPythonImplementation: "CPython",
    });
  });

  it("makes version comparisons undecidable for a non-version target", () => {
    expect(evaluateMarkerText('python_version >= "3.8"', markerEnvironment("latest")).result).toBe(null);
  });
});

describe("evaluateMarkerText, memoised by text and environment (issue 13)", () => {
  const MARKER = 'python_version < "3.11" and platform_machine == "x86_64"';

  it.each([
    { name: "3.10 on x86_64", env: () => markerEnvironment("3.10"), result: true },
    { name: "3.12 on x86_64", env: () => markerEnvironment("3.12"), result: false },
    { name: "3.10 on aarch64", env: () => markerEnvironment("3.10", "aarch64"), result: false },
    { name: "no environment (undecidable)", env: () => undefined, result: null },
  ])("answers for its own environment, asked in any order: $name", ({ env, result }) => {
    // Every environment asked first, so a key that forgot a field would hand back another's answer.
    for (const other of [markerEnvironment("3.10"), markerEnvironment("3.12"), markerEnvironment("3.10", "aarch64"), undefined]) evaluateMarkerText(MARKER, other);
    expect(evaluateMarkerText(MARKER, env()).result).toBe(result);
  });

  it("shares one answer between equal environments", () => {
    expect(evaluateMarkerText(MARKER, markerEnvironment("3.10"))).toBe(evaluateMarkerText(MARKER, markerEnvironment("3.10")));
  });
});
