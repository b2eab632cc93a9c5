// Project files (issue 8 §5): which parser reads a path, by its base name. Never throws.
import { describeError } from "../diagnostics";
import { parsePipfile, parsePipfileLock } from "./parse-pipfile";
import { parsePdmLock } from "./parse-pdm-lock";
import { parsePoetryLock } from "./parse-poetry-lock";
import { parsePyproject } from "./parse-pyproject";
import { parseSetupCfg, parseSetupPy } from "./parse-setup";
import { parseUvLock } from "./parse-uv-lock";
import { emptyManifest, type ParsedProjectFile, type ProjectFileKind } from "./types";

export type * from "./types";
export { lockClosure, type LockSelection, type ClosureResult } from "./lock-closure";
export { poetryConstraintToPep440 } from "./poetry-constraint";

const KINDS: Readonly<Record<string, ProjectFileKind>> = {
  "pyproject.toml": "pyproject",
  "setup.cfg": "setup-cfg",
  "setup.py": "setup-py",
  "uv.lock": "uv-lock",
  "poetry.lock": "poetry-lock",
  "pdm.lock": "pdm-lock",
  pipfile: "pipfile",
  "pipfile.lock": "pipfile-lock",
};

/** The format of a project file by its base name, or null when it is not one (a requirements file). */
export function projectFileKind(path: string): ProjectFileKind | null {
  const base = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  return KINDS[base] ?? null;
}

export function parseProjectFile(path: string, content: string | Uint8Array): ParsedProjectFile | null {
  const kind = projectFileKind(path);
  if (kind === null) return null;
  try {
    switch (kind) {
      case "pyproject":
        return parsePyproject(path, content);
      case "setup-cfg":
        return parseSetupCfg(path, content);
      case "setup-py":
        return parseSetupPy(path, content);
      case "uv-lock":
        return parseUvLock(path, content);
      case "poetry-lock":
        return parsePoetryLock(path, content);
      case "pdm-lock":
        return parsePdmLock(path, content);
      case "pipfile":
        return parsePipfile(path, content);
      case "pipfile-lock":
        return parsePipfileLock(path, content);
    }
  } catch (error) {
    // The parsers read defensively; this is the last guard so a bug never takes the engine down.
    const diagnostics = [{ code: "project/parse-fault", message: `${path} could not be read (${describeError(error)}): please report this file.`, line: 1, column: 1, severity: "error" as const, file: { project: path } }];
    return kind === "pyproject" || kind === "setup-cfg" || kind === "setup-py" || kind === "pipfile" ? { kind, path, manifest: emptyManifest(), diagnostics, textLength: 0 } : { kind, path, lock: { packages: [] }, diagnostics, textLength: 0 };
  }
}
