// Whatever a user pastes, the engine answers with data: parseDockerfile, parseRequirementsFile and analyze()
// never throw, the estimator never faults (analyze would report `engine/estimate-fault`), every diagnostic
// points at a real line and column (1-based), and the numbers stay whole and add up. Inputs are random
// text and bytes, and mutations of realistic seeds (the examples, plus heredocs, stages and flags).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EXAMPLES } from "../examples";
import { analyze, type Analysis } from "./analyze";
import type { Diagnostic } from "./diagnostics";
import { parseDockerfile } from "./dockerfile/parse-dockerfile";
import { CATEGORIES } from "./estimate/types";
import { findBaseImage, parseImageRef, resolvePythonClosure } from "./knowledge";
import { parseRequirementsFile } from "./requirements";
import { LineIndex } from "./text/line-index";

const MULTISTAGE = `# syntax=docker/dockerfile:1
ARG PY=3.12
FROM python:\${PY}-alpine AS builder
RUN apk add --no-cache --virtual .build-deps build-base postgresql-dev \\
 && pip install --prefix=/install -r requirements.txt \\
 && apk del .build-deps
RUN <<-EOF
\tpip wheel -w /wheels psycopg2
\trm -rf /root/.cache/pip
\tEOF
COPY <<EOF /etc/app.conf
key=value
EOF
FROM python:\${PY:-3.11}-slim
RUN --mount=type=cache,target=/root/.cache/pip python -m venv /opt/venv && /opt/venv/bin/pip install flask
COPY --from=builder --chown=app:app --link /install /usr/local
RUN ["sh", "-c", "apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*"]
USER app
CMD ["python", "-m", "app"]
`;

/** Hundreds of analyses per property: seconds alone, more when the machine is busy. A limit, not a measure. */
const PROPERTY_TIMEOUT = 60_000;

const SEEDS = [...EXAMPLES.map((e) => e.dockerfile), MULTISTAGE];
const REQUIREMENTS = [...EXAMPLES.flatMap((e) => e.requirements.map((r) => r.text)), "-r requirements.txt\n-c constraints.txt\nflask>=3 ; python_version >= '3.8'\n"];

// Fragments that stress the readers: continuations, heredoc markers, quotes, JSON, flags, variables.
const FRAGMENTS = [
  "\\", "\\\n", "`", "\n", "\r\n", "\r", "<<EOF", "<<-EOF\n\t", "EOF\n", "<<'X'", '"', "'", "[", "]", '["', '", "', "${", "}", "$PY",
  "${PY:-3}", "--mount=type=cache,target=", "--from=", "&&", "||", ";", "|", "#", "# escape=`\n", "FROM ", "RUN ", "COPY ", "AS ",
  "pip install ", "-r ", "apk add ", "apt-get install -y ", "rm -rf ", "\uFEFF", "\u0000", "\uFFFD", "\ud800", "\t",
];

type Mutation =
  | { readonly kind: "cut"; readonly at: number }
  | { readonly kind: "duplicate-line"; readonly at: number }
  | { readonly kind: "insert"; readonly at: number; readonly text: string }
  | { readonly kind: "delete"; readonly at: number; readonly length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate-line" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 }), fc.string({ unit: "binary", maxLength: 6 })),
  }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.nat({ max: 30 }) }),
);

function mutate(seed: string, mutations: readonly Mutation[]): string {
  let text = seed;
  for (const m of mutations) {
    const at = m.at % (text.length + 1);
    if (m.kind === "cut") text = text.slice(0, at);
    else if (m.kind === "insert") text = text.slice(0, at) + m.text + text.slice(at);
    else if (m.kind === "delete") text = text.slice(0, at) + text.slice(at + m.length);
    else {
      const lines = text.split("\n");
      const i = m.at % lines.length;
      lines.splice(i, 0, lines[i] ?? "");
      text = lines.join("\n");
    }
  }
  return text;
}

type Encoding = "string" | "utf8" | "utf8-bom" | "utf16le" | "utf16be" | "crlf" | "random-bytes";

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
}

function encode(text: string, encoding: Encoding, noise: readonly number[]): string | Uint8Array {
  const utf8 = (t: string) => new TextEncoder().encode(t);
  switch (encoding) {
    case "string": return text;
    case "utf8": return utf8(text);
    case "utf8-bom": return utf8(`\uFEFF${text}`);
    case "utf16le": return utf16(text, true);
    case "utf16be": return utf16(text, false);
    case "crlf": return text.replace(/\r?\n/g, "\r\n");
    case "random-bytes": {
      // Random bytes at random places: invalid UTF-8 sequences, NULs, stray continuation bytes.
      const bytes = Array.from(utf8(text));
      for (let i = 0; i + 1 < noise.length; i += 2) bytes.splice((noise[i] ?? 0) % (bytes.length + 1), 0, noise[i + 1] ?? 0);
      return new Uint8Array(bytes);
    }
  }
}

const encoding = fc.constantFrom<Encoding>("string", "utf8", "utf8-bom", "utf16le", "utf16be", "crlf", "random-bytes");

/** Every diagnostic of a Dockerfile points inside its decoded text; every other one at a position ≥ 1. */
function expectPositions(diagnostics: readonly Diagnostic[], dockerfileText: string): void {
  const lines = new LineIndex(dockerfileText);
  for (const d of diagnostics) {
    expect(Number.isInteger(d.line) && Number.isInteger(d.column)).toBe(true);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    if (d.file === "dockerfile") {
      expect(d.line).toBeLessThanOrEqual(lines.lineCount);
      expect(d.column).toBeLessThanOrEqual(lines.lineText(d.line).length + 1);
    }
  }
}

function expectSound(analysis: Analysis): void {
  expectPositions(analysis.diagnostics, analysis.model.text);
  expect(analysis.diagnostics.filter((d) => d.code === "engine/estimate-fault")).toEqual([]);
  const e = analysis.estimate;
  for (const value of [e.totalBytes, e.compressedBytes, e.baseBytes, e.rebuildBytes, ...CATEGORIES.map((c) => e.byCategory[c])]) {
    expect(Number.isSafeInteger(value) && value >= 0).toBe(true);
  }
  expect(CATEGORIES.reduce((sum, c) => sum + e.byCategory[c], 0)).toBe(e.totalBytes);
  expect(e.layers.reduce((sum, l) => sum + l.bytes, 0)).toBe(e.totalBytes);
  expect(e.rebuildBytes).toBeLessThanOrEqual(e.totalBytes);
}

function check(dockerfile: string | Uint8Array, requirements: string | Uint8Array): void {
  expectPositions(parseDockerfile(dockerfile).diagnostics, parseDockerfile(dockerfile).text);
  const file = parseRequirementsFile("requirements.txt", requirements);
  for (const d of file.diagnostics) expect([d.line >= 1, d.column >= 1]).toEqual([true, true]);
  expectSound(analyze({
    dockerfile,
    requirements: [{ path: "requirements.txt", content: requirements }, { path: "constraints.txt", content: "-r requirements.txt\n" }],
    dockerignore: typeof requirements === "string" ? requirements : null,
  }));
}

describe("the engine never throws, and every diagnostic has a position", () => {
  it("for mutations of realistic Dockerfiles and requirements", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SEEDS), fc.array(mutation, { maxLength: 8 }), encoding, fc.array(fc.nat({ max: 255 }), { maxLength: 12 }),
        fc.constantFrom(...REQUIREMENTS), fc.array(mutation, { maxLength: 4 }), encoding,
        (seed, mutations, enc, noise, req, reqMutations, reqEnc) => check(encode(mutate(seed, mutations), enc, noise), encode(mutate(req, reqMutations), reqEnc, noise)),
      ),
      { numRuns: 400 },
    );
  }, PROPERTY_TIMEOUT);

  it("for random text made of Dockerfile syntax", () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...FRAGMENTS, "python:3.12", "a", "/x", " ", "=", "1"), { maxLength: 60 }), (parts) => check(parts.join(""), parts.join(""))), { numRuns: 300 });
  }, PROPERTY_TIMEOUT);

  it("for random strings and bytes", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 400 }), fc.uint8Array({ maxLength: 400 }), (text, bytes) => {
      check(text, bytes);
      check(bytes, text);
    }), { numRuns: 200 });
  }, PROPERTY_TIMEOUT);
});

describe("explicit bad inputs: diagnostics with positions, and what can be estimated is", () => {
  const slim = findBaseImage(parseImageRef("python:3.12-slim") ?? { registry: null, repository: "python", tag: "3.12-slim", digest: null })?.row.diskBytes ?? NaN;
  const flaskBytes = resolvePythonClosure(["flask"]).rows.reduce((sum, r) => sum + (r.installedBytes ?? NaN), 0);
  const run = (dockerfile: string | Uint8Array, requirements: { path: string; content: string }[] = []) => {
    const analysis = analyze({ dockerfile, requirements, dockerignore: null });
    expectSound(analysis);
    return analysis;
  };
  const codes = (a: Analysis) => a.diagnostics.map((d) => [d.code, d.line, d.column]);

  it("binary garbage", () => {
    let seed = 7;
    const bytes = new Uint8Array(200_000).map(() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256);
    const a = run(bytes);
    expect(a.diagnostics.map((d) => d.code)).toContain("dockerfile/no-from");
    // Thousands of unknown "instructions" are summarised, not listed one by one.
    expect(a.diagnostics.filter((d) => d.code === "dockerfile/unknown-instruction").length).toBeLessThanOrEqual(51);
    expect(a.estimate.totalBytes).toBe(0);
  });

  it("a 5 MB paste: a Dockerfile followed by pages of build log", () => {
    // Comment-like and plain lines alike (`Collecting flask` reads as an unknown instruction).
    const log = Array.from({ length: 60_000 }, (_, i) => (i % 2 === 0 ? `#${i % 40} [stage ${i % 3}/3] RUN pip install ${"·".repeat(i % 50)}` : `Collecting flask==3.${i % 9} (from -r requirements.txt (line ${i}))`)).join("\n");
    const text = `FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n${log}\n`.padEnd(5_000_000, "x");
    expect(text.length).toBeGreaterThanOrEqual(5_000_000);
    const a = run(text);
    expect(a.estimate.totalBytes).toBe(slim + flaskBytes);
  }, 60_000);

  it("an unterminated heredoc", () => {
    const a = run("FROM python:3.12-slim\nRUN <<EOF\npip install --no-cache-dir flask\n");
    expect(codes(a)).toEqual([["dockerfile/unterminated-heredoc", 2, 1]]);
    expect(a.estimate.baseBytes).toBe(slim);
  });

  it("invalid UTF-8", () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("FROM python:3.12-slim\nRUN echo "), 0xc0, 0xff, ...new TextEncoder().encode("\nRUN pip install --no-cache-dir flask\n")]);
    const a = run(bytes);
    expect(codes(a)).toEqual([["dockerfile/invalid-encoding", 2, 10]]);
    expect(a.estimate.totalBytes).toBe(slim + flaskBytes);
  });

  it("an empty file", () => {
    const a = run("");
    expect(codes(a)).toEqual([["dockerfile/empty", 1, 1]]);
    expect(a.estimate.totalBytes).toBe(0);
  });

  it("a requirements file that includes itself", () => {
    const a = run("FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n", [
      { path: "requirements.txt", content: "flask\n-r requirements.txt\n" },
    ]);
    expect(a.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([["requirements/include-cycle", { requirements: "requirements.txt" }, 2, 1]]);
    expect(a.estimate.byCategory.python).toBe(flaskBytes);
  });

  it("two requirements files that include each other", () => {
    const a = run("FROM python:3.12-slim\nCOPY a.txt b.txt ./\nRUN pip install --no-cache-dir -r a.txt\n", [
      { path: "a.txt", content: "-r b.txt\nflask\n" },
      { path: "b.txt", content: "-r a.txt\n" },
    ]);
    expect(a.diagnostics.map((d) => d.code)).toEqual(["requirements/include-cycle", "requirements/include-cycle"]);
    expect(a.estimate.byCategory.python).toBe(flaskBytes);
  });
});
