// Where the final image keeps an installer's cache, and the edit that turns it off: pip's --no-cache-dir,
// uv pip's and poetry's --no-cache. Shared by size/pip-no-cache-dir and the no-cache-dir alternative of
// size/multistage.
import type { Analysis } from "../../analyze";
import type { InstructionNode } from "../../dockerfile/model";
import type { CommandInfo, PipInstall } from "../../shell/command-info";
import type { TextEdit } from "../../text/edits";
import { runsHolding } from "./stages";

/** An install the one-word fix reaches: pip / uv pip (`--no-cache-dir` / `--no-cache` after `install`) or
 *  poetry install (its global `--no-cache`, which it also reads after the subcommand). */
export type CacheableInstall = PipInstall | Extract<CommandInfo, { kind: "poetry-install" }>;

export interface CachedInstall {
  readonly node: InstructionNode;
  /** The installs in this RUN that keep a cache. */
  readonly infos: readonly CacheableInstall[];
  /** Cache bytes the estimate puts in this layer. */
  readonly bytes: number;
}

function keepsCache(info: CommandInfo): info is CacheableInstall {
  if (info.kind === "pip-install") return !info.options.noCacheDir && info.installWord.end > info.installWord.start;
  return info.kind === "poetry-install" && !info.noCache && info.installWord.end > info.installWord.start;
}

/** pip/uv/poetry installs whose cache the final image keeps, with the cache bytes of their layer. */
export function cachedInstalls(analysis: Analysis): CachedInstall[] {
  const out: CachedInstall[] = [];
  for (const { node, bytes } of runsHolding(analysis, (i) => i.category === "pipCache")) {
    const infos = (node.run?.infos ?? []).filter(keepsCache);
    if (infos.length > 0) out.push({ node, infos, bytes });
  }
  return out;
}

type CacheTool = "pip" | "uv" | "poetry";

function toolOf(info: CacheableInstall): CacheTool {
  return info.kind === "poetry-install" ? "poetry" : info.installer;
}

const WORDS: Readonly<Record<CacheTool, { readonly flag: string; readonly holds: "wheels" | "downloads" }>> = {
  pip: { flag: "--no-cache-dir", holds: "wheels" },
  // uv keeps unpacked downloads; poetry its artifacts (wheels and sdists) and HTTP responses.
  uv: { flag: "--no-cache", holds: "downloads" },
  poetry: { flag: "--no-cache", holds: "downloads" },
};

/** Insert `--no-cache-dir` (pip) or `--no-cache` (uv pip, poetry) right after the `install` word. */
export function noCacheEdit(info: CacheableInstall): TextEdit {
  return { start: info.installWord.end, end: info.installWord.end, text: ` ${WORDS[toolOf(info)].flag}` };
}

/** How a step names what it adds and what it drops, by the installers it edits: `--no-cache-dir` and pip's
 *  cache (of wheels), `--no-cache` and uv's or poetry's (of downloads), or several. `titleFlag` is the one
 *  flag a title names. */
export interface NoCacheWords {
  /** "pip", "uv", "pip and poetry" … */
  readonly tool: string;
  /** More than one tool: "hold", not "holds". */
  readonly plural: boolean;
  readonly flag: string;
  readonly titleFlag: string;
  readonly cache: string;
  /** What the cache holds: pip's cache is wheels; uv's and poetry's also other downloads. */
  readonly holds: "wheels" | "downloads";
}

export function noCacheWords(installs: readonly CachedInstall[]): NoCacheWords {
  const present = new Set(installs.flatMap((i) => i.infos.map(toolOf)));
  const tools = (["pip", "uv", "poetry"] as const).filter((t) => present.has(t));
  const first = tools[0] ?? "pip";
  const label = (t: CacheTool) => (t === "uv" && present.has("pip") ? "uv pip" : t);
  return {
    tool: tools.join(" and "),
    plural: tools.length > 1,
    flag: tools.length > 1 ? tools.map((t) => `${WORDS[t].flag} (${label(t)})`).join(" and ") : WORDS[first].flag,
    titleFlag: WORDS[first].flag,
    cache: tools.length > 1 ? `${tools.map((t) => `${t}'s`).join(" and ")} caches` : `${first}'s cache`,
    holds: tools.every((t) => WORDS[t].holds === "wheels") ? "wheels" : "downloads",
  };
}
