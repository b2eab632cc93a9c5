// Which branch of an `if` the estimate weighs (branches.ts): the one the build args choose, or all of them
// where the condition cannot be decided.
import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";

/** The python packages the final image holds, by name. */
function installed(dockerfile: string): string[] {
  const items = analyze({ dockerfile, requirements: [], dockerignore: null }).estimate.layers.flatMap((l) => l.items);
  return [...new Set(items.filter((i) => i.category === "python" && i.path.includes("site-packages/")).map((i) => i.path.split("/").at(-1) ?? ""))].sort();
}

const CHOICE = (arg: string, test = '[ "$FLAVOUR" = "web" ]') =>
  `FROM python:3.12-slim\n${arg}\nRUN if ${test}; then pip install --no-cache-dir flask; elif [ "$FLAVOUR" = "cli" ]; then pip install --no-cache-dir click; else pip install --no-cache-dir six; fi\n`;

describe("if branches chosen by build args", () => {
  it.each([
    { name: "the then branch", arg: "ARG FLAVOUR=web", has: "flask", not: ["six"] },
    { name: "the elif branch", arg: "ARG FLAVOUR=cli", has: "click", not: ["flask", "six"] },
    { name: "the else branch", arg: "ARG FLAVOUR=none", has: "six", not: ["flask", "click"] },
    { name: "an ENV decides too", arg: "ENV FLAVOUR=cli", has: "click", not: ["flask", "six"] },
  ])("$name", ({ arg, has, not }) => {
    const names = installed(CHOICE(arg));
    expect(names).toContain(has);
    for (const name of not) expect(names).not.toContain(name);
  });

  it("an ARG with no value leaves every branch counted", () => {
    expect(installed(CHOICE("ARG FLAVOUR"))).toEqual(expect.arrayContaining(["flask", "click", "six"]));
  });

  // The elif (FLAVOUR = cli) is false in each: a true test installs flask, a false one six.
  it.each([
    { name: "!= (false)", test: '[ "$FLAVOUR" != "web" ]', arg: "ARG FLAVOUR=web", has: "six", not: "flask" },
    { name: "[[ == ]]", test: '[[ "$FLAVOUR" == "web" ]]', arg: "ARG FLAVOUR=web", has: "flask", not: "six" },
    { name: "test -n", test: 'test -n "$FLAVOUR"', arg: "ARG FLAVOUR=x", has: "flask", not: "six" },
    { name: "! -z of an empty value (false)", test: '[ ! -z "$FLAVOUR" ]', arg: "ARG FLAVOUR=", has: "six", not: "flask" },
    { name: "&& of a true and a false test (false)", test: '[ "$FLAVOUR" = "web" ] && [ "$GPU" = "1" ]', arg: "ARG FLAVOUR=web\nARG GPU=0", has: "six", not: "flask" },
    { name: "|| of a false and a true test", test: '[ "$FLAVOUR" = "x" ] || [ "$GPU" = "1" ]', arg: "ARG FLAVOUR=web\nARG GPU=1", has: "flask", not: "six" },
  ])("reads $name", ({ test, arg, has, not }) => {
    const names = installed(CHOICE(arg, test));
    expect(names).toContain(has);
    expect(names).not.toContain(not);
  });

  it("a condition that is a command's exit status leaves every branch counted", () => {
    expect(installed(CHOICE("ARG FLAVOUR=web", "command -v gcc"))).toEqual(expect.arrayContaining(["flask", "click", "six"]));
  });

  it("a [[ == pattern ]] is not a literal comparison: every branch", () => {
    expect(installed(CHOICE("ARG FLAVOUR=web", '[[ "$FLAVOUR" == w* ]]'))).toEqual(expect.arrayContaining(["flask", "click", "six"]));
  });

  it("an if never closed by fi rules nothing out (fuzz seed 100 case 1796: its lists' rm was skipped, and size/apt-lists never converged)", () => {
    const names = installed("FROM python:3.12-slim\nARG GPU=0\nRUN if [ \"$GPU\" = \"1\" ]; then pip install --no-cache-dir flask\n");
    expect(names).toContain("flask");
  });

  it.each([
    { arch: "x86_64" as const, has: "six", not: "flask" },
    { arch: "aarch64" as const, has: "flask", not: "six" },
  ])("BuildKit's TARGETARCH decides a branch on $arch", ({ arch, has, not }) => {
    const dockerfile = "FROM python:3.12-slim\nARG TARGETARCH\nRUN if [ \"$TARGETARCH\" = \"arm64\" ]; then pip install --no-cache-dir flask; else pip install --no-cache-dir six; fi\n";
    const items = analyze({ dockerfile, requirements: [], dockerignore: null, settings: { arch } }).estimate.layers.flatMap((l) => l.items);
    const names = items.filter((i) => i.category === "python").map((i) => i.path.split("/").at(-1));
    expect(names).toContain(has);
    expect(names).not.toContain(not);
  });

  it("an if nested in a branch that does not run does not run either", () => {
    const names = installed("FROM python:3.12-slim\nARG GPU=0\nRUN if [ \"$GPU\" = \"1\" ]; then if [ -n \"$GPU\" ]; then pip install --no-cache-dir flask; fi; else pip install --no-cache-dir six; fi\n");
    expect(names).toContain("six");
    expect(names).not.toContain("flask");
  });
});
