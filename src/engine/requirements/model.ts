// requirements.txt as plain data (pip's format: PEP 508 lines plus pip options). Produced by
// parse-requirements.ts; include resolution (`-r`, `-c`) is in resolve-requirements.ts.
import type { Diagnostic } from "../diagnostics";
import type { TextEncodingName } from "../text/decode";

export type RequirementKind = "named" | "url" | "vcs" | "path";

export interface Requirement {
  /** PEP 503-normalised project name (`Flask_SQLAlchemy` → `flask-sqlalchemy`); null when a path or URL
   *  names no project (no `#egg=` and no `name @`). */
  readonly name: string | null;
  /** The name as written. */
  readonly rawName: string | null;
  /** Normalised extras, e.g. `["security"]` for `requests[security]`. */
  readonly extras: readonly string[];
  /** The PEP 440 specifier set as written without spaces, e.g. `>=2.0,<3`; "" when none. */
  readonly specifier: string;
  /** The version when the specifier pins exactly one (`==1.2.3`, `===1.2.3`); else null. */
  readonly pinnedVersion: string | null;
  /** The environment marker text after `;`, or null. */
  readonly marker: string | null;
  /** The marker evaluated for the target (Linux, CPython of the stage); null when it cannot be decided. */
  readonly markerApplies: boolean | null;
  readonly kind: RequirementKind;
  /** For url/vcs/path requirements. */
  readonly url: string | null;
  readonly editable: boolean;
  /** `--hash=sha256:…` values on the line. */
  readonly hashes: readonly string[];
  /** Path of the file this line came from (as given to the parser). */
  readonly file: string;
  /** 1-based line and column of the requirement's first character. */
  readonly line: number;
  readonly column: number;
  /** Offsets in the file's decoded text covering the logical line (continuations included). */
  readonly start: number;
  readonly end: number;
}

export interface RequirementsInclude {
  readonly kind: "requirement" | "constraint";
  /** The path as written after `-r`/`-c`. */
  readonly path: string;
  readonly line: number;
  readonly column: number;
}

export interface RequirementsOptions {
  readonly indexUrl: string | null;
  /** `--no-index`: pip looks at no package index (only `--find-links`). */
  readonly noIndex: boolean;
  readonly extraIndexUrls: readonly string[];
  readonly findLinks: readonly string[];
  readonly noBinary: readonly string[];
  readonly onlyBinary: readonly string[];
  readonly preferBinary: boolean;
  readonly requireHashes: boolean;
  readonly pre: boolean;
  readonly trustedHosts: readonly string[];
}

export interface RequirementsFile {
  readonly path: string;
  /** Decoded text (BOM removed); offsets and positions refer to it. */
  readonly text: string;
  readonly encoding: TextEncodingName;
  readonly hadBom: boolean;
  /** Requirement lines of this file only, in order. */
  readonly requirements: readonly Requirement[];
  readonly includes: readonly RequirementsInclude[];
  readonly options: RequirementsOptions;
  readonly diagnostics: readonly Diagnostic[];
}

/** The target a marker is evaluated for. */
export interface MarkerEnvironment {
  /** e.g. "3.12". */
  readonly pythonVersion: string;
  /** e.g. "3.12.14"; "3.12.0" when only the minor is known (then `patchKnown` is false). */
  readonly pythonFullVersion: string;
  /** False when only X.Y is known: a python_full_version comparison that the patch release would decide
   *  (`>= '3.7.1'` on 3.7) is undecidable, not decided for X.Y.0. Absent means known. */
  readonly patchKnown?: boolean;
  readonly sysPlatform: "linux";
  readonly platformSystem: "Linux";
  readonly osName: "posix";
  readonly platformMachine: string;
  readonly implementationName: "cpython";
  readonly platformPythonImplementation: "CPython";
}

export interface ResolvedRequirements {
  /** The file resolution started from. */
  readonly entry: string;
  /** Every file visited, entry first, each once. */
  readonly files: readonly RequirementsFile[];
  /** Requirements of the entry and of its `-r` includes, in order; lines whose marker is false are dropped. */
  readonly requirements: readonly Requirement[];
  /** Lines of `-c` files: they bound versions but install nothing. */
  readonly constraints: readonly Requirement[];
  /** Options of every visited file merged in visiting order, as pip applies them to the whole install
   *  (`--index-url`: the last one wins; lists are concatenated; flags are or-ed). */
  readonly options: RequirementsOptions;
  readonly diagnostics: readonly Diagnostic[];
}
