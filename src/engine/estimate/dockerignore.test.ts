import { describe, expect, it } from "vitest";
import { isIgnored, parseDockerignore } from "./dockerignore";

describe("isIgnored", () => {
  const ignore = parseDockerignore("# comment\n.git\n**/__pycache__\n*.pyc\n/venv/\ndocs\n!docs/README.md\n");
  it.each([
    { name: "a listed directory", path: ".git", ignored: true },
    { name: "a file below a listed directory", path: ".git/HEAD", ignored: true },
    { name: "** at any depth", path: "app/pkg/__pycache__/x.pyc", ignored: true },
    { name: "* matches only the top level", path: "app/x.pyc", ignored: false },
    { name: "* at the top level", path: "x.pyc", ignored: true },
    { name: "leading and trailing slashes are ignored", path: "venv/lib", ignored: true },
    { name: "a negation re-includes", path: "docs/README.md", ignored: false },
    { name: "others are kept", path: "app.py", ignored: false },
    { name: "./ prefix", path: "./.git", ignored: true },
    { name: "the context root itself", path: ".", ignored: false },
  ])("$name", ({ path, ignored }) => {
    expect(isIgnored(ignore, path)).toBe(ignored);
  });
});
