// BuildKit's automatic platform ARGs (docs.docker.com, "Automatic platform ARGs in the global scope"):
// TARGETPLATFORM, TARGETOS, TARGETARCH, TARGETVARIANT and their BUILD* twins, defined in the global scope
// (so `FROM target-$TARGETARCH` reads them) and inside a stage once it declares `ARG TARGETARCH`. The build
// is taken as native: the build platform is the target one, the one the estimate's arch setting names.
import type { Arch } from "../knowledge/wheel-tags";

const DOCKER_ARCH: Readonly<Record<Arch, string>> = { x86_64: "amd64", aarch64: "arm64" };

const byArch = new Map<Arch, ReadonlyMap<string, string>>();

/** The automatic platform ARGs for a build on and for linux/<arch> (one shared map per arch: read only). */
export function platformArgs(arch: Arch = "x86_64"): ReadonlyMap<string, string> {
  let args = byArch.get(arch);
  if (args === undefined) {
    const name = DOCKER_ARCH[arch];
    const values: [string, string][] = [];
    for (const side of ["TARGET", "BUILD"]) {
      values.push([`${side}PLATFORM`, `linux/${name}`], [`${side}OS`, "linux"], [`${side}ARCH`, name], [`${side}VARIANT`, ""]);
    }
    byArch.set(arch, (args = new Map(values)));
  }
  return args;
}
