import { describe, expect, it } from "vitest";
import { markerEnvironment } from "./markers";
import { parseRequirementsFile } from "./parse-requirements";
import { expected, view } from "./test-support";

const py312 = markerEnvironment("3.12");

function parse(text: string | Uint8Array, env = py312) {
  return parseRequirementsFile("requirements.txt", text, env);
}

function problems(text: string) {
  return parse(text).diagnostics.map((d) => ({ line: d.line, column: d.column, severity: d.severity, code: d.code }));
}

describe("named requirements", () => {
  it.each([
    { name: "bare name", text: "requests", want: expected({ name: "requests" }) },
    { name: "normalised name and pin", text: "Flask_SQLAlchemy==3.1.1", want: expected({ name: "flask-sqlalchemy", specifier: "==3.1.1", pinnedVersion: "3.1.1" }) },
    { name: "extras", text: "requests[security,socks]>=2.31", want: expected({ name: "requests", extras: ["security", "socks"], specifier: ">=2.31" }) },
    { name: "spaced extras normalised", text: "requests [ Security , socks_proxy ] >= 2.31", want: expected({ name: "requests", extras: ["security", "socks-proxy"], specifier: ">=2.31" }) },
    { name: "specifiers with spaces", text: "Django >= 4.2 , < 5", want: expected({ name: "django", specifier: ">=4.2,<5" }) },
    { name: "parenthesised specifiers", text: "numpy (>=1.20, <2)", want: expected({ name: "numpy", specifier: ">=1.20,<2" }) },
    { name: "arbitrary equality pins", text: "pkg===1.0-custom", want: expected({ name: "pkg", specifier: "===1.0-custom", pinnedVersion: "1.0-custom" }) },
    { name: "wildcard does not pin", text: "pkg==1.*", want: expected({ name: "pkg", specifier: "==1.*" }) },
    { name: "compatible release does not pin", text: "python-dotenv~=1.0.0", want: expected({ name: "python-dotenv", specifier: "~=1.0.0" }) },
    { name: "pin among clauses", text: "pkg!=1.1,==1.2", want: expected({ name: "pkg", specifier: "!=1.1,==1.2", pinnedVersion: "1.2" }) },
    { name: "local version pin", text: "torch==2.1.0+cpu", want: expected({ name: "torch", specifier: "==2.1.0+cpu", pinnedVersion: "2.1.0+cpu" }) },
    { name: "indented", text: "   six==1.16.0", want: expected({ name: "six", specifier: "==1.16.0", pinnedVersion: "1.16.0", column: 4 }) },
    { name: "trailing comment", text: "coverage==7.4.0  # for testing", want: expected({ name: "coverage", specifier: "==7.4.0", pinnedVersion: "7.4.0" }) },
    { name: "trailing spaces", text: "black==20.8b1 ", want: expected({ name: "black", specifier: "==20.8b1", pinnedVersion: "20.8b1" }) },
    {
      name: "marker without spaces, false on 3.12",
      text: 'backports.zoneinfo;python_version<"3.9"',
      want: expected({ name: "backports-zoneinfo", marker: 'python_version<"3.9"', markerApplies: false }),
    },
    {
      name: "marker with single quotes, true",
      text: "babel==2.14.0; python_version >= '3.7'",
      want: expected({ name: "babel", specifier: "==2.14.0", pinnedVersion: "2.14.0", marker: "python_version >= '3.7'" }),
    },
    { name: "undecidable marker", text: 'pytest; extra == "test"', want: expected({ name: "pytest", marker: 'extra == "test"', markerApplies: null }) },
    { name: "empty marker", text: "flask;", want: expected({ name: "flask" }) },
  ])("$name", ({ text, want }) => {
    const file = parse(text);
    expect(file.diagnostics).toEqual([]);
    expect(file.requirements.map(view)).toEqual([want]);
  });

  it("keeps the name as written", () => {
    expect(parse("Flask_SQLAlchemy").requirements[0]?.rawName).toBe("Flask_SQLAlchemy");
  });

  it.each([
    { name: "python 3.8", python: "3.8", applies: true },
    { name: "python 3.12", python: "3.12", applies: false },
  ])("evaluates importlib-metadata's marker on $name", ({ python, applies }) => {
    const file = parse('importlib-metadata; python_version < "3.10"', markerEnvironment(python));
    expect(file.requirements.map(view)).toEqual([
      expected({ name: "importlib-metadata", marker: 'python_version < "3.10"', markerApplies: applies }),
    ]);
  });

  it("leaves python-version markers undecided without a target", () => {
    const file = parseRequirementsFile("r.txt", 'importlib-metadata; python_version < "3.10"');
    expect(file.requirements[0]?.markerApplies).toBe(null);
  });
});

describe("lines, comments and continuations", () => {
  it.each([
    {
      name: "comments and blank lines",
      text: "# header\n\nflask\n   # indented comment\nrequests # why\n",
      want: [expected({ name: "flask", line: 3 }), expected({ name: "requests", line: 5 })],
    },
    {
      name: "continuation inside a specifier",
      text: "Django>=4.2,\\\n<5\nflask",
      want: [expected({ name: "django", specifier: ">=4.2,<5" }), expected({ name: "flask", line: 3 })],
    },
    {
      name: "continued hashes ending in a comment line",
      text: "gunicorn==20.0.4 \\\n    --hash=sha256:aa11 \\\n    --hash=sha256:BB22 \\\n    # via -r requirements/deploy.in\nsix",
      want: [
        expected({ name: "gunicorn", specifier: "==20.0.4", pinnedVersion: "20.0.4", hashes: ["sha256:aa11", "sha256:BB22"] }),
        expected({ name: "six", line: 5 }),
      ],
    },
    {
      name: "requirement starting after a continued blank",
      text: "\\\n  foo==1",
      want: [expected({ name: "foo", specifier: "==1", pinnedVersion: "1", line: 2, column: 3 })],
    },
    { name: "continuation at end of file", text: "foo\\", want: [expected({ name: "foo" })] },
    {
      name: "comment line ending in a backslash does not continue",
      text: "# note \\\nflask",
      want: [expected({ name: "flask", line: 2 })],
    },
    {
      name: "CRLF",
      text: "anyio==3.6.2\r\nclick==8.1.3\r\n",
      want: [
        expected({ name: "anyio", specifier: "==3.6.2", pinnedVersion: "3.6.2" }),
        expected({ name: "click", specifier: "==8.1.3", pinnedVersion: "8.1.3", line: 2 }),
      ],
    },
    {
      name: "CRLF continuation",
      text: "a==1 \\\r\n  --hash=sha256:ab\r\nb",
      want: [expected({ name: "a", specifier: "==1", pinnedVersion: "1", hashes: ["sha256:ab"] }), expected({ name: "b", line: 3 })],
    },
    { name: "lone CR line ends", text: "a\rb", want: [expected({ name: "a" }), expected({ name: "b", line: 2 })] },
  ])("$name", ({ text, want }) => {
    const file = parse(text);
    expect(file.diagnostics).toEqual([]);
    expect(file.requirements.map(view)).toEqual(want);
  });

  it("covers the whole logical line with start and end", () => {
    const text = "x\nfoo==1 \\\n  --hash=sha256:ab\ny";
    const requirement = parse(text).requirements[1];
    expect(text.slice(requirement?.start, requirement?.end)).toBe("foo==1 \\\n  --hash=sha256:ab");
  });
});

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const [high, low] = [code >> 8, code & 0xff];
    bytes.set(bigEndian ? [high, low] : [low, high], 2 + i * 2);
  }
  return bytes;
}

describe("encodings", () => {
  const crlf = "anyio==3.6.2\r\nPyJWT==2.7.0\r\n";
  const want = [
    expected({ name: "anyio", specifier: "==3.6.2", pinnedVersion: "3.6.2" }),
    expected({ name: "pyjwt", specifier: "==2.7.0", pinnedVersion: "2.7.0", line: 2 }),
  ];
  it.each([
    { name: "UTF-8 BOM bytes", content: new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(crlf)]), encoding: "utf-8", hadBom: true },
    { name: "UTF-8 BOM in a string", content: `\uFEFF${crlf}`, encoding: "utf-8", hadBom: true },
    { name: "UTF-16LE with BOM and CRLF", content: utf16(crlf, false), encoding: "utf-16le", hadBom: true },
    { name: "UTF-16BE with BOM and CRLF", content: utf16(crlf, true), encoding: "utf-16be", hadBom: true },
    { name: "plain UTF-8 bytes", content: new TextEncoder().encode(crlf), encoding: "utf-8", hadBom: false },
  ])("$name", ({ content, encoding, hadBom }) => {
    const file = parse(content);
    expect([file.encoding, file.hadBom, file.diagnostics]).toEqual([encoding, hadBom, []]);
    expect(file.requirements.map(view)).toEqual(want);
  });

  it("reports invalid UTF-8, and the requirement error, at the replaced byte", () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("ok\nfo"), 0xff, ...new TextEncoder().encode("o\n")]);
    expect(parseRequirementsFile("r.txt", bytes).diagnostics.map((d) => [d.line, d.column, d.code])).toEqual([
      [2, 3, "requirements/invalid-encoding"],
      [2, 3, "requirements/invalid-specifier"],
    ]);
  });
});

describe("bad lines are reported and skipped", () => {
  it.each([
    { name: "invalid specifier", text: "ok==1\nflask==>1\nrequests", at: [2, 6], code: "requirements/invalid-specifier" },
    { name: "single equals", text: "ok==1\nflask=1.0\nrequests", at: [2, 6], code: "requirements/invalid-specifier" },
    { name: "two names", text: "ok==1\nfoo bar\nrequests", at: [2, 5], code: "requirements/invalid-specifier" },
    { name: "trailing comma", text: "ok==1\nfoo>=1,\nrequests", at: [2, 8], code: "requirements/invalid-specifier" },
    { name: "bad version", text: "ok==1\nfoo==1.0.x\nrequests", at: [2, 4], code: "requirements/invalid-specifier" },
    { name: "unclosed parenthesis", text: "ok==1\nfoo (>=1\nrequests", at: [2, 5], code: "requirements/invalid-specifier" },
    { name: "garbage", text: "ok==1\n!!!garbage\nrequests", at: [2, 1], code: "requirements/invalid-requirement" },
    { name: "unclosed extras", text: "ok==1\nfoo[bar\nrequests", at: [2, 4], code: "requirements/invalid-requirement" },
    { name: "bad extra", text: "ok==1\nfoo[b@r]\nrequests", at: [2, 5], code: "requirements/invalid-requirement" },
    { name: "missing URL", text: "ok==1\nfoo @ \nrequests", at: [2, 5], code: "requirements/invalid-requirement" },
    { name: "path after @", text: "ok==1\nfoo @ ./local\nrequests", at: [2, 7], code: "requirements/invalid-requirement" },
    { name: "text after URL", text: "ok==1\nfoo @ https://x/y.zip extra\nrequests", at: [2, 23], code: "requirements/invalid-requirement" },
    { name: "scp-style git address", text: "ok==1\ngit@github.com:o/r.git\nrequests", at: [2, 1], code: "requirements/invalid-requirement" },
    { name: "only a marker", text: "ok==1\n; python_version < '3'\nrequests", at: [2, 1], code: "requirements/invalid-requirement" },
    { name: "error in a continuation", text: "ok==1\nbad==1.0,\\\n  ==>2\nrequests", at: [3, 3], code: "requirements/invalid-specifier" },
    { name: "variable as a name", text: "ok==1\n${PKG}==1.0\nrequests", at: [2, 1], code: "requirements/env-var" },
  ])("$name", ({ text, at, code }) => {
    const file = parse(text);
    expect(file.diagnostics.map((d) => [d.line, d.column, d.code])).toEqual([[...at, code]]);
    expect(file.requirements.map((r) => r.name)).toEqual(["ok", "requests"]);
  });

  it.each([
    { name: "marker syntax error", text: 'ok==1\nfoo; python_version <\nbar', at: [2, 22], code: "requirements/invalid-marker" },
    { name: "unknown marker variable", text: 'ok==1\nfoo; python_versoin < "3"\nbar', at: [2, 6], code: "requirements/unknown-marker-variable" },
  ])("keeps the requirement, undecided, on a $name", ({ text, at, code }) => {
    const file = parse(text);
    expect(file.diagnostics.map((d) => [d.line, d.column, d.severity, d.code])).toEqual([[...at, "error", code]]);
    expect(file.requirements.map((r) => [r.name, r.markerApplies])).toEqual([["ok", true], ["foo", null], ["bar", true]]);
  });

  it("gives messages that name the problem", () => {
    expect(parse("flask==>1").diagnostics[0]?.message).toBe('"==>1" is not a valid PEP 440 version specifier.');
    expect(parse("flask=1.0").diagnostics[0]?.message).toBe('"=1.0" is not a version specifier; did you mean "==1.0"?');
  });

  it("caps the number of diagnostics for a file of garbage", () => {
    const diagnostics = parse("!\n".repeat(1000)).diagnostics;
    expect(diagnostics).toHaveLength(201);
    expect(diagnostics[200]).toMatchObject({ code: "requirements/too-many-problems", message: "800 further problems in this file are not listed." });
  });

  it("counts the problems of one file", () => {
    expect(problems("a\n!\nb==>1")).toEqual([
      { line: 2, column: 1, severity: "error", code: "requirements/invalid-requirement" },
      { line: 3, column: 2, severity: "error", code: "requirements/invalid-specifier" },
    ]);
  });
});
