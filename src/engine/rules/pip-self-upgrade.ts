// hygiene/pip-self-upgrade — `pip install --upgrade pip` downloads whatever pip is newest on the day of the
// build: the image is not reproducible, the new pip lands in a new layer while the image's own pip stays in
// the base layer, and into a `--prefix` it uninstalls the stage's pip (the build check's pip-removed). The
// python images ship a current pip (the wheel table's pip row); drop the upgrade, or pin it.
import { formatBytes } from "../format";
import type { InstructionNode } from "../dockerfile/model";
import { hashCheckingCause } from "../estimate/hash-checking";
import { findRequirementsFile } from "../estimate/requirements-lookup";
import { findPythonPackage } from "../knowledge";
import { resolveRequirements } from "../requirements";
import type { PipInstall } from "../shell/command-info";
import type { TextEdit } from "../text/edits";
import { atLine } from "./support/at-line";
import { editableRun, removeCommandEdit } from "./support/commands";
import { makeFinding } from "./support/finding";
import type { FixAlternative, Rule, RuleContext } from "./types";

/** The last pip that runs on each Python that newer pips dropped (pip's changelog, pip.pypa.io/en/stable/news:
 *  26.1 (2026-04-26) "Drop support for Python 3.9", 25.0 "Drop support for Python 3.8", 24.1 dropped 3.7,
 *  22.0 dropped 3.6, 21.0 dropped 2.7 and 3.5, 19.2 dropped 3.4). 26.0.1 is the last 26.0 release (the version
 *  dependabot bumped from to 26.1, e.g. keboola/cli#371). */
const LAST_PIP: Readonly<Record<string, string>> = { "2.7": "20.3.4", "3.4": "19.1.1", "3.5": "20.3.4", "3.6": "21.3.1", "3.7": "24.0", "3.8": "24.3.1", "3.9": "26.0.1" };

/** A Python the newest pip dropped that LAST_PIP has no row for (3.3, 2.6): which pip last ran there is not
 *  known, so there is no version to pin. */
function droppedUnlisted(minor: string): boolean {
  const key = (m: string): number => {
    const [major = 0, sub = 0] = m.split(".").map(Number);
    return major * 1000 + sub;
  };
  const newestDropped = Math.max(...Object.keys(LAST_PIP).map(key));
  return LAST_PIP[minor] === undefined && key(minor) < newestDropped;
}

/** `pip`, `pip>=23`, `PIP` — a requirement on pip itself that does not pin one version. */
const UNPINNED_PIP = /^pip(\s*(>=|>|~=|!=|<|<=)[^=]*)?$/i;

interface Hit {
  readonly node: InstructionNode;
  readonly index: number;
  readonly info: PipInstall;
  /** Bytes of the new pip in this layer (0 for a builder stage). */
  readonly bytes: number;
  /** The command runs in pip's hash-checking mode: a pin has no hash either, and pip refuses it. */
  readonly hashChecking: boolean;
}

const NO_VARIABLES = { get: (): undefined => undefined };

/** Whether `info` reads a hashed requirements file or has --require-hashes (estimate/hash-checking.ts), by
 *  the files given; PIP_REQUIRE_HASHES, whose value the rule does not see, is left to the build check. */
function hashChecking(analysis: RuleContext["analysis"], info: PipInstall): boolean {
  const read = (path: string) => {
    const file = findRequirementsFile(analysis.requirementFiles, path);
    return file === null ? null : resolveRequirements(file.path, analysis.requirementFiles);
  };
  const files = { requirements: info.requirementFiles.map((f) => read(f.value)), constraints: info.constraintFiles.map((f) => read(f.value)) };
  return hashCheckingCause(info, files, NO_VARIABLES) !== null;
}

function hits({ analysis }: RuleContext): Hit[] {
  const out: Hit[] = [];
  for (const node of analysis.model.instructions) {
    (node.run?.infos ?? []).forEach((info, index) => {
      // Guard: pip upgrading itself (uv pip does not install into its own tool).
      if (info.kind !== "pip-install" || info.installer !== "pip") return;
      if (!info.requirements.some((r) => UNPINNED_PIP.test(r.value.trim()))) return;
      const layer = atLine(analysis.estimate.layers, node.range.startLine)[0];
      const bytes = layer?.items.filter((i) => /\/pip$/.test(i.path) && i.category === "python").reduce((sum, i) => sum + i.bytes, 0) ?? 0;
      out.push({ node, index, info, bytes, hashChecking: hashChecking(analysis, info) });
    });
  }
  return out;
}

/** Edits that take `pip` out of each install: the word, or the whole command when pip was all it installed. */
function dropEdits(text: string, all: readonly Hit[]): TextEdit[] | null {
  const edits: TextEdit[] = [];
  for (const h of all) {
    const { info } = h;
    const onlyPip = info.requirements.every((r) => UNPINNED_PIP.test(r.value.trim())) && info.requirementFiles.length === 0 && info.editables.length === 0;
    if (onlyPip) {
      const removal = removeCommandEdit(text, h.node, h.index);
      if (removal === null) return null;
      edits.push(removal);
      continue;
    }
    const words = h.node.run?.commands[h.index]?.words ?? [];
    for (const r of info.requirements.filter((r) => UNPINNED_PIP.test(r.value.trim()))) {
      const before = words[words.indexOf(r.word) - 1];
      if (before === undefined) return null;
      edits.push({ start: before.end, end: r.word.end, text: "" });
    }
  }
  return edits;
}

export const pipSelfUpgrade: Rule = {
  meta: {
    id: "hygiene/pip-self-upgrade",
    title: "Do not upgrade pip at build time",
    category: "hygiene",
    severity: "info",
    fixSafety: "safe",
    hadolint: null,
    docs: {
      what: "Pins an unpinned pip install --upgrade pip to one version, or (the alternative) drops it.",
      why: "An unpinned upgrade installs whatever pip is newest when the image is built, so two builds of the same Dockerfile differ; the new pip is a second copy in a new layer, and with --prefix it uninstalls the stage's own pip.",
      before: "FROM python:3.12-slim\nRUN pip install --upgrade pip && pip install --no-cache-dir flask\n",
      after: "FROM python:3.12-slim\nRUN pip install --upgrade pip==26.2.1 && pip install --no-cache-dir flask\n",
      safety: "Safe: pinning installs one known pip instead of whatever is newest (on Python 3.9 and older, the last pip that runs there). Dropping the upgrade, the alternative, is safe on the images of supported Pythons, which ship a current pip. Where the upgrade shares a command with a hashed requirements file (pip's hash-checking mode), a pin has no hash either, so dropping is the only fix offered.",
    },
    messages: {
      upgrade: "pip upgrades itself to whatever version is newest at build time ({{bytes}} in this layer): drop it or pin one version.",
    },
  },
  detect(context) {
    return hits(context).map((h) => makeFinding(this.meta, "upgrade", { bytes: formatBytes(h.bytes) }, h.node.range));
  },
  fix(context) {
    const all = hits(context);
    if (all.length === 0 || all.some((h) => !editableRun(h.node))) return [];
    const text = context.analysis.model.text;
    const bytes = all.reduce((sum, h) => sum + h.bytes, 0);
    const alternatives: FixAlternative[] = [];
    // On a Python newer pips dropped (≤ 3.9), the table's pip would not install: pin to the last pip that
    // still runs there (on ≤ 3.8 the image's own pip is also too old to read manylinux_2_28 wheels).
    // A stage whose Python the estimate cannot tell (`FROM python:${PYTHON_VERSION}-slim`, corpus 107;
    // python:onbuild, 103) may run one the newest pip dropped: `pip==<newest>` would fail there, so no pin.
    const hitStages = new Set(all.map((h) => h.node.stageIndex));
    const versions = context.analysis.estimate.stages.filter((s) => hitStages.has(s.index)).map((s) => s.pythonVersion);
    // The Python of the stages it rewrites, as the text stands at this step (eol-base runs before this rule,
    // so a base it moved is read here as moved: registry.ts).
    const minors = versions.flatMap((v) => (v === null ? [] : [v.split(".").slice(0, 2).join(".")]));
    // One newer pips dropped that the table lacks: its last pip is not known, so no pin either.
    const unknownPython = versions.length < hitStages.size || versions.some((v) => v === null) || minors.some(droppedUnlisted);
    const oldPython = minors.find((m) => LAST_PIP[m] !== undefined);
    const row = findPythonPackage("pip");
    const version = oldPython === undefined ? row?.version : LAST_PIP[oldPython];
    const where = oldPython === undefined ? `the package table's pip row, ${row?.source ?? ""}` : `the last pip for Python ${oldPython}, from pip's changelog`;
    const drop = dropEdits(text, all);
    if (drop !== null && drop.length > 0) {
      alternatives.push({ id: "drop", title: "Drop the pip upgrade", edits: [{ file: "dockerfile", edits: drop }], reason: `The image's own pip installs the same packages; the upgrade only added ${formatBytes(bytes)} and made the build depend on the day it ran.` });
    }
    // In pip's hash-checking mode (`pip install --upgrade pip -r hashed.txt`) `pip==X` has no hash either,
    // and pip refuses it as it refused `pip`: only dropping the upgrade lets the install build.
    if (version != null && !unknownPython && !all.some((h) => h.hashChecking)) {
      const pin = all.flatMap((h) => h.info.requirements.filter((r) => UNPINNED_PIP.test(r.value.trim())).map((r) => ({ start: r.word.start, end: r.word.end, text: `pip==${version}` })));
      alternatives.push({ id: "pin", title: `Pin pip ${version}`, edits: [{ file: "dockerfile", edits: pin }], reason: `pip ${version} (${where}) every time: the build is reproducible; the upgrade's layer stays.` });
    }
    // Pinning first: the install does what it did, only reproducibly (the plan keeps the installed set);
    // dropping is the alternative that saves the layer.
    return [...alternatives].reverse();
  },
};
