import { describe, expect, it } from "vitest";
import { markerEnvironment } from "../requirements/markers";
import { parseProjectFile } from "./index";
import { lockClosure, type LockSelection } from "./lock-closure";
import { fixture } from "./test-support";
import type { LockFile, ProjectManifest } from "./types";

function parsed(path: string, name: string): { lock: LockFile | null; manifest: ProjectManifest | null } {
  const p = parseProjectFile(path, fixture(name));
  return { lock: p !== null && "lock" in p ? p.lock : null, manifest: p !== null && "manifest" in p ? p.manifest : null };
}

const env = markerEnvironment("3.12");
const uv = parsed("uv.lock", "uv.lock").lock ?? { packages: [] };
const uvManifest = parsed("pyproject.toml", "pyproject-uv.toml").manifest;
const poetry = parsed("poetry.lock", "poetry.lock").lock ?? { packages: [] };
const poetryManifest = parsed("pyproject.toml", "pyproject-poetry.toml").manifest;
const poetry18Text = fixture("poetry.lock").replace(/^(groups|category) = .*\n/gm, "");
const poetry18 = (() => { const p = parseProjectFile("poetry.lock", poetry18Text); return p !== null && "lock" in p ? p.lock : { packages: [] }; })();
const pipenv = parsed("Pipfile.lock", "Pipfile.lock").lock ?? { packages: [] };
const pdm = parsed("pdm.lock", "pdm.lock").lock ?? { packages: [] };
const pdmManifest = parsed("pyproject.toml", "pyproject-pdm.toml").manifest;

const sel = (main: boolean, groups: string[], extras: string[] | "all" = []): LockSelection => ({ main, groups: new Set(groups), extras: extras === "all" ? "all" : new Set(extras) });

// flask → blinker, click, itsdangerous, jinja2 → markupsafe, werkzeug; gunicorn → packaging;
// requests → certifi, charset-normalizer, idna, urllib3 (PyPI metadata of those releases).
const RUNTIME = ["blinker", "certifi", "charset-normalizer", "click", "flask", "gunicorn", "idna", "itsdangerous", "jinja2", "markupsafe", "packaging", "requests", "urllib3", "werkzeug"];

describe("uv.lock closure", () => {
  it.each([
    // click's colorama edge is Windows-only; pytest's exceptiongroup/tomli are for Python < 3.11.
    { name: "uv sync: runtime + dev group", selection: sel(true, ["dev"]), expected: [...RUNTIME, "iniconfig", "pluggy", "pytest"].sort() },
    { name: "uv sync --no-dev", selection: sel(true, []), expected: RUNTIME },
    { name: "uv sync --only-group dev", selection: sel(false, ["dev"]), expected: ["iniconfig", "packaging", "pluggy", "pytest"] },
  ])("$name", ({ selection, expected }) => {
    const result = lockClosure("uv-lock", uv, uvManifest, selection, env);
    expect(result.packages.map((p) => p.name).sort()).toEqual(expected);
    expect(result.root).toBe("webapp");
    expect(result.local).toEqual(["webapp"]);
    expect(result.missing).toEqual([]);
  });

  it("follows an extra requested through an edge, and reports names the lock lacks", () => {
    const root = uv.packages.find((p) => p.name === "webapp");
    if (root === undefined) throw new Error("the fixture has the project package");
    const lock: LockFile = { packages: [
      ...uv.packages.filter((p) => p.name !== "webapp"),
      { ...root, dependencies: [{ name: "gunicorn", marker: null, extras: ["gevent"], version: null }], groupDependencies: new Map() },
    ] };
    const result = lockClosure("uv-lock", lock, uvManifest, sel(true, []), env);
    expect(result.packages.map((p) => p.name).sort()).toEqual(["gunicorn", "packaging"]);
    expect(result.missing).toEqual(["gevent"]);
  });

  it("evaluates markers for the stage's Python", () => {
    const result = lockClosure("uv-lock", uv, uvManifest, sel(false, ["dev"]), markerEnvironment("3.10"));
    // On 3.10 pytest needs exceptiongroup and tomli, which this lock (made for >=3.12) does not hold.
    expect(result.missing).toEqual(["exceptiongroup", "tomli"]);
  });

  it("terminates on cycles and visits each package once", () => {
    const pkg = (name: string, deps: string[]) => ({ name, version: "1", source: "registry" as const, dependencies: deps.map((d) => ({ name: d, marker: null, extras: [], version: null })),
      optionalDependencies: new Map(), groupDependencies: new Map(), wheels: [], sdistSize: null, groups: [], optional: false, marker: null, line: 1 });
    const lock: LockFile = { packages: [{ ...pkg("app", ["a"]), source: "editable" }, pkg("a", ["b"]), pkg("b", ["a", "c"]), pkg("c", ["a", "b"])] };
    expect(lockClosure("uv-lock", lock, null, sel(true, []), env).packages.map((p) => p.name)).toEqual(["a", "b", "c"]);
  });
});

describe("uv.lock of a workspace", () => {
  // The root (virtual) depends on nothing; its members api (→ pandas → numpy) and worker (→ idna) do.
  const text = [
    'version = 1\nrequires-python = ">=3.12"\n\n[manifest]\nmembers = ["api", "mono", "worker"]\n',
    '[[package]]\nname = "mono"\nversion = "0.1.0"\nsource = { virtual = "." }\n',
    '[[package]]\nname = "api"\nversion = "0.1.0"\nsource = { editable = "packages/api" }\ndependencies = [{ name = "pandas" }]\n',
    '[[package]]\nname = "worker"\nversion = "0.1.0"\nsource = { editable = "packages/worker" }\ndependencies = [{ name = "idna" }]\n',
    '[[package]]\nname = "idna"\nversion = "3.11"\nsource = { registry = "https://pypi.org/simple" }\n',
    '[[package]]\nname = "pandas"\nversion = "2.3.3"\nsource = { registry = "https://pypi.org/simple" }\ndependencies = [{ name = "numpy" }]\n',
    '[[package]]\nname = "numpy"\nversion = "2.3.4"\nsource = { registry = "https://pypi.org/simple" }\n',
  ].join("\n");
  const p = parseProjectFile("uv.lock", text);
  const lock = p !== null && "lock" in p ? p.lock : { packages: [] };
  const manifest = { ...(parsed("pyproject.toml", "pyproject-uv.toml").manifest as ProjectManifest), name: "mono" };

  it.each([
    { name: "uv sync: the root project alone", packages: undefined, expected: [], local: ["mono"] },
    { name: "uv sync --package api", packages: ["api"], expected: ["numpy", "pandas"], local: ["api"] },
    { name: "uv sync --all-packages", packages: "all" as const, expected: ["idna", "numpy", "pandas"], local: ["mono", "api", "worker"] },
  ])("$name", ({ packages, expected, local }) => {
    const result = lockClosure("uv-lock", lock, manifest, { ...sel(true, []), ...(packages === undefined ? {} : { packages }) }, env);
    expect(result.packages.map((x) => x.name).sort()).toEqual(expected);
    expect(result.local).toEqual(local);
  });
});

describe("poetry.lock and Pipfile.lock selection", () => {
  it.each([
    { name: "poetry install (main + dev)", selection: sel(true, ["dev"]), expected: [...RUNTIME, "iniconfig", "pluggy", "pytest"].sort() },
    { name: "poetry install --only main", selection: sel(true, []), expected: RUNTIME },
    { name: "poetry install -E socks --only main", selection: sel(true, [], ["socks"]), expected: [...RUNTIME, "pysocks"].sort() },
  ])("$name", ({ selection, expected }) => {
    const result = lockClosure("poetry-lock", poetry, poetryManifest, selection, env);
    // colorama is Windows-only (its package marker); pysocks is optional.
    expect(result.packages.map((p) => p.name).sort()).toEqual(expected);
    // The same lock as poetry 1.5–1.8 writes it (no `groups`, no `category`): walked from pyproject.toml.
    expect(lockClosure("poetry-lock", poetry18, poetryManifest, selection, env).packages.map((p) => p.name).sort()).toEqual(expected);
  });

  it("a poetry 1.8 lock without pyproject.toml: every package is main, none is lost", () => {
    const names = lockClosure("poetry-lock", poetry18, null, sel(true, []), env).packages.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining([...RUNTIME, "pytest"]));
  });

  it("pipenv: default section, markers evaluated (pywin32 is Windows-only)", () => {
    expect(lockClosure("pipfile-lock", pipenv, null, sel(true, []), env).packages.map((p) => p.name)).toEqual(["certifi", "charset-normalizer", "idna", "requests", "urllib3"]);
    expect(lockClosure("pipfile-lock", pipenv, null, sel(true, ["dev"]), env).packages.map((p) => p.name)).toContain("pytest");
  });
});

describe("pdm.lock selection", () => {
  const pdmSel = (main: boolean, groups: string[] | "all", extras: string[] = [], noGroups: string[] = []): LockSelection => ({ main, groups: groups === "all" ? "all" : new Set(groups), noGroups: new Set(noGroups), extras: new Set(extras) });
  // The same selections read from the lock's groups and, for a lock written without them, walked from the manifest.
  const withoutGroups: LockFile = { packages: pdm.packages.map((p) => ({ ...p, groups: [] })) };
  it.each([
    { name: "pdm install (default + dev groups, no extras)", selection: pdmSel(true, "all", [], ["socks"]), expected: [...RUNTIME, "iniconfig", "pluggy", "pytest"].sort() },
    { name: "pdm install --prod", selection: pdmSel(true, []), expected: RUNTIME },
    { name: "pdm install --prod -G socks", selection: pdmSel(true, ["socks"], ["socks"]), expected: [...RUNTIME, "pysocks"].sort() },
    { name: "pdm install --no-default -G dev", selection: pdmSel(false, ["dev"]), expected: ["iniconfig", "packaging", "pluggy", "pytest"] },
  ])("$name", ({ selection, expected }) => {
    expect(lockClosure("pdm-lock", pdm, pdmManifest, selection, env).packages.map((p) => p.name).sort()).toEqual(expected);
    expect(lockClosure("pdm-lock", withoutGroups, pdmManifest, selection, env).packages.map((p) => p.name).sort()).toEqual(expected);
  });
});
