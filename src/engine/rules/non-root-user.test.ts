import { describe, expect, it } from "vitest";
import { nonRootUser } from "./non-root-user";
import { fixture } from "../project/test-support";
import { runRuleTests } from "./rule-tester";
import { sizeEffect } from "./support/test-size-effect";

describe("security/non-root-user", () => {
  runRuleTests(nonRootUser, {
    valid: [
      { name: "a USER already", dockerfile: "FROM python:3.12-slim\nRUN useradd --uid 10001 app\nUSER 10001\nCMD [\"python\"]\n" },
      { name: "the entrypoint drops privileges", dockerfile: "FROM python:3.12-slim\nENTRYPOINT [\"gosu\", \"app\", \"python\"]\n" },
      { name: "a non-root base", dockerfile: "FROM gcr.io/distroless/python3-debian12:nonroot\nCMD [\"app.py\"]\n" },
      { name: "a Jupyter Docker Stacks image (runs as jovyan)", dockerfile: "FROM quay.io/jupyter/scipy-notebook:2024-05-27\nRUN pip install --no-cache-dir plotly\n" },
      // Lambda runs the function as its own user, and its images have no useradd.
      { name: "an AWS Lambda base image", dockerfile: "FROM public.ecr.aws/lambda/python:3.12\nCOPY app.py ${LAMBDA_TASK_ROOT}\nCMD [\"app.handler\"]\n" },
      { name: "an AWS Lambda base image from Docker Hub, USER root", dockerfile: "FROM amazon/aws-lambda-python:3.11\nUSER root\nCOPY app.py ${LAMBDA_TASK_ROOT}\nCMD [\"app.handler\"]\n" },
      { name: "a final stage built on a stage of the Lambda base", dockerfile: "FROM public.ecr.aws/lambda/python:3.11 AS base\nRUN pip install --no-cache-dir requests\nFROM base\nCOPY app.py ${LAMBDA_TASK_ROOT}\nCMD [\"app.handler\"]\n" },
      { name: "micromamba's image (runs as mambauser)", dockerfile: "FROM mambaorg/micromamba:1.5.8\nCMD [\"python\", \"main.py\"]\n" },
      // Corpus 099: a nanoserver image with a PowerShell SHELL; `RUN useradd` failed its build.
      { name: "a Windows base", dockerfile: "FROM python:3.6-windowsservercore AS python\nFROM mcr.microsoft.com/windows/nanoserver:10.0.14393.2068\nCOPY --from=python /Python /Python\nCMD [\"python.exe\"]\n" },
      { name: "USER set in the parent stage", dockerfile: "FROM python:3.12-slim AS base\nRUN useradd --uid 10001 app\nUSER app\nFROM base\nCMD [\"python\"]\n" },
      {
        // COPY --chown=app:app before `useradd app` fails the build ("unable to find user app"): the chown
        // RUN stays as it is.
        name: "chown -R of copied files to a user created after the COPY",
        dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN useradd app\nRUN chown -R app:app /app\nUSER app\nCMD [\"python\", \"main.py\"]\n",
        dockerignore: ".git\n",
      },
      {
        // A RUN wrote under /app before the chown: COPY --chown would leave /app/logs root's.
        name: "chown -R over what a RUN made too",
        dockerfile: "FROM python:3.12-slim\nRUN useradd --uid 10001 app\nWORKDIR /app\nCOPY . .\nRUN mkdir -p /app/logs\nRUN chown -R app:app /app\nUSER app\nCMD [\"python\", \"main.py\"]\n",
        dockerignore: ".git\n",
      },
      {
        name: "chown -R over a directory WORKDIR made below it",
        dockerfile: "FROM python:3.12-slim\nRUN useradd --uid 10001 app\nWORKDIR /app\nCOPY . .\nWORKDIR /app/data\nRUN chown -R app:app /app\nUSER app\nCMD [\"python\", \"main.py\"]\n",
        dockerignore: ".git\n",
      },
    ],
    invalid: [
      {
        // The base's own non-root user is not kept when the file switches back (hadolint DL3002).
        name: "a non-root base whose last USER is root",
        dockerfile: "FROM mambaorg/micromamba:1.5.10\nUSER root\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nCMD [\"python\", \"main.py\"]\n",
        findings: ["2:root"],
        output: "FROM mambaorg/micromamba:1.5.10\nUSER root\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nRUN useradd --create-home --uid 10001 app\nUSER 10001\nCMD [\"python\", \"main.py\"]\n",
      },
      {
        // ONBUILD triggers run in child builds as the last USER: a USER here would run their chown as gunicorn.
        name: "a base image with ONBUILD triggers: the finding, no USER line",
        dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nRUN pip install --no-cache-dir gunicorn==23.0.0 && useradd --system gunicorn\nONBUILD COPY . /app\nONBUILD RUN chown -R gunicorn:gunicorn /app\nCMD [\"gunicorn\", \"app:app\"]\n",
        findings: ["1:root"],
        output: null,
        messageIncludes: ["the ONBUILD trigger on line 4 runs in every image built on this one"],
      },
      {
        name: "no USER: created before CMD",
        dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\nCOPY app.py /app/\nCMD [\"python\", \"/app/app.py\"]\n",
        findings: ["1:root"],
        output: "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\nCOPY app.py /app/\nRUN useradd --create-home --uid 10001 app\nUSER 10001\nCMD [\"python\", \"/app/app.py\"]\n",
      },
      {
        // Distroless has no shell for `RUN useradd` (the build would stop there) and defines nonroot itself.
        name: "a distroless final stage runs as its own nonroot user",
        dockerfile: "FROM python:3.11-slim AS build\nRUN python -m venv /venv && /venv/bin/pip install --no-cache-dir flask\nFROM gcr.io/distroless/python3-debian12\nCOPY --from=build /venv /venv\nCMD [\"/venv/bin/python3\", \"app.py\"]\n",
        findings: ["3:root"],
        output: "FROM python:3.11-slim AS build\nRUN python -m venv /venv && /venv/bin/pip install --no-cache-dir flask\nFROM gcr.io/distroless/python3-debian12\nCOPY --from=build /venv /venv\nUSER 65532\nCMD [\"/venv/bin/python3\", \"app.py\"]\n",
        reasonIncludes: ["no shell to create a user", "UID 65532"],
      },
      {
        name: "alpine uses busybox adduser, at the end of the file",
        dockerfile: "FROM python:3.12-alpine\nCOPY app.py /app/",
        findings: ["1:root"],
        output: "FROM python:3.12-alpine\nCOPY app.py /app/\nRUN adduser -D -u 10001 app\nUSER 10001\n",
      },
      {
        // Fuzz case 67901 (seed 100, heredoc+req-line+line-swap), minimised: the file ends inside a line
        // continuation, so lines appended at its end joined it and USER never became an instruction.
        name: "the file ends inside a line continuation: the lines go after the stage's last instruction",
        dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n    mkdir -p /data && \\",
        findings: ["1:root"],
        output: "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\nRUN useradd --create-home --uid 10001 app\nUSER 10001\n    mkdir -p /data && \\",
      },
      {
        name: "the same after a heredoc RUN: the lines go after its terminator, not into its body",
        dockerfile: "FROM python:3.12-slim\nRUN <<EOF\npip install --no-cache-dir flask\nEOF\n    mkdir -p /data && \\",
        findings: ["1:root"],
        output: "FROM python:3.12-slim\nRUN <<EOF\npip install --no-cache-dir flask\nEOF\nRUN useradd --create-home --uid 10001 app\nUSER 10001\n    mkdir -p /data && \\",
      },
      {
        name: "the last RUN continues to the end of the file: no place after it, no rewrite",
        dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask && \\\n",
        findings: ["1:root"],
        output: null,
      },
      {
        name: "a user created but never used",
        dockerfile: "FROM python:3.12-slim\nRUN adduser --uid 1000 --disabled-password --gecos \"\" flaskuser\nCOPY . /app\nCMD [\"gunicorn\", \"app:app\"]\n",
        dockerignore: ".git\n",
        findings: ["1:root"],
        output: "FROM python:3.12-slim\nRUN adduser --uid 1000 --disabled-password --gecos \"\" flaskuser\nCOPY . /app\nUSER flaskuser\nCMD [\"gunicorn\", \"app:app\"]\n",
      },
      {
        name: "chown -R after COPY becomes COPY --chown",
        dockerfile: "FROM python:3.12-slim\nRUN useradd --uid 10001 app\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nRUN chown -R app:app /app\nUSER app\nCMD [\"python\", \"main.py\"]\n",
        dockerignore: ".git\n",
        findings: ["6:chown"],
        // WORKDIR made /app as root: the chown, without -R, keeps it the user's (the app writes there).
        // The pip install ran in /app and wrote nothing there.
        output: "FROM python:3.12-slim\nRUN useradd --uid 10001 app\nWORKDIR /app\nCOPY --chown=app:app . .\nRUN pip install --no-cache-dir -r requirements.txt\nRUN chown app:app /app\nUSER app\nCMD [\"python\", \"main.py\"]\n",
        reasonIncludes: ["2.00 MB", "saves that second copy", "`chown app:app /app` without -R keeps the directory itself the user's"],
      },

      {
        // Corpus file 119: the lines went between `# Comando por defecto…` and the CMD it describes.
        name: "the user lines go above the comment that describes the CMD",
        dockerfile: "FROM python:3.12-slim\nCOPY app.py /app/\n\n# start the app\n# (port 8000)\nCMD [\"python\", \"/app/app.py\"]\n",
        findings: ["1:root"],
        output: "FROM python:3.12-slim\nCOPY app.py /app/\n\nRUN useradd --create-home --uid 10001 app\nUSER 10001\n# start the app\n# (port 8000)\nCMD [\"python\", \"/app/app.py\"]\n",
      },
      {
        // BuildKit lexes USER's word: `USER 'root'` is root. Read raw, it was a user named 'root', quotes included.
        name: "a quoted USER root",
        dockerfile: "FROM python:3.12-slim\nUSER 'root'\nCMD [\"python\"]\n",
        findings: ["2:root"],
        output: "FROM python:3.12-slim\nUSER 'root'\nRUN useradd --create-home --uid 10001 app\nUSER 10001\nCMD [\"python\"]\n",
      },
      {
        // Corpus 053 (wagtail bakerydemo), minimised: the media folder is made writable for 1000:2000 only.
        // USER 10001 left the app unable to write its uploads; it must run as the owner the chown names.
        name: "a folder chowned for the app: USER that owner, no new user",
        dockerfile: "FROM python:3.12-slim\nCOPY . /code/\nRUN mkdir -p /code/media && chown -R 1000:2000 /code/media\nCMD [\"uwsgi\", \"/code/uwsgi.ini\"]\n",
        dockerignore: ".git\n",
        findings: ["1:root"],
        output: "FROM python:3.12-slim\nCOPY . /code/\nRUN mkdir -p /code/media && chown -R 1000:2000 /code/media\nUSER 1000:2000\nCMD [\"uwsgi\", \"/code/uwsgi.ini\"]\n",
        reasonIncludes: ["chown"],
      },
      {
        // Corpus 115 (netbox), minimised: a package's own user owns the server's state; `--from` takes a value.
        name: "a named owner, after chown options that take a value",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends unit && chown --from root:root -R unit:root /opt/unit/\nCMD [\"unitd\"]\n",
        findings: ["1:root"],
        output: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends unit && chown --from root:root -R unit:root /opt/unit/\nUSER unit:root\nCMD [\"unitd\"]\n",
      },
      {
        name: "chown to root names no app user: a new one",
        dockerfile: "FROM python:3.12-slim\nRUN mkdir /data && chown root:root /data\nCMD [\"python\"]\n",
        findings: ["1:root"],
        output: "FROM python:3.12-slim\nRUN mkdir /data && chown root:root /data\nRUN useradd --create-home --uid 10001 app\nUSER 10001\nCMD [\"python\"]\n",
      },
      {
        name: "chown -R to a numeric owner needs no user: COPY --chown",
        dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN chown -R 10001:10001 /app\nUSER 10001\nCMD [\"python\", \"main.py\"]\n",
        dockerignore: ".git\n",
        findings: ["4:chown"],
        output: "FROM python:3.12-slim\nWORKDIR /app\nCOPY --chown=10001:10001 . .\nRUN chown 10001:10001 /app\nUSER 10001\nCMD [\"python\", \"main.py\"]\n",
      },
      {
        // Corpus 090, minimised: the venv is in /root, mode 700; USER 10001 could not run it.
        name: "the app's venv in root's home: no USER offered",
        dockerfile: "FROM python:3.12-alpine\nRUN python -m venv /root/.venv && /root/.venv/bin/pip install --no-cache-dir flask\n",
        findings: ["1:root"],
        messageIncludes: ["No USER line is offered: line 2 keeps what the app runs in root's home"],
        output: null,
      },
      {
        // Poetry's default virtualenvs live under ~/.cache/pypoetry: the packages are in /root all the same
        // (found by the fuzz once the build check reported them, seed 100 case 436).
        name: "poetry's default venv under /root/.cache: no USER offered",
        dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root\nCMD [\"poetry\", \"run\", \"python\", \"main.py\"]\n",
        projectFiles: { "pyproject.toml": fixture("pyproject-poetry.toml"), "poetry.lock": fixture("poetry.lock") },
        findings: ["1:root"],
        messageIncludes: ["No USER line is offered: line 4 keeps what the app runs in root's home"],
        output: null,
      },
      {
        // Corpus 103: WORKDIR /root/onboarding; another user cannot enter it, and the container does not start.
        name: "the work directory in root's home: no USER offered",
        dockerfile: "FROM python:3.12-slim\nWORKDIR /root/app\nCOPY . .\nCMD [\"python\", \"main.py\"]\n",
        dockerignore: ".git\n",
        findings: ["1:root"],
        output: null,
      },
      {
        name: "pip install --user as root puts the packages in /root/.local: no USER offered",
        dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir --user flask\nENV PATH=/root/.local/bin:$PATH\nCMD [\"flask\", \"run\"]\n",
        findings: ["1:root"],
        messageIncludes: ["line 2 keeps what the app runs in root's home", "(/root is mode 700)"],
        output: null,
      },
      {
        // Playwright downloads the browsers to ~/.cache/ms-playwright of the user who runs
        // the install; as uid 10001 the app looks in /home/app/.cache and cannot enter /root.
        name: "playwright install as root, browsers in /root/.cache: no USER offered",
        dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nRUN pip install --no-cache-dir playwright==1.47.0 && playwright install --with-deps chromium\nCOPY app.py .\nCMD [\"python\", \"app.py\"]\n",
        findings: ["1:root"],
        messageIncludes: ["No USER line is offered: line 3 runs playwright install as root", "Set ENV PLAYWRIGHT_BROWSERS_PATH=/ms-playwright before that line"],
        output: null,
      },
      {
        // An empty value is Playwright's default: the installing user's ~/.cache.
        name: "python -m playwright install with an empty browsers path: no USER offered",
        dockerfile: "FROM python:3.12-slim\nENV PLAYWRIGHT_BROWSERS_PATH=\"\"\nRUN pip install --no-cache-dir playwright==1.47.0 && python -m playwright install chromium\nCMD [\"python\", \"app.py\"]\n",
        findings: ["1:root"],
        messageIncludes: ["line 3 runs playwright install as root"],
        output: null,
      },
      {
        // The official Playwright images' way: the browsers in /ms-playwright, readable by any user.
        name: "playwright install with PLAYWRIGHT_BROWSERS_PATH outside /root: USER offered",
        dockerfile: "FROM python:3.12-slim\nENV PLAYWRIGHT_BROWSERS_PATH=/ms-playwright\nRUN pip install --no-cache-dir playwright==1.47.0 && playwright install --with-deps chromium\nCMD [\"python\", \"app.py\"]\n",
        findings: ["1:root"],
        output: "FROM python:3.12-slim\nENV PLAYWRIGHT_BROWSERS_PATH=/ms-playwright\nRUN pip install --no-cache-dir playwright==1.47.0 && playwright install --with-deps chromium\nRUN useradd --create-home --uid 10001 app\nUSER 10001\nCMD [\"python\", \"app.py\"]\n",
      },
      {
        name: "the browsers path set on the install command: USER offered",
        dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir playwright==1.47.0 && PLAYWRIGHT_BROWSERS_PATH=/ms-playwright playwright install chromium\nCMD [\"python\", \"app.py\"]\n",
        findings: ["1:root"],
        output: "FROM python:3.12-slim\nRUN pip install --no-cache-dir playwright==1.47.0 && PLAYWRIGHT_BROWSERS_PATH=/ms-playwright playwright install chromium\nRUN useradd --create-home --uid 10001 app\nUSER 10001\nCMD [\"python\", \"app.py\"]\n",
      },
      {
        name: "the browsers path exported in the install's RUN: USER offered",
        dockerfile: "FROM python:3.12-slim\nRUN export PLAYWRIGHT_BROWSERS_PATH=/ms-playwright && pip install --no-cache-dir playwright==1.47.0 && playwright install chromium\nCMD [\"python\", \"app.py\"]\n",
        findings: ["1:root"],
        output: "FROM python:3.12-slim\nRUN export PLAYWRIGHT_BROWSERS_PATH=/ms-playwright && pip install --no-cache-dir playwright==1.47.0 && playwright install chromium\nRUN useradd --create-home --uid 10001 app\nUSER 10001\nCMD [\"python\", \"app.py\"]\n",
      },
      {
        // Corpus 083, minimised: start_server.sh starts nginx, whose pid file and state are root's.
        name: "the image installs nginx: no USER offered",
        dockerfile: "FROM python:3.12-alpine\nRUN apk add --no-cache nginx\nCOPY . /app\nCMD [\"/bin/sh\", \"/app/start_server.sh\"]\n",
        dockerignore: ".git\n",
        findings: ["1:root"],
        messageIncludes: ["No USER line is offered: line 2 installs nginx, which starts as root"],
        output: null,
      },
      {
        name: "explicit USER root",
        dockerfile: "FROM python:3.12-slim\nUSER root\nCMD [\"python\"]\n",
        findings: ["2:root"],
        output: "FROM python:3.12-slim\nUSER root\nRUN useradd --create-home --uid 10001 app\nUSER 10001\nCMD [\"python\"]\n",
      },
    ],
  });
});

describe("security/non-root-user: COPY --chown instead of chown -R", () => {
  it("saves the second copy the chown RUN stored", () => {
    const dockerfile = "FROM python:3.12-slim\nRUN useradd --uid 10001 app\nWORKDIR /app\nCOPY . .\nRUN chown -R app:app /app\nUSER app\nCMD [\"python\", \"main.py\"]\n";
    const { before, after } = sizeEffect(nonRootUser, { dockerfile, dockerignore: ".git\n" });
    const copied = before.layers.find((l) => l.line === 4)?.bytes ?? 0;
    expect(copied).toBeGreaterThan(0);
    expect(before.totalBytes - after.totalBytes).toBe(copied);
  });
});
