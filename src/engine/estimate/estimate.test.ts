// The size model against the tables (DESIGN §3): each expected number is built from the rows it must be
// made of, read through the knowledge lookups. Python installs, pip's cache, deletions in the same or a
// later layer, COPY --from, install locations and the rebuild cost.
import { describe, expect, it } from "vitest";
import { formatBytes } from "../format";
import { ASSUMPTIONS } from "./assumptions";
import { baseRow, closure, estimate, installedBytes, layerAt, pythonRow, warningCodes, wheelBytes } from "./test-support";

const SLIM = "python:3.12-slim";
const flask = closure("flask");

describe("FROM alone", () => {
  it.each([SLIM, "python:3.12-alpine", "python:3.12"])("%s is that row's on-disk and compressed bytes", (ref) => {
    const row = baseRow(ref);
    const e = estimate(`FROM ${ref}\n`);
    expect([e.totalBytes, e.compressedBytes, e.baseBytes, e.byCategory.base]).toEqual([row.diskBytes, row.compressedBytes, row.diskBytes, row.diskBytes]);
    expect(e.layers.map((l) => [l.line, l.bytes, l.category])).toEqual([[1, row.diskBytes, "base"]]);
    expect(e.layers[0]?.items[0]?.sources[0]).toMatchObject({ table: "base-images", key: row.key });
    expect(e.rebuildBytes).toBe(0);
  });

  it("an ARG-built tag weighs as the tag it resolves to", () => {
    expect(estimate("ARG PY=3.12\nFROM python:${PY}-slim\n").totalBytes).toBe(baseRow(SLIM).diskBytes);
  });

  it("an image the tables do not know adds nothing and says so", () => {
    const e = estimate("FROM registry.example.com/team/base:1\n");
    expect(e.totalBytes).toBe(0);
    expect(warningCodes(e)).toEqual(["unknown-base-image"]);
  });

  it("layers above the base compress by the base row's own ratio", () => {
    const row = baseRow(SLIM);
    const e = estimate(`FROM ${SLIM}\nRUN pip install --no-cache-dir flask\n`);
    const added = installedBytes(flask);
    expect(e.totalBytes).toBe(row.diskBytes + added);
    expect(e.compressedBytes).toBe(Math.round(row.compressedBytes + added / (row.diskBytes / row.compressedBytes)));
  });
});

describe("pip install and pip's cache", () => {
  const withCache = estimate(`FROM ${SLIM}\nRUN pip install flask\n`);

  it("installs the closure from the package table, with pip's cache of the downloaded wheels", () => {
    expect(withCache.byCategory.python).toBe(installedBytes(flask));
    expect(withCache.byCategory.pipCache).toBe(wheelBytes(flask));
    expect(withCache.totalBytes).toBe(baseRow(SLIM).diskBytes + installedBytes(flask) + wheelBytes(flask));
    expect(layerAt(withCache, 2).items.map((i) => i.label).sort()).toEqual([
      ...flask.map((r) => `${r.name} ${r.version ?? ""}`.trim()),
      `pip cache (${flask.length} packages)`,
    ].sort());
  });

  it.each([
    { name: "--no-cache-dir", text: `FROM ${SLIM}\nRUN pip install --no-cache-dir flask\n` },
    { name: "ENV PIP_NO_CACHE_DIR=1", text: `FROM ${SLIM}\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n` },
    { name: "PIP_NO_CACHE_DIR=off (pip reads any boolean as 'no cache')", text: `FROM ${SLIM}\nENV PIP_NO_CACHE_DIR=off\nRUN pip install flask\n` },
    { name: "PIP_NO_CACHE_DIR for one command", text: `FROM ${SLIM}\nRUN PIP_NO_CACHE_DIR=1 pip install flask\n` },
    { name: "a cache mount on pip's cache", text: `FROM ${SLIM}\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n` },
    { name: "a cache mount on a parent of it", text: `FROM ${SLIM}\nRUN --mount=type=cache,target=/root/.cache pip install flask\n` },
    { name: "rm -rf of the cache in the same RUN", text: `FROM ${SLIM}\nRUN pip install flask && rm -rf /root/.cache/pip\n` },
    { name: "rm -rf ~/.cache/* in the same RUN", text: `FROM ${SLIM}\nRUN pip install flask && rm -rf /root/.cache/*\n` },
    { name: "pip cache purge in the same RUN", text: `FROM ${SLIM}\nRUN pip install flask && pip cache purge\n` },
    { name: "python -m pip with --no-cache-dir", text: `FROM ${SLIM}\nRUN python -m pip install --no-cache-dir flask\n` },
    { name: "exec form", text: `FROM ${SLIM}\nRUN ["pip", "install", "--no-cache-dir", "flask"]\n` },
  ])("no cache with $name: the image is smaller by exactly the wheels' bytes", ({ text }) => {
    const e = estimate(text);
    expect(e.byCategory.pipCache).toBe(0);
    expect(e.byCategory.python).toBe(installedBytes(flask));
    expect(withCache.totalBytes - e.totalBytes).toBe(wheelBytes(flask));
  });

  it.each([
    { name: "a cache mount elsewhere", text: `FROM ${SLIM}\nRUN --mount=type=cache,target=/tmp/cache pip install flask\n` },
    { name: "removing root's cache when pip ran as another user", text: `FROM ${SLIM}\nUSER app\nRUN pip install flask && rm -rf /root/.cache/pip\n` },
    { name: "an --no-cache-dir on a different command", text: `FROM ${SLIM}\nRUN pip download --no-cache-dir x; pip install flask\n` },
  ])("the cache stays with $name", ({ text }) => {
    expect(estimate(text).byCategory.pipCache).toBe(wheelBytes(flask));
  });

  it("--no-compile leaves out the .pyc of pure packages (installed ÷ 1.9)", () => {
    const e = estimate(`FROM ${SLIM}\nRUN pip install --no-cache-dir --no-compile flask\n`);
    const expected = flask.reduce((total, r) => total + (r.pure ? Math.round((r.installedBytes ?? 0) / ASSUMPTIONS.noCompilePure.value) : (r.installedBytes ?? 0)), 0);
    // Per-package rounding: within one byte per package.
    expect(Math.abs(e.byCategory.python - expected)).toBeLessThanOrEqual(flask.length);
    expect(e.assumptions.map((a) => a.id)).toContain(ASSUMPTIONS.noCompilePure.id);
  });

  it("a package installed twice is counted once", () => {
    const e = estimate(`FROM ${SLIM}\nRUN pip install --no-cache-dir flask\nRUN pip install --no-cache-dir flask jinja2\n`);
    expect(e.byCategory.python).toBe(installedBytes(flask));
    expect(layerAt(e, 3).bytes).toBe(0);
  });

  it("requirements files are read from the pasted text, with -r includes", () => {
    const e = estimate(`FROM ${SLIM}\nWORKDIR /app\nCOPY requirements/ requirements/\nRUN pip install --no-cache-dir -r requirements/prod.txt\n`, {
      requirements: { "requirements/prod.txt": "-r base.txt\nrequests==2.34.2\n", "requirements/base.txt": "flask\n" },
    });
    expect(e.byCategory.python).toBe(installedBytes(closure("requests", "flask")));
  });
});

describe("deleting in the same layer or a later one", () => {
  const same = estimate(`FROM ${SLIM}\nRUN pip install flask && rm -rf /root/.cache/pip\n`);
  const later = estimate(`FROM ${SLIM}\nRUN pip install flask\nRUN rm -rf /root/.cache/pip\n`);

  it("in the same RUN the bytes never reach the image", () => {
    expect(same.byCategory.pipCache).toBe(0);
    expect(same.warnings).toEqual([]);
  });

  it("in a later RUN they stay in the earlier layer, and a warning names that line", () => {
    expect(later.totalBytes - same.totalBytes).toBe(wheelBytes(flask));
    expect(layerAt(later, 2).deletedLaterBytes).toBe(wheelBytes(flask));
    expect(layerAt(later, 3).bytes).toBe(0);
    expect(later.warnings.map((w) => [w.code, w.line])).toEqual([["deleted-in-later-layer", 3]]);
    expect(later.warnings[0]?.message).toContain(`deletes ${formatBytes(wheelBytes(flask))} added at line 2`);
  });

  it("pip uninstall in a later RUN leaves the package's bytes", () => {
    const e = estimate(`FROM ${SLIM}\nRUN pip install --no-cache-dir flask\nRUN pip uninstall -y flask\n`);
    expect(e.byCategory.python).toBe(installedBytes(flask));
    expect(layerAt(e, 2).deletedLaterBytes).toBe(pythonRow("flask").installedBytes);
  });
});

describe("COPY --from copies exactly what the stage holds under the path", () => {
  const builder = `FROM ${SLIM} AS builder\nRUN pip install --prefix=/install flask\n`;

  it("the whole stage (/): each path lands under the destination unchanged", () => {
    const e = estimate(`${builder}FROM ${SLIM}\nCOPY --from=builder / /rootfs\n`);
    expect(layerAt(e, 4).items.map((i) => i.path)).toContain("/rootfs/install/lib/python3.12/site-packages/flask");
  });

  it("a prefix: every package under it, and not the builder's pip cache", () => {
    const e = estimate(`${builder}FROM ${SLIM}\nCOPY --from=builder /install /usr/local\n`);
    const copy = layerAt(e, 4);
    expect(copy.bytes).toBe(installedBytes(flask));
    expect(copy.items.map((i) => i.path)).toContain("/usr/local/lib/python3.12/site-packages/flask");
    expect(e.totalBytes).toBe(baseRow(SLIM).diskBytes + installedBytes(flask));
    expect(e.byCategory.pipCache).toBe(0);
    // The builder's layer (with its cache) is reported apart, outside the image.
    expect(layerAt(e, 2).bytes).toBe(installedBytes(flask) + wheelBytes(flask));
    expect(e.layers.map((l) => l.line)).toEqual([3, 4]);
  });

  it("one package's directory: only that package", () => {
    const e = estimate(`${builder}FROM ${SLIM}\nCOPY --from=builder /install/lib/python3.12/site-packages/jinja2 /deps/jinja2\n`);
    expect(layerAt(e, 4).bytes).toBe(pythonRow("jinja2").installedBytes);
  });

  it("a glob keeps the path below each match", () => {
    const e = estimate(`${builder}FROM ${SLIM}\nCOPY --from=builder /install/* /usr/local/\n`);
    expect(layerAt(e, 4).bytes).toBe(installedBytes(flask));
    expect(layerAt(e, 4).items.map((i) => i.path)).toContain("/usr/local/lib/python3.12/site-packages/werkzeug");
  });

  it("the pip cache, when copied on purpose", () => {
    expect(layerAt(estimate(`${builder}FROM ${SLIM}\nCOPY --from=builder /root/.cache/pip /root/.cache/pip\n`), 4).bytes).toBe(wheelBytes(flask));
  });

  it("from the stage it is in: refused by Docker, not counted, and repeating it does not double the stage", () => {
    // Fuzz case 29144 of seed 100: counted, each repeat doubled the stage's entries until memory ran out.
    const copies = (n: number) => estimate(`${builder}COPY . /app\n${"COPY --from=builder /install /install\n".repeat(n)}`);
    const once = copies(1);
    expect(warningCodes(once)).toContain("copy-from-self");
    expect(layerAt(once, 4).bytes).toBe(0);
    const items = (n: number) => copies(n).layers.reduce((sum, l) => sum + l.items.length, 0);
    expect(items(40)).toBe(items(1));
    const numbered = estimate(`FROM ${SLIM}\nRUN pip install --prefix=/install flask\nCOPY --from=0 /install /install\n`);
    expect(warningCodes(numbered)).toContain("copy-from-self");
  });

  it("a path the stage does not hold: nothing, with a warning", () => {
    const e = estimate(`${builder}FROM ${SLIM}\nCOPY --from=builder /opt/nothing /opt/nothing\n`);
    expect(layerAt(e, 4).bytes).toBe(0);
    expect(warningCodes(e)).toContain("copy-from-base");
  });

  it("a prefix the stage made without the model counting it: nothing, said as such (not as the base image's)", () => {
    // requirements.txt is not given: the install is not counted, but /install exists.
    const e = estimate(`FROM ${SLIM} AS builder\nRUN pip install --prefix=/install -r requirements.txt\nFROM ${SLIM}\nCOPY --from=builder /install /usr/local\n`);
    expect(layerAt(e, 4).bytes).toBe(0);
    expect(warningCodes(e)).toContain("copy-from-uncounted");
    expect(warningCodes(e)).not.toContain("copy-from-base");
  });

  it("a file written by a command the model does not follow: nothing, said as such (not as the base image's)", () => {
    const e = estimate(`FROM ${SLIM} AS builder\nWORKDIR /tmp\nRUN pipenv lock --requirements > requirements.txt\nFROM ${SLIM}\nCOPY --from=builder /tmp/requirements.txt /app/\n`);
    expect(layerAt(e, 5).bytes).toBe(0);
    const warning = e.warnings.find((w) => w.code === "copy-from-unmodelled");
    expect(warning?.message).toContain("copies what that stage made from line 3 on");
    expect(warningCodes(e)).not.toContain("copy-from-base");
  });

  it("a stage by index", () => {
    expect(layerAt(estimate(`${builder}FROM ${SLIM}\nCOPY --from=0 /install /usr/local\n`), 4).bytes).toBe(installedBytes(flask));
  });
});

describe("install locations", () => {
  const site = "lib/python3.12/site-packages";
  it.each([
    { name: "system site-packages", run: "pip install --no-cache-dir flask", dir: `/usr/local/${site}` },
    { name: "--prefix", run: "pip install --no-cache-dir --prefix=/install flask", dir: `/install/${site}` },
    { name: "--prefix with a space", run: "pip install --no-cache-dir --prefix /install flask", dir: `/install/${site}` },
    { name: "--target", run: "pip install --no-cache-dir --target=/deps flask", dir: "/deps" },
    { name: "--user as root", run: "pip install --no-cache-dir --user flask", dir: `/root/.local/${site}` },
    { name: "a venv's pip", run: "python -m venv /opt/venv && /opt/venv/bin/pip install --no-cache-dir flask", dir: `/opt/venv/${site}` },
    { name: "a venv's python -m pip", run: "python -m venv /opt/venv && /opt/venv/bin/python -m pip install --no-cache-dir flask", dir: `/opt/venv/${site}` },
    { name: "a venv activated in the same RUN", run: "python -m venv /opt/venv && . /opt/venv/bin/activate && pip install --no-cache-dir flask", dir: `/opt/venv/${site}` },
    { name: "a venv activated with source, by a relative path", run: "cd /srv && python -m venv venv && source venv/bin/activate && pip install --no-cache-dir flask", dir: `/srv/venv/${site}` },
  ])("$name", ({ run, dir }) => {
    const e = estimate(`FROM ${SLIM}\nRUN ${run}\n`);
    const paths = e.layers.flatMap((l) => l.items).filter((i) => i.category === "python" && !i.label.startsWith("venv")).map((i) => i.path);
    expect(paths.sort()).toEqual(flask.map((r) => `${dir}/${r.name}`).sort());
  });

  it("a venv whose pip was upgraded carries one pip into the stage that copies it", () => {
    // The upgrade hides ensurepip's pip in the builder (its layer keeps it there); COPY --from reads what is left.
    const e = estimate(`FROM ${SLIM} AS builder\nRUN python -m venv /opt/venv\nRUN /opt/venv/bin/pip install --no-cache-dir --upgrade pip==26.2.1\nFROM ${SLIM}\nCOPY --from=builder /opt/venv /opt/venv\n`);
    const venv = e.layers.flatMap((l) => l.items).filter((i) => i.path === "/opt/venv" || i.path.startsWith("/opt/venv/"));
    const pip = venv.find((i) => i.label === "pip 26.2.1");
    expect(pip?.bytes).toBeGreaterThan(0);
    expect(venv.reduce((sum, i) => sum + i.bytes, 0)).toBe(pip?.bytes);
  });

  it("--user as another user lands in that user's home", () => {
    const e = estimate(`FROM ${SLIM}\nUSER app\nRUN pip install --no-cache-dir --user flask\n`);
    expect(layerAt(e, 3).items[0]?.path).toBe(`/home/app/.local/${site}/flask`);
  });

  it.each([
    ["useradd -d", "RUN useradd -m -d /srv/app app\nUSER app", "/srv/app"],
    ["useradd --home-dir=, by UID", "RUN useradd --create-home --home-dir=/srv/app/ -u 10001 app\nUSER 10001", "/srv/app"],
    ["Debian's adduser --home", "RUN adduser --disabled-password --gecos '' --home /srv/app app\nUSER app:app", "/srv/app"],
    ["busybox adduser -h", "RUN adduser -D -h /srv/app app\nUSER app", "/srv/app"],
    ["a home in an ARG", "ARG HOME_DIR=/srv/app\nRUN useradd -m -d $HOME_DIR app\nUSER app", "/srv/app"],
    ["useradd without a home option", "RUN useradd -m -s /bin/bash app\nUSER app", "/home/app"],
    ["adduser USER GROUP adds to a group: the home is the user's", "RUN adduser -D -h /srv/app app && adduser app www-data\nUSER app", "/srv/app"],
  ])("--user as a user made with %s lands in the home it names", (_name, user, home) => {
    const e = estimate(`FROM ${SLIM}\n${user}\nRUN pip install --user flask\n`);
    const items = e.layers.at(-1)?.items ?? [];
    expect(items.find((i) => i.category === "python")?.path).toBe(`${home}/.local/${site}/flask`);
    expect(items.find((i) => i.category === "pipCache")?.path).toBe(`${home}/.cache/pip`);
  });

  it("a --user site under a home useradd -d named is what a later stage copies from there", () => {
    // It weighed 0 B: the builder's packages were put under /home/app, so the COPY of /srv/app/.local found none.
    const e = estimate(`FROM ${SLIM} AS builder\nRUN useradd -m -d /srv/app app\nUSER app\nRUN pip install --no-cache-dir --user flask\nFROM ${SLIM}\nCOPY --from=builder /srv/app/.local /srv/app/.local\n`);
    expect(layerAt(e, 6).bytes).toBe(installedBytes(flask));
  });

  it("an image that runs as nonroot (Chainguard's -dev) puts --user installs in nonroot's home", () => {
    const e = estimate("FROM cgr.dev/chainguard/python:latest-dev\nRUN pip install --no-cache-dir --user flask\n");
    expect(layerAt(e, 2).items[0]?.path).toMatch(/^\/home\/nonroot\/\.local\/lib\/python[\d.]*\/site-packages\/flask$/);
  });

  it("an activation lasts for its own RUN only", () => {
    const e = estimate(`FROM ${SLIM}\nRUN python -m venv /opt/venv && . /opt/venv/bin/activate\nRUN pip install --no-cache-dir flask\n`);
    expect(layerAt(e, 3).items.map((i) => i.path)).toContain(`/usr/local/${site}/flask`);
  });

  it("a venv on PATH takes a bare pip", () => {
    const e = estimate(`FROM ${SLIM}\nRUN python -m venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\nRUN pip install --no-cache-dir flask\n`);
    expect(layerAt(e, 4).items.map((i) => i.path)).toContain(`/opt/venv/${site}/flask`);
  });

  it("python -m venv seeds pip into the venv (Python 3.12: pip only)", () => {
    const e = estimate(`FROM ${SLIM}\nRUN python -m venv /opt/venv\n`);
    expect(layerAt(e, 2).bytes).toBe(pythonRow("pip").installedBytes);
  });
});

describe("rebuildBytes: what is rebuilt when only application source changes", () => {
  const req = { requirements: { "requirements.txt": "flask\n" }, contextBytes: 3_000_000 };

  it("requirements copied first: only the source layer", () => {
    const e = estimate(`FROM ${SLIM}\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n`, req);
    expect(e.rebuildBytes).toBe(3_000_000);
    expect(e.rebuild).toEqual({ bytes: 3_000_000, fromLine: 5, reinstallsPackages: false });
  });

  it("COPY . before pip install: the source and every package are rebuilt", () => {
    const e = estimate(`FROM ${SLIM}\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n`, req);
    expect(e.rebuild).toEqual({ bytes: 3_000_000 + installedBytes(flask), fromLine: 3, reinstallsPackages: true });
  });

  it("a builder that copies the source before installing makes the final stage reinstall", () => {
    const e = estimate(
      `FROM ${SLIM} AS builder\nWORKDIR /src\nCOPY . .\nRUN pip install --no-cache-dir --prefix=/install -r requirements.txt\n` +
        `FROM ${SLIM}\nCOPY --from=builder /install /usr/local\n`,
      req,
    );
    expect(e.rebuild).toEqual({ bytes: installedBytes(flask), fromLine: 6, reinstallsPackages: true });
  });

  it("nothing from the context: nothing to rebuild", () => {
    expect(estimate(`FROM ${SLIM}\nRUN pip install --no-cache-dir flask\n`).rebuild).toEqual({ bytes: 0, fromLine: null, reinstallsPackages: false });
  });
});

describe("WORKDIR", () => {
  // BuildKit's word lexer removes the quotes: `WORKDIR "/app"` is /app, not a directory named `"/app"`.
  it.each(['WORKDIR "/app"', "WORKDIR '/app'", "WORKDIR /app", 'ARG D=/app\nWORKDIR "${D}"'])("%s: COPY . lands in /app", (workdir) => {
    const e = estimate(`FROM ${SLIM}\n${workdir}\nCOPY requirements.txt .\n`, { requirements: { "requirements.txt": "flask\n" } });
    expect(e.layers.at(-1)?.items.map((i) => i.path)).toEqual(["/app/requirements.txt"]);
  });

  it("a quoted WORKDIR repeated does not nest", () => {
    const e = estimate(`FROM ${SLIM}\nWORKDIR "/srv/app"\nWORKDIR "/srv/app"\nCOPY requirements.txt .\n`, { requirements: { "requirements.txt": "flask\n" } });
    expect(e.layers.at(-1)?.items.map((i) => i.path)).toEqual(["/srv/app/requirements.txt"]);
  });
});
