// size/distroless-final — after a multistage split with a virtual environment, the final stage can be a
// distroless python image: Debian's python3 and its libraries, no shell, no apt, no pip. A venv links to
// the interpreter it was made with, and distroless has Debian's /usr/bin/python3, not the official
// images' /usr/local one: so the builder moves to the matching Debian release with its python3-venv,
// which is distroless's own recipe (github.com/GoogleContainerTools/distroless, examples/python3-requirements,
// 2026-12). Offered only where the Python minor version and the libc match the distroless image's, as the
// base-image table records them; otherwise the finding says why not.
import type { Analysis } from "../analyze";
import type { Stage } from "../dockerfile/model";
import { formatBytes } from "../format";
import { lookupBaseImage, parseImageRef } from "../knowledge";
import { makeFinding } from "./support/finding";
import { runtimeTarget } from "./support/multistage-plan";
import { finalStage, instructionText, lineBreakOf } from "./support/stages";
import { copyWords } from "./support/words";
import type { TextEdit } from "../text/edits";
import type { Rule } from "./types";

/** The distroless python images and the Debian image whose python3 they carry (same release). Their
 *  Python version and release come from the base-image table rows, not from here. */
const DISTROLESS = [
  { ref: "gcr.io/distroless/python3-debian12", builder: "debian:bookworm-slim" },
  { ref: "gcr.io/distroless/python3-debian13", builder: "debian:trixie-slim" },
] as const;

interface Shape {
  readonly final: Stage;
  readonly builder: Stage;
  readonly venv: string;
  readonly minor: string;
  readonly distro: string | null;
  readonly libc: "glibc" | "musl";
}

type Plan = { ok: true; target: (typeof DISTROLESS)[number]; python: string; edits: TextEdit[]; baseNote: string } | { ok: false; reason: string };

const PYTHON_WORD = /^(\/usr\/(local\/)?bin\/)?python(3(\.\d+)?)?$/;

/** A final stage on an official python image that copies a venv its builder made on the same image. */
function shapeOf(analysis: Analysis): Shape | null {
  const final = finalStage(analysis.model);
  if (final === null || final.from.from?.baseStage != null || final.from.from?.image == null) return null;
  const ref = parseImageRef(final.from.from.image);
  if (ref?.repository !== "python" || (ref.registry !== null && !/(^|\.)docker\.io$/.test(ref.registry))) return null;
  // The venvs each builder stage creates, read once per stage: a final stage of thousands of
  // `COPY --from` lines (the `bulk` fuzz class) rescanned the whole builder for each one.
  const venvsOf = new Map<Stage, Set<string>>();
  for (const node of final.instructions) {
    const copy = node.copy === null ? null : copyWords(node.copy, analysis.model.escapeChar);
    if (copy?.from == null || copy.sources.length !== 1) continue;
    const builder = analysis.model.stages.find((s) => s.name === copy.from?.toLowerCase());
    const source = copy.sources[0]?.replace(/\/+$/, "");
    if (builder === undefined || source === undefined || builder.from.from?.rawImage !== final.from.from.rawImage) continue;
    let venvs = venvsOf.get(builder);
    if (venvs === undefined) {
      venvs = new Set();
      for (const n of builder.instructions) for (const i of n.run?.infos ?? []) if (i.kind === "venv-create" && i.tool === "venv") venvs.add(i.path.replace(/\/+$/, ""));
      venvsOf.set(builder, venvs);
    }
    const created = venvs.has(source);
    if (!created || copy.destination?.replace(/\/+$/, "") !== source) continue;
    const summary = analysis.estimate.stages[final.index];
    const libc = summary?.libc ?? "glibc";
    return { final, builder, venv: source, minor: /^\d+\.\d+/.exec(summary?.pythonVersion ?? "")?.[0] ?? "", distro: runtimeTarget(final.from.from.image, libc).distro, libc };
  }
  return null;
}

function planOf(analysis: Analysis, shape: Shape): Plan {
  const text = analysis.model.text;
  const nl = lineBreakOf(text);
  if (shape.libc !== "glibc") return { ok: false, reason: "the image is Alpine (musl) and the distroless python images are Debian (glibc): the wheels would not match" };
  const rows = DISTROLESS.map((d) => ({ d, row: lookupBaseImage(`${d.ref}:latest`)?.row ?? null }));
  const match = rows.find((r) => r.row?.distro === shape.distro);
  const known = rows.map((r) => `${r.d.ref} has Python ${r.row?.python ?? "?"} (${r.row?.distro ?? "?"})`).join(", ");
  if (match === undefined || match.row === null) return { ok: false, reason: `the image is based on Debian ${shape.distro ?? "(unknown release)"}, and ${known}` };
  if (match.row.python !== shape.minor) {
    // Say which image would fit on which base, rather than list them all (python:3.11-slim is trixie, whose
    // distroless image has 3.13, while bookworm's has 3.11: "uses 3.11, but … has 3.11" read as a contradiction).
    const sameMinor = rows.find((r) => r.row !== null && r.row.python === shape.minor);
    const elsewhere = sameMinor?.row == null ? "" : `; ${sameMinor.d.ref} has Python ${shape.minor} but is Debian ${sameMinor.row.distro ?? "?"}, so on a python:${shape.minor}-slim-${sameMinor.row.distro ?? "?"} base it would be offered`;
    return { ok: false, reason: `the image is Python ${shape.minor || "(unknown)"} on Debian ${shape.distro ?? "?"}, and ${match.d.ref} (Debian ${match.row.distro ?? "?"}) has Python ${match.row.python ?? "?"}: the venv's compiled packages are built for one minor version${elsewhere} (cgr.dev/chainguard/python's minor version is not in the tables)` };
  }
  // Guards on the final stage: distroless has no shell, and its entrypoint is its python.
  const run = shape.final.instructions.find((n) => n.keyword === "RUN");
  if (run !== undefined) return { ok: false, reason: `the final stage runs a command on line ${run.range.startLine}, and a distroless image has no shell` };
  const entry = shape.final.instructions.filter((n) => n.keyword === "ENTRYPOINT").at(-1);
  const cmd = shape.final.instructions.filter((n) => n.keyword === "CMD").at(-1);
  const start = entry ?? cmd;
  if (start === undefined || start.form !== "exec" || !PYTHON_WORD.test(start.args[0] ?? "")) {
    return { ok: false, reason: "the app does not start with an exec-form CMD or ENTRYPOINT that runs python, which is what a shell-less distroless image can start" };
  }
  // A HEALTHCHECK runs in the final image too: in shell form it needs /bin/sh, and curl or wget are not there.
  const health = shape.final.instructions.filter((n) => n.keyword === "HEALTHCHECK").at(-1);
  if (health !== undefined && health.args[0]?.toUpperCase() === "CMD") {
    return { ok: false, reason: `the final stage has a HEALTHCHECK (line ${health.range.startLine}), and a distroless image has no shell, curl or wget to run one` };
  }
  // Guards on the builder: Debian's python3 package has no `python` command, and a source build needs its headers.
  const builderText = shape.builder.instructions.map((n) => instructionText(text, n)).join("\n");
  const bare = /(^|[\s;&|(])python(?=\s)(?! -m venv )/m.exec(builderText);
  if (bare !== null) return { ok: false, reason: "the builder calls python outside the venv, and Debian's python3 has no python command" };
  if (/\/usr\/local\/bin\/python/.test(builderText)) return { ok: false, reason: "the builder names /usr/local/bin/python…, which the official images have and Debian's python3 does not" };
  // `python3 -m pip` before the venv's bin is on PATH is the system python3's pip: Debian's python3-venv
  // brings no pip module, and the system python3 is externally managed (PEP 668) in any case.
  const systemPip = /(^|[\s;&|(])python3(\.\d+)?\s+-m\s+pip\b/m.exec(builderText);
  const venvOnPath = builderText.search(new RegExp(`^ENV\\b[^\\n]*PATH[^\\n]*${shape.venv.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/bin`, "m"));
  if (systemPip !== null && (venvOnPath < 0 || systemPip.index < venvOnPath)) {
    return { ok: false, reason: "the builder runs python3 -m pip before the venv is on PATH, and Debian's python3 has no pip (and is externally managed)" };
  }
  const edits: TextEdit[] = [];
  const builderFrom = shape.builder.from;
  const rawImage = builderFrom.from?.rawImage ?? "";
  const imageAt = text.indexOf(rawImage, builderFrom.range.start);
  const finalAt = text.indexOf(rawImage, shape.final.from.range.start);
  if (imageAt < 0 || finalAt < 0) return { ok: false, reason: "the FROM lines could not be read" };
  edits.push({ start: imageAt, end: imageAt + rawImage.length, text: match.d.builder });
  const compiles = (analysis.estimate.stages[shape.builder.index] !== undefined) && analysis.estimate.buildLayers.some((l) => l.stageIndex === shape.builder.index && l.items.some((i) => i.category === "buildTools"));
  edits.push({ start: builderFrom.range.end, end: builderFrom.range.end, text: `${nl}RUN apt-get update && apt-get install -y --no-install-recommends python3-venv${compiles ? " python3-dev" : ""} && rm -rf /var/lib/apt/lists/*` });
  for (const node of shape.builder.instructions) {
    const venvAt = instructionText(text, node).search(/\bpython -m venv\b/);
    if (venvAt >= 0) edits.push({ start: node.range.start + venvAt, end: node.range.start + venvAt + "python".length, text: "python3" });
  }
  edits.push({ start: finalAt, end: finalAt + rawImage.length, text: match.d.ref });
  // The venv's python3 (a link to distroless's /usr/bin/python3) replaces the image's entrypoint.
  const first = start.args[0] ?? "";
  if (entry === undefined) {
    const rest = start.args.slice(1).map((a) => JSON.stringify(a)).join(", ");
    edits.push({ start: start.range.start, end: start.range.end, text: `ENTRYPOINT ["${shape.venv}/bin/python3"]${nl}CMD [${rest}]` });
  } else if (!first.startsWith(shape.venv)) {
    const firstAt = text.indexOf(JSON.stringify(first), start.range.start);
    if (firstAt < 0) return { ok: false, reason: "the ENTRYPOINT could not be read" };
    edits.push({ start: firstAt, end: firstAt + JSON.stringify(first).length, text: JSON.stringify(`${shape.venv}/bin/python3`) });
  }
  // The base sizes from the table, with how they were obtained: distroless publishes none, so its rows are
  // the Installed-Size of the Debian packages it is made of (or a published approximation where not).
  const current = lookupBaseImage(shape.final.from.from?.image ?? "")?.row;
  const how = match.row.diskBasis !== null ? "the Installed-Size of the Debian packages it is made of" : "a published approximate figure";
  const baseNote = current?.diskBytes == null || match.row.diskBytes == null ? " The base-image table has no on-disk size for one of the two images, so the size change is not fully known."
    : match.row.diskBytes >= current.diskBytes ? ` By the base-image table the distroless base is not smaller on disk (${formatBytes(match.row.diskBytes)}, from ${how}, against ${formatBytes(current.diskBytes)}): what it gains is what it leaves out — a shell, apt, pip.`
    : ` By the base-image table the distroless base is ${formatBytes(current.diskBytes - match.row.diskBytes)} smaller on disk (${how}).`;
  return { ok: true, target: match.d, python: match.row.python, edits, baseNote };
}

export const distrolessFinal: Rule = {
  meta: {
    id: "size/distroless-final",
    title: "Ship the venv on a distroless python image",
    category: "size",
    severity: "info",
    fixSafety: "suggestion",
    hadolint: null,
    docs: {
      what: "After a multistage split with a virtual environment, offers gcr.io/distroless/python3-debian12 (Python 3.11, bookworm) or -debian13 (Python 3.13, trixie) as the final stage, with the builder on the matching debian slim image and its python3-venv, and the venv's python3 as the entrypoint.",
      why: "A distroless image holds Debian's python3 and the libraries it links, without a shell, apt or pip: less to download and less to patch. A venv only runs on the interpreter it was made with, so the builder must use the same Debian python3 the distroless image has.",
      before: "FROM python:3.11-slim-bookworm AS builder\nRUN python -m venv /opt/venv\nENV PATH=\"/opt/venv/bin:$PATH\"\nRUN pip install --no-cache-dir flask\n\nFROM python:3.11-slim-bookworm\nCOPY --from=builder /opt/venv /opt/venv\nENV PATH=\"/opt/venv/bin:$PATH\"\nCOPY app.py .\nCMD [\"python\", \"app.py\"]\n",
      after: "FROM debian:bookworm-slim AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends python3-venv && rm -rf /var/lib/apt/lists/*\nRUN python3 -m venv /opt/venv\nENV PATH=\"/opt/venv/bin:$PATH\"\nRUN pip install --no-cache-dir flask\n\nFROM gcr.io/distroless/python3-debian12\nCOPY --from=builder /opt/venv /opt/venv\nENV PATH=\"/opt/venv/bin:$PATH\"\nCOPY app.py .\nENTRYPOINT [\"/opt/venv/bin/python3\"]\nCMD [\"app.py\"]\n",
      safety: "A suggestion: the image has no shell (no `docker exec … sh`, no shell-form CMD), Debian's python3 is a patch release behind the official image's, and the size of the distroless images is a published approximate figure (base-image table). Only where the Python minor version and the Debian release match a distroless image, the final stage runs no command, and the app starts with an exec-form python CMD or ENTRYPOINT. cgr.dev/chainguard/python is not offered: the tables do not record its Python minor version.",
    },
    messages: {
      distroless: "The final stage could be {{image}} (Python {{python}}, no shell, no package manager): build the venv on the matching Debian and copy it there.",
      noDistroless: "A distroless final stage is not offered: {{reason}}.",
    },
  },
  detect({ analysis }) {
    const shape = shapeOf(analysis);
    if (shape === null) return [];
    const plan = planOf(analysis, shape);
    if (!plan.ok) return [makeFinding(this.meta, "noDistroless", { reason: plan.reason }, shape.final.from.range)];
    return [makeFinding(this.meta, "distroless", { image: plan.target.ref, python: plan.python }, shape.final.from.range)];
  },
  fix({ analysis }) {
    const shape = shapeOf(analysis);
    const plan = shape === null ? null : planOf(analysis, shape);
    if (plan === null || !plan.ok) return [];
    return [{
      id: "distroless",
      title: `Final stage on ${plan.target.ref}`,
      edits: [{ file: "dockerfile", edits: plan.edits }],
      reason: `The final stage becomes ${plan.target.ref} (Python ${plan.python}, the same minor version as before) and the builder ${plan.target.builder} with its python3-venv, so the venv links to the python3 that distroless ships. The app starts with the venv's python3.${plan.baseNote}`,
    }];
  },
};
