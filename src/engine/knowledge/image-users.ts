// The user an image leaves in force when its own Dockerfile ends with a USER other than root: a RUN, a
// cache and a home directory in a stage built on it are that user's until the Dockerfile says `USER root`.

/** The non-root user `image` (as FROM names it) runs as, or null when it runs as root or is not known.
 *  Chainguard's images, the standard and `-dev` ones alike, and distroless's `:nonroot` tags run as nonroot
 *  (UID 65532; edu.chainguard.dev, GoogleContainerTools/distroless); Bitnami's as 1001; the Jupyter Docker
 *  Stacks' notebooks as jovyan (jupyter-docker-stacks.readthedocs.io); micromamba's as mambauser
 *  (micromamba-docker.readthedocs.io). */
export function imageDefaultUser(image: string): string | null {
  if (/^cgr\.dev\/|(^|\/)chainguard\//.test(image)) return "nonroot";
  if (/distroless\/[^:@]*:(debug-)?nonroot/.test(image)) return "nonroot";
  if (/(^|\/)bitnami\//.test(image)) return "1001";
  if (/(^|\/)jupyter\/[a-z-]+-notebook/.test(image)) return "jovyan";
  if (/(^|\/)mambaorg\/micromamba/.test(image)) return "mambauser";
  return null;
}
