import { describe } from "vitest";
import { pipInstallOption } from "./pip-install-option";
import { runRuleTests } from "./rule-tester";

describe("correctness/pip-install-option", () => {
  runRuleTests(pipInstallOption, {
    valid: [
      { name: "--prefix already", dockerfile: "FROM python:3.12-slim\nRUN pip install --prefix=/install flask\n" },
      { name: "another install option", dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n" },
    ],
    invalid: [
      {
        name: "one word with =",
        dockerfile: "FROM python:3.12-slim AS builder\nRUN pip install --install-option=\"--prefix=/install\" -r requirements.txt\n",
        findings: ["2:removed"],
        output: "FROM python:3.12-slim AS builder\nRUN pip install --prefix=/install -r requirements.txt\n",
      },
      {
        name: "value as the next word",
        dockerfile: "FROM python:3.12-slim AS builder\nRUN pip install --install-option '--prefix=/opt/deps' flask\n",
        findings: ["2:removed"],
        output: "FROM python:3.12-slim AS builder\nRUN pip install --prefix=/opt/deps flask\n",
      },
    ],
  });
});
