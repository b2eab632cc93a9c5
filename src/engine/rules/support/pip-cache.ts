// Where the final image keeps an installer's cache, and the edit that turns it off. Shared by
// size/pip-no-cache-dir and the no-cache-dir alternative of size/multistage.
import type { Analysis } from "../../analyze";
import type { InstructionNode } from "../../dockerfile/model";
import type { PipInstall } from "../../shell/command-info";
import type { TextEdit } from "../../text/edits";
import { runsHolding } from "./stages";

export interface CachedInstall {
  readonly node: InstructionNode;
  /** The installs in this RUN that keep a cache. */
  readonly infos: readonly PipInstall[];
  /** Cache bytes the estimate puts in this layer. */
  readonly bytes: number;
}

/** pip/uv installs whose cache the final image keeps, with the cache bytes of their layer. */
export function cachedInstalls(analysis: Analysis): CachedInstall[] {
  const out: CachedInstall[] = [];
  for (const { node, bytes } of runsHolding(analysis, (i) => i.category === "pipCache")) {
    const infos = (node.run?.infos ?? []).filter((i): i is PipInstall => i.kind === "pip-install" && !i.options.noCacheDir && i.installWord.end > i.installWord.start);
    if (infos.length > 0) out.push({ node, infos, bytes });
  }
  return out;
}

/** Insert `--no-cache-dir` (pip) or `--no-cache` (uv) right after the `install` word. */
export function noCacheEdit(info: PipInstall): TextEdit {
  return { start: info.installWord.end, end: info.installWord.end, text: info.installer === "uv" ? " --no-cache" : " --no-cache-dir" };
}
