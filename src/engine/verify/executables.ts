// Which executables a stage has on PATH: what its base image ships, and what a system or Python package
// adds. The estimator records them in the stage model as it walks; the build check reads them. Only the
// executables a Python image's build commonly calls are tracked (`CHECKED`): for anything else the model
// knows too little to call it missing.
import type { BaseImageRow } from "../knowledge/types";

/** The account tools of shadow-utils (Debian's `passwd`, Alpine's `shadow`). */
export const SHADOW_TOOLS = ["useradd", "groupadd", "usermod"] as const;

/** Executables the build check reports as missing. Others (sed, tar…) are not tracked. */
export const CHECKED = new Set(["python", "python3", "pip", "pip3", "gcc", "cc", "make", "git", "uv", "poetry", "pipenv", "apt-get", "apk", "bash", ...SHADOW_TOOLS]);

/** `bash` as a SHELL, CMD or ENTRYPOINT names it (`/bin/bash`, `/usr/bin/bash`, `bash`), else null. */
export function bashOf(word: string | undefined): "bash" | null {
  return word === "bash" || word === "/bin/bash" || word === "/usr/bin/bash" ? "bash" : null;
}

/** What every image of a family ships (its package manager and shell), per the official images' Dockerfiles;
 *  on Debian and Ubuntu also the account tools of `passwd` (Priority: required, so in every image). Alpine's
 *  busybox has `adduser`/`addgroup` instead: `useradd` needs the `shadow` package. */
const FAMILY: Readonly<Record<BaseImageRow["family"], readonly string[]>> = {
  debian: ["sh", "bash", "apt-get", "apt", "dpkg", ...SHADOW_TOOLS],
  ubuntu: ["sh", "bash", "apt-get", "apt", "dpkg", ...SHADOW_TOOLS],
  alpine: ["sh", "apk", "wget"],
  wolfi: ["sh", "apk"],
};

/** python:X (not slim) is built FROM buildpack-deps:<suite>, which installs git, curl, wget, gcc and make
 *  (docker-library/buildpack-deps Dockerfiles: the curl, scm and full layers). */
const BUILDPACK_DEPS = ["gcc", "cc", "g++", "make", "git", "curl", "wget"];

/**
 * True when the image, as FROM names it, has no shell at all, so a shell-form RUN cannot start: scratch,
 * Google's distroless images other than the `:debug` tags (which add busybox), and Chainguard's images
 * other than the `-dev` tags (github.com/GoogleContainerTools/distroless: "no shell"; edu.chainguard.dev:
 * the standard images have no shell, the -dev variants add one).
 */
export function imageHasNoShell(image: string): boolean {
  if (image === "scratch") return true;
  const [name = "", tag = ""] = image.split("@")[0]?.split(/:(?=[^/]*$)/) ?? [];
  if (/^gcr\.io\/distroless\//.test(name)) return !tag.includes("debug");
  if (/^cgr\.dev\/chainguard\//.test(name)) return !tag.includes("dev");
  return false;
}

/** Executables on PATH in `row`'s image (null: the image is not known, so nothing can be said missing). */
export function baseExecutables(row: BaseImageRow | null): string[] | null {
  if (row === null || row.variant === "distroless" || row.variant === "dev") return null;
  const found = [...FAMILY[row.family]];
  // The official python images install python3, pip and pip3 under /usr/local/bin, with a `python` link.
  if (row.python !== null) found.push("python", "python3", "pip", "pip3");
  if (row.variant === "full") found.push(...BUILDPACK_DEPS);
  else if (row.hasCompiler === true) found.push("gcc", "cc", "make");
  return found;
}

/** Executables a Debian or Alpine package installs (its binaries that `CHECKED` tracks, and its own name). */
export function executablesOfSystemPackage(name: string): string[] {
  if (/^(build-essential|build-base)$/.test(name)) return ["gcc", "cc", "g++", "make"];
  if (/^gcc(-\d+)?$/.test(name)) return ["gcc", "cc"];
  if (/^clang(-\d+)?$/.test(name)) return ["clang", "cc"];
  // python3-pip ships /usr/bin/pip3 and /usr/bin/pip (Debian since bookworm, Alpine's py3-pip likewise;
  // Alpine's py-pip is the older name that py3-pip provides, as Docker's own docs long wrote it).
  if (name === "python3-pip" || name === "py3-pip" || name === "py-pip" || name === "python-pip") return ["pip", "pip3", "python3", "python"];
  // Alpine's python3 links /usr/bin/python; Debian needs python-is-python3 for that. Both are counted so
  // that a `python` call is never reported missing on a guess.
  if (name === "python3") return ["python3", "python"];
  if (name === "python-is-python3") return ["python"];
  if (name === "shadow" || name === "passwd") return [name, ...SHADOW_TOOLS];
  if (name === "python3-poetry" || name === "poetry") return ["poetry", "python3", "python"];
  // Every python3-* / py3-* package depends on python3 (Debian and Alpine package metadata).
  if (/^python3-|^py3-/.test(name)) return [name, "python3", "python"];
  return [name];
}

/** Executables a Python package installs into its environment's bin (console scripts). */
export function executablesOfPythonPackage(name: string): string[] {
  if (name === "pip") return ["pip", "pip3"];
  return [name];
}
