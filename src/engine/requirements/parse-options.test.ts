import { describe, expect, it } from "vitest";
import type { RequirementsOptions } from "./model";
import { parseRequirementsFile } from "./parse-requirements";
import { expected, view } from "./test-support";

function parse(text: string) {
  return parseRequirementsFile("requirements.txt", text);
}

const NO_OPTIONS: RequirementsOptions = {
  indexUrl: null,
  noIndex: false,
  extraIndexUrls: [],
  findLinks: [],
  noBinary: [],
  onlyBinary: [],
  preferBinary: false,
  requireHashes: false,
  pre: false,
  trustedHosts: [],
};

describe("includes", () => {
  it.each([
    { name: "-r with a space", text: "-r base.txt", include: { kind: "requirement", path: "base.txt", line: 1, column: 1 } },
    { name: "--requirement with a space", text: "--requirement base.txt", include: { kind: "requirement", path: "base.txt", line: 1, column: 1 } },
    { name: "--requirement=", text: "--requirement=req/base.txt", include: { kind: "requirement", path: "req/base.txt", line: 1, column: 1 } },
    { name: "-r attached", text: "-rbase.txt", include: { kind: "requirement", path: "base.txt", line: 1, column: 1 } },
    { name: "-c with a space", text: "-c constraints.txt", include: { kind: "constraint", path: "constraints.txt", line: 1, column: 1 } },
    { name: "--constraint=", text: "--constraint=c.txt", include: { kind: "constraint", path: "c.txt", line: 1, column: 1 } },
    { name: "indented after a comment", text: "# base\n  -r ../x.txt # shared", include: { kind: "requirement", path: "../x.txt", line: 2, column: 3 } },
    { name: "quoted path", text: "-r 'my reqs.txt'", include: { kind: "requirement", path: "my reqs.txt", line: 1, column: 1 } },
  ])("$name", ({ text, include }) => {
    const file = parse(text);
    expect(file.diagnostics).toEqual([]);
    expect(file.includes).toEqual([include]);
    expect(file.requirements).toEqual([]);
  });

  it("reads -r=path as intended but warns that pip reads '=path'", () => {
    const file = parse("-r=base.txt");
    expect(file.includes).toEqual([{ kind: "requirement", path: "base.txt", line: 1, column: 1 }]);
    expect(file.diagnostics.map((d) => [d.line, d.column, d.code])).toEqual([[1, 1, "requirements/short-option-equals"]]);
  });

  it("follows only the first include of a line, as pip does", () => {
    const file = parse("-r a.txt -r b.txt");
    expect(file.includes.map((i) => i.path)).toEqual(["a.txt"]);
    expect(file.diagnostics.map((d) => [d.line, d.column, d.code])).toEqual([[1, 10, "requirements/include-ignored"]]);
  });
});

describe("file-wide options", () => {
  it.each([
    { name: "-i", text: "-i https://pypi.example/simple", options: { indexUrl: "https://pypi.example/simple" } },
    { name: "--index-url=, last wins", text: "--index-url=https://a/simple\n--index-url https://b/simple", options: { indexUrl: "https://b/simple" } },
    { name: "--extra-index-url twice", text: "--extra-index-url https://a\n--extra-index-url=https://b", options: { extraIndexUrls: ["https://a", "https://b"] } },
    { name: "abbreviated long option", text: "--extra-index https://a", options: { extraIndexUrls: ["https://a"] } },
    { name: "--no-index", text: "--no-index", options: { noIndex: true } },
    { name: "-f and --find-links", text: "-f ./wheels\n--find-links=https://x/links", options: { findLinks: ["./wheels", "https://x/links"] } },
    { name: "--no-binary :all:", text: "--no-binary :all:", options: { noBinary: [":all:"] } },
    { name: "--only-binary list", text: "--only-binary=numpy,SciPy", options: { onlyBinary: ["numpy", "scipy"] } },
    { name: "flags", text: "--prefer-binary\n--require-hashes\n--pre", options: { preferBinary: true, requireHashes: true, pre: true } },
    { name: "--trusted-host", text: "--trusted-host example.com", options: { trustedHosts: ["example.com"] } },
    { name: "several on one line", text: "--pre --trusted-host a.b -i https://x", options: { pre: true, trustedHosts: ["a.b"], indexUrl: "https://x" } },
    { name: "--use-feature is accepted", text: "--use-feature=truststore", options: {} },
    {
      name: "index URL with a variable kept verbatim",
      text: "--extra-index-url https://${USER}:${TOKEN}@pypi.example/simple",
      options: { extraIndexUrls: ["https://${USER}:${TOKEN}@pypi.example/simple"] },
    },
  ])("$name", ({ text, options }) => {
    const file = parse(text);
    expect(file.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    expect(file.options).toEqual({ ...NO_OPTIONS, ...options });
  });

  it("applies --no-binary written on a requirement's line, as pip's parser does", () => {
    const file = parse("python3-saml==1.16.0 --no-binary lxml,xmlsec");
    expect(file.options.noBinary).toEqual(["lxml", "xmlsec"]);
    expect(file.requirements.map(view)).toEqual([expected({ name: "python3-saml", specifier: "==1.16.0", pinnedVersion: "1.16.0" })]);
    expect(file.diagnostics).toEqual([]);
  });
});

describe("hashes", () => {
  it.each([
    { name: "two on one line", text: "six==1.16.0 --hash=sha256:aa --hash=sha256:bb", hashes: ["sha256:aa", "sha256:bb"] },
    { name: "space-separated value", text: "six==1.16.0 --hash sha512:CC", hashes: ["sha512:CC"] },
    { name: "continued lines", text: "six==1.16.0 \\\n  --hash=sha256:aa \\\n  --hash=sha384:bb", hashes: ["sha256:aa", "sha384:bb"] },
  ])("$name", ({ text, hashes }) => {
    const file = parse(text);
    expect(file.diagnostics).toEqual([]);
    expect(file.requirements.map(view)).toEqual([expected({ name: "six", specifier: "==1.16.0", pinnedVersion: "1.16.0", hashes })]);
  });
});

describe("option problems", () => {
  it.each([
    { name: "unknown option on its own line", text: "--frobnicate\nflask", found: [[1, 1, "warning", "requirements/unknown-option"]], names: ["flask"] },
    { name: "unknown option with a value", text: "--frobnicate x\nflask", found: [[1, 1, "warning", "requirements/unknown-option"]], names: ["flask"] },
    { name: "unknown option keeps the line going", text: "--frobnicate --pre\nflask", found: [[1, 1, "warning", "requirements/unknown-option"]], names: ["flask"] },
    { name: "unknown option after a requirement", text: "flask==2.0 --frobnicate", found: [[1, 12, "warning", "requirements/unknown-option"]], names: ["flask"] },
    { name: "unknown short option", text: "-x\nflask", found: [[1, 1, "warning", "requirements/unknown-option"]], names: ["flask"] },
    { name: "ambiguous abbreviation", text: "--no\nflask", found: [[1, 1, "warning", "requirements/unknown-option"]], names: ["flask"] },
    { name: "missing value", text: "flask\n-r", found: [[2, 1, "error", "requirements/missing-option-value"]], names: ["flask"] },
    { name: "weak hash", text: "flask --hash=md5:abc", found: [[1, 14, "warning", "requirements/invalid-hash"]], names: ["flask"] },
    { name: "hash without a requirement", text: "--hash=sha256:ab\nflask", found: [[1, 1, "warning", "requirements/option-ignored"]], names: ["flask"] },
    { name: "global option on a requirement line", text: "flask --index-url https://x", found: [[1, 7, "warning", "requirements/option-ignored"]], names: ["flask"] },
    { name: "unterminated quote", text: "flask --hash 'sha256:ab\nsix", found: [[1, 14, "error", "requirements/invalid-option"]], names: ["six"] },
    { name: "stray word among options", text: "--pre stray\nflask", found: [[1, 7, "warning", "requirements/stray-argument"]], names: ["flask"] },
    { name: "flag given a value", text: "--pre=yes\nflask", found: [[1, 1, "warning", "requirements/invalid-option"]], names: ["flask"] },
  ])("$name", ({ text, found, names }) => {
    const file = parse(text);
    expect(file.diagnostics.map((d) => [d.line, d.column, d.severity, d.code])).toEqual(found);
    expect(file.requirements.map((r) => r.name)).toEqual(names);
  });

  it("tells which long option an abbreviation stands for", () => {
    const file = parse("--extra-index https://a");
    expect(file.diagnostics.map((d) => [d.severity, d.message])).toEqual([
      ["info", "--extra-index is read as --extra-index-url (pip accepts unambiguous abbreviations)."],
    ]);
  });
});
