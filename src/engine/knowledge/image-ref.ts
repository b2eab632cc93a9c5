// Image references as written after FROM (`python:3.12-slim`, `ghcr.io/astral-sh/uv:python3.12-bookworm-slim@sha256:…`),
// parsed per the Docker reference grammar (distribution/reference: domain, path components, tag, digest).
// Docker Hub spellings are normalised so table lookups see one form: `docker.io/library/python` → `python`.

export interface ImageRef {
  /** Registry host (with port), or null for Docker Hub. */
  readonly registry: string | null;
  /** Repository path without the registry; Docker Hub official images without `library/`. */
  readonly repository: string;
  readonly tag: string | null;
  /** `sha256:<hex>` when pinned by digest. */
  readonly digest: string | null;
}

// Grammar pieces of github.com/distribution/reference (regexp.go).
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN = /^(?:localhost|[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*)(?::\d+)?$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
/** Hosts that all mean Docker Hub. */
const DOCKER_HUB = new Set(["docker.io", "index.docker.io", "registry-1.docker.io"]);

/**
 * Parses an image reference; null when it is not one (empty, malformed, uppercase repository) or still
 * holds an unresolved `$VAR` (the caller substitutes ARGs first; an unresolved one cannot be weighed).
 */
export function parseImageRef(text: string): ImageRef | null {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed.includes("$") || /\s/.test(trimmed)) return null;

  const [name, digest, ...extra] = trimmed.split("@");
  if (name === undefined || extra.length > 0) return null;
  if (digest !== undefined && !DIGEST.test(digest)) return null;

  // The tag is after the last ':' that follows the last '/', so `localhost:5000/x` keeps its port.
  const lastSlash = name.lastIndexOf("/");
  const colon = name.indexOf(":", lastSlash + 1);
  const path = colon === -1 ? name : name.slice(0, colon);
  const tag = colon === -1 ? null : name.slice(colon + 1);
  if (tag !== null && !TAG.test(tag)) return null;

  // A first component is a registry when it looks like a host (as the Docker CLI decides).
  const firstSlash = path.indexOf("/");
  const first = firstSlash === -1 ? null : path.slice(0, firstSlash);
  const isHost = first !== null && (first.includes(".") || first.includes(":") || first === "localhost" || first !== first.toLowerCase());
  let registry = isHost ? first : null;
  let repository = isHost ? path.slice(firstSlash + 1) : path;
  if (registry !== null && !DOMAIN.test(registry)) return null;
  if (repository === "" || !repository.split("/").every((c) => PATH_COMPONENT.test(c))) return null;

  if (registry !== null && DOCKER_HUB.has(registry.toLowerCase())) registry = null;
  if (registry === null && repository.startsWith("library/") && repository.split("/").length === 2) {
    repository = repository.slice("library/".length);
  }
  return { registry, repository, tag, digest: digest ?? null };
}

/** The canonical text of a reference (Docker Hub without registry or `library/`). */
export function formatImageRef(ref: ImageRef): string {
  const registry = ref.registry === null ? "" : `${ref.registry}/`;
  const tag = ref.tag === null ? "" : `:${ref.tag}`;
  const digest = ref.digest === null ? "" : `@${ref.digest}`;
  return `${registry}${ref.repository}${tag}${digest}`;
}

/** Ubuntu's LTS releases by version, as image tags write them (`ubuntu22.04`). */
const UBUNTU_VERSIONS: Readonly<Record<string, string>> = { "16.04": "xenial", "18.04": "bionic", "20.04": "focal", "22.04": "jammy", "24.04": "noble" };
const UBUNTU_CODENAMES = new Set(Object.values(UBUNTU_VERSIONS));
const DEBIAN_CODENAMES = new Set(["buster", "bullseye", "bookworm", "trixie"]);

/**
 * The distribution an image's tag names, for an image the base tables do not have: the convention of
 * images built on Debian or Ubuntu (`nvidia/cuda:12.4.1-runtime-ubuntu22.04`, `node:20-bookworm-slim`,
 * `buildpack-deps:jammy`). Null when no dash-separated part of the tag is a release's codename or
 * `ubuntuNN.NN`.
 */
/** Whether `distro` (`alpine3.20`, as the base tables and tags name it) is Alpine `major.minor` or later;
 *  null when it names no Alpine release. */
export function alpineAtLeast(distro: string | null, major: number, minor: number): boolean | null {
  const version = /^alpine(\d+)\.(\d+)/.exec(distro ?? "");
  if (version === null) return null;
  const [have, haveMinor] = [Number(version[1]), Number(version[2])];
  return have > major || (have === major && haveMinor >= minor);
}

export function distroOfTag(tag: string | null): { readonly family: "debian" | "ubuntu"; readonly distro: string } | null {
  for (const part of (tag ?? "").toLowerCase().split(/[-_]/)) {
    const version = /^ubuntu(\d\d\.\d\d)$/.exec(part)?.[1];
    const ubuntu = version === undefined ? (UBUNTU_CODENAMES.has(part) ? part : undefined) : UBUNTU_VERSIONS[version];
    if (ubuntu !== undefined) return { family: "ubuntu", distro: ubuntu };
    if (DEBIAN_CODENAMES.has(part)) return { family: "debian", distro: part };
  }
  return null;
}
