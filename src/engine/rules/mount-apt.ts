// cache/mount-apt — apt downloads the package lists and every .deb again on each rebuild. Docker's
// documented recipe (docs.docker.com/reference/dockerfile/#example-cache-apt-packages, 2026-12) keeps both
// in BuildKit cache mounts: one RUN removes Debian's docker-clean hook (which deletes each downloaded .deb)
// and tells apt to keep downloads, then each apt RUN mounts /var/cache/apt and /var/lib/apt with
// sharing=locked. The lists then live in the mount, not the layer: `rm -rf /var/lib/apt/lists/*` has
// nothing to delete from the image and would only empty the cache, so the fix drops it, and size/apt-lists
// (which reads the estimate's list bytes) has nothing to ask for.
//
// All or nothing per family of stages (support/apt-cache-mounts.ts): with docker-clean gone, an apt RUN
// without the mounts would keep its .deb files in its layer. Alpine's apk is left to size/apk-no-cache:
// `apk add --no-cache` already keeps the index out of the layer, and the index is a few MB, so a mount
// there would save one small download per build at the price of the same BuildKit requirement.
//
// Order (registry.ts): with cache/mount-pip, before size/apt-one-layer and size/apt-lists. Offered (it
// needs BuildKit): not taken, apt-lists adds the cleanup as before; taken, the lists weigh 0 bytes and
// apt-lists does not fire.
import { formatBytes } from "../format";
import { aptMountEdits, aptMountPlan } from "./support/apt-cache-mounts";
import { makeFinding } from "./support/finding";
import type { Rule } from "./types";

export const mountApt: Rule = {
  meta: {
    id: "cache/mount-apt",
    title: "Mount apt's caches",
    category: "cache",
    severity: "info",
    fixSafety: "suggestion",
    // hadolint's DL3009 asks for the lists cleanup even under a mount; no check asks for the mount.
    hadolint: null,
    docs: {
      what: "Adds Docker's keep-cache line (remove /etc/apt/apt.conf.d/docker-clean, keep downloaded packages) before the first apt RUN, `--mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked` to every apt RUN of that stage and the stages built on it, `# syntax=docker/dockerfile:1` when the file has none, and drops the `rm -rf /var/lib/apt/lists/*` and `apt-get clean` the mounts make pointless.",
      why: "Without a cache every rebuild downloads the package lists and every .deb again. With the mounts both stay in the builder, outside every layer: the image holds no lists, and a rebuild reuses the downloads.",
      before: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\n",
      after: "# syntax=docker/dockerfile:1\nFROM python:3.12-slim\nRUN rm -f /etc/apt/apt.conf.d/docker-clean; echo 'Binary::apt::APT::Keep-Downloaded-Packages \"true\";' > /etc/apt/apt.conf.d/keep-cache\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y --no-install-recommends libpq5\n",
      safety: "A suggestion: `RUN --mount` needs BuildKit, and the image's apt configuration changes (docker-clean removed, downloads kept): an `apt-get install` run later in a container keeps its .deb files. /var/lib/apt in the mount also keeps apt's record of automatically installed packages out of the image. Offered only when every apt RUN of the stage and of the stages built on it can take the mounts (shell form, root).",
    },
    messages: {
      mount: "apt downloads the package lists and every package again on each rebuild{{inImage}}: mount /var/cache/apt and /var/lib/apt as BuildKit caches.",
    },
  },
  detect({ analysis }) {
    return aptMountPlan(analysis).runs.map((run) => makeFinding(this.meta, "mount", {
      inImage: run.bytes > 0 ? `, and this layer keeps ${formatBytes(run.bytes)} of lists` : "",
    }, run.node.range));
  },
  fix({ analysis }) {
    const plan = aptMountPlan(analysis);
    const edits = aptMountEdits(analysis, plan);
    if (edits === null || edits.length === 0) return [];
    const bytes = plan.runs.reduce((sum, r) => sum + r.bytes, 0);
    const dropped = plan.runs.some((r) => r.drops.length > 0);
    return [{
      id: "apt-cache-mount",
      title: "Mount apt's caches with RUN --mount=type=cache",
      edits: [{ file: "dockerfile", edits }],
      reason: `BuildKit cache mounts keep apt's package lists and downloaded packages out of the image${bytes > 0 ? ` (${formatBytes(bytes)} of lists leaves the image)` : ""} and in the builder, so a rebuild reuses them; Docker's keep-cache line stops docker-clean from deleting the packages${dropped ? "; the list cleanup goes, as the lists are in the mount" : ""}. Needs BuildKit (Docker Engine 23.0+ builds with it by default).`,
    }];
  },
};
