import { describe, expect, it } from "vitest";
import { isValidProjectName, normalizeName } from "./normalize-name";

describe("normalizeName", () => {
  it.each([
    { name: "lowercases", input: "Django", output: "django" },
    { name: "underscore to dash", input: "Flask_SQLAlchemy", output: "flask-sqlalchemy" },
    { name: "dots to dash", input: "backports.zoneinfo", output: "backports-zoneinfo" },
    { name: "runs collapse", input: "a-_.b", output: "a-b" },
    { name: "already normal", input: "requests", output: "requests" },
  ])("$name", ({ input, output }) => {
    expect(normalizeName(input)).toBe(output);
  });
});

describe("isValidProjectName", () => {
  it.each([
    { name: "simple", input: "requests", valid: true },
    { name: "one character", input: "x", valid: true },
    { name: "inner punctuation", input: "zope.interface_x-y", valid: true },
    { name: "digits", input: "python3-saml", valid: true },
    { name: "empty", input: "", valid: false },
    { name: "leading dash", input: "-foo", valid: false },
    { name: "trailing dot", input: "foo.", valid: false },
    { name: "space", input: "foo bar", valid: false },
    { name: "non-ASCII letter", input: "fóo", valid: false },
    { name: "variable", input: "${PKG}", valid: false },
  ])("$name", ({ input, valid }) => {
    expect(isValidProjectName(input)).toBe(valid);
  });
});
