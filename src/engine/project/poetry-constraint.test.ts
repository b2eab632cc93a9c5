import { describe, expect, it } from "vitest";
import { poetryConstraintToPep440 } from "./poetry-constraint";

// Expected values from poetry's documentation (dependency-specification: caret, tilde, wildcard, inequality).
describe("poetryConstraintToPep440", () => {
  it.each([
    { name: "caret major", input: "^1.2.3", specifier: ">=1.2.3,<2.0.0" },
    { name: "caret major, two parts", input: "^1.2", specifier: ">=1.2,<2.0" },
    { name: "caret minor", input: "^0.2.3", specifier: ">=0.2.3,<0.3.0" },
    { name: "caret patch", input: "^0.0.3", specifier: ">=0.0.3,<0.0.4" },
    { name: "caret zero", input: "^0", specifier: ">=0,<1" },
    { name: "caret zero zero", input: "^0.0", specifier: ">=0.0,<0.1" },
    { name: "tilde three parts", input: "~1.2.3", specifier: ">=1.2.3,<1.3.0" },
    { name: "tilde two parts", input: "~1.2", specifier: ">=1.2,<1.3" },
    { name: "tilde one part", input: "~1", specifier: ">=1,<2" },
    { name: "compatible release kept", input: "~=1.4", specifier: "~=1.4" },
    { name: "any", input: "*", specifier: "" },
    { name: "wildcard", input: "1.2.*", specifier: "==1.2.*" },
    { name: "bare version is exact", input: "2.31.0", specifier: "==2.31.0" },
    { name: "single = is exact", input: "=2.31.0", specifier: "==2.31.0" },
    { name: "comma range", input: ">=1.2,<2", specifier: ">=1.2,<2" },
    { name: "space range", input: ">= 1.2 < 2", specifier: ">=1.2,<2" },
  ])("$name: $input", ({ input, specifier }) => {
    expect(poetryConstraintToPep440(input)).toEqual({ specifier, narrowed: false });
  });

  it("keeps the first of || alternatives and says so", () => {
    expect(poetryConstraintToPep440("^1.0 || ^2.0")).toEqual({ specifier: ">=1.0,<2.0", narrowed: true });
  });
});
