import { describe } from "vitest";
import { pipNoCacheDir } from "./pip-no-cache-dir";
import { runRuleTests } from "./rule-tester";

const req = { "requirements.txt": "flask==3.0.3\n" };

describe("size/pip-no-cache-dir", () => {
  runRuleTests(pipNoCacheDir, {
    valid: [
      { name: "already off", dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n" },
      { name: "env turns it off", dockerfile: "FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n" },
      { name: "cache mount", dockerfile: "FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n" },
      { name: "removed in the same RUN", dockerfile: "FROM python:3.12-slim\nRUN pip install flask && rm -rf /root/.cache/pip\n" },
      { name: "cache left in a builder stage", dockerfile: "FROM python:3.12-slim AS build\nRUN pip install --prefix=/install flask\nFROM python:3.12-slim\nCOPY --from=build /install /usr/local\n" },
      // Multistage then --no-cache-dir must not count the same bytes twice (issue 9): a venv builder's cache stays behind.
      { name: "cache left in a venv builder stage", dockerfile: "FROM python:3.12-slim AS builder\nRUN python -m venv /opt/venv\nENV PATH=\"/opt/venv/bin:$PATH\"\nRUN pip install --upgrade pip && pip install flask\n\nFROM python:3.12-slim\nCOPY --from=builder /opt/venv /opt/venv\nENV PATH=\"/opt/venv/bin:$PATH\"\n" },
      { name: "poetry's cache turned off", dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml ./\nRUN pip install --no-cache-dir poetry && poetry config virtualenvs.create false && poetry install --no-cache --no-root\n", requirements: { "requirements.txt": "flask==3.0.3\n" } },
      { name: "poetry's cache turned off before the subcommand", dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nRUN pip install --no-cache-dir poetry && poetry --no-cache install --no-root\n", requirements: { "requirements.txt": "flask==3.0.3\n" } },
      { name: "exec form cannot be edited", dockerfile: "FROM python:3.12-slim\nRUN [\"pip\", \"install\", \"flask\"]\n" },
      // uv hardlinks what it installs from its cache (its default link mode): the cache adds no bytes.
      { name: "uv pip with its default link mode", dockerfile: "FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.4.9 /uv /bin/uv\nRUN uv pip install --system flask\n" },
    ],
    invalid: [
      {
        // The common single-stage poetry recipe: poetry into the system Python keeps its artifact cache.
        name: "poetry install: --no-cache after the subcommand, with pip's flag in the same step",
        dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml ./\nRUN pip install poetry && poetry config virtualenvs.create false && poetry install --no-root\n",
        requirements: { "requirements.txt": "flask==3.0.3\n" },
        findings: ["4:cache"],
        messageIncludes: ["pip and poetry keep 19.9 MB", "--no-cache-dir (pip) and --no-cache (poetry)"],
        reasonIncludes: ["pip's and poetry's caches hold"],
        output: "FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml ./\nRUN pip install --no-cache-dir poetry && poetry config virtualenvs.create false && poetry install --no-cache --no-root\n",
      },
      {
        name: "FROM builder AS final: the builder's cache is in the image, so it counts",
        dockerfile: "FROM python:3.12-slim AS builder\nRUN pip install flask\nFROM builder AS final\nCMD [\"flask\", \"run\"]\n",
        findings: ["2:cache"],
        output: "FROM python:3.12-slim AS builder\nRUN pip install --no-cache-dir flask\nFROM builder AS final\nCMD [\"flask\", \"run\"]\n",
      },
      {
        name: "pip install from a file",
        dockerfile: "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n",
        requirements: req,
        findings: ["3:cache"],
        output: "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n",
        reasonIncludes: ["630 kB of wheels"],
        alternatives: ["no-cache-dir", "cache-mount"],
      },
      {
        name: "the cache-mount alternative",
        dockerfile: "FROM python:3.12-slim\nRUN pip install flask\n",
        findings: ["2:cache"],
        alternative: "cache-mount",
        output: "# syntax=docker/dockerfile:1\nFROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n",
        reasonIncludes: ["out of the image"],
      },
      {
        name: "a user who cannot write a root-owned mount gets only --no-cache-dir",
        dockerfile: "FROM python:3.12-slim\nUSER nobody\nRUN pip install --user flask\n",
        findings: ["3:cache"],
        alternatives: ["no-cache-dir"],
        output: "FROM python:3.12-slim\nUSER nobody\nRUN pip install --no-cache-dir --user flask\n",
      },
      {
        name: "two installs in one RUN, continued lines, CRLF",
        dockerfile: "FROM python:3.12-slim\r\nRUN pip install --upgrade pip \\\r\n && pip3 install flask\r\n",
        findings: ["2:cache"],
        output: "FROM python:3.12-slim\r\nRUN pip install --no-cache-dir --upgrade pip \\\r\n && pip3 install --no-cache-dir flask\r\n",
      },
      {
        name: "uv pip takes --no-cache",
        dockerfile: "FROM python:3.12-slim\nRUN pip install uv && uv pip install --system flask\n",
        findings: ["2:cache"],
        output: "FROM python:3.12-slim\nRUN pip install --no-cache-dir uv && uv pip install --no-cache --system flask\n",
        messageIncludes: ["pip and uv keep", "add --no-cache-dir (pip) and --no-cache (uv pip)"],
        reasonIncludes: ["pip's and uv's caches hold"],
      },
      {
        name: "uv pip alone, copying from its cache: the step names uv's cache and its flag",
        dockerfile: "FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.4.9 /uv /bin/uv\nRUN uv pip install --link-mode=copy --system flask\n",
        findings: ["3:cache"],
        output: "FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.4.9 /uv /bin/uv\nRUN uv pip install --no-cache --link-mode=copy --system flask\n",
        messageIncludes: ["uv keeps", "add --no-cache."],
        reasonIncludes: ["uv's cache holds", "of downloads"],
      },
    ],
  });
});
