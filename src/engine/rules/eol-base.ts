// correctness/eol-base — a base image whose Python, Debian release or Alpine branch is past its end of
// life gets no security fixes; for Debian releases past LTS the mirrors move to archive.debian.org and
// `apt-get update` fails outright. The rule names the date (knowledge/eol.ts) and offers the nearest
// supported tag the base-image table holds.
import type { InstructionNode } from "../dockerfile/model";
import { debianPackageExists, exactDebianRelease, formatPythonTag, installedDebianReleases, lookupBaseImage, parseImageRef, parsePythonTag, type PythonTag } from "../knowledge";
import { parsePythonVersion } from "../knowledge/python-tag";
import { debianReleaseNumber, endOfLife, oldestSupported, type EolRow } from "../knowledge/eol";
import type { ImageRef } from "../knowledge/image-ref";
import { environmentAt } from "./support/cache-mounts";
import { makeFinding } from "./support/finding";
import { finalStage, stageAndBuiltOn, stagesUsedBy } from "./support/stages";
import type { Rule, RuleContext } from "./types";

interface Hit {
  readonly node: InstructionNode;
  readonly rows: readonly EolRow[];
  /** The image as written and the supported one to use instead (null when the table has none). */
  readonly image: string;
  readonly replacement: string | null;
  /** Why no replacement is offered, when it is not. */
  readonly why: string | null;
}

/** apt packages the stage (and the stages built on it) install that the replacement's Debian release does not have:
 *  moving there would fail at apt-get install (the build check's unknown-package). Empty when the release
 *  has no table installed (then the build check cannot tell either). */
function missingInRelease(context: RuleContext, stageIndex: number, replacement: string): string[] {
  const release = exactDebianRelease(lookupBaseImage(replacement)?.row.distro ?? null);
  if (release === null || !installedDebianReleases().includes(release)) return [];
  const { model } = context.analysis;
  const stages = stageAndBuiltOn(model, stageIndex);
  const names = model.instructions.filter((n) => stages.has(n.stageIndex)).flatMap((n) => n.run?.infos ?? [])
    .flatMap((i) => (i.kind === "apt-install" ? i.packages.map((p) => p.value) : []))
    .filter((name) => !name.includes("$") && !name.startsWith("/") && !name.endsWith(".deb") && !name.startsWith("-"));
  return [...new Set(names.filter((name) => !debianPackageExists(name, release)))].map((name) => `${name} (not in Debian ${release})`);
}

/** True when the stage (or a stage built on it) runs pip on the distribution's own Python. Supported Alpine
 *  and Debian releases mark it externally managed (PEP 668: Alpine 3.19, Debian 12), so that pip refuses to
 *  install ("externally-managed-environment"), and Alpine ships pip apart from python3 (py3-pip): corpus
 *  083 moved from alpine:3.7 to a release where `pip3 install` no longer built. A venv, --prefix/--target/
 *  --root or PIP_BREAK_SYSTEM_PACKAGES still install. */
function pipOnSystemPython(context: RuleContext, stageIndex: number): boolean {
  const { model } = context.analysis;
  const stages = stageAndBuiltOn(model, stageIndex);
  return model.instructions.some((node) => {
    if (!stages.has(node.stageIndex) || node.run === null) return false;
    const installs = node.run.infos.filter((i) => i.kind === "pip-install" && i.installer === "pip" && i.venv === null
      && i.options.prefix === null && i.options.target === null && i.options.root === null && !i.optionWords.some((w) => w.value === "--break-system-packages"));
    if (installs.length === 0) return false;
    const { env } = environmentAt(context.analysis, node);
    return !env.has("VIRTUAL_ENV") && !env.has("PIP_BREAK_SYSTEM_PACKAGES") && !/venv/i.test(env.get("PATH") ?? "");
  });
}

const describe = (row: EolRow): string => `${row.kind === "python" ? "Python" : row.kind === "debian" ? "Debian" : "Alpine"} ${row.version} (end of life ${row.eol})`;

/** A supported python tag for an end-of-life one: the oldest supported minor (or `minor`, the Python of the
 *  final stage that copies this one's packages), the default Debian release, or the plain `-alpine` tag,
 *  keeping the variant. */
function pythonReplacement(tag: PythonTag, rows: readonly EolRow[], minorWanted: string | null = null): string | null {
  const eol = (kind: EolRow["kind"]): boolean => rows.some((r) => r.kind === kind);
  const minor = minorWanted ?? oldestSupported("python");
  const version = eol("python") && minor !== null ? parsePythonVersion(minor) : tag.version;
  return formatPythonTag({ version, variant: tag.variant, suite: eol("debian") ? null : tag.suite, alpineVersion: eol("alpine") ? null : tag.alpineVersion });
}

/** Google's distroless images are built per Debian release (`gcr.io/distroless/python3-debian11`): the
 *  release's end of life is theirs, and the same image for the oldest supported release replaces them. */
function distrolessRelease(ref: ImageRef): { row: EolRow | null; replacement: string | null } | null {
  const match = ref.registry === "gcr.io" ? /^(distroless\/[a-z0-9]+)-debian(\d+)$/.exec(ref.repository) : null;
  if (match === null) return null;
  const [, name = "", number = ""] = match;
  const row = endOfLife("debian", number);
  const supported = debianReleaseNumber(oldestSupported("debian") ?? "");
  return { row, replacement: row === null || supported === null ? null : `gcr.io/${name}-debian${supported}${ref.tag === null ? "" : `:${ref.tag}`}` };
}

/** The `pipenv install --deploy` line of the stage (or one built on it) and the Python its Pipfile requires,
 *  when the replacement image has another minor; else null. */
function deployPin(context: RuleContext, stageIndex: number, replacement: string): { line: number; version: string } | null {
  const minor = parsePythonTag(parseImageRef(replacement)?.tag ?? null)?.version;
  const { model, projectFiles } = context.analysis;
  const required = projectFiles.flatMap((f) => (f.kind === "pipfile" && "manifest" in f && f.manifest.pythonVersion !== null ? [f.manifest.pythonVersion] : []))[0];
  if (minor == null || minor.minor === null || required === undefined || required === `${minor.major}.${minor.minor}`) return null;
  const stages = stageAndBuiltOn(model, stageIndex);
  const deploy = model.instructions.find((n) => stages.has(n.stageIndex) && (n.run?.infos ?? []).some((i) => i.kind === "pipenv-install" && i.deploy));
  return deploy === undefined ? null : { line: deploy.range.startLine, version: required };
}

/**
 * The Python minor of the final stage when it is a supported official python image that copies from stage
 * `index` (a builder on python:3.8 whose site-packages go into python:3.14-slim): the builder moves to that
 * Python, since packages built for another one sit where the final Python does not look.
 */
function finalPythonCopying(context: RuleContext, index: number): string | null {
  const model = context.analysis.model;
  const final = finalStage(model);
  if (final === undefined || final === null || final.index === index || !stagesUsedBy(model, final).includes(index)) return null;
  const ref = final.from.from?.image == null ? null : parseImageRef(final.from.from.image);
  const tag = ref === null || ref.repository !== "python" || ref.registry !== null ? null : parsePythonTag(ref.tag ?? "");
  const minor = tag?.version?.minor == null ? null : `${tag.version.major}.${tag.version.minor}`;
  return minor === null || endOfLife("python", minor) !== null ? null : minor;
}

function check(context: RuleContext, node: InstructionNode, stageIndex: number): Hit | null {
  const image = node.from?.image;
  const ref = image == null ? null : parseImageRef(image);
  const distroless = ref === null ? null : distrolessRelease(ref);
  if (image == null || ref === null || ((ref.tag === null || ref.registry !== null) && distroless === null)) return null;
  const rows: EolRow[] = [];
  let replacement: string | null = null;
  if (distroless !== null) {
    if (distroless.row !== null) rows.push(distroless.row);
    replacement = distroless.replacement;
  } else if (ref.repository === "python" && ref.tag !== null) {
    const tag = parsePythonTag(ref.tag);
    if (tag === null) return null;
    const python = tag.version === null ? null : endOfLife("python", `${tag.version.major}.${tag.version.minor ?? ""}`);
    const debian = tag.suite === null ? null : endOfLife("debian", tag.suite);
    const alpine = tag.alpineVersion === null ? null : endOfLife("alpine", tag.alpineVersion);
    rows.push(...[python, debian, alpine].filter((r): r is EolRow => r !== null));
    const next = rows.length === 0 ? null : pythonReplacement(tag, rows, python === null ? null : finalPythonCopying(context, stageIndex));
    replacement = next === null ? null : `python:${next}`;
  } else if (ref.repository === "debian" && ref.tag !== null) {
    const [release, ...rest] = ref.tag.split("-");
    const row = release === undefined ? null : endOfLife("debian", release);
    if (row !== null) rows.push(row);
    replacement = row === null ? null : `debian:${[oldestSupported("debian") ?? "", ...rest].join("-")}`;
  } else if (ref.repository === "alpine" && ref.tag !== null) {
    const row = endOfLife("alpine", ref.tag);
    if (row !== null) rows.push(row);
    replacement = row === null ? null : `alpine:${oldestSupported("alpine") ?? ""}`;
  }
  if (rows.length === 0) return null;
  if (replacement !== null && ref.repository !== "python" && pipOnSystemPython(context, stageIndex)) {
    return { node, rows, image, replacement: null, why: `Nearest supported: ${replacement}, but its Python is externally managed (PEP 668): pip install there fails until it installs into a venv.` };
  }
  // Guard: only offer a tag the base-image table holds (STYLE 5: every image a rule suggests exists).
  let why: string | null = null;
  // A distroless tag (`:nonroot`, `:debug`) is the same image with another user or busybox: its repository is
  // what the table must hold.
  const listed = replacement === null ? null : distroless !== null ? replacement.replace(/:[^/]*$/, "") : replacement;
  if (replacement !== null && listed !== null && lookupBaseImage(listed)?.exact !== true) {
    replacement = null;
    why = "No supported tag of this image is in the tables; pick one yourself.";
  }
  // Guard: `pipenv install --deploy` aborts when the Python is not the one the Pipfile requires.
  const pinned = replacement === null ? null : deployPin(context, stageIndex, replacement);
  if (replacement !== null && pinned !== null) {
    return { node, rows, image, replacement: null, why: `Nearest supported: ${replacement}, but line ${pinned.line} runs pipenv install --deploy, which aborts on a Python other than the Pipfile's ${pinned.version}: update python_version in the Pipfile (and its lock) when you move.` };
  }
  // Guard: a newer release renames packages (netcat → netcat-openbsd, libpcre3-dev → libpcre2-dev); the
  // rewrite would not build until they are renamed, which is the user's call.
  const missing = replacement === null ? [] : missingInRelease(context, stageIndex, replacement);
  if (replacement !== null && missing.length > 0) {
    why = `Nearest supported: ${replacement}, but it lacks ${missing.join(", ")}: rename them when you move.`;
    replacement = null;
  }
  return { node, rows, image, replacement, why };
}

/** `3.10` for `python:3.10-alpine`; null for another image or a tag naming no minor. */
function pythonMinorOf(image: string | null | undefined): string | null {
  const ref = image == null ? null : parseImageRef(image);
  if (ref === null || ref.registry !== null || ref.repository !== "python") return null;
  const version = parsePythonTag(ref.tag)?.version;
  return version == null || version.minor === null ? null : `${version.major}.${version.minor}`;
}

/**
 * Paths and commands naming the old Python (`/usr/local/lib/python3.10/site-packages` in a COPY --from,
 * `python3.10 -m pip`): the new image has only its own minor's, so they are moved with it — where every
 * stage on that Python moves to the same new one. Null where one is in a stage that does not move (a
 * runtime built for the old Python): then no rewrite is offered (fuzz case 1806).
 */
function pythonPathEdits(context: RuleContext, all: readonly Hit[]): { start: number; end: number; text: string }[] | null {
  const { model } = context.analysis;
  const moves = new Set(all.flatMap((h) => {
    const from = pythonMinorOf(h.image);
    const to = pythonMinorOf(h.replacement);
    return from === null || to === null || from === to ? [] : [`${from}>${to}`];
  }));
  const [move] = [...moves];
  if (move === undefined || moves.size > 1) return [];
  const [from = "", to = ""] = move.split(">");
  const moved = new Set(all.map((h) => h.node));
  if (model.stages.some((s) => !moved.has(s.from) && pythonMinorOf(s.from.from?.image) === from)) return [];
  const movedStages = new Set(model.stages.filter((s) => moved.has(s.from)).flatMap((s) => [...stageAndBuiltOn(model, s.index)]));
  const edits: { start: number; end: number; text: string }[] = [];
  const token = new RegExp(`python${from.replace(".", "\\.")}(?![0-9])`, "g");
  // Matches come in text order, as the instructions do: one walk finds each match's instruction.
  let at = 0;
  for (const match of model.text.matchAll(token)) {
    while (at < model.instructions.length && (model.instructions[at]?.range.end ?? 0) <= match.index) at++;
    const node = model.instructions[at];
    if (node === undefined) break;
    if (node.range.start > match.index) continue;
    // A stage on another image (a runtime built for the old Python) keeps its paths: the move is the user's.
    if (!movedStages.has(node.stageIndex)) return null;
    edits.push({ start: match.index, end: match.index + match[0].length, text: `python${to}` });
  }
  return edits;
}

function hits(context: RuleContext): Hit[] {
  return context.analysis.model.stages.flatMap((s) => check(context, s.from, s.index) ?? []);
}

export const eolBase: Rule = {
  meta: {
    id: "correctness/eol-base",
    title: "End-of-life base image",
    category: "correctness",
    severity: "warning",
    fixSafety: "suggestion",
    hadolint: null,
    docs: {
      what: "Warns when FROM names a Python, Debian release or Alpine branch past its end of life, and offers the nearest supported tag (for a builder whose packages the final stage copies, the final stage's Python).",
      why: "An end-of-life base gets no security fixes. Debian releases past LTS move to archive.debian.org, so apt-get update against the usual mirrors fails and the image no longer builds.",
      before: "FROM python:3.8-slim-buster\nCMD [\"python\"]\n",
      after: "FROM python:3.11-slim\nCMD [\"python\"]\n",
      safety: "A suggestion: a newer Python or Debian can change behaviour (removed modules, new package names, pinned wheels that do not exist for the new Python). Test the app on the new tag.",
    },
    messages: {
      eol: "{{image}} is end-of-life: {{what}}.{{instead}}",
    },
  },
  detect(context) {
    return hits(context).map((h) => makeFinding(this.meta, "eol", {
      image: h.image,
      what: h.rows.map(describe).join(", "),
      instead: h.replacement === null ? ` ${h.why ?? ""}` : ` Nearest supported: ${h.replacement}.`,
    }, h.node.range));
  },
  fix(context) {
    const all = hits(context);
    // Guard: a variable in FROM (`python:${PY}`) has no text to replace; every hit needs a replacement.
    if (all.length === 0 || all.some((h) => h.replacement === null || h.node.from?.rawImage !== h.image)) return [];
    const text = context.analysis.model.text;
    const edits = [];
    for (const h of all) {
      const at = text.indexOf(h.image, h.node.argsRange?.start ?? h.node.range.start);
      if (at < 0 || at > h.node.range.end) return [];
      edits.push({ start: at, end: at + h.image.length, text: h.replacement ?? h.image });
    }
    const paths = pythonPathEdits(context, all);
    if (paths === null) return [];
    edits.push(...paths);
    const moved = paths[0] === undefined ? "" : `. ${text.slice(paths[0].start, paths[0].end)} in paths and commands (${paths.length}) becomes ${paths[0].text}, the only Python the new image has`;
    return [{
      id: "supported-tag",
      title: "Move to a supported tag",
      edits: [{ file: "dockerfile", edits }],
      reason: all.map((h) => `${h.image} → ${h.replacement ?? ""}: ${h.rows.map((r) => `${describe(r)}, per ${r.source}`).join("; ")}`).join(". ") + moved,
    }];
  },
};
