import { describe, expect, it } from "vitest";
import { fixture } from "../project/test-support";
import { poetryMultistage } from "./poetry-multistage";
import { runRuleTests } from "./rule-tester";

const projectFiles = { "pyproject.toml": fixture("pyproject-poetry.toml"), "poetry.lock": fixture("poetry.lock") };
const SLIM = "FROM python:3.12-slim";

describe("size/poetry-multistage", () => {
  runRuleTests(poetryMultistage, {
    valid: [
      { name: "poetry export + pip is size/multistage's case", dockerfile: `${SLIM}\nRUN pip install poetry poetry-plugin-export\nCOPY . .\nRUN poetry export -o requirements.txt && pip install -r requirements.txt\n`, projectFiles },
      { name: "no poetry", dockerfile: `${SLIM}\nRUN pip install --no-cache-dir flask\n` },
    ],
    invalid: [
      {
        name: "default venv location: moved into the project, dev groups left out",
        dockerfile: `${SLIM}\nRUN pip install poetry\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root\nCOPY . .\nCMD ["gunicorn", "app:app"]\n`,
        projectFiles,
        findings: ["1:single"],
        alternatives: ["multistage"],
        output: `${SLIM} AS builder\nRUN pip install poetry\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nENV POETRY_VIRTUALENVS_IN_PROJECT=1\nRUN poetry install --no-root --only main\n\n${SLIM}\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nCOPY --from=builder /app/.venv /app/.venv\nENV PATH="/app/.venv/bin:$PATH"\nCOPY . .\nCMD ["gunicorn", "app:app"]\n`,
        reasonIncludes: ["leaving behind poetry itself", "--only main"],
      },
      {
        name: "in-project venv set by ENV, --only main kept",
        dockerfile: `${SLIM}\nENV POETRY_VIRTUALENVS_IN_PROJECT=1\nRUN pip install poetry\nWORKDIR /srv\nCOPY . .\nRUN poetry install --only main\n`,
        projectFiles,
        findings: ["1:single"],
        output: `${SLIM} AS builder\nENV POETRY_VIRTUALENVS_IN_PROJECT=1\nRUN pip install poetry\nWORKDIR /srv\nCOPY . .\nRUN poetry install --only main\n\n${SLIM}\nENV POETRY_VIRTUALENVS_IN_PROJECT=1\nWORKDIR /srv\nCOPY . .\nCOPY --from=builder /srv/.venv /srv/.venv\nENV PATH="/srv/.venv/bin:$PATH"\n`,
      },
      {
        name: "virtualenvs.create false installs into the system Python: no rewrite",
        dockerfile: `${SLIM}\nRUN pip install poetry\nCOPY . .\nRUN poetry config virtualenvs.create false && poetry install --only main\n`,
        projectFiles,
        findings: ["1:noSplit"],
        output: null,
      },
      {
        name: "poetry run needs poetry in the image",
        dockerfile: `${SLIM}\nRUN pip install poetry\nCOPY . .\nRUN poetry install\nCMD poetry run python app.py\n`,
        projectFiles,
        findings: ["1:noSplit"],
        output: null,
      },
    ],
  });
});

describe("size/poetry-multistage size effect", () => {
  it("poetry and its cache stay in the builder; the locked runtime packages come along", async () => {
    const { sizeEffect } = await import("./support/test-size-effect");
    const { before, after } = sizeEffect(poetryMultistage, { dockerfile: `${SLIM}\nRUN pip install poetry\nWORKDIR /app\nCOPY . .\nRUN poetry install --no-root\n`, projectFiles });
    expect(after.totalBytes).toBeLessThan(before.totalBytes);
    expect(after.byCategory.pipCache).toBe(0);
    expect(after.installedPackages).toContain("flask");
  });
});
