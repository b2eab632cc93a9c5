// Property tests: whatever a user pastes, parsing and resolving return data (never throw), and every
// diagnostic and requirement points at a real line and column of the text it names.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../diagnostics";
import { LineIndex } from "../text/line-index";
import type { RequirementsFile } from "./model";
import { markerEnvironment } from "./markers";
import { parseRequirementsFile } from "./parse-requirements";
import { resolveRequirements } from "./resolve-requirements";

const VALID = [
  "# pinned by pip-compile",
  "-i https://pypi.org/simple",
  "--extra-index-url https://${TOKEN}@example.com/simple",
  "-r base.txt",
  "-c constraints.txt",
  "Django >= 4.2 , < 5",
  "requests[security,socks]==2.31.0 \\",
  "    --hash=sha256:aa11 \\",
  "    --hash=sha256:bb22",
  'importlib-metadata; python_version < "3.10" and (sys_platform != "win32" or extra == "x")',
  "pkg @ https://example.com/pkg-1.0-py3-none-any.whl ; os_name == 'posix'",
  "-e git+https://github.com/x/y.git@v1#egg=y[dev]",
  "./local[extra]",
  "python3-saml==1.16.0 --no-binary lxml,xmlsec",
  "coverage==7.4.0  # for testing",
].join("\n");

// Fragments that stress the reader's edges: continuations, quotes, comments, brackets, options, BOMs.
const FRAGMENTS = [
  "\\", "\n", "\r\n", "\r", "#", " #", ";", "; ", '"', "'", "[", "]", "(", ")", "@", " @ ", "==", "===", "~=", ",",
  "-r ", "-c ", "-e ", "--hash=", "--", "-", " ", "\t", "${X}", "\uFEFF", "\u0000", "\uFFFD", "and", " or ", "not in",
  "python_version", "git+", "file://", "#egg=", ".whl", "\\\n", "\ud800",
];

interface Mutation {
  readonly at: number;
  readonly kind: "insert" | "delete" | "duplicate";
  readonly text: string;
  readonly length: number;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom("insert", "delete", "duplicate"),
  text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 }), fc.string({ unit: "binary", maxLength: 4 })),
  length: fc.nat({ max: 40 }),
});

function mutate(base: string, mutations: readonly Mutation[]): string {
  let text = base;
  for (const { at, kind, text: fragment, length } of mutations) {
    const position = text.length === 0 ? 0 : at % (text.length + 1);
    if (kind === "insert") text = text.slice(0, position) + fragment + text.slice(position);
    else if (kind === "delete") text = text.slice(0, position) + text.slice(position + length);
    else text = text.slice(0, position) + text.slice(position, position + length) + text.slice(position);
  }
  return text;
}

function expectPositionsInside(file: RequirementsFile, diagnostics: readonly Diagnostic[]): void {
  const index = new LineIndex(file.text);
  for (const { line, column } of [...diagnostics, ...file.requirements, ...file.includes]) {
    expect(line).toBeGreaterThanOrEqual(1);
    expect(column).toBeGreaterThanOrEqual(1);
    expect(line).toBeLessThanOrEqual(index.lineCount);
    expect(column).toBeLessThanOrEqual(index.lineText(line).length + 1);
  }
  for (const { start, end } of file.requirements) {
    expect(0 <= start && start <= end && end <= file.text.length).toBe(true);
  }
}

const env = markerEnvironment("3.12");

function check(content: string | Uint8Array): void {
  const file = parseRequirementsFile("requirements.txt", content, env);
  expectPositionsInside(file, file.diagnostics);
  const other = parseRequirementsFile("base.txt", typeof content === "string" ? `-r requirements.txt\n${content}` : content);
  const resolved = resolveRequirements("requirements.txt", [file, other], env);
  for (const visited of resolved.files) {
    const own = resolved.diagnostics.filter((d) => typeof d.file === "object" && "requirements" in d.file && d.file.requirements === visited.path);
    expectPositionsInside(visited, own);
  }
}

describe("never throws and points inside the text", () => {
  it("for random strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), check), { numRuns: 300 });
  });

  it("for random ASCII made of requirement syntax", () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...FRAGMENTS, "a", "1", ".", "x"), { maxLength: 80 }), (parts) => check(parts.join(""))), {
      numRuns: 300,
    });
  });

  it("for random bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), check), { numRuns: 200 });
  });

  it("for random mutations of a valid file", () => {
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 12 }), (mutations) => check(mutate(VALID, mutations))), {
      numRuns: 500,
    });
    // 500 mutated files: about 3 s idle; a loaded 2-core CI machine needs more than the default 5 s.
  }, 30_000);

  it.each([
    { name: "deeply nested parentheses", text: `foo; ${"(".repeat(100_000)}` },
    { name: "a very long and-chain", text: `foo; ${Array.from({ length: 50_000 }, () => 'os_name == "posix"').join(" and ")}` },
    { name: "a very long continuation", text: `foo==1 ${"\\\n --hash=sha256:ab ".repeat(20_000)}` },
  ])("for $name", ({ text }) => {
    check(text);
  });

  it("for a file of several megabytes", () => {
    const big = `${"x".repeat(2_000_000)}==>1 [[[[${"[".repeat(500_000)}\n${VALID}\n`.repeat(2);
    const started = Date.now();
    check(big);
    // Linear work: seconds, not minutes, even for pathological lines (a regex slip would be quadratic).
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
