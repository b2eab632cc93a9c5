import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import { formatBytes } from "../format";
import { debianBasePackages, debianRecommendsWeight } from "../knowledge";
import { aptNoInstallRecommends } from "./apt-no-install-recommends";
import { runRuleTests } from "./rule-tester";

describe("size/apt-no-install-recommends", () => {
  runRuleTests(aptNoInstallRecommends, {
    valid: [
      { name: "already has the flag", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n" },
      { name: "apt's option form", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y -o APT::Install-Recommends=false curl && rm -rf /var/lib/apt/lists/*\n" },
      { name: "only in a builder stage", dockerfile: "FROM python:3.12-slim AS b\nRUN apt-get update && apt-get install -y gcc\nFROM python:3.12-slim\nCOPY --from=b /usr/bin/gcc /usr/bin/gcc\n" },
      { name: "no apt at all", dockerfile: "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n" },
      // The purge and the autoremove in the same RUN take the Recommends away with the package.
      { name: "purged and autoremoved in the same RUN", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get -y install build-essential && pip install --no-cache-dir uwsgi && apt-get purge -y build-essential && apt-get -y autoremove && rm -rf /var/lib/apt/lists/*\n" },
      { name: "purge --auto-remove", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get -y install gcc && pip install --no-cache-dir uwsgi && apt-get purge -y --auto-remove gcc && rm -rf /var/lib/apt/lists/*\n" },
    ],
    invalid: [
      {
        // Purged without an autoremove: what gcc recommended stays in the layer.
        name: "purged without autoremove: the Recommends stay",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get -y install gcc && pip install --no-cache-dir uwsgi && apt-get purge -y gcc && rm -rf /var/lib/apt/lists/*\n",
        findings: ["2:recommends"],
        output: "FROM python:3.12-slim\nRUN apt-get update && apt-get -y install --no-install-recommends gcc libc6-dev && pip install --no-cache-dir uwsgi && apt-get purge -y gcc && rm -rf /var/lib/apt/lists/*\n",
      },
      {
        // trixie's libpq5 Recommends krb5-locales (via libgssapi-krb5-2), libsasl2-modules and libldap-common
        // (via libldap2): apt-cache show on trixie, and apt-get -s install libpq5 installs them.
        name: "plain install: the reason names the recommended packages",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y libpq5 && rm -rf /var/lib/apt/lists/*\n",
        findings: ["2:recommends"],
        output: "FROM python:3.12-slim\nRUN apt-get update && apt-get install --no-install-recommends -y libpq5 && rm -rf /var/lib/apt/lists/*\n",
        reasonIncludes: ["recommended packages", "krb5-locales", "libsasl2-modules", "from the Debian release table"],
      },
      {
        // python3-pip's recommended build-essential is only weight where nothing after it compiles.
        name: "python3-pip alone: nothing compiles afterwards, so rewritten",
        dockerfile: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y python3-pip && rm -rf /var/lib/apt/lists/*\n",
        findings: ["2:recommends"],
        output: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install --no-install-recommends -y python3-pip && rm -rf /var/lib/apt/lists/*\n",
        reasonIncludes: ["python3-pip recommends build-essential"],
      },
      {
        name: "python3-pip, then packages that are all wheels for the image: rewritten",
        dockerfile: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y python3-pip && rm -rf /var/lib/apt/lists/*\nRUN pip3 install --break-system-packages --no-cache-dir requests==2.31.0\n",
        findings: ["2:recommends"],
        output: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install --no-install-recommends -y python3-pip && rm -rf /var/lib/apt/lists/*\nRUN pip3 install --break-system-packages --no-cache-dir requests==2.31.0\n",
      },
      {
        // psycopg2 2.9.9 ships no Linux wheel: pip compiles it with the recommended gcc.
        name: "python3-pip, then a package pip builds from source: reported with the reason, not rewritten",
        dockerfile: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y python3-pip libpq-dev && rm -rf /var/lib/apt/lists/*\nRUN pip3 install --break-system-packages --no-cache-dir psycopg2==2.9.9\n",
        findings: ["2:recommendsNoFix"],
        output: null,
        messageIncludes: ["No rewrite is offered: a compiler (gcc-12) comes only as a recommendation", "pip builds psycopg2 from source"],
      },
      {
        name: "python3-pip, then the project itself is built: not rewritten",
        dockerfile: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y python3-pip && rm -rf /var/lib/apt/lists/*\nCOPY . /src\nRUN pip3 install --break-system-packages /src\n",
        findings: ["2:recommendsNoFix"],
        output: null,
        messageIncludes: ["line 4 builds the project itself (pip install of a path or URL)"],
      },
      {
        name: "python3-pip, then uv sync of the dependencies only (--no-install-project): rewritten",
        dockerfile: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y python3-pip && rm -rf /var/lib/apt/lists/*\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-install-project\n",
        projectFiles: { "pyproject.toml": "[project]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = []\n" },
        findings: ["2:recommends"],
        output: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install --no-install-recommends -y python3-pip && rm -rf /var/lib/apt/lists/*\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-install-project\n",
      },
      {
        name: "python3-pip, then uv sync that installs the project: not rewritten",
        dockerfile: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y python3-pip && rm -rf /var/lib/apt/lists/*\nCOPY . .\nRUN uv sync --frozen\n",
        projectFiles: { "pyproject.toml": "[project]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = []\n" },
        findings: ["2:recommendsNoFix"],
        output: null,
        messageIncludes: ["line 4 builds the project itself (uv sync)"],
      },
      {
        name: "python3-pip, then a command the model does not read: not rewritten",
        dockerfile: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y python3-pip && rm -rf /var/lib/apt/lists/*\nCOPY . /src\nRUN cd /src && ./configure && make install\n",
        findings: ["2:recommendsNoFix"],
        output: null,
        messageIncludes: ["line 4 runs something Whaleweight does not model"],
      },
      {
        name: "python3-pip, then a stage built on it compiles: not rewritten",
        dockerfile: "FROM debian:bookworm-slim AS base\nRUN apt-get update && apt-get install -y python3-pip libpq-dev && rm -rf /var/lib/apt/lists/*\nFROM base AS build\nRUN pip3 wheel --no-cache-dir -w /wheels psycopg2==2.9.9\nFROM base\nCOPY --from=build /wheels /wheels\n",
        findings: ["2:recommendsNoFix"],
        output: null,
        messageIncludes: ["pip builds psycopg2 from source"],
      },
      {
        name: "python3-pip on a base image the tables do not know: not rewritten, and the image named",
        dockerfile: "FROM registry.example.com/team/cuda-runtime:12\nRUN apt-get update && apt-get install -y python3-pip && rm -rf /var/lib/apt/lists/*\nRUN pip3 install --no-cache-dir requests==2.31.0\n",
        findings: ["2:recommendsNoFix"],
        output: null,
        messageIncludes: ["the base image registry.example.com/team/cuda-runtime:12 (line 1) is not one whose contents Whaleweight knows"],
      },
      {
        name: "python3-pip, then a package no table holds: not rewritten",
        dockerfile: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y python3-pip && rm -rf /var/lib/apt/lists/*\nRUN pip3 install --break-system-packages --no-cache-dir surely-not-a-real-package-xyz==1.0\n",
        findings: ["2:recommendsNoFix"],
        output: null,
        messageIncludes: ["surely-not-a-real-package-xyz is in no package table"],
      },
      {
        // bookworm's git Recommends ssh-client → openssh-client, whose Recommends xauth bring libx11: no compiler.
        name: "git: a recommendation of a recommendation is weighed too",
        dockerfile: "FROM python:3.11-slim-bookworm\nRUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\n",
        findings: ["2:recommends"],
        output: "FROM python:3.11-slim-bookworm\nRUN apt-get update && apt-get install --no-install-recommends -y git && rm -rf /var/lib/apt/lists/*\n",
        reasonIncludes: ["recommended packages"],
      },
      {
        name: "python3-pip with a compiler named: rewritten, the recommendation named, libc's headers kept for gcc",
        dockerfile: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y python3-pip gcc && rm -rf /var/lib/apt/lists/*\n",
        findings: ["2:recommends"],
        output: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install --no-install-recommends -y python3-pip gcc libc6-dev && rm -rf /var/lib/apt/lists/*\n",
        reasonIncludes: ["python3-pip recommends build-essential", "libc6-dev (libc's headers, which the compiler only recommends) is installed by name"],
      },
      {
        // gcc only Recommends libc6-dev: without it the psycopg2 build would stop at limits.h (the build check's error).
        name: "gcc for a source build: its headers stay, by name",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc libpq-dev && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir psycopg2==2.9.9\n",
        findings: ["2:recommends"],
        output: "FROM python:3.12-slim\nRUN apt-get update && apt-get install --no-install-recommends -y gcc libpq-dev libc6-dev && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir psycopg2==2.9.9\n",
      },
      {
        name: "two installs in two RUNs, continued lines",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update \\\n    && apt install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\nRUN apt-get update && apt-get -y install git && rm -rf /var/lib/apt/lists/*\n",
        findings: ["2:recommends", "5:recommends"],
        output: "FROM python:3.12-slim\nRUN apt-get update \\\n    && apt install --no-install-recommends -y curl \\\n    && rm -rf /var/lib/apt/lists/*\nRUN apt-get update && apt-get -y install --no-install-recommends git && rm -rf /var/lib/apt/lists/*\n",
      },
      {
        name: "a heredoc RUN: reported, not rewritten",
        dockerfile: "FROM python:3.12-slim\nRUN <<EOF\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\n",
        findings: ["2:recommends"],
        output: null,
      },
      {
        // tzdata is in python slim already: apt installs nothing, recommended or not.
        name: "a package the image already has: rewritten, and the reason says it saves nothing",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get install -y tzdata\n",
        findings: ["2:recommends"],
        output: "FROM python:3.12-slim\nRUN apt-get install --no-install-recommends -y tzdata\n",
        reasonIncludes: ["saves no bytes"],
      },
      {
        // Ubuntu's apt is weighed with the Debian release of its era (noble → trixie).
        name: "an Ubuntu base: rewritten, the saving weighed from the Debian release of its era",
        dockerfile: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
        findings: ["2:recommends"],
        output: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*\n",
        reasonIncludes: ["recommended packages", "from the Debian release table"],
      },
      {
        // jammy's python3.10-venv is not a bookworm package: the stand-in table cannot weigh it, and the
        // reason says the saving is not weighed.
        name: "an Ubuntu package the stand-in release lacks: rewritten, the saving not weighed",
        dockerfile: "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y python3.10-venv && rm -rf /var/lib/apt/lists/*\n",
        findings: ["2:recommends"],
        output: "FROM ubuntu:22.04\nRUN apt-get update && apt-get install --no-install-recommends -y python3.10-venv && rm -rf /var/lib/apt/lists/*\n",
        reasonIncludes: ["not weighed", "apt-recommends"],
      },
    ],
  });

  it("the step saves exactly what the table's Recommends rows add, and the reason names the biggest with their sizes", () => {
    const before = "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n";
    const after = "FROM python:3.12-slim\nRUN apt-get update && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*\n";
    const input = (dockerfile: string) => ({ dockerfile, requirements: [], dockerignore: null });
    const analysis = analyze(input(before));
    // python:3.12-slim is trixie's slim image; the expected packages are the table's own rows.
    const expected = debianRecommendsWeight(["curl"], "trixie", debianBasePackages("trixie"));
    expect(expected?.packages.length).toBeGreaterThan(0);
    expect(analysis.estimate.totalBytes - analyze(input(after)).estimate.totalBytes).toBe(expected?.bytes);
    const reason = aptNoInstallRecommends.fix({ input: input(before), analysis }, [])[0]?.reason ?? "";
    expect(reason).toContain(`${formatBytes(expected?.bytes ?? 0)} of Installed-Size`);
    for (const p of expected?.packages.slice(0, 3) ?? []) expect(reason).toContain(`${p.name} ${formatBytes(p.bytes)}`);
  });
});
