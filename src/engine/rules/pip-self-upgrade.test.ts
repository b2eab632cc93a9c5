import { describe } from "vitest";
import { findPythonPackage } from "../knowledge";
import { pipSelfUpgrade } from "./pip-self-upgrade";
import { runRuleTests } from "./rule-tester";

// The pin comes from the package table's pip row, so the expected text follows the table.
const pinned = findPythonPackage("pip")?.version ?? "";

// pip-compile --generate-hashes output for itsdangerous, which requires nothing.
const HASHED = `itsdangerous==2.1.2 \\\n    --hash=sha256:${"a".repeat(64)}\n`;

describe("hygiene/pip-self-upgrade", () => {
  runRuleTests(pipSelfUpgrade, {
    valid: [
      { name: "pinned pip", dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir pip==24.0\n" },
      { name: "uv pip never upgrades pip", dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir uv && uv pip install --system --no-cache flask\n" },
      { name: "pipx is another project", dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir --upgrade pipx\n" },
    ],
    invalid: [
      {
        name: "upgrade chained before the install",
        dockerfile: "FROM python:3.12-slim\nRUN pip install --upgrade pip && pip install --no-cache-dir flask\n",
        findings: ["2:upgrade"],
        alternatives: ["pin", "drop"],
        alternative: "drop",
        output: "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n",
      },
      {
        // The table has no buster image: bullseye-slim's row stands in for the sizes, but buster's python3
        // is 3.7, for which pip 24.0 is the last (pip==26.0.1, bullseye's 3.9 pin, would not install).
        name: "a venv on debian:buster-slim: the pin is Python 3.7's",
        dockerfile: "FROM debian:buster-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3-venv && python3 -m venv /venv && /venv/bin/pip install --upgrade pip\n",
        findings: ["2:upgrade"],
        alternative: "pin",
        output: "FROM debian:buster-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3-venv && python3 -m venv /venv && /venv/bin/pip install --upgrade pip==24.0\n",
      },
      {
        name: "its own RUN",
        dockerfile: "FROM python:3.12-slim\nRUN python -m pip install -U pip\nRUN pip install --no-cache-dir flask\n",
        findings: ["2:upgrade"],
        alternative: "drop",
        output: "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n",
      },
      {
        name: "with setuptools and wheel: only pip goes",
        dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir -U pip setuptools wheel\n",
        findings: ["2:upgrade"],
        alternative: "drop",
        output: "FROM python:3.12-slim\nRUN pip install --no-cache-dir -U setuptools wheel\n",
      },
      {
        name: "pinned by default",
        dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir --upgrade pip && pip install --no-cache-dir flask\n",
        findings: ["2:upgrade"],
        output: `FROM python:3.12-slim\nRUN pip install --no-cache-dir --upgrade pip==${pinned} && pip install --no-cache-dir flask\n`,
      },
      {
        // pip 25.0 dropped Python 3.8 (pip's changelog): 24.3.1 is the last that runs there.
        name: "an old python image: pinned first, to a pip that runs on it",
        dockerfile: "FROM python:3.8-slim\nRUN pip install --upgrade pip && pip install --no-cache-dir flask\n",
        findings: ["2:upgrade"],
        alternatives: ["pin", "drop"],
        output: "FROM python:3.8-slim\nRUN pip install --upgrade pip==24.3.1 && pip install --no-cache-dir flask\n",
        reasonIncludes: ["last pip for Python 3.8"],
      },
      {
        // The pin is read on the Python of the stage it rewrites: a 3.8 stage elsewhere does not make it 3.8's.
        name: "an old Python in another stage only: the newest pip",
        dockerfile: "FROM python:3.8-slim AS legacy\nRUN python -c 'print(1)'\nFROM python:3.12-slim\nRUN pip install --upgrade pip && pip install --no-cache-dir flask\n",
        findings: ["4:upgrade"],
        output: `FROM python:3.8-slim AS legacy\nRUN python -c 'print(1)'\nFROM python:3.12-slim\nRUN pip install --upgrade pip==${pinned} && pip install --no-cache-dir flask\n`,
      },
      {
        // pip 26.1 dropped Python 3.9: the table's newest pip would not install on python:3.9.
        name: "python 3.9: pinned to the last pip that runs there",
        dockerfile: "FROM python:3.9-slim\nRUN pip install --upgrade pip && pip install --no-cache-dir flask\n",
        findings: ["2:upgrade"],
        alternatives: ["pin", "drop"],
        output: "FROM python:3.9-slim\nRUN pip install --upgrade pip==26.0.1 && pip install --no-cache-dir flask\n",
        reasonIncludes: ["last pip for Python 3.9"],
      },
      {
        // The table has no python:3.5 image: 3.6-slim stands in for the sizes, but the image runs 3.5, where
        // pip 21.x (Requires-Python >=3.6) does not install: 20.3.4 is the last pip for 3.5.
        name: "python 3.5, weighed as 3.6: the pin is Python 3.5's",
        dockerfile: "FROM python:3.5-slim\nRUN pip install --upgrade pip && pip install --no-cache-dir flask\n",
        findings: ["2:upgrade"],
        alternatives: ["pin", "drop"],
        alternative: "pin",
        output: "FROM python:3.5-slim\nRUN pip install --upgrade pip==20.3.4 && pip install --no-cache-dir flask\n",
        reasonIncludes: ["last pip for Python 3.5"],
      },
      {
        // pip 19.2 dropped Python 3.4; the Alpine tag is read the same way as the Debian ones.
        name: "python 3.4 on Alpine: the pin is Python 3.4's",
        dockerfile: "FROM python:3.4-alpine\nRUN pip install --upgrade pip && pip install --no-cache-dir flask\n",
        findings: ["2:upgrade"],
        alternatives: ["pin", "drop"],
        alternative: "pin",
        output: "FROM python:3.4-alpine\nRUN pip install --upgrade pip==19.1.1 && pip install --no-cache-dir flask\n",
        reasonIncludes: ["last pip for Python 3.4"],
      },
      {
        // Python 3.3's last pip is not in the table: any version named would be a guess.
        name: "a dropped Python the table lacks: no pin",
        dockerfile: "FROM python:3.3-slim\nRUN pip install --upgrade pip && pip install --no-cache-dir flask\n",
        findings: ["2:upgrade"],
        alternatives: ["drop"],
        output: "FROM python:3.3-slim\nRUN pip install --no-cache-dir flask\n",
      },
      {
        // Corpus 107: the Python comes from a build argument. pip==<newest> fails on any Python the newest
        // pip dropped (3.9 and older), so only the drop is offered.
        name: "a Python the estimate cannot tell: no pin",
        dockerfile: "ARG PYTHON_VERSION\nFROM python:${PYTHON_VERSION}-slim\nRUN pip install --upgrade pip && pip install --no-cache-dir flask\n",
        findings: ["3:upgrade"],
        alternatives: ["drop"],
        output: "ARG PYTHON_VERSION\nFROM python:${PYTHON_VERSION}-slim\nRUN pip install --no-cache-dir flask\n",
      },
      {
        // One --hash puts the whole command in pip's hash-checking mode: pip==X has no hash either, and pip
        // refuses it as it refuses pip, so the pin is not offered.
        name: "upgraded in the command that reads a hashed file: only the drop",
        dockerfile: "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir --upgrade pip -r requirements.txt\n",
        requirements: { "requirements.txt": HASHED },
        findings: ["3:upgrade"],
        alternatives: ["drop"],
        output: "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir --upgrade -r requirements.txt\n",
      },
      {
        name: "upgraded in its own command before the hashed install: pinned",
        dockerfile: "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --upgrade pip && pip install --no-cache-dir -r requirements.txt\n",
        requirements: { "requirements.txt": HASHED },
        findings: ["3:upgrade"],
        alternatives: ["pin", "drop"],
        output: `FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --upgrade pip==${pinned} && pip install --no-cache-dir -r requirements.txt\n`,
      },
    ],
  });
});
