import { describe, expect, it } from "vitest";
import { parseProjectFile, projectFileKind } from "./index";
import { fixture } from "./test-support";
import type { ParsedProjectFile } from "./types";

function manifestOf(parsed: ParsedProjectFile | null) {
  if (parsed === null || !("manifest" in parsed)) throw new Error("expected a manifest");
  return parsed.manifest;
}

function lockOf(parsed: ParsedProjectFile | null) {
  if (parsed === null || !("lock" in parsed)) throw new Error("expected a lock");
  return parsed.lock;
}

describe("projectFileKind", () => {
  it.each([
    { path: "pyproject.toml", kind: "pyproject" },
    { path: "setup.cfg", kind: "setup-cfg" },
    { path: "lib/setup.py", kind: "setup-py" },
    { path: "backend/uv.lock", kind: "uv-lock" },
    { path: "poetry.lock", kind: "poetry-lock" },
    { path: "pdm.lock", kind: "pdm-lock" },
    { path: "Pipfile", kind: "pipfile" },
    { path: "app/Pipfile.lock", kind: "pipfile-lock" },
    { path: "requirements.txt", kind: null },
  ])("$path → $kind", ({ path, kind }) => {
    expect(projectFileKind(path)).toBe(kind);
  });
});

describe("pyproject.toml", () => {
  it("reads PEP 621 dependencies and PEP 735 groups", () => {
    const parsed = parseProjectFile("pyproject.toml", fixture("pyproject-uv.toml"));
    expect(parsed?.diagnostics).toEqual([]);
    const m = manifestOf(parsed);
    expect(m.name).toBe("webapp");
    expect(m.dependencies).toEqual(["flask>=3.0", "gunicorn>=23", "requests>=2.32"]);
    expect([...m.groups]).toEqual([["dev", ["pytest>=8"]]]);
  });

  it("translates poetry constraints, groups, optional groups and extras", () => {
    const m = manifestOf(parseProjectFile("pyproject.toml", fixture("pyproject-poetry.toml")));
    expect(m.name).toBe("webapp");
    // `python` is the interpreter; pysocks is optional, so it is only reachable through the `socks` extra.
    expect(m.dependencies).toEqual(["flask>=3.0.3,<4.0.0", "gunicorn>=23.0,<24.0", "requests>=2.32,<3.0"]);
    expect(m.optionalDependencies.get("socks")).toEqual(["pysocks>=1.7,<2.0"]);
    expect(m.groups.get("dev")).toEqual(["pytest>=8.3,<9.0"]);
    expect(m.groups.get("docs")).toEqual(["mkdocs>=1.6,<1.7"]);
    expect([...m.optionalGroups]).toEqual(["docs"]);
  });

  it("reads pdm's [tool.pdm.dev-dependencies] as groups a development install wants", () => {
    const manifest = manifestOf(parseProjectFile("pyproject.toml", fixture("pyproject-pdm.toml")));
    expect(manifest.groups.get("dev")).toEqual(["pytest>=8.3"]);
    expect([...manifest.devGroups]).toEqual(["dev"]);
    expect([...manifest.optionalDependencies.keys()]).toEqual(["socks"]);
  });

  it("reads optional-dependencies, include-group, uv dev-dependencies and default-groups", () => {
    const text = [
      "[project]", 'name = "My_App"', 'dependencies = ["httpx"]',
      "[project.optional-dependencies]", 'Server = ["uvicorn[standard]>=0.30"]',
      "[dependency-groups]", 'lint = ["ruff"]', 'test = ["pytest", { include-group = "lint" }]',
      "[tool.uv]", 'dev-dependencies = ["mypy"]', 'default-groups = ["test"]',
    ].join("\n");
    const m = manifestOf(parseProjectFile("pyproject.toml", text));
    expect(m.name).toBe("my-app");
    expect(m.optionalDependencies.get("server")).toEqual(["uvicorn[standard]>=0.30"]);
    expect(m.groups.get("test")).toEqual(["pytest", "ruff"]);
    expect(m.groups.get("dev")).toEqual(["mypy"]);
    expect(m.defaultGroups).toEqual(["test"]);
  });

  it("reads which index a package comes from: uv's sources and indexes, poetry's sources", () => {
    const uv = manifestOf(parseProjectFile("pyproject.toml", [
      "[project]", 'name = "x"', 'dependencies = ["torch==2.5.1", "Torch_Vision"]',
      "[[tool.uv.index]]", 'name = "pytorch-cpu"', 'url = "https://download.pytorch.org/whl/cpu"', "explicit = true",
      "[[tool.uv.index]]", 'name = "mirror"', 'url = "https://pypi.example.org/simple"', "default = true",
      "[tool.uv.sources]", 'torch = [{ index = "pytorch-cpu", marker = "sys_platform != \'darwin\'" }]', 'Torch_Vision = { index = "pytorch-cpu" }', 'other = { index = "nowhere" }',
    ].join("\n")));
    expect([...uv.packageIndexes]).toEqual([
      ["torch", [{ url: "https://download.pytorch.org/whl/cpu", marker: "sys_platform != 'darwin'" }]],
      ["torch-vision", [{ url: "https://download.pytorch.org/whl/cpu", marker: null }]],
    ]);
    expect(uv.defaultIndex).toBe("https://pypi.example.org/simple");
    const poetry = manifestOf(parseProjectFile("pyproject.toml", [
      "[tool.poetry]", 'name = "x"',
      "[tool.poetry.dependencies]", 'python = "^3.12"', 'torch = { version = "^2.5", source = "pytorch-cpu" }',
      "[[tool.poetry.source]]", 'name = "pytorch-cpu"', 'url = "https://download.pytorch.org/whl/cpu"', 'priority = "explicit"',
    ].join("\n")));
    expect(poetry.packageIndexes.get("torch")).toEqual([{ url: "https://download.pytorch.org/whl/cpu", marker: null }]);
    expect(poetry.defaultIndex).toBeNull();
  });
});

describe("uv.lock", () => {
  const lock = lockOf(parseProjectFile("uv.lock", fixture("uv.lock")));

  it("reads packages, sources, edges with markers and exact sizes", () => {
    expect(lock.packages).toHaveLength(19);
    const root = lock.packages.find((p) => p.name === "webapp");
    expect(root?.source).toBe("virtual");
    expect(root?.groupDependencies.get("dev")?.map((d) => d.name)).toEqual(["pytest"]);
    const click = lock.packages.find((p) => p.name === "click");
    expect(click?.dependencies).toEqual([{ name: "colorama", marker: "platform_system == 'Windows'", extras: [], version: null }]);
    const markupsafe = lock.packages.find((p) => p.name === "markupsafe");
    // The numbers in the fixture's `size` fields.
    expect(markupsafe?.sdistSize).toBe(19384);
    expect(markupsafe?.wheels).toContainEqual({ filename: "MarkupSafe-2.1.5-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", size: 28462 });
    expect(lock.packages.find((p) => p.name === "gunicorn")?.optionalDependencies.get("gevent")?.map((d) => d.name)).toEqual(["gevent"]);
  });

  it("gives each package the line of its [[package]] header", () => {
    const text = fixture("uv.lock");
    for (const p of lock.packages) expect(text.split("\n")[p.line - 1]).toBe("[[package]]");
    expect(text.split("\n")[(lock.packages.find((p) => p.name === "flask")?.line ?? 0)]).toBe('name = "flask"');
  });
});

describe("poetry.lock", () => {
  const lock = lockOf(parseProjectFile("poetry.lock", fixture("poetry.lock")));

  it("reads groups, optional flags, markers and dependency edges", () => {
    const pytest = lock.packages.find((p) => p.name === "pytest");
    expect(pytest?.groups).toEqual(["dev"]);
    expect(pytest?.dependencies.map((d) => d.name)).toEqual(["colorama", "iniconfig", "packaging", "pluggy"]);
    expect(lock.packages.find((p) => p.name === "pysocks")?.optional).toBe(true);
    expect(lock.packages.find((p) => p.name === "colorama")?.marker).toBe('platform_system == "Windows" or sys_platform == "win32"');
    // Names are normalised: `Jinja2 = ">=3.1.2"` in flask's dependencies.
    expect(lock.packages.find((p) => p.name === "flask")?.dependencies.map((d) => d.name)).toContain("jinja2");
  });

  it("reads the older `category` as the group", () => {
    const old = lockOf(parseProjectFile("poetry.lock", '[[package]]\nname = "pytest"\nversion = "7.4.0"\ncategory = "dev"\noptional = false\n'));
    expect(old.packages[0]?.groups).toEqual(["dev"]);
  });
});

describe("pdm.lock", () => {
  const lock = lockOf(parseProjectFile("pdm.lock", fixture("pdm.lock")));

  it("reads groups (default as main), package markers and PEP 508 dependency strings", () => {
    const pytest = lock.packages.find((p) => p.name === "pytest");
    expect(pytest?.groups).toEqual(["dev"]);
    expect(pytest?.dependencies.map((d) => [d.name, d.marker])).toEqual([["colorama", 'sys_platform == "win32"'], ["iniconfig", null], ["packaging", null], ["pluggy", null]]);
    expect(lock.packages.find((p) => p.name === "flask")?.groups).toEqual(["main"]);
    expect(lock.packages.find((p) => p.name === "colorama")?.marker).toBe('platform_system == "Windows" or sys_platform == "win32"');
    expect(lock.packages.find((p) => p.name === "charset-normalizer")?.wheels.map((w) => w.filename)).toEqual(["charset_normalizer-3.3.2-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"]);
  });

  it("folds an extras entry into its package: its edges become that extra's, its groups join", () => {
    const text = [
      '[[package]]\nname = "uvicorn"\nversion = "0.30.1"\ngroups = ["default"]\ndependencies = ["click>=7.0", "h11>=0.8"]\n',
      '[[package]]\nname = "uvicorn"\nversion = "0.30.1"\nextras = ["standard"]\ngroups = ["default", "web"]\ndependencies = ["uvicorn==0.30.1", "httptools>=0.5.0", "uvloop>=0.14.0; sys_platform != \\"win32\\""]\n',
    ].join("\n");
    const folded = lockOf(parseProjectFile("pdm.lock", text));
    expect(folded.packages.length).toBe(1);
    const uvicorn = folded.packages[0];
    expect(uvicorn?.dependencies.map((d) => d.name)).toEqual(["click", "h11"]);
    expect(uvicorn?.optionalDependencies.get("standard")?.map((d) => d.name)).toEqual(["uvicorn", "httptools", "uvloop"]);
    expect(uvicorn?.groups).toEqual(["main", "web"]);
  });
});

describe("Pipfile and Pipfile.lock", () => {
  it("reads [packages] and [dev-packages] as requirements", () => {
    const m = manifestOf(parseProjectFile("Pipfile", fixture("Pipfile")));
    expect(m.dependencies).toEqual(["requests", "flask[async]>=3.0"]);
    expect(m.groups.get("dev")).toEqual(["pytest==8.3.3"]);
  });

  it("reads the Python [requires] names, as a minor", () => {
    expect(manifestOf(parseProjectFile("Pipfile", "[requires]\npython_version = \"3.8\"\n")).pythonVersion).toBe("3.8");
    expect(manifestOf(parseProjectFile("Pipfile", "[requires]\npython_full_version = \"3.11.4\"\n")).pythonVersion).toBe("3.11");
    expect(manifestOf(parseProjectFile("Pipfile", "[packages]\nrequests = \"*\"\n")).pythonVersion).toBeNull();
  });

  it("reads default and develop with versions, markers and lines", () => {
    const text = fixture("Pipfile.lock");
    const lock = lockOf(parseProjectFile("Pipfile.lock", text));
    expect(lock.packages.map((p) => [p.name, p.version, p.groups[0]])).toContainEqual(["requests", "2.32.3", "main"]);
    expect(lock.packages.find((p) => p.name === "pytest")?.groups).toEqual(["dev"]);
    const requests = lock.packages.find((p) => p.name === "requests");
    expect(text.split("\n")[(requests?.line ?? 0) - 1]).toContain('"requests"');
  });
});

describe("bad input never throws and points at its line", () => {
  it.each([
    { name: "unclosed table header", path: "pyproject.toml", text: '[project]\nname = "x"\n[tool.uv\n', line: 3 },
    { name: "missing value", path: "uv.lock", text: 'version = 1\n\n[[package]]\nname = \n', line: 4 },
    { name: "duplicate key", path: "poetry.lock", text: '[[package]]\nname = "a"\nname = "b"\n', line: 3 },
    { name: "bad string", path: "Pipfile", text: '[packages]\nrequests = "*\n', line: 2 },
  ])("$name in $path → error at line $line", ({ path, text, line }) => {
    const parsed = parseProjectFile(path, text);
    expect(parsed?.diagnostics).toHaveLength(1);
    expect(parsed?.diagnostics[0]).toMatchObject({ code: "project/toml-syntax", severity: "error", line, file: { project: path } });
  });

  it("malformed JSON in Pipfile.lock → error at the failing line and column", () => {
    const parsed = parseProjectFile("Pipfile.lock", '{\n  "default": {\n    "requests": {"version": "==2.32.3",}\n  }\n}\n');
    expect(parsed?.diagnostics[0]).toMatchObject({ code: "project/json-syntax", line: 3 });
    expect(parsed?.diagnostics[0]?.column).toBeGreaterThan(30);
  });

  it.each([
    { name: "package is not a table", path: "uv.lock", text: 'package = [1, "x"]\n' },
    { name: "dependencies is a string", path: "pyproject.toml", text: '[project]\nname = "x"\ndependencies = "flask"\n' },
    { name: "Pipfile.lock is an array", path: "Pipfile.lock", text: "[1, 2]" },
    { name: "default is a string", path: "Pipfile.lock", text: '{"default": "x"}' },
    { name: "poetry dependency is a number", path: "pyproject.toml", text: "[tool.poetry.dependencies]\nflask = 3\n" },
  ])("wrong shape ($name) → a warning, no throw", ({ path, text }) => {
    const parsed = parseProjectFile(path, text);
    expect(parsed?.diagnostics.length).toBeGreaterThan(0);
    expect(parsed?.diagnostics.every((d) => d.code === "project/wrong-shape" && d.line >= 1)).toBe(true);
  });

  it("reads a 5 MB uv.lock in linear time", () => {
    const entry = (i: number) => `[[package]]\nname = "pkg-${i}"\nversion = "1.0.${i}"\nsource = { registry = "https://pypi.org/simple" }\ndependencies = [\n    { name = "pkg-${i + 1}" },\n    { name = "pkg-${Math.max(0, i - 5)}", marker = "python_version >= '3.8'" },\n]\nwheels = [\n    { url = "https://files.pythonhosted.org/packages/xx/pkg_${i}-1.0.${i}-py3-none-any.whl", hash = "sha256:${"0".repeat(64)}", size = ${1000 + i} },\n]\n\n`;
    const parts: string[] = ['version = 1\n\n[[package]]\nname = "root"\nversion = "0"\nsource = { virtual = "." }\ndependencies = [{ name = "pkg-0" }]\n\n'];
    let length = 0;
    for (let i = 0; length < 5_000_000; i++) {
      const text = entry(i);
      parts.push(text);
      length += text.length;
    }
    const started = performance.now();
    const lock = lockOf(parseProjectFile("uv.lock", parts.join("")));
    // Generous bound for a shared 2-core machine; a quadratic pass over 5 MB would take minutes.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(lock.packages.length).toBe(parts.length);
    expect(lock.packages.at(-1)?.line).toBeGreaterThan(100_000);
  }, 30_000);
});

describe("setup.py", () => {
  it.each([
    { name: "a list", text: 'setup(name="app", install_requires=["flask>=3.0", \'gunicorn\'])', expected: ["flask>=3.0", "gunicorn"] },
    { name: "a tuple, a trailing comma, comments with quotes", text: 'setup(\n    install_requires=(\n        "requests",  # don\'t pin "yet"\n        "click>=8",\n    ),\n)', expected: ["requests", "click>=8"] },
    { name: "adjacent literals and a marker", text: 'setup(install_requires=["pywin32" "; sys_platform == \'win32\'", r"attrs"])', expected: ["pywin32; sys_platform == 'win32'", "attrs"] },
    { name: "a name bound once to a list", text: 'DEPS = [\n  "numpy",\n]\nsetup(name="x", install_requires=DEPS)', expected: ["numpy"] },
    { name: "a triple-quoted docstring before it", text: '"""install_requires=["not-this"]"""\nsetup(install_requires=["six"])', expected: ["six"] },
  ])("reads $name", ({ text, expected }) => {
    const parsed = parseProjectFile("setup.py", text);
    expect(parsed?.diagnostics).toEqual([]);
    expect(manifestOf(parsed).dependencies).toEqual(expected);
  });

  it("reads name and extras_require", () => {
    const m = manifestOf(parseProjectFile("setup.py", 'setup(\n  name="My_App",\n  extras_require={"S3": ["boto3"], \'dev\': ["pytest", "ruff"],},\n)'));
    expect(m.name).toBe("my-app");
    expect([...m.optionalDependencies]).toEqual([["s3", ["boto3"]], ["dev", ["pytest", "ruff"]]]);
  });

  it.each([
    { name: "read from a file", text: 'reqs = open("requirements.txt").read().splitlines()\nsetup(install_requires=reqs)', at: [2, 24] },
    { name: "a call", text: 'setup(\n    install_requires=parse_requirements("requirements.txt"),\n)', at: [2, 22] },
    { name: "a name bound twice", text: 'DEPS = ["a"]\nif x:\n    DEPS = ["b"]\nsetup(install_requires=DEPS)', at: [4, 24] },
    { name: "a list built from an f-string", text: 'setup(install_requires=[f"pkg=={V}"])', at: [1, 24] },
  ])("reports a list it cannot read ($name) where it is, and counts nothing", ({ text, at }) => {
    const parsed = parseProjectFile("setup.py", text);
    expect(manifestOf(parsed).dependencies).toEqual([]);
    expect(parsed?.diagnostics.map((d) => [d.code, d.line, d.column, d.severity])).toEqual([["project/computed-requirements", at[0], at[1], "warning"]]);
  });

  it("never throws on text that is not Python", () => {
    for (const text of ["", "setup(install_requires=[", "install_requires=['unclosed", "\u0000\uffff(((", "setup(install_requires=)"]) {
      expect(() => parseProjectFile("setup.py", text)).not.toThrow();
    }
  });
});

describe("setup.cfg", () => {
  it("reads [options] install_requires one per line, comments out, CRLF", () => {
    const text = "[metadata]\r\nname = my_app\r\n\r\n[options]\r\ninstall_requires =\r\n    flask>=3.0\r\n    # a comment\r\n    requests; python_version >= '3.8'\r\n\r\n[options.extras_require]\r\nS3 =\r\n    boto3\r\n";
    const m = manifestOf(parseProjectFile("setup.cfg", text));
    expect(m.name).toBe("my-app");
    expect(m.dependencies).toEqual(["flask>=3.0", "requests; python_version >= '3.8'"]);
    expect([...m.optionalDependencies]).toEqual([["s3", ["boto3"]]]);
  });

  it("reads a `;`-separated list on one line", () => {
    expect(manifestOf(parseProjectFile("setup.cfg", "[options]\ninstall_requires = six;attrs>=22\n")).dependencies).toEqual(["six", "attrs>=22"]);
  });

  it("has no dependencies where [options] lists none", () => {
    expect(manifestOf(parseProjectFile("setup.cfg", "[metadata]\nname = x\n[flake8]\nmax-line-length = 100\n")).dependencies).toEqual([]);
  });
});
