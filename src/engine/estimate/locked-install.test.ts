import { describe, expect, it } from "vitest";
import { analyze, type TextFile } from "../analyze";
import { fixture } from "../project/test-support";
import type { ImageEstimate } from "./types";

const UV = [{ path: "pyproject.toml", content: fixture("pyproject-uv.toml") }, { path: "uv.lock", content: fixture("uv.lock") }];
const POETRY = [{ path: "pyproject.toml", content: fixture("pyproject-poetry.toml") }, { path: "poetry.lock", content: fixture("poetry.lock") }];
const PDM = [{ path: "pyproject.toml", content: fixture("pyproject-pdm.toml") }, { path: "pdm.lock", content: fixture("pdm.lock") }];
const PIPENV = [{ path: "Pipfile", content: fixture("Pipfile") }, { path: "Pipfile.lock", content: fixture("Pipfile.lock") }];

function run(dockerfile: string, projectFiles: readonly TextFile[], requirements: readonly TextFile[] = []): ImageEstimate {
  return analyze({ dockerfile, requirements, dockerignore: null, projectFiles }).estimate;
}

/** Package names installed under `site`, from the final image's layer items. */
function installed(e: ImageEstimate, site: string): string[] {
  return e.layers.flatMap((l) => l.items).filter((i) => i.category === "python" && i.path.startsWith(`${site}/`)).map((i) => i.path.slice(site.length + 1)).sort();
}

// The lock fixtures' closures (see project/lock-closure.test.ts): flask, gunicorn, requests and their
// dependencies on Linux CPython 3.12; pytest and its own with the dev group.
const RUNTIME = ["blinker", "certifi", "charset-normalizer", "click", "flask", "gunicorn", "idna", "itsdangerous", "jinja2", "markupsafe", "packaging", "requests", "urllib3", "werkzeug"];
const DEV = ["iniconfig", "pluggy", "pytest"];
const VENV = "/app/.venv/lib/python3.12/site-packages";
const SYSTEM = "/usr/local/lib/python3.12/site-packages";

describe("uv sync from uv.lock", () => {
  it.each([
    { name: "--frozen: runtime + dev (uv's default group)", run: "uv sync --frozen", site: VENV, expected: [...RUNTIME, ...DEV].sort() },
    { name: "--no-dev", run: "uv sync --frozen --no-dev", site: VENV, expected: RUNTIME },
    { name: "--only-group dev", run: "uv sync --locked --only-group dev", site: VENV, expected: ["iniconfig", "packaging", "pluggy", "pytest"] },
    { name: "UV_PROJECT_ENVIRONMENT=/usr/local → system site", run: "UV_PROJECT_ENVIRONMENT=/usr/local uv sync --frozen --no-dev", site: SYSTEM, expected: RUNTIME },
    { name: "UV_PROJECT_ENVIRONMENT=/opt/venv", run: "UV_PROJECT_ENVIRONMENT=/opt/venv uv sync --frozen --no-dev --no-install-project", site: "/opt/venv/lib/python3.12/site-packages", expected: RUNTIME },
    { name: "--active: the VIRTUAL_ENV", run: "VIRTUAL_ENV=/opt/venv uv sync --frozen --no-dev --active", site: "/opt/venv/lib/python3.12/site-packages", expected: RUNTIME },
    { name: "VIRTUAL_ENV without --active: the project's .venv all the same", run: "VIRTUAL_ENV=/opt/venv uv sync --frozen --no-dev", site: VENV, expected: RUNTIME },
  ])("$name", ({ run: command, site, expected }) => {
    const e = run(`FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN ${command}\n`, UV);
    expect(installed(e, site)).toEqual(expected);
    expect(e.byCategory.python).toBeGreaterThan(0);
    expect(e.warnings.map((w) => w.code)).not.toContain("lock-not-given");
  });

  // uv installs by hardlinking from its cache (its default on Linux): the cache in the same layer shares the
  // installed files' bytes. Copying (the guide's UV_LINK_MODE=copy, for a cache mount) makes it a second copy.
  it.each([
    { name: "the default link mode: the cache adds nothing", command: "uv sync --frozen --no-dev", copies: false },
    { name: "--link-mode=copy", command: "uv sync --frozen --no-dev --link-mode=copy", copies: true },
    { name: "--link-mode copy, before other flags", command: "uv sync --link-mode copy --frozen --no-dev", copies: true },
    { name: "UV_LINK_MODE=copy in the environment", command: "UV_LINK_MODE=copy uv sync --frozen --no-dev", copies: true },
    { name: "symlinks also share", command: "uv sync --frozen --no-dev --link-mode=symlink", copies: false },
  ])("uv's cache in the image: $name", ({ command, copies }) => {
    const e = run(`FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN ${command}\n`, UV);
    const cache = e.layers.flatMap((l) => l.items).filter((i) => i.category === "pipCache");
    expect(cache.map((i) => i.path)).toEqual(["/root/.cache/uv"]);
    // uv writes no .pyc unless asked, and its cache holds the unpacked wheels: the venv's bytes, once more.
    expect(e.byCategory.pipCache).toBe(copies ? e.byCategory.python : 0);
    expect(e.assumptions.some((a) => a.id === "uv-link-mode")).toBe(!copies);
  });

  it("uv pip install reads the link mode from its flag and from an ENV line", () => {
    const cacheOf = (dockerfile: string) => run(dockerfile, [], [{ path: "requirements.txt", content: "flask==3.0.3\n" }]).byCategory.pipCache;
    const base = "FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.9.5 /uv /bin/\nCOPY requirements.txt .\n";
    expect(cacheOf(`${base}RUN uv pip install --system -r requirements.txt\n`)).toBe(0);
    expect(cacheOf(`${base}RUN uv pip install --system --link-mode copy -r requirements.txt\n`)).toBeGreaterThan(0);
    expect(cacheOf(`${base}ENV UV_LINK_MODE=copy\nRUN uv pip install --system -r requirements.txt\n`)).toBeGreaterThan(0);
  });

  it("uv sync --project DIR reads the lock of that directory and makes its .venv there", () => {
    const files = [{ path: "backend/pyproject.toml", content: fixture("pyproject-uv.toml") }, { path: "backend/uv.lock", content: fixture("uv.lock") }];
    const e = run("FROM python:3.12-slim\nWORKDIR /srv\nCOPY backend backend\nRUN uv sync --frozen --no-dev --project backend\n", files);
    expect(installed(e, "/srv/backend/.venv/lib/python3.12/site-packages")).toEqual(RUNTIME);
  });

  it("a later pip in the venv sees what uv sync installed", () => {
    const e = run("FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN uv sync --frozen --no-dev\nENV PATH=/app/.venv/bin:$PATH\nRUN uv pip install flask\n", UV);
    // flask is already in the venv: the second install adds nothing.
    expect(e.layers.find((l) => l.line === 6)?.bytes ?? 0).toBe(0);
  });

  it("falls back to pyproject.toml, then requirements.txt, naming the file to add", () => {
    const noLock = run("FROM python:3.12-slim\nWORKDIR /app\nRUN uv sync\n", UV.slice(0, 1));
    expect(noLock.warnings.find((w) => w.code === "lock-not-given")?.message).toContain("Add uv.lock as a project file");
    expect(installed(noLock, VENV)).toEqual(expect.arrayContaining(["flask", "requests", "pytest"]));
    const onlyRequirements = run("FROM python:3.12-slim\nWORKDIR /app\nRUN uv sync\n", [], [{ path: "requirements.txt", content: "flask\n" }]);
    expect(onlyRequirements.warnings.find((w) => w.code === "lock-not-given")?.message).toContain("the packages of requirements.txt stand in");
    expect(installed(onlyRequirements, VENV)).toContain("flask");
    const nothing = run("FROM python:3.12-slim\nRUN uv sync\n", []);
    expect(nothing.warnings.find((w) => w.code === "project-files-not-given")?.message).toContain("add uv.lock and pyproject.toml");
  });

  it("a malformed uv.lock is a diagnostic at its line, and the estimate still completes", () => {
    const a = analyze({ dockerfile: "FROM python:3.12-slim\nRUN uv sync --frozen\n", requirements: [], dockerignore: null, projectFiles: [{ path: "uv.lock", content: "version = 1\n[[package]]\nname = \n" }] });
    expect(a.diagnostics).toContainEqual(expect.objectContaining({ code: "project/toml-syntax", line: 3, file: { project: "uv.lock" } }));
    expect(a.estimate.totalBytes).toBeGreaterThan(0);
  });
});

describe("poetry install from poetry.lock", () => {
  const poetryDockerfile = (install: string, env = "") => `FROM python:3.12-slim\n${env}WORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nRUN ${install}\n`;
  it.each([
    { name: "virtualenvs.create false: system site, main + dev", dockerfile: poetryDockerfile("poetry config virtualenvs.create false && poetry install --no-root"), site: SYSTEM, expected: [...RUNTIME, ...DEV].sort() },
    { name: "--only main", dockerfile: poetryDockerfile("poetry install --only main --no-root", "ENV POETRY_VIRTUALENVS_CREATE=false\n"), site: SYSTEM, expected: RUNTIME },
    { name: "--without dev, extras", dockerfile: poetryDockerfile("poetry install --without dev -E socks", "ENV POETRY_VIRTUALENVS_CREATE=false\n"), site: SYSTEM, expected: [...RUNTIME, "pysocks"].sort() },
    { name: "in-project venv", dockerfile: poetryDockerfile("poetry install --only main", "ENV POETRY_VIRTUALENVS_IN_PROJECT=true\n"), site: VENV, expected: RUNTIME },
    { name: "cache venv", dockerfile: poetryDockerfile("poetry install --only main"), site: "/root/.cache/pypoetry/virtualenvs/app-py3.12/lib/python3.12/site-packages", expected: RUNTIME },
  ])("$name", ({ dockerfile, site, expected }) => {
    expect(installed(run(dockerfile, POETRY), site)).toEqual(expected);
  });

  it.each([
    { name: "poetry install keeps its artifact cache", install: "poetry install --only main --no-root", cached: true },
    { name: "--no-cache after the subcommand", install: "poetry install --only main --no-root --no-cache", cached: false },
    { name: "--no-cache before it (a global option)", install: "poetry --no-cache install --only main --no-root", cached: false },
  ])("$name", ({ install, cached }) => {
    const e = run(poetryDockerfile(install, "ENV POETRY_VIRTUALENVS_CREATE=false\n"), POETRY);
    const cache = e.layers.flatMap((l) => l.items).filter((i) => i.category === "pipCache" && i.path === "/root/.cache/pypoetry");
    expect(cache.length > 0).toBe(cached);
    expect(installed(e, SYSTEM)).toEqual(RUNTIME);
  });

  it("poetry export -o writes a requirements file that a later pip install -r reads", () => {
    const e = run("FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nRUN poetry export -f requirements.txt -o requirements.txt --without-hashes\nRUN pip install --no-cache-dir -r requirements.txt\n", POETRY);
    expect(installed(e, SYSTEM)).toEqual(expect.arrayContaining(RUNTIME));
    expect(installed(e, SYSTEM)).not.toContain("pytest");
    expect(e.warnings.map((w) => w.code)).not.toContain("requirements-not-given");
  });

  // FastAPI's guide (fastapi.tiangolo.com/deployment/docker, "Docker Image with Poetry"): export in a
  // `requirements-stage`, copy the file into the final stage, install it there.
  it.each([
    { name: "the file itself", copy: "COPY --from=requirements-stage /tmp/requirements.txt /code/requirements.txt", install: "/code/requirements.txt" },
    { name: "the file into a directory", copy: "COPY --from=requirements-stage /tmp/requirements.txt /code/", install: "/code/requirements.txt" },
    { name: "the directory holding it", copy: "COPY --from=requirements-stage /tmp /code", install: "/code/requirements.txt" },
    { name: "a glob matching it", copy: "COPY --from=requirements-stage /tmp/*.txt /code/", install: "/code/requirements.txt" },
  ])("an exported requirements file copied from its stage ($name) is read by the install there", ({ copy, install }) => {
    const dockerfile = `FROM python:3.12-slim AS requirements-stage\nWORKDIR /tmp\nRUN pip install poetry poetry-plugin-export\nCOPY ./pyproject.toml ./poetry.lock* /tmp/\nRUN poetry export -f requirements.txt --output requirements.txt --without-hashes\n\nFROM python:3.12-slim\nWORKDIR /code\n${copy}\nRUN pip install --no-cache-dir --upgrade -r ${install}\n`;
    const e = run(dockerfile, POETRY);
    expect(installed(e, SYSTEM)).toEqual(expect.arrayContaining(RUNTIME));
    expect(installed(e, SYSTEM)).not.toContain("pytest");
    expect(e.warnings.map((w) => w.code)).not.toContain("requirements-not-given");
    expect(e.warnings.map((w) => w.code)).not.toContain("copy-from-partial");
  });

  it("a file the copy does not reach is not read", () => {
    const dockerfile = "FROM python:3.12-slim AS req\nWORKDIR /tmp\nCOPY pyproject.toml poetry.lock ./\nRUN poetry export -o requirements.txt\nFROM python:3.12-slim\nCOPY --from=req /tmp/other.txt /code/requirements.txt\nRUN pip install -r /code/requirements.txt\n";
    expect(run(dockerfile, POETRY).warnings.map((w) => w.code)).toContain("requirements-not-given");
  });

  it("without poetry.lock, poetry export writes pyproject.toml's dependencies, resolved from the table", () => {
    const e = run("FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml ./\nRUN poetry export -o requirements.txt\nRUN pip install --no-cache-dir -r requirements.txt\n", POETRY.filter((f) => f.path === "pyproject.toml"));
    expect(installed(e, SYSTEM)).toEqual(expect.arrayContaining(["flask", "gunicorn", "requests", "werkzeug"]));
    expect(installed(e, SYSTEM)).not.toContain("pytest");
    expect(e.warnings.find((w) => w.code === "lock-not-given")?.message).toContain("the dependencies of pyproject.toml are resolved from the package table instead");
  });
});

describe("pdm install from pdm.lock", () => {
  const pdmDockerfile = (install: string, env = "") => `FROM python:3.12-slim\n${env}WORKDIR /app\nCOPY pyproject.toml pdm.lock ./\nRUN ${install}\n`;
  it.each([
    { name: "default + dev groups into the project's .venv", dockerfile: pdmDockerfile("pdm install --no-self"), site: VENV, expected: [...RUNTIME, ...DEV].sort() },
    { name: "--prod (pdm's Docker guide)", dockerfile: pdmDockerfile("pdm install --check --prod --no-editable"), site: VENV, expected: RUNTIME },
    { name: "--prod -G socks: an extra is a group", dockerfile: pdmDockerfile("pdm sync --prod -G socks"), site: VENV, expected: [...RUNTIME, "pysocks"].sort() },
    { name: "an active venv", dockerfile: pdmDockerfile("pdm install --prod", "ENV VIRTUAL_ENV=/opt/venv\n"), site: "/opt/venv/lib/python3.12/site-packages", expected: RUNTIME },
    // PEP 582: an empty __pypackages__ in the project turns it on (pdm's own multistage recipe).
    { name: "__pypackages__ made first: PEP 582's lib", dockerfile: pdmDockerfile("mkdir __pypackages__ && pdm install --prod --no-editable"), site: "/app/__pypackages__/3.12/lib", expected: RUNTIME },
  ])("$name", ({ dockerfile, site, expected }) => {
    const e = run(dockerfile, PDM);
    expect(installed(e, site)).toEqual(expected);
    expect(e.warnings.map((w) => w.code)).not.toContain("unmodelled-command");
  });

  it("a final stage copying __pypackages__/X.Y/lib has the packages, with no missing-path error", () => {
    const dockerfile = `${pdmDockerfile("mkdir __pypackages__ && pdm install --prod --no-editable").replace("FROM python:3.12-slim", "FROM python:3.12-slim AS builder")}FROM python:3.12-slim\nENV PYTHONPATH=/app/pkgs\nCOPY --from=builder /app/__pypackages__/3.12/lib /app/pkgs\n`;
    const e = run(dockerfile, PDM);
    expect(installed(e, "/app/pkgs")).toEqual(RUNTIME);
    expect(e.buildCheck).toEqual([]);
  });

  it("keeps pdm's cache in ~/.cache/pdm, and reads pyproject.toml alone with a warning naming pdm.lock", () => {
    const e = run(pdmDockerfile("pdm install --prod"), PDM);
    const cache = e.layers.flatMap((l) => l.items).filter((i) => i.category === "pipCache");
    expect(cache.length).toBeGreaterThan(0);
    expect(cache.every((i) => i.path.startsWith("/root/.cache/pdm"))).toBe(true);
    const noLock = run(pdmDockerfile("pdm install --prod"), PDM.slice(0, 1));
    expect(noLock.warnings.find((w) => w.code === "lock-not-given")?.message).toContain("Add pdm.lock as a project file");
    expect(installed(noLock, VENV)).toEqual(expect.arrayContaining(["flask", "gunicorn", "requests"]));
    expect(installed(noLock, VENV)).not.toContain("pytest");
  });

  it("pdm export -o writes its install's groups (without --prod: dev too) for a later pip install -r", () => {
    const dockerfile = (flags: string) => `FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml pdm.lock ./\nRUN pdm export ${flags} -o requirements.txt --without-hashes\nRUN pip install --no-cache-dir -r requirements.txt\n`;
    expect(installed(run(dockerfile("--prod"), PDM), SYSTEM)).toEqual(RUNTIME);
    expect(installed(run(dockerfile(""), PDM), SYSTEM)).toEqual([...RUNTIME, ...DEV].sort());
    expect(run(dockerfile("--prod"), PDM.slice(0, 1)).warnings.find((w) => w.code === "lock-not-given")?.message).toContain("pdm export writes the packages of pdm.lock");
  });

  it("pdm's Docker guide: the builder's .venv copied into the final stage carries the packages", () => {
    const dockerfile = "FROM python:3.12-slim AS builder\nRUN pip install -U pdm\nENV PDM_CHECK_UPDATE=false\nCOPY pyproject.toml pdm.lock /project/\nWORKDIR /project\nRUN pdm install --check --prod --no-editable\n\nFROM python:3.12-slim\nCOPY --from=builder /project/.venv/ /project/.venv\nENV PATH=\"/project/.venv/bin:$PATH\"\nCMD [\"python\", \"-m\", \"app\"]\n";
    const e = run(dockerfile, PDM);
    expect(installed(e, "/project/.venv/lib/python3.12/site-packages")).toEqual(RUNTIME);
    expect(e.byCategory.pipCache).toBe(0);
  });
});

describe("pipenv install from Pipfile.lock", () => {
  it("--system --deploy installs the default section into the system site", () => {
    const e = run("FROM python:3.12-slim\nWORKDIR /app\nCOPY Pipfile Pipfile.lock ./\nRUN pipenv install --system --deploy\n", PIPENV);
    expect(installed(e, SYSTEM)).toEqual(["certifi", "charset-normalizer", "idna", "requests", "urllib3"]);
  });

  it("a patch-level marker holds on an image whose patch release the stage does not know", () => {
    // pipenv writes pandas 1.x as `python_full_version >= '3.7.1'`; python:3.12 images are 3.12.z, never .0.
    const lock = fixture("Pipfile.lock").replace(`"markers": "python_version >= '3.8'", "version": "==2.32.3"`, `"markers": "python_full_version >= '3.12.1'", "version": "==2.32.3"`);
    expect(lock).not.toBe(fixture("Pipfile.lock"));
    const e = run("FROM python:3.12-slim\nWORKDIR /app\nCOPY Pipfile Pipfile.lock ./\nRUN pipenv install --system --deploy\n", [{ path: "Pipfile", content: fixture("Pipfile") }, { path: "Pipfile.lock", content: lock }]);
    expect(installed(e, SYSTEM)).toContain("requests");
  });
});

describe("pip install . reads pyproject.toml", () => {
  it.each([
    { name: "pip install .", command: "pip install ." },
    { name: "pip install -e .", command: "pip install -e ." },
    { name: "uv pip install -r pyproject.toml", command: "uv pip install --system -r pyproject.toml" },
  ])("$name", ({ command }) => {
    const e = run(`FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN ${command}\n`, UV.slice(0, 1));
    expect(installed(e, SYSTEM)).toEqual(expect.arrayContaining(["flask", "gunicorn", "requests", "werkzeug"]));
    expect(installed(e, SYSTEM)).not.toContain("pytest");
  });

  it("`-e .` inside requirements.txt reads pyproject.toml too", () => {
    const e = run("FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\n", UV.slice(0, 1), [{ path: "requirements.txt", content: "-e .\n" }]);
    expect(installed(e, SYSTEM)).toEqual(expect.arrayContaining(["flask", "gunicorn", "requests"]));
  });

  it("without pyproject.toml it says which file to add", () => {
    const e = run("FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install .\n", []);
    expect(e.warnings.find((w) => w.code === "local-project")?.message).toContain("Add its pyproject.toml (or setup.cfg, setup.py) as a project file");
  });
});

describe("a locked package the tables lack", () => {
  const lock = (wheel: string, size: number) => `version = 1\nrevision = 3\nrequires-python = ">=3.12"\n\n[[package]]\nname = "app"\nversion = "0.1.0"\nsource = { virtual = "." }\ndependencies = [\n    { name = "zz-private-lib" },\n]\n\n[[package]]\nname = "zz-private-lib"\nversion = "2.1.0"\nsource = { registry = "https://pypi.org/simple" }\nwheels = [\n    { url = "https://example.org/${wheel}", hash = "sha256:00", size = ${size} },\n]\n`;
  const weigh = (wheel: string, size: number) => {
    const e = run("FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-dev\n", [{ path: "pyproject.toml", content: '[project]\nname = "app"\nversion = "0.1.0"\nrequires-python = ">=3.12"\ndependencies = ["zz-private-lib"]\n' }, { path: "uv.lock", content: lock(wheel, size) }]);
    return e.layers.flatMap((l) => l.items).find((i) => i.label.startsWith("zz-private-lib"));
  };
  it("is weighed from the wheel its lock records, by the ratio of its kind", () => {
    const pure = weigh("zz_private_lib-2.1.0-py3-none-any.whl", 5000);
    const compiled = weigh("zz_private_lib-2.1.0-cp312-cp312-manylinux_2_17_x86_64.whl", 5000);
    expect(pure?.label).toContain("sized from its locked wheel");
    // uv compiles no .pyc: a pure wheel's share of them is left out.
    expect(pure?.bytes).toBeLessThan(5000 * 7.37);
    expect(pure?.bytes).toBeGreaterThan(5000);
    expect(compiled?.bytes).toBe(Math.round(5000 * 4.022));
    expect(weigh("zz_private_lib-2.1.0-py3-none-any.whl", 50_000)?.bytes).toBeGreaterThan((pure?.bytes ?? 0) * 9);
  });
});

describe("uv sync where the image has no Python that fits", () => {
  const warned = (from: string) => run(`FROM ${from}\nCOPY --from=ghcr.io/astral-sh/uv:0.9.5 /uv /bin/\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-dev\n`, UV).warnings.filter((w) => w.code === "uv-managed-python").map((w) => w.message);
  it("a bare Debian image: uv downloads a Python, named as not counted", () => {
    expect(warned("debian:bookworm-slim")).toEqual([expect.stringContaining("uv sync downloads a Python of its own (the image has no Python)")]);
  });
  it("a python image: uv uses its Python", () => {
    expect(warned("python:3.12-slim")).toEqual([]);
  });
  // uv's own images on Debian or Alpine are that OS image plus uv: no Python either.
  it.each(["ghcr.io/astral-sh/uv:bookworm-slim", "ghcr.io/astral-sh/uv:debian-slim", "ghcr.io/astral-sh/uv:0.9.5-alpine"])("%s: uv downloads a Python", (image) => {
    const e = run(`FROM ${image}\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-dev\n`, UV);
    expect(e.warnings.filter((w) => w.code === "uv-managed-python").map((w) => w.message)).toEqual([expect.stringContaining("the image has no Python")]);
    expect(e.baseBytes).toBeGreaterThan(0);
  });
  it("uv's python image: uv uses its Python", () => {
    const e = run("FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-dev\n", UV);
    expect(e.warnings.map((w) => w.code)).not.toContain("uv-managed-python");
  });
});

describe("pip install --group (PEP 735)", () => {
  it.each([
    { name: "uv pip install -r pyproject.toml --group dev", command: "uv pip install --system -r pyproject.toml --group dev" },
    { name: "pip install --group dev", command: "pip install --group dev" },
  ])("$name installs the group", ({ command }) => {
    const e = run(`FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.9.5 /uv /bin/\nWORKDIR /app\nCOPY pyproject.toml ./\nRUN ${command}\n`, UV.slice(0, 1));
    expect(installed(e, SYSTEM)).toContain("pytest");
  });
});

describe("a project's requires-python", () => {
  const PYPROJECT = { path: "pyproject.toml", content: '[project]\nname = "app"\nversion = "0.1.0"\nrequires-python = ">=3.13"\ndependencies = ["requests>=2.32"]\n' };
  const check = (dockerfile: string, files: readonly TextFile[]) => analyze({ dockerfile, requirements: [], dockerignore: null, projectFiles: files }).buildCheck.filter((f) => f.code === "requires-python").map((f) => `${f.line}: ${f.message}`);

  it("pip install . on a Python it excludes is an error, with pip's own words", () => {
    expect(check("FROM python:3.11-slim\nWORKDIR /app\nCOPY pyproject.toml ./\nRUN pip install --no-cache-dir .\n", [PYPROJECT])).toEqual([
      "4: pyproject.toml requires Python >=3.13, and this stage's is 3.11.15: pip stops: \"Package 'app' requires a different Python: 3.11.15 not in '>=3.13'\". Use a base image whose Python meets it, or widen requires-python.",
    ]);
    expect(check("FROM python:3.13-slim\nWORKDIR /app\nCOPY pyproject.toml ./\nRUN pip install --no-cache-dir .\n", [PYPROJECT])).toEqual([]);
  });

  it("poetry install reads poetry's python dependency", () => {
    const poetry = { path: "pyproject.toml", content: '[tool.poetry]\nname = "app"\n\n[tool.poetry.dependencies]\npython = "^3.12"\nrequests = "^2.32"\n' };
    const dockerfile = (tag: string) => `FROM python:${tag}-slim\nRUN pip install --no-cache-dir poetry==1.8.3\nWORKDIR /app\nCOPY pyproject.toml ./\nRUN poetry config virtualenvs.create false && poetry install --no-root\n`;
    expect(check(dockerfile("3.11"), [poetry])).toEqual([expect.stringMatching(/^5: pyproject.toml requires Python >=3\.12,<4\.0, and this stage's is 3\.11\.\d+: Poetry stops/)]);
    expect(check(dockerfile("3.12"), [poetry])).toEqual([]);
  });

  it("setup.py's python_requires counts too", () => {
    const setup = { path: "setup.py", content: 'from setuptools import setup\nsetup(name="app", python_requires=">=3.12", install_requires=["flask"])\n' };
    expect(check("FROM python:3.10-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir .\n", [setup])).toHaveLength(1);
  });
});

describe("pip install . of a setuptools project", () => {
  const SETUP_PY = 'from setuptools import setup, find_packages\n\nREQUIRES = [\n    "flask>=3.0",  # the web app\n    "gunicorn",\n]\n\nsetup(\n    name="webapp",\n    packages=find_packages(),\n    install_requires=REQUIRES,\n    extras_require={"s3": ["boto3"]},\n)\n';
  const SETUP_CFG = "[metadata]\nname = webapp\n\n[options]\npackages = find:\ninstall_requires =\n    requests>=2.31\n    click\n";
  const DOCKERFILE = "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir .\n";

  it("reads setup.py's install_requires, and an extra asked for", () => {
    expect(installed(run(DOCKERFILE, [{ path: "setup.py", content: SETUP_PY }]), SYSTEM)).toEqual(expect.arrayContaining(["flask", "gunicorn", "werkzeug"]));
    const withExtra = installed(run(DOCKERFILE.replace("install --no-cache-dir .", "install --no-cache-dir '.[s3]'"), [{ path: "setup.py", content: SETUP_PY }]), SYSTEM);
    expect(withExtra).toEqual(expect.arrayContaining(["flask", "boto3", "botocore"]));
  });

  it("reads setup.cfg's [options] install_requires", () => {
    expect(installed(run(DOCKERFILE, [{ path: "setup.cfg", content: SETUP_CFG }]), SYSTEM)).toEqual(expect.arrayContaining(["requests", "click", "urllib3"]));
  });

  it("prefers the file that lists dependencies: a pyproject.toml with only [build-system] leaves them to setup.py", () => {
    const buildOnly = { path: "pyproject.toml", content: '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n' };
    const e = run(DOCKERFILE, [buildOnly, { path: "setup.py", content: SETUP_PY }]);
    expect(installed(e, SYSTEM)).toEqual(expect.arrayContaining(["flask", "gunicorn"]));
    expect(e.warnings.filter((w) => w.code === "local-project")).toEqual([]);
  });

  it("says where setup.py computes its list, and counts nothing from it", () => {
    const computed = 'from setuptools import setup\nwith open("requirements.txt") as f:\n    reqs = f.read().splitlines()\nsetup(name="webapp", install_requires=reqs)\n';
    const e = run(DOCKERFILE, [{ path: "setup.py", content: computed }]);
    expect(installed(e, SYSTEM)).toEqual([]);
    expect(e.warnings.find((w) => w.code === "local-project")?.message).toContain("setup.py computes install_requires (line 4)");
  });
});

describe("big and broken locks through the whole engine", () => {
  it("a 5 MB uv.lock with cycles is weighed quickly and never throws", () => {
    const entry = (i: number) => `[[package]]\nname = "pkg-${i}"\nversion = "1.0.${i}"\nsource = { registry = "https://pypi.org/simple" }\ndependencies = [\n    { name = "pkg-${i + 1}" },\n    { name = "pkg-${Math.max(0, i - 3)}", marker = "python_version >= '3.8'" },\n]\nwheels = [\n    { url = "https://files.pythonhosted.org/packages/xx/pkg_${i}-1.0.${i}-py3-none-any.whl", hash = "sha256:${"0".repeat(64)}", size = ${1000 + i} },\n]\n\n`;
    const parts = ['version = 1\n\n[[package]]\nname = "root"\nversion = "0"\nsource = { virtual = "." }\ndependencies = [{ name = "pkg-0" }]\n\n'];
    let length = 0;
    for (let i = 0; length < 5_000_000; i++) {
      parts.push(entry(i));
      length += parts[parts.length - 1]?.length ?? 0;
    }
    const started = performance.now();
    const e = run("FROM python:3.12-slim\nWORKDIR /app\nRUN uv sync --frozen\n", [{ path: "uv.lock", content: parts.join("") }]);
    // Generous for a shared, loaded 2-core machine (hence the 30 s test timeout); quadratic work over
    // ~20,000 packages would take minutes.
    expect(performance.now() - started).toBeLessThan(20_000);
    // Every package is reached (the chain), each once despite the back edges; the last names one past the end.
    expect(installed(e, VENV)).toHaveLength(parts.length - 1);
    expect(e.warnings.find((w) => w.code === "lock-incomplete")?.message).toContain(`pkg-${parts.length - 1}`);
  }, 30_000);
});
