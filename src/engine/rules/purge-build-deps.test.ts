import { describe, expect, it } from "vitest";
import { purgeBuildDeps } from "./purge-build-deps";
import { contextOf, runRuleTests } from "./rule-tester";

const build = "RUN apt-get update && apt-get install -y --no-install-recommends gcc && pip install --no-cache-dir psutil && rm -rf /var/lib/apt/lists/*";

describe("size/purge-build-deps", () => {
  runRuleTests(purgeBuildDeps, {
    valid: [
      { name: "already purged", dockerfile: `FROM python:3.12-slim\n${build} && apt-get purge -y --auto-remove gcc\n` },
      { name: "a builder stage", dockerfile: `FROM python:3.12-slim AS builder\n${build}\nFROM python:3.12-slim\nCOPY --from=builder /usr/local /usr/local\n` },
      { name: "a later RUN still builds", dockerfile: `FROM python:3.12-slim\n${build}\nRUN pip install --no-cache-dir flask\n` },
      { name: "a later RUN runs make", dockerfile: `FROM python:3.12-slim\n${build}\nRUN make -C /app\n` },
      { name: "the compiler is installed for later", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*\n" },
    ],
    invalid: [
      {
        name: "install, build, clean in one RUN",
        dockerfile: `FROM python:3.12-slim\n${build}\nCMD ["python"]\n`,
        findings: ["2:compiler"],
        output: `FROM python:3.12-slim\n${build} && apt-get purge -y --auto-remove gcc\nCMD ["python"]\n`,
        reasonIncludes: ["never reach a layer"],
      },
      {
        name: "build-essential and a -dev package: only the compiler goes",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends build-essential libpq-dev \\\n    && pip install --no-cache-dir psycopg2 \\\n    && rm -rf /var/lib/apt/lists/*\n",
        findings: ["2:compiler"],
        output: "FROM python:3.12-slim\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends build-essential libpq-dev \\\n    && pip install --no-cache-dir psycopg2 \\\n    && rm -rf /var/lib/apt/lists/* && apt-get purge -y --auto-remove build-essential\n",
      },
    ],
  });

  it("the purge takes the compiler's bytes out of the layer", () => {
    const before = contextOf({ dockerfile: `FROM python:3.12-slim\n${build}\n` });
    const after = contextOf({ dockerfile: `FROM python:3.12-slim\n${build} && apt-get purge -y --auto-remove gcc\n` });
    const gcc = before.analysis.estimate.layers.flatMap((l) => l.items).find((i) => i.path === "/usr/deb/gcc");
    expect(gcc?.bytes ?? 0).toBeGreaterThan(0);
    expect(before.analysis.estimate.totalBytes - after.analysis.estimate.totalBytes).toBe(gcc?.bytes);
  });
});
