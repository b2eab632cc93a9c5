import { describe, expect, it } from "vitest";
import { EOL_AS_OF, EOL_ROWS, endOfLife, oldestSupported } from "../knowledge/eol";
import { eolBase } from "./eol-base";
import { runRuleTests } from "./rule-tester";

describe("correctness/eol-base", () => {
  runRuleTests(eolBase, {
    valid: [
      { name: "a supported python", dockerfile: "FROM python:3.12-slim\nCMD [\"python\"]\n" },
      { name: "a supported Debian", dockerfile: "FROM debian:bookworm-slim\nCMD [\"sh\"]\n" },
      { name: "a supported Alpine", dockerfile: "FROM alpine:3.22\nCMD [\"sh\"]\n" },
      { name: "another registry is not judged", dockerfile: "FROM ghcr.io/example/python:3.8\nCMD [\"python\"]\n" },
    ],
    invalid: [
      {
        // The builder's prefix is copied into python:3.13-slim: moved to the oldest supported Python instead,
        // its packages would sit under lib/python3.10, where 3.13 does not look (python-version-mismatch).
        name: "a builder whose packages the final stage copies moves to the final stage's Python",
        dockerfile: "FROM python:3.8 AS builder\nRUN pip install --prefix=/install --no-cache-dir flask==3.0.3\nFROM python:3.13-slim\nCOPY --from=builder /install /usr/local\nCMD [\"flask\", \"run\"]\n",
        findings: ["1:eol"],
        output: "FROM python:3.13 AS builder\nRUN pip install --prefix=/install --no-cache-dir flask==3.0.3\nFROM python:3.13-slim\nCOPY --from=builder /install /usr/local\nCMD [\"flask\", \"run\"]\n",
        reasonIncludes: ["python:3.8 → python:3.13"],
      },
      {
        // Google's own pattern: a venv built on Debian's python3, copied into the distroless image of the
        // same release. Moving only the builder would build the venv for bookworm's Python 3.11 and run it
        // on bullseye's 3.9: both move, and stay paired.
        name: "a distroless image moves with its builder's Debian release",
        dockerfile: "FROM debian:11-slim AS build\nRUN apt-get update && apt-get install --no-install-recommends --yes python3-venv && python3 -m venv /venv\nRUN /venv/bin/pip install --no-cache-dir flask\nFROM gcr.io/distroless/python3-debian11\nCOPY --from=build /venv /venv\nENTRYPOINT [\"/venv/bin/python3\", \"app.py\"]\n",
        findings: ["1:eol", "4:eol"],
        output: "FROM debian:bookworm-slim AS build\nRUN apt-get update && apt-get install --no-install-recommends --yes python3-venv && python3 -m venv /venv\nRUN /venv/bin/pip install --no-cache-dir flask\nFROM gcr.io/distroless/python3-debian12\nCOPY --from=build /venv /venv\nENTRYPOINT [\"/venv/bin/python3\", \"app.py\"]\n",
        reasonIncludes: ["gcr.io/distroless/python3-debian11 → gcr.io/distroless/python3-debian12: Debian bullseye"],
      },
      {
        // pipenv's --deploy: "Abort if the Pipfile.lock is out-of-date, or Python version is wrong".
        name: "pipenv install --deploy with the Pipfile's Python: the move is named, not made",
        dockerfile: "FROM python:3.8-slim\nWORKDIR /app\nCOPY Pipfile Pipfile.lock ./\nRUN pip install --no-cache-dir pipenv && pipenv install --system --deploy\n",
        projectFiles: { Pipfile: "[packages]\nrequests = \"==2.31.0\"\n\n[requires]\npython_version = \"3.8\"\n" },
        findings: ["1:eol"],
        messageIncludes: ["line 4 runs pipenv install --deploy, which aborts on a Python other than the Pipfile's 3.8"],
        output: null,
      },
      {
        name: "a distroless tag is kept",
        dockerfile: "FROM gcr.io/distroless/python3-debian10:nonroot\nCOPY app.py /app/\nCMD [\"/app/app.py\"]\n",
        findings: ["1:eol"],
        output: "FROM gcr.io/distroless/python3-debian12:nonroot\nCOPY app.py /app/\nCMD [\"/app/app.py\"]\n",
      },
      {
        name: "python and Debian both past their end",
        dockerfile: "FROM python:3.8-slim-buster\nCMD [\"python\"]\n",
        findings: ["1:eol"],
        output: "FROM python:3.11-slim\nCMD [\"python\"]\n",
        reasonIncludes: ["Python 3.8 (end of life 2024-10-07)", "Debian buster (end of life 2024-06-30)"],
      },
      {
        // `2` stopped at 2.7 (2.7.18, April 2020): the same finding as python:2.7-slim.
        name: "a major-only python 2 tag is 2.7",
        dockerfile: "FROM python:2-slim\nCMD [\"python\"]\n",
        findings: ["1:eol"],
        output: "FROM python:3.11-slim\nCMD [\"python\"]\n",
        reasonIncludes: ["Python 2.7 (end of life 2020-01-01)"],
      },
      {
        name: "an old alpine branch of a supported python",
        dockerfile: "FROM python:3.12-alpine3.17 AS build\nFROM python:3.12-alpine\nCMD [\"python\"]\n",
        findings: ["1:eol"],
        output: "FROM python:3.12-alpine AS build\nFROM python:3.12-alpine\nCMD [\"python\"]\n",
      },
      {
        name: "debian and alpine images",
        dockerfile: "FROM debian:buster-slim AS a\nFROM alpine:3.16\nCMD [\"sh\"]\n",
        findings: ["1:eol", "2:eol"],
        output: "FROM debian:bookworm-slim AS a\nFROM alpine:3.22\nCMD [\"sh\"]\n",
      },
      {
        // Corpus 083, minimised: on a supported Alpine, pip refuses the system Python (PEP 668) and python3
        // no longer brings pip3: the rewrite would not build.
        name: "pip into an OS image's own Python: reported, not rewritten",
        dockerfile: "FROM alpine:3.7\nRUN apk add --no-cache python3 && pip3 install --no-cache-dir flask\nCMD [\"flask\", \"run\"]\n",
        findings: ["1:eol"],
        output: null,
      },
      {
        name: "pip into a venv on an OS image: rewritten",
        dockerfile: "FROM debian:buster-slim\nRUN python3 -m venv /venv && /venv/bin/pip install --no-cache-dir flask\nCMD [\"/venv/bin/flask\", \"run\"]\n",
        findings: ["1:eol"],
        output: "FROM debian:bookworm-slim\nRUN python3 -m venv /venv && /venv/bin/pip install --no-cache-dir flask\nCMD [\"/venv/bin/flask\", \"run\"]\n",
      },
      {
        // buster's netcat is a virtual name with several providers in trixie: apt-get install would fail there.
        name: "a package the new release lacks: reported, not rewritten",
        dockerfile: "FROM python:3.8-slim-buster\nRUN apt-get update && apt-get install -y --no-install-recommends netcat && rm -rf /var/lib/apt/lists/*\nCMD [\"python\"]\n",
        findings: ["1:eol"],
        output: null,
      },
      {
        // python:3.11 has /usr/local/lib/python3.11 only: the copied site-packages path moves with the tag.
        name: "paths naming the old Python move with it",
        dockerfile: "FROM python:3.10-alpine AS build\nRUN pip install --no-cache-dir requests==2.32.3\nFROM python:3.10-alpine\nCOPY --from=build /usr/local/lib/python3.10/site-packages /usr/local/lib/python3.10/site-packages\nRUN python3.10 -c 'import requests'\n",
        findings: ["1:eol", "3:eol"],
        output: "FROM python:3.11-alpine AS build\nRUN pip install --no-cache-dir requests==2.32.3\nFROM python:3.11-alpine\nCOPY --from=build /usr/local/lib/python3.11/site-packages /usr/local/lib/python3.11/site-packages\nRUN python3.11 -c 'import requests'\n",
        reasonIncludes: ["python3.10 in paths and commands (3) becomes python3.11"],
      },
      {
        // The final stage is another image, built for 3.10, and names 3.10's path: moving only the builder
        // would hand it packages built for 3.11. Reported, not rewritten (fuzz case 1806).
        name: "a stage on another image names the old Python's path: reported, not rewritten",
        dockerfile: "FROM python:3.10-slim AS build\nRUN pip install --no-cache-dir --target /deps requests\nFROM example/app-runtime:3.10\nCOPY --from=build /deps /usr/local/lib/python3.10/site-packages\n",
        findings: ["1:eol"],
        output: null,
      },
      {
        name: "a variable in FROM: reported, not rewritten",
        dockerfile: "ARG PY=3.7\nFROM python:${PY}-slim\nCMD [\"python\"]\n",
        findings: ["2:eol"],
        output: null,
      },
    ],
  });
});

describe("end-of-life data", () => {
  it("rows are unique, dated, sourced, and Debian and Alpine ordered by date", () => {
    const keys = EOL_ROWS.map((r) => `${r.kind}:${r.version}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of EOL_ROWS) {
      expect(r.eol).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.source.length).toBeGreaterThan(10);
    }
    // Listed oldest version first; dates follow that order except Python 2.7, kept five years past 3.3.
    for (const kind of ["debian", "alpine"] as const) {
      const dates = EOL_ROWS.filter((r) => r.kind === kind).map((r) => r.eol);
      expect([...dates].sort()).toEqual(dates);
    }
  });

  it.each([
    ["python", "3.8.10", "2024-10-07"],
    ["python", "3.4", "2019-03-18"],
    ["python", "2.6", "2020-01-01"],
    ["debian", "10", "2024-06-30"],
    ["alpine", "3.9", "2022-05-01"],
    ["python", "3.13", null],
    ["debian", "trixie", null],
  ] as const)("%s %s ends %s", (kind, version, eol) => {
    expect(endOfLife(kind, version)?.eol ?? null).toBe(eol);
  });

  it("the nearest supported versions are after the as-of date", () => {
    for (const kind of ["python", "debian", "alpine"] as const) {
      const version = oldestSupported(kind);
      expect(EOL_ROWS.find((r) => r.kind === kind && r.version === version)?.eol ?? "").toSatisfy((d: string) => d > EOL_AS_OF);
    }
  });
});
