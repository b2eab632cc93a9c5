import { describe } from "vitest";
import { dockerignore } from "./dockerignore";
import { runRuleTests } from "./rule-tester";

const note = "# .env files often hold secrets; delete the next line if the app reads one at run time";
const created = `.git\n.venv/\nvenv/\n__pycache__/\n*.py[cod]\n.pytest_cache/\n.mypy_cache/\n.ruff_cache/\n.tox/\n.coverage\nhtmlcov/\ndist/\nbuild/\n*.egg-info/\n**/*.pem\n**/id_rsa*\n.aws/\n${note}\n.env*\n`;
const complete = ".git\n**/*.pem\n**/id_rsa*\n.aws/\n.env*\n";

describe("hygiene/dockerignore", () => {
  runRuleTests(dockerignore, {
    valid: [
      { name: "has every pattern", dockerfile: "FROM python:3.12-slim\nCOPY . /app\n", dockerignore: complete },
      { name: "an empty .dockerignore is the user's choice", dockerfile: "FROM python:3.12-slim\nCOPY . /srv\n", dockerignore: "" },
      { name: "copies named files only", dockerfile: "FROM python:3.12-slim\nCOPY app.py /app/\n" },
      { name: "the .env the Dockerfile copies is never excluded", dockerfile: "FROM python:3.12-slim\nCOPY .env /app/.env\nCOPY . /app\n", dockerignore: ".git\n**/*.pem\n**/id_rsa*\n.aws/\n" },
    ],
    invalid: [
      {
        name: "a quoted COPY \".\" is the whole context too (BuildKit removes the quotes)",
        dockerfile: 'FROM python:3.12-slim\nCOPY "." /app\n',
        findings: ["2:missing"],
        output: 'FROM python:3.12-slim\nCOPY "." /app\n',
        dockerignoreOutput: created,
      },
      {
        name: "COPY . without one",
        dockerfile: "FROM python:3.12-slim\nCOPY . /app\n",
        findings: ["2:missing"],
        output: "FROM python:3.12-slim\nCOPY . /app\n",
        dockerignoreOutput: created,
        reasonIncludes: [".env* is added with a comment"],
      },
      {
        name: "an existing file gets only what it lacks, after the user's lines",
        dockerfile: "FROM python:3.12-slim\nCOPY . /app\n",
        dockerignore: "# mine\n.git\nnode_modules\n**/*.pem",
        findings: ["2:secrets"],
        alternatives: ["merge"],
        output: "FROM python:3.12-slim\nCOPY . /app\n",
        dockerignoreOutput: `# mine\n.git\nnode_modules\n**/*.pem\n**/id_rsa*\n.aws/\n${note}\n.env*\n`,
      },
      {
        name: "a user's re-include and a copied key file are respected",
        dockerfile: "FROM python:3.12-slim\nCOPY certs/server.pem /etc/ssl/\nCOPY . /app\n",
        dockerignore: ".git\n!.env.example\n",
        findings: ["3:secrets"],
        output: "FROM python:3.12-slim\nCOPY certs/server.pem /etc/ssl/\nCOPY . /app\n",
        dockerignoreOutput: ".git\n!.env.example\n**/id_rsa*\n.aws/\n",
      },
      {
        name: "no .dockerignore, the Dockerfile copies .env: created without .env*",
        dockerfile: "FROM python:3.12-slim\nCOPY .env .\nCOPY . /app\n",
        findings: ["3:missing"],
        output: "FROM python:3.12-slim\nCOPY .env .\nCOPY . /app\n",
        dockerignoreOutput: ".git\n.venv/\nvenv/\n__pycache__/\n*.py[cod]\n.pytest_cache/\n.mypy_cache/\n.ruff_cache/\n.tox/\n.coverage\nhtmlcov/\ndist/\nbuild/\n*.egg-info/\n**/*.pem\n**/id_rsa*\n.aws/\n",
      },
      {
        // A bind mount with no from= reads the context, which .dockerignore filters: dist/ would empty it.
        name: "a RUN bind-mounts dist from the context: created without dist/",
        dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN --mount=type=bind,source=dist,target=/tmp/dist pip install --no-cache-dir /tmp/dist/*.whl\n",
        findings: ["3:missing"],
        output: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN --mount=type=bind,source=dist,target=/tmp/dist pip install --no-cache-dir /tmp/dist/*.whl\n",
        dockerignoreOutput: created.replace("dist/\n", ""),
      },
      {
        // setuptools-scm reads the version from .git when `pip install .` builds the project.
        name: "a project whose version comes from git: created without .git",
        dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir .\n",
        projectFiles: { "pyproject.toml": "[build-system]\nrequires = [\"setuptools>=64\", \"setuptools-scm>=8\"]\nbuild-backend = \"setuptools.build_meta\"\n\n[project]\nname = \"app\"\ndynamic = [\"version\"]\n\n[tool.setuptools_scm]\n" },
        findings: ["3:missing"],
        output: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir .\n",
        dockerignoreOutput: created.replace(".git\n", ""),
        reasonIncludes: [".git stays in the context: pyproject.toml takes the project's version from git"],
      },
      {
        name: "hatch's version from vcs: created without .git",
        dockerfile: "FROM python:3.12-slim\nCOPY . /app\n",
        projectFiles: { "pyproject.toml": "[build-system]\nrequires = [\"hatchling\", \"hatch-vcs\"]\nbuild-backend = \"hatchling.build\"\n\n[tool.hatch.version]\nsource = \"vcs\"\n" },
        findings: ["2:missing"],
        output: "FROM python:3.12-slim\nCOPY . /app\n",
        dockerignoreOutput: created.replace(".git\n", ""),
      },
      {
        name: "a bind mount from another stage reads no context: dist/ is added",
        dockerfile: "FROM python:3.12-slim AS build\nRUN pip wheel -w /dist flask\nFROM python:3.12-slim\nCOPY . /app\nRUN --mount=type=bind,from=build,source=/dist,target=/tmp/dist pip install --no-cache-dir /tmp/dist/*.whl\n",
        findings: ["4:missing"],
        output: "FROM python:3.12-slim AS build\nRUN pip wheel -w /dist flask\nFROM python:3.12-slim\nCOPY . /app\nRUN --mount=type=bind,from=build,source=/dist,target=/tmp/dist pip install --no-cache-dir /tmp/dist/*.whl\n",
        dockerignoreOutput: created,
      },
    ],
  });
});
