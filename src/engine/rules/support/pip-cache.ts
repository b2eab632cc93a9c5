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

/** How a step names what it adds and what it drops, by the installers it edits: `--no-cache-dir` and pip's
 *  cache (of wheels), `--no-cache` and uv's (of downloads), or both. `titleFlag` is the one flag a title
 *  names. */
export interface NoCacheWords {
  readonly tool: "pip" | "uv" | "pip and uv";
  readonly flag: string;
  readonly titleFlag: string;
  readonly cache: string;
  /** What the cache holds: pip's cache is wheels; uv's also unpacked downloads. */
  readonly holds: "wheels" | "downloads";
}

export function noCacheWords(installs: readonly CachedInstall[]): NoCacheWords {
  const installers = new Set(installs.flatMap((i) => i.infos.map((info) => info.installer)));
  if (!installers.has("uv")) return { tool: "pip", flag: "--no-cache-dir", titleFlag: "--no-cache-dir", cache: "pip's cache", holds: "wheels" };
  if (!installers.has("pip")) return { tool: "uv", flag: "--no-cache", titleFlag: "--no-cache", cache: "uv's cache", holds: "downloads" };
  return { tool: "pip and uv", flag: "--no-cache-dir (pip) and --no-cache (uv pip)", titleFlag: "--no-cache-dir", cache: "pip's and uv's caches", holds: "downloads" };
}
