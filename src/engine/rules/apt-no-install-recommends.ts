// size/apt-no-install-recommends — `apt-get install` also installs every package the requested ones
// *recommend* (APT::Install-Recommends is on by default). In an image those are rarely used: python3-pip
// recommends build-essential, so a plain `apt-get install python3-pip` brings a compiler. Matches DL3015.
// The size: the estimate weighs each install's Recommends closure from the Debian release table and
// records it (`estimate.aptRecommends`); the reason names the biggest of those packages.
import type { InstructionNode } from "../dockerfile/model";
import type { AptRecommendsWeight } from "../estimate/types";
import { formatBytes } from "../format";
import type { CommandInfo } from "../shell/command-info";
import { atLine } from "./support/at-line";
import { editableRun, finalImageRuns } from "./support/commands";
import { makeFinding } from "./support/finding";
import type { Rule, RuleContext } from "./types";

type AptInstall = Extract<CommandInfo, { kind: "apt-install" }>;

/** Recommends known without a release table (Ubuntu bases, no table loaded), with the fact behind each
 *  (Debian package metadata, bookworm and trixie, `apt-cache show python3-pip`: "Recommends:
 *  build-essential, python3-dev"). With a table the recommended packages come from the estimate. */
const KNOWN_RECOMMENDS: Readonly<Record<string, string>> = {
  "python3-pip": "build-essential and python3-dev (a C compiler)",
};

/** Compilers among recommended packages: without them a later source build fails. */
const COMPILER = /^(build-essential|gcc(-\d+)?|g\+\+(-\d+)?)$/;
/** How many recommended packages the reason names (the biggest): enough to see where the bytes are. */
const NAMED = 3;

interface Hit {
  readonly node: InstructionNode;
  readonly infos: readonly AptInstall[];
  /** What the estimate weighed for this RUN's Recommends (empty without a release table). */
  readonly weights: readonly AptRecommendsWeight[];
}

function hits({ analysis }: RuleContext): Hit[] {
  const out: Hit[] = [];
  for (const node of finalImageRuns(analysis)) {
    // Guard: only installs without the flag (or `-o APT::Install-Recommends=false`), and with packages.
    const infos = (node.run?.infos ?? []).filter((i): i is AptInstall => i.kind === "apt-install" && !i.noInstallRecommends && i.packages.length > 0);
    const weights = atLine(analysis.estimate.aptRecommends, node.range.startLine);
    if (infos.length > 0) out.push({ node, infos, weights });
  }
  return out;
}

/** The recommended packages of these installs, biggest first, and their total. */
function recommended(all: readonly Hit[]): { packages: { name: string; bytes: number }[]; bytes: number } {
  const packages = all.flatMap((h) => h.weights.flatMap((w) => w.packages)).sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
  return { packages, bytes: packages.reduce((sum, p) => sum + p.bytes, 0) };
}

function describeSaving(all: readonly Hit[]): string {
  const { packages, bytes } = recommended(all);
  if (packages.length === 0) {
    return all.some((h) => h.weights.length > 0)
      ? "By the Debian release table these installs recommend nothing the image does not already have: the flag saves no bytes here today."
      : "No Debian release table weighs these installs' Recommends (an Ubuntu base, no table loaded, or a name the release lacks), so what the flag leaves out is not weighed (assumption apt-recommends).";
  }
  const named = packages.slice(0, NAMED).map((p) => `${p.name} ${formatBytes(p.bytes)}`).join(", ");
  const more = packages.length > NAMED ? ` and ${packages.length - NAMED} more` : "";
  return `Without the flag apt also installs ${packages.length} recommended package${packages.length === 1 ? "" : "s"} (with their own dependencies): ${formatBytes(bytes)} of Installed-Size (${named}${more}), from the Debian release table.`;
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
      const { packages, bytes } = recommended([h]);
      const weighed = packages.length === 0 ? [] : [`${formatBytes(bytes)} in ${packages.length} package${packages.length === 1 ? "" : "s"}, ${packages.slice(0, NAMED).map((p) => p.name).join(", ")}${packages.length > NAMED ? " …" : ""}`];
      const known = [...knownRecommends(h.infos), ...weighed];
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
    const compilerNamed = (i: AptInstall): boolean => i.packages.some((p) => COMPILER.test(p.value));
    const compilerRecommended = (h: Hit, i: AptInstall): boolean =>
      i.packages.some((p) => KNOWN_RECOMMENDS[p.value] !== undefined) || h.weights.some((w) => w.packages.some((p) => COMPILER.test(p.name)));
    if (all.some((h) => h.infos.some((i) => !compilerNamed(i) && compilerRecommended(h, i)))) return [];
    const edits = all.flatMap((h) => h.infos.map((i) => ({ start: i.installWord.end, end: i.installWord.end, text: " --no-install-recommends" })));
    const known = all.flatMap((h) => knownRecommends(h.infos));
    return [{
      id: "no-install-recommends",
      title: "Add --no-install-recommends",
      edits: [{ file: "dockerfile", edits }],
      reason: `${known.length > 0 ? `${known.join("; ")}. ` : ""}${describeSaving(all)}`,
    }];
  },
};
