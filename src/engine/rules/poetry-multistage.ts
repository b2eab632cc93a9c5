// size/poetry-multistage — `poetry install` in the final stage ships poetry (with its own dependencies),
// its cache and the compilers. The builder installs into an in-project venv (POETRY_VIRTUALENVS_IN_PROJECT,
// python-poetry.org/docs/configuration/#virtualenvsin-project, 2026-12) and the final stage copies it.
import { toolMultistageRule } from "./support/tool-multistage-rule";

export const poetryMultistage = toolMultistageRule("poetry", {
  id: "size/poetry-multistage",
  title: "Build the poetry venv in a builder stage",
  category: "size",
  severity: "warning",
  fixSafety: "suggestion",
  hadolint: null,
  docs: {
    what: "Splits a final stage that runs `poetry install` into a builder stage that installs into an in-project virtual environment (ENV POETRY_VIRTUALENVS_IN_PROJECT=1 and --only main added where missing) and a final stage on the same python image that copies only the venv.",
    why: "poetry and its dependencies (tens of MB), its cache and any compilers are only needed to install. By default poetry's venv lives under its cache directory with a hashed name, which a final stage could not name: in the project it is a known path.",
    before: "FROM python:3.12-slim\nRUN pip install poetry\nWORKDIR /app\nCOPY . .\nRUN poetry install --no-root\nCMD [\"python\", \"app.py\"]\n",
    after: "FROM python:3.12-slim AS builder\nRUN pip install poetry\nWORKDIR /app\nCOPY . .\nENV POETRY_VIRTUALENVS_IN_PROJECT=1\nRUN poetry install --no-root --only main\n\nFROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCOPY --from=builder /app/.venv /app/.venv\nENV PATH=\"/app/.venv/bin:$PATH\"\nCMD [\"python\", \"app.py\"]\n",
    safety: "A suggestion: --only main leaves out the other groups (dev, test), which the app should not need at run time but might. Not offered where poetry installs into the system Python (virtualenvs.create false without a VIRTUAL_ENV), on non-official python images, with a non-root USER before the install, or where the app starts with `poetry run`. `poetry export` + pip is size/multistage's case.",
  },
  messages: {
    single: "The final stage builds its environment with {{tool}}, so the image keeps {{what}}: build {{venv}} in a builder stage and copy only the venv.",
    noSplit: "The final stage builds its environment with {{tool}}, so the image keeps {{what}}. No builder stage is offered: {{reason}}.",
  },
});
