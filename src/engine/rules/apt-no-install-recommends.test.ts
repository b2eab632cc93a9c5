import { describe } from "vitest";
import { aptNoInstallRecommends } from "./apt-no-install-recommends";
import { runRuleTests } from "./rule-tester";

describe("size/apt-no-install-recommends", () => {
  runRuleTests(aptNoInstallRecommends, {
    valid: [
      { name: "already has the flag", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n" },
      { name: "apt's option form", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y -o APT::Install-Recommends=false curl && rm -rf /var/lib/apt/lists/*\n" },
      { name: "only in a builder stage", dockerfile: "FROM python:3.12-slim AS b\nRUN apt-get update && apt-get install -y gcc\nFROM python:3.12-slim\nCOPY --from=b /usr/bin/gcc /usr/bin/gcc\n" },
      { name: "no apt at all", dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n" },
    ],
    invalid: [
      {
        name: "plain install",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y libpq5 && rm -rf /var/lib/apt/lists/*\n",
        findings: ["2:recommends"],
        output: "FROM python:3.12-slim\nRUN apt-get update && apt-get install --no-install-recommends -y libpq5 && rm -rf /var/lib/apt/lists/*\n",
        reasonIncludes: ["not weighed", "apt-recommends"],
      },
      {
        // Without the flag python3-pip brings build-essential, which a later source build may use: no rewrite.
        name: "python3-pip alone: reported, not rewritten",
        dockerfile: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y python3-pip && rm -rf /var/lib/apt/lists/*\n",
        findings: ["2:recommends"],
        output: null,
      },
      {
        name: "python3-pip with a compiler named: rewritten, and the recommendation named",
        dockerfile: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y python3-pip gcc && rm -rf /var/lib/apt/lists/*\n",
        findings: ["2:recommends"],
        output: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install --no-install-recommends -y python3-pip gcc && rm -rf /var/lib/apt/lists/*\n",
        reasonIncludes: ["python3-pip recommends build-essential"],
      },
      {
        name: "two installs in two RUNs, continued lines",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update \\\n    && apt install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\nRUN apt-get update && apt-get -y install git && rm -rf /var/lib/apt/lists/*\n",
        findings: ["2:recommends", "5:recommends"],
        output: "FROM python:3.12-slim\nRUN apt-get update \\\n    && apt install --no-install-recommends -y curl \\\n    && rm -rf /var/lib/apt/lists/*\nRUN apt-get update && apt-get -y install --no-install-recommends git && rm -rf /var/lib/apt/lists/*\n",
      },
      {
        name: "a heredoc RUN: reported, not rewritten",
        dockerfile: "FROM python:3.12-slim\nRUN <<EOF\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\n",
        findings: ["2:recommends"],
        output: null,
      },
    ],
  });
});
