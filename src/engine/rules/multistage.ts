// size/multistage — a single stage that installs Python packages keeps everything the install needed:
// pip's cache, compilers, headers. A builder stage installs into a prefix (`pip install --prefix=/install`)
// and the final stage copies only /install into /usr/local, plus the runtime libraries the packages link
// against (libpq for psycopg2). The final stage keeps every other instruction, so CMD, ENTRYPOINT, WORKDIR,
// ENV, EXPOSE and USER are unchanged.
import type { Analysis } from "../analyze";
import type { InstructionNode, Stage } from "../dockerfile/model";
import { isManifestPath } from "../estimate/copy";
import { formatBytes } from "../format";
import type { CommandInfo, PipInstall } from "../shell/command-info";
import type { TextEdit } from "../text/edits";
import { makeFinding } from "./support/finding";
import { compilesOnGlibc, compilesOnMusl, packageToken, stagePackages } from "./support/packages";
import { cachedInstalls, noCacheEdit } from "./support/pip-cache";
import { afterInstruction, finalStage, instructionText, lineBreakOf, stagesUsedBy } from "./support/stages";
import type { FixAlternative, Rule } from "./types";

const PREFIX = "/install";

/** Packages only a build needs: compilers, headers, build systems. */
const BUILD_ONLY = /^(gcc(-\d+)?|g\+\+(-\d+)?|cc|clang|make|cmake|build-essential|build-base|musl-dev|libc-dev|libc6-dev|linux-headers|pkg-config|pkgconf|autoconf|automake|libtool|gfortran|cargo|rust|rustc|python3-dev|python3-devel|.*-dev|.*-devel)$/;

/** Runtime libraries of common header packages (Debian / Alpine), so the final stage can still load them. */
const RUNTIME_OF: Readonly<Record<string, { debian: string | null; alpine: string | null }>> = {
  "libpq-dev": { debian: "libpq5", alpine: "libpq" },
  "postgresql-dev": { debian: null, alpine: "libpq" },
  "libffi-dev": { debian: "libffi8", alpine: "libffi" },
  "libssl-dev": { debian: "libssl3", alpine: null },
  "openssl-dev": { debian: null, alpine: "libssl3" },
  "libjpeg-dev": { debian: "libjpeg62-turbo", alpine: null },
  "jpeg-dev": { debian: null, alpine: "libjpeg-turbo" },
  "zlib1g-dev": { debian: null, alpine: null },
  "zlib-dev": { debian: null, alpine: null },
  "libxml2-dev": { debian: "libxml2", alpine: "libxml2" },
  "libxslt1-dev": { debian: "libxslt1.1", alpine: null },
  "libxslt-dev": { debian: null, alpine: "libxslt" },
  "default-libmysqlclient-dev": { debian: "libmariadb3", alpine: null },
  "mariadb-dev": { debian: null, alpine: "mariadb-connector-c" },
  "libmariadb-dev": { debian: "libmariadb3", alpine: null },
};

const SYSTEM_KINDS = new Set<CommandInfo["kind"]>(["apt-update", "apt-install", "apt-remove", "apt-autoremove", "apt-clean", "apk-add", "apk-del", "apk-update", "apk-cache-clean", "rm", "set", "pip-cache-purge", "export"]);

interface Target {
  readonly stage: Stage;
  /** Index (in stage.instructions) of the last RUN that installs Python packages. */
  readonly last: number;
  readonly installs: readonly { node: InstructionNode; info: PipInstall }[];
}

function target(analysis: Analysis): Target | null {
  const stage = finalStage(analysis.model);
  // Guard: already multistage (the final stage copies from or builds on another stage).
  if (stage === null || stagesUsedBy(analysis.model, stage).length > 0 || stage.from.from?.image == null) return null;
  const installs = stage.instructions.flatMap((node) => (node.run?.infos ?? []).flatMap((info) => (info.kind === "pip-install" ? [{ node, info }] : [])));
  if (installs.length === 0) return null;
  let last = -1;
  stage.instructions.forEach((node, i) => {
    if (installs.some((x) => x.node === node)) last = i;
  });
  return { stage, last, installs };
}

function leftovers(analysis: Analysis): { cache: number; tools: number } {
  return { cache: analysis.estimate.byCategory.pipCache, tools: analysis.estimate.byCategory.buildTools };
}

export const multistage: Rule = {
  meta: {
    id: "size/multistage",
    title: "Build in one stage, ship from another",
    category: "size",
    severity: "warning",
    fixSafety: "safe",
    hadolint: null,
    docs: {
      what: "Splits the image into a builder stage that installs the Python packages into a prefix and a final stage that copies only the installed packages, plus the runtime libraries they need.",
      why: "Everything a build needs — pip's cache, compilers, header packages — stays in the layers of a single-stage image even when a later RUN deletes it. A separate build stage is left behind: only what COPY --from names reaches the image.",
      before: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc libpq-dev\nRUN pip install psycopg2\nCMD [\"python\", \"app.py\"]\n",
      after: "FROM python:3.12-slim AS builder\nRUN apt-get update && apt-get install -y gcc libpq-dev\nRUN pip install --prefix=/install psycopg2\n\nFROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\nCOPY --from=builder /install /usr/local\nCMD [\"python\", \"app.py\"]\n",
      safety: "Safe when every install goes to the system site-packages with pip (the rule offers no rewrite for --user, --target, venvs or uv) and the runtime libraries are known. Commands after the install run in the final stage as before.",
    },
    messages: {
      single: "The image keeps what only the build needs: {{what}}.",
    },
  },
  detect({ analysis }) {
    const t = target(analysis);
    if (t === null) return [];
    const { cache, tools } = leftovers(analysis);
    // Guard: nothing to leave behind (already --no-cache-dir on a base without compilers): no churn.
    if (cache <= 0 && tools <= 0) return [];
    const what = [cache > 0 ? `pip's cache (${formatBytes(cache)})` : null, tools > 0 ? `compilers and headers (${formatBytes(tools)})` : null].filter((x) => x !== null).join(" and ");
    return [makeFinding(this.meta, "single", { what }, t.stage.from.range)];
  },
  fix({ analysis }) {
    const t = target(analysis);
    if (t === null) return [];
    const out: FixAlternative[] = [];
    const split = multistageEdits(analysis, t);
    if (split !== null) out.push(split);
    const cached = cachedInstalls(analysis);
    // --no-cache-dir is an answer only when the cache is all there is to leave behind; with compilers in
    // the image, skipping this step is the single-stage choice (size/pip-no-cache-dir then follows).
    if (cached.length > 0 && leftovers(analysis).tools <= 0) {
      const bytes = cached.reduce((sum, c) => sum + c.bytes, 0);
      out.push({
        id: "no-cache-dir",
        title: "Keep one stage, add --no-cache-dir",
        edits: [{ file: "dockerfile", edits: cached.flatMap((c) => c.infos.map(noCacheEdit)) }],
        reason: `Drops pip's cache (${formatBytes(bytes)}) and keeps the single stage.`,
      });
    }
    return out;
  },
};

function multistageEdits(analysis: Analysis, t: Target): FixAlternative | null {
  const text = analysis.model.text;
  const nl = lineBreakOf(text);
  const from = t.stage.from.from;
  if (from == null) return null;
  // Two layouts: every install into one venv the stage creates (the final stage copies the venv), or
  // every install into the system site-packages (redirected to a prefix the final stage copies).
  const venv = venvOfInstalls(t);
  for (const { node, info } of t.installs) {
    // Guard: installs we can move whole: pip, no other install location, in an editable RUN.
    if (info.installer !== "pip" || info.options.user || info.options.prefix !== null || info.options.target !== null || info.options.root !== null) return null;
    if (info.options.legacyInstallOptionPrefix !== null || info.installWord.end <= info.installWord.start || node.form === "exec") return null;
  }
  if (venv === undefined) return null;
  if (t.stage.instructions.some((n) => (n.run?.infos ?? []).some((i) => i.kind === "poetry-install" || i.kind === "pipenv-install" || i.kind === "uv-sync"))) return null;
  const names = new Set(analysis.model.stages.map((s) => s.name));
  const builder = names.has("builder") ? "python-builder" : "builder";
  if (names.has(builder)) return null;

  const libc = analysis.estimate.stages[t.stage.index]?.libc ?? "glibc";
  const runtime = new Set<string>();
  const finalLines: string[] = [];
  const before = t.stage.instructions.slice(0, t.last + 1);
  const after = t.stage.instructions.slice(t.last + 1);
  const laterBroadCopy = t.stage.instructions.some((n) => n.copy !== null && n.copy.from === null && n.copy.sources.some((s) => s === "." || s === "./"));
  for (const node of before) {
    const infos = node.run?.infos ?? [];
    if (node.keyword === "RUN" && infos.some((i) => i.kind === "pip-install" || i.kind === "venv-create")) {
      // The install runs in the builder only; system packages it adds for the build stay there too.
      if (!infos.every((i) => i.kind === "pip-install" || i.kind === "venv-create" || SYSTEM_KINDS.has(i.kind) || isHarmless(i))) return null;
      for (const p of systemPackages(infos)) addRuntime(runtime, p, libc);
      continue;
    }
    if (node.keyword === "RUN" && infos.some((i) => i.kind === "apt-install" || i.kind === "apk-add")) {
      // Guard: a system-package RUN that also does other work cannot be split into build and run time.
      if (!infos.every((i) => SYSTEM_KINDS.has(i.kind) || isHarmless(i))) return null;
      for (const p of systemPackages(infos)) addRuntime(runtime, p, libc);
      continue;
    }
    if (node.keyword === "COPY" && node.copy !== null && node.copy.from === null && laterBroadCopy && node.copy.sources.every(isManifest)) continue;
    finalLines.push(instructionText(text, node));
  }
  const packages = stagePackages(analysis, t.stage);
  for (const row of packages.rows) {
    const compiles = libc === "musl" ? compilesOnMusl(row) : compilesOnGlibc(row);
    if (!compiles) continue;
    for (const p of (libc === "musl" ? row.buildNeeds?.alpineRuntime : row.buildNeeds?.debianRuntime) ?? []) runtime.add(packageToken(p));
  }

  const edits: TextEdit[] = [];
  const fromNode = t.stage.from;
  const stageName = from.stageName;
  // The builder: the original stage up to the last install, named, with every pip install redirected.
  if (stageName === null) {
    const imageEnd = (fromNode.argsRange?.start ?? fromNode.range.start) + from.rawImage.length;
    edits.push({ start: imageEnd, end: imageEnd, text: ` AS ${builder}` });
  } else {
    const asMatch = /\s+AS\s+\S+\s*$/i.exec(instructionText(text, fromNode));
    if (asMatch === null) return null;
    edits.push({ start: fromNode.range.end - asMatch[0].length, end: fromNode.range.end, text: ` AS ${builder}` });
  }
  if (venv === null) for (const { info } of t.installs) edits.push({ start: info.installWord.end, end: info.installWord.end, text: ` --prefix=${PREFIX}` });
  const copyLine = venv === null ? `COPY --from=${builder} ${PREFIX} /usr/local` : `COPY --from=${builder} ${venv} ${venv}`;

  const fromLine = `FROM ${from.platform !== null ? `--platform=${from.platform} ` : ""}${from.rawImage}${stageName !== null ? ` AS ${stageName}` : ""}`;
  const runtimeList = [...runtime].sort();
  const runtimeLine = runtimeList.length === 0 ? []
    : libc === "musl" ? [`RUN apk add --no-cache ${runtimeList.join(" ")}`]
    : [`RUN apt-get update && apt-get install -y --no-install-recommends ${runtimeList.join(" ")} && rm -rf /var/lib/apt/lists/*`];
  const finalStageText = [fromLine, ...runtimeLine, copyLine, ...finalLines].join(nl);
  const lastNode = before[before.length - 1];
  if (lastNode === undefined) return null;
  const at = afterInstruction(text, lastNode);
  const needsBreak = at === text.length && !text.endsWith("\n");
  edits.push({ start: at, end: at, text: `${needsBreak ? nl : ""}${nl}${finalStageText}${after.length > 0 || !needsBreak ? nl : ""}` });

  const { cache, tools } = leftovers(analysis);
  const kept = runtimeList.length > 0 ? ` The final stage still installs ${runtimeList.join(", ")}: runtime libraries of the packages and the system packages that are not build tools.` : "";
  return {
    id: "multistage",
    title: "Builder stage + slim final stage",
    edits: [{ file: "dockerfile", edits }],
    reason: `${venv === null ? `The builder installs into ${PREFIX} and the final stage copies only that into /usr/local` : `The builder creates the venv ${venv} and the final stage copies only the venv`}, leaving behind ${[cache > 0 ? `pip's cache (${formatBytes(cache)})` : null, tools > 0 ? `compilers and headers (${formatBytes(tools)})` : null].filter((x) => x !== null).join(" and ")}.${kept}`,
  };
}

/**
 * The venv every install goes into (`/opt/venv/bin/pip`, or `pip` with the venv first on an ENV PATH),
 * created in this stage; null when every install goes to the system site-packages; undefined when the
 * installs are mixed or the venv comes from elsewhere.
 */
function venvOfInstalls(t: Target): string | null | undefined {
  const created = new Set(t.stage.instructions.flatMap((n) => (n.run?.infos ?? []).flatMap((i) => (i.kind === "venv-create" ? [i.path.replace(/\/+$/, "")] : []))));
  const venvs = new Set<string | null>();
  for (const { node, info } of t.installs) {
    let venv = info.venv;
    if (venv === null && !info.executable.includes("/")) {
      // `pip` resolves through PATH: an ENV PATH before the install that starts with a created venv's bin.
      const index = t.stage.instructions.indexOf(node);
      const path = t.stage.instructions.slice(0, index).filter((n) => n.keyword === "ENV").flatMap((n) => n.pairs).filter((p) => p.name === "PATH").at(-1)?.value;
      const first = path?.split(":")[0]?.replace(/\/bin\/?$/, "");
      if (first !== undefined && created.has(first)) venv = first;
    }
    venvs.add(venv);
  }
  if (venvs.size !== 1) return undefined;
  const [venv] = [...venvs];
  if (venv === undefined) return undefined;
  if (venv !== null && (!created.has(venv) || venv.includes("$"))) return undefined;
  if (venv === null && created.size > 0) return undefined;
  return venv;
}

/** Commands that only print or do nothing (`echo "Installing…"`), safe to leave behind in the builder. */
function isHarmless(info: CommandInfo): boolean {
  return info.kind === "other" && ["echo", "printf", "true", ":"].includes(info.name);
}

function systemPackages(infos: readonly CommandInfo[]): string[] {
  return infos.flatMap((i) => (i.kind === "apt-install" || i.kind === "apk-add" ? i.packages.map((p) => p.value) : []));
}

/** A package the final stage still needs: itself unless build-only, else its runtime library. */
function addRuntime(runtime: Set<string>, pkg: string, libc: "glibc" | "musl"): void {
  if (pkg.startsWith(".") || pkg.includes("$")) return;
  const mapped = RUNTIME_OF[pkg];
  if (mapped !== undefined) {
    const lib = libc === "musl" ? mapped.alpine : mapped.debian;
    if (lib !== null) runtime.add(lib);
    return;
  }
  if (!BUILD_ONLY.test(pkg)) runtime.add(pkg);
}

/** A manifest as the estimator counts one (`poetry.lock*` included), or the `requirements/` folder. */
function isManifest(source: string): boolean {
  return isManifestPath(source.replace(/\*$/, "")) || /^(\.\/)?requirements\/?$/.test(source);
}
