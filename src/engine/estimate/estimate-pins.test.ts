import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import { findPackage } from "../knowledge";

function assumptions(dockerfile: string, requirements: string) {
  return analyze({ dockerfile, requirements: [{ path: "requirements.txt", content: requirements }], dockerignore: null }).estimate.assumptions;
}

const slim312 = { python: "3.12", libc: "glibc", arch: "x86_64", glibcMinor: 41 } as const;

describe("pinned versions the table does not hold", () => {
  // The wheel table holds many flask versions but none from the 0.x/1.0 era: the nearest one stands in.
  const standIn = (spec: string): string => findPackage("flask", spec, slim312)?.version.version ?? "";

  it("names the version that stands in for the pin", () => {
    const found = assumptions("FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n", "Flask==0.12.5\n");
    expect(findPackage("flask", "==0.12.5", slim312)?.choice).toBe("nearest");
    expect(found.find((a) => a.id === "table-version")).toMatchObject({ line: 3, text: expect.stringContaining(`flask ${standIn("==0.12.5")} for Flask==0.12.5`) as unknown });
  });

  it("says nothing when the table holds the pinned version, or nothing is pinned", () => {
    const held = findPackage("flask", null, slim312)?.version.version ?? "";
    expect(assumptions("FROM python:3.12-slim\nRUN pip install flask==" + held + " gunicorn\n", "").map((a) => a.id)).not.toContain("table-version");
  });

  it("reads pins on the command line too", () => {
    const found = assumptions("FROM python:3.12-slim\nRUN pip install 'flask==1.0'\n", "");
    expect(found.find((a) => a.id === "table-version")?.text).toContain(`flask ${standIn("==1.0")} for flask==1.0`);
  });

  it.each([
    // The note is kept per (platform, name as written, pin): each asked after the others gets its own.
    { name: "the same pin written another way", dockerfile: "FROM python:3.12-slim\nRUN pip install 'Flask==1.0'\n", expected: "for Flask==1.0" },
    { name: "another pin", dockerfile: "FROM python:3.12-slim\nRUN pip install 'flask==0.12.5'\n", expected: "for flask==0.12.5" },
    { name: "the first pin again", dockerfile: "FROM python:3.12-slim\nRUN pip install 'flask==1.0'\n", expected: "for flask==1.0" },
  ])("names each pin in its own words, asked again and again: $name", ({ dockerfile, expected }) => {
    for (let i = 0; i < 2; i++) expect(assumptions(dockerfile, "").find((a) => a.id === "table-version")?.text).toContain(expected);
  });
});

