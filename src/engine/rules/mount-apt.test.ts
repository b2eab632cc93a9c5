import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import { applyEdits } from "../text/edits";
import { aptLists } from "./apt-lists";
import { mountApt } from "./mount-apt";
import { contextOf, runRuleTests } from "./rule-tester";

const SLIM = "FROM python:3.12-slim";
const SYNTAX = "# syntax=docker/dockerfile:1";
// Docker's documented recipe (docs.docker.com/reference/dockerfile/#example-cache-apt-packages).
const KEEP = `RUN rm -f /etc/apt/apt.conf.d/docker-clean; echo 'Binary::apt::APT::Keep-Downloaded-Packages "true";' > /etc/apt/apt.conf.d/keep-cache`;
const MOUNTS = "--mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked";
const INSTALL = "apt-get update && apt-get install -y --no-install-recommends libpq5";

describe("cache/mount-apt", () => {
  runRuleTests(mountApt, {
    valid: [
      { name: "no apt", dockerfile: `${SLIM}\nRUN pip install --no-cache-dir flask\n` },
      { name: "already mounted", dockerfile: `${SYNTAX}\n${SLIM}\n${KEEP}\nRUN ${MOUNTS} ${INSTALL}\n` },
      // Left in a heredoc (which the rewrite does not edit), the cleanup would empty the mounts on every build.
      { name: "a heredoc that cleans apt's cache and lists", dockerfile: `${SLIM}\nRUN <<EOF\napt-get update\napt-get install -y --no-install-recommends libpq5\napt-get clean\nrm -rf /var/lib/apt/lists/*\nEOF\n` },
      { name: "exec form in the family: all or nothing", dockerfile: `${SLIM}\nRUN ${INSTALL}\nRUN ["apt-get", "install", "-y", "curl"]\n` },
      { name: "a later stage built FROM this one has an exec-form apt RUN", dockerfile: `${SLIM} AS base\nRUN ${INSTALL}\nFROM base\nRUN ["apt-get", "install", "-y", "curl"]\n` },
      { name: "apt as a non-root user", dockerfile: `${SLIM}\nRUN useradd -m app\nUSER app\nRUN ${INSTALL}\n` },
      { name: "a stage the image does not need is not built", dockerfile: `${SLIM} AS unused\nRUN ${INSTALL}\n${SLIM}\nCOPY app.py .\n` },
      { name: "alpine's apk is size/apk-no-cache's", dockerfile: "FROM python:3.12-alpine\nRUN apk add libpq\n" },
    ],
    invalid: [
      {
        name: "one RUN: recipe, mounts, and the list cleanup goes",
        dockerfile: `${SLIM}\nRUN ${INSTALL} && rm -rf /var/lib/apt/lists/*\n`,
        findings: ["2:mount"],
        output: `${SYNTAX}\n${SLIM}\n${KEEP}\nRUN ${MOUNTS} ${INSTALL}\n`,
        reasonIncludes: ["the list cleanup goes"],
      },
      {
        // Corpus files 013, 035, 047…: the recipe line went between the RUN and the comment that describes it.
        name: "the recipe line goes above the comment block of the apt RUN",
        dockerfile: `${SLIM}\n# system packages\n# (libpq for psycopg)\nRUN ${INSTALL}\n`,
        findings: ["4:mount"],
        output: `${SYNTAX}\n${SLIM}\n${KEEP}\n# system packages\n# (libpq for psycopg)\nRUN ${MOUNTS} ${INSTALL}\n`,
      },
      {
        name: "lists left in the layer leave the image",
        dockerfile: `${SLIM}\nRUN ${INSTALL}\n`,
        findings: ["2:mount"],
        output: `${SYNTAX}\n${SLIM}\n${KEEP}\nRUN ${MOUNTS} ${INSTALL}\n`,
        reasonIncludes: ["of lists leaves the image"],
      },
      {
        name: "apt-get clean goes too; other cleanups stay; CRLF and indentation kept",
        dockerfile: `# syntax=docker/dockerfile:1.7\r\n${SLIM}\r\n  RUN ${INSTALL} && apt-get clean && rm -rf /var/lib/apt/lists/* /tmp/*\r\n`,
        findings: ["3:mount"],
        output: `# syntax=docker/dockerfile:1.7\r\n${SLIM}\r\n  ${KEEP}\r\n  RUN ${MOUNTS} ${INSTALL} && rm -rf /var/lib/apt/lists/* /tmp/*\r\n`,
      },
      {
        name: "every apt RUN of the stage, one recipe before the first",
        dockerfile: `${SLIM}\nRUN apt-get update\nCOPY . /app\nRUN apt-get install -y --no-install-recommends libpq5\nRUN apt-get purge -y --auto-remove gcc\n`,
        findings: ["2:mount", "4:mount", "5:mount"],
        output: `${SYNTAX}\n${SLIM}\n${KEEP}\nRUN ${MOUNTS} apt-get update\nCOPY . /app\nRUN ${MOUNTS} apt-get install -y --no-install-recommends libpq5\nRUN ${MOUNTS} apt-get purge -y --auto-remove gcc\n`,
      },
      {
        name: "a stage built FROM an apt stage inherits its recipe; a sibling gets its own",
        dockerfile: `${SLIM} AS base\nRUN ${INSTALL}\nFROM base AS builder\nRUN apt-get update && apt-get install -y gcc\n${SLIM}\nRUN apt-get update && apt-get install -y curl\nCOPY --from=builder /opt /opt\n`,
        findings: ["2:mount", "4:mount", "6:mount"],
        output: `${SYNTAX}\n${SLIM} AS base\n${KEEP}\nRUN ${MOUNTS} ${INSTALL}\nFROM base AS builder\nRUN ${MOUNTS} apt-get update && apt-get install -y gcc\n${SLIM}\n${KEEP}\nRUN ${MOUNTS} apt-get update && apt-get install -y curl\nCOPY --from=builder /opt /opt\n`,
      },
      {
        name: "a half-mounted RUN gets the missing mount; an existing recipe is kept",
        dockerfile: `${SLIM}\n${KEEP}\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked ${INSTALL}\n`,
        findings: ["3:mount"],
        output: `${SYNTAX}\n${SLIM}\n${KEEP}\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked --mount=type=cache,target=/var/cache/apt,sharing=locked ${INSTALL}\n`,
      },
    ],
  });

  function applied(dockerfile: string): string {
    const context = contextOf({ dockerfile });
    const [fix] = mountApt.fix(context, mountApt.detect(context));
    if (fix === undefined) throw new Error("no fix");
    const result = applyEdits(dockerfile, fix.edits.flatMap((e) => e.edits));
    if (!result.ok) throw new Error(result.error);
    return result.text;
  }

  it.each([
    { name: "lists kept in the layer", dockerfile: `${SLIM}\nRUN ${INSTALL}\n` },
    { name: "split update and install", dockerfile: `${SLIM}\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends libpq5\n` },
  ])("$name: the mounted lists weigh 0 bytes, and size/apt-lists no longer asks for the cleanup", ({ dockerfile }) => {
    const before = contextOf({ dockerfile });
    const lists = before.analysis.estimate.layers.flatMap((l) => l.items).filter((i) => i.path.startsWith("/var/lib/apt/lists"));
    const listBytes = lists.reduce((sum, i) => sum + i.bytes, 0);
    expect(listBytes).toBeGreaterThan(0);
    expect(aptLists.detect(before)).not.toEqual([]);
    const text = applied(dockerfile);
    const after = analyze({ dockerfile: text, requirements: [], dockerignore: null });
    expect(after.estimate.layers.flatMap((l) => l.items).filter((i) => i.path.startsWith("/var/lib/apt"))).toEqual([]);
    // Only the lists leave: the packages and everything else weigh the same (the keep-cache line writes
    // one line of configuration, which the model counts as nothing).
    expect(after.estimate.totalBytes).toBe(before.analysis.estimate.totalBytes - listBytes);
    expect(aptLists.detect({ input: { dockerfile: text, requirements: [], dockerignore: null }, analysis: after })).toEqual([]);
  });

  it("size/apt-lists does not add the cleanup to a mounted RUN while fixing an unmounted one", () => {
    const dockerfile = `${SLIM}\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked ${INSTALL}\nRUN apt-get update && apt-get install -y curl\n`;
    const context = contextOf({ dockerfile });
    const [fix] = aptLists.fix(context, aptLists.detect(context));
    const result = applyEdits(dockerfile, (fix?.edits ?? []).flatMap((e) => e.edits));
    if (!result.ok) throw new Error(result.error);
    expect(result.text).toBe(`${SLIM}\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked ${INSTALL}\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n`);
  });
});
