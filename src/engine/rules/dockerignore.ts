// hygiene/dockerignore — `COPY . .` sends the whole folder into the image: the .git history, local
// virtualenvs, bytecode caches, and whatever secrets lie there (TLS keys, SSH keys, cloud credentials).
// Without a .dockerignore the rule writes one; with one, it adds only the secret patterns it lacks, after
// the user's own lines (merged, never replaced). It never adds a pattern that would exclude a file the
// Dockerfile COPYs by name, nor one that would undo the user's own `!` re-include.
import { isIgnored, parseDockerignore } from "../estimate/dockerignore";
import { formatBytes } from "../format";
import { decodeText } from "../text/decode";
import type { InstructionNode } from "../dockerfile/model";
import { makeFinding } from "./support/finding";
import { lineBreakOf } from "./support/stages";
import { copyWords } from "./support/words";
import type { Finding, Rule, RuleContext } from "./types";

/** What a Python project never needs in its image. */
const ENTRIES = [".git", ".venv/", "venv/", "__pycache__/", "*.py[cod]", ".pytest_cache/", ".mypy_cache/", ".ruff_cache/", ".tox/", ".coverage", "htmlcov/", "dist/", "build/", "*.egg-info/"];
/** Keys and credentials: private keys (`*.pem`, OpenSSH's default `id_rsa`, `id_rsa.pub`) at any depth
 *  (Docker's `*` stays within one path segment, so `*.pem` alone would miss `certs/key.pem`), AWS's CLI config. */
const SECRETS = ["**/*.pem", "**/id_rsa*", ".aws/"];
/** `.env` files usually hold secrets, but some apps read one at run time: added with a visible note. */
const ENV_FILES = ".env*";
const ENV_NOTE = "# .env files often hold secrets; delete the next line if the app reads one at run time";

function broadCopies({ analysis }: RuleContext): InstructionNode[] {
  return analysis.model.instructions.filter((n) => n.copy !== null && n.copy.from === null && !n.copy.heredoc && copyWords(n.copy, analysis.model.escapeChar).sources.some((s) => s === "." || s === "./" || s === "*"));
}

/** Context paths the Dockerfile names in COPY/ADD and in `RUN --mount=type=bind,source=…` (not `.`): a
 *  pattern must not exclude any of them. A bind mount with no `from` reads the build context, which
 *  .dockerignore filters as it does COPY's sources (`source=dist` after `dist/` is excluded: "not found"). */
function namedSources({ analysis }: RuleContext): string[] {
  const named = (s: string) => s !== "." && s !== "./" && s !== "*" && !/^[a-z]+:\/\//.test(s);
  return analysis.model.instructions.flatMap((n) => {
    if (n.run !== null) return n.run.mounts.filter((m) => m.type === "bind" && m.from === null && m.source !== null).map((m) => m.source ?? ".").filter(named);
    return n.copy === null || n.copy.from !== null ? [] : copyWords(n.copy, analysis.model.escapeChar).sources.filter(named);
  });
}

// A build backend that takes the version from git (setuptools-scm, hatch-vcs, versioningit, pbr,
// poetry-dynamic-versioning, pdm's or uv's scm source …) reads .git when the project is built in the image:
// `pip install .` without it fails (setuptools-scm: "LookupError: … unable to detect version").
const VCS_VERSION = /setuptools[-_]scm|setuptools-git-versioning|hatch[-_]vcs|versioningit|poetry-dynamic-versioning|uv-dynamic-versioning|dunamai|\bpbr\b|versioneer|\[tool\.(pdm|hatch)\.version\][^[]*source\s*=\s*["'](scm|vcs)["']/;

/** The project file that takes the project's version from git, or null. */
function versionFromGit({ input }: RuleContext): string | null {
  const file = (input.projectFiles ?? []).find((f) => /(^|\/)(pyproject\.toml|setup\.cfg|setup\.py)$/.test(f.path) && VCS_VERSION.test(decodeText(f.content).text));
  return file?.path ?? null;
}

/** The patterns to add: those the file lacks, that exclude nothing the Dockerfile names, and that do not
 *  undo a `!` re-include the user wrote; not .git where the project's version comes from git. */
function missingPatterns(context: RuleContext, existing: string | null): string[] {
  const have = parseDockerignore(existing ?? "");
  const written = new Set(have.patterns.filter((p) => !p.negated).map((p) => p.pattern));
  const reincluded = have.patterns.filter((p) => p.negated).map((p) => p.pattern);
  // Each named source read as a pattern once, not once per candidate (a plan runs this at every step).
  // Each distinct one: a `bulk` file names the same sources thousands of times (issue 14).
  const named = [...new Set(namedSources(context))].map((s) => ({ path: s, asPattern: parseDockerignore(s) }));
  const candidates = existing === null ? ALL_CANDIDATES : SECRET_CANDIDATES;
  const keepGit = versionFromGit(context) !== null;
  return candidates.filter(({ parsed: one, clean }) => {
    if (written.has(clean) || (keepGit && clean === ".git")) return false;
    if (named.some((s) => isIgnored(one, s.path) || isIgnored(s.asPattern, clean))) return false;
    return !reincluded.some((r) => isIgnored(one, r));
  }).map((c) => c.entry);
}

/** The candidates parsed once, at load: they are constants. */
function parsedCandidates(entries: readonly string[]) {
  return entries.map((entry) => {
    const parsed = parseDockerignore(entry);
    return { entry, parsed, clean: parsed.patterns[0]?.pattern ?? entry };
  });
}
const SECRET_CANDIDATES = parsedCandidates([...SECRETS, ENV_FILES]);
const ALL_CANDIDATES = [...parsedCandidates(ENTRIES), ...SECRET_CANDIDATES];

function render(patterns: readonly string[], nl: string): string {
  return patterns.map((p) => (p === ENV_FILES ? `${ENV_NOTE}${nl}${p}` : p)).join(nl) + nl;
}

export const dockerignore: Rule = {
  meta: {
    id: "hygiene/dockerignore",
    title: "Keep caches and secrets out of the build context",
    category: "hygiene",
    severity: "info",
    fixSafety: "safe",
    hadolint: null,
    docs: {
      what: "Creates a .dockerignore that keeps version control, virtualenvs, caches and secrets out of COPY ., or adds the secret patterns an existing one lacks.",
      why: "COPY . copies everything the context holds: .git (often larger than the code), a local .venv built for another platform, __pycache__ files that change on every run and so break the layer cache, and private keys or credentials that anyone who pulls the image can read.",
      before: "FROM python:3.12-slim\nCOPY . /app\n",
      after: "FROM python:3.12-slim\nCOPY . /app\n",
      afterDockerignore: ".git\n**/*.pem\n**/id_rsa*\n.aws/\n.env*\n",
      safety: "Safe for applications that do not read these paths at run time; a pattern that would exclude a file the Dockerfile copies or bind-mounts by name, or undo a `!` line of yours, is never added, nor .git where pyproject.toml, setup.cfg or setup.py takes the version from git (setuptools-scm, hatch-vcs …). .env* is added with a comment line saying to delete it if the app reads its .env.",
    },
    messages: {
      missing: "COPY {{source}} without a .dockerignore also copies .git, virtualenvs, caches and any keys in the folder into the image.",
      secrets: "The .dockerignore does not exclude {{patterns}}: COPY {{source}} would put such files in the image.",
    },
  },
  detect(context) {
    const copies = broadCopies(context);
    const existing = context.input.dockerignore;
    // Guard: an empty .dockerignore is the user's explicit choice to send everything.
    if (copies.length === 0 || (existing !== null && existing.trim() === "")) return [];
    const missing = missingPatterns(context, existing);
    if (existing !== null && missing.length === 0) return [];
    return copies.map((n): Finding => existing === null
      ? makeFinding(this.meta, "missing", { source: n.copy?.sources.join(" ") ?? "." }, n.range)
      : makeFinding(this.meta, "secrets", { patterns: missing.join(", "), source: n.copy?.sources.join(" ") ?? "." }, n.range));
  },
  fix(context) {
    if (this.detect(context).length === 0) return [];
    const existing = context.input.dockerignore;
    const nl = existing !== null && existing !== "" ? lineBreakOf(existing) : lineBreakOf(context.analysis.model.text);
    const missing = missingPatterns(context, existing);
    const envNote = missing.includes(ENV_FILES) ? " .env* is added with a comment: delete that line if the app reads its .env at run time." : "";
    const contextBytes = context.input.settings?.contextBytes;
    const weighed = contextBytes === undefined
      ? " The estimate counts the context at the size set in the settings, so this step changes what is copied, not the number."
      : ` You set the context to ${formatBytes(contextBytes)}; the estimate has no per-path sizes to split it by, so measure the context again after this step and set the new size.`;
    if (existing === null) {
      const git = versionFromGit(context);
      const kept = git === null ? "" : ` .git stays in the context: ${git} takes the project's version from git, so building it in the image reads .git.`;
      const leftOut = ENTRIES.slice(0, 4).filter((e) => missing.includes(e)).join(", ");
      return [{ id: "create", title: "Create .dockerignore", edits: [{ file: "dockerignore", edits: [{ start: 0, end: 0, text: render(missing, nl) }] }], reason: `Keeps ${leftOut}, other caches and keys (${SECRETS.join(", ")}) out of COPY .${kept}${envNote}${weighed}` }];
    }
    const lead = existing.endsWith("\n") || existing.endsWith("\r") ? "" : nl;
    return [{
      id: "merge",
      title: "Add the missing patterns to .dockerignore",
      edits: [{ file: "dockerignore", edits: [{ start: existing.length, end: existing.length, text: lead + render(missing, nl) }] }],
      reason: `Adds ${missing.join(", ")} after your own lines, which stay as they are.${envNote}${weighed}`,
    }];
  },
};
