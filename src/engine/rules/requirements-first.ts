// cache/requirements-first — `COPY . /app` before `pip install -r requirements.txt` means any edit to the
// source invalidates the install layer: every code change re-downloads and reinstalls every package. Copy
// the dependency manifests first, install, then copy the source.
import type { Analysis } from "../analyze";
import type { InstructionNode, Stage } from "../dockerfile/model";
import { baseName, globMatches, hasGlob, isUnder, resolvePath } from "../estimate/paths";
import { formatBytes } from "../format";
import type { CommandInfo } from "../shell/command-info";
import type { TextEdit } from "../text/edits";
import { makeFinding } from "./support/finding";
import { afterInstruction, continuesToEnd, endsWithLineBreak, lineBreakOf, workdirBefore } from "./support/stages";
import { unquoteWord } from "../dockerfile/unquote";
import type { Rule } from "./types";

/** Instructions that neither read the build context nor depend on files from it. */
const NEUTRAL = new Set(["WORKDIR", "ENV", "ARG", "LABEL", "EXPOSE", "USER", "SHELL", "STOPSIGNAL", "MAINTAINER"]);

interface Candidate {
  readonly stage: Stage;
  /** The broad COPY (`COPY . /app`). */
  readonly copy: InstructionNode;
  readonly copyIndex: number;
  /** The RUN that installs dependencies. */
  readonly install: InstructionNode;
  readonly installIndex: number;
  /** Context paths of the manifests, e.g. `requirements.txt`, `pyproject.toml`, `poetry.lock*`. */
  readonly manifests: readonly string[];
  /** The copy's destination as an absolute path. */
  readonly destination: string;
  readonly escapeChar: string;
}

function isBroadCopy(node: InstructionNode, escapeChar: string): boolean {
  const copy = node.copy;
  const source = copy?.sources.length === 1 && copy.sources[0] !== undefined ? unquoteWord(copy.sources[0], escapeChar) : null;
  return copy !== null && copy.from === null && !copy.heredoc && (source === "." || source === "./");
}

function installsDependencies(info: CommandInfo): boolean {
  return info.kind === "pip-install" || info.kind === "poetry-install" || info.kind === "pipenv-install" || info.kind === "uv-sync";
}

/** Commands that may sit in the install RUN without reading the source. */
function readsOnlyManifests(info: CommandInfo): boolean {
  switch (info.kind) {
    case "pip-install":
      // `pip install .` / `-e .` builds the project itself: it needs the source.
      return info.editables.length === 0 && info.requirements.every((r) => !isLocalPath(r.value));
    case "poetry-install":
      return info.noRoot;
    case "pipenv-install":
    case "pip-cache-purge":
    case "apt-update":
    case "apt-install":
    case "apt-clean":
    case "apk-add":
    case "apk-del":
    case "apk-update":
    case "apk-cache-clean":
    case "rm":
    case "set":
    case "venv-create":
    case "poetry-config":
    case "export":
      return true;
    default:
      return false;
  }
}

function isLocalPath(value: string): boolean {
  return value === "." || value.startsWith("./") || value.startsWith("/") || value.startsWith("../") || value.endsWith(".whl") || value.endsWith(".tar.gz");
}

/** An install that reads dependency manifests (`-r`/`-c` files, poetry, pipenv, uv), not only named packages. */
function readsManifests(info: CommandInfo): boolean {
  if (info.kind === "pip-install") return info.requirementFiles.length > 0 || info.constraintFiles.length > 0;
  return info.kind === "poetry-install" || info.kind === "pipenv-install" || info.kind === "uv-sync";
}

/**
 * The stage's dependency install: its first RUN that installs from manifests; failing that, the first
 * install after the stage's first source copy (detected, never rewritten: it names no manifest). An install
 * of named packages before the source copy (`pip install --upgrade pip`) is not it: taking the stage's first
 * install of any kind missed the usual `RUN pip install --upgrade pip` / `COPY . /app` /
 * `RUN pip install -r requirements.txt`, and the rule fired only once hygiene/pip-self-upgrade had dropped
 * the upgrade, on the plan's own result (fuzz case 55997 of seed 100: not idempotent).
 */
function installIndexOf(list: readonly InstructionNode[], escapeChar: string): number {
  const fromManifests = list.findIndex((n) => (n.run?.infos ?? []).some((i) => installsDependencies(i) && readsManifests(i)));
  if (fromManifests >= 0) return fromManifests;
  const copyIndex = list.findIndex((n) => isBroadCopy(n, escapeChar));
  if (copyIndex < 0) return -1;
  const after = list.slice(copyIndex + 1).findIndex((n) => (n.run?.infos ?? []).some(installsDependencies));
  return after < 0 ? -1 : copyIndex + 1 + after;
}

function candidates(analysis: Analysis): Candidate[] {
  const out: Candidate[] = [];
  const escapeChar = analysis.model.escapeChar;
  for (const stage of analysis.model.stages) {
    const list = stage.instructions;
    const installIndex = installIndexOf(list, escapeChar);
    if (installIndex < 0) continue;
    const copyIndex = list.slice(0, installIndex).findIndex((n) => isBroadCopy(n, escapeChar));
    if (copyIndex < 0) continue;
    const copy = list[copyIndex];
    const install = list[installIndex];
    if (copy === undefined || install === undefined) continue;
    const destinationText = copy.copy?.destination == null ? null : unquoteWord(copy.copy.destination, escapeChar);
    if (destinationText === null || destinationText.includes("$")) continue;
    const destination = resolvePath(workdirBefore(stage, copyIndex, escapeChar), destinationText);
    out.push({ stage, copy, copyIndex, install, installIndex, manifests: manifestsOf(install, resolvePath(workdirBefore(stage, installIndex, escapeChar), "."), destination), destination, escapeChar });
  }
  return out;
}

/** Context paths of the files the install reads, or [] when it reads something we cannot name. */
function manifestsOf(install: InstructionNode, cwd: string, destination: string): string[] {
  const out: string[] = [];
  for (const info of install.run?.infos ?? []) {
    const files = info.kind === "pip-install" ? [...info.requirementFiles, ...info.constraintFiles].map((f) => f.value)
      : info.kind === "poetry-install" ? ["pyproject.toml", "poetry.lock*"]
      : info.kind === "pipenv-install" ? ["Pipfile", "Pipfile.lock*"]
      : info.kind === "uv-sync" ? ["pyproject.toml", "uv.lock*"]
      : [];
    for (const file of files) {
      const bare = file.replace(/\*$/, "");
      const image = resolvePath(cwd, bare);
      if (!isUnder(image, destination) || file.includes("$")) return [];
      const relative = image === destination ? "" : image.slice(destination === "/" ? 1 : destination.length + 1);
      out.push(file.endsWith("*") ? `${relative}*` : relative);
    }
  }
  return [...new Set(out)];
}

/** Files included with `-r`/`-c` from a manifest must be copied too (paths relative to the including file). */
function withIncludes(analysis: Analysis, manifests: readonly string[]): string[] {
  const out: string[] = [];
  const queue = [...manifests];
  while (queue.length > 0 && out.length < 64) {
    const manifest = queue.shift() ?? "";
    if (out.includes(manifest)) continue;
    out.push(manifest);
    const file = analysis.requirementFiles.find((f) => f.path === manifest);
    const dir = manifest.includes("/") ? manifest.slice(0, manifest.lastIndexOf("/") + 1) : "";
    for (const include of file?.includes ?? []) {
      const path = resolvePath(`/${dir}`, include.path).slice(1);
      if (path !== "" && !include.path.includes("$")) queue.push(path);
    }
  }
  return out;
}

function safe(c: Candidate, text: string): boolean {
  // Guard: what runs between the source copy and the install must not need the source.
  for (const node of c.stage.instructions.slice(c.copyIndex + 1, c.installIndex)) {
    if (NEUTRAL.has(node.keyword)) continue;
    if (node.keyword === "RUN" && (node.run?.infos ?? []).every((i) => readsOnlyManifests(i) && !installsDependencies(i))) continue;
    if (node.keyword === "COPY" && node.copy?.from != null) continue;
    return false;
  }
  // Guard: the install itself may read only the manifests.
  const infos = c.install.run?.infos ?? [];
  if (!infos.every(readsOnlyManifests)) return false;
  if (c.install.heredocs.length > 0) return false;
  // Guard: the source copy moves to just after the install; a file that ends continuing the install would
  // join it to the RUN (`pip install -r requirements.txt COPY . /app`).
  if (continuesToEnd(text, c.install, c.escapeChar)) return false;
  if (c.manifests.length === 0 || !c.manifests.every((m) => m !== "" && !m.startsWith(".."))) return false;
  // Guard: a manifest an earlier COPY already put in place may not be in the context at the path the source
  // copy would give it (`COPY requirements.txt ./` in /root/onboarding, then `COPY . /`): copying it by
  // that path could fail the build.
  return !c.manifests.some((m) => copiedBefore(c, resolvePath(c.destination, m.replace(/\*$/, ""))));
}

/** True when a context COPY before the source copy may have written `image` (an absolute path). */
function copiedBefore(c: Candidate, image: string): boolean {
  return c.stage.instructions.slice(0, c.copyIndex).some((node, index) => {
    const copy = node.copy;
    if (copy === null || copy.from !== null || copy.heredoc || copy.destination === null) return false;
    const written = unquoteWord(copy.destination, c.escapeChar);
    if (written.includes("$")) return true;
    const destination = resolvePath(workdirBefore(c.stage, index, c.escapeChar), written);
    if (destination === image) return true;
    return copy.sources.some((raw) => {
      const source = unquoteWord(raw, c.escapeChar);
      const name = baseName(source);
      // A source that may be a folder (`reqs/`, `.`, `config`) can put anything below the destination.
      if (source.endsWith("/") || source.includes("$") || !name.includes(".") || name === "." || name === "..") return isUnder(image, destination);
      const target = `${destination === "/" ? "" : destination}/${name}`;
      return hasGlob(name) ? globMatches(target, image) : target === image;
    });
  });
}

export const requirementsFirst: Rule = {
  meta: {
    id: "cache/requirements-first",
    title: "Copy requirements before the source",
    category: "cache",
    severity: "warning",
    fixSafety: "safe",
    hadolint: null,
    docs: {
      what: "Copies only the dependency manifests (requirements*.txt, constraints, pyproject.toml with its lock file) before the install, and the rest of the source after it.",
      why: "Docker reuses a layer only while everything before it is unchanged. With COPY . before pip install, any edit to any source file invalidates the install: every code change reinstalls every package, and the rebuilt layers are pushed and pulled again.",
      before: "FROM python:3.12-slim\nCOPY . /app\nWORKDIR /app\nRUN pip install -r requirements.txt\n",
      after: "FROM python:3.12-slim\nCOPY requirements.txt /app/\nWORKDIR /app\nRUN pip install -r requirements.txt\nCOPY . /app\n",
      safety: "Safe when nothing between the copy and the install, and the install itself, reads other files from the source (pip install . builds the project and needs it): the rule does not fire a rewrite otherwise. Nor when an earlier COPY already put a manifest in place: the context may not hold it at the path the source copy implies.",
    },
    messages: {
      order: "COPY {{source}} comes before the dependency install on line {{installLine}}: every source change reinstalls the packages ({{bytes}} rebuilt).",
    },
  },
  detect({ analysis }) {
    return candidates(analysis).map((c) => makeFinding(this.meta, "order", {
      source: c.copy.args.join(" "),
      installLine: c.install.range.startLine,
      bytes: formatBytes(analysis.estimate.rebuild.bytes),
    }, c.copy.range));
  },
  fix({ analysis }) {
    const all = candidates(analysis);
    const text = analysis.model.text;
    if (all.length === 0 || !all.every((c) => safe(c, text))) return [];
    const nl = lineBreakOf(text);
    const edits: TextEdit[] = [];
    for (const c of all) {
      const manifests = withIncludes(analysis, c.manifests);
      const flags = c.copy.flags.filter((f) => f.name === "chown" || f.name === "chmod" || f.name === "link").map((f) => text.slice(f.range.start, f.range.end));
      const keyword = c.copy.copy?.isAdd === true ? "ADD" : "COPY";
      // The destination is written back as the user wrote it (quotes and all), and judged as BuildKit reads it.
      const dest = c.copy.copy?.destination ?? ".";
      const destPath = unquoteWord(dest, analysis.model.escapeChar);
      const dirDest = destPath.endsWith("/") ? dest : `${dest}/`;
      const head = [keyword, ...flags].join(" ");
      // The manifests take the source copy's place; the full copy moves to just after the install.
      const manifestCopies = groupByFolder(manifests).map(([folder, files]) => `${head} ${files.join(" ")} ${folder === "" ? dirDest : `${dirDest}${folder}`}`);
      edits.push({ start: c.copy.range.start, end: c.copy.range.end, text: manifestCopies.join(nl) });
      const installCwd = workdirBefore(c.stage, c.installIndex, analysis.model.escapeChar);
      const copyCwd = workdirBefore(c.stage, c.copyIndex, analysis.model.escapeChar);
      // A relative destination means another folder once a WORKDIR sits in between: write it out.
      const movedDest = installCwd === copyCwd || destPath.startsWith("/") ? dest : c.destination;
      const moved = `${head} ${c.copy.args.slice(0, -1).join(" ")} ${movedDest}`;
      const at = afterInstruction(text, c.install);
      const needsBreak = at === text.length && !endsWithLineBreak(text);
      edits.push({ start: at, end: at, text: `${needsBreak ? nl : ""}${moved}${needsBreak ? "" : nl}` });
    }
    const before = analysis.estimate.rebuild;
    return [{
      id: "manifests-first",
      title: "Copy the manifests, install, then copy the source",
      edits: [{ file: "dockerfile", edits }],
      reason: `Today a source change rebuilds ${formatBytes(before.bytes)} from line ${before.fromLine ?? "?"}, reinstalling every package; with the manifests copied first, only the source layer is rebuilt and the install stays cached.`,
    }];
  },
};

/** `["requirements.txt", "requirements/base.txt"]` → [["", ["requirements.txt"]], ["requirements/", ["requirements/base.txt"]]]. */
function groupByFolder(paths: readonly string[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const path of paths) {
    const folder = path.includes("/") ? path.slice(0, path.lastIndexOf("/") + 1) : "";
    groups.set(folder, [...(groups.get(folder) ?? []), path]);
  }
  return [...groups];
}
