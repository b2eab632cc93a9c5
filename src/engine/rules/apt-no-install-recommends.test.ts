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
    ],
    invalid: [
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
        // Without the flag python3-pip brings build-essential, which a later source build may use: no rewrite.
        name: "python3-pip alone: reported, not rewritten",
        dockerfile: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y python3-pip && rm -rf /var/lib/apt/lists/*\n",
        findings: ["2:recommends"],
        output: null,
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
        name: "python3-pip with a compiler named: rewritten, and the recommendation named",
        dockerfile: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y python3-pip gcc && rm -rf /var/lib/apt/lists/*\n",
        findings: ["2:recommends"],
        output: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install --no-install-recommends -y python3-pip gcc && rm -rf /var/lib/apt/lists/*\n",
        reasonIncludes: ["python3-pip recommends build-essential"],
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
        // Ubuntu has no release table: the hand-made rows carry no Recommends, and the reason says so.
        name: "an Ubuntu base: rewritten, the saving not weighed",
        dockerfile: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
        findings: ["2:recommends"],
        output: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*\n",
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
