// hygiene/dockerignore — `COPY . .` without a .dockerignore sends the whole folder into the image: the
// .git history, local virtualenvs, bytecode caches. The estimate counts the context at the size the user
// set, so this step changes what is copied more than the number: it is hygiene, not a size claim.
import { makeFinding } from "./support/finding";
import { lineBreakOf } from "./support/stages";
import type { Rule, RuleContext } from "./types";

/** What a Python project never needs in its image. `.env` is left out on purpose: apps may read it. */
const ENTRIES = [".git", ".venv/", "venv/", "__pycache__/", "*.py[cod]", ".pytest_cache/", ".mypy_cache/", ".ruff_cache/", ".tox/", ".coverage", "htmlcov/", "dist/", "build/", "*.egg-info/"];

function broadCopies({ input, analysis }: RuleContext) {
  if (input.dockerignore !== null) return [];
  return analysis.model.instructions.filter((n) => n.copy !== null && n.copy.from === null && !n.copy.heredoc && n.copy.sources.some((s) => s === "." || s === "./" || s === "*"));
}

export const dockerignore: Rule = {
  meta: {
    id: "hygiene/dockerignore",
    title: "Add a .dockerignore",
    category: "hygiene",
    severity: "info",
    fixSafety: "safe",
    hadolint: null,
    docs: {
      what: "Creates a .dockerignore that keeps version control, virtualenvs, bytecode and test caches out of the build context.",
      why: "COPY . copies everything the context holds. Without a .dockerignore that includes .git (often larger than the code), a local .venv built for another platform, and __pycache__ files that change on every run and so break the layer cache.",
      before: "FROM python:3.12-slim\nCOPY . /app\n",
      after: "FROM python:3.12-slim\nCOPY . /app\n",
      afterDockerignore: ".git\n.venv/\n__pycache__/\n",
      safety: "Safe for applications that do not read these paths at run time. .env is not excluded, because some apps read it; exclude it yourself if it holds secrets.",
    },
    messages: {
      missing: "COPY {{source}} without a .dockerignore also copies .git, virtualenvs and caches into the image.",
    },
  },
  detect(context) {
    return broadCopies(context).map((n) => makeFinding(this.meta, "missing", { source: n.copy?.sources.join(" ") ?? "." }, n.range));
  },
  fix(context) {
    if (broadCopies(context).length === 0) return [];
    const nl = lineBreakOf(context.analysis.model.text);
    return [{
      id: "create",
      title: "Create .dockerignore",
      edits: [{ file: "dockerignore", edits: [{ start: 0, end: 0, text: ENTRIES.join(nl) + nl }] }],
      reason: `Keeps ${ENTRIES.slice(0, 4).join(", ")} and other caches out of COPY .; the estimate still counts the context at the size you set (settings).`,
    }];
  },
};
