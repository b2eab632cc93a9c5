// size/uv-multistage — `uv sync` in the final stage ships uv, its cache and whatever compiled the wheels.
// uv's Docker guide builds the project's venv in a builder stage and copies only the venv into an image
// without uv (docs.astral.sh/uv/guides/integration/docker/#non-editable-installs, 2026-12).
import { toolMultistageRule } from "./support/tool-multistage-rule";

export const uvMultistage = toolMultistageRule("uv", {
  id: "size/uv-multistage",
  title: "Build the uv venv in a builder stage",
  category: "size",
  severity: "warning",
  fixSafety: "suggestion",
  hadolint: null,
  docs: {
    what: "Splits a final stage that runs `uv sync` into a builder stage that builds the project's virtual environment (with --no-dev and --no-editable added where missing) and a final stage on the same python image that copies only the venv and puts its bin first on PATH. An alternative also sets UV_COMPILE_BYTECODE=1 (and UV_LINK_MODE=copy beside a cache mount) where the file does not say.",
    why: "uv, its cache of unpacked wheels, the dev dependencies and any compilers are only needed to build the environment. The venv's python is a link to the base image's interpreter, so the same image in both stages runs it unchanged.",
    before: "FROM python:3.12-slim\nRUN pip install uv\nWORKDIR /app\nCOPY . .\nRUN uv sync --frozen\nCMD [\"python\", \"app.py\"]\n",
    after: "FROM python:3.12-slim AS builder\nRUN pip install uv\nWORKDIR /app\nCOPY . .\nRUN uv sync --frozen --no-dev --no-editable\n\nFROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCOPY --from=builder /app/.venv /app/.venv\nENV PATH=\"/app/.venv/bin:$PATH\"\nCMD [\"python\", \"app.py\"]\n",
    safety: "A suggestion: --no-dev leaves out the dev group, which the app should not need at run time but might. Only on official python images (the venv links to /usr/local/bin/python), with no non-root USER before the install, not where the app starts with `uv run` (uv is not in the final image), and not where a later RUN installs more packages (pip or uv pip after uv sync would run in the final stage, without uv and the compilers). Bytecode: uv writes no .pyc unless asked; the alternative asks, which costs about 47% of pure packages' size and saves compiling at every start.",
  },
  messages: {
    single: "The final stage builds its environment with {{tool}}, so the image keeps {{what}}: build {{venv}} in a builder stage and copy only the venv.",
    noSplit: "The final stage builds its environment with {{tool}}, so the image keeps {{what}}. No builder stage is offered: {{reason}}.",
  },
});
