import { describe } from "vitest";
import { cleanupSameLayer } from "./cleanup-same-layer";
import { runRuleTests } from "./rule-tester";

describe("size/cleanup-same-layer", () => {
  runRuleTests(cleanupSameLayer, {
    valid: [
      { name: "cleanup in the same RUN", dockerfile: "FROM python:3.12-slim\nRUN pip install flask && rm -rf /root/.cache/pip\n" },
      { name: "rm of something the image does not hold", dockerfile: "FROM python:3.12-slim\nRUN rm -rf /tmp/nothing\n" },
      { name: "cleanup mixed with other work", dockerfile: "FROM python:3.12-slim\nRUN pip install flask\nRUN rm -rf /root/.cache/pip && python -c 'print(1)'\n" },
    ],
    invalid: [
      {
        name: "pip cache removed in a later RUN",
        dockerfile: "FROM python:3.12-slim\nRUN pip install flask\nRUN rm -rf /root/.cache/pip\nCMD [\"flask\", \"run\"]\n",
        findings: ["3:later"],
        output: "FROM python:3.12-slim\nRUN pip install flask && rm -rf /root/.cache/pip\nCMD [\"flask\", \"run\"]\n",
        reasonIncludes: ["632 kB"],
      },
      {
        name: "apt lists removed later, CRLF",
        dockerfile: "FROM python:3.12-slim\r\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5\r\nENV A=1\r\nRUN rm -rf /var/lib/apt/lists/*\r\n",
        findings: ["4:later"],
        output: "FROM python:3.12-slim\r\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\r\nENV A=1\r\n",
      },
      {
        // Issue 14: the removal started at offset 0 (no "\n" before it) and overlapped the creator's append.
        name: "pip cache removed later, CR-only line ends",
        dockerfile: "FROM python:3.12-slim\rRUN pip install flask\rRUN rm -rf /root/.cache/pip\r",
        findings: ["3:later"],
        output: "FROM python:3.12-slim\rRUN pip install flask && rm -rf /root/.cache/pip\r",
      },
      {
        name: "an apt install in between still needs the lists: no rewrite",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends libpq5\nRUN rm -rf /var/lib/apt/lists/*\n",
        findings: ["4:later"],
        output: null,
      },
    ],
  });
});
