import { describe, expect, it } from "vitest";
import { buildPlan } from "../plan/plan";
import { applyFileEdits, decodeTexts } from "../plan/texts";
import { formatBytes } from "../format";
import { multistage } from "./multistage";
import { pipenvMultistage } from "./pipenv-multistage";
import { poetryMultistage } from "./poetry-multistage";
import { uvMultistage } from "./uv-multistage";
import { contextOf, runRuleTests } from "./rule-tester";

// Each invalid case is one class from issue 9's "Why" (or a layout the fix must keep right); the outputs
// were read line by line as Dockerfiles: every final stage starts from the builder's own base image,
// installs only runtime libraries named for that base's release, and repeats the app's instructions.
/** The rule finds the stage but does not split it, says why, and offers only `fixIds` instead. */
function expectNoSplit(dockerfile: string, reason: string, fixIds: readonly string[]): void {
  const context = contextOf({ dockerfile });
  const findings = multistage.detect(context);
  expect(findings.map((f) => f.messageId)).toEqual(["noSplit"]);
  expect(findings[0]?.message).toContain(reason);
  expect(multistage.fix(context, findings).map((a) => a.id)).toEqual(fixIds);
}

describe("size/multistage", () => {
  runRuleTests(multistage, {
    valid: [
      { name: "already multistage", dockerfile: "FROM python:3.12-slim AS builder\nRUN pip install --prefix=/install flask\nFROM python:3.12-slim\nCOPY --from=builder /install /usr/local\n" },
      { name: "slim, no cache, no compiler: nothing to leave behind", dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n" },
      { name: "no Python install", dockerfile: "FROM python:3.12-slim\nCOPY . /app\n" },
      { name: "FROM a bare base stage, the build in another: the compilers are not inherited", dockerfile: "FROM python:3.11-alpine AS base\nFROM base AS builder\nRUN apk add --no-cache gcc musl-dev\nRUN pip install --no-cache-dir --prefix=/install flask\nFROM base\nCOPY --from=builder /install /usr/local\n" },
      // size/poetry-multistage reports this stage (and its cache, poetry's included): one finding, not two.
      { name: "a stage that installs with poetry", dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nRUN pip install poetry\nCOPY . .\nRUN poetry install --no-root\n" },
      { name: "FROM a stage without compilers: nothing shipped that the build alone needed", dockerfile: "FROM python:3.12-slim AS base\nRUN pip install --no-cache-dir flask\nFROM base AS final\nCMD [\"flask\", \"run\"]\n" },
    ],
    invalid: [
      {
        // The build packages go in their own RUN (apk del); what a venv builder would leave behind (4.72 MB
        // of cache, libpq-dev) weighs less than the venv's own pip: no split, size/pip-no-cache-dir instead.
        // The venv's upgraded pip hides the pip ensurepip put there, so the final image holds one pip in the
        // venv where the single stage held the upgrade's: the split leaves the cache and compilers behind.
        name: "pip upgraded in its own RUN: the venv carries one pip, and the split is smaller",
        dockerfile: "FROM python:3.11-alpine\nCOPY requirements.txt /app/requirements.txt\nRUN pip install --upgrade pip\nRUN apk update \\\n  && apk add --virtual build-deps gcc musl-dev \\\n  && apk add libpq-dev \\\n  && pip install -r /app/requirements.txt \\\n  && apk del build-deps\nCMD [\"python\", \"app.py\"]\n",
        requirements: { "requirements.txt": "psycopg2==2.9.10\ncelery==5.4.0\n" },
        findings: ["1:single"],
        output: "FROM python:3.11-alpine AS builder\nCOPY requirements.txt /app/requirements.txt\nRUN python -m venv /opt/venv\nENV PATH=\"/opt/venv/bin:$PATH\"\nRUN pip install --upgrade pip\nRUN apk update \\\n  && apk add --virtual build-deps gcc musl-dev \\\n  && apk add libpq-dev \\\n  && pip install -r /app/requirements.txt \\\n  && apk del build-deps\n\nFROM python:3.11-alpine\nRUN apk add --no-cache libpq\nCOPY --from=builder /opt/venv /opt/venv\nENV PATH=\"/opt/venv/bin:$PATH\"\nCOPY requirements.txt /app/requirements.txt\nCMD [\"python\", \"app.py\"]\n",
        reasonIncludes: ["leaving behind pip's cache"],
      },
      {
        // Under --prefix the second pip would not see the CPU torch the first put in /install, and would fetch
        // PyPI's CUDA build for sentence-transformers over it: one venv sees both installs.
        name: "two installs: a venv, so the second sees what the first installed",
        dockerfile: "FROM python:3.11-slim\nWORKDIR /app\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev libpq-dev && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir torch==2.6.0 --index-url https://download.pytorch.org/whl/cpu\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD [\"python\", \"app.py\"]\n",
        requirements: { "requirements.txt": "sentence-transformers==3.0.1\npsycopg2==2.9.9\n" },
        findings: ["1:single"],
        output: "FROM python:3.11-slim AS builder\nWORKDIR /app\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev libpq-dev && rm -rf /var/lib/apt/lists/*\nRUN python -m venv /opt/venv\nENV PATH=\"/opt/venv/bin:$PATH\"\nRUN pip install --no-cache-dir torch==2.6.0 --index-url https://download.pytorch.org/whl/cpu\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n\nFROM python:3.11-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\nCOPY --from=builder /opt/venv /opt/venv\nENV PATH=\"/opt/venv/bin:$PATH\"\nWORKDIR /app\nCOPY . .\nCMD [\"python\", \"app.py\"]\n",
        reasonIncludes: ["lines 4 and 6 install, and under --prefix a later install would not see what an earlier one put there"],
      },
      {
        // Issue 14: a CR-only file ending in "\r" was taken as unended, and the new stage began "\r\r\r".
        // The output is the LF file's, line ends aside: one blank line between the stages, one final "\r".
        name: "CR-only line ends, the install is the last instruction",
        dockerfile: "FROM python:3.12-slim\rRUN apt-get update && apt-get install -y gcc libpq-dev\rRUN pip install psycopg2\r",
        findings: ["1:single"],
        output: "FROM python:3.12-slim AS builder\rRUN apt-get update && apt-get install -y gcc libpq-dev\rRUN pip install --prefix=/install psycopg2\r\rFROM python:3.12-slim\rRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\rCOPY --from=builder /install /usr/local\r",
      },
      {
        // Issue 14's fuzz (byte noise in FROM): the line break after the stage name lost, the split named a
        // new final stage like the mangled one (dockerfile-utils: "duplicate name apprun").
        // The apt line is now part of FROM, so pip's cache is all there is: --no-cache-dir, and no split.
        name: "FROM run into the next line by byte noise: no builder stage",
        dockerfile: "FROM python:3.12-slim AS app\u0018RUN apt-get update && apt-get install -y gcc libpq-dev\nRUN pip install psycopg2\nCMD [\"python\", \"app.py\"]\n",
        findings: ["1:noSplit"],
        alternatives: ["no-cache-dir"],
        output: "FROM python:3.12-slim AS app\u0018RUN apt-get update && apt-get install -y gcc libpq-dev\nRUN pip install --no-cache-dir psycopg2\nCMD [\"python\", \"app.py\"]\n",
        reasonIncludes: ["line 1 is not FROM image or FROM image AS name"],
      },
      {
        // Issue 14's fuzz: AS mangled, the split appended " AS builder" after three arguments
        // (dockerfile-utils: "FROM requires either one or three arguments").
        name: "FROM with three arguments but no AS: no rewrite",
        dockerfile: "FROM python:3.12-slim ]S app\nRUN apt-get update && apt-get install -y gcc libpq-dev\nRUN pip install psycopg2\nCMD [\"python\", \"app.py\"]\n",
        findings: ["1:noSplit"],
        output: null,
      },
      {
        name: "pip cache only and small: --no-cache-dir first, the builder stage as the alternative",
        dockerfile: "FROM python:3.12-alpine\nCOPY requirements.txt /app/\nWORKDIR /app\nRUN pip install -r requirements.txt\nCOPY . /app\nEXPOSE 8000\nCMD [\"gunicorn\", \"app:app\"]\n",
        requirements: {"requirements.txt":"flask==3.0.3\n"},
        findings: ["1:single"],
        alternatives: ["no-cache-dir","multistage"],
        output: "FROM python:3.12-alpine\nCOPY requirements.txt /app/\nWORKDIR /app\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . /app\nEXPOSE 8000\nCMD [\"gunicorn\", \"app:app\"]\n",
        reasonIncludes: ["pip's cache (630 kB)","1.1% of the image"],
      },
      {
        name: "the builder alternative of a small cache: prefix layout, manifest copy dropped where the source copy follows",
        dockerfile: "FROM python:3.12-alpine\nCOPY requirements.txt /app/\nWORKDIR /app\nRUN pip install -r requirements.txt\nCOPY . /app\nEXPOSE 5000\nCMD [\"gunicorn\", \"app:app\"]\n",
        requirements: {"requirements.txt":"flask==3.0.3\n"},
        findings: ["1:single"],
        alternatives: ["no-cache-dir","multistage"],
        alternative: "multistage",
        output: "FROM python:3.12-alpine AS builder\nCOPY requirements.txt /app/\nWORKDIR /app\nRUN pip install --prefix=/install -r requirements.txt\n\nFROM python:3.12-alpine\nCOPY --from=builder /install /usr/local\nWORKDIR /app\nCOPY . /app\nEXPOSE 5000\nCMD [\"gunicorn\", \"app:app\"]\n",
        reasonIncludes: ["under /install","pip's cache (630 kB)"],
      },
      {
        name: "pip cache only and large: the builder stage first",
        dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD [\"python\", \"job.py\"]\n",
        requirements: {"requirements.txt":"pandas==2.2.3\nscipy\n"},
        findings: ["1:single"],
        alternatives: ["multistage","no-cache-dir"],
        output: "FROM python:3.12-slim AS builder\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --prefix=/install -r requirements.txt\n\nFROM python:3.12-slim\nCOPY --from=builder /install /usr/local\nWORKDIR /app\nCOPY . .\nCMD [\"python\", \"job.py\"]\n",
        reasonIncludes: ["pip's cache (65.8 MB)"],
      },
      {
        // The venv's pip replaces the upgrade the single stage keeps: the builder saves what the flag saves,
        // and changes PATH to do it, so the flag comes first.
        name: "pip upgrades itself, cache only: a venv builder saves no more than --no-cache-dir, which comes first",
        dockerfile: "FROM python:3.12-slim\nWORKDIR /srv\nCOPY requirements.txt .\nRUN pip install --upgrade pip && pip install -r requirements.txt\nCOPY . .\nCMD [\"uvicorn\", \"main:app\"]\n",
        requirements: {"requirements.txt":"fastapi==0.115.0\nuvicorn==0.30.6\n"},
        findings: ["1:single"],
        alternatives: ["no-cache-dir","multistage"],
        output: "FROM python:3.12-slim\nWORKDIR /srv\nCOPY requirements.txt .\nRUN pip install --no-cache-dir --upgrade pip && pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD [\"uvicorn\", \"main:app\"]\n",
        reasonIncludes: ["a builder stage would need a virtual environment (on PATH) to save the same bytes"],
      },
      {
        name: "pip upgrades itself with compilers: a venv, never --prefix",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc\nRUN pip install --upgrade pip && pip install flask\nCMD [\"flask\", \"run\"]\n",
        findings: ["1:single"],
        alternatives: ["multistage"],
        output: "FROM python:3.12-slim AS builder\nRUN apt-get update && apt-get install -y gcc\nRUN python -m venv /opt/venv\nENV PATH=\"/opt/venv/bin:$PATH\"\nRUN pip install --upgrade pip && pip install flask\n\nFROM python:3.12-slim\nCOPY --from=builder /opt/venv /opt/venv\nENV PATH=\"/opt/venv/bin:$PATH\"\nCMD [\"flask\", \"run\"]\n",
        reasonIncludes: ["virtual environment /opt/venv","pip upgrades itself or its build tools on line 3"],
      },
      {
        name: "compilers stay in the builder, libpq5 goes to the final stage, stage name and ENV kept",
        dockerfile: "FROM python:3.11-slim AS app\nENV PYTHONUNBUFFERED=1\nRUN apt-get update && apt-get install -y libpq-dev gcc\nRUN pip install --no-cache-dir psycopg2\nUSER nobody\nCMD [\"python\", \"-m\", \"app\"]",
        findings: ["1:single"],
        alternatives: ["multistage"],
        output: "FROM python:3.11-slim AS builder\nENV PYTHONUNBUFFERED=1\nRUN apt-get update && apt-get install -y libpq-dev gcc\nRUN pip install --prefix=/install --no-cache-dir psycopg2\n\nFROM python:3.11-slim AS app\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\nCOPY --from=builder /install /usr/local\nENV PYTHONUNBUFFERED=1\nUSER nobody\nCMD [\"python\", \"-m\", \"app\"]",
        reasonIncludes: ["compilers and headers","libpq5","names for trixie"],
      },
      {
        name: "bookworm: libcurl4 (libssl3 is in python:slim already)",
        dockerfile: "FROM python:3.11-slim-bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libcurl4-openssl-dev libssl-dev && rm -rf /var/lib/apt/lists/*\nRUN pip install pycurl\nCMD [\"python\", \"app.py\"]\n",
        findings: ["1:single"],
        alternatives: ["multistage"],
        output: "FROM python:3.11-slim-bookworm AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libcurl4-openssl-dev libssl-dev && rm -rf /var/lib/apt/lists/*\nRUN pip install --prefix=/install pycurl\n\nFROM python:3.11-slim-bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends libcurl4 && rm -rf /var/lib/apt/lists/*\nCOPY --from=builder /install /usr/local\nCMD [\"python\", \"app.py\"]\n",
      },
      {
        // 3.11.4's image was last built on bookworm (3.11.5 came out in August 2023): bookworm's name.
        name: "a patch tag without a suite: the names of the release it was built on",
        dockerfile: "FROM python:3.11.4-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libcurl4-openssl-dev libssl-dev && rm -rf /var/lib/apt/lists/*\nRUN pip install pycurl\nCMD [\"python\", \"app.py\"]\n",
        findings: ["1:single"],
        alternatives: ["multistage"],
        output: "FROM python:3.11.4-slim AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libcurl4-openssl-dev libssl-dev && rm -rf /var/lib/apt/lists/*\nRUN pip install --prefix=/install pycurl\n\nFROM python:3.11.4-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libcurl4 && rm -rf /var/lib/apt/lists/*\nCOPY --from=builder /install /usr/local\nCMD [\"python\", \"app.py\"]\n",
        reasonIncludes: ["names for bookworm"],
      },
      {
        // llama.cpp is built with OpenMP: the final stage needs libgomp1, which gcc brought into the builder.
        name: "a source build that links OpenMP: libgomp1 in the final stage",
        dockerfile: "FROM python:3.11-slim\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential cmake && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir llama-cpp-python\nCMD [\"python\", \"-m\", \"llama_cpp.server\"]\n",
        findings: ["1:single"],
        alternatives: ["multistage"],
        output: "FROM python:3.11-slim AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential cmake && rm -rf /var/lib/apt/lists/*\nRUN pip install --prefix=/install --no-cache-dir llama-cpp-python\n\nFROM python:3.11-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libgomp1 && rm -rf /var/lib/apt/lists/*\nCOPY --from=builder /install /usr/local\nCMD [\"python\", \"-m\", \"llama_cpp.server\"]\n",
      },
      {
        // clang-tools pulls in clang and llvm-dev (~500 MB): build tools, left in the builder like gcc.
        name: "clang-tools and cmake stay in the builder",
        dockerfile: "FROM python:3.11-slim\nRUN apt-get update && apt-get install -y --no-install-recommends clang-tools cmake && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir flask\nCMD [\"python\", \"app.py\"]\n",
        findings: ["1:single"],
        alternatives: ["multistage"],
        output: "FROM python:3.11-slim AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends clang-tools cmake && rm -rf /var/lib/apt/lists/*\nRUN pip install --prefix=/install --no-cache-dir flask\n\nFROM python:3.11-slim\nCOPY --from=builder /install /usr/local\nCMD [\"python\", \"app.py\"]\n",
      },
      {
        name: "bullseye: libpq5 (libffi7 is in python:slim already)",
        dockerfile: "FROM python:3.9-slim-bullseye\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libffi-dev libpq-dev && rm -rf /var/lib/apt/lists/*\nRUN pip install cffi psycopg2\nCMD [\"python\", \"app.py\"]\n",
        findings: ["1:single"],
        alternatives: ["multistage"],
        output: "FROM python:3.9-slim-bullseye AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libffi-dev libpq-dev && rm -rf /var/lib/apt/lists/*\nRUN pip install --prefix=/install cffi psycopg2\n\nFROM python:3.9-slim-bullseye\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\nCOPY --from=builder /install /usr/local\nCMD [\"python\", \"app.py\"]\n",
      },
      {
        name: "trixie: libcurl4t64",
        dockerfile: "FROM python:3.13-slim-trixie\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libcurl4-openssl-dev libssl-dev && rm -rf /var/lib/apt/lists/*\nRUN pip install pycurl\nCMD [\"python\", \"app.py\"]\n",
        findings: ["1:single"],
        alternatives: ["multistage"],
        output: "FROM python:3.13-slim-trixie AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libcurl4-openssl-dev libssl-dev && rm -rf /var/lib/apt/lists/*\nRUN pip install --prefix=/install pycurl\n\nFROM python:3.13-slim-trixie\nRUN apt-get update && apt-get install -y --no-install-recommends libcurl4t64 && rm -rf /var/lib/apt/lists/*\nCOPY --from=builder /install /usr/local\nCMD [\"python\", \"app.py\"]\n",
      },
      {
        name: "pycairo: libcairo2 and what libcairo2-dev's Depends name, at run time",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc pkg-config libcairo2-dev\nRUN pip install pycairo\n",
        findings: ["1:single"],
        alternatives: ["multistage"],
        output: "FROM python:3.12-slim AS builder\nRUN apt-get update && apt-get install -y gcc pkg-config libcairo2-dev\nRUN pip install --prefix=/install pycairo\n\nFROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libcairo-gobject2 libcairo-script-interpreter2 libcairo2 && rm -rf /var/lib/apt/lists/*\nCOPY --from=builder /install /usr/local\n",
      },
      {
        // mod_wsgi (sdist only, knowledge/source-only.ts) is an Apache module: the final stage needs Apache.
        name: "mod_wsgi: Apache itself and what apache2-dev's Depends name, at run time",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc apache2-dev\nRUN pip install mod_wsgi\nCMD [\"mod_wsgi-express\", \"start-server\", \"app.wsgi\"]\n",
        findings: ["1:single"],
        alternatives: ["multistage"],
        output: "FROM python:3.12-slim AS builder\nRUN apt-get update && apt-get install -y gcc apache2-dev\nRUN pip install --prefix=/install mod_wsgi\n\nFROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends apache2 libapr1t64 libaprutil1t64 libpcre2-16-0 libpcre2-32-0 libpcre2-posix3 && rm -rf /var/lib/apt/lists/*\nCOPY --from=builder /install /usr/local\nCMD [\"mod_wsgi-express\", \"start-server\", \"app.wsgi\"]\n",
      },
      {
        // A Node stage's assets are no Python builder: the final stage still installs compilers and compiles.
        name: "a final stage that copies front-end assets from a Node stage: split all the same",
        dockerfile: "FROM node:20-bookworm-slim AS assets\nWORKDIR /assets\nCOPY frontend/ ./\nRUN npm ci && npm run build\nFROM python:3.12-slim-bookworm\nWORKDIR /app\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev && rm -rf /var/lib/apt/lists/*\nCOPY requirements.txt ./\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY --from=assets /assets/dist /app/static\nCOPY . .\nCMD [\"gunicorn\", \"config.wsgi\"]\n",
        requirements: {"requirements.txt":"psycopg2==2.9.10\ngunicorn==22.0.0\n"},
        findings: ["5:single"],
        alternatives: ["multistage"],
        output: "FROM node:20-bookworm-slim AS assets\nWORKDIR /assets\nCOPY frontend/ ./\nRUN npm ci && npm run build\nFROM python:3.12-slim-bookworm AS builder\nWORKDIR /app\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev && rm -rf /var/lib/apt/lists/*\nCOPY requirements.txt ./\nRUN pip install --prefix=/install --no-cache-dir -r requirements.txt\n\nFROM python:3.12-slim-bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\nCOPY --from=builder /install /usr/local\nWORKDIR /app\nCOPY --from=assets /assets/dist /app/static\nCOPY . .\nCMD [\"gunicorn\", \"config.wsgi\"]\n",
      },
      {
        name: "rasterio built on Alpine: GDAL's library in the final stage",
        dockerfile: "FROM python:3.12-alpine\nRUN apk add --no-cache build-base gdal-dev\nRUN pip install --no-cache-dir rasterio==1.4.3\nCMD [\"python\", \"app.py\"]\n",
        findings: ["1:single"],
        alternatives: ["multistage"],
        output: "FROM python:3.12-alpine AS builder\nRUN apk add --no-cache build-base gdal-dev\nRUN pip install --prefix=/install --no-cache-dir rasterio==1.4.3\n\nFROM python:3.12-alpine\nRUN apk add --no-cache gdal libstdc++\nCOPY --from=builder /install /usr/local\nCMD [\"python\", \"app.py\"]\n",
      },
      {
        name: "an install inside sh -c with its apk del: all of it stays in the builder",
        dockerfile: "FROM python:3.12-alpine\nRUN sh -c \"apk add --no-cache --virtual .build-deps gcc musl-dev postgresql-dev && pip install psycopg2==2.9.10 && apk del .build-deps\"\nCMD [\"python\", \"app.py\"]\n",
        findings: ["1:single"],
        alternatives: ["no-cache-dir","multistage"],
        alternative: "multistage",
        output: "FROM python:3.12-alpine AS builder\nRUN sh -c \"apk add --no-cache --virtual .build-deps gcc musl-dev postgresql-dev && pip install --prefix=/install psycopg2==2.9.10 && apk del .build-deps\"\n\nFROM python:3.12-alpine\nRUN apk add --no-cache libpq\nCOPY --from=builder /install /usr/local\nCMD [\"python\", \"app.py\"]\n",
      },
      {
        name: "apk del in a later RUN moves into the builder; libstdc++ kept for build-base",
        dockerfile: "FROM python:3.12-alpine\nWORKDIR /app\nRUN apk add --virtual .build-deps build-base postgresql-dev\nRUN pip install psycopg2==2.9.10\nRUN apk del .build-deps\nCOPY . .\nCMD [\"python\", \"app.py\"]\n",
        findings: ["1:single"],
        alternatives: ["multistage"],
        output: "FROM python:3.12-alpine AS builder\nWORKDIR /app\nRUN apk add --virtual .build-deps build-base postgresql-dev\nRUN pip install --prefix=/install psycopg2==2.9.10\nRUN apk del .build-deps\n\nFROM python:3.12-alpine\nRUN apk add --no-cache libpq libstdc++\nCOPY --from=builder /install /usr/local\nWORKDIR /app\nCOPY . .\nCMD [\"python\", \"app.py\"]\n",
        reasonIncludes: ["The cleanup on line 5 stays in the builder"],
      },
      {
        // The comment over the cleanup describes it: it moves with it (it was left over COPY in the final stage).
        name: "a cleanup moves into the builder with the comment lines over it, not a comment a blank line away",
        dockerfile: "FROM python:3.12-alpine\nRUN apk add --virtual build-deps gcc musl-dev postgresql-dev\nRUN pip install --no-cache-dir psycopg2\n\n# the app's image\n\n# remove the build dependencies\n# (they are only needed to compile)\nRUN apk del build-deps\nCOPY . /app\nCMD [\"python\", \"/app/app.py\"]\n",
        findings: ["1:single"],
        output: "FROM python:3.12-alpine AS builder\nRUN apk add --virtual build-deps gcc musl-dev postgresql-dev\nRUN pip install --prefix=/install --no-cache-dir psycopg2\n# remove the build dependencies\n# (they are only needed to compile)\nRUN apk del build-deps\n\nFROM python:3.12-alpine\nRUN apk add --no-cache libpq\nCOPY --from=builder /install /usr/local\n\n# the app's image\n\nCOPY . /app\nCMD [\"python\", \"/app/app.py\"]\n",
      },
      {
        name: "apt-get purge after the install moves into the builder",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc libpq-dev\nRUN pip install --no-cache-dir psycopg2\nRUN apt-get purge -y --auto-remove gcc && rm -rf /var/lib/apt/lists/*\nCOPY . /app\nCMD [\"python\", \"/app/app.py\"]\n",
        findings: ["1:single"],
        alternatives: ["multistage"],
        output: "FROM python:3.12-slim AS builder\nRUN apt-get update && apt-get install -y gcc libpq-dev\nRUN pip install --prefix=/install --no-cache-dir psycopg2\nRUN apt-get purge -y --auto-remove gcc && rm -rf /var/lib/apt/lists/*\n\nFROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\nCOPY --from=builder /install /usr/local\nCOPY . /app\nCMD [\"python\", \"/app/app.py\"]\n",
      },
      {
        name: "build tools are not runtime packages, unless the final stage calls them",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends git curl gcc python3-dev tini && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir flask\nHEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1\nENTRYPOINT [\"tini\", \"--\"]\nCMD [\"flask\", \"run\"]\n",
        findings: ["1:single"],
        alternatives: ["multistage"],
        output: "FROM python:3.12-slim AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends git curl gcc python3-dev tini && rm -rf /var/lib/apt/lists/*\nRUN pip install --prefix=/install --no-cache-dir flask\n\nFROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl tini && rm -rf /var/lib/apt/lists/*\nCOPY --from=builder /install /usr/local\nHEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1\nENTRYPOINT [\"tini\", \"--\"]\nCMD [\"flask\", \"run\"]\n",
      },
      {
        // Line 4's install reads the lists line 2's update left, which moves into the builder: the final
        // stage's runtime RUN keeps its lists (fuzz seed 100 case 9869).
        name: "a later install without its own update: the final stage's runtime RUN keeps the lists",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc libpq-dev\nRUN pip install --no-cache-dir psycopg2==2.9.10\nRUN apt-get install -y curl\nCMD [\"python\", \"app.py\"]\n",
        findings: ["1:single"],
        alternatives: ["multistage"],
        output: "FROM python:3.12-slim AS builder\nRUN apt-get update && apt-get install -y gcc libpq-dev\nRUN pip install --prefix=/install --no-cache-dir psycopg2==2.9.10\n\nFROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5\nCOPY --from=builder /install /usr/local\nRUN apt-get install -y curl\nCMD [\"python\", \"app.py\"]\n",
      },
      {
        name: "a later install without its own update, and no runtime packages: the final stage updates",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc\nRUN pip install --no-cache-dir psutil==6.1.0\nRUN apt-get install -y curl\nCMD [\"python\", \"app.py\"]\n",
        findings: ["1:single"],
        alternatives: ["multistage"],
        output: "FROM python:3.12-slim AS builder\nRUN apt-get update && apt-get install -y gcc\nRUN pip install --prefix=/install --no-cache-dir psutil==6.1.0\n\nFROM python:3.12-slim\nRUN apt-get update\nCOPY --from=builder /install /usr/local\nRUN apt-get install -y curl\nCMD [\"python\", \"app.py\"]\n",
      },
      {
        // GitPython runs git (its import fails without one): git stays in the final stage, as a called tool does.
        name: "git is a runtime package where GitPython is installed",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends git gcc python3-dev && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir gitpython==3.1.43 flask\nCMD [\"flask\", \"run\"]\n",
        findings: ["1:single"],
        alternatives: ["multistage"],
        output: "FROM python:3.12-slim AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends git gcc python3-dev && rm -rf /var/lib/apt/lists/*\nRUN pip install --prefix=/install --no-cache-dir gitpython==3.1.43 flask\n\nFROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*\nCOPY --from=builder /install /usr/local\nCMD [\"flask\", \"run\"]\n",
      },
      {
        name: "python work between installs: a venv, and the work repeated in the final stage",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc\nRUN pip install --no-cache-dir nltk\nRUN python -c \"import nltk; nltk.download('punkt')\"\nRUN pip install --no-cache-dir flask\n",
        findings: ["1:single"],
        alternatives: ["multistage"],
        output: "FROM python:3.12-slim AS builder\nRUN apt-get update && apt-get install -y gcc\nRUN python -m venv /opt/venv\nENV PATH=\"/opt/venv/bin:$PATH\"\nRUN pip install --no-cache-dir nltk\nRUN python -c \"import nltk; nltk.download('punkt')\"\nRUN pip install --no-cache-dir flask\n\nFROM python:3.12-slim\nCOPY --from=builder /opt/venv /opt/venv\nENV PATH=\"/opt/venv/bin:$PATH\"\nRUN python -c \"import nltk; nltk.download('punkt')\"\n",
      },
      {
        name: "a venv the stage makes: the final stage copies the venv and keeps ENV PATH",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/*\nRUN python -m venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\nRUN echo installing && pip install flask\nCMD [\"flask\", \"run\"]\n",
        findings: ["1:single"],
        alternatives: ["multistage"],
        output: "FROM python:3.12-slim AS builder\nRUN apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/*\nRUN python -m venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\nRUN echo installing && pip install flask\n\nFROM python:3.12-slim\nCOPY --from=builder /opt/venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\nCMD [\"flask\", \"run\"]\n",
        reasonIncludes: ["keeps its virtual environment /opt/venv"],
      },
      {
        name: "a venv install by its own pip: the no-cache-dir alternative",
        dockerfile: "FROM python:3.12-slim\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install flask\n",
        findings: ["1:single"],
        alternatives: ["no-cache-dir","multistage"],
        alternative: "no-cache-dir",
        output: "FROM python:3.12-slim\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install --no-cache-dir flask\n",
      },
      {
        name: "a venv from elsewhere and system installs mixed: no rewrite",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/*\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install flask && pip install gunicorn\n",
        findings: ["1:noSplit"],
        output: null,
      },
      {
        name: "a -dev package the release lacks and no table knows: no rewrite",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc libssl1.0-dev\nRUN pip install gdal\n",
        findings: ["1:noSplit"],
        output: null,
      },
      {
        // Without --no-install-recommends python3-pip's Recommends bring gcc and the closure weighs it with
        // python3-pip; without --no-cache-dir the one-stage alternative is offered, as on Debian.
        name: "ubuntu with apt's python3: no rewrite",
        dockerfile: "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip gcc\nRUN pip install --no-cache-dir flask\nCMD [\"flask\", \"run\"]\n",
        findings: ["1:noSplit"],
        output: null,
      },
      {
        name: "a script the rule cannot see: no rewrite",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc\nRUN ./install.sh\nRUN pip install flask\n",
        findings: ["1:noSplit"],
        output: null,
      },
      {
        name: "make install: no rewrite",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc make\nCOPY . /src\nRUN cd /src && make install\nRUN pip install flask\n",
        findings: ["1:noSplit"],
        output: null,
      },
      {
        name: "FROM builder AS final ships the compilers: a finding of its own, rebased on the builder's image",
        dockerfile: "FROM python:3.12-slim AS builder\nRUN apt-get update && apt-get install -y gcc\nRUN pip install --no-cache-dir flask\nFROM builder AS final\nCMD [\"flask\", \"run\"]\n",
        findings: ["4:buildsOnBuilder"],
        alternatives: ["rebase"],
        output: "FROM python:3.12-slim AS builder\nRUN apt-get update && apt-get install -y gcc\nRUN pip install --prefix=/install --no-cache-dir flask\nFROM python:3.12-slim AS final\nCOPY --from=builder /install /usr/local\nCMD [\"flask\", \"run\"]\n",
      },

      {
        name: "a program called by its /usr/local/bin path: no venv rewrite",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc\nRUN pip install --upgrade pip && pip install gunicorn flask\nCMD [\"/usr/local/bin/gunicorn\", \"app:app\"]\n",
        findings: ["1:noSplit"],
        output: null,
      },
      {
        name: "a non-root user before the install: no rewrite",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc\nUSER app\nRUN pip install flask\n",
        findings: ["1:noSplit"],
        output: null,
      },
      {
        // Fuzz case 82373 of seed 100, minimised: the install after the USER is only pip upgrading itself.
        // It is no package of the app and runs as app on the same /usr/local pip in the final stage.
        name: "a pip upgrade after the switch to a non-root user stays in the final stage",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc libpq-dev\nRUN pip install psycopg2\nRUN useradd app\nUSER app\nRUN pip install --upgrade pip\nCMD [\"python\", \"app.py\"]\n",
        findings: ["1:single"],
        output: "FROM python:3.12-slim AS builder\nRUN apt-get update && apt-get install -y gcc libpq-dev\nRUN pip install --prefix=/install psycopg2\n\nFROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\nCOPY --from=builder /install /usr/local\nRUN useradd app\nUSER app\nRUN pip install --upgrade pip\nCMD [\"python\", \"app.py\"]\n",
      },
      {
        name: "an install mixed with other work in one RUN: no rewrite",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc\nRUN pip install django && python manage.py collectstatic --noinput\n",
        findings: ["1:noSplit"],
        output: null,
      },
      {
        name: "a purge mixed with other work after the install: no rewrite",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc libpq-dev\nRUN pip install --no-cache-dir psycopg2\nCOPY . /app\nRUN apt-get purge -y gcc && python /app/setup_db.py\n",
        findings: ["1:noSplit"],
        output: null,
      },

      {
        name: "a manifest a repeated RUN reads stays in the final stage",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc\nRUN pip install pipenv\nWORKDIR /app\nCOPY Pipfile Pipfile.lock ./\nRUN pipenv requirements > requirements.txt\nRUN pip install -r requirements.txt\nCOPY . .\nCMD [\"gunicorn\", \"app:app\"]\n",
        findings: ["1:single"],
        alternatives: ["multistage"],
        output: "FROM python:3.12-slim AS builder\nRUN apt-get update && apt-get install -y gcc\nRUN python -m venv /opt/venv\nENV PATH=\"/opt/venv/bin:$PATH\"\nRUN pip install pipenv\nWORKDIR /app\nCOPY Pipfile Pipfile.lock ./\nRUN pipenv requirements > requirements.txt\nRUN pip install -r requirements.txt\n\nFROM python:3.12-slim\nCOPY --from=builder /opt/venv /opt/venv\nENV PATH=\"/opt/venv/bin:$PATH\"\nWORKDIR /app\nCOPY Pipfile Pipfile.lock ./\nRUN pipenv requirements > requirements.txt\nCOPY . .\nCMD [\"gunicorn\", \"app:app\"]\n",
      },

      {
        name: "FROM builder AS final: rebased on the builder's image, the builder's work after the install repeated",
        dockerfile: "FROM python:3.12-slim AS builder\nWORKDIR /app\nRUN apt-get update && apt-get install -y gcc libpq-dev\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nFROM builder AS final\nRUN apt-get purge -y gcc\nEXPOSE 8000\nCMD [\"gunicorn\", \"app:app\"]\n",
        requirements: {"requirements.txt":"psycopg2==2.9.10\ngunicorn==22.0.0\n"},
        findings: ["7:buildsOnBuilder"],
        alternatives: ["rebase"],
        output: "FROM python:3.12-slim AS builder\nWORKDIR /app\nRUN apt-get update && apt-get install -y gcc libpq-dev\nCOPY requirements.txt .\nRUN pip install --prefix=/install --no-cache-dir -r requirements.txt\nRUN apt-get purge -y gcc\nCOPY . .\nFROM python:3.12-slim AS final\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\nCOPY --from=builder /install /usr/local\nWORKDIR /app\nCOPY . .\nEXPOSE 8000\nCMD [\"gunicorn\", \"app:app\"]\n",
      },
      {
        name: "FROM builder AS final with its own pip install: no rewrite",
        dockerfile: "FROM python:3.12-slim AS builder\nRUN apt-get update && apt-get install -y gcc\nRUN pip install --no-cache-dir flask\nFROM builder AS final\nRUN pip install --no-cache-dir gunicorn\nCMD [\"flask\", \"run\"]\n",
        findings: ["4:buildsOnBuilderNoFix"],
        output: null,
      },
      {
        // dev/test/prod targets: moving base's install under /install would leave `test` (and
        // `--target base`) without the packages (the review of monorepo Dockerfiles).
        name: "FROM base AS prod beside FROM base AS test: no rewrite",
        dockerfile: "FROM python:3.12-slim AS base\nWORKDIR /app\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nFROM base AS test\nRUN pip install --no-cache-dir pytest\nCMD [\"pytest\"]\nFROM base AS prod\nCMD [\"gunicorn\", \"app:app\"]\n",
        requirements: {"requirements.txt":"psycopg2==2.9.10\ngunicorn==22.0.0\n"},
        findings: ["10:buildsOnBuilderNoFix"],
        output: null,
        messageIncludes: ["stage test (line 7) also builds on base"],
      },

    ],
  });

  // A finding without a rewrite says why, in the user's words (issue 9 §4).
  it.each([
    { name: "unknown -dev", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc libssl1.0-dev\nRUN pip install gdal\n", reason: "the runtime library of libssl1.0-dev on trixie is not known" },
    { name: "distro python", dockerfile: "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip gcc\nRUN pip install --no-cache-dir flask\n", reason: "ubuntu:22.04 is not an official python image" },
    { name: "script", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc\nRUN ./install.sh\nRUN pip install flask\n", reason: "line 3 runs ./install.sh, which Whaleweight cannot see into" },
    { name: "curl | sh", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc curl\nRUN curl -sSL https://example.com/get.sh | sh\nRUN pip install flask\n", reason: "line 3 runs sh (a script read from a pipe)" },
    { name: "pdm (no split rule of its own)", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc\nWORKDIR /app\nCOPY . .\nRUN pip install pdm && pdm install --prod\n", reason: "line 5 installs with a tool that manages its own environment (poetry, pdm" },
    { name: "pip wheel", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc\nRUN pip wheel -w /wheels psycopg2 && pip install /wheels/*\n", reason: "line 3 installs with a tool that manages its own environment" },
    { name: "--user", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc\nRUN pip install --user flask\n", reason: "line 3 installs with --user" },
    { name: "editable", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc\nCOPY . /app\nRUN pip install -e /app\n", reason: "line 4 installs in editable mode" },
    { name: "PIP_TARGET", dockerfile: "FROM python:3.12-slim\nENV PIP_TARGET=/deps\nRUN apt-get update && apt-get install -y gcc\nRUN pip install flask\n", reason: "line 2 sets PIP_TARGET" },
    { name: "absolute pip", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc\nRUN /usr/local/bin/pip install flask\n", reason: "line 3 calls /usr/local/bin/pip by its path" },
    { name: "a compiler run outside the install", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc\nRUN pip install flask\nCOPY ext.c .\nRUN gcc -shared -o ext.so ext.c\n", reason: "line 5 runs gcc -shared" },
    { name: "python 2 with a pip upgrade: neither layout", dockerfile: "FROM python:2.7-slim\nRUN apt-get update && apt-get install -y gcc\nRUN pip install --upgrade pip && pip install flask\n", reason: "has no venv module" },
    { name: "packages in a variable", dockerfile: "FROM python:3.12-slim\nENV DEPS=\"libpq-dev\"\nRUN apt-get update && apt-get install -y gcc $DEPS\nRUN pip install psycopg2\n", reason: "the system packages include $DEPS" },
    // A package file is a program the app runs (Chrome for Selenium): the final stage's install would come
    // before the download it repeats, and left in the builder the program is not in the image.
    { name: "a downloaded .deb installed by its path", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y wget gcc\nRUN wget -q https://dl.google.com/linux/direct/google-chrome-stable_current_amd64.deb\nRUN apt-get install -y ./google-chrome-stable_current_amd64.deb\nRUN pip install --no-cache-dir selenium\n", reason: "the system packages include the package file ./google-chrome-stable_current_amd64.deb" },
    { name: "a downloaded .deb installed by its absolute path", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y wget gcc\nRUN wget -q -O /tmp/chrome.deb https://dl.google.com/linux/direct/google-chrome-stable_current_amd64.deb\nRUN apt-get install -y /tmp/chrome.deb\nRUN pip install --no-cache-dir selenium\n", reason: "the system packages include the package file /tmp/chrome.deb" },
    { name: "onbuild", dockerfile: "FROM python:3-onbuild\nRUN apt-get update && apt-get install -y gcc\nRUN pip install flask\n", reason: "runs its ONBUILD instructions" },
    { name: "mixed RUN", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc\nRUN pip install django && python manage.py collectstatic --noinput\n", reason: "line 3 does other work (python manage.py)" },
    // Fuzz case 2498 of seed 7 (a `bulk` file ending in `… \`), minimised: the new FROM would have joined
    // the last RUN, putting COPY --from=builder in the builder itself.
    { name: "the install ends the file inside a line continuation", dockerfile: "FROM python:3.12-alpine\nRUN apk add --virtual build-deps gcc musl-dev postgresql-dev \\\n  && pip install psycopg2 \\\n", reason: "line 2 ends the file inside a line continuation" },
    { name: "the same, with a blank line and a comment after it", dockerfile: "FROM python:3.12-alpine\nRUN apk add --virtual build-deps gcc musl-dev postgresql-dev \\\n  && pip install psycopg2 \\\n\n# end\n", reason: "line 2 ends the file inside a line continuation" },
    // Fuzz case 88571 of seed 100 (a `bulk` file with byte noise), minimised: the quote opened in
    // `postgresql-de"v` runs to the end of its RUN, so `&& pip install psycopg2` is part of the package word;
    // written into the final stage's `apk add --no-cache`, it compiled psycopg2 there with no compiler.
    { name: "an unclosed quote in a package name", dockerfile: "FROM python:3.6-alpine\nRUN apk add postgresql-de\"v \\\n  && pip install psycopg2\nRUN apk add --virtual build-deps gcc musl-dev postgresql-dev \\\n  && pip install psycopg2\n", reason: "the system packages include \"postgresql-dev && pip install psycopg2\", which holds blanks, quotes or shell operators" },
    // A package install after the USER is the app's: the builder could not run it as that user.
    { name: "a package installed with pip after the switch to a non-root user", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc libpq-dev\nRUN pip install --no-cache-dir psycopg2\nRUN useradd app\nUSER app\nRUN pip install --no-cache-dir --upgrade pip requests\n", reason: "line 5 switches to user app before the install" },
    // In the venv layout (a RUN between the installs uses the first), pip in the final stage is the venv's.
    { name: "a pip upgrade after the USER where the split needs a venv", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc libpq-dev\nRUN pip install --no-cache-dir psycopg2\nRUN python -c 'import psycopg2'\nRUN pip install --no-cache-dir flask\nRUN useradd app\nUSER app\nRUN pip install --no-cache-dir --upgrade pip\n", reason: "line 8 upgrades pip as user app, which in the final stage would be the virtual environment's pip" },
  ])("no rewrite, with the reason: $name", ({ dockerfile, reason }) => expectNoSplit(dockerfile, reason, []));

  // Fuzz case 82373 of seed 100: the split was refused for the pip upgrade after `USER app`, which
  // hygiene/pip-self-upgrade then dropped, and planning the result again split the stage. The plan that
  // drops the upgrade now splits first and leaves nothing to apply when planned again.
  it("planned again after the upgrade is dropped, nothing applies (idempotent)", () => {
    const dockerfile = "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc libpq-dev\nRUN pip install psycopg2\nRUN useradd app\nUSER app\nRUN pip install --upgrade pip\nCMD [\"python\", \"app.py\"]\n";
    const plan = buildPlan({ dockerfile, requirements: [], dockerignore: ".git\n", decisions: { "hygiene/pip-self-upgrade": { action: "apply", alternative: "drop" } } });
    const applied = plan.steps.filter((s) => s.status === "applied");
    expect(applied.map((s) => s.id)).toEqual(["size/multistage", "size/pip-no-cache-dir", "hygiene/pip-self-upgrade"]);
    expect(applied[0]?.rationale).toContain("The pip upgrade on line 6 runs after the switch to a non-root user, so it stays in the final stage as written.");
    const last = plan.steps.at(-1);
    expect(last?.texts.dockerfile).not.toContain("--upgrade pip");
    const again = buildPlan({ dockerfile: last?.texts.dockerfile ?? "", requirements: [], dockerignore: last?.texts.dockerignore ?? null });
    expect(again.steps.filter((s) => s.status === "applied").map((s) => s.id)).toEqual([]);
  });

  // Fuzz case 994 of seed 100, minimised: the useradd line deleted. As written a package install might have
  // made flaskuser; split, the final stage has none, and the build check refused the rewrite. Only the
  // split is withheld: --no-cache-dir on the install moves nothing.
  it.each([
    { name: "a --chown user no RUN creates", dockerfile: "FROM python:3.12\nRUN apt-get update && apt-get install -y gcc\nRUN pip install flask\nCOPY --chown=flaskuser:flaskuser . /app\nUSER flaskuser\n", reason: "line 4 names the user flaskuser, which no earlier RUN of this stage creates" },
    // Fuzz case 23992: the useradd swapped below the COPY that names its user.
    { name: "a --chown user created only after the COPY", dockerfile: "FROM python:3.12\nRUN apt-get update && apt-get install -y gcc\nCOPY --chown=flaskuser . /app\nRUN adduser --disabled-password flaskuser\nRUN pip install flask\n", reason: "line 3 names the user flaskuser, which no earlier RUN of this stage creates" },
    { name: "a USER no RUN creates", dockerfile: "FROM python:3.12\nRUN apt-get update && apt-get install -y gcc\nRUN pip install flask\nUSER app\n", reason: "line 4 names the user app, which no earlier RUN of this stage creates" },
    // Fuzz case 82866: a `${` with no closing brace is no variable: the build check reads the name as written.
    { name: "a --chown group with a `$` that is no variable", dockerfile: "FROM python:3.12\nRUN apt-get update && apt-get install -y gcc\nRUN useradd flaskuser\nRUN pip install flask\nCOPY --chown=flaskuser:flaskus${er . /app\n", reason: "line 5 names the group flaskus${er, which no earlier RUN of this stage creates" },
  ])("no split, with the reason: $name", ({ dockerfile, reason }) => expectNoSplit(dockerfile, reason, ["no-cache-dir"]));

  it("a --chown user the stage creates, a base account and a numeric owner do not stop the split", () => {
    for (const owner of ["flaskuser", "www-data", "10001:10001"]) {
      const useradd = owner === "flaskuser" ? "RUN useradd --create-home flaskuser\n" : "";
      const context = contextOf({ dockerfile: `FROM python:3.12\nRUN apt-get update && apt-get install -y gcc\n${useradd}RUN pip install flask\nCOPY --chown=${owner} . /app\n` });
      const findings = multistage.detect(context);
      expect(findings.map((f) => f.messageId), owner).toEqual(["single"]);
      expect(multistage.fix(context, findings).length, owner).toBeGreaterThan(0);
    }
  });

  it("the docs' after example is the fix's own output", () => {
    const { before, after } = multistage.meta.docs;
    const context = contextOf({ dockerfile: before });
    const [first] = multistage.fix(context, multistage.detect(context));
    if (first === undefined) throw new Error("no fix for the docs example");
    const applied = applyFileEdits(decodeTexts(before, [], null), first.edits);
    expect(applied.ok ? applied.texts.dockerfile : applied.error).toBe(after);
  });

  it("never counts the builder's cache again: no pip-no-cache-dir step after the split", () => {
    const plan = buildPlan({ dockerfile: multistage.meta.docs.before, requirements: [], dockerignore: ".git\n" });
    const ids = plan.steps.map((s) => `${s.id}:${s.status}`);
    expect(ids).toContain("size/multistage:applied");
    expect(ids).not.toContain("size/pip-no-cache-dir:applied");
    const split = plan.steps.find((s) => s.id === "size/multistage");
    expect(split?.analysis.estimate.byCategory.pipCache).toBe(0);
    expect(split?.analysis.estimate.byCategory.buildTools).toBe(0);
  });
});

describe("size/multistage and the build check read the same compiled packages", () => {
  // Fuzz (corpus seed 15, case 126): Pillow 9.5.0 has no cp39 wheel in the wheel table, so the estimate
  // compiles it in the builder (python3-pip's recommended build-essential is the compiler), while the
  // rules' hand-measured row says Pillow ships wheels. The split must carry Pillow's runtime library, or
  // the build check refuses it and the step fails.
  it("adds the runtime libraries of what the estimate compiles, and the rewrite passes the build check", () => {
    const dockerfile = "FROM python:3.9-slim-bookworm\nRUN apt-get update && apt-get install -y python3-pip\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . /app\nCMD [\"python3\", \"app.py\"]\n";
    // psycopg2 publishes no wheels: it compiles against libpq-dev, and loads libpq5 at run time.
    const plan = buildPlan({ dockerfile, requirements: [{ path: "requirements.txt", content: "psycopg2==2.9.9\n" }], dockerignore: null });
    const original = plan.steps[0]?.analysis.estimate.stages.at(-1);
    expect(original?.builtFromSource).toContain("psycopg2");
    const split = plan.steps.find((s) => s.id === "size/multistage");
    expect(split?.status).toBe("applied");
    const final = split?.texts.dockerfile.split(/^FROM /m).at(-1) ?? "";
    expect(final).toMatch(/apt-get install[^\n]*libpq5/);
    expect(split?.analysis.buildCheck.filter((f) => f.severity === "error")).toEqual([]);
  }, 60_000);
});

describe("size/multistage reads the pinned version, not the newest", () => {
  // The wheel table holds musllinux wheels of h5py 3.15.1 (bundling HDF5) and none of 3.14.0; the bundled
  // row, with no wheel file, read as "compiles everywhere" and kept hdf5 in the final stage for both.
  const dockerfile = (pin: string) => `FROM python:3.12-alpine\nRUN apk add --no-cache build-base\nWORKDIR /app\nRUN pip install ${pin}\nCOPY . /app\nCMD ["python3", "app.py"]\n`;
  const finalStage = (pin: string) => {
    const plan = buildPlan({ dockerfile: dockerfile(pin), requirements: [], dockerignore: null });
    const split = plan.steps.find((s) => s.id === "size/multistage");
    expect(split?.status).toBe("applied");
    expect(split?.analysis.buildCheck.filter((f) => f.severity === "error")).toEqual([]);
    return split?.texts.dockerfile.split(/^FROM /m).at(-1) ?? "";
  };

  it("an old pin built from source keeps its runtime library", () => {
    expect(finalStage("h5py==3.14.0")).toMatch(/apk add --no-cache[^\n]* hdf5/);
  }, 60_000);

  it("a pin with a musllinux wheel needs none", () => {
    expect(finalStage("h5py==3.15.1")).not.toMatch(/hdf5/);
  }, 60_000);
});

// Fuzz seed 100 cases 61163 and 62556, minimised: the file's builder FROM was lost, so its final stage's
// `COPY --from=builder` names an image; a builder stage called `builder` would make that a copy from the
// stage itself, which BuildKit refuses (the plan's build check rejected the split: non-converging).
describe("size/multistage names its builder after no name the file already reads", () => {
  const dockerfile = "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc libpq-dev\nCOPY --from=builder /wheels /wheels\nRUN pip install psycopg2\nCMD [\"python\", \"app.py\"]\n";

  it("calls it python-builder, and the plan applies the split", () => {
    const plan = buildPlan({ dockerfile, requirements: [], dockerignore: null });
    const step = plan.steps.find((s) => s.id === "size/multistage");
    expect({ status: step?.status, alternative: step?.alternative }).toEqual({ status: "applied", alternative: "multistage" });
    expect(step?.texts.dockerfile).toMatch(/^FROM python:3\.12-slim AS python-builder\n/);
    expect(step?.texts.dockerfile).toContain("COPY --from=builder /wheels /wheels\n");
    expect(step?.analysis.buildCheck.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("size/multistage counts the compilers a Recommends brings only where a builder leaves them behind", () => {
  const withApt = (install: string) => `FROM python:3.12-slim\nRUN apt-get update && apt-get install -y ${install} && rm -rf /var/lib/apt/lists/*\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]\n`;
  const requirements = { "requirements.txt": "flask==3.0.3\n" };

  it("python3-pip's build-essential stays in the builder: the split comes first and names it", () => {
    const context = contextOf({ dockerfile: withApt("python3-pip"), requirements });
    const findings = multistage.detect(context);
    const tools = context.analysis.estimate.byCategory.buildTools;
    expect(tools).toBeGreaterThan(100_000_000);
    expect(findings.map((f) => f.message)).toEqual([`The image keeps what only the build needs: pip's cache (630 kB) and compilers and headers (${formatBytes(tools)}).`]);
    expect(multistage.fix(context, findings).map((a) => a.id)).toEqual(["multistage"]);
  });

  it("npm, which the final stage installs again with its Recommends, brings its compiler back: the cache is all a builder leaves", () => {
    const dockerfile = withApt("npm").replace("CMD", "RUN npm install -g sass\nCMD");
    const context = contextOf({ dockerfile, requirements });
    expect(context.analysis.estimate.byCategory.buildTools).toBeGreaterThan(0);
    const findings = multistage.detect(context);
    expect(findings.map((f) => f.message)).toEqual(["The image keeps what only the build needs: pip's cache (630 kB)."]);
    const alternatives = multistage.fix(context, findings);
    expect(alternatives.map((a) => a.id)).toEqual(["no-cache-dir", "multistage"]);
    expect(alternatives[1]?.reason).toContain("The final stage installs npm");
  });
});

describe("size/multistage leaves a stage that installs with poetry, pipenv or uv sync to that tool's rule", () => {
  it.each([
    { tool: "poetry", rule: poetryMultistage, install: "pip install poetry && poetry config virtualenvs.create false && poetry install --no-root --only main" },
    { tool: "pipenv", rule: pipenvMultistage, install: "pip install pipenv && pipenv install --system --deploy" },
    { tool: "uv sync", rule: uvMultistage, install: "pip install uv && uv sync --frozen" },
  ])("$tool: only the tool's rule reports", ({ rule, install }) => {
    const context = contextOf({ dockerfile: `FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc\nWORKDIR /app\nCOPY . .\nRUN ${install}\n` });
    expect(multistage.detect(context)).toEqual([]);
    expect(rule.detect(context).length).toBe(1);
  });
});
