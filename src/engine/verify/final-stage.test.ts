// Which runtime libraries a source-built package needs in the final stage: the package table's buildNeeds,
// and the -dev packages' own runtime libraries from the per-release tables (or a stand-in lookup).
import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
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

describe("a runtime library removed with the build packages of a package compiled in the same stage", () => {
  const requirements = [{ path: "requirements.txt", content: "psycopg2==2.9.9\nflask==3.0.3\n" }];
  const check = (dockerfile: string) => analyze({ dockerfile, requirements, dockerignore: null }).buildCheck.filter((c) => c.code === "runtime-library-removed");
  const build = "pip install --no-cache-dir -r requirements.txt";
  it.each([
    { name: "apk del of the --virtual group takes libpq", run: `apk add --no-cache --virtual .build-deps gcc musl-dev postgresql-dev && ${build} && apk del .build-deps`, alpine: true, subjects: ["psycopg2:libpq"] },
    { name: "libpq installed on its own stays", run: `apk add --no-cache libpq && apk add --no-cache --virtual .build-deps gcc musl-dev postgresql-dev && ${build} && apk del .build-deps`, alpine: true, subjects: [] },
    // The canonical recipe: postgresql-libs (libecpg's provides) links libpq, so apk keeps it.
    { name: "postgresql-libs installed on its own keeps libpq", run: `apk add --no-cache postgresql-libs && apk add --no-cache --virtual .build-deps gcc musl-dev postgresql-dev && ${build} && apk --purge del .build-deps`, alpine: true, subjects: [] },
    { name: "a client package on its own keeps libpq", run: `apk add --no-cache postgresql16-client && apk add --no-cache --virtual .build-deps gcc musl-dev postgresql-dev && ${build} && apk del .build-deps`, alpine: true, subjects: [] },
    { name: "the header package kept: nothing removed", run: `apk add --no-cache gcc musl-dev postgresql-dev && ${build}`, alpine: true, subjects: [] },
    { name: "apt-get purge --auto-remove of libpq-dev takes libpq5", run: `apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && ${build} && apt-get purge -y --auto-remove gcc libpq-dev`, alpine: false, subjects: ["psycopg2:libpq5"] },
    { name: "purging only the compiler keeps it", run: `apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && ${build} && apt-get purge -y --auto-remove gcc`, alpine: false, subjects: [] },
    { name: "without --auto-remove apt leaves the dependencies", run: `apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && ${build} && apt-get purge -y gcc libpq-dev`, alpine: false, subjects: [] },
    { name: "a package still installed needs it (postgresql-client → libpq5)", run: `apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev postgresql-client && ${build} && apt-get purge -y --auto-remove gcc libpq-dev`, alpine: false, subjects: [] },
  ])("$name", ({ run, alpine, subjects }) => {
    const found = check(`FROM python:3.12-${alpine ? "alpine" : "slim"}\nCOPY requirements.txt .\nRUN ${run}\nCMD ["python", "app.py"]\n`);
    expect(found.map((c) => c.subject)).toEqual(subjects);
    for (const c of found) {
      expect(c.line).toBe(3);
      expect(c.message).toContain(alpine ? "apk add --no-cache libpq, outside the --virtual group" : "apt-get install libpq5");
    }
  });
});
