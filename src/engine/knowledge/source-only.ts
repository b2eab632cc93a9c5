// Projects PyPI has only as an sdist of C or C++ code: no Linux wheel of any version, so pip compiles them
// on every image. The wheel data cannot tell this (an sdist-only version may as well be pure Python, as
// docopt 0.6.2 is), and a project missing from it is weighed as a small pure package: without this list,
// full → slim dropped the compiler uWSGI's build needs (the review of real Dockerfiles, session 12).
// Each entry says what the sdist builds, from the project's own install docs.
interface SourceOnly {
  readonly why: string;
  /** What its build needs beyond a C/C++ toolchain (build-essential / build-base), by family. */
  readonly alpine: readonly string[];
}

const SOURCE_ONLY: Readonly<Record<string, SourceOnly>> = {
  // uWSGI's build includes the kernel's headers (linux/limits.h …), which Alpine's build-base lacks.
  uwsgi: { why: "uWSGI publishes only an sdist; pip builds its C server (uWSGI docs: install a C compiler and the Python headers first)", alpine: ["linux-headers"] },
  annoy: { why: "annoy publishes only an sdist of a C++ extension", alpine: [] },
  pycrypto: { why: "pycrypto (unmaintained since 2013) publishes only an sdist of C extensions", alpine: [] },
  hnswlib: { why: "hnswlib publishes only an sdist of a C++ extension (built with pybind11)", alpine: [] },
};

/** Why `name` (PEP 503) always compiles from its sdist, or null. */
export function sourceOnlyCompiled(name: string): string | null {
  return SOURCE_ONLY[name]?.why ?? null;
}

/** The apk packages `name`'s build needs on Alpine beside build-base, or null when it is not listed. */
export function sourceOnlyAlpineNeeds(name: string): readonly string[] | null {
  const entry = SOURCE_ONLY[name];
  return entry === undefined ? null : ["build-base", ...entry.alpine];
}
