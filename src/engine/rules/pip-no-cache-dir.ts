// size/pip-no-cache-dir — pip keeps every wheel it downloads in ~/.cache/pip; in a single-stage image
// that cache ships with the app. Matches hadolint DL3042.
import { formatBytes } from "../format";
import { makeFinding } from "./support/finding";
import { cachedInstalls, noCacheEdit } from "./support/pip-cache";
import type { Rule } from "./types";

export const pipNoCacheDir: Rule = {
  meta: {
    id: "size/pip-no-cache-dir",
    title: "Turn off pip's cache",
    category: "size",
    severity: "warning",
    fixSafety: "safe",
    hadolint: "DL3042",
    docs: {
      what: "Adds --no-cache-dir to pip install (--no-cache to uv pip install) where the image would keep the installer's cache.",
      why: "pip stores each downloaded wheel under ~/.cache/pip so a later install can reuse it. Inside an image build there is no later install: the cache is dead weight in the layer, about the size of the wheels.",
      before: "FROM python:3.12-slim\nRUN pip install flask\n",
      after: "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n",
      safety: "Safe: the cache is never read again in the image; installs behave the same.",
    },
    messages: {
      cache: "pip keeps {{bytes}} of downloaded wheels in the image: add --no-cache-dir.",
    },
  },
  detect({ analysis }) {
    // Only caches that reach the final image count: a builder stage's cache is left behind anyway.
    return cachedInstalls(analysis).map(({ node, bytes }) => makeFinding(this.meta, "cache", { bytes: formatBytes(bytes) }, node.range));
  },
  fix({ analysis }) {
    const installs = cachedInstalls(analysis);
    if (installs.length === 0) return [];
    const bytes = installs.reduce((sum, i) => sum + i.bytes, 0);
    return [{
      id: "no-cache-dir",
      title: "Add --no-cache-dir",
      edits: [{ file: "dockerfile", edits: installs.flatMap((i) => i.infos.map(noCacheEdit)) }],
      reason: `pip's cache holds ${formatBytes(bytes)} of wheels that nothing in the image reads again.`,
    }];
  },
};
