// The texts a plan step holds: the Dockerfile, the requirements files, the project files (pyproject.toml,
// lock files: no rule rewrites them, every step carries them unchanged) and the .dockerignore, decoded
// once (BOM removed, UTF-16 read) so every offset a rule computes refers to the same strings.
import type { AnalysisInput, TextFile } from "../analyze";
import type { EstimateSettings } from "../estimate/context";
import type { FileEdit, FileRef } from "../rules/types";
import { decodeText } from "../text/decode";
import { applyEdits } from "../text/edits";

export interface PlanTexts {
  readonly dockerfile: string;
  readonly requirements: readonly { readonly path: string; readonly text: string }[];
  /** null when the project has no .dockerignore. */
  readonly dockerignore: string | null;
  /** pyproject.toml, uv.lock, poetry.lock, Pipfile(.lock) as given. */
  readonly projectFiles: readonly { readonly path: string; readonly text: string }[];
}

export function decodeTexts(dockerfile: string | Uint8Array, requirements: readonly TextFile[], dockerignore: string | null, projectFiles: readonly TextFile[] = []): PlanTexts {
  return {
    dockerfile: decodeText(dockerfile).text,
    requirements: requirements.map((f) => ({ path: f.path, text: decodeText(f.content).text })),
    dockerignore,
    projectFiles: projectFiles.map((f) => ({ path: f.path, text: decodeText(f.content).text })),
  };
}

export function analysisInput(texts: PlanTexts, settings: Partial<EstimateSettings> | undefined): AnalysisInput {
  return {
    dockerfile: texts.dockerfile,
    requirements: texts.requirements.map((f) => ({ path: f.path, content: f.text })),
    dockerignore: texts.dockerignore,
    ...(texts.projectFiles.length === 0 ? {} : { projectFiles: texts.projectFiles.map((f) => ({ path: f.path, content: f.text })) }),
    ...(settings === undefined ? {} : { settings }),
  };
}

function sameFile(a: FileRef, b: FileRef): boolean {
  if (typeof a === "string" || typeof b === "string") return a === b;
  return a.requirements === b.requirements;
}

/** Apply a fix's edits to the texts; an error names the file and what went wrong. */
export function applyFileEdits(texts: PlanTexts, fileEdits: readonly FileEdit[]): { ok: true; texts: PlanTexts } | { ok: false; error: string } {
  let next = texts;
  const files: FileRef[] = [];
  for (const fe of fileEdits) if (!files.some((f) => sameFile(f, fe.file))) files.push(fe.file);
  for (const file of files) {
    const edits = fileEdits.filter((fe) => sameFile(fe.file, file)).flatMap((fe) => fe.edits);
    if (file === "dockerfile") {
      const result = applyEdits(next.dockerfile, edits);
      if (!result.ok) return { ok: false, error: `Dockerfile: ${result.error}` };
      next = { ...next, dockerfile: result.text };
    } else if (file === "dockerignore") {
      const result = applyEdits(next.dockerignore ?? "", edits);
      if (!result.ok) return { ok: false, error: `.dockerignore: ${result.error}` };
      next = { ...next, dockerignore: result.text };
    } else {
      const target = next.requirements.find((r) => r.path === file.requirements);
      const result = applyEdits(target?.text ?? "", edits);
      if (!result.ok) return { ok: false, error: `${file.requirements}: ${result.error}` };
      const others = next.requirements.filter((r) => r.path !== file.requirements);
      next = { ...next, requirements: [...others, { path: file.requirements, text: result.text }] };
    }
  }
  return { ok: true, texts: next };
}
