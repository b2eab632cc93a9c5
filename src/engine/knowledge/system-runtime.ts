// System libraries a Python package loads at run time that the image itself must provide: a wheel that
// links one without bundling it (auditwheel leaves it out), or a source build that links what the compiler
// brought into the builder. Debian's python slim images and the Alpine ones have neither; the full images
// have them (buildpack-deps installs gcc, and libgomp1 with it).

export interface SystemRuntimeNeed {
  readonly debian: readonly string[];
  readonly alpine: readonly string[];
  /** Why, in a sentence a finding can quote. */
  readonly why: string;
}

/** Installed from its wheel. */
const WHEEL: Readonly<Record<string, SystemRuntimeNeed>> = {
  lightgbm: {
    debian: ["libgomp1"], alpine: ["libgomp"],
    why: "its manylinux wheel links the OpenMP runtime (libgomp.so.1) without bundling it (LightGBM's installation guide installs libgomp1; microsoft/LightGBM#7141 shows the wheel's external libgomp)",
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
