import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import { externallyManaged } from "./externally-managed";
import { runRuleTests } from "./rule-tester";

const requirements = { "requirements.txt": "flask==3.0.3\n" };
const APT = "RUN apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf /var/lib/apt/lists/*\n";
const NOBLE = `FROM ubuntu:24.04\n${APT}COPY requirements.txt .\nRUN pip3 install --no-cache-dir -r requirements.txt\n`;
const NOBLE_FIXED = `FROM ubuntu:24.04\n${APT}COPY requirements.txt .\nRUN pip3 install --break-system-packages --no-cache-dir -r requirements.txt\n`;

describe("correctness/externally-managed", () => {
  runRuleTests(externallyManaged, {
    valid: [
      { name: "Ubuntu 22.04 predates PEP 668 in Ubuntu", dockerfile: NOBLE.replace("ubuntu:24.04", "ubuntu:22.04"), requirements },
      { name: "an official python image's Python is not the distribution's", dockerfile: "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n", requirements },
      { name: "a venv", dockerfile: `FROM ubuntu:24.04\n${APT.replace("python3-pip", "python3-pip python3-venv")}RUN python3 -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n`, requirements },
      { name: "--target skips pip's check", dockerfile: NOBLE.replace("pip3 install", "pip3 install --target /deps"), requirements },
      { name: "the override in the environment", dockerfile: NOBLE.replace("COPY", "ENV PIP_BREAK_SYSTEM_PACKAGES=1\nCOPY"), requirements },
      { name: "pip's config set to override", dockerfile: NOBLE.replace("COPY", "RUN pip3 config set global.break-system-packages true\nCOPY"), requirements },
      { name: "the marker file removed", dockerfile: NOBLE.replace("COPY", "RUN rm -f /usr/lib/python3.12/EXTERNALLY-MANAGED\nCOPY"), requirements },
      { name: "fixed", dockerfile: NOBLE_FIXED, requirements },
    ],
    invalid: [
      { name: "Ubuntu 24.04: pip3 into python3", dockerfile: NOBLE, requirements, findings: ["4:managed"], output: NOBLE_FIXED, reasonIncludes: ["line 4", "python3-venv"] },
      // Debian's pip (and the setuptools, wheel python3-pip brings) cannot be uninstalled by pip: a
      // self-upgrade, or a pin in the requirements, installs beside it with --ignore-installed.
      {
        name: "a self-upgrade of Debian's pip, and a pinned setuptools in the requirements",
        dockerfile: `FROM debian:bookworm-slim\n${APT}COPY requirements.txt .\nRUN pip3 install --no-cache-dir --upgrade pip && pip3 install --no-cache-dir -r requirements.txt\nRUN pip3 install flask\n`,
        requirements: { "requirements.txt": "setuptools~=69.0\nflask==3.0.3\n" },
        findings: ["4:managed", "5:managed"],
        output: `FROM debian:bookworm-slim\n${APT}COPY requirements.txt .\nRUN pip3 install --break-system-packages --ignore-installed --no-cache-dir --upgrade pip && pip3 install --break-system-packages --ignore-installed --no-cache-dir -r requirements.txt\nRUN pip3 install --break-system-packages flask\n`,
        reasonIncludes: ["Where it asks for pip, setuptools, which apt installed and pip cannot uninstall"],
      },
      { name: "Debian bookworm, --user is refused too", dockerfile: `FROM debian:bookworm-slim\n${APT}RUN pip3 install --user flask\n`, findings: ["3:managed"], output: `FROM debian:bookworm-slim\n${APT}RUN pip3 install --break-system-packages --user flask\n` },
    ],
  });

  it.each([NOBLE, NOBLE_FIXED])("the build check reports the original and not the fix (%#)", (text) => {
    const analysis = analyze({ dockerfile: text, requirements: [{ path: "requirements.txt", content: requirements["requirements.txt"] }], dockerignore: null });
    expect(analysis.buildCheck.filter((c) => c.code === "externally-managed-environment").map((c) => c.line)).toEqual(text === NOBLE ? [4] : []);
  });
});
