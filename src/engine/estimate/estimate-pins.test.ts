import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import { findPackage } from "../knowledge";
import { pinNoteWork } from "./install-requests";

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

  it("names the stand-in for a wildcard or a range the table cannot satisfy", () => {
    const found = assumptions("FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n", "Flask==0.12.*\n");
    expect(findPackage("flask", "==0.12.*", slim312)?.choice).toBe("nearest");
    expect(found.find((a) => a.id === "table-version")?.text).toContain(`flask ${standIn("==0.12.*")} for Flask==0.12.*`);
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


describe("pins of a requirements file installed again and again", () => {
  // Counted, not timed: the file's pins are read once per resolved list and platform, not at every
  // install. A text of its own per call: an equal text would reuse the list resolved (and read) before.
  const pinsRead = (installs: number): number => {
    const dockerfile = "FROM python:3.12-slim\nCOPY requirements.txt .\n" + "RUN pip install -r requirements.txt\n".repeat(installs);
    const before = pinNoteWork.pinsRead;
    analyze({ dockerfile, requirements: [{ path: "requirements.txt", content: `# ${installs} installs\nFlask==0.12.5\nrequests==2.0.0\nsix\n` }], dockerignore: null });
    return pinNoteWork.pinsRead - before;
  };

  it("reads each pin once, at 20 installs as at 10", () => {
    expect(pinsRead(10)).toBe(2);
    expect(pinsRead(20)).toBe(2);
  });
});

describe("stand-ins of several installs", () => {
  const standIn = (spec: string): string => findPackage("flask", spec, slim312)?.version.version ?? "";
  const tableVersion = (dockerfile: string, requirements = ""): string => assumptions(dockerfile, requirements).find((a) => a.id === "table-version")?.text ?? "";
  // A real Airflow 1.10 Dockerfile (the review of legacy files): the note named only the first install's stand-in, not airflow 1.10.2's.
  const airflow = "FROM python:3.8-slim\nRUN pip install --no-cache-dir psycopg2-binary==2.7.4 \\\n && pip install --no-cache-dir kombu==4.3.0 \\\n && pip install --no-cache-dir apache-airflow==1.10.2\n";

  it("names every install's stand-in, in the order installed", () => {
    const text = tableVersion(airflow);
    const at = ["for psycopg2-binary==2.7.4", "for kombu==4.3.0", "for apache-airflow==1.10.2"].map((pin) => text.indexOf(pin));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(text).not.toContain("more");
  });

  it("names a stand-in once, however often it is installed", () => {
    const again = airflow + "RUN pip install kombu==4.3.0 && pip install psycopg2-binary==2.7.4\n";
    expect(tableVersion(again)).toBe(tableVersion(airflow));
  });

  it("merges a requirements file's stand-ins with the command line's", () => {
    const dockerfile = "FROM python:3.12-slim\nRUN pip install flask==1.0\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n";
    const text = tableVersion(dockerfile, "requests==2.0.0\n");
    expect(text).toContain("for flask==1.0");
    expect(text).toContain("for requests==2.0.0");
  });

  // A `bulk` file repeats its installs thousands of times: the text stays one line, the rest counted.
  it.each([{ installs: 40 }, { installs: 120 }])("names the first four of $installs installs and counts the rest", ({ installs }) => {
    const pins = Array.from({ length: installs }, (_, i) => `==0.0.${i + 1}`);
    const text = tableVersion("FROM python:3.12-slim\n" + pins.map((pin) => `RUN pip install 'flask${pin}'\n`).join(""));
    const named = pins.slice(0, 4).map((pin) => `flask ${standIn(pin)} for flask${pin}`).join(", ");
    expect(text.slice(text.indexOf(" Here: "))).toBe(` Here: ${named} and ${installs - 4} more.`);
  });
});
