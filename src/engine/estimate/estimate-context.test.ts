// COPY/ADD from the build context: the context-size setting, .dockerignore, named files, manifests and
// heredoc files.
import { describe, expect, it } from "vitest";
import { ASSUMPTIONS } from "./assumptions";
import { baseRow, estimate, layerAt, warningCodes } from "./test-support";

const SLIM = "python:3.12-slim";
const base = baseRow(SLIM).diskBytes;

describe("the context-size setting", () => {
  it("COPY . . adds the default context size", () => {
    const e = estimate(`FROM ${SLIM}\nCOPY . /app\n`);
    expect(e.byCategory.app).toBe(ASSUMPTIONS.contextSize.value);
    expect(e.totalBytes).toBe(base + ASSUMPTIONS.contextSize.value);
  });

  it.each([0, 1, 123_456_789])("COPY . . adds exactly the set context size (%i)", (contextBytes) => {
    expect(estimate(`FROM ${SLIM}\nCOPY . /app\n`, { contextBytes }).byCategory.app).toBe(contextBytes);
  });

  it("the context is sent once: copies together never exceed it", () => {
    const e = estimate(`FROM ${SLIM}\nCOPY app.py /app/\nCOPY . /app\nCOPY src/ /app/src/\n`, { contextBytes: 100_000 });
    expect(layerAt(e, 2).bytes).toBe(ASSUMPTIONS.namedSourceFile.value);
    expect(layerAt(e, 3).bytes).toBe(100_000 - ASSUMPTIONS.namedSourceFile.value);
    expect(layerAt(e, 4).bytes).toBe(0);
    expect(e.byCategory.app).toBe(100_000);
  });

  it("a named file smaller than the named-file assumption takes what is left", () => {
    expect(estimate(`FROM ${SLIM}\nCOPY app.py /app/\n`, { contextBytes: 1_000 }).byCategory.app).toBe(1_000);
  });
});

describe(".dockerignore", () => {
  it.each([
    { name: "no .dockerignore: COPY . is flagged", dockerignore: null, codes: ["copy-all-without-dockerignore"] },
    { name: "a .dockerignore: not flagged", dockerignore: ".git\n__pycache__\n", codes: [] },
    { name: "an empty .dockerignore still counts as one", dockerignore: "", codes: [] },
  ])("$name", ({ dockerignore, codes }) => {
    const e = estimate(`FROM ${SLIM}\nCOPY . .\n`, { dockerignore });
    expect(e.warnings.map((w) => [w.code, w.line])).toEqual(codes.map((c) => [c, 2]));
  });

  it.each([
    { name: "an ignored file adds nothing", dockerignore: "*.env\n", source: "secrets.env", bytes: 0 },
    { name: "a file not matched is copied", dockerignore: "*.env\n", source: "app.py", bytes: ASSUMPTIONS.namedSourceFile.value },
    { name: "a re-included file (!) is copied", dockerignore: "*.env\n!public.env\n", source: "public.env", bytes: ASSUMPTIONS.namedSourceFile.value },
    { name: "an ignored directory adds nothing", dockerignore: "tests/\n", source: "tests/", bytes: 0 },
    { name: "a file in an ignored directory adds nothing", dockerignore: "docs\n", source: "docs/index.md", bytes: 0 },
    { name: "** matches at any depth", dockerignore: "**/*.pyc\n", source: "pkg/sub/mod.pyc", bytes: 0 },
  ])("$name", ({ dockerignore, source, bytes }) => {
    expect(layerAt(estimate(`FROM ${SLIM}\nCOPY ${source} /app/\n`, { dockerignore, contextBytes: 1_000_000 }), 2).bytes).toBe(bytes);
  });
});

describe("manifests and heredoc files", () => {
  it("a pasted requirements file weighs its own text", () => {
    const text = "flask==3.1.3\nrequests==2.34.2\n";
    const e = estimate(`FROM ${SLIM}\nCOPY requirements.txt /app/\n`, { requirements: { "requirements.txt": text } });
    expect(layerAt(e, 2).bytes).toBe(text.length);
    expect(e.rebuild.fromLine).toBeNull();
  });

  it("a manifest not pasted weighs the manifest assumption, and does not count as source", () => {
    const e = estimate(`FROM ${SLIM}\nCOPY pyproject.toml poetry.lock /app/\n`);
    expect(layerAt(e, 2).bytes).toBe(2 * ASSUMPTIONS.manifestFile.value);
    expect(e.rebuildBytes).toBe(0);
  });

  // FastAPI's recipe copies the lock "if there is one" with a trailing *: still a manifest, and the source
  // copied later takes the whole context, as it would after a plain `COPY poetry.lock`.
  it("a manifest named with a trailing * is that manifest, not a share of the context", () => {
    const e = estimate(`FROM ${SLIM}\nWORKDIR /code\nCOPY ./pyproject.toml ./poetry.lock* ./\nCOPY . /code\n`, { contextBytes: 3_000_000 });
    expect(layerAt(e, 3).items.map((i) => [i.path, i.bytes])).toEqual([["/code/pyproject.toml", ASSUMPTIONS.manifestFile.value], ["/code/poetry.lock", ASSUMPTIONS.manifestFile.value]]);
    expect(layerAt(e, 4).bytes).toBe(3_000_000);
    const pipenv = estimate(`FROM ${SLIM}\nWORKDIR /tmp\nADD Pipfile* ./\n`);
    expect(layerAt(pipenv, 3).items.map((i) => i.path)).toEqual(["/tmp/Pipfile", "/tmp/Pipfile.lock"]);
  });

  // A folder of requirements files given with the project: those files' text, not 2 MB of the context.
  it("a requirements folder is the requirements files given in it", () => {
    const e = estimate(`FROM ${SLIM}\nWORKDIR /app\nCOPY ./requirements /app/requirements\nCOPY . .\n`, { contextBytes: 3_000_000, requirements: { "requirements/base.txt": "flask\n", "requirements/prod.txt": "-r base.txt\ngunicorn\n" } });
    expect(layerAt(e, 3).items.map((i) => [i.path, i.bytes])).toEqual([["/app/requirements/base.txt", 6], ["/app/requirements/prod.txt", 21]]);
    expect(layerAt(e, 4).bytes).toBe(3_000_000);
  });

  it("COPY <<EOF writes the heredoc's text", () => {
    expect(layerAt(estimate(`FROM ${SLIM}\nCOPY <<EOF /etc/app.conf\nkey=value\nEOF\n`), 2).bytes).toBe("key=value".length);
  });

  it("COPY <<-EOF writes the text without the leading tabs", () => {
    expect(layerAt(estimate(`FROM ${SLIM}\nCOPY <<-EOF /etc/app.conf\n\tkey=value\n\tEOF\n`), 2).bytes).toBe("key=value".length);
  });

  it("ADD of a URL is unknown: 0 bytes and a warning", () => {
    const e = estimate(`FROM ${SLIM}\nADD https://example.com/x.tar.gz /opt/\n`);
    expect([layerAt(e, 2).bytes, warningCodes(e)]).toEqual([0, ["add-url"]]);
  });
});
