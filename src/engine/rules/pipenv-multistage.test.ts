import { describe, expect, it } from "vitest";
import { fixture } from "../project/test-support";
import { pipenvMultistage } from "./pipenv-multistage";
import { runRuleTests } from "./rule-tester";

const projectFiles = { Pipfile: fixture("Pipfile"), "Pipfile.lock": fixture("Pipfile.lock") };
const SLIM = "FROM python:3.12-slim";

describe("size/pipenv-multistage", () => {
  runRuleTests(pipenvMultistage, {
    valid: [
      { name: "no pipenv", dockerfile: `${SLIM}\nRUN pip install --no-cache-dir flask\n` },
    ],
    invalid: [
      {
        name: "venv moved into the project",
        dockerfile: `${SLIM}\nRUN pip install pipenv\nWORKDIR /app\nCOPY Pipfile Pipfile.lock ./\nRUN pipenv install --deploy\nCOPY . .\nCMD ["python", "app.py"]\n`,
        projectFiles,
        findings: ["1:single"],
        output: `${SLIM} AS builder\nRUN pip install pipenv\nWORKDIR /app\nCOPY Pipfile Pipfile.lock ./\nENV PIPENV_VENV_IN_PROJECT=1\nRUN pipenv install --deploy\n\n${SLIM}\nWORKDIR /app\nCOPY Pipfile Pipfile.lock ./\nCOPY --from=builder /app/.venv /app/.venv\nENV PATH="/app/.venv/bin:$PATH"\nCOPY . .\nCMD ["python", "app.py"]\n`,
        reasonIncludes: ["leaving behind pipenv itself"],
      },
      {
        // Fuzz case 19954 (seed 100, unicode), minimised: `--sy&&stem` split the install RUN into pipenv and
        // other work. The final stage repeated the whole RUN, pipenv included, which it does not have.
        name: "pipenv install and other work in one RUN: no rewrite, the RUN cannot be split",
        dockerfile: `${SLIM}\nRUN pip install pipenv\nCOPY . .\nRUN pipenv install --sy&&stem --skip-lock\n`,
        projectFiles,
        findings: ["1:noSplit"],
        output: null,
      },
      {
        name: "--system installs into the system Python: no rewrite",
        dockerfile: `${SLIM}\nRUN pip install pipenv\nCOPY . .\nRUN pipenv install --system --deploy\n`,
        projectFiles,
        findings: ["1:noSplit"],
        output: null,
      },
    ],
  });
});

describe("size/pipenv-multistage refusals", () => {
  it("says which RUN mixes pipenv with other work", async () => {
    const { contextOf } = await import("./rule-tester");
    const context = contextOf({ dockerfile: `${SLIM}\nRUN pip install pipenv\nCOPY . .\nRUN pipenv install --sy&&stem --skip-lock\n`, projectFiles });
    expect(pipenvMultistage.detect(context)[0]?.message).toContain("line 4 runs pipenv in the same RUN as other work");
  });
});

describe("size/pipenv-multistage size effect", () => {
  it("pipenv and pip's cache stay in the builder", async () => {
    const { sizeEffect } = await import("./support/test-size-effect");
    const { before, after } = sizeEffect(pipenvMultistage, { dockerfile: `${SLIM}\nRUN pip install pipenv\nWORKDIR /app\nCOPY . .\nRUN pipenv install --deploy\n`, projectFiles });
    expect(after.totalBytes).toBeLessThan(before.totalBytes);
    expect(after.byCategory.pipCache).toBe(0);
  });
});
