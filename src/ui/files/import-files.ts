// Putting read files into the project, and saying what happened: a drop or pick that brings a Dockerfile
// is a project of its own and replaces every text (so no example file lingers); files without one are
// added to the project. Either way the texts before are offered back.
import { snapshotOf } from "../../state/autosave";
import { planImport, withLoadedFiles } from "../../state/project-files";
import { useAppStore } from "../../state/store";
import { readPicked, type Picked } from "./read-files";

/** Names listed in the notice; the file list shows them all. */
const NAMED_IN_NOTICE = 4;

export async function importPicked(picked: Picked): Promise<void> {
  if (picked.files.length === 0 && picked.skippedFolders.length === 0) return;
  const replace = planImport(picked.files.map((f) => ({ path: f.path, size: f.file.size }))).load.some((f) => f.role === "dockerfile");
  const current = useAppStore.getState();
  const keep = replace ? { requirements: 0, project: 0 } : { requirements: current.requirements.length, project: current.projectFiles.length };
  const { loaded, plan, binary } = await readPicked(picked, keep);
  const store = useAppStore.getState();
  const before = snapshotOf(store);
  if (loaded.length > 0) {
    const next = withLoadedFiles(store, loaded, replace);
    if (replace) store.replaceProject(next);
    else {
      store.setDockerfile(next.dockerfile);
      if (next.dockerignore !== store.dockerignore) store.setDockerignore(next.dockerignore ?? "");
      for (const file of next.requirements) store.setRequirements(file.path, file.text);
      for (const file of store.requirements) if (!next.requirements.some((f) => f.path === file.path)) store.removeRequirements(file.path);
      for (const file of next.projectFiles) store.setProjectFile(file.path, file.text);
    }
  }
  const refused = [...plan.refused, ...binary.map((path) => ({ path, reason: "it is not a text file" }))];
  store.setImportReport({ unused: plan.unused, refused, skippedFolders: picked.skippedFolders });
  const names = loaded.map((f) => f.path);
  const parts = [loaded.length === 0
    ? "No file the engine reads was loaded (a Dockerfile, requirements files, pyproject.toml, lock files, .dockerignore)."
    : `Loaded ${names.length} ${names.length === 1 ? "file" : "files"} (${names.slice(0, NAMED_IN_NOTICE).join(", ")}${names.length > NAMED_IN_NOTICE ? ", …" : ""})${replace ? " as a new project" : ""}; nothing was uploaded.`];
  if (refused.length > 0) parts.push(`Left out: ${refused.map((r) => `${r.path} (${r.reason})`).join("; ")}.`);
  if (plan.unused.length > 0) parts.push(`${plan.unused.length} other ${plan.unused.length === 1 ? "file is" : "files are"} not used (listed under Files).`);
  if (picked.truncated) parts.push("The folder was too big to list in full.");
  store.showNotice({
    tone: refused.length > 0 || loaded.length === 0 ? "error" : "info",
    message: parts.join(" "),
    action: loaded.length === 0 ? undefined : { label: "Bring back my text", run: () => { useAppStore.getState().restore(before); useAppStore.getState().showNotice(null); } },
  });
}
