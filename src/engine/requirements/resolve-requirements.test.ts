import { describe, expect, it } from "vitest";
import { markerEnvironment } from "./markers";
import { parseRequirementsFile } from "./parse-requirements";
import { parseAndResolve, resolveRequirements } from "./resolve-requirements";

// Optional values only because TypeScript widens the table rows to a union of their shapes.
type Files = Readonly<Record<string, string | undefined>>;

function resolve(entry: string, files: Files, python = "3.12") {
  const inputs = Object.entries(files).flatMap(([path, content]) => (content === undefined ? [] : [{ path, content }]));
  return parseAndResolve(entry, inputs, markerEnvironment(python));
}

function found(result: ReturnType<typeof resolve>) {
  return result.diagnostics.map((d) => [typeof d.file === "object" && "requirements" in d.file ? d.file.requirements : d.file, d.line, d.column, d.severity, d.code]);
}

describe("resolveRequirements", () => {
  it.each([
    {
      name: "sibling include in a subdirectory, in written order",
      entry: "requirements/prod.txt",
      files: { "requirements/prod.txt": "gunicorn\n-r base.txt\npsycopg", "requirements/base.txt": "django\n" },
      names: ["gunicorn", "django", "psycopg"],
      visited: ["requirements/prod.txt", "requirements/base.txt"],
    },
    {
      name: "include of a parent directory",
      entry: "requirements/prod.txt",
      files: { "requirements/prod.txt": "-r ../x.txt\nb", "x.txt": "a" },
      names: ["a", "b"],
      visited: ["requirements/prod.txt", "x.txt"],
    },
    {
      name: "entry given with ./ and nested includes",
      entry: "./requirements.txt",
      files: { "requirements.txt": "-r requirements/production.txt", "requirements/production.txt": "-r base.txt\nuwsgi", "requirements/base.txt": "django" },
      names: ["django", "uwsgi"],
      visited: ["requirements.txt", "requirements/production.txt", "requirements/base.txt"],
    },
    {
      name: "absolute paths",
      entry: "/app/requirements.txt",
      files: { "/app/requirements.txt": "-r ./base.txt\nb", "/app/base.txt": "a" },
      names: ["a", "b"],
      visited: ["/app/requirements.txt", "/app/base.txt"],
    },
    {
      name: "a file included twice (diamond) is read once",
      entry: "a.txt",
      files: { "a.txt": "-r b.txt\n-r c.txt", "b.txt": "-r d.txt\nb", "c.txt": "-r d.txt\nc", "d.txt": "d" },
      names: ["d", "b", "c"],
      visited: ["a.txt", "b.txt", "d.txt", "c.txt"],
    },
  ])("$name", ({ entry, files, names, visited }) => {
    const result = resolve(entry, files);
    expect(result.diagnostics).toEqual([]);
    expect(result.requirements.map((r) => r.name)).toEqual(names);
    expect(result.files.map((f) => f.path)).toEqual(visited);
  });

  it.each([
    {
      name: "a file including itself",
      files: { "requirements.txt": "flask\n-r requirements.txt\nsix" },
      names: ["flask", "six"],
      problems: [["requirements.txt", 2, 1, "warning", "requirements/include-cycle"]],
    },
    {
      name: "an indirect cycle",
      files: { "requirements.txt": "a\n-r b.txt", "b.txt": "b\n  -r ./requirements.txt" },
      names: ["a", "b"],
      problems: [["b.txt", 2, 3, "warning", "requirements/include-cycle"]],
    },
    {
      name: "a missing include",
      files: { "requirements.txt": "flask\n  -r nope.txt\nsix" },
      names: ["flask", "six"],
      problems: [["requirements.txt", 2, 3, "warning", "requirements/missing-include"]],
    },
    {
      name: "a remote include",
      files: { "requirements.txt": "-r https://example.com/r.txt\nsix" },
      names: ["six"],
      problems: [["requirements.txt", 1, 1, "warning", "requirements/remote-include"]],
    },
    {
      name: "an include found by its unique basename",
      files: { "requirements.txt": "-r requirements/base.txt\nsix", "base.txt": "django" },
      names: ["django", "six"],
      problems: [["requirements.txt", 1, 1, "info", "requirements/include-by-basename"]],
    },
    {
      name: "an include whose basename is ambiguous",
      files: { "requirements.txt": "-r base.txt", "a/base.txt": "x", "b/base.txt": "y" },
      names: [],
      problems: [["requirements.txt", 1, 1, "warning", "requirements/missing-include"]],
    },
    {
      name: "parse problems of visited files",
      files: { "requirements.txt": "-r base.txt\nok", "base.txt": "bad==>1", "unused.txt": "also==>bad" },
      names: ["ok"],
      problems: [["base.txt", 1, 4, "error", "requirements/invalid-specifier"]],
    },
  ])("reports $name", ({ files, names, problems }) => {
    const result = resolve("requirements.txt", files);
    expect(found(result)).toEqual(problems);
    expect(result.requirements.map((r) => r.name)).toEqual(names);
  });

  it("reports a missing entry without throwing", () => {
    const result = resolve("requirements.txt", { "other.txt": "x" });
    expect(found(result)).toEqual([["requirements.txt", 1, 1, "warning", "requirements/missing-entry"]]);
    expect([result.files, result.requirements, result.constraints]).toEqual([[], [], []]);
  });

  it("puts -c lines in constraints, and -r inside a constraints file back in requirements, as pip does", () => {
    const result = resolve("requirements.txt", {
      "requirements.txt": "flask\n-c constraints.txt",
      "constraints.txt": "werkzeug<3\n-r extra.txt",
      "extra.txt": "six",
    });
    expect(result.requirements.map((r) => r.name)).toEqual(["flask", "six"]);
    expect(result.constraints.map((r) => [r.name, r.specifier])).toEqual([["werkzeug", "<3"]]);
  });

  it.each([
    { name: "python 3.8 keeps it", python: "3.8", names: ["flask", "importlib-metadata"] },
    { name: "python 3.12 drops it", python: "3.12", names: ["flask"] },
  ])("evaluates markers: $name", ({ python, names }) => {
    const result = resolve("requirements.txt", { "requirements.txt": 'flask\nimportlib-metadata; python_version < "3.10"' }, python);
    expect(result.requirements.map((r) => r.name)).toEqual(names);
  });

  it("re-evaluates markers for its own target, keeping undecidable ones", () => {
    const files = [parseRequirementsFile("r.txt", 'a; python_version < "3.10"\nb; extra == "x"\nc; sys_platform == "win32"')];
    expect(resolveRequirements("r.txt", files).requirements.map((r) => [r.name, r.markerApplies])).toEqual([["a", null], ["b", null]]);
    expect(resolveRequirements("r.txt", files, markerEnvironment("3.9")).requirements.map((r) => [r.name, r.markerApplies])).toEqual([
      ["a", true],
      ["b", null],
    ]);
  });

  it("merges options of every visited file", () => {
    const result = resolve("requirements.txt", {
      "requirements.txt": "-i https://a/simple\n-r base.txt\n--only-binary numpy",
      "base.txt": "--index-url https://b/simple\n--extra-index-url https://c\n--pre",
    });
    expect(result.options).toEqual({
      indexUrl: "https://b/simple",
      noIndex: false,
      extraIndexUrls: ["https://c"],
      findLinks: [],
      noBinary: [],
      onlyBinary: ["numpy"],
      preferBinary: false,
      requireHashes: false,
      pre: true,
      trustedHosts: [],
    });
  });

  it("accepts bytes in parseAndResolve", () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...[..."six\r\n"].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(parseAndResolve("r.txt", [{ path: "r.txt", content: bytes }]).requirements.map((r) => r.name)).toEqual(["six"]);
  });
});

describe("resolveRequirements, resolved once per files, entry and environment", () => {
  const files = [parseRequirementsFile("requirements.txt", "flask\ntomli; python_version < '3.11'\n")];
  const names = (r: ReturnType<typeof resolveRequirements>): string[] => r.requirements.map((q) => q.name ?? "");

  it("the same files, entry and environment give the same result, not a second resolution", () => {
    const env = markerEnvironment("3.10");
    expect(resolveRequirements("requirements.txt", files, env)).toBe(resolveRequirements("requirements.txt", files, markerEnvironment("3.10")));
  });

  it.each([
    { name: "Python 3.10 needs tomli", python: "3.10", expected: ["flask", "tomli"] },
    { name: "Python 3.12 does not", python: "3.12", expected: ["flask"] },
  ])("another environment is resolved for itself: $name", ({ python, expected }) => {
    expect(names(resolveRequirements("requirements.txt", files, markerEnvironment(python)))).toEqual(expected);
  });
});

describe("resolveRequirements, keyed by the files' identities (one resolution per plan, issue 13)", () => {
  const base = parseRequirementsFile("base.txt", "six\n");
  const entry = parseRequirementsFile("requirements.txt", "-r base.txt\nflask\n");

  it("a new list of the same file objects (the next step's analysis) gives the same result", () => {
    expect(resolveRequirements("requirements.txt", [entry, base])).toBe(resolveRequirements("requirements.txt", [entry, base]));
  });

  it.each([
    // Another parse of the same text is another object: resolved afresh, and to the same answer.
    { name: "another parse of the same text", files: () => [parseRequirementsFile("requirements.txt", "-r base.txt\nflask\n"), base], expected: ["six", "flask"] },
    // The files in another order: the first file given under a path wins, so order is part of the key.
    { name: "the same files in another order", files: () => [base, entry], expected: ["six", "flask"] },
    // A file fewer: the include is missing now, which a result cached for both files would hide.
    { name: "one file fewer", files: () => [entry], expected: ["flask"] },
  ])("$name is resolved for itself", ({ files, expected }) => {
    const cached = resolveRequirements("requirements.txt", [entry, base]);
    const other = resolveRequirements("requirements.txt", files());
    expect(other).not.toBe(cached);
    expect(other.requirements.map((r) => r.name)).toEqual(expected);
  });
});
