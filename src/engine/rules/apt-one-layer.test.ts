import { describe } from "vitest";
import { aptOneLayer } from "./apt-one-layer";
import { runRuleTests } from "./rule-tester";

describe("size/apt-one-layer", () => {
  runRuleTests(aptOneLayer, {
    valid: [
      { name: "already one RUN", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n" },
      { name: "an update with other work is left alone", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get upgrade -y\nRUN apt-get install -y curl\n" },
      { name: "only in a builder stage", dockerfile: "FROM python:3.12-slim AS b\nRUN apt-get update\nRUN apt-get install -y gcc\nFROM python:3.12-slim\nCOPY --from=b /usr/bin/gcc /usr/bin/gcc\n" },
      { name: "an update nothing installs from", dockerfile: "FROM python:3.12-slim\nRUN apt-get update\nCMD [\"python\"]\n" },
    ],
    invalid: [
      {
        name: "split update and install",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends libpq5\nCMD [\"python\"]\n",
        findings: ["2:split"],
        output: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\nCMD [\"python\"]\n",
        reasonIncludes: ["35.0 MB"],
      },
      {
        name: "two installs from one update, one already cleans up",
        dockerfile: "FROM python:3.12-slim\nRUN set -eux; apt-get update\nRUN apt install -y curl\nRUN apt install -y git && rm -rf /var/lib/apt/lists/*\n",
        findings: ["2:split"],
        output: "FROM python:3.12-slim\nRUN apt-get update && apt install -y curl && rm -rf /var/lib/apt/lists/*\nRUN apt-get update && apt install -y git && rm -rf /var/lib/apt/lists/*\n",
      },
      {
        name: "continued install with set -e first",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update -qq\nRUN set -e \\\n    && apt-get install -y curl\n",
        findings: ["2:split"],
        output: "FROM python:3.12-slim\nRUN set -e \\\n    && apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
      },
      {
        name: "the install in a heredoc: reported, not rewritten",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update\nRUN <<EOF\napt-get install -y curl\nEOF\n",
        findings: ["2:split"],
        output: null,
      },
    ],
  });
});
