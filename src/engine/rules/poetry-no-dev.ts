// correctness/poetry-no-dev — Poetry 1.2 deprecated `poetry install --no-dev` for `--without dev` (and
// `--only main`), and Poetry 2.0 removed it: with Poetry installed unpinned (so 2.x), a Dockerfile written
// for Poetry 1.x stops at "The option "--no-dev" does not exist". The build check reports it
// (poetry-option-removed); the fix writes the option Poetry 1.2 introduced in its place, which means the
// same thing: every group but dev.
import type { ShellWord } from "../shell/types";
import { editableRun } from "./support/commands";
import { makeFinding } from "./support/finding";
import { runOfFinding } from "./support/stages";
import type { InstructionNode } from "../dockerfile/model";
import type { Rule, RuleContext } from "./types";

interface Hit {
  readonly node: InstructionNode;
  readonly words: readonly ShellWord[];
}

function hits({ analysis }: RuleContext): Hit[] {
  const out: Hit[] = [];
  for (const finding of analysis.buildCheck) {
    if (finding.code !== "poetry-option-removed") continue;
    const node = runOfFinding(analysis.model, finding);
    if (node === undefined || out.some((h) => h.node === node)) continue;
    const words = (node.run?.commands ?? []).flatMap((c, i) => (node.run?.infos[i]?.kind === "poetry-install" ? c.words.filter((w) => w.value === "--no-dev") : []));
    if (words.length > 0) out.push({ node, words });
  }
  return out;
}

export const poetryNoDev: Rule = {
  meta: {
    id: "correctness/poetry-no-dev",
    title: "poetry install --no-dev with Poetry 2",
    category: "correctness",
    severity: "error",
    fixSafety: "safe",
    hadolint: null,
    docs: {
      what: "Replaces poetry install --no-dev with --without dev where the stage installs Poetry 2.",
      why: "Poetry 2.0 removed --no-dev (deprecated since 1.2): the install stops with \"The option \\\"--no-dev\\\" does not exist\", and the image does not build.",
      before: "FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-dev --no-root\n",
      after: "FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --without dev --no-root\n",
      safety: "Safe: --without dev is what --no-dev meant since Poetry 1.2 (every dependency group but dev).",
    },
    messages: {
      removed: "poetry install --no-dev fails with Poetry 2, which removed the option: use --without dev.",
    },
  },
  detect(context) {
    return hits(context).map((h) => makeFinding(this.meta, "removed", {}, h.node.range));
  },
  fix(context) {
    const all = hits(context);
    if (all.length === 0 || all.some((h) => !editableRun(h.node))) return [];
    return [{
      id: "without-dev",
      title: "Use --without dev",
      edits: [{ file: "dockerfile", edits: all.flatMap((h) => h.words.map((w) => ({ start: w.start, end: w.end, text: "--without dev" }))) }],
      reason: `Poetry 2 removed --no-dev; --without dev, its replacement since Poetry 1.2, installs the same groups (line ${all.map((h) => h.node.range.startLine).join(", ")}).`,
    }];
  },
};
