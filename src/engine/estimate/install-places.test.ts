// Where an install writes, as pip and uv decide it from the environment: PIP_USER and PYTHONUSERBASE for pip's
// user installs, VIRTUAL_ENV for uv (which reads it whether or not the venv's bin is on PATH).
import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";

function analysis(dockerfile: string) {
  return analyze({ dockerfile, requirements: [], dockerignore: null });
}

/** Paths of the python packages the final image holds. */
function finalPaths(dockerfile: string): string[] {
  return analysis(dockerfile).estimate.layers.flatMap((l) => l.items).filter((i) => i.category === "python").map((i) => i.path);
}

const runtime = "FROM python:3.12-slim\nENV PYTHONUSERBASE=/pyroot PATH=/pyroot/bin:$PATH\nCOPY --from=build /pyroot /pyroot\nCMD [\"gunicorn\", \"app:app\"]\n";

describe("user installs", () => {
  it.each([
    { name: "--user with PYTHONUSERBASE", install: "RUN pip install --user --no-cache-dir flask gunicorn" },
    { name: "PIP_USER=1 with PYTHONUSERBASE", install: "RUN PIP_USER=1 pip install --no-cache-dir flask gunicorn" },
  ])("$name: the packages are under the user base, and copying it is no error", ({ install }) => {
    const dockerfile = `FROM python:3.12-slim AS build\nENV PYTHONUSERBASE=/pyroot\n${install}\n${runtime}`;
    expect(finalPaths(dockerfile)).toContain("/pyroot/lib/python3.12/site-packages/flask");
    expect(analysis(dockerfile).buildCheck).toEqual([]);
  });

  it("--user without PYTHONUSERBASE is ~/.local, and PIP_USER=0 is no user install", () => {
    expect(finalPaths("FROM python:3.12-slim\nRUN pip install --user --no-cache-dir flask\n")).toContain("/root/.local/lib/python3.12/site-packages/flask");
    expect(finalPaths("FROM python:3.12-slim\nENV PIP_USER=0\nRUN pip install --no-cache-dir flask\n")).toContain("/usr/local/lib/python3.12/site-packages/flask");
  });
});

describe("uv and VIRTUAL_ENV", () => {
  const build = "FROM python:3.12-slim AS build\nCOPY --from=ghcr.io/astral-sh/uv:0.5.11 /uv /bin/uv\n";
  it("installs into VIRTUAL_ENV though its bin is not on PATH, so the copied venv holds the packages", () => {
    const dockerfile = `${build}ENV VIRTUAL_ENV=/opt/venv\nRUN uv venv /opt/venv && uv pip install flask\nFROM python:3.12-slim\nCOPY --from=build /opt/venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\n`;
    expect(finalPaths(dockerfile)).toContain("/opt/venv/lib/python3.12/site-packages/flask");
  });

  it("--system still writes the system site", () => {
    expect(finalPaths(`${build}ENV VIRTUAL_ENV=/opt/venv\nRUN uv pip install --system flask\n`)).toContain("/usr/local/lib/python3.12/site-packages/flask");
  });

  it("pip does not read VIRTUAL_ENV: without the venv on PATH it writes the system site", () => {
    expect(finalPaths("FROM python:3.12-slim\nENV VIRTUAL_ENV=/opt/venv\nRUN python -m venv /opt/venv && pip install --no-cache-dir flask\n")).toContain("/usr/local/lib/python3.12/site-packages/flask");
  });
});

describe("a command named through a variable", () => {
  it("python${PYV} -m venv makes the venv the later pip installs into", () => {
    const dockerfile = "FROM python:3.11-slim AS builder\nENV PYV=3.11\nRUN python${PYV} -m venv /opt/venv\nENV PATH=\"/opt/venv/bin:$PATH\"\nRUN pip install --no-cache-dir flask\nFROM python:3.11-slim\nCOPY --from=builder /opt/venv /opt/venv\n";
    expect(finalPaths(dockerfile)).toContain("/opt/venv/lib/python3.11/site-packages/flask");
  });

  it("an unquoted variable holding the command and its options is split as the shell splits it", () => {
    const dockerfile = "FROM python:3.12-slim\nENV PIP_INSTALL=\"pip install --no-cache-dir\"\nRUN $PIP_INSTALL flask\n";
    const e = analysis(dockerfile).estimate;
    expect(finalPaths(dockerfile)).toContain("/usr/local/lib/python3.12/site-packages/flask");
    expect(e.byCategory.pipCache).toBe(0);
  });

  it("variables in the arguments are expanded too: an unquoted list of packages is split", () => {
    const dockerfile = "FROM python:3.12-slim\nARG PKGS=\"flask gunicorn\"\nRUN pip install --no-cache-dir $PKGS\n";
    const paths = finalPaths(dockerfile);
    expect(paths).toContain("/usr/local/lib/python3.12/site-packages/flask");
    expect(paths).toContain("/usr/local/lib/python3.12/site-packages/gunicorn");
  });

  it("an apt package list in a variable is the packages it names", () => {
    const e = analysis("FROM python:3.12-slim\nARG RUN_DEPS=\"libpq5 curl\"\nRUN apt-get update && apt-get install -y --no-install-recommends $RUN_DEPS && rm -rf /var/lib/apt/lists/*\n").estimate;
    const labels = e.layers.flatMap((l) => l.items).map((i) => i.label);
    expect(labels.some((l) => l.startsWith("libpq5"))).toBe(true);
    expect(e.warnings.map((w) => w.code)).not.toContain("unknown-system-package");
  });

  it("a quoted expansion stays one word, and an empty unquoted one is no word", () => {
    const quoted = analysis("FROM python:3.12-slim\nARG PKG=flask\nARG EXTRA=\nRUN pip install --no-cache-dir \"$PKG\" $EXTRA\n").estimate;
    expect(quoted.layers.flatMap((l) => l.items).some((i) => i.path === "/usr/local/lib/python3.12/site-packages/flask")).toBe(true);
  });

  it("a variable with no value leaves the command unknown", () => {
    const e = analysis("FROM python:3.12-slim\nRUN $INSTALLER flask\n").estimate;
    expect(e.layers.flatMap((l) => l.items).filter((i) => i.category === "python")).toEqual([]);
  });
});

describe("BuildKit's platform ARGs", () => {
  const pick = "FROM python:3.12-slim AS target-amd64\nFROM python:3.12-alpine AS target-arm64\nFROM target-$TARGETARCH\nRUN pip install --no-cache-dir flask\n";
  it.each([
    { arch: "x86_64" as const, base: "python:3.12-slim" },
    { arch: "aarch64" as const, base: "python:3.12-alpine" },
  ])("FROM target-[TARGETARCH] builds on the stage the arch setting names: $arch", ({ arch, base }) => {
    const e = analyze({ dockerfile: pick, requirements: [], dockerignore: null, settings: { arch } }).estimate;
    expect(e.layers[0]?.instruction).toBe(`FROM ${base}`);
  });

  it("a stage that declares ARG TARGETARCH reads it", () => {
    const dockerfile = "FROM python:3.12-slim\nARG TARGETARCH\nRUN python -m venv /opt/venv-$TARGETARCH && /opt/venv-$TARGETARCH/bin/pip install --no-cache-dir flask\n";
    expect(finalPaths(dockerfile)).toContain("/opt/venv-amd64/lib/python3.12/site-packages/flask");
  });
});

describe("a wheel given by URL", () => {
  it("installs the project and version its file name says", () => {
    const e = analysis("FROM python:3.12-slim\nRUN pip install --no-cache-dir https://example.org/wheels/flask-3.0.3-py3-none-any.whl\n").estimate;
    const labels = e.layers.flatMap((l) => l.items).filter((i) => i.category === "python").map((i) => i.label);
    expect(labels).toContain("flask 3.0.3");
    expect(labels.some((l) => l.startsWith("werkzeug "))).toBe(true);
  });
});
