import { describe, expect, it } from "vitest";
import { aptOneLayer } from "./apt-one-layer";
import { contextOf, runRuleTests } from "./rule-tester";
import { mountFlag } from "./support/apt-cache-mounts";

/** Docker's documented apt cache mounts (cache/mount-apt's recipe): the lists live in /var/lib/apt's cache. */
const MOUNTS = `${mountFlag("/var/cache/apt")} ${mountFlag("/var/lib/apt")}`;

describe("size/apt-one-layer", () => {
  runRuleTests(aptOneLayer, {
    valid: [
      { name: "already one RUN", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n" },
      { name: "an update with other work is left alone", dockerfile: "FROM python:3.12-slim\nRUN apt-get update && apt-get upgrade -y\nRUN apt-get install -y curl\n" },
      { name: "only in a builder stage", dockerfile: "FROM python:3.12-slim AS b\nRUN apt-get update\nRUN apt-get install -y gcc\nFROM python:3.12-slim\nCOPY --from=b /usr/bin/gcc /usr/bin/gcc\n" },
      { name: "an update nothing installs from", dockerfile: "FROM python:3.12-slim\nRUN apt-get update\nCMD [\"python\"]\n" },
    ],
    invalid: [
      {
        name: "split update and install",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends libpq5\nCMD [\"python\"]\n",
        findings: ["2:split"],
        output: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\nCMD [\"python\"]\n",
        reasonIncludes: ["35.0 MB"],
      },
      {
        name: "two installs from one update, one already cleans up",
        dockerfile: "FROM python:3.12-slim\nRUN set -eux; apt-get update\nRUN apt install -y curl\nRUN apt install -y git && rm -rf /var/lib/apt/lists/*\n",
        findings: ["2:split"],
        output: "FROM python:3.12-slim\nRUN apt-get update && apt install -y curl && rm -rf /var/lib/apt/lists/*\nRUN apt-get update && apt install -y git && rm -rf /var/lib/apt/lists/*\n",
      },
      {
        name: "continued install with set -e first",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update -qq\nRUN set -e \\\n    && apt-get install -y curl\n",
        findings: ["2:split"],
        output: "FROM python:3.12-slim\nRUN set -e \\\n    && apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
      },
      {
        // Under the mounts the lists are in the builder's cache: the merge must not delete them (that only
        // empties the cache), but the stale-lists half of the problem is still there, so it still merges.
        name: "split under apt cache mounts: merged, with no cleanup of the cached lists",
        dockerfile: `FROM python:3.12-slim\nRUN ${MOUNTS} apt-get update\nRUN ${MOUNTS} apt-get install -y --no-install-recommends libpq5\n`,
        findings: ["2:splitMounted"],
        output: `FROM python:3.12-slim\nRUN ${MOUNTS} apt-get install -y --no-install-recommends libpq5\n`.replace("apt-get install", "apt-get update && apt-get install"),
        reasonIncludes: ["under its cache mount", "no cleanup"],
      },
      {
        name: "a cache mount on the lists themselves counts as well",
        dockerfile: `FROM python:3.12-slim\nRUN ${mountFlag("/var/lib/apt/lists")} apt-get update\nRUN ${mountFlag("/var/lib/apt/lists")} apt-get install -y curl\n`,
        findings: ["2:splitMounted"],
        output: `FROM python:3.12-slim\nRUN ${mountFlag("/var/lib/apt/lists")} apt-get update && apt-get install -y curl\n`,
      },
      {
        // Only the install's own mount decides: this RUN writes the lists into its layer, so it deletes them.
        name: "the update under a mount, the install without: the install's RUN cleans up",
        dockerfile: `FROM python:3.12-slim\nRUN ${MOUNTS} apt-get update\nRUN apt-get install -y curl\n`,
        findings: ["2:splitMounted"],
        output: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
      },
      {
        name: "a cache mount elsewhere (pip's) leaves the lists in the layer",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update\nRUN --mount=type=cache,target=/root/.cache/pip apt-get install -y curl\n",
        findings: ["2:split"],
        output: "FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
      },
      {
        name: "the install in a heredoc: reported, not rewritten",
        dockerfile: "FROM python:3.12-slim\nRUN apt-get update\nRUN <<EOF\napt-get install -y curl\nEOF\n",
        findings: ["2:split"],
        output: null,
      },
    ],
  });

  it("says the mounted split costs no bytes but reads stale lists, instead of counting 0 B as kept", () => {
    const [finding] = aptOneLayer.detect(contextOf({ dockerfile: `FROM python:3.12-slim\nRUN ${MOUNTS} apt-get update\nRUN ${MOUNTS} apt-get install -y curl\n` }));
    expect(finding?.message).toContain("the lists are in a cache mount");
    expect(finding?.message).not.toContain("stay in the image");
  });
});
