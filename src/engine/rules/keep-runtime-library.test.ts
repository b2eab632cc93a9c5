import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import { keepRuntimeLibrary } from "./keep-runtime-library";
import { runRuleTests } from "./rule-tester";

// The build check's runtime-library-removed cases (verify/final-stage.test.ts), fixed: each output was read
// as a Dockerfile, and the test below checks the check is silent on it.
const requirements = { "requirements.txt": "psycopg2==2.9.9\nflask==3.0.3\n" };
const ALPINE_BAD = "FROM python:3.12-alpine\nCOPY requirements.txt .\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev postgresql-dev \\\n    && pip install --no-cache-dir -r requirements.txt \\\n    && apk del .build-deps\nCMD [\"gunicorn\", \"app:app\"]\n";
const ALPINE_FIXED = "FROM python:3.12-alpine\nCOPY requirements.txt .\nRUN apk add --no-cache libpq && apk add --no-cache --virtual .build-deps gcc musl-dev postgresql-dev \\\n    && pip install --no-cache-dir -r requirements.txt \\\n    && apk del .build-deps\nCMD [\"gunicorn\", \"app:app\"]\n";
const DEBIAN_BAD = "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev\nRUN pip install --no-cache-dir -r requirements.txt\nRUN apt-get purge -y --auto-remove gcc libpq-dev && rm -rf /var/lib/apt/lists/*\n";
const DEBIAN_FIXED = "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev libpq5\nRUN pip install --no-cache-dir -r requirements.txt\nRUN apt-get purge -y --auto-remove gcc libpq-dev && rm -rf /var/lib/apt/lists/*\n";

describe("correctness/keep-runtime-library", () => {
  runRuleTests(keepRuntimeLibrary, {
    valid: [
      { name: "libpq installed on its own", dockerfile: ALPINE_FIXED, requirements },
      { name: "the header package kept", dockerfile: "FROM python:3.12-alpine\nCOPY requirements.txt .\nRUN apk add --no-cache gcc musl-dev postgresql-dev && pip install --no-cache-dir -r requirements.txt\n", requirements },
      { name: "apt without --auto-remove keeps the dependencies", dockerfile: DEBIAN_BAD.replace("--auto-remove ", ""), requirements },
      { name: "libpq5 installed by hand", dockerfile: DEBIAN_FIXED, requirements },
      { name: "psycopg2-binary ships its libpq in the wheel", dockerfile: ALPINE_BAD, requirements: { "requirements.txt": "psycopg2-binary==2.9.9\n" } },
    ],
    invalid: [
      { name: "Alpine: apk del of the --virtual group", dockerfile: ALPINE_BAD, requirements, findings: ["3:removed"], output: ALPINE_FIXED },
      { name: "Debian: purge --auto-remove in a later RUN; the library joins the header's install", dockerfile: DEBIAN_BAD, requirements, findings: ["5:removed"], output: DEBIAN_FIXED },
    ],
  });

  it.each([{ name: "Alpine", text: ALPINE_FIXED }, { name: "Debian", text: DEBIAN_FIXED }])("the fixed $name file passes the build check", ({ text }) => {
    const analysis = analyze({ dockerfile: text, requirements: [{ path: "requirements.txt", content: requirements["requirements.txt"] }], dockerignore: null });
    expect(analysis.buildCheck.map((c) => c.code)).not.toContain("runtime-library-removed");
  });
});
