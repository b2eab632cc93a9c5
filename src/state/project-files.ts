// The project as files: which of a dropped folder's (or opened) files the engine reads, and where each goes
// in the store — the Dockerfile, requirements files at their paths, project files (pyproject.toml, locks)
// and the .dockerignore. Everything else is listed as "not used" and never read. Pure: the browser reading
// (ui/files/read-files.ts) and the store call these, and the tests run them without a DOM.
import { projectFileKind } from "../engine/project";
import { MAX_DECOMPRESSED_BYTES } from "../permalink/codec";
import { MAX_FILES, MAX_PATH, MAX_PROJECT_FILES } from "../permalink/schema";
import type { SharedFile } from "../permalink/shared-state";

export type FileRole = "dockerfile" | "dockerignore" | "requirements" | "project" | "unused";

/** The texts the engine takes, as the inputs slice holds them. */
export interface ProjectTexts {
  readonly dockerfile: string;
  readonly requirements: readonly SharedFile[];
  readonly projectFiles: readonly SharedFile[];
  readonly dockerignore: string | null;
}

export const EMPTY_PROJECT: ProjectTexts = { dockerfile: "", requirements: [{ path: "requirements.txt", text: "" }], projectFiles: [], dockerignore: null };

/** Folders never walked on a drop: they hold thousands of files and nothing the engine reads. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set([
  ".git", ".hg", ".svn", "node_modules", ".venv", "venv", "env", "__pycache__", ".tox", ".nox", ".mypy_cache",
  ".pytest_cache", ".ruff_cache", ".idea", ".vscode", "dist", "build", "site-packages",
]);

/** `./a\\b.txt` → `a/b.txt`: paths as the build context (and the engine) names them. */
export function normalizePath(path: string): string {
  return path.replace(/\\/g, "/").split("/").filter((part) => part !== "" && part !== ".").join("/");
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

function depth(path: string): number {
  return path.split("/").length - 1;
}

/** Dockerfile, Dockerfile.dev, app.dockerfile: what `docker build -f` is usually given. */
export function isDockerfileName(path: string): boolean {
  const base = baseName(path).toLowerCase();
  return base === "dockerfile" || base.startsWith("dockerfile.") || base.endsWith(".dockerfile");
}

/** requirements.txt, requirements-dev.txt, requirements/base.txt, constraints.txt, requirements.in. */
export function isRequirementsName(path: string): boolean {
  const base = baseName(path).toLowerCase();
  if (!/\.(txt|in)$/.test(base)) return false;
  if (/^(requirements|constraints)/.test(base) || base.includes("requirements")) return true;
  const parts = path.toLowerCase().split("/");
  return parts.slice(0, -1).some((dir) => dir === "requirements" || dir === "reqs");
}

/** The role a path would have on its own (a second Dockerfile is sorted out by planImport). */
export function fileRole(path: string): FileRole {
  const normal = normalizePath(path);
  if (normal === ".dockerignore") return "dockerignore";
  if (isDockerfileName(normal)) return "dockerfile";
  if (projectFileKind(normal) !== null) return "project";
  if (isRequirementsName(normal)) return "requirements";
  return "unused";
}

/** A file offered by a drop or the file picker, before it is read. */
export interface OfferedFile {
  readonly path: string;
  readonly size: number;
}

export interface ImportPlan {
  /** What to read, and where it goes. */
  readonly load: readonly { readonly path: string; readonly role: Exclude<FileRole, "unused"> }[];
  /** Files the engine does not read: listed for the user, never read. */
  readonly unused: readonly string[];
  /** Files the engine would read but that are over a cap, with why. */
  readonly refused: readonly { readonly path: string; readonly reason: string }[];
}

const MB = 1024 * 1024;

/**
 * Sorts offered files: one Dockerfile (a root `Dockerfile` first, else the shallowest candidate), the root
 * .dockerignore, requirements and project files within the permalink's caps (MAX_FILES, MAX_PROJECT_FILES,
 * MAX_PATH, and MAX_DECOMPRESSED_BYTES in all, so whatever is loaded can still be shared).
 * `keep` counts the files already in the project that an import adds to (0 when it replaces the project).
 */
export function planImport(offered: readonly OfferedFile[], keep: { readonly requirements: number; readonly project: number } = { requirements: 0, project: 0 }): ImportPlan {
  const files = offered.map((f) => ({ path: normalizePath(f.path), size: f.size })).filter((f) => f.path !== "");
  const load: { path: string; role: Exclude<FileRole, "unused"> }[] = [];
  const unused: string[] = [];
  const refused: { path: string; reason: string }[] = [];
  const dockerfiles = files.filter((f) => fileRole(f.path) === "dockerfile")
    .sort((a, b) => rank(a.path) - rank(b.path) || depth(a.path) - depth(b.path) || a.path.localeCompare(b.path));
  const chosenDockerfile = dockerfiles[0]?.path ?? null;
  let requirements = keep.requirements;
  let project = keep.project;
  let bytes = 0;
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    let role = fileRole(file.path);
    if (role === "dockerfile" && file.path !== chosenDockerfile) role = "unused";
    // Only the context root's .dockerignore applies to the build (a nested one is just a file).
    if (role === "unused") {
      unused.push(file.path);
      continue;
    }
    if (file.path.length > MAX_PATH) {
      refused.push({ path: file.path, reason: `its path is longer than ${MAX_PATH} characters` });
      continue;
    }
    if (bytes + file.size > MAX_DECOMPRESSED_BYTES) {
      refused.push({ path: file.path, reason: `the files would pass ${MAX_DECOMPRESSED_BYTES / MB} MB, the most a link holds` });
      continue;
    }
    if (role === "requirements" && requirements >= MAX_FILES) {
      refused.push({ path: file.path, reason: `a project holds at most ${MAX_FILES} requirements files` });
      continue;
    }
    if (role === "project" && project >= MAX_PROJECT_FILES) {
      refused.push({ path: file.path, reason: `a project holds at most ${MAX_PROJECT_FILES} pyproject and lock files` });
      continue;
    }
    if (role === "requirements") requirements++;
    if (role === "project") project++;
    bytes += file.size;
    load.push({ path: file.path, role });
  }
  return { load, unused, refused };
}

/** `Dockerfile` beats `Dockerfile.dev` beats `app.dockerfile`: the name `docker build` reads by default. */
function rank(path: string): number {
  const base = baseName(path).toLowerCase();
  return base === "dockerfile" ? 0 : base.startsWith("dockerfile.") ? 1 : 2;
}

/** A read file with its role. */
export interface LoadedFile {
  readonly path: string;
  readonly role: Exclude<FileRole, "unused">;
  readonly text: string;
}

/**
 * The project after loading files: with `replace` (a drop or pick that brings a Dockerfile is a project
 * of its own) only the loaded files remain; otherwise each loaded file replaces the one at its path or
 * is added. A project always keeps a requirements editor, as the inputs slice does.
 */
export function withLoadedFiles(current: ProjectTexts, loaded: readonly LoadedFile[], replace: boolean): ProjectTexts {
  const base = replace ? { ...EMPTY_PROJECT, requirements: [] as readonly SharedFile[] } : current;
  let { dockerfile, requirements, projectFiles, dockerignore } = base;
  for (const file of loaded) {
    if (file.role === "dockerfile") dockerfile = file.text;
    else if (file.role === "dockerignore") dockerignore = file.text.trim() === "" ? null : file.text;
    else if (file.role === "requirements") requirements = upsert(requirements, file);
    else projectFiles = upsert(projectFiles, file);
  }
  // An empty requirements.txt left from a fresh start is a placeholder, not a file: drop it when real ones came.
  if (requirements.length > 1) requirements = requirements.filter((f) => !(f.path === "requirements.txt" && f.text === "" && !loaded.some((l) => l.path === f.path)));
  if (requirements.length === 0) requirements = EMPTY_PROJECT.requirements;
  return { dockerfile, requirements, projectFiles, dockerignore };
}

function upsert(files: readonly SharedFile[], file: { readonly path: string; readonly text: string }): readonly SharedFile[] {
  return files.some((f) => f.path === file.path)
    ? files.map((f) => (f.path === file.path ? { path: f.path, text: file.text } : f))
    : [...files, { path: file.path, text: file.text }];
}

/** Every path in the project (the Dockerfile and .dockerignore by their names). */
export function projectPaths(project: ProjectTexts): string[] {
  return ["Dockerfile", ".dockerignore", ...project.requirements.map((f) => f.path), ...project.projectFiles.map((f) => f.path)];
}

/** Why a requirements or project file cannot be added or renamed to `path`, or null when it can. */
export function pathProblem(project: ProjectTexts, path: string, from?: string): string | null {
  const normal = normalizePath(path);
  if (normal === "") return "Give the file a path.";
  if (normal.length > MAX_PATH) return `A path is at most ${MAX_PATH} characters.`;
  const role = fileRole(normal);
  if (role === "dockerfile" || role === "dockerignore") return `${normal} is not a requirements or project file: the Dockerfile and .dockerignore have their own editors.`;
  if (normal !== from && projectPaths(project).includes(normal)) return `${normal} is already there.`;
  const fromRole = from === undefined ? null : project.projectFiles.some((f) => f.path === from) ? "project" : "requirements";
  if (role === "project" && fromRole !== "project" && project.projectFiles.length >= MAX_PROJECT_FILES) return `A project holds at most ${MAX_PROJECT_FILES} pyproject and lock files.`;
  if (role !== "project" && fromRole !== "requirements" && project.requirements.length >= MAX_FILES) return `A project holds at most ${MAX_FILES} requirements files.`;
  return null;
}

/** Rename a requirements or project file; a new name of the other kind moves it to the other list. */
export function renamed(project: ProjectTexts, from: string, to: string): ProjectTexts {
  const path = normalizePath(to);
  const file = [...project.requirements, ...project.projectFiles].find((f) => f.path === from);
  if (file === undefined || pathProblem(project, path, from) !== null) return project;
  const requirements = project.requirements.filter((f) => f.path !== from);
  const projectFiles = project.projectFiles.filter((f) => f.path !== from);
  const moved = { path, text: file.text };
  // Keep the file's place in its list when it stays there, so the editors do not jump around.
  const inPlace = (files: readonly SharedFile[]) => files.map((f) => (f.path === from ? moved : f));
  if (fileRole(path) === "project") {
    return { ...project, requirements: requirements.length === 0 ? EMPTY_PROJECT.requirements : requirements,
      projectFiles: project.projectFiles.some((f) => f.path === from) ? inPlace(project.projectFiles) : [...projectFiles, moved] };
  }
  return { ...project, projectFiles, requirements: project.requirements.some((f) => f.path === from) ? inPlace(project.requirements) : [...requirements, moved] };
}

/** True when a text is not text: a NUL byte, which no Dockerfile or requirements file holds. */
export function looksBinary(text: string): boolean {
  return text.includes("\u0000");
}
