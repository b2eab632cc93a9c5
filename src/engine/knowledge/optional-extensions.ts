// Projects whose C extension is optional when pip builds them from the sdist: their setup.py catches a
// failed compile (no compiler, no headers) and installs the pure-Python version, so a stage without a
// compiler still builds. Read from each project's setup.py (the message it prints is quoted), at the
// versions the wheel table holds; an sdist build of anything else needs the compiler.
const OPTIONAL: Readonly<Record<string, string>> = {
  wrapt: "setup.py: BuildExtFailed, \"The C extension could not be compiled, speedups are not enabled\"",
  markupsafe: "setup.py: BuildFailed, \"The C extension could not be compiled, speedups are not enabled\"",
  simplejson: "setup.py: BuildFailed, \"The C extension could not be compiled, speedups are not enabled\"",
  sqlalchemy: "setup.py: BuildFailed, \"The C extension could not be compiled, speedups are not enabled\" (unless REQUIRE_SQLALCHEMY_CEXT)",
  pyyaml: "setup.py: without libyaml or a compiler it builds the pure-Python yaml package (\"Error compiling module, falling back to pure Python\")",
  msgpack: "setup.py: \"Failed to compile extension modules. msgpack uses fallback pure python implementation\"",
  coverage: "setup.py: BuildFailed, \"Couldn't install with extension module, trying without it\"",
  tornado: "setup.py: the speedups Extension is optional=True",
  websockets: "setup.py: the speedups Extension is optional (required only for its own wheel builds)",
};

/** Why `name` (PEP 503) installs without a compiler from its sdist, or null when it needs one. */
export function optionalExtension(name: string): string | null {
  return OPTIONAL[name] ?? null;
}
