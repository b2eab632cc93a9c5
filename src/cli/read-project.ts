// Reads what the engine weighs for one Dockerfile: the Dockerfile as bytes (so UTF-16 and BOMs are decoded
// by the engine), the requirements and project files, and the .dockerignore — given on the command line or
// found beside the Dockerfile, whose folder is taken as the build context. A path that cannot be read is
// an InputError (one line, exit 2).
import { basename, dirname, join, relative, sep } from "node:path";
import type { TextFile } from "../engine/analyze";
import { parseDockerfile } from "../engine/dockerfile/parse-dockerfile";
import { decodeText } from "../engine/text/decode";
import type { CliIo } from "./io";

export class InputError extends Error {}

export interface ProjectInput {
  readonly dockerfile: Uint8Array;
  readonly requirements: readonly TextFile[];
  readonly projectFiles: readonly TextFile[];
  readonly dockerignore: string | null;
}

export interface ProjectPaths {
  readonly dockerfile: string;
  /** Requirements files given; [] = discover them beside the Dockerfile. */
  readonly requirements: readonly string[];
  readonly projectFiles: readonly string[];
  /** null = the .dockerignore beside the Dockerfile, when there is one. */
  readonly dockerignore: string | null;
}

function readBytes(io: CliIo, path: string, what: string): Uint8Array {
  if (io.kind(path) === "dir") throw new InputError(`${what} ${path} is a directory, not a file`);
  try {
    return io.readFile(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new InputError(code === "ENOENT" ? `${what} ${path} does not exist` : `${what} ${path} cannot be read (${typeof code === "string" ? code : String(error)})`);
  }
}

/** Where a file given by its path (from the current folder) stands in the build context: relative to the
 *  Dockerfile's folder, or by its name when it lies outside it. */
function contextPath(contextDir: string, file: string): string {
  const rel = relative(contextDir, file);
  return rel.startsWith("..") || rel === "" ? basename(file) : rel.split(sep).join("/");
}

/** requirements*.txt / *.in and constraints*.txt beside the Dockerfile, and in a `requirements/` folder there. */
function discoverRequirements(io: CliIo, contextDir: string): string[] {
  const found: string[] = [];
  const visit = (dir: string, depth: number) => {
    for (const name of [...io.list(dir)].sort()) {
      const path = join(dir, name);
      if (depth === 0 && name === "requirements" && io.kind(path) === "dir") visit(path, 1);
      else if ((/^requirements.*\.(txt|in)$/i.test(name) || /^constraints.*\.txt$/i.test(name)) && io.kind(path) === "file") found.push(path);
      else if (depth === 1 && /\.(txt|in)$/i.test(name) && io.kind(path) === "file") found.push(path);
    }
  };
  visit(contextDir, 0);
  return found;
}

/**
 * Requirements and constraints files the Dockerfile's installs name (`pip install -r bot_requirements.txt`,
 * `-c deps/constraints.txt`) that the name patterns above miss: where a COPY of the context brings a file of
 * that name, that context file; else the file of that name beside the Dockerfile. Each only if it is a file.
 */
function namedRequirements(io: CliIo, contextDir: string, dockerfile: Uint8Array): string[] {
  let model;
  try {
    model = parseDockerfile(decodeText(dockerfile).text);
  } catch {
    // The engine reports a Dockerfile it cannot read, with its line; discovery only misses the names.
    return [];
  }
  const written = new Set(model.instructions.flatMap((n) => (n.run?.infos ?? []).flatMap((i) => (i.kind === "pip-install" ? [...i.requirementFiles, ...i.constraintFiles] : []))
    .map((w) => w.value).filter((v) => v !== "" && !v.includes("$"))));
  const copied = model.instructions.flatMap((n) => (n.copy !== null && n.copy.from === null ? n.copy.sources : []));
  const found: string[] = [];
  for (const value of written) {
    const name = value.slice(value.lastIndexOf("/") + 1);
    const source = copied.find((s) => s.slice(s.lastIndexOf("/") + 1) === name && !s.includes("$") && !s.includes("*"));
    for (const candidate of [source === undefined ? null : join(contextDir, ...source.replace(/^\.?\/+/, "").split("/")), join(contextDir, name)]) {
      if (candidate === null || !candidate.startsWith(contextDir) || io.kind(candidate) !== "file") continue;
      found.push(candidate);
      break;
    }
  }
  return found;
}

/** The project files a locked install or `pip install .` reads, when they sit beside the Dockerfile (the build context). */
const PROJECT_FILE_NAMES = ["pyproject.toml", "setup.cfg", "setup.py", "uv.lock", "poetry.lock", "pdm.lock", "Pipfile", "Pipfile.lock"];

function discoverProjectFiles(io: CliIo, contextDir: string): string[] {
  return PROJECT_FILE_NAMES.map((name) => join(contextDir, name)).filter((path) => io.kind(path) === "file");
}

/** Throws InputError when a path cannot be read. */
export function readProject(io: CliIo, paths: ProjectPaths): ProjectInput {
  const contextDir = dirname(paths.dockerfile);
  const dockerfile = readBytes(io, paths.dockerfile, "Dockerfile");
  const discovered = paths.requirements.length > 0 ? [] : discoverRequirements(io, contextDir);
  const requirementPaths = paths.requirements.length > 0 ? paths.requirements
    : [...discovered, ...namedRequirements(io, contextDir, dockerfile).filter((p) => !discovered.includes(p))].filter((p, i, all) => all.indexOf(p) === i);
  const requirements = requirementPaths.map((p) => ({ path: contextPath(contextDir, p), content: readBytes(io, p, "requirements file") }));
  const found = discoverProjectFiles(io, contextDir);
  // A file given with --project-file wins over the one of the same context path found beside the Dockerfile.
  const given = new Set(paths.projectFiles.map((p) => contextPath(contextDir, p)));
  const projectPaths = [...paths.projectFiles, ...found.filter((f) => !given.has(contextPath(contextDir, f)))];
  const projectFiles = projectPaths.map((p) => ({ path: contextPath(contextDir, p), content: readBytes(io, p, "project file") }));
  const ignorePath = paths.dockerignore ?? join(contextDir, ".dockerignore");
  const dockerignore = paths.dockerignore !== null || io.kind(ignorePath) === "file" ? new TextDecoder().decode(readBytes(io, ignorePath, ".dockerignore")) : null;
  return { dockerfile, requirements, projectFiles, dockerignore };
}
