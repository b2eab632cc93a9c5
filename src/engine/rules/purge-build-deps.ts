// size/purge-build-deps — a single-stage image that installs a compiler to build Python packages keeps the
// compiler (build-essential alone is about 200 MB on Debian) after the packages are built. Purged in the
// same RUN, once every package that needed it is built, it never reaches a layer. Where the user can, a
// builder stage (size/multistage, tried first) leaves it behind entirely; this rule is for images that keep
// one stage.
import { formatBytes } from "../format";
import type { InstructionNode } from "../dockerfile/model";
import { editableRun, finalImageRuns, finalImageStages } from "./support/commands";
import { atLine } from "./support/at-line";
import { makeFinding } from "./support/finding";
import { hiddenInstall } from "./support/run-roles";
import type { Rule, RuleContext } from "./types";

/** Packages that only compile. Not gfortran: Fortran code built from source links libgfortran, which an
 *  auto-remove would take with it. Not `-dev` packages: their runtime libraries are dependencies an
 *  auto-remove would take too (size/multistage maps them to the runtime names). */
const COMPILER = /^(build-essential|gcc(-\d+)?|g\+\+(-\d+)?|clang(-\d+)?|make|cmake|pkg-config|pkgconf)$/;
/** Commands that build: a later RUN running one still needs the compiler. */
const BUILDS = new Set(["pip-install", "pip-wheel", "poetry-install", "pdm-install", "pipenv-install", "uv-sync"]);
const COMPILE_COMMAND = /^(gcc|cc|g\+\+|c\+\+|clang|make|cmake|ld|cython)$/;

interface Hit {
  readonly node: InstructionNode;
  readonly packages: readonly string[];
  readonly bytes: number;
}

function hits({ analysis }: RuleContext): Hit[] {
  const stages = finalImageStages(analysis);
  // Guard: one stage with no COPY --from; with a builder the compiler belongs there (size/multistage).
  if (stages.size !== 1 || analysis.model.stages.length !== 1) return [];
  const runs = finalImageRuns(analysis);
  const out: Hit[] = [];
  runs.forEach((node, at) => {
    const infos = node.run?.infos ?? [];
    const installAt = infos.findIndex((i) => i.kind === "apt-install" && i.packages.some((p) => COMPILER.test(p.value)));
    const install = infos[installAt];
    if (install?.kind !== "apt-install") return;
    // Guard: the RUN must build after installing the compiler; otherwise the compiler is there for later.
    if (!infos.slice(installAt + 1).some((i) => BUILDS.has(i.kind))) return;
    // Guard: already purged in the same RUN.
    const packages = install.packages.map((p) => p.value).filter((p) => COMPILER.test(p));
    if (infos.some((i) => i.kind === "apt-remove" && packages.some((p) => i.packages.some((q) => q.value === p)))) return;
    // Guard: nothing later builds or compiles (the build check would report the missing compiler).
    const later = runs.slice(at + 1);
    if (later.some((n) => hiddenInstall(n) !== null || (n.run?.infos ?? []).some((i) => BUILDS.has(i.kind) || (i.kind === "other" && COMPILE_COMMAND.test(i.name))))) return;
    const layer = atLine(analysis.estimate.layers, node.range.startLine)[0];
    const bytes = layer?.items.filter((i) => packages.some((p) => i.path === `/usr/deb/${p}`)).reduce((sum, i) => sum + i.bytes, 0) ?? 0;
    if (bytes > 0) out.push({ node, packages, bytes });
  });
  return out;
}

export const purgeBuildDeps: Rule = {
  meta: {
    id: "size/purge-build-deps",
    title: "Remove the compiler after building",
    category: "size",
    severity: "warning",
    fixSafety: "suggestion",
    hadolint: null,
    docs: {
      what: "Appends apt-get purge -y --auto-remove of the compilers to the RUN that installs them and builds Python packages with them, when nothing later needs them.",
      why: "A compiler is only needed while pip builds packages from source. Left installed it ships in the image; removed in a later RUN it still does, in the earlier layer.",
      before: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential && pip install --no-cache-dir psutil && rm -rf /var/lib/apt/lists/*\n",
      after: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential && pip install --no-cache-dir psutil && rm -rf /var/lib/apt/lists/* && apt-get purge -y --auto-remove build-essential\n",
      safety: "A suggestion: --auto-remove also removes what the compiler pulled in, and a library something else came to rely on could go with it. -dev packages and gfortran (whose libgfortran compiled code links) are left installed.",
    },
    messages: {
      compiler: "{{packages}} ({{bytes}}) stay in the image after the build: purge them in the same RUN.",
    },
  },
  detect(context) {
    return hits(context).map((h) => makeFinding(this.meta, "compiler", { packages: h.packages.join(", "), bytes: formatBytes(h.bytes) }, h.node.range));
  },
  fix(context) {
    const all = hits(context);
    if (all.length === 0 || all.some((h) => !editableRun(h.node))) return [];
    const edits = all.flatMap((h) => {
      const commands = h.node.run?.commands ?? [];
      const last = commands[commands.length - 1];
      return last === undefined ? [] : [{ start: last.end, end: last.end, text: ` && apt-get purge -y --auto-remove ${h.packages.join(" ")}` }];
    });
    const bytes = all.reduce((sum, h) => sum + h.bytes, 0);
    return [{ id: "purge", title: "Purge the compiler in the same RUN", edits: [{ file: "dockerfile", edits }], reason: `The packages are built when the purge runs; ${formatBytes(bytes)} of compilers never reach a layer. A builder stage (size/multistage) leaves them behind too, and keeps them for the next build.` }];
  },
};
