// size/pipenv-multistage — `pipenv install` in the final stage ships pipenv (with virtualenv and its
// seed wheels) and the compilers. The builder installs into an in-project venv (PIPENV_VENV_IN_PROJECT,
// pipenv.pypa.io/en/latest/configuration.html, 2026-12) and the final stage copies it.
import { toolMultistageRule } from "./support/tool-multistage-rule";

export const pipenvMultistage = toolMultistageRule("pipenv", {
  id: "size/pipenv-multistage",
  title: "Build the pipenv venv in a builder stage",
  category: "size",
  severity: "warning",
  fixSafety: "suggestion",
  hadolint: null,
  docs: {
    what: "Splits a final stage that runs `pipenv install` into a builder stage that installs into an in-project virtual environment (ENV PIPENV_VENV_IN_PROJECT=1 added where missing) and a final stage on the same python image that copies only the venv.",
    why: "pipenv, virtualenv and their dependencies, pip's cache and any compilers are only needed to install. pipenv's default venv lives under the user's home with a hashed name; in the project it is a known path.",
    before: "FROM python:3.12-slim\nRUN pip install pipenv\nWORKDIR /app\nCOPY . .\nRUN pipenv install --deploy\nCMD [\"python\", \"app.py\"]\n",
    after: "FROM python:3.12-slim AS builder\nRUN pip install pipenv\nWORKDIR /app\nCOPY . .\nENV PIPENV_VENV_IN_PROJECT=1\nRUN pipenv install --deploy\n\nFROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCOPY --from=builder /app/.venv /app/.venv\nENV PATH=\"/app/.venv/bin:$PATH\"\nCMD [\"python\", \"app.py\"]\n",
    safety: "A suggestion: the app must run from the venv's python (PATH), not through `pipenv run`. Not offered for `pipenv install --system` (packages spread over /usr/local), --dev installs, non-official python images, or a non-root USER before the install.",
  },
  messages: {
    single: "The final stage builds its environment with {{tool}}, so the image keeps {{what}}: build {{venv}} in a builder stage and copy only the venv.",
    noSplit: "The final stage builds its environment with {{tool}}, so the image keeps {{what}}. No builder stage is offered: {{reason}}.",
  },
});
