import { describe } from "vitest";
import { aptLists } from "./apt-lists";
import { runRuleTests } from "./rule-tester";

describe("size/apt-lists", () => {
  runRuleTests(aptLists, {
    valid: [
      { name: "lists removed in the same RUN", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n" },
      { name: "only in a builder stage", dockerfile: "FROM python:3.12-slim AS b\nRUN apt-get update && apt-get install -y gcc\nFROM python:3.12-slim\nCOPY --from=b /usr/bin/gcc /usr/bin/gcc\n" },
      { name: "a cache mount keeps them out", dockerfile: "FROM python:3.12-slim\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n" },
    ],
    invalid: [
      {
        name: "update and install",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n",
        findings: ["2:lists"],
        output: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n",
        reasonIncludes: ["35.0 MB"],
      },
      {
        // The final stage builds on the builder and installs with the builder's lists (fuzz seed 100 case 13658).
        name: "a stage built on this one installs without its own update: no rewrite",
        dockerfile: "FROM python:3.12-slim AS builder\nRUN apt-get update && apt-get install -y gcc\nFROM builder AS final\nRUN apt-get install -y curl\n",
        findings: ["2:lists"],
        output: null,
      },
      {
        // playwright install --with-deps runs apt-get update and install, and deletes nothing.
        name: "playwright install --with-deps leaves the lists it updated",
        dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir playwright==1.47.0 && playwright install --with-deps chromium\n",
        findings: ["2:lists"],
        output: "FROM python:3.12-slim\nRUN pip install --no-cache-dir playwright==1.47.0 && playwright install --with-deps chromium && rm -rf /var/lib/apt/lists/*\n",
      },
      {
        name: "continued lines",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update \\\n    && apt-get install -y curl\nCMD [\"sh\"]\n",
        findings: ["2:lists"],
        output: "FROM python:3.12-slim\nRUN apt-get update \\\n    && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nCMD [\"sh\"]\n",
      },
      {
        // Issue 14: the model keeps one lists entry, so only the first RUN held it; fixing that one alone
        // let the second fire after the fix (347 failed plan steps).
        name: "two RUNs that each update: both are fixed at once",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y curl\nRUN apt-get update && apt-get install -y git\n",
        findings: ["2:lists"],
        output: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\n",
      },
      {
        name: "an update in a parent stage is fixed with the child's",
        dockerfile: "FROM python:3.12-slim AS a\nRUN apt-get update\nFROM a\nRUN apt-get update && apt-get install -y git\n",
        findings: ["2:lists"],
        output: "FROM python:3.12-slim AS a\nRUN apt-get update && rm -rf /var/lib/apt/lists/*\nFROM a\nRUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\n",
      },
      {
        name: "an earlier update in a heredoc cannot be fixed: no rewrite",
        dockerfile: "FROM python:3.12-slim\nRUN <<EOF\napt-get update\nEOF\nRUN apt-get update && apt-get install -y git\n",
        findings: ["2:lists"],
        output: null,
      },
      {
        // From the fuzz harness: appended after an unclosed `$(`, the rm became part of the substitution.
        name: "an unterminated command substitution: no rewrite",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y curl && X=$(curl -s https://example.com |\n",
        findings: ["2:lists"],
        output: null,
      },
      {
        name: "a later install relies on the lists: no rewrite",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update\nRUN apt-get install -y curl\n",
        findings: ["2:lists"],
        output: null,
      },
    ],
  });
});
