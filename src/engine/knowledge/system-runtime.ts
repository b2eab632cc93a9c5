// System libraries a Python package loads at run time that the image itself must provide: a wheel that
// links one without bundling it (auditwheel leaves it out), or a source build that links what the compiler
// brought into the builder. Debian's python slim images and the Alpine ones have none of them; the full
// images have most (buildpack-deps installs gcc, libgomp1 with it, and GLib), but not libGL.
import { debianPackage, type DebianRelease } from "./debian-tables";

export interface SystemRuntimeNeed {
  /** Debian's names as bookworm has them; a release that renamed one (trixie's t64 libraries) provides the
   *  old name as a virtual package: `debianRuntimeName` gives the release's own. */
  readonly debian: readonly string[];
  readonly alpine: readonly string[];
  /** Why, in a sentence a finding can quote. */
  readonly why: string;
}

/** Installed from its wheel: one that links a library without bundling it, or a pure one that loads it
 *  with ctypes or cffi at import. */
const WHEEL: Readonly<Record<string, SystemRuntimeNeed>> = {
  // Pure Python over ctypes / cffi: the wheel holds no library at all.
  "python-magic": {
    debian: ["libmagic1"], alpine: ["libmagic"],
    why: "it loads libmagic with ctypes at import (python-magic's README: \"apt-get install libmagic1\"; without it, ImportError: failed to find libmagic)",
  },
  cairocffi: {
    debian: ["libcairo2"], alpine: ["cairo"],
    why: "it opens cairo's library with cffi at import (cairocffi's docs: \"cairocffi needs cairo installed\"; without it, OSError: no library called \"cairo-2\" was found), cairosvg's too",
  },
  weasyprint: {
    debian: ["libpango-1.0-0", "libpangoft2-1.0-0"], alpine: ["pango"],
    why: "it opens Pango with cffi at import (WeasyPrint's installation docs: libpango-1.0-0 and libpangoft2-1.0-0 on Debian, pango on Alpine; without them, OSError: cannot load library 'pango-1.0-0')",
  },
  lightgbm: {
    debian: ["libgomp1"], alpine: ["libgomp"],
    why: "its manylinux wheel links the OpenMP runtime (libgomp.so.1) without bundling it (LightGBM's installation guide installs libgomp1; microsoft/LightGBM#7141 shows the wheel's external libgomp)",
  },
  // The -headless builds leave both out (size/opencv-headless). No musllinux wheel: on Alpine it compiles.
  "opencv-python": {
    debian: ["libgl1", "libglib2.0-0"], alpine: [],
    why: "its manylinux wheel links libGL.so.1 and GLib (libgthread-2.0.so.0), which manylinux leaves to the system (opencv/opencv-python#203: \"Libglib is excluded from the wheel bundles so you have to install it yourself\"; the README's FAQ names libGL)",
  },
  "opencv-contrib-python": {
    debian: ["libgl1", "libglib2.0-0"], alpine: [],
    why: "its manylinux wheel links libGL.so.1 and GLib (libgthread-2.0.so.0), which manylinux leaves to the system (opencv/opencv-python#203; the README's FAQ names libGL)",
  },
};

/** Built from source. */
const SOURCE: Readonly<Record<string, SystemRuntimeNeed>> = {
  "llama-cpp-python": {
    debian: ["libgomp1"], alpine: ["libgomp"],
    why: "llama.cpp is built with OpenMP, so its library links libgomp.so.1, which came with gcc (abetlen/llama-cpp-python#1507: \"Failed to load shared library … libgomp.so.1\")",
  },
};

/** What `name` (PEP 503) needs from the image when installed from its wheel, or null. */
export function wheelSystemNeeds(name: string): SystemRuntimeNeed | null {
  return WHEEL[name] ?? null;
}

/** What `name` needs from the image after a source build, where its package-table row names nothing. */
export function sourceBuildSystemNeeds(name: string): SystemRuntimeNeed | null {
  return SOURCE[name] ?? null;
}

/** The package that `apt-get install name` installs on `release` (its provider where trixie renamed a
 *  library: libglib2.0-0 → libglib2.0-0t64), or `name` where the release's table is not loaded. */
export function debianRuntimeName(name: string, release: DebianRelease | null): string {
  return release === null ? name : (debianPackage(name, release)?.name ?? name);
}
