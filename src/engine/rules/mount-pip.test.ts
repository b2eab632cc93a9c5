import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import { mountPip } from "./mount-pip";
import { contextOf, runRuleTests } from "./rule-tester";

const SLIM = "FROM python:3.12-slim";
const MOUNT = "--mount=type=cache,target=/root/.cache/pip";
const SYNTAX = "# syntax=docker/dockerfile:1";

describe("cache/mount-pip", () => {
  runRuleTests(mountPip, {
    valid: [
      { name: "already mounted", dockerfile: `${SLIM}\nRUN ${MOUNT} pip install flask\n` },
      { name: "mounted at a parent directory", dockerfile: `${SLIM}\nRUN --mount=type=cache,target=/root/.cache pip install flask\n` },
      { name: "the stage turns pip's cache off", dockerfile: `${SLIM}\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n` },
      { name: "a non-root user could not write the mount", dockerfile: `${SLIM}\nRUN useradd -m app\nUSER app\nRUN pip install --user flask\n` },
      // Chainguard's images run as nonroot (its -dev ones too): the cache is /home/nonroot's, the mount root's.
      { name: "a base image that runs as a non-root user", dockerfile: "FROM cgr.dev/chainguard/python:latest-dev\nWORKDIR /app\nRUN python -m venv venv && venv/bin/pip install flask\n" },
      { name: "a stage the image does not need is not built", dockerfile: `${SLIM} AS unused\nRUN pip install flask\n${SLIM}\nCOPY app.py .\n` },
      // Corpus 045 and 090: rm -r of the mount point (or a folder above it) fails the RUN, "Device or resource busy".
      { name: "the RUN removes the cache directory", dockerfile: `${SLIM}\nRUN pip install flask && rm -rf /root/.cache/pip\n` },
      { name: "the RUN removes a folder above the cache", dockerfile: `${SLIM}\nRUN pip install flask && rm -rf ~/.cache\n` },
      { name: "the RUN removes what a glob over the cache's parent matches", dockerfile: `${SLIM}\nRUN pip install flask && rm -rf /root/.cache/*\n` },
      // poetry's Docker recipes: the cache directory through its variable.
      { name: "the RUN removes the cache directory through its variable", dockerfile: `${SLIM}\nENV POETRY_CACHE_DIR=/tmp/poetry_cache POETRY_VIRTUALENVS_CREATE=false\nRUN poetry install --no-root && rm -rf \${POETRY_CACHE_DIR}\n` },
      { name: "the RUN removes a variable's path the stage does not set", dockerfile: `${SLIM}\nRUN pip install flask && rm -rf $CACHE_ROOT\n` },
      { name: "a Windows base: its builder has no RUN --mount", dockerfile: "FROM python:3.6-windowsservercore\nRUN pip install virtualenv\n" },
      { name: "exec form", dockerfile: `${SLIM}\nRUN ["pip", "install", "flask"]\n` },
      { name: "no install", dockerfile: `${SLIM}\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n` },
    ],
    invalid: [
      {
        name: "pip's cache in the image",
        dockerfile: `${SLIM}\nRUN pip install flask\n`,
        findings: ["2:mount"],
        output: `${SYNTAX}\n${SLIM}\nRUN ${MOUNT} pip install flask\n`,
        reasonIncludes: ["of cache leaves the image"],
      },
      {
        name: "rm of the cache's contents leaves the mount point: mounted",
        dockerfile: `${SLIM}\nRUN pip install flask && rm -rf /root/.cache/pip/* /tmp/x\n`,
        findings: ["2:mount"],
        output: `${SYNTAX}\n${SLIM}\nRUN ${MOUNT} pip install flask && rm -rf /root/.cache/pip/* /tmp/x\n`,
      },
      {
        name: "the mount replaces --no-cache-dir",
        dockerfile: `${SLIM}\nRUN pip install --no-cache-dir flask\n`,
        findings: ["2:mount"],
        output: `${SYNTAX}\n${SLIM}\nRUN ${MOUNT} pip install flask\n`,
        reasonIncludes: ["replaces --no-cache-dir"],
      },
      {
        name: "--no-cache-dir alone on a continued line goes with its line",
        dockerfile: `${SLIM}\nRUN pip install \\\n    --no-cache-dir \\\n    flask\n`,
        findings: ["2:mount"],
        output: `${SYNTAX}\n${SLIM}\nRUN ${MOUNT} pip install \\\n    flask\n`,
      },
      {
        name: "pip and uv in one RUN: two mounts, one directive, CRLF kept",
        dockerfile: `${SLIM}\r\nRUN pip install uv && uv pip install --system --no-cache flask\r\n`,
        findings: ["2:mount"],
        output: `${SYNTAX}\r\n${SLIM}\r\nRUN ${MOUNT} --mount=type=cache,target=/root/.cache/uv pip install uv && uv pip install --system flask\r\n`,
        reasonIncludes: ["it replaces --no-cache, which"],
      },
      {
        name: "an existing syntax directive is kept",
        dockerfile: `# syntax=docker/dockerfile:1.7\n${SLIM}\nRUN pip install flask\n`,
        findings: ["3:mount"],
        output: `# syntax=docker/dockerfile:1.7\n${SLIM}\nRUN ${MOUNT} pip install flask\n`,
      },
      {
        name: "PIP_CACHE_DIR moves the cache, and the mount follows it",
        dockerfile: `${SLIM}\nENV PIP_CACHE_DIR=/var/cache/pip\nRUN pip install flask\n`,
        findings: ["3:mount"],
        output: `${SYNTAX}\n${SLIM}\nENV PIP_CACHE_DIR=/var/cache/pip\nRUN --mount=type=cache,target=/var/cache/pip pip install flask\n`,
      },
      {
        name: "an existing bind mount stays",
        dockerfile: `${SLIM}\nRUN --mount=type=bind,source=requirements.txt,target=/tmp/r.txt pip install -r /tmp/r.txt\n`,
        requirements: { "requirements.txt": "flask==3.0.3\n" },
        findings: ["2:mount"],
        output: `${SYNTAX}\n${SLIM}\nRUN ${MOUNT} --mount=type=bind,source=requirements.txt,target=/tmp/r.txt pip install -r /tmp/r.txt\n`,
      },
      {
        name: "a builder stage's install gets the mount for faster rebuilds",
        dockerfile: `${SLIM} AS builder\nRUN pip install --no-cache-dir --prefix=/install flask\n${SLIM}\nCOPY --from=builder /install /usr/local\n`,
        findings: ["2:mount"],
        output: `${SYNTAX}\n${SLIM} AS builder\nRUN ${MOUNT} pip install --prefix=/install flask\n${SLIM}\nCOPY --from=builder /install /usr/local\n`,
      },
      {
        name: "poetry's default venv lives in its cache directory: only pip's install gets a mount",
        dockerfile: `${SLIM}\nRUN pip install --no-cache-dir poetry\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --only main --no-root\n`,
        findings: ["2:mount"],
        output: `${SYNTAX}\n${SLIM}\nRUN ${MOUNT} pip install poetry\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --only main --no-root\n`,
      },
      {
        name: "poetry with its venv in the project: poetry's cache",
        dockerfile: `${SLIM}\nENV POETRY_VIRTUALENVS_IN_PROJECT=1\nRUN pip install --no-cache-dir poetry\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --only main --no-root\n`,
        findings: ["3:mount", "6:mount"],
        output: `${SYNTAX}\n${SLIM}\nENV POETRY_VIRTUALENVS_IN_PROJECT=1\nRUN ${MOUNT} pip install poetry\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nRUN --mount=type=cache,target=/root/.cache/pypoetry poetry install --only main --no-root\n`,
      },
      {
        name: "poetry config cache-dir moves poetry's cache; an active VIRTUAL_ENV holds the packages",
        dockerfile: `${SLIM}\nENV VIRTUAL_ENV=/opt/venv\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install --no-cache poetry\nCOPY pyproject.toml poetry.lock ./\nRUN poetry config cache-dir /tmp/poetry-cache && poetry install --no-root\n`,
        findings: ["3:mount", "5:mount"],
        output: `${SYNTAX}\n${SLIM}\nENV VIRTUAL_ENV=/opt/venv\nRUN --mount=type=cache,target=/root/.cache/pip python -m venv /opt/venv && /opt/venv/bin/pip install poetry\nCOPY pyproject.toml poetry.lock ./\nRUN --mount=type=cache,target=/tmp/poetry-cache poetry config cache-dir /tmp/poetry-cache && poetry install --no-root\n`,
      },
    ],
  });

  it.each([
    { name: "pip", dockerfile: `${SLIM}\nRUN pip install flask\n` },
    { name: "uv pip copying from its cache", dockerfile: `${SLIM}\nENV UV_LINK_MODE=copy\nRUN pip install --no-cache-dir uv && uv pip install --system flask\n` },
  ])("$name: the mounted cache weighs 0 bytes, and the rest of the image is unchanged", ({ dockerfile }) => {
    const context = contextOf({ dockerfile });
    const before = context.analysis.estimate;
    expect(before.byCategory.pipCache).toBeGreaterThan(0);
    const [fix] = mountPip.fix(context, mountPip.detect(context));
    const edits = fix?.edits[0]?.edits ?? [];
    const sorted = [...edits].sort((a, b) => b.start - a.start);
    const text = sorted.reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), dockerfile);
    const after = analyze({ dockerfile: text, requirements: [], dockerignore: null }).estimate;
    expect(after.byCategory.pipCache).toBe(0);
    expect(after.totalBytes).toBe(before.totalBytes - before.byCategory.pipCache);
  });
});
