// cache/requirements-first — `COPY . /app` before `pip install -r requirements.txt` means any edit to the
// source invalidates the install layer: every code change re-downloads and reinstalls every package. Copy
// the dependency manifests first, install, then copy the source.
import type { Analysis, AnalysisInput } from "../analyze";
import type { InstructionNode, Stage } from "../dockerfile/model";
import { isIgnored, parseDockerignore } from "../estimate/dockerignore";
import { baseName, globMatches, hasGlob, isUnder, resolvePath } from "../estimate/paths";
import { formatBytes } from "../format";
import type { CommandInfo } from "../shell/command-info";
import { decodeText } from "../text/decode";
import type { TextEdit } from "../text/edits";
import { makeFinding } from "./support/finding";
import { afterInstruction, continuesToEnd, endsWithLineBreak, lineBreakOf, lineStartOf, workdirBefore } from "./support/stages";
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
  /** The install reads no file (`pip install black flake8`): the source copy only moves after it. */
  readonly namedOnly: boolean;
  /** The copy's destination as an absolute path. */
  readonly destination: string;
  readonly escapeChar: string;
  /** The given uv.lock holds one local project (no workspace members, whose sources a sync installs). */
  readonly uvSingleProject: boolean;
}

function isBroadCopy(node: InstructionNode, escapeChar: string): boolean {
  const copy = node.copy;
  const source = copy?.sources.length === 1 && copy.sources[0] !== undefined ? unquoteWord(copy.sources[0], escapeChar) : null;
  return copy !== null && copy.from === null && !copy.heredoc && (source === "." || source === "./");
}

function installsDependencies(info: CommandInfo): boolean {
  return info.kind === "pip-install" || info.kind === "poetry-install" || info.kind === "pdm-install" || info.kind === "pipenv-install" || info.kind === "uv-sync";
}

/** Commands that read no file of the build context whatever their arguments: they print or make folders. */
const WRITES_ONLY = new Set(["echo", "printf", "true", "mkdir"]);

/**
 * A command the rule does not model but knows to read nothing from the source: one of WRITES_ONLY, with no
 * command substitution in its words (`echo $(cat VERSION)` reads a file); `. venv/bin/activate` of a venv
 * the stage creates (`venvScripts`; corpus 009, 101: one the project holds would come from the source);
 * `npm install -g sass`, a global install of named packages (corpus 019; with no name it would install
 * the folder's own package.json).
 */
function readsNoSource(name: string, words: readonly string[], venvScripts: ReadonlySet<string>): boolean {
  if (WRITES_ONLY.has(name)) return words.every((w) => !w.includes("$(") && !w.includes("`"));
  if (name === "." || name === "source") return words.length === 2 && venvScripts.has((words[1] ?? "").replace(/^\.\//, ""));
  if (name === "npm") {
    const [, sub, ...rest] = words;
    const named = rest.filter((w) => !w.startsWith("-"));
    return (sub === "install" || sub === "i") && (rest.includes("-g") || rest.includes("--global")) && named.length > 0 && named.every((w) => !/^[./~]/.test(w) && !w.includes("/"));
  }
  return false;
}

/** Commands that may sit in the install RUN without reading the source (`words`: the command as written). */
function readsOnlyManifests(info: CommandInfo, words: readonly string[], venvScripts: ReadonlySet<string>, uvSingleProject: boolean): boolean {
  switch (info.kind) {
    // uv's Docker guide: `uv sync --no-install-project` reads pyproject.toml and uv.lock only. Workspace
    // members are still installed from their sources unless --no-install-workspace, so a project is
    // moved only where its uv.lock (given) shows no members.
    case "uv-sync":
      return !info.lock.installProject && (uvSingleProject || words.includes("--no-install-workspace"));
    case "other":
      return readsNoSource(info.name, words, venvScripts);
    case "pip-install":
      // `pip install .` / `-e .` builds the project itself: it needs the source.
      return info.editables.length === 0 && info.requirements.every((r) => !isLocalPath(r.value));
    case "poetry-install":
      return info.noRoot;
    case "pdm-install":
      return !info.lock.installProject;
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
  return info.kind === "poetry-install" || info.kind === "pdm-install" || info.kind === "pipenv-install" || info.kind === "uv-sync";
}

/**
 * The stage's dependency install: its first RUN that installs from manifests; failing that, the first
 * install after the stage's first source copy, the last of them (they name no manifest: the rewrite only
 * moves the source copy after them). An install
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
  // The last install after the copy: the copy moves past all of them (moved past the first only, it stood
  // before the next and the rule fired again: fuzz seed 100 case 4192, not converging).
  const last = list.findLastIndex((n) => (n.run?.infos ?? []).some(installsDependencies));
  return last > copyIndex ? last : -1;
}

function candidates(analysis: Analysis): Candidate[] {
  const out: Candidate[] = [];
  const escapeChar = analysis.model.escapeChar;
  const uvLock = analysis.projectFiles.find((f) => f.kind === "uv-lock");
  const uvSingleProject = uvLock !== undefined && "lock" in uvLock && uvLock.lock.packages.filter((p) => p.source === "editable" || p.source === "virtual" || p.source === "directory").length <= 1;
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
    const namedOnly = !(install.run?.infos ?? []).some((i) => installsDependencies(i) && readsManifests(i));
    out.push({ stage, copy, copyIndex, install, installIndex, manifests: manifestsOf(install, resolvePath(workdirBefore(stage, installIndex, escapeChar), "."), destination), namedOnly, destination, escapeChar, uvSingleProject });
  }
  return out;
}

/** Context paths of the files the install reads, or [] when it reads something we cannot name. */
function manifestsOf(install: InstructionNode, cwd: string, destination: string): string[] {
  const out: string[] = [];
  for (const info of install.run?.infos ?? []) {
    const files = info.kind === "pip-install" ? [...info.requirementFiles, ...info.constraintFiles].map((f) => f.value)
      : info.kind === "poetry-install" ? ["pyproject.toml", "poetry.lock*"]
      : info.kind === "pdm-install" ? ["pyproject.toml", "pdm.lock*"]
      : info.kind === "pipenv-install" ? ["Pipfile", "Pipfile.lock*"]
      // uv reads .python-version for the interpreter: without it the early sync could pick another Python.
      : info.kind === "uv-sync" ? ["pyproject.toml", "uv.lock*", ".python-version*"]
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

/** A command of a RUN as the user wrote it, for a reason (`npm install -g sass`), cut short. */
function commandText(node: InstructionNode, index: number): string {
  const words = (node.run?.commands[index]?.words ?? []).map((w) => w.value).join(" ");
  return words.length > 60 ? `${words.slice(0, 57)}…` : words;
}

/** The first command of a RUN that may read the source, or -1. An install between the copy and the
 *  install names its packages (`pip install virtualenv`): the install is the stage's first from manifests. */
function firstSourceReader(node: InstructionNode, venvScripts: ReadonlySet<string>, uvSingleProject: boolean): number {
  const commands = node.run?.commands ?? [];
  return (node.run?.infos ?? []).findIndex((info, i) => !readsOnlyManifests(info, commands[i]?.words.map((w) => w.value) ?? [], venvScripts, uvSingleProject));
}

/** `<venv>/bin/activate` for each venv the stage creates, as written and as an absolute path. */
function venvScriptsOf(c: Candidate): Set<string> {
  const scripts = new Set<string>();
  c.stage.instructions.forEach((node, index) => {
    for (const info of node.run?.infos ?? []) {
      if (info.kind !== "venv-create") continue;
      const path = info.path.replace(/\/+$/, "").replace(/^\.\//, "");
      scripts.add(`${path}/bin/activate`);
      scripts.add(`${resolvePath(workdirBefore(c.stage, index, c.escapeChar), path)}/bin/activate`);
    }
  });
  return scripts;
}

/** A COPY or ADD that needs no source: from another stage or image, from URLs, or of the install's own
 *  manifests (`COPY requirements.txt .` after `COPY . /app/`, corpus 009), which are in place either way. */
function copiesNoSource(c: Candidate, node: InstructionNode): boolean {
  const copy = node.copy;
  if (copy === null) return false;
  if (copy.from !== null) return true;
  if (copy.heredoc || copy.sources.length === 0) return false;
  const sources = copy.sources.map((raw) => unquoteWord(raw, c.escapeChar));
  if (copy.isAdd && sources.every((src) => /^https?:\/\//.test(src))) return true;
  return sources.every((src) => c.manifests.includes(src.replace(/^\.\//, "")));
}

/**
 * A place a RUN from the source copy to the install writes under the copy's destination (a venv, pip's
 * --target or --prefix), as an absolute path, which the context does not exclude: the source copy, moved
 * after the install, would copy the context's own folder of that name over it (`python -m venv venv` in
 * /app, then `COPY . /app/` with a venv/ in the project). Null when there is none.
 */
function overwrittenByMove(c: Candidate, dockerignore: string | null): string | null {
  for (let index = c.copyIndex + 1; index <= c.installIndex; index++) {
    for (const info of c.stage.instructions[index]?.run?.infos ?? []) {
      const written = info.kind === "venv-create" ? info.path : info.kind === "pip-install" ? (info.options.target ?? info.options.prefix) : null;
      if (written === null) continue;
      // The directory only where something is written: workdirBefore walks the stage from its start, and
      // asked for every instruction between the copy and the install it was quadratic on long stages.
      const place = resolvePath(workdirBefore(c.stage, index, c.escapeChar), written.replace(/\/+$/, ""));
      if (!isUnder(place, c.destination) || place === c.destination) continue;
      const relative = place.slice(c.destination === "/" ? 1 : c.destination.length + 1);
      if (dockerignore === null || !isIgnored(parseDockerignore(dockerignore), relative)) return place;
    }
  }
  return null;
}

/** A path in a manifest that names a folder or file of the source: with only the manifests copied, the
 *  install would not find it (`-e ./libs/common` in requirements.txt, poetry's `path = "libs/common"`). */
const TOML_LOCAL = [
  // pyproject.toml (Poetry path dependencies, uv's path sources), Pipfile, pdm.lock: `path = "libs/common"`.
  /\bpath\s*=\s*["']([^"']+)["']/,
  // poetry.lock: a directory or file dependency's [package.source].
  /\btype\s*=\s*"(directory|file)"/,
  // uv.lock: a dependency installed from a folder (the project itself is `editable = "."`, which the
  // manifests-only install skips).
  /\bsource\s*=\s*\{\s*(?:editable|directory|path)\s*=\s*"(?!\.")([^"]+)"/,
  // PEP 508 file URLs (pdm: `file:///${PROJECT_ROOT}/libs/common`).
  /@\s*file:/,
];

/** Where a manifest of `c` names a local path, as "FILE line N (`TEXT`)"; null when none does. */
function localReference(c: Candidate, analysis: Analysis, input: AnalysisInput): string | null {
  const manifests = withIncludes(analysis, c.manifests).map((m) => m.replace(/\*$/, ""));
  const isManifest = (path: string) => manifests.some((m) => m !== "" && (path === m || path.endsWith(`/${m}`)));
  for (const file of analysis.requirementFiles) {
    if (!isManifest(file.path)) continue;
    const local = file.requirements.find((r) => r.kind === "path" || (r.url !== null && /^file:/i.test(r.url)));
    if (local !== undefined) return `${file.path} line ${local.line} (\`${file.text.slice(local.start, local.end).trim()}\`)`;
    const links = file.options.findLinks.find((l) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(l));
    if (links !== undefined) return `${file.path} (\`--find-links ${links}\`)`;
  }
  for (const file of input.projectFiles ?? []) {
    if (!isManifest(file.path) || !/\.(toml|lock)$|(^|\/)Pipfile$/.test(file.path)) continue;
    const content = decodeText(file.content).text;
    for (const pattern of TOML_LOCAL) {
      const match = pattern.exec(content);
      if (match === null) continue;
      const line = content.slice(0, match.index).split("\n").length;
      const end = content.indexOf("\n", match.index);
      const text = content.slice(content.lastIndexOf("\n", match.index) + 1, end >= 0 ? end : undefined).trim();
      return `${file.path} line ${line} (\`${text.length > 60 ? `${text.slice(0, 57)}…` : text}\`)`;
    }
  }
  return null;
}

/** Variables naming a file the installer reads while it installs: its configuration (a private index and
 *  its credentials), .netrc credentials, the CA bundle of a private index. */
const INSTALL_FILE_VARIABLES = new Set(["PIP_CONFIG_FILE", "UV_CONFIG_FILE", "NETRC", "PIP_CERT", "PIP_CLIENT_CERT", "REQUESTS_CA_BUNDLE", "SSL_CERT_FILE", "CURL_CA_BUNDLE"]);

/** A variable set by ENV before the install (or on the install's own command) to a file inside the copy's
 *  destination (`ENV PIP_CONFIG_FILE=/app/pip.conf` after `COPY . /app`), as "NAME=VALUE (line N)"; null
 *  when none is. */
function configInSource(c: Candidate): string | null {
  const assignments = [
    ...c.stage.instructions.slice(0, c.installIndex).filter((n) => n.keyword === "ENV").flatMap((n) => n.pairs.map((p) => ({ ...p, line: n.range.startLine }))),
    ...(c.install.run?.commands ?? []).flatMap((command) => command.assignments.map((a) => ({ name: a.name, value: a.value, line: c.install.range.startLine }))),
  ];
  for (const a of assignments) {
    if (!INSTALL_FILE_VARIABLES.has(a.name) || a.value === "" || a.value.includes("$")) continue;
    if (isUnder(resolvePath(c.destination, a.value.replace(/^["']|["']$/g, "")), c.destination)) return `${a.name}=${a.value} (line ${a.line})`;
  }
  return null;
}

/** Why the rewrite would not be safe for `c`, in the user's words; null when it is. */
function whyNot(c: Candidate, text: string, dockerignore: string | null, analysis: Analysis, input: AnalysisInput): string | null {
  const venvScripts = venvScriptsOf(c);
  // Guard: what runs between the source copy and the install must not need the source.
  for (const node of c.stage.instructions.slice(c.copyIndex + 1, c.installIndex)) {
    if (NEUTRAL.has(node.keyword)) continue;
    if ((node.keyword === "COPY" || node.keyword === "ADD") && copiesNoSource(c, node)) continue;
    if (node.keyword === "RUN") {
      const reads = firstSourceReader(node, venvScripts, c.uvSingleProject);
      if (reads < 0) continue;
      return `line ${node.range.startLine} runs \`${commandText(node, reads)}\` between the source copy and the install, and may read the source`;
    }
    return `line ${node.range.startLine} (${node.keyword}) comes between the source copy and the install, and may need the source`;
  }
  // Guard: the install itself may read only the manifests.
  const other = firstSourceReader(c.install, venvScripts, c.uvSingleProject);
  if (other >= 0) return `the install's RUN (line ${c.install.range.startLine}) also runs \`${commandText(c.install, other)}\`, which may read the source`;
  if (c.install.heredocs.length > 0) return `the install on line ${c.install.range.startLine} runs a heredoc, which Whaleweight does not read for the files it needs`;
  // Guard: the source copy moves to just after the install; a file that ends continuing the install would
  // join it to the RUN (`pip install -r requirements.txt COPY . /app`).
  if (continuesToEnd(text, c.install, c.escapeChar)) return `line ${c.install.range.startLine} ends the file inside a line continuation, so a COPY added after it would be joined to that RUN`;
  if (!c.namedOnly && (c.manifests.length === 0 || !c.manifests.every((m) => m !== "" && !m.startsWith("..")))) {
    return `the files the install on line ${c.install.range.startLine} reads are not named inside what COPY ${c.copy.args.join(" ")} copies (a variable, or another folder)`;
  }
  // Guard: the manifests name no folder of the source (a monorepo's `-e ./libs/common`).
  const local = c.namedOnly ? null : localReference(c, analysis, input);
  const config = configInSource(c);
  if (config !== null) return `${config} points into what COPY ${c.copy.args.join(" ")} copies: with only the manifests copied before the install, the installer would not find it (pip skips a missing configuration file without a word, and would then read only PyPI)`;
  if (local !== null) return `${local} names a path in the source, which the install would not find with only the manifests copied`;
  const overwritten = overwrittenByMove(c, dockerignore);
  if (overwritten !== null) {
    return `the install writes ${overwritten} inside ${c.destination}, and the source copy moved after it would copy a folder of that name from the build context over it: exclude it in .dockerignore first`;
  }
  // Guard: a manifest an earlier COPY already put in place may not be in the context at the path the source
  // copy would give it (`COPY requirements.txt ./` in /root/onboarding, then `COPY . /`): copying it by
  // that path could fail the build.
  const placed = c.manifests.find((m) => copiedBefore(c, resolvePath(c.destination, m.replace(/\*$/, ""))));
  return placed === undefined ? null : `an earlier COPY may already have put ${placed} in place, and the build context may not hold it at the path COPY ${c.copy.args.join(" ")} gives it`;
}

/**
 * Bytes a source change rebuilds because the copy comes first: the layers of the candidate's stage from the
 * copy to the install. In a builder stage they are the builder's layers, not the image's: the image-wide
 * figure (estimate.rebuild, from the final stage's first invalidated layer to its end) told corpus 035 that
 * its lint tools' install in the builder rebuilt the final image's 147 MB.
 */
function rebuiltByOrder(analysis: Analysis, c: Candidate): number {
  const from = c.copy.range.startLine;
  const to = c.install.range.startLine;
  let bytes = 0;
  for (const layers of [analysis.estimate.layers, analysis.estimate.buildLayers]) {
    for (const layer of layers) if (layer.stageIndex === c.stage.index && layer.line >= from && layer.line <= to) bytes += layer.bytes;
  }
  return bytes;
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
      safety: "Safe when nothing between the copy and the install, and the install itself, reads other files from the source (pip install . builds the project and needs it; apt, apk, named pip installs, npm install -g NAME, echo, mkdir and a venv's activate do not): the rule offers no rewrite otherwise, and says which line stops it. Nor when a manifest names a path in the source (`-e ./libs/common`, a file: URL, --find-links to a folder, Poetry's or uv's `path =` dependencies), which the install would not find with only the manifests copied, or when the installer's configuration, credentials or CA bundle (PIP_CONFIG_FILE, NETRC, PIP_CERT …) is a file of the source, or when an earlier COPY already put a manifest in place (the context may not hold it at the path the source copy implies), or when the install writes inside the copy's destination (a venv, pip --target) a folder .dockerignore does not exclude: the moved copy would put the project's own folder of that name over it.",
    },
    messages: {
      order: "COPY {{source}} comes before the dependency install on line {{installLine}}: every source change reinstalls the packages ({{bytes}} rebuilt).",
      orderNoFix: "COPY {{source}} comes before the dependency install on line {{installLine}}: every source change reinstalls the packages ({{bytes}} rebuilt). No rewrite is offered: {{reason}}.",
    },
  },
  detect({ analysis, input }) {
    const text = analysis.model.text;
    return candidates(analysis).map((c) => {
      const data = { source: c.copy.args.join(" "), installLine: c.install.range.startLine, bytes: formatBytes(rebuiltByOrder(analysis, c)) };
      const reason = whyNot(c, text, input.dockerignore, analysis, input);
      return reason === null ? makeFinding(this.meta, "order", data, c.copy.range) : makeFinding(this.meta, "orderNoFix", { ...data, reason }, c.copy.range);
    });
  },
  fix({ analysis, input }) {
    const all = candidates(analysis);
    const text = analysis.model.text;
    if (all.length === 0 || !all.every((c) => whyNot(c, text, input.dockerignore, analysis, input) === null)) return [];
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
      // The manifests take the source copy's place; the full copy moves to just after the install. An
      // install of named packages reads no manifest: the copy's line goes.
      const manifestCopies = groupByFolder(manifests).map(([folder, files]) => `${head} ${files.join(" ")} ${folder === "" ? dirDest : `${dirDest}${folder}`}`);
      edits.push(c.namedOnly ? { start: lineStartOf(text, c.copy.range.start), end: afterInstruction(text, c.copy), text: "" } : { start: c.copy.range.start, end: c.copy.range.end, text: manifestCopies.join(nl) });
      const installCwd = workdirBefore(c.stage, c.installIndex, analysis.model.escapeChar);
      const copyCwd = workdirBefore(c.stage, c.copyIndex, analysis.model.escapeChar);
      // A relative destination means another folder once a WORKDIR sits in between: write it out.
      const movedDest = installCwd === copyCwd || destPath.startsWith("/") ? dest : c.destination;
      const moved = `${head} ${c.copy.args.slice(0, -1).join(" ")} ${movedDest}`;
      const at = afterInstruction(text, c.install);
      const needsBreak = at === text.length && !endsWithLineBreak(text);
      edits.push({ start: at, end: at, text: `${needsBreak ? nl : ""}${moved}${needsBreak ? "" : nl}` });
    }
    const first = all[0];
    const rebuilt = all.reduce((sum, c) => sum + rebuiltByOrder(analysis, c), 0);
    return [{
      id: "manifests-first",
      title: all.every((c) => c.namedOnly) ? "Install, then copy the source" : "Copy the manifests, install, then copy the source",
      edits: [{ file: "dockerfile", edits }],
      reason: `Today a source change rebuilds ${formatBytes(rebuilt)} from line ${first?.copy.range.startLine ?? "?"} to the install on line ${first?.install.range.startLine ?? "?"}, reinstalling every package; with ${all.every((c) => c.namedOnly) ? "the source copied after the install" : "the manifests copied first"}, the install stays cached and only the source copy's layer is rebuilt.`,
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
