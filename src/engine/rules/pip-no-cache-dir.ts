// size/pip-no-cache-dir — pip keeps every wheel it downloads in ~/.cache/pip; in a single-stage image
// that cache ships with the app. Matches hadolint DL3042.
import { formatBytes } from "../format";
import { makeFinding } from "./support/finding";
import { cacheMountEdits, cacheUsesOf, type CacheRun } from "./support/cache-mounts";
import { cachedInstalls, noCacheEdit, noCacheWords } from "./support/pip-cache";
import type { FixAlternative, Rule } from "./types";

export const pipNoCacheDir: Rule = {
  meta: {
    id: "size/pip-no-cache-dir",
    title: "Turn off pip's cache",
    category: "size",
    severity: "warning",
    fixSafety: "safe",
    hadolint: "DL3042",
    docs: {
      what: "Adds --no-cache-dir to pip install (--no-cache to uv pip install and to poetry install) where the image would keep the installer's cache; or, as the alternative, mounts the cache with RUN --mount=type=cache. Where a cache mount is present it does not fire (hadolint's DL3042 does).",
      why: "pip stores each downloaded wheel under ~/.cache/pip so a later install can reuse it. Inside an image build there is no later install: the cache is dead weight in the layer, about the size of the wheels.",
      before: "FROM python:3.12-slim\nRUN pip install flask\n",
      after: "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n",
      safety: "Safe: the cache is never read again in the image; installs behave the same.",
    },
    messages: {
      cache: "{{tool}} {{keeps}} {{bytes}} of downloaded wheels in the image: add {{flag}}.",
    },
  },
  detect({ analysis }) {
    // Only caches that reach the final image count: a builder stage's cache is left behind anyway.
    return cachedInstalls(analysis).map((install) => {
      const words = noCacheWords([install]);
      return makeFinding(this.meta, "cache", { bytes: formatBytes(install.bytes), tool: words.tool, keeps: words.plural ? "keep" : "keeps", flag: words.flag }, install.node.range);
    });
  },
  fix({ analysis }) {
    const installs = cachedInstalls(analysis);
    if (installs.length === 0) return [];
    const bytes = installs.reduce((sum, i) => sum + i.bytes, 0);
    const words = noCacheWords(installs);
    const noCache: FixAlternative = {
      id: "no-cache-dir",
      title: `Add ${words.titleFlag}`,
      edits: [{ file: "dockerfile", edits: installs.flatMap((i) => i.infos.map(noCacheEdit)) }],
      reason: `${words.cache} ${words.plural ? "hold" : "holds"} ${formatBytes(bytes)} of ${words.holds} that nothing in the image reads again.`,
    };
    // The other way to keep the cache out (issue 10): a BuildKit cache mount, offered here where both
    // apply so the two never fight as separate steps (cache/mount-pip comes first, as a suggestion).
    const runs: Pick<CacheRun, "node" | "uses">[] = [];
    for (const { node } of installs) {
      const uses = cacheUsesOf(analysis, node);
      if (uses === null || !uses.ok || uses.uses.length === 0) return [noCache];
      runs.push({ node, uses: uses.uses });
    }
    return [noCache, {
      id: "cache-mount",
      title: "Mount the cache with RUN --mount=type=cache",
      edits: [{ file: "dockerfile", edits: cacheMountEdits(analysis, runs) }],
      reason: `A BuildKit cache mount keeps ${words.cache} (${formatBytes(bytes)}) out of the image and in the builder, so a rebuild reuses the downloads instead of fetching them again. Needs BuildKit (Docker Engine 23.0+ builds with it by default).`,
    }];
  },
};
