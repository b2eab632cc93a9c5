// correctness/keep-runtime-library — a package compiled in the final stage loads the runtime library its
// header package pulled in (psycopg2: postgresql-dev → libpq). `apk del` of the --virtual build group, or
// `apt-get purge --auto-remove` of the -dev package, takes the library out again and the image fails at
// `import` (the build check's runtime-library-removed). The fix installs the library by name, where the
// header package is installed: apk keeps what is in its world, apt's autoremove what was installed by hand.
import type { InstructionNode, Stage } from "../dockerfile/model";
import { packageBuildNeeds } from "../knowledge";
import type { CommandInfo } from "../shell/command-info";
import type { TextEdit } from "../text/edits";
import { headerPackages } from "../verify/final-stage";
import { editableRun } from "./support/commands";
import { makeFinding } from "./support/finding";
import { runOfFinding } from "./support/stages";
import type { Rule, RuleContext } from "./types";

type Install = Extract<CommandInfo, { kind: "apt-install" | "apk-add" }>;

interface Hit {
  /** The RUN that removes the library (where the build check points). */
  readonly removal: InstructionNode;
  readonly packageName: string;
  readonly library: string;
  /** The install of the header package, and its RUN: where the library is added. */
  readonly install: { readonly node: InstructionNode; readonly index: number; readonly info: Install } | null;
}

function hits({ analysis }: RuleContext): Hit[] {
  const out: Hit[] = [];
  for (const finding of analysis.buildCheck) {
    if (finding.code !== "runtime-library-removed") continue;
    const [packageName, library] = finding.subject.split(":");
    const stage = analysis.model.stages[finding.stage];
    const removal = runOfFinding(analysis.model, finding);
    if (packageName === undefined || library === undefined || stage === undefined || removal === undefined) continue;
    out.push({ removal, packageName, library, install: headerInstall(stage, packageName, removal) });
  }
  return out;
}

/** The last install of one of the package's header packages at or before the removing RUN. */
function headerInstall(stage: Stage, packageName: string, removal: InstructionNode): Hit["install"] {
  const needs = packageBuildNeeds(packageName);
  const headers = new Set(headerPackages([...(needs?.alpine ?? []), ...(needs?.debian ?? [])]));
  let found: Hit["install"] = null;
  for (const node of stage.instructions) {
    if (node.range.start > removal.range.start) break;
    (node.run?.infos ?? []).forEach((info, index) => {
      if ((info.kind === "apt-install" || info.kind === "apk-add") && info.packages.some((p) => headers.has(p.value))) found = { node, index, info };
    });
  }
  return found;
}

export const keepRuntimeLibrary: Rule = {
  meta: {
    id: "correctness/keep-runtime-library",
    title: "Keep the runtime library",
    category: "correctness",
    severity: "error",
    fixSafety: "safe",
    hadolint: null,
    docs: {
      what: "Installs by name the runtime library a package compiled in the final stage loads (libpq for psycopg2), where its header package is installed: outside an apk --virtual group (apk add --no-cache libpq before it), or in the same apt-get install (which marks it installed by hand).",
      why: "apk del of a --virtual build group removes what the group pulled in, and apt-get purge --auto-remove of a -dev package removes its dependencies: the library goes with them, the image builds, and the app fails at import (\"Error loading shared library libpq.so.5\").",
      before: "FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev postgresql-dev \\\n    && pip install --no-cache-dir psycopg2 \\\n    && apk del .build-deps\n",
      after: "FROM python:3.12-alpine\nRUN apk add --no-cache libpq && apk add --no-cache --virtual .build-deps gcc musl-dev postgresql-dev \\\n    && pip install --no-cache-dir psycopg2 \\\n    && apk del .build-deps\n",
      safety: "Safe: the library was installed during the build already; the fix only keeps it (a few hundred kB).",
    },
    messages: {
      removed: "{{package}} loads {{library}} at run time, and line {{line}} removes it with the build packages: the image builds, then import fails. Install {{library}} by name.",
    },
  },
  detect(context) {
    return hits(context).map((h) => makeFinding(this.meta, "removed", { package: h.packageName, library: h.library, line: String(h.removal.range.startLine) }, h.removal.range));
  },
  fix(context) {
    const all = hits(context);
    const edits: TextEdit[] = [];
    const added = new Set<string>();
    for (const h of all) {
      const install = h.install;
      if (install === null || !editableRun(install.node)) return [];
      const key = `${install.node.range.start}:${h.library}`;
      if (added.has(key)) continue;
      added.add(key);
      const command = install.node.run?.commands[install.index];
      const last = install.info.packages[install.info.packages.length - 1];
      if (command === undefined || last === undefined) return [];
      // In an apk --virtual group the library would go with the group: its own apk add, before it.
      edits.push(install.info.kind === "apk-add" && install.info.virtual !== null
        ? { start: command.start, end: command.start, text: `apk add --no-cache ${h.library} && ` }
        : { start: last.word.end, end: last.word.end, text: ` ${h.library}` });
    }
    if (edits.length === 0) return [];
    const libraries = [...new Set(all.map((h) => h.library))];
    return [{
      id: "install-library",
      title: `Install ${libraries.join(", ")} by name`,
      edits: [{ file: "dockerfile", edits }],
      reason: `${libraries.join(", ")} ${libraries.length === 1 ? "stays" : "stay"} installed after the build packages are removed: ${all.map((h) => `${h.packageName} loads ${h.library}`).join("; ")}. The image then starts as it did before the cleanup was added.`,
    }];
  },
};
