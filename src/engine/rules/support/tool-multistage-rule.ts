// The rule behind size/uv-multistage, size/poetry-multistage and size/pipenv-multistage: the three differ
// only in the tool, the metadata and the bytecode alternative (uv's), so each rule file declares its
// metadata and this module detects and fixes (support/tool-multistage.ts plans the split).
import { ASSUMPTIONS } from "../../estimate/assumptions";
import { formatBytes } from "../../format";
import type { Analysis } from "../../analyze";
import type { Rule, RuleMeta } from "../types";
import { makeFinding } from "./finding";
import { planToolSplit, toolSplitAlternative, type EnvTool, type ToolSplit } from "./tool-multistage";

const LABEL: Readonly<Record<EnvTool, string>> = { uv: "uv", poetry: "poetry", pipenv: "pipenv" };

/** What the single stage keeps that the builder would leave behind, in words with bytes. */
function leftBehind(analysis: Analysis, tool: EnvTool): string {
  const { pipCache, buildTools } = analysis.estimate.byCategory;
  return [`${LABEL[tool]} itself`, pipCache > 0 ? `its cache (${formatBytes(pipCache)})` : null, buildTools > 0 ? `compilers and headers (${formatBytes(buildTools)})` : null].filter((x) => x !== null).join(", ");
}

/** uv writes .pyc only when asked: the alternative that asks, where the user has not said either way. */
function bytecodeEnv(split: ToolSplit): string | null {
  if (split.tool !== "uv") return null;
  const text = split.stage.instructions.map((n) => n.pairs.map((p) => p.name).join(" ")).join(" ");
  if (/\bUV_COMPILE_BYTECODE\b/.test(text) || split.stage.instructions.some((n) => (n.run?.infos ?? []).some((i) => i.kind === "uv-sync" && i.compile))) return null;
  // UV_LINK_MODE=copy: with a cache mount the cache is on another filesystem, where uv cannot hard-link.
  const mounted = split.stage.instructions.some((n) => (n.run?.mounts ?? []).some((m) => m.type === "cache"));
  return `UV_COMPILE_BYTECODE=1${mounted && !/\bUV_LINK_MODE\b/.test(text) ? " UV_LINK_MODE=copy" : ""}`;
}

export function toolMultistageRule(tool: EnvTool, meta: RuleMeta): Rule {
  return {
    meta,
    detect({ analysis }) {
      const outcome = planToolSplit(analysis, tool);
      if (outcome === null) return [];
      const what = leftBehind(analysis, tool);
      const range = (outcome.ok ? outcome.split.stage : null)?.from.range;
      if (outcome.ok && range !== undefined) return [makeFinding(meta, "single", { tool: LABEL[tool], what, venv: outcome.split.venv }, range)];
      const stage = analysis.model.stages[analysis.model.stages.length - 1];
      if (stage === undefined || outcome.ok) return [];
      return [makeFinding(meta, "noSplit", { tool: LABEL[tool], what, reason: outcome.reason }, stage.from.range)];
    },
    fix({ analysis }) {
      const outcome = planToolSplit(analysis, tool);
      if (outcome === null || !outcome.ok) return [];
      const { split } = outcome;
      const kept = split.runtime.length > 0 ? ` The final stage installs ${split.runtime.join(", ")}, the run-time libraries of the build packages.` : "";
      const notes = split.notes.length > 0 ? ` In the builder: ${[...new Set(split.notes)].join("; ")}.` : "";
      const base = `${LABEL[tool]} builds the virtual environment ${split.venv} in the builder stage, and the final stage, on the same image, copies only ${split.venv}, leaving behind ${leftBehind(analysis, tool)}.${notes}${kept}`;
      const plain = toolSplitAlternative(analysis, split, null, "multistage", `Build the venv with ${LABEL[tool]} in a builder stage, copy only the venv`, base);
      const env = bytecodeEnv(split);
      if (env === null) return [plain];
      const bytecode = toolSplitAlternative(analysis, split, env, "multistage-bytecode", "The same, with bytecode compiled in the builder",
        `${base} With ENV ${env} the venv holds the .pyc files: ${ASSUMPTIONS.bytecode.text}`);
      return [plain, bytecode];
    },
  };
}
