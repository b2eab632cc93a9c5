// correctness/poetry-export — Poetry 2.0 moved `poetry export` out of Poetry into poetry-plugin-export,
// which `pip install poetry` no longer brings ("Announcing Poetry 2.0.0", python-poetry.org/blog). A
// Dockerfile written for Poetry 1.x that installs it unpinned (FastAPI's `requirements-stage` recipe, corpus
// 065) now stops at `poetry export` with "The command "export" does not exist". The build check reports it;
// the fix installs the plugin in the same pip install as Poetry, which is what Poetry 1.2–1.8 did.
import type { InstructionNode } from "../dockerfile/model";
import type { WordArg } from "../shell/command-info";
import { editableRun } from "./support/commands";
import { makeFinding } from "./support/finding";
import { runOfFinding, stageAndBuiltOn } from "./support/stages";
import type { Rule, RuleContext } from "./types";

/** A requirement naming Poetry itself (`poetry`, `poetry==2.1.1`, `"poetry>=2"`), not a plugin. */
const POETRY = /^poetry(?:\s*(?:[<>=!~;[]|$))/i;

interface Hit {
  /** The RUN of `poetry export`. */
  readonly node: InstructionNode;
  /** The pip install requirement that installs Poetry, before it in the stage (or a stage it builds on). */
  readonly poetry: { readonly node: InstructionNode; readonly arg: WordArg } | null;
}

function hits({ analysis }: RuleContext): Hit[] {
  const out: Hit[] = [];
  const { model } = analysis;
  for (const finding of analysis.buildCheck) {
    if (finding.code !== "poetry-export-missing") continue;
    const node = runOfFinding(model, finding);
    if (node === undefined || out.some((h) => h.node === node)) continue;
    // The stages whose instructions run before it in this image: the stage itself and those it builds on.
    const chain = [...model.stages].filter((s) => stageAndBuiltOn(model, s.index).has(finding.stage)).map((s) => s.index);
    let poetry: Hit["poetry"] = null;
    for (const n of model.instructions) {
      if (n.index > node.index || !chain.includes(n.stageIndex)) continue;
      for (const info of n.run?.infos ?? []) {
        if (info.kind !== "pip-install") continue;
        const arg = info.requirements.find((r) => POETRY.test(r.value));
        if (arg !== undefined) poetry = { node: n, arg };
      }
    }
    out.push({ node, poetry });
  }
  return out;
}

export const poetryExport: Rule = {
  meta: {
    id: "correctness/poetry-export",
    title: "poetry export without its plugin",
    category: "correctness",
    severity: "error",
    fixSafety: "safe",
    hadolint: null,
    docs: {
      what: "Installs poetry-plugin-export beside Poetry 2 where the Dockerfile runs poetry export.",
      why: "Since Poetry 2.0, poetry export is a plugin that pip install poetry does not bring: the export fails, and the image does not build.",
      before: "FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry\nCOPY pyproject.toml poetry.lock ./\nRUN poetry export -f requirements.txt -o requirements.txt\n",
      after: "FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry poetry-plugin-export\nCOPY pyproject.toml poetry.lock ./\nRUN poetry export -f requirements.txt -o requirements.txt\n",
      safety: "Safe: the plugin is the export command Poetry 1.2–1.8 installed as a dependency; nothing else changes.",
    },
    messages: {
      plugin: "poetry export is not part of Poetry 2: since Poetry 2.0 it is the poetry-plugin-export plugin, so this line fails. Install it beside Poetry.",
    },
  },
  detect(context) {
    return hits(context).map((h) => makeFinding(this.meta, "plugin", {}, h.node.range));
  },
  fix(context) {
    const all = hits(context);
    // Guard: Poetry installed some other way (the installer script, pipx, apt) is left to the user.
    if (all.length === 0 || all.some((h) => h.poetry === null || !editableRun(h.poetry.node))) return [];
    const args = [...new Set(all.map((h) => h.poetry?.arg).filter((a) => a !== undefined))];
    return [{
      id: "install-plugin",
      title: "Install poetry-plugin-export",
      edits: [{ file: "dockerfile", edits: args.map((a) => ({ start: a.word.end, end: a.word.end, text: " poetry-plugin-export" })) }],
      reason: `Poetry 2 leaves poetry export to poetry-plugin-export, which the export at line ${all.map((h) => h.node.range.startLine).join(", ")} needs; pip installs it beside Poetry, as Poetry 1.2–1.8 did by itself.`,
    }];
  },
};
