// The user's texts. An empty .dockerignore editor means "no .dockerignore" (null), which is what the
// engine flags for `COPY . .`; a project always has at least the requirements.txt editor.
import type { StateCreator } from "zustand";
import type { Example } from "../examples/index";
import type { SharedFile, SharedState } from "../permalink/shared-state";
import { REQUIREMENTS_PATH } from "./defaults";
import { renamed, type ProjectTexts } from "./project-files";
import type { AppState } from "./store";

export interface InputsSlice {
  readonly dockerfile: string;
  readonly requirements: readonly SharedFile[];
  /** pyproject.toml, uv.lock, poetry.lock, Pipfile, Pipfile.lock at their context paths (may be none). */
  readonly projectFiles: readonly SharedFile[];
  /** null when there is no .dockerignore. */
  readonly dockerignore: string | null;
  setDockerfile(text: string): void;
  setRequirements(path: string, text: string): void;
  setDockerignore(text: string): void;
  /** Add a project file (or a further requirements file) by path, or replace its text. */
  setProjectFile(path: string, text: string): void;
  removeProjectFile(path: string): void;
  /** Remove a requirements file (the last one leaves an empty requirements.txt editor). */
  removeRequirements(path: string): void;
  /** Rename a requirements or project file (state/project-files.ts `renamed`: a refused name changes nothing). */
  renameFile(from: string, to: string): void;
  /** Replace every text at once (a dropped folder, "Start from your own"); the plan starts afresh. */
  replaceProject(project: ProjectTexts): void;
  /** Replace the texts with an example's, and start its plan afresh. */
  loadExample(example: Example): void;
  /** Restore a shared or saved state: texts, decisions, selection and settings in one update. */
  restore(state: Omit<SharedState, "tablesVersion">): void;
}

export const createInputsSlice: StateCreator<AppState, [], [], InputsSlice> = (set) => ({
  dockerfile: "",
  requirements: [{ path: REQUIREMENTS_PATH, text: "" }],
  projectFiles: [],
  dockerignore: null,
  setDockerfile: (dockerfile) => set({ dockerfile }),
  setRequirements: (path, text) =>
    set((state) => ({
      requirements: state.requirements.some((f) => f.path === path)
        ? state.requirements.map((f) => (f.path === path ? { path, text } : f))
        : [...state.requirements, { path, text }],
    })),
  setDockerignore: (text) => set({ dockerignore: text.trim() === "" ? null : text }),
  setProjectFile: (path, text) =>
    set((state) => ({
      projectFiles: state.projectFiles.some((f) => f.path === path)
        ? state.projectFiles.map((f) => (f.path === path ? { path, text } : f))
        : [...state.projectFiles, { path, text }],
    })),
  removeProjectFile: (path) => set((state) => ({ projectFiles: state.projectFiles.filter((f) => f.path !== path) })),
  removeRequirements: (path) => set((state) => ({ requirements: withRequirementsFile(state.requirements.filter((f) => f.path !== path)) })),
  renameFile: (from, to) =>
    set((state) => {
      const next = renamed(state, from, to);
      return { requirements: next.requirements, projectFiles: next.projectFiles };
    }),
  replaceProject: (project) =>
    set({
      dockerfile: project.dockerfile,
      requirements: withRequirementsFile(project.requirements),
      projectFiles: project.projectFiles.map((f) => ({ path: f.path, text: f.text })),
      dockerignore: project.dockerignore,
      decisions: {},
      decisionHistory: [],
      selectedStep: null,
    }),
  loadExample: (example) =>
    set({
      dockerfile: example.dockerfile,
      requirements: withRequirementsFile(example.requirements),
      projectFiles: example.projectFiles ?? [],
      dockerignore: example.dockerignore,
      decisions: {},
      decisionHistory: [],
      selectedStep: null,
    }),
  restore: (shared) =>
    set({
      dockerfile: shared.dockerfile,
      requirements: withRequirementsFile(shared.requirements),
      projectFiles: shared.projectFiles.map((f) => ({ path: f.path, text: f.text })),
      dockerignore: shared.dockerignore,
      decisions: shared.decisions,
      decisionHistory: [],
      selectedStep: shared.selectedStep,
      contextBytes: shared.contextBytes,
      arch: shared.arch,
      packageSizes: shared.packageSizes,
    }),
});

function withRequirementsFile(files: readonly SharedFile[]): readonly SharedFile[] {
  return files.length === 0 ? [{ path: REQUIREMENTS_PATH, text: "" }] : files.map((f) => ({ path: f.path, text: f.text }));
}
