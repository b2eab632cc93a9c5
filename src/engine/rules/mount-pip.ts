// cache/mount-pip — pip, uv and poetry keep every download in a cache directory. `--no-cache-dir` keeps
// that cache out of the image but makes every rebuild download everything again; a BuildKit cache mount
// does both jobs: the cache lives in the builder, outside every layer, and the next build reuses it.
//
// One rule for the three tools, with a per-tool table (support/cache-mounts.ts), because one RUN often
// holds two of them (`pip install uv && uv pip install …`, `pip install poetry && poetry install`) and
// their mounts go on the same RUN with one `# syntax=` line: separate rules would each add the directive
// and edit the same RUN flags. apt is cache/mount-apt's: it needs Docker's keep-cache line and an
// all-or-nothing check across stages that this table has no place for (docs/cache-mounts.md).
//
// Order (registry.ts): after size/multistage and before size/pip-no-cache-dir. Its fix is a suggestion
// (it needs BuildKit), so the plan offers it; not taken, pip-no-cache-dir then adds --no-cache-dir, and
// taken, the cache weighs 0 bytes and pip-no-cache-dir has nothing to say. The two never fight over the
// same flag. pip-no-cache-dir also offers the mount as its alternative.
import { formatBytes } from "../format";
import { makeFinding } from "./support/finding";
import { cacheMountEdits, unmountedCacheRuns, type CacheRun } from "./support/cache-mounts";
import type { Rule } from "./types";

function toolsOf(run: CacheRun): string {
  return [...new Set(run.uses.map((u) => u.tool))].join(" and ");
}

export const mountPip: Rule = {
  meta: {
    id: "cache/mount-pip",
    title: "Mount the installer's cache",
    category: "cache",
    severity: "info",
    fixSafety: "suggestion",
    // hadolint's DL3042 asks for --no-cache-dir even where a cache mount makes the word a loss (issue 10):
    // this rule asks the opposite, so it names no hadolint code.
    hadolint: null,
    docs: {
      what: "Adds `--mount=type=cache,target=<cache dir>` to each RUN that installs with pip, uv pip, uv sync or poetry install (and `# syntax=docker/dockerfile:1` when the file has no syntax directive), and drops the --no-cache-dir / --no-cache the mount replaces.",
      why: "Without a cache the image stays small but every rebuild downloads every wheel again; with pip's cache in a layer the image carries a copy of every wheel. A cache mount keeps the downloads in the builder, outside every layer: the image weighs the same as with --no-cache-dir, and a rebuild after a requirements change fetches only what changed.",
      before: "FROM python:3.12-slim\nRUN pip install flask\n",
      after: "# syntax=docker/dockerfile:1\nFROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n",
      safety: "A suggestion: the image holds the same files, but `RUN --mount` needs BuildKit (the default builder since Docker Engine 23.0; `DOCKER_BUILDKIT=0`, old engines and some CI builders reject it). Not offered where the install runs as another user than root (the mount is root's), where PIP_NO_CACHE_DIR/UV_NO_CACHE/POETRY_NO_CACHE turn the cache off for the stage, or where the tool installs under its cache directory (poetry's default virtualenvs path). With uv, set UV_LINK_MODE=copy to silence its hard-link warning: the cache is on another file system.",
    },
    messages: {
      mount: "{{tools}} downloads everything again on each rebuild{{inImage}}: mount {{targets}} as a BuildKit cache.",
    },
  },
  detect({ analysis }) {
    return unmountedCacheRuns(analysis).runs.map((run) => makeFinding(this.meta, "mount", {
      tools: toolsOf(run),
      inImage: run.inImage && run.bytes > 0 ? `, and this layer keeps ${formatBytes(run.bytes)} of its cache` : "",
      targets: [...new Set(run.uses.map((u) => u.target))].join(" and "),
    }, run.node.range));
  },
  fix({ analysis }) {
    const { runs } = unmountedCacheRuns(analysis);
    if (runs.length === 0) return [];
    const bytes = runs.reduce((sum, r) => sum + (r.inImage ? r.bytes : 0), 0);
    const dropped = [...new Set(runs.flatMap((r) => r.uses.flatMap((u) => u.offWords.map((w) => w.value))))];
    return [{
      id: "cache-mount",
      title: "Mount the cache with RUN --mount=type=cache",
      edits: [{ file: "dockerfile", edits: cacheMountEdits(analysis, runs) }],
      reason: `A BuildKit cache mount keeps the downloads out of the image${bytes > 0 ? ` (${formatBytes(bytes)} of cache leaves the image)` : ""} and in the builder, so a rebuild reuses them${dropped.length > 0 ? `; it replaces ${dropped.join(" and ")}, which made every build download again` : ""}. Needs BuildKit (Docker Engine 23.0+ builds with it by default).`,
    }];
  },
};
