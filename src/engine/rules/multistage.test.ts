import { describe } from "vitest";
import { multistage } from "./multistage";
import { runRuleTests } from "./rule-tester";

const req = { "requirements.txt": "flask==3.0.3\n" };

describe("size/multistage", () => {
  runRuleTests(multistage, {
    valid: [
      { name: "already multistage", dockerfile: "FROM python:3.12-slim AS builder\nRUN pip install --prefix=/install flask\nFROM python:3.12-slim\nCOPY --from=builder /install /usr/local\n" },
      { name: "slim, no cache, no compiler: nothing to leave behind", dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n" },
      { name: "no Python install", dockerfile: "FROM python:3.12-slim\nCOPY . /app\n" },
    ],
    invalid: [
      {
        name: "pip cache only: builder + final, manifest copy dropped where the source copy follows",
        dockerfile: "FROM python:3.12-alpine\nCOPY requirements.txt /app/\nWORKDIR /app\nRUN pip install -r requirements.txt\nCOPY . /app\nEXPOSE 8000\nCMD [\"gunicorn\", \"app:app\"]\n",
        requirements: req,
        findings: ["1:single"],
        alternatives: ["multistage", "no-cache-dir"],
        output: "FROM python:3.12-alpine AS builder\nCOPY requirements.txt /app/\nWORKDIR /app\nRUN pip install --prefix=/install -r requirements.txt\n\nFROM python:3.12-alpine\nCOPY --from=builder /install /usr/local\nWORKDIR /app\nCOPY . /app\nEXPOSE 8000\nCMD [\"gunicorn\", \"app:app\"]\n",
        reasonIncludes: ["pip's cache (630 kB)"],
      },
      {
        name: "the no-cache-dir alternative keeps one stage",
        dockerfile: "FROM python:3.12-alpine\nRUN pip install flask\n",
        findings: ["1:single"],
        alternative: "no-cache-dir",
        output: "FROM python:3.12-alpine\nRUN pip install --no-cache-dir flask\n",
      },
      {
        name: "compilers stay in the builder, libpq5 goes to the final stage, stage name and ENV kept",
        dockerfile: "FROM python:3.11-slim AS app\nENV PYTHONUNBUFFERED=1\nRUN apt-get update && apt-get install -y libpq-dev gcc\nRUN pip install --no-cache-dir psycopg2\nUSER nobody\nCMD [\"python\", \"-m\", \"app\"]",
        findings: ["1:single"],
        alternatives: ["multistage"],
        output: "FROM python:3.11-slim AS builder\nENV PYTHONUNBUFFERED=1\nRUN apt-get update && apt-get install -y libpq-dev gcc\nRUN pip install --prefix=/install --no-cache-dir psycopg2\n\nFROM python:3.11-slim AS app\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\nCOPY --from=builder /install /usr/local\nENV PYTHONUNBUFFERED=1\nUSER nobody\nCMD [\"python\", \"-m\", \"app\"]",
        reasonIncludes: ["compilers and headers", "libpq5"],
      },
      {
        name: "alpine build deps in the install RUN: libpq kept for run time",
        dockerfile: "FROM python:3.12-alpine\nRUN apk add --no-cache libpq && apk add --no-cache --virtual .build-deps build-base postgresql-dev && pip install psycopg2==2.9.10 && apk del .build-deps\n",
        findings: ["1:single"],
        output: "FROM python:3.12-alpine AS builder\nRUN apk add --no-cache libpq && apk add --no-cache --virtual .build-deps build-base postgresql-dev && pip install --prefix=/install psycopg2==2.9.10 && apk del .build-deps\n\nFROM python:3.12-alpine\nRUN apk add --no-cache libpq\nCOPY --from=builder /install /usr/local\n",
      },
      {
        name: "a venv: the final stage copies the venv and keeps ENV PATH",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/*\nRUN python -m venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\nRUN echo installing && pip install flask\nCMD [\"flask\", \"run\"]\n",
        findings: ["1:single"],
        alternatives: ["multistage"],
        output: "FROM python:3.12-slim AS builder\nRUN apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/*\nRUN python -m venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\nRUN echo installing && pip install flask\n\nFROM python:3.12-slim\nCOPY --from=builder /opt/venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\nCMD [\"flask\", \"run\"]\n",
        reasonIncludes: ["creates the venv /opt/venv"],
      },
      {
        name: "a venv install by its own pip: the no-cache-dir alternative",
        dockerfile: "FROM python:3.12-slim\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install flask\n",
        findings: ["1:single"],
        alternatives: ["multistage", "no-cache-dir"],
        alternative: "no-cache-dir",
        output: "FROM python:3.12-slim\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install --no-cache-dir flask\n",
      },
      {
        name: "a venv from elsewhere and system installs mixed: no rewrite",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/*\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install flask && pip install gunicorn\n",
        findings: ["1:single"],
        output: null,
      },
    ],
  });
});
