// correctness/pip-install-option — `pip install --install-option="--prefix=/install"` was the old way to
// install into a prefix for a multistage build. pip 23.1 removed --install-option: with current pip the
// install fails. `--prefix=/install` does the same job.
import type { SourceRange } from "../dockerfile/model";
import type { PipInstall } from "../shell/command-info";
import type { ShellWord } from "../shell/types";
import type { TextEdit } from "../text/edits";
import { makeFinding } from "./support/finding";
import type { Rule, RuleContext } from "./types";

interface Hit {
  readonly info: PipInstall;
  readonly words: readonly ShellWord[];
  readonly prefix: string;
  readonly line: number;
  readonly range: SourceRange;
}

function hits({ analysis }: RuleContext): Hit[] {
  const out: Hit[] = [];
  for (const node of analysis.model.instructions) {
    for (const info of node.run?.infos ?? []) {
      if (info.kind !== "pip-install" || info.options.legacyInstallOptionPrefix === null) continue;
      const at = info.optionWords.findIndex((w) => w.value.startsWith("--install-option"));
      const word = info.optionWords[at];
      if (word === undefined) continue;
      // `--install-option=--prefix=/x` is one word; `--install-option "--prefix=/x"` is two.
      const next = info.optionWords[at + 1];
      const words = word.value.includes("=") || next === undefined ? [word] : [word, next];
      out.push({ info, words, prefix: info.options.legacyInstallOptionPrefix, line: node.range.startLine, range: node.range });
    }
  }
  return out;
}

export const pipInstallOption: Rule = {
  meta: {
    id: "correctness/pip-install-option",
    title: "Replace the removed --install-option",
    category: "correctness",
    severity: "error",
    fixSafety: "safe",
    hadolint: null,
    docs: {
      what: "Rewrites pip install --install-option=\"--prefix=DIR\" as pip install --prefix=DIR.",
      why: "pip 23.1 (April 2023) removed --install-option; current pip stops with an error, so the image no longer builds. --prefix installs into the same layout.",
      before: "FROM python:3.12-slim AS builder\nRUN pip install --install-option=\"--prefix=/install\" flask\n",
      after: "FROM python:3.12-slim AS builder\nRUN pip install --prefix=/install flask\n",
      safety: "Safe: --prefix is the documented replacement and installs the same files in the same places.",
    },
    messages: {
      removed: "--install-option was removed in pip 23.1: this install fails with current pip; use --prefix={{prefix}}.",
    },
  },
  detect(context) {
    return hits(context).map((h) => makeFinding(this.meta, "removed", { prefix: h.prefix }, h.range));
  },
  fix(context) {
    const all = hits(context);
    const edits: TextEdit[] = [];
    for (const h of all) {
      const first = h.words[0];
      const last = h.words[h.words.length - 1];
      // Guard: words from an exec-form RUN have no usable offsets.
      if (first === undefined || last === undefined || last.end <= first.start) return [];
      edits.push({ start: first.start, end: last.end, text: `--prefix=${h.prefix}` });
    }
    if (edits.length === 0) return [];
    return [{ id: "prefix", title: "Use --prefix", edits: [{ file: "dockerfile", edits }], reason: "--prefix is what pip offers since --install-option was removed (pip 23.1); it installs the same files in the same places." }];
  },
};
