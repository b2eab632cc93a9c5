import { describe } from "vitest";
import { apkNoCache } from "./apk-no-cache";
import { runRuleTests } from "./rule-tester";

describe("size/apk-no-cache", () => {
  runRuleTests(apkNoCache, {
    valid: [
      { name: "already --no-cache", dockerfile: "FROM python:3.12-alpine\nRUN apk add --no-cache libpq\n" },
      { name: "the cache deleted in the same RUN", dockerfile: "FROM python:3.12-alpine\nRUN apk add libpq && rm -rf /var/cache/apk/*\n" },
      { name: "apk update with nothing added after it", dockerfile: "FROM python:3.12-alpine\nRUN apk update\nRUN pip install --no-cache-dir flask\n" },
      // The global --no-cache holds for update too: the indexes are fetched and not kept.
      { name: "apk --no-cache update before apk --no-cache add", dockerfile: "FROM python:3.12-alpine\nRUN apk --no-cache update && apk --no-cache add tzdata\n" },
      { name: "only in a builder stage", dockerfile: "FROM python:3.12-alpine AS b\nRUN apk add build-base\nFROM python:3.12-alpine\nCOPY --from=b /usr/bin/gcc /usr/bin/gcc\n" },
    ],
    invalid: [
      {
        // Without the update an `apk upgrade` would find no index and upgrade nothing, silently.
        name: "update, upgrade, add: the upgrade fetches its own index",
        dockerfile: "FROM python:3.10-alpine\nRUN apk update && \\\n    apk upgrade && \\\n    apk add libpq-dev gcc musl-dev\n",
        findings: ["2:cache"],
        output: "FROM python:3.10-alpine\nRUN apk upgrade --no-cache && \\\n    apk add --no-cache libpq-dev gcc musl-dev\n",
      },
      {
        // The add keeps no index, the update before it does (a real file; H3's review).
        name: "update then add --no-cache: the update goes",
        dockerfile: "FROM python:3.12-alpine\nRUN apk update && \\\n    apk add --no-cache --virtual .build-deps gcc musl-dev\n",
        findings: ["2:update"],
        output: "FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev\n",
        reasonIncludes: ["3.00 MB"],
      },
      {
        // The second update writes the index the first left: it weighs nothing until the first goes, so
        // both go in one step (fuzz seed 100 cases 5411, 17737, 18202: otherwise it never converged).
        name: "two updates before adds with --no-cache: both go",
        dockerfile: "FROM python:3.12-alpine\nRUN apk update && apk add --no-cache gcc\nRUN apk update && apk add --no-cache libpq\n",
        findings: ["2:update"],
        output: "FROM python:3.12-alpine\nRUN apk add --no-cache gcc\nRUN apk add --no-cache libpq\n",
      },
      {
        name: "update then add",
        dockerfile: "FROM python:3.12-alpine\nRUN apk update && apk add libpq\n",
        findings: ["2:cache"],
        output: "FROM python:3.12-alpine\nRUN apk add --no-cache libpq\n",
        // The apk-index assumption (3 MB, estimate/assumptions.ts).
        reasonIncludes: ["3.00 MB"],
      },
      {
        name: "a virtual group, update flag kept",
        dockerfile: "FROM python:3.12-alpine\nRUN apk add -U --virtual .build-deps gcc musl-dev \\\n    && pip install --no-cache-dir flask \\\n    && apk del .build-deps\n",
        findings: ["2:cache"],
        output: "FROM python:3.12-alpine\nRUN apk add --no-cache -U --virtual .build-deps gcc musl-dev \\\n    && pip install --no-cache-dir flask \\\n    && apk del .build-deps\n",
      },
      {
        // The index is in the update's own layer: the add after it keeps none, and is not reported on its own.
        name: "apk update in a RUN of its own: it goes, and the adds after it fetch their own index",
        dockerfile: "FROM python:3.12-alpine\nRUN apk update\nRUN apk add libpq\nRUN apk add curl\n",
        findings: ["2:update"],
        messageIncludes: ["apk update keeps 3.00 MB"],
        output: "FROM python:3.12-alpine\nRUN apk add --no-cache libpq\nRUN apk add --no-cache curl\n",
      },
      {
        name: "two RUNs",
        dockerfile: "FROM alpine:3.22\nRUN apk add python3\nRUN apk update; apk add curl\n",
        findings: ["2:cache", "3:cache"],
        output: "FROM alpine:3.22\nRUN apk add --no-cache python3\nRUN apk add --no-cache curl\n",
      },
    ],
  });
});
