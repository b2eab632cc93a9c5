// correctness/build-deps — pip builds a package from source (no wheel for the image: psycopg2, mysqlclient,
// or anything on Alpine without a musllinux wheel) in a stage that cannot compile it: no compiler (python's
// slim and Alpine images have none), or a compiler without libc's headers (Debian's gcc installed with
// --no-install-recommends, Alpine's gcc without musl-dev). The build check reports the failure; this rule
// installs what the package table says the build needs (its `buildNeeds`, libc's headers beside a bare
// compiler), in a RUN of its own before the install that compiles — or, where only the headers are
// missing, adds them to the install that brought the compiler. Shrinking the result is the next steps'
// work: size/multistage moves the compilers into a builder stage.
import type { DockerfileModel, InstructionNode, Stage } from "../dockerfile/model";
import { findBaseImage, isBareCompiler, isInFullPythonImage, libcHeadersPackage, packageBuildNeeds, parseImageRef, withLibcHeaders } from "../knowledge";
import type { CommandInfo } from "../shell/command-info";
import type { TextEdit } from "../text/edits";
import { editableRun } from "./support/commands";
import { makeFinding } from "./support/finding";
import { runtimeTarget } from "./support/multistage-plan";
import { isNote, packageFor } from "./support/packages";
import { aptListsCleanupBefore, insertionPointBefore, lineBreakOf, runOfFinding } from "./support/stages";
import type { Rule, RuleContext } from "./types";

type Install = Extract<CommandInfo, { kind: "apt-install" | "apk-add" }>;

const NO_COMPILER = new Set(["source-build-needs-compiler", "musl-needs-compiler"]);
const NO_HEADERS = "source-build-needs-libc-headers";
/** A compiler and libc's headers, without the package's own -dev libraries (psycopg2 without libpq-dev). */
const NO_LIBRARIES = "source-build-needs-headers";
/** The build-check errors this rule mends. */
const COMPILER_CODES = new Set([...NO_COMPILER, NO_HEADERS, NO_LIBRARIES]);

interface Hit {
  /** The RUN whose install compiles. */
  readonly node: InstructionNode;
  readonly stage: Stage;
  readonly family: "debian" | "alpine";
  /** The packages it builds from source, in the build check's order. */
  readonly packages: readonly string[];
  /** The stage has a compiler and lacks only libc's headers. */
  readonly headersOnly: boolean;
  /** The stage has a compiler and libc's headers, and lacks only the packages' -dev libraries. */
  readonly librariesOnly: boolean;
}

function hits({ analysis }: RuleContext): Hit[] {
  const byNode = new Map<InstructionNode, { stage: Stage; family: "debian" | "alpine"; packages: string[]; headersOnly: boolean; librariesOnly: boolean }>();
  for (const finding of analysis.buildCheck) {
    // A warning is a source build the table cannot vouch for (a pinned version it lacks): not acted on.
    if (!COMPILER_CODES.has(finding.code) || finding.severity !== "error") continue;
    const stage = analysis.model.stages[finding.stage];
    const node = runOfFinding(analysis.model, finding);
    const libc = analysis.estimate.stages.find((s) => s.index === finding.stage)?.libc ?? null;
    if (stage === undefined || node === undefined || libc === null) continue;
    const hit = byNode.get(node) ?? { stage, family: libc === "musl" ? "alpine" : "debian", packages: [], headersOnly: true, librariesOnly: true };
    hit.packages.push(finding.subject);
    if (finding.code !== NO_HEADERS) hit.headersOnly = false;
    if (finding.code !== NO_LIBRARIES) hit.librariesOnly = false;
    byNode.set(node, hit);
  }
  return [...byNode].map(([node, h]) => ({ node, ...h })).sort((a, b) => a.node.range.start - b.node.range.start);
}

/** What building `packages` needs on `family` (release `distro`), from the package table: a compiler at
 *  least, and libc's headers. */
function buildNeeds(packages: readonly string[], family: "debian" | "alpine", distro: string | null): string[] {
  const needs = packages.flatMap((name) => {
    const needs = packageBuildNeeds(name);
    const listed = (family === "alpine" ? needs?.alpine : needs?.debian) ?? [];
    const entries = listed.filter((e) => !isNote(e)).map((e) => packageFor(e, distro));
    if (family === "alpine" && needs?.rust === true) entries.push("cargo");
    return entries.length > 0 ? entries : [family === "alpine" ? "build-base" : "build-essential"];
  });
  return withLibcHeaders([...new Set(needs)], family);
}

/** The system installs of `stage` before `node`, by the stage's own package manager (an `apk add gcc` on a
 *  Debian base installs nothing: fuzz seed 100 cases 50307, 70266). */
function installsBefore(stage: Stage, node: InstructionNode, family: "debian" | "alpine"): { node: InstructionNode; info: Install }[] {
  const kind = family === "alpine" ? "apk-add" : "apt-install";
  const out: { node: InstructionNode; info: Install }[] = [];
  for (const n of stage.instructions) {
    if (n.range.start >= node.range.start) break;
    for (const info of n.run?.infos ?? []) if (info.kind === kind) out.push({ node: n, info });
  }
  return out;
}

/** A compiler's install before `hit.node`, where libc's headers can join it. */
function compilerInstall(hit: Hit): { node: InstructionNode; info: Install } | null {
  const installs = installsBefore(hit.stage, hit.node, hit.family).filter(({ info }) => info.packages.some((p) => isBareCompiler(p.value)));
  return installs.at(-1) ?? null;
}

/** The stage's release (`alpine3.20`, `trixie`), where its base image names or has one. */
function distroOf(hit: Hit): string | null {
  const image = hit.stage.from.from?.image ?? null;
  return image === null ? null : runtimeTarget(image, hit.family === "alpine" ? "musl" : "glibc").distro;
}

/** Whether a system package is in place before `hit.node`: installed there by the stage, or, on a full python
 *  image, one of buildpack-deps' packages (its compilers and common headers: build-essential's parts too). */
function installedBefore({ analysis }: RuleContext, hit: Hit): (pkg: string) => boolean {
  const installed = new Set(installsBefore(hit.stage, hit.node, hit.family).flatMap(({ info }) => info.packages.map((p) => p.value)));
  const summary = analysis.estimate.stages.find((s) => s.index === hit.stage.index);
  const ref = summary?.baseImage == null ? null : parseImageRef(summary.baseImage);
  const row = ref === null ? null : findBaseImage(ref)?.row ?? null;
  const full = row?.image === "python" && row.variant === "full" ? row.distro ?? "trixie" : null;
  return (pkg) => installed.has(pkg) || (full !== null && (pkg === "build-essential" || isInFullPythonImage(pkg, full)));
}

/** The RUN inserted before `node` that installs `packages`. */
function installLine(model: DockerfileModel, node: InstructionNode, family: "debian" | "alpine", packages: readonly string[]): string {
  return family === "alpine"
    ? `RUN apk add --no-cache ${packages.join(" ")}`
    : `RUN apt-get update && apt-get install -y --no-install-recommends ${packages.join(" ")}${aptListsCleanupBefore(model, node)}`;
}

export const buildDeps: Rule = {
  meta: {
    id: "correctness/build-deps",
    title: "Install the build dependencies",
    category: "correctness",
    severity: "error",
    fixSafety: "safe",
    hadolint: null,
    docs: {
      what: "Installs what a source build needs (a compiler, libc's headers, the package's -dev libraries, from the package table) before the pip install that compiles it, or adds libc's headers to the install of a bare compiler.",
      why: "A package without a wheel for the image (psycopg2, mysqlclient; on Alpine anything without a musllinux wheel) compiles during pip install: on python's slim and Alpine images, which have no compiler, or with Debian's gcc installed without its recommended libc6-dev, the build stops at `unable to execute 'gcc'` or `fatal error: limits.h: No such file or directory`.",
      before: "FROM python:3.12-slim\nRUN pip install --no-cache-dir psycopg2==2.9.9\n",
      after: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev libc6-dev && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir psycopg2==2.9.9\n",
      safety: "Safe: the Dockerfile did not build; the fix only adds packages. They make the image larger: size/multistage then moves them into a builder stage.",
    },
    messages: {
      compiler: "pip compiles {{packages}} from source here, and this stage has no compiler: the build fails. Install {{needs}} first.",
      headers: "pip compiles {{packages}} from source here, and this stage's compiler has no libc headers: the build fails. Install {{needs}} with it.",
      libraries: "pip compiles {{packages}} from source here, and this stage has a compiler but not {{needs}}: the build fails. Install {{needs}} first.",
    },
  },
  detect(context) {
    return hits(context).map((h) => {
      // Where only the -dev libraries are missing, the finding names those, not what is already installed.
      const installed = h.librariesOnly ? installedBefore(context, h) : null;
      const needs = h.headersOnly ? [libcHeadersPackage(h.family)] : buildNeeds(h.packages, h.family, distroOf(h)).filter((p) => installed === null || !installed(p));
      return makeFinding(this.meta, h.headersOnly ? "headers" : h.librariesOnly ? "libraries" : "compiler", { packages: h.packages.join(", "), needs: needs.join(", ") }, h.node.range);
    });
  },
  fix(context) {
    const { model } = context.analysis;
    const nl = lineBreakOf(model.text);
    const edits: TextEdit[] = [];
    const reasons: string[] = [];
    for (const hit of hits(context)) {
      if (hit.headersOnly) {
        const headers = [libcHeadersPackage(hit.family)];
        const install = compilerInstall(hit);
        const last = install?.info.packages.at(-1);
        if (install !== null && last !== undefined && editableRun(install.node)) {
          edits.push({ start: last.word.end, end: last.word.end, text: ` ${headers.join(" ")}` });
          reasons.push(`${headers.join(", ")} (libc's headers) joins the compiler's install at line ${install.node.range.startLine}: ${hit.packages.join(", ")} ${hit.packages.length === 1 ? "builds" : "build"} from source at line ${hit.node.range.startLine} and the compiler cannot without them`);
          continue;
        }
        const at = insertionPointBefore(model, hit.node);
        edits.push({ start: at, end: at, text: `${installLine(model, hit.node, hit.family, headers)}${nl}` });
        reasons.push(`${hit.packages.join(", ")} ${hit.packages.length === 1 ? "builds" : "build"} from source at line ${hit.node.range.startLine}, where the compiler has no libc headers: ${headers.join(", ")} ${headers.length === 1 ? "is" : "are"} installed before it`);
        continue;
      }
      const installed = installedBefore(context, hit);
      const needs = buildNeeds(hit.packages, hit.family, distroOf(hit)).filter((p) => !installed(p));
      if (needs.length === 0) continue;
      const at = insertionPointBefore(model, hit.node);
      edits.push({ start: at, end: at, text: `${installLine(model, hit.node, hit.family, needs)}${nl}` });
      reasons.push(`${hit.packages.join(", ")} ${hit.packages.length === 1 ? "has" : "have"} no wheel for this image and ${hit.packages.length === 1 ? "builds" : "build"} from source at line ${hit.node.range.startLine}: ${needs.join(", ")} (the package table's build needs, libc's headers with the compiler) ${needs.length === 1 ? "is" : "are"} installed before it`);
    }
    if (edits.length === 0) return [];
    // Errors no compiler mends (a package with no wheel and no sdist for this image) stay: say so.
    const others = context.analysis.buildCheck.filter((f) => f.severity === "error" && !COMPILER_CODES.has(f.code));
    const then = others.length === 0
      ? "The image then builds"
      : `That compiles them; the build still fails at line ${others.map((f) => f.line).filter((l, i, all) => all.indexOf(l) === i).join(", ")} (${[...new Set(others.map((f) => f.code))].join(", ")})`;
    return [{
      id: "install-build-deps",
      title: "Install what the build needs",
      edits: [{ file: "dockerfile", edits }],
      reason: `${reasons.join("; ")}. ${then}; the compilers it keeps are what size/multistage leaves in a builder stage.`,
    }];
  },
};
