import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import { findPythonPackage } from "../knowledge";

function assumptions(dockerfile: string, requirements: string) {
  return analyze({ dockerfile, requirements: [{ path: "requirements.txt", content: requirements }], dockerignore: null }).estimate.assumptions;
}

describe("pinned versions the table does not hold", () => {
  const flask = findPythonPackage("flask")?.version ?? "";

  it("names the table's version that stands in for the pin", () => {
    const found = assumptions("FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n", "Flask==0.12.5\n");
    expect(found.find((a) => a.id === "table-version")).toMatchObject({ line: 3, text: expect.stringContaining(`flask ${flask} for Flask==0.12.5`) as unknown });
  });

  it("says nothing when the pin is the table's version, or nothing is pinned", () => {
    expect(assumptions("FROM python:3.12-slim\nRUN pip install flask==" + flask + " gunicorn\n", "").map((a) => a.id)).not.toContain("table-version");
  });

  it("reads pins on the command line too", () => {
    const found = assumptions("FROM python:3.12-slim\nRUN pip install 'flask==1.0'\n", "");
    expect(found.find((a) => a.id === "table-version")?.text).toContain(`flask ${flask} for flask==1.0`);
  });
});
