// Files from a drop or the file picker, read in the browser (nothing is uploaded). A dropped folder is
// walked with the File and Directory Entries API (DataTransferItem.webkitGetAsEntry), paths relative to
// the folder's root; only the files the engine reads (state/project-files.ts planImport) are ever read.
import { looksBinary, normalizePath, planImport, SKIPPED_FOLDERS, type ImportPlan, type LoadedFile } from "../../state/project-files";

export interface PickedFile {
  readonly path: string;
  readonly file: File;
}

export interface Picked {
  readonly files: readonly PickedFile[];
  /** Folders not walked (.git, node_modules, …) and whether the walk stopped at MAX_WALKED. */
  readonly skippedFolders: readonly string[];
  readonly truncated: boolean;
}

/** Entries walked in a dropped folder before stopping: a project's own files are far fewer, and a folder
 *  with a stray data set must not freeze the page listing it. */
export const MAX_WALKED = 5000;

/** From the file picker (`<input type=file multiple>`): names, or folder-relative paths when a folder was picked. */
export function pickedFromFileList(list: FileList): Picked {
  return { files: Array.from(list, (file) => ({ path: file.webkitRelativePath === "" ? file.name : file.webkitRelativePath, file })), skippedFolders: [], truncated: false };
}

/** From a drop: files and folders, walked. Every entry must be taken before the first await (the browser
 *  empties the DataTransfer after the event). */
export async function pickedFromDataTransfer(transfer: DataTransfer): Promise<Picked> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(transfer.items)) {
    if (item.kind !== "file") continue;
    const entry = item.webkitGetAsEntry();
    if (entry !== null) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file !== null) loose.push(file);
    }
  }
  // One folder dropped: its contents are the build context, so paths start inside it.
  const single = entries.length === 1 && entries[0]?.isDirectory === true ? entries[0] : null;
  const root = single === null ? "/" : `${single.fullPath}/`;
  const files: PickedFile[] = loose.map((file) => ({ path: file.name, file }));
  const skippedFolders: string[] = [];
  let walked = 0;
  let truncated = false;
  const relative = (entry: FileSystemEntry) => (entry.fullPath.startsWith(root) ? entry.fullPath.slice(root.length) : entry.name);
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (walked >= MAX_WALKED) {
      truncated = true;
      return;
    }
    walked++;
    if (isFile(entry)) {
      files.push({ path: relative(entry), file: await fileOf(entry) });
      return;
    }
    if (!isDirectory(entry)) return;
    if (entry !== single && SKIPPED_FOLDERS.has(entry.name)) {
      skippedFolders.push(`${relative(entry)}/`);
      return;
    }
    for (const child of await childrenOf(entry)) await walk(child);
  };
  for (const entry of entries) await walk(entry);
  return { files, skippedFolders, truncated };
}

function isFile(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile;
}

function isDirectory(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** readEntries returns a batch at a time (100 in Chromium): call it until it returns none. */
async function childrenOf(entry: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = entry.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

export interface ReadResult {
  readonly loaded: readonly LoadedFile[];
  readonly plan: ImportPlan;
  /** Files planned for loading that turned out not to be text. */
  readonly binary: readonly string[];
}

/** Read what the plan loads, and only that. */
export async function readPicked(picked: Picked, keep: { readonly requirements: number; readonly project: number }): Promise<ReadResult> {
  const plan = planImport(picked.files.map((f) => ({ path: f.path, size: f.file.size })), keep);
  const byPath = new Map(picked.files.map((f) => [normalizePath(f.path), f.file]));
  const loaded: LoadedFile[] = [];
  const binary: string[] = [];
  for (const item of plan.load) {
    const file = byPath.get(item.path);
    if (file === undefined) continue;
    const text = await file.text();
    if (looksBinary(text)) binary.push(item.path);
    else loaded.push({ path: item.path, role: item.role, text });
  }
  return { loaded, plan, binary };
}
