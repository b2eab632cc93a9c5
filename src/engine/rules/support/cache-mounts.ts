// BuildKit cache mounts for the Python installers (cache/mount-pip, and the cache-mount alternative of
// size/pip-no-cache-dir): which RUNs install with a tool that keeps a download cache, where that cache
// lives (the tool's default under $HOME, or its *_CACHE_DIR variable), and the edits that mount it.
// What a RUN writes under a cache mount goes to the builder's cache, not the layer (estimate/run.ts), so
// the mounted cache weighs 0 bytes in the image and the next build reuses the downloads.
import type { Analysis } from "../../analyze";
import type { InstructionNode, Stage } from "../../dockerfile/model";
import type { CommandInfo } from "../../shell/command-info";
import type { ShellCommand, ShellWord } from "../../shell/types";
import type { TextEdit } from "../../text/edits";
import { atLine } from "./at-line";
import { lineBreakOf, lineStartOf, onWindows, stagesUsedBy } from "./stages";
import { userOf } from "./words";
import { imageDefaultUser } from "../../knowledge";

export type CacheTool = "pip" | "uv" | "poetry" | "pdm";

interface ToolCache {
  /** The variable that moves the cache. */
  readonly dirEnv: string;
  /** The variable that turns the cache off: with it set, a mount caches nothing (the user's choice); null
   *  where the tool has none. */
  readonly offEnv: string | null;
  /** Flags that turn the cache off for one command: the mount replaces them (issue 10). */
  readonly offFlags: readonly string[];
  /** The cache under $HOME. Sources: pip.pypa.io/en/stable/topics/caching/ (~/.cache/pip on Linux),
   *  docs.astral.sh/uv/concepts/cache/ (~/.cache/uv), python-poetry.org/docs/configuration/#cache-dir
   *  (~/.cache/pypoetry), pdm-project.org/latest/reference/configuration/ (cache_dir: the user cache
   *  directory, ~/.cache/pdm), all as of 2026-12. */
  readonly underHome: string;
}

export const TOOL_CACHES: Readonly<Record<CacheTool, ToolCache>> = {
  // pip takes an unambiguous prefix of a long option: `--no-cache` is `--no-cache-dir`.
  pip: { dirEnv: "PIP_CACHE_DIR", offEnv: "PIP_NO_CACHE_DIR", offFlags: ["--no-cache-dir", "--no-cache"], underHome: ".cache/pip" },
  uv: { dirEnv: "UV_CACHE_DIR", offEnv: "UV_NO_CACHE", offFlags: ["--no-cache", "-n"], underHome: ".cache/uv" },
  poetry: { dirEnv: "POETRY_CACHE_DIR", offEnv: "POETRY_NO_CACHE", offFlags: ["--no-cache"], underHome: ".cache/pypoetry" },
  pdm: { dirEnv: "PDM_CACHE_DIR", offEnv: null, offFlags: [], underHome: ".cache/pdm" },
};

/** One install of a RUN and the cache it would use. */
export interface CacheUse {
  readonly tool: CacheTool;
  /** Absolute cache directory: the mount's target. */
  readonly target: string;
  /** `--no-cache-dir`/`--no-cache` words the mount replaces. */
  readonly offWords: readonly ShellWord[];
}

export interface CacheRun {
  readonly node: InstructionNode;
  readonly uses: readonly CacheUse[];
  /** Cache bytes the estimate puts in this RUN's layer (0 where it is turned off or in a builder stage). */
  readonly bytes: number;
  /** True when the layer is part of the final image. */
  readonly inImage: boolean;
}

/** The tool whose cache a command uses, or null (pipenv's own cache and pip wheel are left out). */
function toolOf(info: CommandInfo): CacheTool | null {
  if (info.kind === "pip-install") return info.installer;
  if (info.kind === "uv-sync") return "uv";
  if (info.kind === "poetry-install") return "poetry";
  if (info.kind === "pdm-install") return "pdm";
  return null;
}

/** The stages `stage` builds on (`FROM builder`), oldest first, then `stage`. */
export function chain(analysis: Analysis, stage: Stage): Stage[] {
  const out = [stage];
  for (let s = stage, guard = 0; s.from.from?.baseStage != null && guard < 32; guard++) {
    const parent = analysis.model.stages[s.from.from.baseStage];
    if (parent === undefined) break;
    out.unshift(parent);
    s = parent;
  }
  return out;
}

/** ENV values and the USER in force just before `node`, following `FROM stage` chains (from the user the
 *  first stage's image runs as). */
export function environmentAt(analysis: Analysis, node: InstructionNode): { env: Map<string, string>; user: string | null } {
  const stage = analysis.model.stages[node.stageIndex];
  if (stage === undefined) return { env: new Map(), user: null };
  const at = node.index - stage.from.index - 1;
  // Not where its index says (an instruction left out of the model): the plain walk.
  if (stage.instructions[at] !== node) return walkEnvironment(analysis, stage, node);
  // Rules ask for every RUN of a stage in order: walking the stage from its start for each was quadratic
  // (a fuzz `bulk` stage of thousands of RUNs). One cursor per stage goes on from the last node asked.
  let cursors = CURSORS.get(analysis);
  if (cursors === undefined) {
    cursors = new Map();
    CURSORS.set(analysis, cursors);
  }
  let cursor = cursors.get(stage);
  if (cursor === undefined || cursor.at > at) {
    const stages = chain(analysis, stage);
    const parents = stages.slice(0, -1);
    cursor = { at: 0, env: new Map(), user: imageDefaultUser(stages[0]?.from.from?.image ?? "") };
    for (const s of parents) for (const n of s.instructions) applyEnvironment(cursor, n, analysis.model.escapeChar);
    cursors.set(stage, cursor);
  }
  for (; cursor.at < at; cursor.at++) {
    const n = stage.instructions[cursor.at];
    if (n !== undefined) applyEnvironment(cursor, n, analysis.model.escapeChar);
  }
  return { env: new Map(cursor.env), user: cursor.user };
}

interface EnvironmentCursor {
  /** How many of the stage's instructions are applied. */
  at: number;
  readonly env: Map<string, string>;
  user: string | null;
}

const CURSORS = new WeakMap<Analysis, Map<Stage, EnvironmentCursor>>();

function applyEnvironment(state: { readonly env: Map<string, string>; user: string | null }, n: InstructionNode, escapeChar: string): void {
  if (n.keyword === "ENV") for (const p of n.pairs) state.env.set(p.name, p.value);
  if (n.keyword === "USER") state.user = userOf(n, escapeChar);
}

function walkEnvironment(analysis: Analysis, stage: Stage, node: InstructionNode): { env: Map<string, string>; user: string | null } {
  const stages = chain(analysis, stage);
  const state = { env: new Map<string, string>(), user: imageDefaultUser(stages[0]?.from.from?.image ?? "") };
  for (const s of stages) {
    for (const n of s.instructions) {
      if (n === node) break;
      applyEnvironment(state, n, analysis.model.escapeChar);
    }
  }
  return state;
}

export const isRoot = (user: string | null): boolean => user === null || /^(root|0)(:.*)?$/.test(user);

/** `poetry config KEY VALUE` settings made before `node` (earlier RUNs and earlier commands of its own). */
function poetryConfigAt(analysis: Analysis, node: InstructionNode): Map<string, string> {
  const config = new Map<string, string>();
  const stage = analysis.model.stages[node.stageIndex];
  for (const s of stage === undefined ? [] : chain(analysis, stage)) {
    for (const n of s.instructions) {
      for (const info of n.run?.infos ?? []) if (info.kind === "poetry-config" && info.value !== null) config.set(info.key, info.value);
      if (n === node) return config;
    }
  }
  return config;
}

/** True unless poetry is told to put its venv elsewhere: an active VIRTUAL_ENV, in-project, no venv at
 *  all, or a virtualenvs.path of its own (python-poetry.org/docs/configuration/, 2026-12). */
function poetryVenvInCache(env: ReadonlyMap<string, string>, config: ReadonlyMap<string, string>): boolean {
  const setting = (envName: string, key: string): string | undefined => env.get(envName) ?? config.get(key);
  if (env.has("VIRTUAL_ENV")) return false;
  if (/^(0|false|no|off)$/i.test(setting("POETRY_VIRTUALENVS_CREATE", "virtualenvs.create") ?? "")) return false;
  if (/^(1|true|yes|on)$/i.test(setting("POETRY_VIRTUALENVS_IN_PROJECT", "virtualenvs.in-project") ?? "")) return false;
  return setting("POETRY_VIRTUALENVS_PATH", "virtualenvs.path") === undefined;
}

const NO_CONFIG: ReadonlyMap<string, string> = new Map();

/** `--cache-dir X` / `--cache-dir=X` on the command line. */
function cacheDirFlag(command: ShellCommand): string | null {
  const { words } = command;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]?.value ?? "";
    if (w.startsWith("--cache-dir=")) return w.slice("--cache-dir=".length);
    if (w === "--cache-dir") return words[i + 1]?.value ?? null;
  }
  return null;
}

/** True when `rm -r path` would try to remove the directory dir itself (dir or a folder above it, or a glob
 *  over dir's parent); `dir/*` only empties it. `~` and $HOME stand for home; `$VAR` / `${VAR}` for the
 *  stage's value (`rm -rf $POETRY_CACHE_DIR`, poetry's Docker recipes), and a variable with none may name
 *  anything, dir included. */
function removesDir(path: string, dir: string, home: string, env: ReadonlyMap<string, string>): boolean {
  const substituted = path.replace(/^~(?=\/|$)/, home).replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (whole, braced?: string, bare?: string) => {
    const name = braced ?? bare ?? "";
    return name === "HOME" ? home : (env.get(name) ?? whole);
  });
  if (substituted.includes("$")) return true;
  const expanded = substituted.replace(/\/+$/, "");
  const glob = /^(.*)\/\*$/.exec(expanded);
  if (glob !== null) return dir.startsWith(`${glob[1] ?? ""}/`) && dir !== glob[1];
  return expanded !== "" && (dir === expanded || dir.startsWith(`${expanded}/`));
}

/**
 * Why a RUN gets no cache mount, or its uses. Null when it installs with none of the tools. Guards, each a
 * case where the mount would cache nothing or change what the image holds:
 */
export function cacheUsesOf(analysis: Analysis, node: InstructionNode): { ok: true; uses: CacheUse[] } | { ok: false; reason: string } | null {
  const run = node.run;
  if (run === null) return null;
  const pairs: { tool: CacheTool; command: ShellCommand }[] = [];
  for (const [i, info] of run.infos.entries()) {
    const tool = toolOf(info);
    const command = run.commands[i];
    if (tool !== null && command !== undefined) pairs.push({ tool, command });
  }
  if (pairs.length === 0) return null;
  // Exec form has no place for the shell words the edit removes; a RUN the splitter could not read may hide more.
  if (node.form === "exec" || run.problems.length > 0) return { ok: false, reason: "the RUN is in exec form or its shell could not be read" };
  const stage = analysis.model.stages[node.stageIndex];
  if (stage !== undefined && onWindows(analysis.model, stage)) return { ok: false, reason: "the stage builds on a Windows image, whose builder has no RUN --mount" };
  const { env, user } = environmentAt(analysis, node);
  // BuildKit creates the mount owned by root (uid=0): another user could not write the cache and pip
  // would turn it off with a warning. A `uid=` option would need the user's numeric id.
  if (!isRoot(user)) return { ok: false, reason: `the install runs as user ${user ?? ""}, who could not write a cache mount owned by root` };
  const home = env.get("HOME") ?? "/root";
  const uses: CacheUse[] = [];
  const mounted = run.mounts.filter((m) => m.type === "cache" && m.target !== null).map((m) => m.target ?? "");
  for (const { tool, command } of pairs) {
    const cache = TOOL_CACHES[tool];
    // `VAR=value pip …`: the last assignment of a name wins, as in the shell.
    const assigned = (name: string): string | undefined => command.assignments.findLast((a) => a.name === name)?.value;
    // The user turned the cache off for the whole stage: their choice, and a mount would cache nothing.
    if (cache.offEnv !== null && (env.has(cache.offEnv) || command.assignments.some((a) => a.name === cache.offEnv))) continue;
    const config = tool === "poetry" ? poetryConfigAt(analysis, node) : NO_CONFIG;
    const target = cacheDirFlag(command) ?? assigned(cache.dirEnv) ?? env.get(cache.dirEnv) ?? config.get("cache-dir") ?? `${home.replace(/\/+$/, "")}/${cache.underHome}`;
    if (target.includes("$") || !target.startsWith("/")) return { ok: false, reason: `the ${tool} cache directory ${target} is not a plain absolute path` };
    if (mounted.some((m) => target === m.replace(/\/+$/, "") || target.startsWith(`${m.replace(/\/+$/, "")}/`))) continue;
    // poetry's default venv lives in its cache directory (~/.cache/pypoetry/virtualenvs): a mount there
    // would keep the installed packages out of the image.
    if (tool === "poetry" && poetryVenvInCache(env, config)) return { ok: false, reason: "poetry creates its virtual environment in its cache directory, which a mount would keep out of the image: set POETRY_VIRTUALENVS_IN_PROJECT=1 (or virtualenvs.create false) first" };
    // `rm -rf /root/.cache` cleaning up after pip: under a mount at /root/.cache/pip, rm empties the
    // builder's cache and then cannot remove the mount point itself ("Device or resource busy"): the RUN
    // fails. Corpus 045 and 090 clean up so.
    const removal = run.infos.find((info) => info.kind === "rm" && info.recursive && info.paths.some((p) => removesDir(p.value, target, home, env)));
    if (removal !== undefined) return { ok: false, reason: `the RUN removes ${target} with rm -r, which fails on a mount point` };
    const offWords = command.words.filter((w) => cache.offFlags.includes(w.value));
    uses.push({ tool, target, offWords });
  }
  return { ok: true, uses };
}

/** Every shell-form RUN of the file that installs with a tool whose cache is not mounted, with the cache
 *  bytes of its layer (final image or builder stage). */
export function unmountedCacheRuns(analysis: Analysis): { runs: CacheRun[]; refused: { node: InstructionNode; reason: string }[] } {
  const runs: CacheRun[] = [];
  const refused: { node: InstructionNode; reason: string }[] = [];
  const needed = neededStages(analysis);
  for (const node of analysis.model.instructions) {
    // A stage the image does not need is not built by BuildKit: nothing to cache there.
    if (node.keyword !== "RUN" || !needed.has(node.stageIndex)) continue;
    const outcome = cacheUsesOf(analysis, node);
    if (outcome === null) continue;
    if (!outcome.ok) {
      refused.push({ node, reason: outcome.reason });
      continue;
    }
    if (outcome.uses.length === 0) continue;
    // The RUN's layer in the final image, or in a builder stage, looked up by its line (at-line.ts).
    const line = node.range.startLine;
    const inImageLayers = atLine(analysis.estimate.layers, line).filter((l) => l.stageIndex === node.stageIndex);
    const buildLayers = atLine(analysis.estimate.buildLayers, line).filter((l) => l.stageIndex === node.stageIndex);
    let bytes = 0;
    for (const layer of [...inImageLayers, ...buildLayers]) for (const item of layer.items) if (item.category === "pipCache") bytes += item.bytes;
    runs.push({ node, uses: outcome.uses, bytes, inImage: inImageLayers.length > 0 });
  }
  return { runs, refused };
}

/** The final stage and every stage it builds on or copies from, transitively. */
export function neededStages(analysis: Analysis): Set<number> {
  const { stages } = analysis.model;
  const last = stages[stages.length - 1];
  const needed = new Set<number>();
  for (let todo = last === undefined ? [] : [last], next = todo.pop(); next !== undefined; next = todo.pop()) {
    if (needed.has(next.index)) continue;
    needed.add(next.index);
    for (const index of stagesUsedBy(analysis.model, next)) {
      const stage = stages[index];
      if (stage !== undefined) todo.push(stage);
    }
  }
  return needed;
}

/** The parser directive that selects the Dockerfile frontend: `docker/dockerfile:1` is the current 1.x
 *  syntax, which has had `RUN --mount=type=cache` since 1.2 (docs.docker.com/build/buildkit/frontend/). */
export const SYNTAX_DIRECTIVE = "# syntax=docker/dockerfile:1";

/** The edits that mount each run's caches, drop the flags that turned a cache off, and add the syntax
 *  directive when the file has none. `extraMounts` adds further `--mount` options per RUN (apt's). */
export function cacheMountEdits(analysis: Analysis, runs: readonly Pick<CacheRun, "node" | "uses">[]): TextEdit[] {
  const text = analysis.model.text;
  const edits: TextEdit[] = [];
  if (runs.length === 0) return edits;
  edits.push(...syntaxDirectiveEdits(analysis));
  for (const { node, uses } of runs) {
    const at = afterRunKeyword(text, node);
    if (at === null) continue;
    const targets = [...new Set(uses.map((u) => u.target))];
    edits.push({ start: at, end: at, text: targets.map((t) => `--mount=type=cache,target=${t} `).join("") });
    for (const word of uses.flatMap((u) => u.offWords)) edits.push(removeWord(text, word));
  }
  return edits;
}

/** `# syntax=docker/dockerfile:1` on a line of its own at the top, where the file has no syntax directive
 *  (`RUN --mount` needs the 1.x frontend); none where it has one. */
export function syntaxDirectiveEdits(analysis: Analysis): TextEdit[] {
  if (analysis.model.directives.some((d) => d.name.toLowerCase() === "syntax")) return [];
  return [{ start: 0, end: 0, text: `${SYNTAX_DIRECTIVE}${lineBreakOf(analysis.model.text)}` }];
}

/** The offset just past `RUN` and its blanks, where `--mount` options go; null when the instruction does not
 *  start so. */
export function afterRunKeyword(text: string, node: InstructionNode): number | null {
  const keyword = /^RUN[ \t]+/i.exec(text.slice(node.range.start));
  return keyword === null ? null : node.range.start + keyword[0].length;
}

/** Remove a word with the blanks before it; a continued line left holding only `\` goes whole. */
function removeWord(text: string, word: ShellWord): TextEdit {
  const lineStart = lineStartOf(text, word.start);
  const rest = /^[ \t]*\\\r?\n/.exec(text.slice(word.end));
  if (/^[ \t]*$/.test(text.slice(lineStart, word.start)) && rest !== null) return { start: lineStart, end: word.end + rest[0].length, text: "" };
  let start = word.start;
  while (start > 0 && (text[start - 1] === " " || text[start - 1] === "\t")) start--;
  return { start, end: word.end, text: "" };
}
