import { describe } from "vitest";
import { poetryExport } from "./poetry-export";
import { runRuleTests } from "./rule-tester";

const LOCK = "COPY pyproject.toml poetry.lock ./\nRUN poetry export -f requirements.txt -o requirements.txt --without-hashes\n";

describe("correctness/poetry-export", () => {
  runRuleTests(poetryExport, {
    valid: [
      { name: "the plugin installed with Poetry", dockerfile: `FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry poetry-plugin-export\n${LOCK}` },
      { name: "the plugin added with poetry self add", dockerfile: `FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry && poetry self add poetry-plugin-export\n${LOCK}` },
      { name: "Poetry 1.x, which has export", dockerfile: `FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry==1.8.3\n${LOCK}` },
      { name: "Poetry below 2 by a range", dockerfile: `FROM python:3.12-slim\nRUN pip install --no-cache-dir "poetry<2"\n${LOCK}` },
      { name: "poetry install needs no plugin", dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root\n" },
      // Installed by its own script: the version is not known, so nothing is said.
      { name: "Poetry from the installer script", dockerfile: `FROM python:3.12-slim\nRUN curl -sSL https://install.python-poetry.org | python3 -\n${LOCK}` },
    ],
    invalid: [
      {
        name: "unpinned Poetry (now 2.x): the plugin goes beside it",
        dockerfile: `FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry\n${LOCK}`,
        findings: ["4:plugin"],
        messageIncludes: ["since Poetry 2.0"],
        output: `FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry poetry-plugin-export\n${LOCK}`,
        reasonIncludes: ["export at line 4 needs"],
      },
      {
        name: "a Poetry 2 pin, and the export in the stage built on it",
        dockerfile: `FROM python:3.12-slim AS tools\nRUN pip install --no-cache-dir "poetry==2.1.1"\nFROM tools AS requirements\n${LOCK}`,
        findings: ["5:plugin"],
        output: `FROM python:3.12-slim AS tools\nRUN pip install --no-cache-dir "poetry==2.1.1" poetry-plugin-export\nFROM tools AS requirements\n${LOCK}`,
      },
    ],
  });
});
