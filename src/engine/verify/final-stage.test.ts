// Which runtime libraries a source-built package needs in the final stage: the package table's buildNeeds,
// and the -dev packages' own runtime libraries from the per-release tables (or a stand-in lookup).
import { describe, expect, it } from "vitest";
import type { BuildNeeds } from "../knowledge/types";
import { runtimeLibrariesFor } from "./final-stage";
import type { RuntimeLibraries } from "./runtime-libraries";

const needs: BuildNeeds = { alpine: ["build-base", "cairo-dev"], debian: ["gcc", "libcairo2-dev"], alpineRuntime: ["cairo", "libgcc"], debianRuntime: ["libffi8", "libyaml-0-2 (if linked)"], rust: false, note: null };
/** A stand-in for the per-release tables' runtimeLibrariesOf (libcairo2-dev Depends: libcairo2, trixie). */
const trixie: RuntimeLibraries = (dev, release) => (release === "trixie" && dev === "libcairo2-dev" ? ["libcairo2"] : null);

describe("runtimeLibrariesFor", () => {
  it.each([
    { name: "glibc: the table's, minus what every python image has and annotated entries", libc: "glibc" as const, release: "trixie", lookup: () => null, libs: [] },
    // The real trixie table: libcairo2-dev Depends on libcairo2 and its two companion libraries.
    { name: "glibc with Debian's trixie table", libc: "glibc" as const, release: "trixie", lookup: undefined, libs: ["libcairo-gobject2", "libcairo-script-interpreter2", "libcairo2"] },
    { name: "glibc with the release tables: the -dev package's runtime library", libc: "glibc" as const, release: "trixie", lookup: trixie, libs: ["libcairo2"] },
    { name: "another release the stand-in does not know", libc: "glibc" as const, release: "bookworm", lookup: trixie, libs: [] },
    { name: "musl: the table's Alpine runtime", libc: "musl" as const, release: "alpine3.22", lookup: trixie, libs: ["cairo"] },
  ])("$name", ({ libc, release, lookup, libs }) => {
    expect(runtimeLibrariesFor(needs, libc, release, lookup)).toEqual(libs);
  });
});
