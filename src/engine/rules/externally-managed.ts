// correctness/externally-managed — Debian 12 and Ubuntu 23.04 on mark their python3 as externally managed
// (PEP 668), so `pip install` into it stops with "externally-managed-environment": a Dockerfile written for
// ubuntu:22.04 or debian:bullseye no longer builds on the next release. The build check reports it; the
// fix adds pip's own override, --break-system-packages, to those installs, which is what they did before.
// The cleaner way, a venv, needs python3-venv and a PATH change the rule cannot check against the app, so
// the reason names it instead of making it.
import type { InstructionNode } from "../dockerfile/model";
import type { PipInstall } from "../shell/command-info";
import type { TextEdit } from "../text/edits";
import { editableRun } from "./support/commands";
import { makeFinding } from "./support/finding";
import type { Rule, RuleContext } from "./types";

interface Hit {
  readonly node: InstructionNode;
  readonly installs: readonly PipInstall[];
}

/** Whether `info` writes into the running interpreter's own environment, where PEP 668 applies. */
function intoSystem(info: PipInstall): boolean {
  const o = info.options;
  if (o.target !== null || o.prefix !== null || o.root !== null) return false;
  if (info.optionWords.some((w) => w.value === "--break-system-packages")) return false;
  return info.installer === "pip" || info.optionWords.some((w) => w.value === "--system");
}

function hits({ analysis }: RuleContext): Hit[] {
  const out: Hit[] = [];
  for (const finding of analysis.buildCheck) {
    if (finding.code !== "externally-managed-environment") continue;
    const node = analysis.model.stages[finding.stage]?.instructions.find((n) => n.keyword === "RUN" && n.range.startLine === finding.line);
    if (node === undefined || out.some((h) => h.node === node)) continue;
    const installs = (node.run?.infos ?? []).filter((i): i is PipInstall => i.kind === "pip-install" && intoSystem(i));
    if (installs.length > 0) out.push({ node, installs });
  }
  return out;
}

export const externallyManaged: Rule = {
  meta: {
    id: "correctness/externally-managed",
    title: "pip into the distribution's Python",
    category: "correctness",
    severity: "error",
    fixSafety: "suggestion",
    hadolint: null,
    docs: {
      what: "Adds --break-system-packages to a pip install into the python3 of Debian 12+ or Ubuntu 23.04+, which refuse it otherwise.",
      why: "Those releases mark their python3 as externally managed (PEP 668): pip install into it stops with \"error: externally-managed-environment\", so the image does not build.",
      before: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf /var/lib/apt/lists/*\nRUN pip3 install --no-cache-dir flask\n",
      after: "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf /var/lib/apt/lists/*\nRUN pip3 install --break-system-packages --no-cache-dir flask\n",
      safety: "A suggestion: the packages land where they did on the older release, beside the distribution's own Python packages, which pip may upgrade under apt. A venv (python3-venv, python3 -m venv /opt/venv, its bin first on PATH) keeps them apart; the rule does not make one, as the app's paths would change.",
    },
    messages: {
      managed: "pip installs into the distribution's python3, which this release marks as externally managed (PEP 668): the install fails. Add --break-system-packages, or install into a venv.",
    },
  },
  detect(context) {
    return hits(context).map((h) => makeFinding(this.meta, "managed", {}, h.node.range));
  },
  fix(context) {
    const all = hits(context);
    if (all.length === 0 || all.some((h) => !editableRun(h.node))) return [];
    const edits: TextEdit[] = all.flatMap((h) => h.installs.map((i) => ({ start: i.installWord.end, end: i.installWord.end, text: " --break-system-packages" })));
    return [{
      id: "break-system-packages",
      title: "Add --break-system-packages",
      edits: [{ file: "dockerfile", edits }],
      reason: `pip installs into the distribution's python3 as it did before the release marked it externally managed (line ${all.map((h) => h.node.range.startLine).join(", ")}). A venv (python3-venv, python3 -m venv /opt/venv, /opt/venv/bin first on PATH) would keep the app's packages apart from apt's; it changes the paths the app runs from, so it is left to you.`,
    }];
  },
};
