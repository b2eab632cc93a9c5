// size/opencv-headless — opencv-python is the desktop build of OpenCV: it bundles Qt for `cv2.imshow`
// windows and links libGL, so images install libgl1 just to import cv2. A server never opens a window;
// opencv-python-headless (same versions, same `cv2` module, OpenCV's own recommendation for servers in the
// opencv-python README) leaves both out.
import { formatBytes } from "../format";
import { resolvePackageClosure, type ClosureRequest } from "../knowledge";
import type { FileEdit } from "./types";
import { makeFinding } from "./support/finding";
import { editableRun, finalImageRuns } from "./support/commands";
import type { InstructionNode } from "../dockerfile/model";
import type { Rule, RuleContext } from "./types";

/** The desktop builds and their headless twins (PyPI project names, PEP 503). */
const HEADLESS: Readonly<Record<string, string>> = {
  "opencv-python": "opencv-python-headless",
  "opencv-contrib-python": "opencv-contrib-python-headless",
};

/** Signs of a GUI in the image: a display, a virtual X server, GTK or Qt. */
const GUI_PACKAGE = /^(xvfb|x11-apps|libgtk|python3-tk|libqt|qt\d|pyqt|pyside)/i;
/** System libraries opencv-python needs at import and the headless build does not (libGL.so.1). */
const GUI_LIBS = /^(libgl1|libgl1-mesa-glx|libgl1-mesa-dri|libglx-mesa0|mesa-gl)$/;

const packageOf = (path: string): string => path.slice(path.lastIndexOf("/") + 1);
const nameOf = (spec: string): string => spec.replace(/[<>=!~;[ @].*$/s, "").toLowerCase().replace(/[._]+/g, "-");

function guiHint({ analysis }: RuleContext): boolean {
  for (const node of analysis.model.instructions) {
    if (node.pairs.some((p) => node.keyword === "ENV" && (p.name === "DISPLAY" || p.name.startsWith("QT_")))) return true;
    for (const info of node.run?.infos ?? []) {
      if ((info.kind === "apt-install" || info.kind === "apk-add") && info.packages.some((p) => GUI_PACKAGE.test(p.value))) return true;
      if (info.kind === "pip-install" && info.requirements.some((r) => GUI_PACKAGE.test(r.value))) return true;
    }
  }
  return analysis.requirementFiles.some((f) => f.requirements.some((r) => GUI_PACKAGE.test(r.name ?? "")));
}

interface Found {
  /** Desktop builds in the final image, with their bytes. */
  readonly desktop: ReadonlyMap<string, number>;
  /** The RUNs that install them. */
  readonly nodes: readonly InstructionNode[];
}

/** The requirements file that pins the desktop build with hashes (or requires hashes), or null. */
function hashedFile(context: RuleContext): string | null {
  const file = context.analysis.requirementFiles.find((f) => f.options.requireHashes || f.requirements.some((r) => r.name !== null && HEADLESS[r.name] !== undefined && r.hashes.length > 0));
  return file?.path ?? null;
}

function found(context: RuleContext): Found | null {
  const { analysis } = context;
  const desktop = new Map<string, number>();
  const nodes: InstructionNode[] = [];
  for (const layer of analysis.estimate.layers) {
    for (const item of layer.items) {
      const name = packageOf(item.path);
      if (item.category === "python" && HEADLESS[name] !== undefined) desktop.set(name, (desktop.get(name) ?? 0) + item.bytes);
    }
  }
  if (desktop.size === 0 || guiHint(context)) return null;
  // Guard: another package that requires the desktop build would install it again beside the headless
  // one (two distributions of the same `cv2`, a known conflict): leave those images alone.
  const others: ClosureRequest[] = [];
  for (const file of analysis.requirementFiles) for (const r of file.requirements) if (r.name !== null && HEADLESS[r.name] === undefined) others.push({ name: r.name, specifier: null, extras: r.extras, marker: null });
  for (const node of finalImageRuns(analysis)) {
    for (const info of node.run?.infos ?? []) {
      if (info.kind !== "pip-install") continue;
      if (info.requirements.some((r) => HEADLESS[nameOf(r.value)] !== undefined) || info.requirementFiles.length > 0) nodes.push(node);
      for (const r of info.requirements) if (HEADLESS[nameOf(r.value)] === undefined) others.push({ name: nameOf(r.value), specifier: null, extras: [], marker: null });
    }
  }
  // Which packages require the desktop build does not depend on the platform details: a default one.
  const closure = resolvePackageClosure(others, { python: "3.12", libc: "glibc", arch: context.input.settings?.arch ?? "x86_64" });
  if (closure.packages.some((p) => HEADLESS[p.name] !== undefined)) return null;
  return { desktop, nodes: [...new Set(nodes)] };
}

export const opencvHeadless: Rule = {
  meta: {
    id: "size/opencv-headless",
    title: "Headless OpenCV",
    category: "size",
    severity: "warning",
    fixSafety: "suggestion",
    hadolint: null,
    docs: {
      what: "Replaces opencv-python (or opencv-contrib-python) with its -headless build where nothing in the image shows a window.",
      why: "The desktop build bundles Qt for cv2.imshow and links libGL, so it needs libgl1 from apt as well; the headless build is the same cv2 without a GUI.",
      before: "FROM python:3.12-slim\nRUN pip install --no-cache-dir opencv-python\n",
      after: "FROM python:3.12-slim\nRUN pip install --no-cache-dir opencv-python-headless\n",
      safety: "A suggestion: cv2.imshow, cv2.waitKey and other HighGUI windows stop working. The rule stays silent with a DISPLAY or QT_ variable, xvfb, GTK or Qt packages, or a package that itself requires opencv-python; in a hash-checked requirements file it rewrites nothing (the hashes are the desktop build's) and says to regenerate the file.",
    },
    messages: {
      desktop: "{{names}} is OpenCV's desktop build ({{bytes}}, with Qt and a libGL dependency): use the -headless build on a server.",
      desktopHashed: "{{names}} is OpenCV's desktop build ({{bytes}}, with Qt and a libGL dependency): use the -headless build on a server. {{file}} pins it with --hash lines, which are the desktop build's files: regenerate it with the headless package (pip-compile --generate-hashes, uv pip compile --generate-hashes); no rewrite is offered.",
    },
  },
  detect(context) {
    const f = found(context);
    if (f === null) return [];
    const hashed = hashedFile(context);
    if (hashed !== null) return f.nodes.map((n) => makeFinding(this.meta, "desktopHashed", { names: [...f.desktop.keys()].join(", "), bytes: formatBytes([...f.desktop.values()].reduce((a, b) => a + b, 0)), file: hashed }, n.range));
    const bytes = [...f.desktop.values()].reduce((a, b) => a + b, 0);
    const data = { names: [...f.desktop.keys()].join(", "), bytes: formatBytes(bytes) };
    return f.nodes.length === 0 ? [] : f.nodes.map((n) => makeFinding(this.meta, "desktop", data, n.range));
  },
  fix(context) {
    const f = found(context);
    // Guard: renamed in a hash-checked file, the desktop build's hashes would follow the headless name, and
    // pip refuses the mismatch ("THESE PACKAGES DO NOT MATCH THE HASHES").
    if (f === null || hashedFile(context) !== null) return [];
    const dockerfileEdits = [];
    for (const node of f.nodes) {
      for (const info of node.run?.infos ?? []) {
        if (info.kind !== "pip-install") continue;
        for (const r of info.requirements) {
          const twin = HEADLESS[nameOf(r.value)];
          if (twin === undefined) continue;
          // Guard: a quoted word's offsets include its quotes; rewrite only plain words.
          if (!editableRun(node) || r.word.quoted || r.word.hasExpansion) return [];
          const written = r.value.length - r.value.replace(/^[A-Za-z0-9._-]+/, "").length;
          dockerfileEdits.push({ start: r.word.start, end: r.word.start + written, text: twin });
        }
      }
    }
    const edits: FileEdit[] = dockerfileEdits.length === 0 ? [] : [{ file: "dockerfile", edits: dockerfileEdits }];
    for (const file of context.analysis.requirementFiles) {
      const fileEdits = file.requirements.flatMap((r) => {
        const twin = r.name === null ? undefined : HEADLESS[r.name];
        const at = r.rawName === null ? -1 : file.text.indexOf(r.rawName, r.start);
        return twin === undefined || r.rawName === null || at < 0 || at >= r.end ? [] : [{ start: at, end: at + r.rawName.length, text: twin }];
      });
      if (fileEdits.length > 0) edits.push({ file: { requirements: file.path }, edits: fileEdits });
    }
    if (edits.length === 0) return [];
    const libs = context.analysis.estimate.layers.flatMap((l) => l.items).filter((i) => GUI_LIBS.test(packageOf(i.path)));
    const libNote = libs.length === 0 ? "" : ` The image also installs ${libs.map((i) => packageOf(i.path)).join(", ")} (${formatBytes(libs.reduce((s, i) => s + i.bytes, 0))}), which the headless build does not need: remove it if nothing else uses libGL.`;
    return [{
      id: "headless",
      title: "Use opencv-python-headless",
      edits,
      reason: `The same cv2 without Qt and libGL (${[...f.desktop.keys()].join(", ")} weighs ${formatBytes([...f.desktop.values()].reduce((a, b) => a + b, 0))} here).${libNote}`,
    }];
  },
};
