import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import { runRuleTests } from "./rule-tester";
import { wheelsBindMount } from "./wheels-bind-mount";

const BUILDER = "FROM python:3.12-slim AS builder\nRUN pip wheel --wheel-dir /wheels flask\n";
const MOUNT = "--mount=type=bind,from=builder,source=/wheels,target=/wheels";
const SYNTAX = "# syntax=docker/dockerfile:1\n";

describe("size/wheels-bind-mount", () => {
  runRuleTests(wheelsBindMount, {
    valid: [
      { name: "already a bind mount", dockerfile: `${SYNTAX}${BUILDER}FROM python:3.12-slim\nRUN ${MOUNT} pip install --no-cache-dir /wheels/*\n` },
      { name: "the wheels copied into a builder stage only", dockerfile: `${BUILDER}FROM python:3.12-slim AS second\nCOPY --from=builder /wheels /wheels\nRUN pip install --prefix=/install /wheels/*\nFROM python:3.12-slim\nCOPY --from=second /install /usr/local\n` },
      { name: "a copy of the source, not of wheels", dockerfile: "FROM python:3.12-slim AS builder\nWORKDIR /src\nCOPY . .\nFROM python:3.12-slim\nCOPY --from=builder /src /app\nRUN pip install --no-cache-dir flask\n" },
    ],
    invalid: [
      {
        name: "copy, install and rm in the same RUN: the rm goes with the copy",
        dockerfile: `${BUILDER}FROM python:3.12-slim\nCOPY --from=builder /wheels /wheels\nRUN pip install --no-cache-dir /wheels/* && rm -rf /wheels\n`,
        findings: ["4:copied"],
        output: `${SYNTAX}${BUILDER}FROM python:3.12-slim\nRUN ${MOUNT} pip install --no-cache-dir /wheels/*\n`,
        reasonIncludes: ["Needs BuildKit"],
      },
      {
        // testdriven.io's Django/FastAPI guides: the wheels are never removed, so they ship in full.
        name: "wheels never removed, another copy between, a syntax line kept, CRLF",
        dockerfile: `# syntax=docker/dockerfile:1.7\r\nFROM python:3.12-slim AS builder\r\nWORKDIR /usr/src/app\r\nCOPY requirements.txt .\r\nRUN pip wheel --no-cache-dir --no-deps --wheel-dir /usr/src/app/wheels -r requirements.txt\r\nFROM python:3.12-slim\r\nCOPY --from=builder /usr/src/app/wheels /wheels\r\nCOPY --from=builder /usr/src/app/requirements.txt .\r\nRUN pip install --no-cache /wheels/*\r\nCOPY . .\r\n`,
        requirements: { "requirements.txt": "flask==3.0.3\n" },
        findings: ["7:copied"],
        output: `# syntax=docker/dockerfile:1.7\r\nFROM python:3.12-slim AS builder\r\nWORKDIR /usr/src/app\r\nCOPY requirements.txt .\r\nRUN pip wheel --no-cache-dir --no-deps --wheel-dir /usr/src/app/wheels -r requirements.txt\r\nFROM python:3.12-slim\r\nCOPY --from=builder /usr/src/app/requirements.txt .\r\nRUN --mount=type=bind,from=builder,source=/usr/src/app/wheels,target=/wheels pip install --no-cache /wheels/*\r\nCOPY . .\r\n`,
      },
      {
        name: "--find-links and a relative destination under WORKDIR; the rm in its own RUN goes too",
        dockerfile: `${BUILDER}FROM python:3.12-slim\nWORKDIR /tmp\nCOPY --from=builder /wheels wheelhouse\nRUN pip install --no-index --find-links=/tmp/wheelhouse flask\nRUN rm -rf /tmp/wheelhouse\n`,
        findings: ["5:copied"],
        output: `${SYNTAX}${BUILDER}FROM python:3.12-slim\nWORKDIR /tmp\nRUN --mount=type=bind,from=builder,source=/wheels,target=/tmp/wheelhouse pip install --no-index --find-links=/tmp/wheelhouse flask\n`,
      },
      {
        name: "quoted words are read as BuildKit reads them",
        dockerfile: `${BUILDER}FROM python:3.12-slim\nCOPY --from="builder" "/wheels" /wheels\nRUN pip install --no-cache-dir /wheels/*\n`,
        findings: ["4:copied"],
        output: `${SYNTAX}${BUILDER}FROM python:3.12-slim\nRUN ${MOUNT} pip install --no-cache-dir /wheels/*\n`,
      },
      {
        name: "a COPY between blank lines leaves one blank line",
        dockerfile: `${BUILDER}FROM python:3.12-slim\n\nCOPY --from=builder /wheels /wheels\n\nRUN pip install --no-cache-dir /wheels/*\n`,
        findings: ["5:copied"],
        output: `${SYNTAX}${BUILDER}FROM python:3.12-slim\n\nRUN ${MOUNT} pip install --no-cache-dir /wheels/*\n`,
      },
      {
        name: "the directory is used for something else: reported, not rewritten",
        dockerfile: `${BUILDER}FROM python:3.12-slim\nCOPY --from=builder /wheels /wheels\nRUN pip install --no-cache-dir /wheels/*\nCMD ["ls", "/wheels"]\n`,
        findings: ["4:copiedNoFix"],
        output: null,
        messageIncludes: ["line 6 uses /wheels"],
      },
      {
        name: "read by a relative path after cd: reported, not rewritten",
        dockerfile: `${BUILDER}FROM python:3.12-slim\nCOPY --from=builder /wheels /wheels\nRUN cd / && pip install --no-cache-dir wheels/*\n`,
        findings: ["4:copiedNoFix"],
        output: null,
        messageIncludes: ["line 5 does more with /wheels than pip installing its wheels"],
      },
      {
        name: "used in a stage built on a stage built on this one: reported, not rewritten",
        dockerfile: `${BUILDER}FROM python:3.12-slim AS app\nCOPY --from=builder /wheels /wheels\nRUN pip install --no-cache-dir /wheels/*\nFROM app AS mid\nENV A=1\nFROM mid\nRUN pip install --no-cache-dir --force-reinstall /wheels/*\n`,
        findings: ["4:copiedNoFix"],
        output: null,
        messageIncludes: ["line 9 uses /wheels"],
      },
      {
        name: "a COPY with --chown: reported, not rewritten",
        dockerfile: `${BUILDER}FROM python:3.12-slim\nCOPY --from=builder --chown=1000:1000 /wheels /wheels\nRUN pip install --no-cache-dir /wheels/*\n`,
        findings: ["4:copiedNoFix"],
        output: null,
        messageIncludes: ["--chown"],
      },
      {
        name: "the rm comes first in the installing RUN: reported, not rewritten",
        dockerfile: `${BUILDER}FROM python:3.12-slim\nCOPY --from=builder /wheels /wheels\nRUN pip install --no-cache-dir /wheels/*\nRUN rm -rf /wheels/* && pip install --no-cache-dir /wheels/*\n`,
        findings: ["4:copiedNoFix"],
        output: null,
        messageIncludes: ["line 6 removes /wheels before it installs from it"],
      },
    ],
  });

  it("the mounted plan installs the same packages and saves exactly the wheels' layer", () => {
    const dockerfile = `${BUILDER}FROM python:3.12-slim\nCOPY --from=builder /wheels /wheels\nRUN pip install --no-cache-dir /wheels/* && rm -rf /wheels\n`;
    const before = analyze({ dockerfile, requirements: [], dockerignore: null });
    const after = analyze({ dockerfile: `${SYNTAX}${BUILDER}FROM python:3.12-slim\nRUN ${MOUNT} pip install --no-cache-dir /wheels/*\n`, requirements: [], dockerignore: null });
    const installed = (a: typeof before) => a.estimate.layers.flatMap((l) => l.items).filter((i) => i.path.includes("/site-packages/")).map((i) => `${i.label}:${i.bytes}`).sort();
    expect(installed(after).length).toBeGreaterThan(0);
    expect(installed(after)).toEqual(installed(before));
    const wheels = before.estimate.layers.find((l) => l.instruction.startsWith("COPY --from=builder"))?.bytes ?? 0;
    expect(wheels).toBeGreaterThan(0);
    expect(before.estimate.totalBytes - after.estimate.totalBytes).toBe(wheels);
  });
});
