// The build check's contract, as must-fire / must-not-fire tables over whole Dockerfiles (the check reads
// the estimator's walk, so it is tested through `analyze`, as the playground and the CLI call it).
import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";

const SLIM = "FROM python:3.12-slim";
const ALPINE = "FROM python:3.12-alpine";
const REQS = [{ path: "requirements.txt", content: "flask==3.0.3\n" }];

function found(dockerfile: string, options: { requirements?: { path: string; content: string }[]; dockerignore?: string | null } = {}): string[] {
  const analysis = analyze({ dockerfile, requirements: options.requirements ?? REQS, dockerignore: options.dockerignore ?? null });
  return analysis.buildCheck.map((f) => `${f.severity} ${f.code} ${f.subject} @${f.line}`);
}

interface Case {
  readonly name: string;
  readonly dockerfile: string;
  readonly expected: readonly string[];
  readonly requirements?: { path: string; content: string }[];
  readonly dockerignore?: string;
  /** What every finding's message must say, beside its code and subject. */
  readonly message?: RegExp;
}

function table(cases: readonly Case[]): void {
  it.each(cases)("$name", ({ dockerfile, expected, requirements, dockerignore, message }) => {
    expect(found(dockerfile, { ...(requirements === undefined ? {} : { requirements }), dockerignore: dockerignore ?? null })).toEqual(expected);
    if (message !== undefined) {
      for (const f of analyze({ dockerfile, requirements: requirements ?? REQS, dockerignore: dockerignore ?? null }).buildCheck) expect(f.message).toMatch(message);
    }
  });
}

describe("executables", () => {
  table([
    { name: "pip after a self-upgrade into a prefix is gone", dockerfile: `${SLIM}\nCOPY requirements.txt .\nRUN pip install --prefix=/install --upgrade pip && pip install --prefix=/install -r requirements.txt\n`, expected: ["error pip-removed pip @3"] },
    { name: "python -m pip after it is gone too", dockerfile: `${SLIM}\nCOPY requirements.txt .\nRUN pip install --prefix=/install --upgrade pip\nRUN python -m pip install -r requirements.txt\n`, expected: ["error pip-removed pip @4"] },
    { name: "a plain pip self-upgrade keeps pip", dockerfile: `${SLIM}\nCOPY requirements.txt .\nRUN pip install --upgrade pip && pip install -r requirements.txt\n`, expected: [] },
    { name: "a venv's pip survives its own upgrade", dockerfile: `${SLIM}\nCOPY requirements.txt .\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install --upgrade pip && /opt/venv/bin/pip install -r requirements.txt\n`, expected: [] },
    { name: "a prefix install without upgrading pip keeps pip", dockerfile: `${SLIM}\nCOPY requirements.txt .\nRUN pip install --prefix=/install -r requirements.txt && pip list\n`, expected: [] },
    { name: "git+ requirement on slim: no git", dockerfile: `${SLIM}\nRUN pip install git+https://github.com/pallets/flask.git\n`, expected: ["error missing-executable git @2"] },
    { name: "git+ requirement in a requirements file", dockerfile: `${SLIM}\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n`, requirements: [{ path: "requirements.txt", content: "flask @ git+https://github.com/pallets/flask.git\n" }], expected: ["error missing-executable git @3"] },
    { name: "git+ requirement on the full image (buildpack-deps has git)", dockerfile: "FROM python:3.12\nRUN pip install git+https://github.com/pallets/flask.git\n", expected: [] },
    { name: "git installed first", dockerfile: `${SLIM}\nRUN apt-get update && apt-get install -y --no-install-recommends git && pip install git+https://github.com/pallets/flask.git\n`, expected: [] },
    { name: "apt-get on Alpine", dockerfile: `${ALPINE}\nRUN apt-get update\n`, expected: ["error apt-on-alpine apt-get @2"] },
    { name: "apk on Debian", dockerfile: `${SLIM}\nRUN apk add --no-cache curl\n`, expected: ["error apk-on-debian apk @2"] },
    // Debian's names in an apk add (knowledge/alpine-names.ts): apk cannot select them.
    { name: "Debian names on Alpine", dockerfile: `${ALPINE}\nRUN apk add --no-cache build-essential libpq-dev gdal-bin\n`, expected: ["error unknown-package build-essential@alpine @2", "error unknown-package gdal-bin@alpine @2"], message: /Alpine's is (build-base|gdal-tools)\./ },
    // Alpine's busybox has adduser/addgroup; useradd, groupadd and usermod come with the shadow package.
    { name: "useradd on Alpine", dockerfile: `${ALPINE}\nRUN useradd -m -u 1000 user\nUSER user\n`, expected: ["error missing-executable useradd @2"] },
    { name: "groupadd on Alpine", dockerfile: `${ALPINE}\nRUN groupadd -g 1000 app\n`, expected: ["error missing-executable groupadd @2"] },
    { name: "useradd on Alpine after apk add shadow", dockerfile: `${ALPINE}\nRUN apk add --no-cache shadow && useradd -m -u 1000 user\n`, expected: [] },
    { name: "busybox adduser on Alpine", dockerfile: `${ALPINE}\nRUN adduser -D -u 1000 user\n`, expected: [] },
    { name: "useradd on Debian (passwd is required)", dockerfile: `${SLIM}\nRUN useradd -m -u 1000 user && usermod -aG users user\n`, expected: [] },
    { name: "useradd on an unknown base: nothing said", dockerfile: "FROM registry.example.com/base:1\nRUN useradd -m user\n", expected: [] },
    // Alpine's images have busybox sh, no bash.
    { name: "SHELL bash on Alpine", dockerfile: `${ALPINE}\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN pip install flask\n`, expected: ["error missing-executable bash @2"] },
    { name: "CMD bash on Alpine", dockerfile: `${ALPINE}\nCMD ["bash", "-c", "flask run"]\n`, expected: ["error missing-executable bash @2"] },
    { name: "bash installed first", dockerfile: `${ALPINE}\nRUN apk add --no-cache bash\nSHELL ["/bin/bash", "-c"]\nCMD ["bash"]\n`, expected: [] },
    // The commands inside are read (pip here); bash itself runs them, and Alpine has none.
    { name: "RUN /bin/bash -c on Alpine", dockerfile: `${ALPINE}\nRUN /bin/bash -c "pip install --no-cache-dir flask"\n`, expected: ["error missing-executable bash @2"] },
    { name: "RUN sh -c on Alpine", dockerfile: `${ALPINE}\nRUN sh -c "pip install --no-cache-dir flask"\n`, expected: [] },
    { name: "RUN bash -c on Debian slim", dockerfile: `${SLIM}\nRUN bash -c "pip install --no-cache-dir flask"\n`, expected: [] },
    { name: "bash on Debian slim", dockerfile: `${SLIM}\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nCMD ["/bin/bash"]\n`, expected: [] },
    { name: "a builder stage's CMD does not start the container", dockerfile: `${ALPINE} AS build\nCMD ["bash"]\n${SLIM}\nCMD ["bash"]\n`, expected: [] },
    // `. venv/bin/activate` lasts for its own RUN: the next RUN is a new shell, with the system's PATH.
    { name: "a venv activated in a RUN of its own", dockerfile: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends python3 python3-venv\nRUN python3 -m venv /env && . /env/bin/activate\nRUN pip install requests\n", expected: ["error missing-executable pip @4"] },
    { name: "a venv activated in the install's own RUN", dockerfile: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends python3 python3-venv\nRUN python3 -m venv /env && . /env/bin/activate && pip install requests\n", expected: [] },
    // /bin/sh is dash on Debian and Ubuntu: no `source`.
    { name: "source under Debian's sh", dockerfile: `${SLIM}\nRUN python -m venv /opt/venv && source /opt/venv/bin/activate && pip install flask\n`, expected: ["error missing-executable source @2"] },
    { name: "source under a bash SHELL", dockerfile: `${SLIM}\nSHELL ["/bin/bash", "-c"]\nRUN python -m venv /opt/venv && source /opt/venv/bin/activate && pip install flask\n`, expected: [] },
    { name: "source in a stage built on one with a bash SHELL", dockerfile: `${SLIM} AS base\nSHELL ["/bin/bash", "-c"]\nFROM base\nRUN python -m venv /opt/venv && source /opt/venv/bin/activate\n`, expected: [] },
    { name: "source inside bash -c", dockerfile: `${SLIM}\nRUN bash -c "python -m venv /opt/venv && source /opt/venv/bin/activate && pip install flask"\n`, expected: [] },
    { name: "source under Alpine's busybox sh", dockerfile: `${ALPINE}\nRUN python -m venv /opt/venv && source /opt/venv/bin/activate && pip install flask\n`, expected: [] },
    { name: "uv never installed", dockerfile: `${SLIM}\nRUN uv pip install --system flask\n`, expected: ["error missing-executable uv @2"] },
    { name: "uv installed by pip", dockerfile: `${SLIM}\nRUN pip install uv && uv pip install --system flask\n`, expected: [] },
    { name: "uv copied from its image", dockerfile: `${SLIM}\nCOPY --from=ghcr.io/astral-sh/uv:latest /uv /uvx /bin/\nRUN uv pip install --system flask\n`, expected: [] },
    { name: "uv copied from a stage on its image", dockerfile: `FROM ghcr.io/astral-sh/uv:0.9.5 AS uv\n${SLIM}\nCOPY --from=uv /uv /bin/uv\nRUN uv pip install --system flask\n`, expected: [] },
    { name: "only uvx copied from a stage on uv's image", dockerfile: `FROM ghcr.io/astral-sh/uv:0.9.5 AS uv\n${SLIM}\nCOPY --from=uv /uvx /bin/\nRUN uv pip install --system flask\n`, expected: ["error missing-executable uv @4"] },
    { name: "a tool copied from a stage on an unknown image", dockerfile: `FROM example.com/team/tools:1 AS tools\n${SLIM}\nCOPY --from=tools /opt/uv-build /usr/local/bin/uv\nRUN uv pip install --system flask\n`, expected: [] },
    { name: "a tool copied from an unknown image under another name", dockerfile: `${SLIM}\nCOPY --from=example.com/team/tools:1 /opt/uv-build /usr/local/bin/uv\nRUN uv pip install --system flask\n`, expected: [] },
    { name: "poetry never installed", dockerfile: `${SLIM}\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root\n`, expected: ["error missing-executable poetry @3"] },
    { name: "poetry from an installer script the model cannot follow", dockerfile: `${SLIM}\nRUN apt-get update && apt-get install -y curl\nRUN curl -sSL https://install.python-poetry.org | python3 -\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root\n`, expected: [] },
    { name: "pipenv never installed", dockerfile: `${SLIM}\nCOPY Pipfile Pipfile.lock ./\nRUN pipenv install --system --deploy\n`, expected: ["error missing-executable pipenv @3"] },
    { name: "packages the model cannot read may bring anything", dockerfile: `${SLIM}\nRUN apt-get update && apt-get install -y $(cat /etc/build-packages)\nRUN make\n`, expected: [] },
    { name: "make on slim", dockerfile: `${SLIM}\nRUN make\n`, expected: ["error missing-executable make @2"] },
    { name: "a fallback after || is not required to exist", dockerfile: `${SLIM}\nRUN uv --version || pip install uv\n`, expected: [] },
    { name: "a probe after other commands of its RUN", dockerfile: `${SLIM}\nRUN echo a && uv --version || pip install uv\n`, expected: [] },
    { name: "a probe in a later RUN", dockerfile: `${SLIM}\nRUN echo a && echo b\nRUN echo c && uv --version || pip install uv\n`, expected: [] },
    { name: "the command before a probe is required", dockerfile: `${SLIM}\nRUN uv pip install flask && uv --version || pip install uv\n`, expected: ["error missing-executable uv @2"] },
    { name: "gcc needed for a source build on slim", dockerfile: `${SLIM}\nRUN pip install --no-cache-dir psycopg2\n`, expected: ["error source-build-needs-compiler psycopg2 @2"] },
    { name: "gcc installed for it", dockerfile: `${SLIM}\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev libpq-dev && pip install --no-cache-dir psycopg2\n`, expected: [] },
    // gcc only Recommends libc6-dev, and libpq-dev's Depends (libpq5, libssl-dev) do not reach it: no stdio.h.
    { name: "gcc without libc's headers", dockerfile: `${SLIM}\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && pip install --no-cache-dir psycopg2\n`, expected: ["error source-build-needs-libc-headers psycopg2 @2"] },
    { name: "gcc with its Recommends", dockerfile: `${SLIM}\nRUN apt-get update && apt-get install -y gcc libpq-dev && pip install --no-cache-dir psycopg2\n`, expected: [] },
    // A compiler and libc's headers are not enough: psycopg2's build runs libpq-dev's pg_config.
    { name: "gcc and libc6-dev without libpq-dev", dockerfile: `${SLIM}\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev && pip install --no-cache-dir psycopg2\n`, expected: ["error source-build-needs-headers psycopg2 @2"], message: /not libpq-dev, whose headers and pg_config its build reads/ },
    { name: "gcc, libc6-dev and libpq-dev", dockerfile: `${SLIM}\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev libpq-dev && pip install --no-cache-dir psycopg2\n`, expected: [] },
    { name: "Alpine's gcc without musl-dev", dockerfile: `${ALPINE}\nRUN apk add --no-cache gcc postgresql-dev && pip install --no-cache-dir psycopg2\n`, expected: ["error source-build-needs-libc-headers psycopg2 @2"] },
    { name: "an unknown base image: nothing is said missing", dockerfile: "FROM example.com/team/base:1\nRUN uv pip install --system flask\n", expected: [] },
    // Images with no shell at all: a shell-form RUN cannot start /bin/sh.
    { name: "a shell-form RUN on distroless", dockerfile: "FROM gcr.io/distroless/python3-debian12\nCOPY app.py /app/\nRUN chmod +x /app/app.py\n", expected: ["error missing-executable sh @3"] },
    { name: "on distroless pinned by digest, in a stage built on it", dockerfile: "FROM gcr.io/distroless/python3-debian12:nonroot@sha256:" + "a".repeat(64) + " AS base\nFROM base\nRUN echo hi\n", expected: ["error missing-executable sh @3"] },
    { name: "on scratch", dockerfile: "FROM scratch\nCOPY app /app\nRUN echo hi\n", expected: ["error missing-executable sh @3"] },
    { name: "on Chainguard's standard image", dockerfile: "FROM cgr.dev/chainguard/python:latest\nRUN echo hi\n", expected: ["error missing-executable sh @2"] },
    { name: "distroless :debug has busybox", dockerfile: "FROM gcr.io/distroless/python3-debian12:debug\nRUN echo hi\n", expected: [] },
    { name: "Chainguard's -dev image has a shell", dockerfile: "FROM cgr.dev/chainguard/python:latest-dev\nRUN echo hi\n", expected: [] },
    // The final stage's CMD, ENTRYPOINT and HEALTHCHECK in shell form run /bin/sh -c at start: the build passes, the container does not.
    { name: "a shell-form CMD on distroless", dockerfile: "FROM gcr.io/distroless/python3-debian12\nCOPY app.py /app/\nCMD python3 /app/app.py\n", expected: ["error missing-executable sh @3"], message: /shell-form CMD, which Docker runs with \/bin\/sh -c/ },
    { name: "a shell-form HEALTHCHECK on distroless", dockerfile: "FROM gcr.io/distroless/python3-debian12\nCOPY app.py /app/\nHEALTHCHECK --interval=30s CMD python3 -c \"print(1)\" || exit 1\nCMD [\"/app/app.py\"]\n", expected: ["error missing-executable sh @3"], message: /never runs and the container is reported unhealthy/ },
    { name: "exec-form CMD and HEALTHCHECK need no shell", dockerfile: "FROM gcr.io/distroless/python3-debian12\nCOPY app.py /app/\nHEALTHCHECK CMD [\"python3\", \"-c\", \"print(1)\"]\nCMD [\"/app/app.py\"]\n", expected: [] },
    { name: "only the last CMD counts, and a builder's CMD never runs", dockerfile: "FROM python:3.12-slim AS build\nCMD python app.py\nFROM gcr.io/distroless/python3-debian12\nCMD python3 app.py\nCMD [\"app.py\"]\n", expected: [] },
    { name: "HEALTHCHECK NONE", dockerfile: "FROM gcr.io/distroless/python3-debian12\nHEALTHCHECK NONE\nCMD [\"app.py\"]\n", expected: [] },
    { name: "an exec-form RUN needs no shell", dockerfile: "FROM gcr.io/distroless/python3-debian12\nRUN [\"python3\", \"-m\", \"compileall\", \"/app\"]\n", expected: [] },
    { name: "a SHELL instruction names the shell", dockerfile: "FROM gcr.io/distroless/python3-debian12:debug\nSHELL [\"/busybox/sh\", \"-c\"]\nFROM gcr.io/distroless/python3-debian12\nCOPY --from=0 /busybox /busybox\nSHELL [\"/busybox/sh\", \"-c\"]\nRUN echo hi\n", expected: [] },
    // wrapt 1.14.1 has no cp313 wheel: pip builds the sdist, whose setup.py installs pure Python when its
    // C extension cannot compile. psycopg2 has no such fallback.
    { name: "an optional C extension needs no compiler", dockerfile: "FROM python:3.13-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n", requirements: [{ path: "requirements.txt", content: "wrapt==1.14.1\n" }], expected: [] },
    // psycopg2 2.7 shipped manylinux wheels; the tables hold 2.9.10, which has none: not a certain failure.
    { name: "a pin the tables lack, read from another minor series: a warning", dockerfile: "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n", requirements: [{ path: "requirements.txt", content: "psycopg2==2.7.7\n" }], expected: ["warning source-build-needs-compiler psycopg2 @3"] },
    { name: "a required C extension does", dockerfile: "FROM python:3.13-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n", requirements: [{ path: "requirements.txt", content: "psycopg2==2.9.10\n" }], expected: ["error source-build-needs-compiler psycopg2 @3"] },
    // Unpinned numpy is read as the tables' newest, whose wheels are for newer CPythons only and need a newer
    // glibc than stretch's 2.24; pip on 3.6 skips it (Requires-Python) for 1.19.5, with cp36 manylinux1
    // wheels: which release installs is not known, so no error. Pinned, it is the user's release: an error.
    { name: "unpinned, the newest release built for newer CPythons only: a warning", dockerfile: "FROM python:3.6-slim-stretch\nRUN pip install --no-cache-dir numpy\n", expected: ["warning source-build-needs-compiler numpy @2"], message: /Which numpy release pip installs here is not known/ },
    { name: "the same release pinned: an error", dockerfile: "FROM python:3.6-slim-stretch\nRUN pip install --no-cache-dir numpy==2.5.2\n", expected: ["error source-build-needs-compiler numpy @2"] },
    // torch publishes no sdist: the unpinned newest has no wheel here, but pip on 3.6 takes 1.10.2's cp36 wheel.
    { name: "unpinned, no wheel and no sdist of the newest release: a warning", dockerfile: "FROM python:3.6-slim-stretch\nRUN pip install --no-cache-dir torch\n", expected: ["warning no-installable-distribution torch @2"] },
    // uv sync installs into the project's .venv and ignores VIRTUAL_ENV (it only warns).
    { name: "uv sync with VIRTUAL_ENV elsewhere", dockerfile: `${SLIM}\nCOPY --from=ghcr.io/astral-sh/uv:0.9.5 /uv /bin/\nENV VIRTUAL_ENV=/opt/venv\nRUN uv venv /opt/venv\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen\n`, expected: ["warning uv-sync-ignores-virtual-env /opt/venv @7"] },
    { name: "uv sync --active uses VIRTUAL_ENV", dockerfile: `${SLIM}\nCOPY --from=ghcr.io/astral-sh/uv:0.9.5 /uv /bin/\nENV VIRTUAL_ENV=/opt/venv\nRUN uv venv /opt/venv\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --active\n`, expected: [] },
    { name: "uv sync with UV_PROJECT_ENVIRONMENT", dockerfile: `${SLIM}\nCOPY --from=ghcr.io/astral-sh/uv:0.9.5 /uv /bin/\nENV VIRTUAL_ENV=/opt/venv UV_PROJECT_ENVIRONMENT=/opt/venv\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen\n`, expected: [] },
    { name: "uv sync with VIRTUAL_ENV at the project's .venv", dockerfile: `${SLIM}\nCOPY --from=ghcr.io/astral-sh/uv:0.9.5 /uv /bin/\nENV VIRTUAL_ENV=/app/.venv\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen\n`, expected: [] },
    // python:3.10.13-slim was last built on bookworm (3.10.14 came out in 2024): bookworm's apt names apply.
    { name: "a patch tag reads the Debian release it was built on", dockerfile: "FROM python:3.10.13-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libgl1-mesa-glx\n", expected: [] },
    { name: "a current tag reads today's release", dockerfile: "FROM python:3.10-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libgl1-mesa-glx\n", expected: ["error unknown-package libgl1-mesa-glx@trixie @2"] },
    // Buster left deb.debian.org for archive.debian.org: apt-get update fails unless the sources move too.
    { name: "apt-get update on buster", dockerfile: "FROM python:3.9-slim-buster\nRUN apt-get update && apt-get install -y --no-install-recommends libgomp1\n", expected: ["error archived-release buster @2"] },
    // python:2 is python:2.7, last built on buster; python:3.7.3 was superseded before the switch to buster.
    { name: "apt-get update on python:2 (2.7, buster)", dockerfile: "FROM python:2\nRUN apt-get update && apt-get install -y --no-install-recommends libmariadb-dev\n", expected: ["error archived-release buster @2"] },
    { name: "apt-get update on a patch tag from before buster", dockerfile: "FROM python:3.7.3-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc\n", expected: ["error archived-release stretch @2"] },
    { name: "apt-get update on buster with the sources on archive.debian.org", dockerfile: "FROM python:3.9-slim-buster\nRUN sed -i 's/deb.debian.org/archive.debian.org/g' /etc/apt/sources.list && apt-get update && apt-get install -y --no-install-recommends libgomp1\n", expected: [] },
    { name: "apt-get update on buster with sources.list written anew", dockerfile: "FROM python:3.9-slim-buster\nRUN echo 'deb http://archive.debian.org/debian buster main' > /etc/apt/sources.list && apt-get update && apt-get install -y --no-install-recommends libgomp1\n", expected: [] },
    { name: "apt-get update on buster with sources.list copied in", dockerfile: "FROM python:3.9-slim-buster\nCOPY sources.list /etc/apt/sources.list\nRUN apt-get update && apt-get install -y --no-install-recommends libgomp1\n", expected: [] },
    // A repository's .list file beside Debian's entries leaves them on deb.debian.org (Google Chrome's repository on buster).
    { name: "apt-get update on buster after another repository is added", dockerfile: "FROM python:3.8-buster\nRUN echo 'deb http://dl.google.com/linux/chrome/deb/ stable main' > /etc/apt/sources.list.d/google-chrome.list && apt-get update && apt-get install -y google-chrome-stable\n", expected: ["error archived-release buster @2"] },
    { name: "apt-get update on buster after a repository's .list is copied in", dockerfile: "FROM python:3.9-slim-buster\nCOPY pgdg.list /etc/apt/sources.list.d/\nRUN apt-get update && apt-get install -y --no-install-recommends libgomp1\n", expected: ["error archived-release buster @3"] },
    { name: "apt-get update on buster after a line is appended to sources.list", dockerfile: "FROM python:3.9-slim-buster\nRUN echo 'deb http://dl.google.com/linux/chrome/deb/ stable main' >> /etc/apt/sources.list && apt-get update && apt-get install -y --no-install-recommends libgomp1\n", expected: ["error archived-release buster @2"] },
    { name: "apt-get update on bookworm", dockerfile: "FROM python:3.12-slim-bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends libgomp1\n", expected: [] },
    // Another apt repository: its packages are not Debian's (Google's Chrome, PostgreSQL's pgdg).
    { name: "a package of an apt repository the RUN adds", dockerfile: "FROM python:3.12-slim\nRUN echo 'deb [signed-by=/usr/share/keyrings/google.gpg] http://dl.google.com/linux/chrome/deb/ stable main' > /etc/apt/sources.list.d/google.list && apt-get update && apt-get install -y google-chrome-stable\n", expected: [] },
    { name: "a package of an apt repository a COPY adds", dockerfile: "FROM python:3.12-slim\nCOPY pgdg.list /etc/apt/sources.list.d/\nRUN apt-get update && apt-get install -y postgresql-client-16\n", expected: [] },
    { name: "a package no repository has, before one is added", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y google-chrome-stable\nRUN echo 'deb http://dl.google.com/linux/chrome/deb/ stable main' > /etc/apt/sources.list.d/google.list\n", expected: ["error unknown-package google-chrome-stable@trixie @2"] },
    { name: "poetry export with Poetry 2 and no plugin", dockerfile: `${SLIM}\nRUN pip install --no-cache-dir poetry\nCOPY pyproject.toml poetry.lock ./\nRUN poetry export -o requirements.txt\n`, expected: ["error poetry-export-missing poetry export @4"] },
    { name: "poetry export with the plugin", dockerfile: `${SLIM}\nRUN pip install --no-cache-dir poetry poetry-plugin-export\nCOPY pyproject.toml poetry.lock ./\nRUN poetry export -o requirements.txt\n`, expected: [] },
    // uv pip install needs a venv (active, or .venv in the working directory or above) or --system.
    { name: "uv pip install with no environment", dockerfile: `${SLIM}\nCOPY --from=ghcr.io/astral-sh/uv:0.9.5 /uv /bin/\nRUN uv pip install flask\n`, expected: ["error uv-no-environment uv pip install @3"] },
    { name: "uv pip install --system", dockerfile: `${SLIM}\nCOPY --from=ghcr.io/astral-sh/uv:0.9.5 /uv /bin/\nRUN uv pip install --system flask\n`, expected: [] },
    { name: "uv pip install with UV_SYSTEM_PYTHON", dockerfile: `${SLIM}\nCOPY --from=ghcr.io/astral-sh/uv:0.9.5 /uv /bin/\nENV UV_SYSTEM_PYTHON=1\nRUN uv pip install flask\n`, expected: [] },
    { name: "uv pip install into the .venv uv venv made above", dockerfile: `${SLIM}\nCOPY --from=ghcr.io/astral-sh/uv:0.9.5 /uv /bin/\nWORKDIR /app\nRUN uv venv\nWORKDIR /app/src\nRUN uv pip install flask\n`, expected: [] },
    { name: "uv pip install with VIRTUAL_ENV", dockerfile: `${SLIM}\nCOPY --from=ghcr.io/astral-sh/uv:0.9.5 /uv /bin/\nENV VIRTUAL_ENV=/opt/venv\nRUN uv venv /opt/venv && uv pip install flask\n`, expected: [] },
    { name: "poetry install --no-dev with Poetry 2", dockerfile: `${SLIM}\nRUN pip install --no-cache-dir poetry\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-dev --no-root\n`, expected: ["error poetry-option-removed --no-dev @4"] },
    { name: "poetry install --no-dev with Poetry 1.8", dockerfile: `${SLIM}\nRUN pip install --no-cache-dir poetry==1.8.3\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-dev --no-root\n`, expected: [] },
    { name: "poetry export with Poetry 1.8", dockerfile: `${SLIM}\nRUN pip install --no-cache-dir poetry==1.8.3\nCOPY pyproject.toml poetry.lock ./\nRUN poetry export -o requirements.txt\n`, expected: [] },
    { name: "a shell copied in", dockerfile: "FROM busybox:1.36 AS bb\nFROM scratch\nCOPY --from=bb /bin/sh /bin/sh\nRUN echo hi\n", expected: [] },
  ]);
});

describe("scripts under a user base", () => {
  table([
    // As root, pip puts pdm's script in /usr/local/bin: ~/.local exists only after a --user install.
    { name: "~/.local/bin after an install without --user", dockerfile: `${SLIM}\nRUN pip install --no-cache-dir pdm\nRUN /root/.local/bin/pdm --version\n`, expected: ["error missing-executable /root/.local/bin/pdm @3"] },
    { name: "~/.local/bin after pip install --user", dockerfile: `${SLIM}\nRUN pip install --no-cache-dir --user pdm\nRUN /root/.local/bin/pdm --version\n`, expected: [] },
    { name: "~/.local/bin after a script", dockerfile: `${SLIM}\nRUN curl -sSL https://pdm-project.org/install-pdm.py | python3 -\nRUN /root/.local/bin/pdm --version\n`, expected: [] },
  ]);
});

describe("files the build reads", () => {
  table([
    { name: "requirements installed before they are copied", dockerfile: `${SLIM}\nWORKDIR /app\nRUN pip install -r requirements.txt\nCOPY . .\n`, expected: ["error file-not-in-image /app/requirements.txt @3"] },
    { name: "requirements copied first", dockerfile: `${SLIM}\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n`, expected: [] },
    { name: "the whole context copied first", dockerfile: `${SLIM}\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\n`, expected: [] },
    { name: "the whole context, but .dockerignore keeps the file out", dockerfile: `${SLIM}\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\n`, dockerignore: "requirements.txt\n", expected: ["error file-not-in-image /app/requirements.txt @4"] },
    { name: "a bind mount supplies it", dockerfile: `${SLIM}\nRUN --mount=type=bind,source=requirements.txt,target=/tmp/requirements.txt pip install -r /tmp/requirements.txt\n`, expected: [] },
    { name: "copied to another directory", dockerfile: `${SLIM}\nCOPY requirements.txt /tmp/\nWORKDIR /app\nRUN pip install -r requirements.txt\n`, expected: ["error file-not-in-image /app/requirements.txt @4"] },
    { name: "written by a command the model cannot follow", dockerfile: `${SLIM}\nRUN echo flask > requirements.txt && pip install -r requirements.txt\n`, expected: [] },
    { name: "a file fetched by ADD from a URL", dockerfile: `${SLIM}\nADD https://example.com/requirements.txt /tmp/\nRUN pip install -r /tmp/requirements.txt\n`, expected: [] },
    { name: "requirements copied by a glob, .dockerignore present", dockerfile: `${SLIM}\nWORKDIR /app\nCOPY requirements* ./\nRUN pip install -r requirements.txt\n`, dockerignore: ".git\n", expected: [] },
    { name: "a requirements path from a variable without a value", dockerfile: `${SLIM}\nARG REQS\nRUN pip install -r $REQS\n`, expected: [] },
    { name: "a requirements path from an ARG default", dockerfile: `${SLIM}\nARG REQS=requirements.txt\nRUN pip install -r $REQS\n`, expected: ["error file-not-in-image /requirements.txt @3"] },
    { name: "pip install . before the project is copied", dockerfile: `${SLIM}\nWORKDIR /app\nRUN pip install .\n`, expected: ["error file-not-in-image /app @3"] },
    { name: "pip install . after it", dockerfile: `${SLIM}\nWORKDIR /app\nCOPY . .\nRUN pip install .\n`, expected: [] },
    { name: "uv sync without pyproject.toml", dockerfile: `${SLIM}\nCOPY --from=ghcr.io/astral-sh/uv:latest /uv /bin/\nWORKDIR /app\nRUN uv sync --frozen\n`, expected: ["error file-not-in-image /app/pyproject.toml @4"] },
    // apt reads a path as a package file: installed before the RUN that downloads it, apt-get stops with
    // "Unsupported file /tmp/chrome.deb given on commandline".
    { name: "a .deb installed before it is downloaded", dockerfile: `${SLIM}\nRUN apt-get update && apt-get install -y wget /tmp/chrome.deb\nRUN wget -q -O /tmp/chrome.deb https://dl.google.com/linux/direct/google-chrome-stable_current_amd64.deb\n`, expected: ["error file-not-in-image /tmp/chrome.deb @2"] },
    { name: "a .deb installed after it is downloaded", dockerfile: `${SLIM}\nRUN apt-get update && apt-get install -y wget\nRUN wget -q -O /tmp/chrome.deb https://dl.google.com/linux/direct/google-chrome-stable_current_amd64.deb\nRUN apt-get install -y /tmp/chrome.deb\n`, expected: [] },
    { name: "a .deb copied in first", dockerfile: `${SLIM}\nCOPY chrome.deb /tmp/\nRUN apt-get update && apt-get install -y /tmp/chrome.deb\n`, expected: [] },
    { name: "uv sync with a bound pyproject.toml", dockerfile: `${SLIM}\nCOPY --from=ghcr.io/astral-sh/uv:latest /uv /bin/\nWORKDIR /app\nRUN --mount=type=bind,source=pyproject.toml,target=pyproject.toml uv sync --frozen\n`, expected: [] },
  ]);
});

describe("COPY --from", () => {
  const builder = `${SLIM} AS builder\nCOPY requirements.txt .\n`;
  table([
    { name: "a path the stage never made", dockerfile: `${builder}RUN pip install -r requirements.txt\n${SLIM}\nCOPY --from=builder /install /usr/local\n`, expected: ["error copy-from-missing-path builder:/install @5"] },
    { name: "the prefix the stage installed into", dockerfile: `${builder}RUN pip install --prefix=/install -r requirements.txt\n${SLIM}\nCOPY --from=builder /install /usr/local\n`, expected: [] },
    { name: "a prefix whose requirements file was not given still exists", dockerfile: `${builder}RUN pip install --prefix=/install -r requirements.txt\n${SLIM}\nCOPY --from=builder /install /usr/local\n`, requirements: [], expected: [] },
    { name: "a stage the model cannot follow", dockerfile: `${builder}RUN ./build.sh\n${SLIM}\nCOPY --from=builder /install /usr/local\n`, expected: [] },
    { name: "what the base image may hold", dockerfile: `${builder}${SLIM}\nCOPY --from=builder /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages\n`, expected: [] },
    { name: "another Python's site-packages, which a python image lacks", dockerfile: `${builder}RUN pip install -r requirements.txt\n${SLIM}\nCOPY --from=builder /usr/local/lib/python3.10/site-packages /usr/local/lib/python3.10/site-packages\n`, expected: ["error copy-from-missing-path builder:/usr/local/lib/pythonX.Y/site-packages @5"] },
    { name: "a directory made by mkdir", dockerfile: `${builder}RUN mkdir -p /data\n${SLIM}\nCOPY --from=builder /data /data\n`, expected: [] },
    { name: "a stage index that does not exist", dockerfile: `${SLIM}\nCOPY --from=3 /install /usr/local\n`, expected: ["error copy-from-unknown-stage 3 @2"] },
    { name: "a stage name that does not exist (a named context, or a typo)", dockerfile: `${builder}${SLIM}\nCOPY --from=buidler /app /app\n`, expected: ["warning copy-from-unknown-stage buidler @4"] },
    { name: "a distro python's prefix copied to /usr/local", dockerfile: "FROM debian:bookworm AS builder\nRUN apt-get update && apt-get install -y python3-pip\nRUN pip install --break-system-packages --prefix=/install flask\nFROM debian:bookworm\nCOPY --from=builder /install /usr/local\n", expected: ["error prefix-layout-lost builder:/install @5"] },
    { name: "an official image's prefix copied to /usr/local", dockerfile: `${SLIM} AS builder\nRUN pip install --prefix=/install flask\n${SLIM}\nCOPY --from=builder /install /usr/local\n`, expected: [] },
    { name: "an image by a bare name", dockerfile: `${SLIM}\nCOPY --from=busybox /bin/busybox /bin/busybox\n`, expected: [] },
    { name: "the stage it is in, by name", dockerfile: `${builder}RUN pip install --prefix=/install -r requirements.txt\nCOPY --from=builder /install /usr/local\n`, expected: ["error copy-from-self builder @4"] },
    { name: "the stage it is in, by a name in other case", dockerfile: `${builder}RUN pip install --prefix=/install -r requirements.txt\nCOPY --from=BUILDER /install /usr/local\n`, expected: ["error copy-from-self BUILDER @4"] },
    { name: "the stage it is in, by index", dockerfile: `${SLIM}\nRUN pip install --prefix=/install flask\nCOPY --from=0 /install /install\n`, expected: ["error copy-from-self 0 @3"] },
    { name: "an earlier stage by index", dockerfile: `${SLIM}\nRUN pip install --prefix=/install flask\n${SLIM}\nCOPY --from=0 /install /install\n`, expected: [] },
  ]);
});

describe("packages and stages", () => {
  const psycopgBuilder = `${SLIM} AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev libpq-dev && pip install --prefix=/install psycopg2\n`;
  table([
    { name: "apk del of a group never added", dockerfile: `${ALPINE}\nRUN apk del .build-deps\n`, expected: ["error apk-del-not-added .build-deps @2"] },
    { name: "apk del of a group added in another stage only", dockerfile: `${ALPINE} AS builder\nRUN apk add --no-cache --virtual build-deps gcc musl-dev\n${ALPINE}\nRUN apk del build-deps\n`, expected: ["error apk-del-not-added build-deps @4"] },
    { name: "apk del of the group added", dockerfile: `${ALPINE}\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && apk del .build-deps\n`, expected: [] },
    { name: "apk del of a package the base may have", dockerfile: `${ALPINE}\nRUN apk del ca-certificates\n`, expected: [] },
    { name: "a library compiled in the builder, missing in the final stage", dockerfile: `${psycopgBuilder}${SLIM}\nCOPY --from=builder /install /usr/local\n`, expected: ["error runtime-library-missing psycopg2:libpq5 @3"] },
    { name: "the final stage installs the runtime library", dockerfile: `${psycopgBuilder}${SLIM}\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5\nCOPY --from=builder /install /usr/local\n`, expected: [] },
    { name: "built and used in one stage", dockerfile: psycopgBuilder, expected: [] },
    { name: "a venv multistage with the runtime library: nothing to say", dockerfile: `${SLIM} AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev libpq-dev\nRUN python -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nCOPY requirements.txt .\nRUN pip install --upgrade pip && pip install --no-cache-dir -r requirements.txt psycopg2\n${SLIM}\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\nCOPY --from=builder /opt/venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nRUN pip check\n`, expected: [] },
    { name: "the same venv multistage without libpq5", dockerfile: `${SLIM} AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev libpq-dev\nRUN python -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nRUN pip install --upgrade pip && pip install --no-cache-dir psycopg2\n${SLIM}\nCOPY --from=builder /opt/venv /opt/venv\n`, expected: ["error runtime-library-missing psycopg2:libpq5 @6"] },
    // torch publishes no sdist and no musllinux wheel: pip stops at torch ("from versions: none"), and never
    // looks for the nvidia wheels its manylinux metadata names.
    { name: "a package with no wheel for Alpine and no sdist", dockerfile: `${ALPINE}\nRUN pip install --no-cache-dir torch==2.5.1\n`, expected: ["error no-installable-distribution torch @2"] },
    { name: "the same package on Debian", dockerfile: `${SLIM}\nRUN pip install --no-cache-dir torch==2.5.1\n`, expected: [] },
    // A python run or a file written by redirection makes files, not shared libraries: the check goes on.
    { name: "still missing after collectstatic and an echo into a file", dockerfile: `${psycopgBuilder}${SLIM}\nCOPY --from=builder /install /usr/local\nRUN python manage.py collectstatic --noinput\nRUN echo 'export PS1=app' >> ~/.bashrc\n`, expected: ["error runtime-library-missing psycopg2:libpq5 @3"] },
    // A script may install anything: nothing is said missing after it.
    { name: "a script may have installed it", dockerfile: `${psycopgBuilder}${SLIM}\nCOPY --from=builder /install /usr/local\nRUN ./install-runtime.sh\n`, expected: [] },
    // lightgbm's wheel loads the system's libgomp.so.1: slim lacks it, the full image has it (with gcc).
    { name: "a wheel's system library missing on slim", dockerfile: `${SLIM}\nRUN pip install --no-cache-dir lightgbm\n`, expected: ["error runtime-library-missing lightgbm:libgomp1 @1"] },
    { name: "the same wheel with the library installed", dockerfile: `${SLIM}\nRUN apt-get update && apt-get install -y --no-install-recommends libgomp1\nRUN pip install --no-cache-dir lightgbm\n`, expected: [] },
    { name: "the same wheel on the full image", dockerfile: "FROM python:3.12\nRUN pip install --no-cache-dir lightgbm\n", expected: [] },
    // opencv-python's wheel loads libGL.so.1 and GLib: slim has neither, the full image has GLib only. One
    // finding names both, each as the stage's release calls it (trixie renamed GLib's library t64).
    { name: "opencv-python on slim (trixie)", dockerfile: "FROM python:3.12-slim-trixie\nRUN pip install --no-cache-dir opencv-python\n", expected: ["error runtime-library-missing opencv-python:libgl1,libglib2.0-0 @1"], message: /has no libgl1 and libglib2\.0-0t64:/ },
    { name: "opencv-python on slim (bookworm)", dockerfile: "FROM python:3.12-slim-bookworm\nRUN pip install --no-cache-dir opencv-python\n", expected: ["error runtime-library-missing opencv-python:libgl1,libglib2.0-0 @1"], message: /has no libgl1 and libglib2\.0-0:/ },
    { name: "opencv-python on the full image", dockerfile: "FROM python:3.12-bookworm\nRUN pip install --no-cache-dir opencv-python\n", expected: ["error runtime-library-missing opencv-python:libgl1 @1"] },
    // Asked by bookworm's name on trixie, apt installs the provider (libglib2.0-0t64).
    { name: "opencv-python with its libraries by their old names on trixie", dockerfile: "FROM python:3.12-slim-trixie\nRUN apt-get update && apt-get install -y --no-install-recommends libgl1 libglib2.0-0\nRUN pip install --no-cache-dir opencv-python\n", expected: [] },
    { name: "the headless build needs neither", dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir opencv-python-headless\n", expected: [] },
    // uWSGI is in no wheel table and publishes only a C sdist (knowledge/source-only.ts): it compiles.
    { name: "uwsgi on slim: no compiler", dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir uwsgi\n", expected: ["error source-build-needs-compiler uwsgi @2"] },
    { name: "uwsgi on the full image", dockerfile: "FROM python:3.12\nRUN pip install --no-cache-dir uwsgi\n", expected: [] },
    // So do pycairo and psycopg-c (psycopg[c]): errors even for pins the tables do not hold.
    { name: "pycairo and psycopg[c] on Alpine: no compiler", dockerfile: "FROM python:3.12-alpine\nRUN pip install --no-cache-dir pycairo==1.27.0 \"psycopg[c]==3.2.3\"\n", expected: ["error musl-needs-compiler pycairo @2", "error musl-needs-compiler psycopg-c @2"] },
    { name: "python-ldap on slim: no compiler", dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir python-ldap\n", expected: ["error source-build-needs-compiler python-ldap @2"], message: /It needs build-essential, libldap2-dev, libsasl2-dev/ },
    // mod_wsgi, pylibmc, the Kerberos bindings, sasl, netifaces, PyAudio and evdev have no Linux wheel either.
    { name: "mod_wsgi and pylibmc on slim: no compiler", dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir mod_wsgi pylibmc\n", expected: ["error source-build-needs-compiler mod-wsgi @2", "error source-build-needs-compiler pylibmc @2"], message: /It needs build-essential, (apache2-dev|libmemcached-dev, zlib1g-dev)\./ },
    { name: "gssapi, netifaces and pyaudio on Alpine: no compiler", dockerfile: "FROM python:3.12-alpine\nRUN pip install --no-cache-dir gssapi netifaces pyaudio\n", expected: ["error musl-needs-compiler gssapi @2", "error musl-needs-compiler netifaces @2", "error musl-needs-compiler pyaudio @2"], message: /It needs build-base(, krb5-dev|, portaudio-dev)?\./ },
    // PyPI never hosts a local version (`+cpu`, `+ubuntu2`): only another index or a links directory has it.
    { name: "a pip freeze's local versions with only PyPI", dockerfile: `${SLIM}\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n`, requirements: [{ path: "requirements.txt", content: "requests==2.31.0\npython-apt==2.4.0+ubuntu2\n" }], expected: ["error local-version-not-on-index python-apt @3"], message: /pin the public version \(python-apt==2\.4\.0\)/ },
    { name: "torch +cpu with only PyPI", dockerfile: `${SLIM}\nRUN pip install --no-cache-dir torch==2.3.1+cpu\n`, expected: ["error local-version-not-on-index torch @2"], message: /--extra-index-url https:\/\/download\.pytorch\.org\/whl\/cpu/ },
    { name: "torch +cpu from PyTorch's index", dockerfile: `${SLIM}\nRUN pip install --no-cache-dir torch==2.3.1+cpu --extra-index-url https://download.pytorch.org/whl/cpu\n`, expected: [] },
    { name: "torch +cpu with the index in the requirements file", dockerfile: `${SLIM}\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n`, requirements: [{ path: "requirements.txt", content: "--extra-index-url https://download.pytorch.org/whl/cpu\ntorch==2.3.1+cpu\n" }], expected: [] },
    { name: "torch +cpu with PIP_EXTRA_INDEX_URL", dockerfile: `${SLIM}\nENV PIP_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cpu\nRUN pip install --no-cache-dir torch==2.3.1+cpu\n`, expected: [] },
    { name: "torch +cpu with the index in pip's configuration", dockerfile: `${SLIM}\nRUN pip config set global.extra-index-url https://download.pytorch.org/whl/cpu\nRUN pip install --no-cache-dir torch==2.3.1+cpu\n`, expected: [] },
    { name: "a local version with a copied pip.conf", dockerfile: `${SLIM}\nCOPY pip.conf /etc/pip.conf\nRUN pip install --no-cache-dir python-apt==2.4.0+ubuntu2\n`, expected: [] },
    // python:*-alpine3.12 images were built before pip 21.2 learnt musllinux wheels: cffi compiles there.
    { name: "cffi on python:3.9.0-alpine3.12: its pip takes no musllinux wheel", dockerfile: "FROM python:3.9.0-alpine3.12\nRUN pip install --no-cache-dir cffi==1.17.1\n", expected: ["error musl-needs-compiler cffi @2"], message: /this image's pip predates musllinux wheels/ },
    { name: "cffi on python:3.12-alpine3.20: a musllinux wheel", dockerfile: "FROM python:3.12-alpine3.20\nRUN pip install --no-cache-dir cffi==1.17.1\n", expected: [] },
    // RPi.GPIO and spidev are sdists on PyPI on every architecture (piwheels has armv7 wheels, not PyPI).
    { name: "RPi.GPIO and spidev on slim: no compiler", dockerfile: "FROM python:3.11-slim\nRUN pip install --no-cache-dir RPi.GPIO==0.7.1 spidev==3.6\n", expected: ["error source-build-needs-compiler rpi-gpio @2", "error source-build-needs-compiler spidev @2"] },
    { name: "gssapi and sasl with a compiler but not their headers", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential\nRUN pip install --no-cache-dir gssapi sasl netifaces\n", expected: ["error source-build-needs-headers gssapi @3", "error source-build-needs-headers sasl @3"] },
    // GDAL's bindings build against the system's libgdal: newer bindings than the release's library fail.
    { name: "GDAL bindings newer than bookworm's libgdal", dockerfile: "FROM python:3.12-slim-bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential libgdal-dev && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir GDAL==3.8.4\n", expected: ["error gdal-version-mismatch gdal @3"], message: /GDAL 3\.8\.4's Python bindings are newer than bookworm's libgdal-dev \(3\.6\.2/ },
    { name: "GDAL bindings of bookworm's libgdal", dockerfile: "FROM python:3.12-slim-bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential libgdal-dev && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir GDAL==3.6.2\n", expected: [] },
    // Wheels built by another stage's Python: with --no-index pip has nothing else to install.
    { name: "wheels built on 3.7, installed with --no-index on 3.11", dockerfile: "FROM python:3.7 AS builder\nRUN pip wheel -w /wheels numpy==1.21.6\nFROM python:3.11-slim\nCOPY --from=builder /wheels /wheels\nRUN pip install --no-index --find-links=/wheels numpy==1.21.6\n", expected: ["error wheel-for-another-python numpy @5"], message: /\/wheels holds numpy built for CPython 3\.7, glibc, and this stage runs CPython 3\.11, glibc/ },
    { name: "the same Python: the wheels fit", dockerfile: "FROM python:3.11 AS builder\nRUN pip wheel -w /wheels numpy==1.26.4\nFROM python:3.11-slim\nCOPY --from=builder /wheels /wheels\nRUN pip install --no-index --find-links=/wheels numpy==1.26.4\n", expected: [] },
    { name: "another Python with an index to fall back on", dockerfile: "FROM python:3.7 AS builder\nRUN pip wheel -w /wheels numpy==1.21.6\nFROM python:3.11-slim\nCOPY --from=builder /wheels /wheels\nRUN pip install --find-links=/wheels numpy\n", expected: [] },
    { name: "a pure wheel fits any Python", dockerfile: "FROM python:3.9 AS builder\nRUN pip wheel -w /wheels flask==3.0.3\nFROM python:3.12-slim\nCOPY --from=builder /wheels /wheels\nRUN pip install --no-index --find-links=/wheels flask\n", expected: [] },
    // The full images have buildpack-deps' headers (libpq-dev), not GDAL's.
    { name: "GDAL on the full image: no libgdal-dev", dockerfile: "FROM python:3.12\nRUN pip install --no-cache-dir GDAL==3.10.3\n", expected: ["error source-build-needs-headers gdal @2"] },
    { name: "psycopg2 on the full image: libpq-dev is there", dockerfile: "FROM python:3.12\nRUN pip install --no-cache-dir psycopg2==2.9.10\n", expected: [] },
    // --break-system-packages came with pip 23.0.1; the distributions' older pips stop at it.
    { name: "--break-system-packages on Ubuntu 22.04's pip", dockerfile: "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf /var/lib/apt/lists/*\nRUN pip3 install --no-cache-dir --break-system-packages flask\n", expected: ["error unknown-pip-option --break-system-packages @3"], message: /Ubuntu jammy's pip \(22\.0\.2\) predates --break-system-packages/ },
    { name: "--break-system-packages on Debian 11's pip", dockerfile: "FROM debian:bullseye-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf /var/lib/apt/lists/*\nRUN pip3 install --no-cache-dir --break-system-packages flask\n", expected: ["error unknown-pip-option --break-system-packages @3"] },
    { name: "the same after pip upgraded itself", dockerfile: "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf /var/lib/apt/lists/*\nRUN pip3 install --no-cache-dir -U pip && pip3 install --no-cache-dir --break-system-packages flask\n", expected: [] },
    { name: "--break-system-packages on Ubuntu 24.04's pip, which has it", dockerfile: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf /var/lib/apt/lists/*\nRUN pip3 install --no-cache-dir --break-system-packages flask\n", expected: [] },
    // Debian's python3 (distroless) reads dist-packages, not the official images' site-packages.
    { name: "the official image's site-packages copied into distroless", dockerfile: "FROM python:3.11-slim-bookworm AS b\nRUN pip install --no-cache-dir flask\nFROM gcr.io/distroless/python3-debian12\nCOPY --from=b /usr/local/lib/python3.11/site-packages /usr/local/lib/python3.11/site-packages\nCMD [\"app.py\"]\n", expected: ["error site-not-on-path /usr/local/lib/python3.11/site-packages @3"], message: /never reads: it looks in \/usr\/local\/lib\/python3\.11\/dist-packages/ },
    { name: "the same, on PYTHONPATH", dockerfile: "FROM python:3.11-slim-bookworm AS b\nRUN pip install --no-cache-dir flask\nFROM gcr.io/distroless/python3-debian12\nCOPY --from=b /usr/local/lib/python3.11/site-packages /usr/local/lib/python3.11/site-packages\nENV PYTHONPATH=/usr/local/lib/python3.11/site-packages\nCMD [\"app.py\"]\n", expected: [] },
    // distroless python3 is a fixed package list without libpq5, and without apt to add it.
    { name: "psycopg2 compiled in a builder, copied into distroless", dockerfile: "FROM python:3.11-slim-bookworm AS build\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev libpq-dev\nRUN pip install --no-cache-dir --target /deps psycopg2==2.9.10\nFROM gcr.io/distroless/python3-debian12\nCOPY --from=build /deps /deps\nENV PYTHONPATH=/deps\nCMD [\"-c\", \"import psycopg2\"]\n", expected: ["error runtime-library-missing psycopg2:libpq5 @4"], message: /fixed set of packages with no apt/ },
    { name: "the same, with libpq copied from the builder", dockerfile: "FROM python:3.11-slim-bookworm AS build\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev libpq-dev\nRUN pip install --no-cache-dir --target /deps psycopg2==2.9.10\nFROM gcr.io/distroless/python3-debian12\nCOPY --from=build /deps /deps\nCOPY --from=build /usr/lib/x86_64-linux-gnu/libpq.so.5 /usr/lib/x86_64-linux-gnu/\nENV PYTHONPATH=/deps\nCMD [\"-c\", \"import psycopg2\"]\n", expected: [] },
    // The builder installs the requirements into its own site-packages; the final stage copies only the app.
    { name: "requirements installed in the builder, only the app copied", dockerfile: "FROM python:3.11-slim-bookworm AS builder\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY main.py .\nFROM gcr.io/distroless/python3-debian12\nCOPY --from=builder /app /app\nCMD [\"/app/main.py\"]\n", requirements: [{ path: "requirements.txt", content: "flask==3.0.3\n" }], expected: ["warning packages-left-behind builder @6"], message: /Stage builder installs blinker, click, flask and 4 more, but the final stage copies none of them/ },
    { name: "the builder's site-packages copied: not left behind", dockerfile: "FROM python:3.11-slim-bookworm AS builder\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nFROM python:3.11-slim-bookworm\nCOPY --from=builder /usr/local/lib/python3.11/site-packages /usr/local/lib/python3.11/site-packages\nCMD [\"python\", \"main.py\"]\n", requirements: [{ path: "requirements.txt", content: "flask==3.0.3\n" }], expected: [] },
    { name: "a builder that only installs a tool (poetry export)", dockerfile: "FROM python:3.11-slim AS builder\nRUN pip install --no-cache-dir poetry poetry-plugin-export\nCOPY pyproject.toml poetry.lock ./\nRUN poetry export -o requirements.txt\nFROM python:3.11-slim\nCOPY --from=builder /requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD [\"python\", \"main.py\"]\n", expected: [] },
    // A --user site copied to /root/.local, in a final stage that runs as another user: /root is 0700.
    { name: "a --user site under /root, final stage on distroless :nonroot", dockerfile: "FROM python:3.11-slim-bookworm AS builder\nRUN pip install --no-cache-dir --user flask\nFROM gcr.io/distroless/python3-debian12:nonroot\nCOPY --from=builder /root/.local /root/.local\nCMD [\"main.py\"]\n", expected: ["error user-site-unreadable /root/.local @3"], message: /runs as nonroot, but blinker, click, flask and 4 more are under \/root/ },
    { name: "a --user site under /root, final stage with USER app", dockerfile: "FROM python:3.12-slim AS builder\nRUN pip install --no-cache-dir --user flask\nFROM python:3.12-slim\nCOPY --from=builder /root/.local /root/.local\nUSER app\nCMD [\"python\", \"main.py\"]\n", expected: ["error user-site-unreadable /root/.local @3"] },
    { name: "a --user site under /root, final stage as root", dockerfile: "FROM python:3.12-slim AS builder\nRUN pip install --no-cache-dir --user flask\nFROM python:3.12-slim\nCOPY --from=builder /root/.local /root/.local\nCMD [\"python\", \"main.py\"]\n", expected: [] },
    { name: "a --user site copied to the user's own home", dockerfile: "FROM python:3.12-slim AS builder\nRUN pip install --no-cache-dir --user flask\nFROM python:3.12-slim\nRUN useradd -m app\nCOPY --from=builder --chown=app /root/.local /home/app/.local\nUSER app\nCMD [\"python\", \"main.py\"]\n", expected: [] },
    // `playwright install` as root leaves the browsers in /root/.cache/ms-playwright;
    // USER appuser then looks in /home/appuser/.cache and cannot enter /root.
    { name: "playwright's browsers installed as root, the image runs as another user", dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir playwright==1.47.0 && playwright install --with-deps chromium\nRUN useradd --create-home appuser\nUSER appuser\nCMD [\"python\", \"app.py\"]\n", expected: ["warning browsers-in-root-home /root/.cache/ms-playwright @2"], message: /runs as appuser, who looks in \/home\/appuser\/\.cache\/ms-playwright/ },
    { name: "the same with PLAYWRIGHT_BROWSERS_PATH=/ms-playwright", dockerfile: "FROM python:3.12-slim\nENV PLAYWRIGHT_BROWSERS_PATH=/ms-playwright\nRUN pip install --no-cache-dir playwright==1.47.0 && playwright install --with-deps chromium\nRUN useradd --create-home appuser\nUSER appuser\nCMD [\"python\", \"app.py\"]\n", expected: [] },
    { name: "the same, installed as the user", dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir playwright==1.47.0 && playwright install-deps chromium\nRUN useradd --create-home appuser\nUSER appuser\nRUN playwright install chromium\nCMD [\"python\", \"app.py\"]\n", expected: [] },
    { name: "the same, the image running as root", dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir playwright==1.47.0 && playwright install --with-deps chromium\nCMD [\"python\", \"app.py\"]\n", expected: [] },
    // A --user site built on 3.9, copied into distroless python3-debian12 (3.11): Python 3.11 never looks there.
    { name: "a site of another Python copied into the final stage", dockerfile: "FROM python:3.9-slim AS builder\nRUN pip install --no-cache-dir --user flask\nFROM gcr.io/distroless/python3-debian12\nCOPY --from=builder /root/.local /root/.local\nCMD [\"main.py\"]\n", expected: ["error python-version-mismatch /root/.local @3"] },
    // A venv made by python:3.11's /usr/local/bin/python3.11 links its bin/python there: distroless has none.
    { name: "a venv of an official python image copied into distroless", dockerfile: "FROM python:3.11-slim AS build\nRUN python -m venv /venv && /venv/bin/pip install --no-cache-dir flask\nFROM gcr.io/distroless/python3-debian12\nCOPY --from=build /venv /venv\nENTRYPOINT [\"/venv/bin/python3\", \"app.py\"]\n", expected: ["error venv-interpreter-missing /venv @3"] },
    { name: "the same venv on the same python image", dockerfile: "FROM python:3.11-slim AS build\nRUN python -m venv /venv && /venv/bin/pip install --no-cache-dir flask\nFROM python:3.11-slim\nCOPY --from=build /venv /venv\nENTRYPOINT [\"/venv/bin/python3\", \"app.py\"]\n", expected: [] },
    { name: "the venv with the builder's /usr/local copied too", dockerfile: "FROM python:3.12-alpine AS build\nRUN python -m venv /venv && /venv/bin/pip install --no-cache-dir flask\nFROM alpine:3.20\nCOPY --from=build /usr/local /usr/local\nCOPY --from=build /venv /venv\nENTRYPOINT [\"/venv/bin/python3\", \"app.py\"]\n", expected: [] },
    // cp312 extension modules on PYTHONPATH of a 3.11 image do not import; a pure package would, and so
    // would flask's markupsafe, whose speedups are optional (it falls back to Python).
    { name: "compiled packages of another Python on PYTHONPATH", dockerfile: "FROM python:3.12-slim AS build\nRUN pip install --no-cache-dir --target=/deps numpy==2.1.3\nFROM gcr.io/distroless/python3-debian12\nCOPY --from=build /deps /deps\nENV PYTHONPATH=/deps\nCMD [\"/app/app.py\"]\n", expected: ["error extension-python-mismatch /deps @3"] },
    { name: "pure packages of another Python on PYTHONPATH", dockerfile: "FROM python:3.12-slim AS build\nRUN pip install --no-cache-dir --target=/deps flask\nFROM gcr.io/distroless/python3-debian12\nCOPY --from=build /deps /deps\nENV PYTHONPATH=/deps\nCMD [\"/app/app.py\"]\n", expected: [] },
    // psutil's abi3 manylinux wheel runs on any CPython 3, but only on glibc.
    { name: "a Debian builder's site copied into Alpine", dockerfile: "FROM python:3.12-slim AS build\nRUN pip install --no-cache-dir --user psutil==6.1.0\nFROM python:3.12-alpine\nCOPY --from=build /root/.local /root/.local\n", expected: ["error extension-libc-mismatch /root/.local/lib/python3.12/site-packages @3"] },
    { name: "an Alpine builder's site copied into Alpine", dockerfile: "FROM python:3.12-alpine AS build\nRUN apk add --no-cache build-base linux-headers && pip install --no-cache-dir --user psutil==6.1.0\nFROM python:3.12-alpine\nCOPY --from=build /root/.local /root/.local\n", expected: [] },
    { name: "a Debian builder's pure site copied into Alpine", dockerfile: "FROM python:3.12-slim AS build\nRUN pip install --no-cache-dir --user flask\nFROM python:3.12-alpine\nCOPY --from=build /root/.local /root/.local\n", expected: [] },
    // A wheel by URL: pip checks its tags against the image ("not a supported wheel on this platform").
    { name: "a wheel URL for another CPython", dockerfile: "FROM python:3.11-slim\nRUN pip install --no-cache-dir https://download.pytorch.org/whl/cpu/torch-1.11.0%2Bcpu-cp39-cp39-linux_x86_64.whl\n", expected: ["error wheel-not-supported torch-1.11.0+cpu-cp39-cp39-linux_x86_64.whl @2"] },
    { name: "a wheel URL for the image's CPython", dockerfile: "FROM python:3.9-slim\nRUN pip install --no-cache-dir https://download.pytorch.org/whl/cpu/torch-1.11.0%2Bcpu-cp39-cp39-linux_x86_64.whl\n", expected: [] },
    { name: "a manylinux wheel URL on Alpine", dockerfile: "FROM python:3.12-alpine\nRUN pip install --no-cache-dir https://example.org/wheels/orjson-3.10.7-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl\n", expected: ["error wheel-not-supported orjson-3.10.7-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl @2"] },
    { name: "a pure wheel URL", dockerfile: "FROM python:3.12-alpine\nRUN pip install --no-cache-dir https://example.org/wheels/flask-3.0.3-py3-none-any.whl\n", expected: [] },
    // --index-url replaces PyPI: PyTorch's index serves torch and what it requires, not the app's packages.
    { name: "another package from PyTorch's index alone", dockerfile: `${SLIM}\nRUN pip install --no-cache-dir torch --index-url https://download.pytorch.org/whl/cpu mistral_inference\n`, expected: ["warning index-url-replaces-pypi mistral-inference @2"] },
    { name: "torch and torchvision from PyTorch's index", dockerfile: `${SLIM}\nRUN pip install --no-cache-dir --index-url https://download.pytorch.org/whl/cpu torch torchvision\n`, expected: [] },
    { name: "PyTorch's index beside PyPI", dockerfile: `${SLIM}\nRUN pip install --no-cache-dir --extra-index-url https://download.pytorch.org/whl/cpu torch mistral_inference\n`, expected: [] },
    { name: "an rm that deletes installed packages", dockerfile: `${SLIM}\nRUN pip install --no-cache-dir --target /tmp/deps flask && rm -rf /tmp/deps\n`, expected: ["warning installed-packages-removed /tmp/deps @2"] },
    { name: "an rm of pip's cache only", dockerfile: `${SLIM}\nRUN pip install flask && rm -rf /root/.cache/pip\n`, expected: [] },
    { name: "the same site on the same Python", dockerfile: "FROM python:3.11-slim AS builder\nRUN pip install --no-cache-dir --user flask\nFROM gcr.io/distroless/python3-debian12\nCOPY --from=builder /root/.local /root/.local\nCMD [\"main.py\"]\n", expected: [] },
    // Pure packages that open a library with ctypes or cffi at import.
    { name: "python-magic on slim", dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir python-magic\n", expected: ["error runtime-library-missing python-magic:libmagic1 @1"], message: /has no libmagic1t64:/ },
    { name: "python-magic on slim with libmagic1", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libmagic1\nRUN pip install --no-cache-dir python-magic\n", expected: [] },
    { name: "weasyprint on the full image", dockerfile: "FROM python:3.12\nRUN pip install --no-cache-dir weasyprint\n", expected: [] },
    { name: "weasyprint on Alpine", dockerfile: "FROM python:3.12-alpine\nRUN pip install --no-cache-dir weasyprint\n", expected: ["error runtime-library-missing weasyprint:pango @1"] },
    // llama-cpp-python builds with OpenMP: its library links libgomp.so.1, which gcc brought into the builder.
    { name: "a source build's OpenMP runtime left in the builder", dockerfile: `${SLIM} AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential cmake\nRUN pip install --prefix=/install llama-cpp-python\n${SLIM}\nCOPY --from=builder /install /usr/local\n`, expected: ["error runtime-library-missing llama-cpp-python:libgomp1 @4"] },
    { name: "a final stage FROM the builder ships its compilers", dockerfile: `${psycopgBuilder}FROM builder AS final\nCMD ["python"]\n`, expected: ["warning final-on-build-stage builder @3"] },
    { name: "a final stage from a base image", dockerfile: `${psycopgBuilder}${SLIM}\nRUN apt-get update && apt-get install -y libpq5\nCOPY --from=builder /install /usr/local\n`, expected: [] },
  ]);
});

describe("apt's package lists", () => {
  // The official python, debian and ubuntu images delete /var/lib/apt/lists: an install needs an update first.
  table([
    { name: "an install with no update", dockerfile: `${SLIM}\nRUN apt-get install -y git-lfs\n`, expected: ["error apt-no-lists git-lfs @2"], message: /Unable to locate package git-lfs/ },
    { name: "on debian and ubuntu too", dockerfile: "FROM debian:bookworm-slim\nRUN apt-get install -y --no-install-recommends python3\n", expected: ["error apt-no-lists python3 @2"] },
    { name: "the update in the same RUN", dockerfile: `${SLIM}\nRUN apt-get update && apt-get install -y git-lfs\n`, expected: [] },
    { name: "the update in an earlier RUN", dockerfile: `${SLIM}\nRUN apt-get update\nRUN apt-get install -y git-lfs\n`, expected: [] },
    { name: "the update in the stage this one builds on", dockerfile: `${SLIM} AS base\nRUN apt-get update\nFROM base\nRUN apt-get install -y git-lfs\n`, expected: [] },
    { name: "only packages the image has", dockerfile: "FROM python:3.12\nRUN apt-get install -y curl git\n", expected: [] },
    { name: "a local .deb file", dockerfile: `${SLIM}\nCOPY tool.deb /tmp/\nRUN apt-get install -y /tmp/tool.deb\n`, expected: [] },
    { name: "the lists in a cache mount", dockerfile: `${SLIM}\nRUN --mount=type=cache,target=/var/lib/apt apt-get install -y git-lfs\n`, expected: [] },
    { name: "after a script, which may update", dockerfile: `${SLIM}\nRUN ./setup-apt.sh\nRUN apt-get install -y git-lfs\n`, expected: [] },
    // A later RUN deleting the lists an update downloaded leaves the install after it none.
    { name: "the lists deleted after the update", dockerfile: `${SLIM}\nRUN apt-get update\nRUN apt-get install -y wget && rm -rf /var/lib/apt/lists/*\nRUN apt-get install -y git-lfs\n`, expected: ["error apt-no-lists git-lfs @4"], message: /line 3 deleted them/ },
    { name: "the lists directory deleted, on an image the list of listless ones lacks", dockerfile: "FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim\nRUN apt-get update && rm -rf /var/lib/apt/lists\nRUN apt-get install -y git-lfs\n", expected: ["error apt-no-lists git-lfs @3"] },
    { name: "an update again after the deletion", dockerfile: `${SLIM}\nRUN apt-get update && apt-get install -y wget && rm -rf /var/lib/apt/lists/*\nRUN apt-get update && apt-get install -y git-lfs\n`, expected: [] },
    { name: "the deletion in a RUN that mounts the lists", dockerfile: `${SLIM}\nRUN apt-get update\nRUN --mount=type=cache,target=/var/lib/apt/lists rm -rf /var/lib/apt/lists/*\nRUN apt-get install -y git-lfs\n`, expected: [] },
  ]);
});

describe("as diagnostics", () => {
  it("every finding is a dockerfile diagnostic with its line, column and a build-check/ code", () => {
    const analysis = analyze({ dockerfile: `${SLIM}\nWORKDIR /app\nRUN pip install -r requirements.txt\n`, requirements: REQS, dockerignore: null });
    expect(analysis.diagnostics.filter((d) => d.code.startsWith("build-check/")).map((d) => [d.code, d.line, d.column, d.severity, d.file])).toEqual([
      ["build-check/file-not-in-image", 3, 20, "error", "dockerfile"],
    ]);
  });
});

describe("distribution images", () => {
  const DEBIAN = "FROM debian:bookworm";
  table([
    { name: "pip on a bare Debian image", dockerfile: `${DEBIAN}\nRUN pip install flask\n`, expected: ["error missing-executable pip @2"] },
    { name: "pip after apt-get install python3-pip", dockerfile: `${DEBIAN}\nRUN apt-get update && apt-get install -y python3-pip && pip install --break-system-packages flask\n`, expected: [] },
    { name: "python3 -m venv after python3-venv (it depends on python3)", dockerfile: `${DEBIAN}\nRUN apt-get update && apt-get install -y python3-venv && python3 -m venv /opt/venv\n`, expected: [] },
    { name: "a versioned interpreter is not checked", dockerfile: `${DEBIAN}\nRUN apt-get update && apt-get install -y python3.11 && python3.11 -m pip --version\n`, expected: [] },
  ]);
});

describe("pip's hash-checking mode", () => {
  // pip-compile --generate-hashes output: flask 3.0.0 and its whole closure, each pinned with one hash.
  const hash = (n: number): string => `--hash=sha256:${String(n).repeat(64).slice(0, 64)}`;
  const closure = ["flask==3.0.0", "werkzeug==3.0.1", "jinja2==3.1.2", "itsdangerous==2.1.2", "click==8.1.7", "blinker==1.7.0", "markupsafe==2.1.3"];
  const hashed = (lines: readonly string[]): { path: string; content: string }[] => [{ path: "requirements.txt", content: lines.map((l, i) => `${l} \\\n    ${hash(i + 1)}\n`).join("") }];
  const FULL = hashed(closure);
  const install = (args: string): string => `${SLIM}\nCOPY requirements.txt .\nRUN pip install --no-cache-dir ${args}\n`;
  table([
    { name: "a hashed file with its whole closure", dockerfile: install("-r requirements.txt"), requirements: FULL, expected: [] },
    { name: "a name on the command line beside the hashed file", dockerfile: install("-r requirements.txt gunicorn"), requirements: FULL, expected: ["error hash-checking-mode gunicorn @3"], message: /requirements\.txt gives flask a --hash.*refuses gunicorn without a --hash.*Install gunicorn in a pip install of its own\./ },
    { name: "upgrading pip in the hashed install", dockerfile: install("--upgrade pip -r requirements.txt"), requirements: FULL, expected: ["error hash-checking-mode pip @3"] },
    { name: "the other package in a command of its own", dockerfile: `${install("-r requirements.txt")}RUN pip install --no-cache-dir gunicorn\n`, requirements: FULL, expected: [] },
    { name: "a hashed line not pinned with ==", dockerfile: install("-r requirements.txt"), requirements: hashed(["flask>=3.0", ...closure.slice(1)]), expected: ["error hash-checking-mode flask @3"], message: /flask>=3\.0, not pinned with ==/ },
    { name: "a line without a hash in a hashed file", dockerfile: install("-r requirements.txt"), requirements: [{ path: "requirements.txt", content: `${FULL[0]?.content ?? ""}gunicorn==22.0.0\n` }], expected: ["error hash-checking-mode gunicorn @3"] },
    { name: "--require-hashes with plain pins", dockerfile: install("--require-hashes -r requirements.txt"), requirements: [{ path: "requirements.txt", content: closure.join("\n") + "\n" }], expected: ["error hash-checking-mode flask @3"], message: /--require-hashes is given/ },
    { name: "PIP_REQUIRE_HASHES with plain pins", dockerfile: `${SLIM}\nENV PIP_REQUIRE_HASHES=1\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n`, requirements: [{ path: "requirements.txt", content: closure.join("\n") + "\n" }], expected: ["error hash-checking-mode flask @4"] },
    { name: "plain pins without the mode", dockerfile: install("-r requirements.txt gunicorn"), requirements: [{ path: "requirements.txt", content: "flask==3.0.0\n" }], expected: [] },
    { name: "an editable in a hashed file", dockerfile: `${SLIM}\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n`, requirements: [{ path: "requirements.txt", content: `${FULL[0]?.content ?? ""}-e .\n` }], expected: ["error hash-checking-mode . @3"], message: /-e \., editable/ },
    { name: "a hashed file without the dependencies", dockerfile: install("-r requirements.txt"), requirements: hashed(["flask==3.0.0"]), expected: ["error hash-checking-mode blinker @3"], message: /blinker, click, itsdangerous and 3 more, dependencies the files do not list/ },
    { name: "the same file installed with --no-deps", dockerfile: install("--no-deps -r requirements.txt"), requirements: hashed(["flask==3.0.0"]), expected: [] },
    // requests 2.20's own closure: the tables weigh it as a 2.3x, which requires charset-normalizer (2.26
    // swapped chardet for it), so what it requires is not known and nothing is said of the dependencies.
    { name: "a pin the tables hold only in another series", dockerfile: install("-r requirements.txt"), requirements: hashed(["requests==2.20.0", "certifi==2018.10.15", "chardet==3.0.4", "idna==2.7", "urllib3==1.24"]), expected: [] },
    // uv requires hashes only with its own --require-hashes.
    { name: "uv pip install of a hashed file beside a name", dockerfile: `${SLIM}\nCOPY --from=ghcr.io/astral-sh/uv:latest /uv /bin/\nCOPY requirements.txt .\nRUN uv pip install --system -r requirements.txt gunicorn\n`, requirements: FULL, expected: [] },
  ]);
});

describe("COPY --chown owners", () => {
  const APP = "COPY app.py /app/app.py";
  table([
    // RUN chown too: chown stops with "invalid user" at the first name it cannot find.
    { name: "RUN chown to a user nobody created", dockerfile: `${SLIM}\nRUN useradd -m -u 1000 user\nRUN chown -R admin:admin /home/user\n`, expected: ["error unknown-owner user:admin @3"] },
    { name: "RUN chown to the user made in the same RUN", dockerfile: `${SLIM}\nRUN useradd -m app && chown -R app:app /srv\n`, expected: [] },
    { name: "RUN chown with numeric ids, a base account, a variable", dockerfile: `${SLIM}\nARG OWNER\nRUN chown -R 1000:1000 /srv && chown www-data /srv && chown -R $OWNER /srv\n`, expected: [] },
    { name: "a user created later (corpus 058's rewrite)", dockerfile: `${SLIM}\nCOPY --chown=locust . /app\nRUN useradd --create-home locust\nUSER locust\n`, expected: ["error unknown-owner user:locust @2"] },
    { name: "the user created first", dockerfile: `${SLIM}\nRUN useradd --create-home locust\nCOPY --chown=locust . /app\n`, expected: [] },
    { name: "useradd's own group, and a group from groupadd", dockerfile: `${SLIM}\nRUN groupadd web && useradd -g web app\n${APP.replace("COPY", "COPY --chown=app:app")}\nADD --chown=app:web app.py /srv/\n`, expected: [] },
    { name: "a group nobody created (ADD too)", dockerfile: `${SLIM}\nRUN useradd app\nADD --chown=app:staffers app.py /srv/\n`, expected: ["error unknown-owner group:staffers @3"] },
    { name: "the base image's own accounts", dockerfile: `${SLIM}\n${APP.replace("COPY", "COPY --chown=www-data:nogroup")}\n${APP.replace("COPY", "COPY --chown=nobody")}\n`, expected: [] },
    { name: "Alpine's adduser -D", dockerfile: `${ALPINE}\nRUN addgroup -S app && adduser -S -D -G app app\n${APP.replace("COPY", "COPY --chown=app:app")}\n`, expected: [] },
    { name: "numeric IDs are never looked up", dockerfile: `${SLIM}\n${APP.replace("COPY", "COPY --chown=1000:1000")}\n`, expected: [] },
    { name: "a user made in the stage this one builds on", dockerfile: `${SLIM} AS base\nRUN useradd app\nFROM base\n${APP.replace("COPY", "COPY --chown=app")}\n`, expected: [] },
    { name: "a user made in another stage only", dockerfile: `${SLIM} AS builder\nRUN useradd app\n${SLIM}\n${APP.replace("COPY", "COPY --chown=app")}\n`, expected: ["error unknown-owner user:app @4"] },
    { name: "a variable with a value", dockerfile: `${SLIM}\nARG APP_USER=app\nRUN useradd $APP_USER\n${APP.replace("COPY", "COPY --chown=${APP_USER}")}\n`, expected: [] },
    { name: "a variable without a value: not checked", dockerfile: `${SLIM}\nARG APP_USER\n${APP.replace("COPY", "COPY --chown=$APP_USER")}\n`, expected: [] },
    { name: "after a package install (its scripts add users): not checked", dockerfile: `${SLIM}\nRUN apt-get update && apt-get install -y --no-install-recommends postgresql\n${APP.replace("COPY", "COPY --chown=postgres")}\n`, expected: [] },
    { name: "after copying a user database in: not checked", dockerfile: `${SLIM} AS users\nRUN useradd app\n${SLIM}\nCOPY --from=users /etc/passwd /etc/passwd\n${APP.replace("COPY", "COPY --chown=app")}\n`, expected: [] },
    { name: "after a RUN the model cannot follow: not checked", dockerfile: `${SLIM}\nRUN ./create-users.sh\n${APP.replace("COPY", "COPY --chown=app")}\n`, expected: [] },
    { name: "an image the tables do not know: not checked", dockerfile: `FROM example.com/team/base:1\n${APP.replace("COPY", "COPY --chown=app")}\n`, expected: [] },
  ]);
});

it("says what Alpine has instead of useradd", () => {
  const check = analyze({ dockerfile: `${ALPINE}\nRUN useradd -m -u 1000 user\n`, requirements: REQS, dockerignore: null }).buildCheck[0];
  expect(check?.message).toContain("Alpine's busybox has adduser instead (adduser -D -u UID NAME), or install the shadow package");
});
