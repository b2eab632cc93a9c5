import { describe } from "vitest";
import { poetryNoDev } from "./poetry-no-dev";
import { runRuleTests } from "./rule-tester";

const LOCK = "COPY pyproject.toml poetry.lock ./\n";

describe("correctness/poetry-no-dev", () => {
  runRuleTests(poetryNoDev, {
    valid: [
      { name: "Poetry 1.8, which still has --no-dev", dockerfile: `FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry==1.8.3\n${LOCK}RUN poetry install --no-dev --no-root\n` },
      { name: "Poetry 2 with --without dev", dockerfile: `FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry\n${LOCK}RUN poetry install --without dev --no-root\n` },
      // Installed by its own script: the version is not known, so nothing is said.
      { name: "Poetry from the installer script", dockerfile: `FROM python:3.12-slim\nRUN curl -sSL https://install.python-poetry.org | python3 -\n${LOCK}RUN poetry install --no-dev --no-root\n` },
    ],
    invalid: [
      {
        name: "unpinned Poetry (now 2.x) with --no-dev",
        dockerfile: `FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry\n${LOCK}RUN poetry config virtualenvs.create false && poetry install --no-dev --no-root\n`,
        findings: ["4:removed"],
        output: `FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry\n${LOCK}RUN poetry config virtualenvs.create false && poetry install --without dev --no-root\n`,
        reasonIncludes: ["line 4"],
      },
    ],
  });
});
