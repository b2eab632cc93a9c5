import { describe, expect, it } from "vitest";
import { basename, dirname, joinPath, normalizePath } from "./posix-path";

describe("normalizePath", () => {
  it.each([
    { name: "plain", input: "requirements.txt", output: "requirements.txt" },
    { name: "leading ./", input: "./requirements.txt", output: "requirements.txt" },
    { name: "inner ..", input: "requirements/../base.txt", output: "base.txt" },
    { name: "leading .. kept", input: "../x.txt", output: "../x.txt" },
    { name: "double slash", input: "a//b.txt", output: "a/b.txt" },
    { name: "absolute", input: "/app/./req/../r.txt", output: "/app/r.txt" },
    { name: ".. above root", input: "/../r.txt", output: "/r.txt" },
    { name: "backslashes", input: "requirements\\base.txt", output: "requirements/base.txt" },
    { name: "empty", input: "", output: "." },
  ])("$name", ({ input, output }) => {
    expect(normalizePath(input)).toBe(output);
  });
});

describe("joinPath", () => {
  it.each([
    { name: "sibling", dir: "requirements", rel: "base.txt", output: "requirements/base.txt" },
    { name: "parent", dir: "requirements", rel: "../x.txt", output: "x.txt" },
    { name: "from root dir", dir: ".", rel: "requirements/base.txt", output: "requirements/base.txt" },
    { name: "absolute include", dir: "requirements", rel: "/etc/r.txt", output: "/etc/r.txt" },
    { name: "absolute dir", dir: "/app", rel: "./base.txt", output: "/app/base.txt" },
    { name: "climbs out", dir: ".", rel: "../../x.txt", output: "../../x.txt" },
  ])("$name", ({ dir, rel, output }) => {
    expect(joinPath(dir, rel)).toBe(output);
  });
});

describe("dirname and basename", () => {
  it.each([
    { name: "nested", input: "requirements/prod.txt", dir: "requirements", base: "prod.txt" },
    { name: "top level", input: "requirements.txt", dir: ".", base: "requirements.txt" },
    { name: "absolute top", input: "/requirements.txt", dir: "/", base: "requirements.txt" },
    { name: "dotted", input: "./a/b/c.txt", dir: "a/b", base: "c.txt" },
  ])("$name", ({ input, dir, base }) => {
    expect(dirname(input)).toBe(dir);
    expect(basename(input)).toBe(base);
  });
});
