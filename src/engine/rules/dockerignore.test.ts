import { describe } from "vitest";
import { dockerignore } from "./dockerignore";
import { runRuleTests } from "./rule-tester";

const created = ".git\n.venv/\nvenv/\n__pycache__/\n*.py[cod]\n.pytest_cache/\n.mypy_cache/\n.ruff_cache/\n.tox/\n.coverage\nhtmlcov/\ndist/\nbuild/\n*.egg-info/\n";

describe("hygiene/dockerignore", () => {
  runRuleTests(dockerignore, {
    valid: [
      { name: "has a .dockerignore", dockerfile: "FROM python:3.12-slim\nCOPY . /app\n", dockerignore: ".git\n" },
      { name: "an empty .dockerignore is the user's choice", dockerfile: "FROM python:3.12-slim\nCOPY . /srv\n", dockerignore: "" },
      { name: "copies named files only", dockerfile: "FROM python:3.12-slim\nCOPY app.py /app/\n" },
    ],
    invalid: [
      {
        name: "COPY . without one",
        dockerfile: "FROM python:3.12-slim\nCOPY . /app\n",
        findings: ["2:missing"],
        output: "FROM python:3.12-slim\nCOPY . /app\n",
        dockerignoreOutput: created,
      },
    ],
  });
});
