// size/wheels-bind-mount — the builder-wheels pattern (`pip wheel -w /wheels` in a builder, then
// `COPY --from=builder /wheels /wheels` and `pip install /wheels/*` in the final stage) ships the wheels
// themselves: the COPY is a layer of its own, and an `rm -rf /wheels` after it deletes nothing from the
// image. A BuildKit bind mount shows the builder's wheels to the one RUN that installs them and leaves no
// layer (docs.docker.com/build/building/best-practices/#add-or-copy, "bind mounts"; Dockerfile reference,
// RUN --mount=type=bind). The estimate weighs both: the COPY's layer is the saving.
import type { Analysis } from "../analyze";
import type { InstructionNode, Stage } from "../dockerfile/model";
import { baseName, resolvePath } from "../estimate/paths";
import { formatBytes } from "../format";
import type { ShellCommand } from "../shell/types";
import type { TextEdit } from "../text/edits";
import { afterRunKeyword, syntaxDirectiveEdits } from "./support/cache-mounts";
import { editableRun, finalImageStages, removeCommandEdit } from "./support/commands";
import { makeFinding } from "./support/finding";
import { copyWords } from "./support/words";
import { afterInstruction, hasVariable, instructionText, lineStartOf, stageAndBuiltOn, workdirsOf } from "./support/stages";
import type { Rule } from "./types";

interface Hit {
  readonly copy: InstructionNode;
  readonly from: string;
  /** The copied path in the builder stage (absolute). */
  readonly source: string;
  /** Where the copy puts it, and where the mount shows it (absolute). */
  readonly target: string;
  /** Bytes of the COPY's layer: the wheels. */
  readonly bytes: number;
  /** The RUNs whose pip installs read the wheels (they get the mount). */
  readonly readers: readonly InstructionNode[];
  /** `rm` commands of the target, as (RUN, command index): dropped, a mount point cannot be removed. */
  readonly removals: readonly { node: InstructionNode; index: number }[];
}

type Verdict = { ok: true; hit: Hit } | { ok: false; copy: InstructionNode; bytes: number; reason: string };

/** `pip`/`uv pip` arguments that only read wheel files under `dir`: `dir/*`, `dir/*.whl`, `dir/NAME.whl`. */
function readsWheels(value: string, dir: string): boolean {
  if (!value.startsWith(`${dir}/`)) return false;
  const rest = value.slice(dir.length + 1);
  return !rest.includes("/") && (rest === "*" || /\.whl$/i.test(rest));
}

/** How a command uses `dir`: "install" (pip reads wheels there), "remove" (`rm` of exactly it), "none", or
 *  "other" (anything else: the mount could not stand in for the copy). */
function useOf(command: ShellCommand, kind: string, dir: string): "install" | "remove" | "none" | "other" {
  const words = command.words.map((w) => w.value);
  // Any word naming the directory's last segment counts as a use: `cd / && pip install wheels/*` reads it
  // by a relative path, which the mount must also serve (it would not: refused as "other").
  const name = baseName(dir);
  const mentions = (w: string): boolean => w.includes(name);
  if (!words.some(mentions)) return "none";
  if (kind === "pip-install") {
    for (const [i, w] of words.entries()) {
      if (!mentions(w)) continue;
      const previous = words[i - 1];
      const findLinks = w === `--find-links=${dir}` || w === `--find-links=${dir}/` || ((previous === "-f" || previous === "--find-links") && (w === dir || w === `${dir}/`));
      if (!findLinks && !readsWheels(w, dir)) return "other";
    }
    return "install";
  }
  if (kind === "rm") {
    const paths = words.slice(1).filter((w) => !w.startsWith("-"));
    return paths.length > 0 && paths.every((p) => p === dir || p === `${dir}/` || p === `${dir}/*`) ? "remove" : "other";
  }
  return "other";
}

/** What one detect reads of the analysis, made once: the final image's layers by line, instruction texts. */
interface Lookup {
  readonly layers: ReadonlyMap<number, Analysis["estimate"]["layers"][number]>;
  readonly textOf: (node: InstructionNode) => string;
}

/** True when the COPY's only flag is --from (`--parents`, `--exclude` and the rest change what lands). */
function onlyFromFlag(text: string): boolean {
  const flags = /^COPY((?:[ \t]+--\S+)*)/i.exec(text)?.[1]?.trim().split(/[ \t]+/) ?? [];
  return flags.every((f) => /^--from=/i.test(f));
}

function verdictOf(analysis: Analysis, lookup: Lookup, stage: Stage, own: ReadonlySet<InstructionNode>, position: number, cwd: string, descendants: readonly Stage[]): Verdict | null {
  const model = analysis.model;
  const copy = stage.instructions[position];
  const details = copy?.copy;
  if (copy === undefined || details === null || details === undefined || details.isAdd || details.heredoc || details.from === null) return null;
  const layer = lookup.layers.get(copy.range.startLine);
  const items = layer?.items ?? [];
  // Only a copy of wheels: what else a directory holds may be read at run time.
  if (layer === undefined || items.length === 0 || !items.every((i) => /\.whl$/i.test(i.path))) return null;
  const bytes = layer.bytes;
  const refuse = (reason: string): Verdict => ({ ok: false, copy, bytes, reason });
  // The words as BuildKit reads them: `COPY --from="builder" "/wheels" /wheels` names the same paths.
  const words = copyWords(details, model.escapeChar);
  const builder = model.stages.find((s) => s.name !== null && s.name.toLowerCase() === words.from?.toLowerCase() && s.index < stage.index);
  if (builder === undefined || builder.name === null) return refuse(`--from=${details.from} is not a named stage of this Dockerfile, which a bind mount's from= must name here`);
  const source = words.sources[0];
  const destination = words.destination;
  if (words.sources.length !== 1 || source === undefined || destination === null) return refuse("the COPY has several sources");
  if (hasVariable(source) || hasVariable(destination) || /[*?[]/.test(source)) return refuse("its paths hold a variable or a glob");
  if (!source.startsWith("/") || /\.whl$/i.test(source)) return refuse("it copies a single file, or a path relative to the builder's working directory");
  if (details.chown !== null || details.chmod !== null || details.link || !onlyFromFlag(lookup.textOf(copy))) return refuse("the COPY sets options a mount does not take (--chown, --chmod, --link)");
  const target = resolvePath(cwd, destination);
  if (target === "/") return refuse("it copies into /");
  const readers: InstructionNode[] = [];
  const removals: { node: InstructionNode; index: number }[] = [];
  // The instructions after the copy, in its stage and then in the stages built on it; walked, not copied (a
  // `bulk` file repeats the copy thousands of times, and the walk stops at the next mention).
  function* later(): Generator<InstructionNode> {
    for (let i = position + 1; i < stage.instructions.length; i++) yield stage.instructions[i] as InstructionNode;
    for (const s of descendants) {
      yield s.from;
      yield* s.instructions;
    }
  }
  const name = baseName(target);
  for (const node of later()) {
    if (!lookup.textOf(node).includes(name)) continue;
    if (node.keyword !== "RUN" || !own.has(node)) return refuse(`line ${node.range.startLine} uses ${target} (only a RUN of this stage that installs from it can take the mount)`);
    if (!editableRun(node) || (node.run?.mounts ?? []).some((m) => m.target !== null && resolvePath(cwd, m.target) === target)) return refuse(`line ${node.range.startLine} is not a shell-form RUN that can be edited`);
    let reads = false;
    for (const [index, command] of (node.run?.commands ?? []).entries()) {
      const use = useOf(command, node.run?.infos[index]?.kind ?? "other", target);
      if (use === "other") return refuse(`line ${node.range.startLine} does more with ${target} than pip installing its wheels`);
      if (use === "install") reads = true;
      if (use === "remove") removals.push({ node, index });
    }
    // The rm edit would start where the mount goes in; and removing before installing reads nothing anyway.
    if (reads && removals.some((r) => r.node === node && r.index === 0)) return refuse(`line ${node.range.startLine} removes ${target} before it installs from it`);
    if (reads) readers.push(node);
    else if (!removals.some((r) => r.node === node)) return refuse(`line ${node.range.startLine} uses ${target}`);
  }
  if (readers.length === 0) return null;
  // An rm in a RUN that does not read the wheels is dropped with its RUN (only when it is all the RUN does).
  return { ok: true, hit: { copy, from: builder.name, source: source.replace(/\/+$/, "") || "/", target, bytes, readers, removals } };
}

function verdicts(analysis: Analysis): Verdict[] {
  const finalStages = finalImageStages(analysis);
  const escapeChar = analysis.model.escapeChar;
  const texts = new Map<InstructionNode, string>();
  const lookup: Lookup = {
    layers: new Map(analysis.estimate.layers.map((l) => [l.line, l])),
    textOf: (node) => {
      let text = texts.get(node);
      if (text === undefined) texts.set(node, (text = instructionText(analysis.model.text, node)));
      return text;
    },
  };
  const out: Verdict[] = [];
  for (const stage of analysis.model.stages) {
    if (!finalStages.has(stage.index)) continue;
    // Cheap guard first: a stage without a COPY --from has nothing to mount.
    if (!stage.instructions.some((n) => n.copy?.from != null)) continue;
    const cwds = workdirsOf(stage, escapeChar);
    const own = new Set(stage.instructions);
    const built = stageAndBuiltOn(analysis.model, stage.index);
    const descendants = analysis.model.stages.filter((s) => s.index !== stage.index && built.has(s.index));
    stage.instructions.forEach((node, position) => {
      if (node.copy?.from == null) return;
      const verdict = verdictOf(analysis, lookup, stage, own, position, cwds[position] ?? "/", descendants);
      if (verdict !== null) out.push(verdict);
    });
  }
  return out;
}

/** Removes the instruction's lines; between two blank lines, one of them goes too (no gap of two). */
function removeLine(text: string, node: InstructionNode): TextEdit {
  const start = lineStartOf(text, node.range.start);
  let end = afterInstruction(text, node);
  const blankBefore = start === 0 || /(^|\r?\n|\r)[ \t]*(\r?\n|\r)$/.test(text.slice(Math.max(0, start - 4), start));
  const blankAfter = /^[ \t]*(\r?\n|\r)/.exec(text.slice(end));
  if (blankBefore && blankAfter !== null) end += blankAfter[0].length;
  return { start, end, text: "" };
}

export const wheelsBindMount: Rule = {
  meta: {
    id: "size/wheels-bind-mount",
    title: "Mount the builder's wheels instead of copying them",
    category: "size",
    severity: "warning",
    fixSafety: "suggestion",
    hadolint: null,
    docs: {
      what: "Replaces `COPY --from=<builder> /wheels /wheels` in the final image, when only `pip install` reads the wheels, with `RUN --mount=type=bind,from=<builder>,source=/wheels,target=/wheels` on the installing RUN, drops the `rm` of the wheels (a mount point cannot be removed), and adds `# syntax=docker/dockerfile:1` where the file has none.",
      why: "A COPY is a layer: the wheels stay in the image after pip has installed them, and an `rm -rf /wheels` in a later RUN only hides them. A bind mount shows the builder's files to one RUN and adds nothing to any layer, so the image holds the installed packages and not the wheels as well.",
      before: "FROM python:3.12-slim AS builder\nRUN pip wheel --wheel-dir /wheels flask\nFROM python:3.12-slim\nCOPY --from=builder /wheels /wheels\nRUN pip install --no-cache-dir /wheels/* && rm -rf /wheels\n",
      after: "# syntax=docker/dockerfile:1\nFROM python:3.12-slim AS builder\nRUN pip wheel --wheel-dir /wheels flask\nFROM python:3.12-slim\nRUN --mount=type=bind,from=builder,source=/wheels,target=/wheels pip install --no-cache-dir /wheels/*\n",
      safety: "A suggestion: `RUN --mount` needs BuildKit (the default builder since Docker Engine 23.0). Offered only where nothing but pip installs of the wheel files (`/wheels/*`, `--find-links /wheels`) and their `rm` use the copied directory, the COPY copies wheels alone from a named stage with no --chown/--chmod/--link, and the installing RUNs are shell form. The mount is read-only: pip only reads the wheels.",
    },
    messages: {
      copied: "COPY --from={{from}} puts {{bytes}} of wheels in the image that only the pip install on line {{lines}} reads: mount them for that RUN (RUN --mount=type=bind) instead.",
      copiedNoFix: "COPY --from={{from}} puts {{bytes}} of wheels in the image: a bind mount for the installing RUN would leave them out, but no rewrite is offered: {{reason}}.",
    },
  },
  detect({ analysis }) {
    return verdicts(analysis).map((v) => v.ok
      ? makeFinding(this.meta, "copied", { from: v.hit.from, bytes: formatBytes(v.hit.bytes), lines: v.hit.readers.map((r) => r.range.startLine).join(", ") }, v.hit.copy.range)
      : makeFinding(this.meta, "copiedNoFix", { from: v.copy.copy?.from ?? "", bytes: formatBytes(v.bytes), reason: v.reason }, v.copy.range));
  },
  fix({ analysis }) {
    const all = verdicts(analysis);
    if (all.length === 0 || all.some((v) => !v.ok)) return [];
    const hits = all.flatMap((v) => (v.ok ? [v.hit] : []));
    const text = analysis.model.text;
    const edits: TextEdit[] = [];
    edits.push(...syntaxDirectiveEdits(analysis));
    const mounts = new Map<InstructionNode, string[]>();
    for (const hit of hits) {
      edits.push(removeLine(text, hit.copy));
      for (const reader of hit.readers) mounts.set(reader, [...(mounts.get(reader) ?? []), `--mount=type=bind,from=${hit.from},source=${hit.source},target=${hit.target} `]);
      for (const removal of hit.removals) {
        const edit = removeCommandEdit(text, removal.node, removal.index);
        if (edit === null) return [];
        edits.push(edit);
      }
    }
    for (const [node, options] of mounts) {
      const at = afterRunKeyword(text, node);
      if (at === null) return [];
      edits.push({ start: at, end: at, text: options.join("") });
    }
    const sorted = edits.sort((a, b) => a.start - b.start || a.end - b.end);
    // Guard: edits that overlap, or an insertion where a removal starts (an rm that is the RUN's first
    // command, right where the mount goes), cannot be applied as one fix.
    const touching = sorted.some((e, i) => {
      const previous = sorted[i - 1];
      return previous !== undefined && (e.start < previous.end || (e.start === previous.start && (e.end > e.start || previous.end > previous.start)));
    });
    if (touching) return [];
    const bytes = hits.reduce((sum, h) => sum + h.bytes, 0);
    return [{
      id: "bind-mount",
      title: "Mount the wheels for the install (RUN --mount=type=bind)",
      edits: [{ file: "dockerfile", edits: sorted }],
      reason: `The wheels (${formatBytes(bytes)}) are read by pip once and no longer copied into a layer of their own; what pip installs from them is unchanged. Needs BuildKit (Docker Engine 23.0+ builds with it by default).`,
    }];
  },
};
