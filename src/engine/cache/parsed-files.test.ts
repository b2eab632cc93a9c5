// The cached parses answer what the parsers answer: the same model for any text (random and realistic),
// and the very same object when asked again with the same (path, text).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseProjectFile } from "../project";
import { parseRequirementsFile } from "../requirements/parse-requirements";
import { clearParsedFileCaches, COMMAND_LINE, parseCommandLineRequirementCached, parseProjectFileCached, parseRequirementsFileCached } from "./parsed-files";

const REQUIREMENT_LINES = ["flask==3.1.3", "requests>=2 ; python_version >= '3.8'", "-r base.txt", "numpy[extra]", "# comment", "-e .", "--hash=sha256:abc", "\\", ""];
const requirementsText = fc.array(fc.oneof(fc.constantFrom(...REQUIREMENT_LINES), fc.string()), { maxLength: 12 }).map((lines) => lines.join("\n"));
const PYPROJECT = '[project]\nname = "app"\ndependencies = ["flask>=3", "requests"]\n';

describe("parsed file caches", () => {
  it("give the parser's own requirements model, once per (path, text)", () => {
    clearParsedFileCaches();
    fc.assert(fc.property(fc.constantFrom("requirements.txt", "req/dev.txt"), requirementsText, (path, text) => {
      const cached = parseRequirementsFileCached(path, text);
      expect(cached).toEqual(parseRequirementsFile(path, text));
      expect(parseRequirementsFileCached(path, text)).toBe(cached);
    }), { numRuns: 200 });
  });

  it.each([
    { name: "pyproject.toml", path: "pyproject.toml", text: PYPROJECT },
    { name: "a broken uv.lock", path: "uv.lock", text: "[[package]]\nname = \n" },
    { name: "a requirements file (not a project file)", path: "requirements.txt", text: "flask\n" },
  ])("give the parser's own project model for $name", ({ path, text }) => {
    const cached = parseProjectFileCached(path, text);
    expect(cached).toEqual(parseProjectFile(path, text));
    expect(parseProjectFileCached(path, text)).toBe(cached);
  });

  it("keys by path as well as text: the same text under another path is parsed under that path", () => {
    const a = parseRequirementsFileCached("a.txt", "flask\n");
    const b = parseRequirementsFileCached("b.txt", "flask\n");
    expect(a.requirements[0]?.file).toBe("a.txt");
    expect(b.requirements[0]?.file).toBe("b.txt");
  });

  it.each([
    { name: "a pin", spec: "flask==3.1.3" },
    { name: "extras and a marker", spec: "uvicorn[standard]>=0.30; python_version >= '3.9'" },
    { name: "a bad spec (its diagnostic names the command line)", spec: "flask==" },
  ])("give the command-line requirement the parser gives, once per spec: $name", ({ spec }) => {
    const cached = parseCommandLineRequirementCached(spec);
    expect(cached).toEqual(parseRequirementsFile(COMMAND_LINE, spec));
    expect(parseCommandLineRequirementCached(spec)).toBe(cached);
  });
});
