// pip's constraints files (`-c`): they bound the version of every package the install reaches, requested or
// a dependency, and install nothing of their own.
import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import { constrained, findPackage } from "../knowledge";

const slim312 = { python: "3.12", libc: "glibc", arch: "x86_64", glibcMinor: 41 } as const;

function estimate(dockerfile: string, files: Record<string, string>) {
  return analyze({ dockerfile, requirements: Object.entries(files).map(([path, content]) => ({ path, content })), dockerignore: null }).estimate;
}

/** "name version" of every package the estimate installs. */
function installed(dockerfile: string, files: Record<string, string>): string[] {
  return estimate(dockerfile, files).layers.flatMap((l) => l.items).filter((i) => i.category === "python").map((i) => i.label);
}

const version = (labels: readonly string[], name: string): string | undefined => labels.find((l) => l.startsWith(`${name} `))?.split(" ")[1];

describe("constraints files", () => {
  // Versions the table holds, so each is matched rather than stood in for; not the newest, so a constraint shows.
  const flask = "2.3.3";
  const werkzeug = "2.3.8";
  it("the table holds the versions these tests pin, and neither is the newest", () => {
    for (const [name, pinned] of [["flask", flask], ["werkzeug", werkzeug]] as const) {
      expect(findPackage(name, `==${pinned}`, slim312)?.choice).toBe("matched");
      expect(findPackage(name, null, slim312)?.version.version).not.toBe(pinned);
    }
  });

  const dockerfile = "FROM python:3.12-slim\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt -c constraints.txt\n";

  it("-c on the command line pins a requested package and a dependency it reaches", () => {
    const labels = installed(dockerfile, { "requirements.txt": "flask\n", "constraints.txt": `flask==${flask}\nwerkzeug==${werkzeug}\n` });
    expect(version(labels, "flask")).toBe(flask);
    expect(version(labels, "werkzeug")).toBe(werkzeug);
  });

  it("installs nothing a constraint names that the install does not reach", () => {
    const labels = installed(dockerfile, { "requirements.txt": "flask\n", "constraints.txt": `flask==${flask}\nnumpy==1.26.4\n` });
    expect(labels.some((l) => l.startsWith("numpy "))).toBe(false);
    expect(version(labels, "flask")).toBe(flask);
  });

  it("narrows a requirement's own specifier", () => {
    const labels = installed(dockerfile, { "requirements.txt": "flask>=2\n", "constraints.txt": `flask==${flask}\n` });
    expect(version(labels, "flask")).toBe(flask);
  });

  it("a -c line inside a requirements file applies to the install", () => {
    const labels = installed("FROM python:3.12-slim\nCOPY . .\nRUN pip install -r requirements.txt\n", { "requirements.txt": "-c constraints.txt\nflask\n", "constraints.txt": `werkzeug==${werkzeug}\n` });
    expect(version(labels, "werkzeug")).toBe(werkzeug);
  });

  it("PIP_CONSTRAINT is read by pip, UV_CONSTRAINT by uv, each not by the other", () => {
    const files = { "requirements.txt": "flask\n", "c.txt": `werkzeug==${werkzeug}\n` };
    const pip = (env: string) => version(installed(`FROM python:3.12-slim\nCOPY . .\nENV ${env}=/c.txt\nRUN pip install -r requirements.txt\n`, files), "werkzeug");
    const uv = (env: string) => version(installed(`FROM python:3.12-slim\nCOPY . .\nENV ${env}=/c.txt\nRUN uv pip install --system -r requirements.txt\n`, files), "werkzeug");
    expect(pip("PIP_CONSTRAINT")).toBe(werkzeug);
    expect(pip("UV_CONSTRAINT")).not.toBe(werkzeug);
    expect(uv("UV_CONSTRAINT")).toBe(werkzeug);
    expect(uv("PIP_CONSTRAINT")).not.toBe(werkzeug);
  });

  it("a constraints file that was not given is a warning at the install, and the versions are the table's", () => {
    const found = estimate(dockerfile, { "requirements.txt": "flask\n" });
    expect(found.warnings.find((w) => w.code === "constraints-not-given")).toMatchObject({ line: 3, message: expect.stringContaining("constraints.txt was not given") as unknown });
  });

  it("a constrained dependency is not called one of the table's exact pins; a pin the table lacks is named", () => {
    const found = estimate(dockerfile, { "requirements.txt": "flask\n", "constraints.txt": "werkzeug==0.14.1\nnumpy==1.0.0\n" });
    const ids = found.assumptions.map((a) => a.id);
    expect(ids).not.toContain("exact-pins");
    const note = found.assumptions.find((a) => a.id === "table-version")?.text ?? "";
    expect(note).toContain("for werkzeug==0.14.1");
    // numpy is not installed: its pin is not worth a note.
    expect(note).not.toContain("numpy");
  });
});

describe("constrained", () => {
  it.each([
    { specifier: null, constraint: undefined, expected: null },
    { specifier: ">=2", constraint: undefined, expected: ">=2" },
    { specifier: null, constraint: "==2.3.3", expected: "==2.3.3" },
    { specifier: ">=2", constraint: "==2.3.3", expected: "==2.3.3,>=2" },
    { specifier: "==2.3.3", constraint: "<3", expected: "==2.3.3,<3" },
    { specifier: "==2.3.3", constraint: "==2.3.3", expected: "==2.3.3" },
  ])("$specifier with $constraint is $expected", ({ specifier, constraint, expected }) => {
    expect(constrained(specifier, constraint)).toBe(expected);
  });
});
