import { describe } from "vitest";
import { requirementsFirst } from "./requirements-first";
import { runRuleTests } from "./rule-tester";

const req = { "requirements.txt": "flask==3.0.3\n" };

describe("cache/requirements-first", () => {
  runRuleTests(requirementsFirst, {
    valid: [
      { name: "manifests already first", dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n", requirements: req },
      { name: "no install", dockerfile: "FROM python:3.12-slim\nCOPY . /app\nCMD [\"python\", \"/app/main.py\"]\n" },
      { name: "source copied after the install", dockerfile: "FROM python:3.12-slim\nRUN pip install flask\nCOPY . /app\n" },
      { name: "only named files copied", dockerfile: "FROM python:3.12-slim\nCOPY app.py requirements.txt /app/\nRUN pip install -r /app/requirements.txt\n", requirements: req },
    ],
    invalid: [
      {
        // BuildKit lexes COPY's words: `"."` is the whole context and `"/app/"` is /app/. The rewrite keeps
        // the destination as written; it was not seen as a source copy at all.
        name: "quoted source and destination",
        dockerfile: 'FROM python:3.12-slim\nCOPY "." "/app/"\nWORKDIR /app\nRUN pip install -r requirements.txt\n',
        requirements: req,
        findings: ["2:order"],
        output: 'FROM python:3.12-slim\nCOPY requirements.txt "/app/"\nWORKDIR /app\nRUN pip install -r requirements.txt\nCOPY "." "/app/"\n',
      },
      {
        // Issue 14: a CR-only file ending in "\r" was taken as unended: the moved COPY got a blank line
        // before it and none after.
        name: "CR-only line ends, the install is the last instruction",
        dockerfile: "FROM python:3.12-slim\rWORKDIR /app\rCOPY . .\rRUN pip install -r requirements.txt\r",
        requirements: req,
        findings: ["3:order"],
        output: "FROM python:3.12-slim\rWORKDIR /app\rCOPY requirements.txt ./\rRUN pip install -r requirements.txt\rCOPY . .\r",
      },
      {
        name: "the fat Flask form: COPY, WORKDIR, install",
        dockerfile: "FROM python:3.12-slim\nCOPY . /app\nWORKDIR /app\nRUN pip install -r requirements.txt\nCMD [\"gunicorn\", \"app:app\"]\n",
        requirements: req,
        findings: ["2:order"],
        output: "FROM python:3.12-slim\nCOPY requirements.txt /app/\nWORKDIR /app\nRUN pip install -r requirements.txt\nCOPY . /app\nCMD [\"gunicorn\", \"app:app\"]\n",
        reasonIncludes: ["reinstalling every package"],
      },
      {
        name: "relative destination with a WORKDIR in between is written out",
        dockerfile: "FROM python:3.12-slim\nWORKDIR /src\nCOPY . .\nWORKDIR /src/app\nRUN pip install -r ../requirements.txt\n",
        requirements: req,
        findings: ["3:order"],
        output: "FROM python:3.12-slim\nWORKDIR /src\nCOPY requirements.txt ./\nWORKDIR /src/app\nRUN pip install -r ../requirements.txt\nCOPY . /src\n",
      },
      {
        name: "includes are copied too, --chown kept, no final newline",
        dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY --chown=app:app . .\nRUN pip install -r requirements/prod.txt",
        requirements: { "requirements/prod.txt": "-r base.txt\ngunicorn\n", "requirements/base.txt": "flask\n" },
        findings: ["3:order"],
        output: "FROM python:3.12-slim\nWORKDIR /app\nCOPY --chown=app:app requirements/prod.txt requirements/base.txt ./requirements/\nRUN pip install -r requirements/prod.txt\nCOPY --chown=app:app . .",
      },
      {
        name: "poetry without the root project copies pyproject and the lock",
        dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install poetry && poetry install --no-root\n",
        findings: ["3:order"],
        output: "FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml poetry.lock* ./\nRUN pip install poetry && poetry install --no-root\nCOPY . .\n",
      },
      {
        name: "apt between copy and install is safe",
        dockerfile: "FROM python:3.12-slim\r\nCOPY . /app\r\nRUN apt-get update && apt-get install -y libpq5\r\nRUN pip install -r /app/requirements.txt\r\n",
        requirements: req,
        findings: ["2:order"],
        output: "FROM python:3.12-slim\r\nCOPY requirements.txt /app/\r\nRUN apt-get update && apt-get install -y libpq5\r\nRUN pip install -r /app/requirements.txt\r\nCOPY . /app\r\n",
      },
      {
        name: "pip install . needs the source: no rewrite",
        dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt && pip install .\n",
        requirements: req,
        findings: ["3:order"],
        output: null,
      },
      {
        name: "a script between copy and install may read the source: no rewrite",
        dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN ./configure.sh\nRUN pip install -r requirements.txt\n",
        requirements: req,
        findings: ["3:order"],
        output: null,
      },
    ],
  });
});
