// size/apt-no-install-recommends — `apt-get install` also installs every package the requested ones
// *recommend* (APT::Install-Recommends is on by default). In an image those are rarely used: python3-pip
// recommends build-essential, so a plain `apt-get install python3-pip` brings a compiler. Matches DL3015.
import type { InstructionNode } from "../dockerfile/model";
import type { CommandInfo } from "../shell/command-info";
import { editableRun, finalImageRuns } from "./support/commands";
import { makeFinding } from "./support/finding";
import type { Rule, RuleContext } from "./types";

type AptInstall = Extract<CommandInfo, { kind: "apt-install" }>;

/** Recommends the size model knows of, with the fact behind each (Debian package metadata, bookworm and
 *  trixie, `apt-cache show python3-pip`: "Recommends: build-essential, python3-dev"). The release tables
 *  hold Depends and Pre-Depends only, so other recommends are not weighed. */
const KNOWN_RECOMMENDS: Readonly<Record<string, string>> = {
  "python3-pip": "build-essential and python3-dev (a C compiler)",
};

interface Hit {
  readonly node: InstructionNode;
  readonly infos: readonly AptInstall[];
}

function hits({ analysis }: RuleContext): Hit[] {
  const out: Hit[] = [];
  for (const node of finalImageRuns(analysis)) {
    // Guard: only installs without the flag (or `-o APT::Install-Recommends=false`), and with packages.
    const infos = (node.run?.infos ?? []).filter((i): i is AptInstall => i.kind === "apt-install" && !i.noInstallRecommends && i.packages.length > 0);
    if (infos.length > 0) out.push({ node, infos });
  }
  return out;
}

function knownRecommends(infos: readonly AptInstall[]): string[] {
  return infos.flatMap((i) => i.packages.flatMap((p) => {
    const what = KNOWN_RECOMMENDS[p.value];
    return what === undefined ? [] : [`${p.value} recommends ${what}`];
  }));
}

export const aptNoInstallRecommends: Rule = {
  meta: {
    id: "size/apt-no-install-recommends",
    title: "Install without recommended packages",
    category: "size",
    severity: "warning",
    fixSafety: "suggestion",
    hadolint: "DL3015",
    docs: {
      what: "Adds --no-install-recommends to apt-get install in the RUNs that reach the final image.",
      why: "apt installs each package's Recommends unless told not to: documentation, optional helpers, and for python3-pip a whole compiler toolchain. They are weight the app does not use.",
      before: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y libpq5 && rm -rf /var/lib/apt/lists/*\n",
      after: "FROM python:3.12-slim\nRUN apt-get update && apt-get install --no-install-recommends -y libpq5 && rm -rf /var/lib/apt/lists/*\n",
      safety: "A suggestion: a recommended package is sometimes what the app relies on without naming it (curl's libcurl recommends ca-certificates, needed for HTTPS). Name such packages explicitly when you apply it.",
    },
    messages: {
      recommends: "apt-get install also installs recommended packages{{known}}: add --no-install-recommends.",
    },
  },
  detect(context) {
    return hits(context).map((h) => {
      const known = knownRecommends(h.infos);
      return makeFinding(this.meta, "recommends", { known: known.length === 0 ? "" : ` (${known.join("; ")})` }, h.node.range);
    });
  },
  fix(context) {
    const all = hits(context);
    // Guard: the flag goes right after the `install` word, which needs offsets into the text.
    if (all.length === 0 || all.some((h) => !editableRun(h.node))) return [];
    // Guard: a compiler that came as a recommendation (python3-pip → build-essential) may be what a later
    // source build uses; without it the build fails (the fuzz harness found one). Offered only where the
    // install names a compiler itself.
    const compilerNamed = (i: AptInstall): boolean => i.packages.some((p) => /^(build-essential|gcc(-\d+)?|g\+\+(-\d+)?)$/.test(p.value));
    if (all.some((h) => h.infos.some((i) => !compilerNamed(i) && i.packages.some((p) => KNOWN_RECOMMENDS[p.value] !== undefined)))) return [];
    const edits = all.flatMap((h) => h.infos.map((i) => ({ start: i.installWord.end, end: i.installWord.end, text: " --no-install-recommends" })));
    const known = all.flatMap((h) => knownRecommends(h.infos));
    return [{
      id: "no-install-recommends",
      title: "Add --no-install-recommends",
      edits: [{ file: "dockerfile", edits }],
      reason: `${known.length > 0 ? `${known.join("; ")}. ` : ""}The Debian tables here record Depends, not Recommends, so what this leaves out is not weighed: the estimate already counts installs as if made with --no-install-recommends (assumption apt-recommends), so the step shows no size change.`,
    }];
  },
};
