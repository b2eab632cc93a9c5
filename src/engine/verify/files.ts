// "Is this path in the stage yet?" over the estimator's stage model. The answer is `false` only when the
// model knows the stage fully: an unmodelled command, a bind mount or a copy the model could not follow
// all count as "it may be there", so the build check never reports a file on a guess.
import type { RunMount } from "../dockerfile/model";
import { isIgnored, type DockerIgnore } from "../estimate/dockerignore";
import { isUnder, resolvePath } from "../estimate/paths";
import type { StageState } from "../estimate/stage-state";

/** Top-level directories every Linux base image has (FHS): a path under them may come from the image,
 *  which the tables hold as one block. Paths elsewhere (/install, /opt/venv, /app, /wheels) do not. */
const BASE_DIRS = new Set(["usr", "etc", "bin", "sbin", "lib", "lib32", "lib64", "libx32", "var", "run", "tmp", "dev", "proc", "sys", "srv", "mnt", "media", "boot"]);

/** Group that `estimateCopy` gives a copy of the build context, with the context path it copied. */
export const CONTEXT_GROUP = "context:";

/** True when `path` (absolute) is, or may be, a file or directory of `stage` right now. */
export function mayExist(stage: StageState, path: string, dockerignore: DockerIgnore | null): boolean {
  if (stage.unmodelledAt !== null || path.includes("$")) return true;
  if (stage.fs.selectsAny(path)) return true;
  for (const made of stage.madePaths) if (isUnder(path, made)) return true;
  // Copies of one context path to one directory (`COPY . .` repeated) give one answer: asked once.
  const asked = new Set<string>();
  return stage.fs.someContaining(path, (entry) => {
    if (entry.category === "base") return false;
    const context = entry.groups.find((g) => g.startsWith(CONTEXT_GROUP));
    if (context === undefined || dockerignore === null || context.includes("*") || context.includes("?")) return true;
    const key = `${entry.path}\0${context}`;
    if (asked.has(key)) return false;
    asked.add(key);
    // A copy of the build context holds the file unless .dockerignore keeps it out of the context.
    const relative = path.slice(entry.path === "/" ? 1 : entry.path.length + 1);
    const contextPath = resolvePath("/", `${context.slice(CONTEXT_GROUP.length)}/${relative}`).slice(1);
    return !isIgnored(dockerignore, contextPath);
  });
}

/** True when `path` may be a directory or file `COPY --from` can copy: also empty directories the stage
 *  made, its WORKDIR and what its base image may hold. */
export function mayExistForCopy(stage: StageState, path: string): boolean {
  if (mayExist(stage, path, null)) return true;
  if (isUnder(stage.workdir, path)) return true;
  for (const dir of stage.madeDirs) if (isUnder(dir, path)) return true;
  // An official python image has /usr/local/lib/pythonX.Y for its own minor only.
  const lib = /^\/usr\/local\/lib\/python(\d+\.\d+)(\/|$)/.exec(path);
  if (lib !== null && stage.base?.python != null && stage.pythonMinor !== null && lib[1] !== stage.pythonMinor) return false;
  // `scratch` has nothing; an image may hold anything under the system directories.
  const top = path.split("/")[1] ?? "";
  return stage.base !== null && (BASE_DIRS.has(top) || path === "/");
}

/** True when a bind mount of this RUN puts something at `path` (`--mount=type=bind,source=…,target=…`). */
export function boundByMount(mounts: readonly RunMount[], cwd: string, path: string): boolean {
  return mounts.some((m) => m.type === "bind" && m.target !== null && isUnder(path, resolvePath(cwd, m.target)));
}
