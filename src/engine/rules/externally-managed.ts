// correctness/externally-managed — Debian 12 and Ubuntu 23.04 on mark their python3 as externally managed
// (PEP 668), so `pip install` into it stops with "externally-managed-environment": a Dockerfile written for
// ubuntu:22.04 or debian:bullseye no longer builds on the next release. The build check reports it; the
// fix adds pip's own override, --break-system-packages, to those installs, which is what they did before.
// The cleaner way, a venv, needs python3-venv and a PATH change the rule cannot check against the app, so
// the reason names it instead of making it.
import type { Analysis } from "../analyze";
import type { InstructionNode } from "../dockerfile/model";
import { normalizeName } from "../requirements";
import type { PipInstall } from "../shell/command-info";
import type { TextEdit } from "../text/edits";
import { editableRun } from "./support/commands";
import { makeFinding } from "./support/finding";
import { pipInstallNames } from "./support/packages";
import { runOfFinding } from "./support/stages";
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

/** The Python packages apt installed in the stage before `node`: pip, setuptools and wheel with python3-pip
 *  (it depends on the other two), and `python3-<name>` for each such package asked for by name. */
function aptOwned(analysis: Analysis, node: InstructionNode): Set<string> {
  const owned = new Set<string>();
  for (const n of analysis.model.stages[node.stageIndex]?.instructions ?? []) {
    if (n === node) break;
    for (const info of n.run?.infos ?? []) {
      if (info.kind !== "apt-install") continue;
      for (const p of info.packages) {
        const name = /^python3-([a-z0-9][a-z0-9.+-]*)$/.exec(p.value.replace(/[=:].*$/, ""))?.[1];
        if (name === undefined) continue;
        if (name === "pip") ["pip", "setuptools", "wheel"].forEach((x) => owned.add(x));
        else owned.add(normalizeName(name));
      }
    }
  }
  return owned;
}

function hits({ analysis }: RuleContext): Hit[] {
  const out: Hit[] = [];
  for (const finding of analysis.buildCheck) {
    if (finding.code !== "externally-managed-environment") continue;
    const node = runOfFinding(analysis.model, finding);
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
    // pip cannot uninstall what apt installed ("Cannot uninstall pip 23.0.1, RECORD file not found. Hint:
    // The package was installed by debian."): an install that asks for such a package (a self-upgrade of
    // Debian's pip, a pinned setuptools) installs beside it with --ignore-installed.
    const beside: string[] = [];
    const edits: TextEdit[] = all.flatMap((h) => {
      const owned = aptOwned(context.analysis, h.node);
      return h.installs.map((i) => {
        const clash = [...new Set(pipInstallNames(context.analysis, i).names.map(normalizeName).filter((n) => owned.has(n)))];
        beside.push(...clash);
        const ignore = clash.length > 0 && !i.optionWords.some((w) => w.value === "--ignore-installed" || w.value === "-I");
        return { start: i.installWord.end, end: i.installWord.end, text: ` --break-system-packages${ignore ? " --ignore-installed" : ""}` };
      });
    });
    const names = [...new Set(beside)];
    const besideText = names.length === 0 ? "" : ` Where it asks for ${names.join(", ")}, which apt installed and pip cannot uninstall ("Cannot uninstall …, RECORD file not found"), --ignore-installed installs pip's copy beside apt's.`;
    return [{
      id: "break-system-packages",
      title: "Add --break-system-packages",
      edits: [{ file: "dockerfile", edits }],
      reason: `pip installs into the distribution's python3 as it did before the release marked it externally managed (line ${all.map((h) => h.node.range.startLine).join(", ")}).${besideText} A venv (python3-venv, python3 -m venv /opt/venv, /opt/venv/bin first on PATH) would keep the app's packages apart from apt's; it changes the paths the app runs from, so it is left to you.`,
    }];
  },
};
