// Evaluating PEP 508 environment markers for the image being built: Linux, CPython, one Python version.
// Logic is three-valued (Kleene): a comparison we cannot decide (`extra == "x"`, `platform_release`, an
// unknown variable) is null, and `and`/`or` still decide when the other side settles it, so
// `python_version < "3.10" and extra == "x"` is false on 3.12. Comparisons follow `packaging`: when
// `op + right` is a valid PEP 440 specifier the left side is tested against it as a version (pre-releases
// allowed), otherwise the two strings are compared.
import { explain } from "@renovatebot/pep440";
import { LruCache } from "../cache/lru";
import { isValidRange, isValidVersion, satisfiesWithPrereleases } from "../cache/pep440";
import type { MarkerEnvironment } from "./model";
import { parseMarker } from "./marker-parser";
import type { MarkerNode, MarkerOperator, MarkerProblem, MarkerValue, MarkerVariable } from "./marker-parser";

/** The result of a marker: applies, does not apply, or cannot be decided for this target. */
export type MarkerResult = boolean | null;

/** Target of a `python:X.Y` image on Linux x86_64 (or `platformMachine`), e.g. "3.12" → full "3.12.0". */
export function markerEnvironment(pythonVersion: string, platformMachine = "x86_64"): MarkerEnvironment {
  const trimmed = pythonVersion.trim();
  const parsed = explain(trimmed);
  let short = trimmed;
  let full = trimmed;
  if (parsed !== null) {
    const [major = 0, minor = 0, micro = 0] = parsed.release;
    short = `${major}.${minor}`;
    // When only X.Y is known, X.Y.0 stands for it and comparisons the patch decides are undecidable
    // (an official python:3.7 image is 3.7.16, not 3.7.0); a pre-release suffix (3.13.0rc1) is kept.
    full = parsed.release.length >= 3 ? trimmed : `${major}.${minor}.${micro}`;
  }
  return {
    pythonVersion: short,
    pythonFullVersion: full,
    patchKnown: parsed === null || parsed.release.length >= 3,
    sysPlatform: "linux",
    platformSystem: "Linux",
    osName: "posix",
    platformMachine,
    implementationName: "cpython",
    platformPythonImplementation: "CPython",
  };
}

/** Evaluate a parsed marker. Without `env`, only the platform (Linux, CPython) is known. */
export function evaluateMarker(marker: MarkerNode, env: MarkerEnvironment | undefined): MarkerResult {
  switch (marker.kind) {
    case "and": {
      const left = evaluateMarker(marker.left, env);
      if (left === false) return false;
      const right = evaluateMarker(marker.right, env);
      if (right === false) return false;
      return left === true && right === true ? true : null;
    }
    case "or": {
      const left = evaluateMarker(marker.left, env);
      if (left === true) return true;
      const right = evaluateMarker(marker.right, env);
      if (right === true) return true;
      return left === false && right === false ? false : null;
    }
    case "compare":
      return compare(marker.left, marker.op, marker.right, env);
  }
}

export interface MarkerEvaluation {
  readonly result: MarkerResult;
  /** Syntax errors and unknown variables, with offsets into the marker text. */
  readonly problems: readonly MarkerProblem[];
}

// Evaluations by (environment, marker text) (issue 13): a plan resolves the same requirements at every
// step, and a package closure meets the same dependency markers for every stage. Bounds: a corpus plan
// meets a few hundred distinct markers; 4,096 entries and 512 Ki key characters (a marker is rarely over
// 100 characters) keep a session's worth without letting pathological texts grow the worker.
const evaluations = new LruCache<MarkerEvaluation>({ maxEntries: 4096, maxKeyChars: 512 * 1024 });
const environmentKeys = new WeakMap<MarkerEnvironment, string>();

/** Every field of `env` (or "-" without one), in a fixed order: equal keys are equal environments. */
function environmentKey(env: MarkerEnvironment | undefined): string {
  if (env === undefined) return "-";
  let key = environmentKeys.get(env);
  if (key === undefined) {
    key = ["+", env.pythonVersion, env.pythonFullVersion, String(env.patchKnown !== false), env.sysPlatform, env.platformSystem, env.osName, env.platformMachine, env.implementationName, env.platformPythonImplementation].join("\u0001");
    environmentKeys.set(env, key);
  }
  return key;
}

/** Parse and evaluate marker text in one step; a marker that does not parse is undecidable. The answer is
 *  shared between calls with the same text and environment (it is read-only data). */
export function evaluateMarkerText(text: string, env: MarkerEnvironment | undefined): MarkerEvaluation {
  return evaluations.getOrCompute(`${environmentKey(env)}\u0000${text}`, () => evaluateMarkerTextUncached(text, env));
}

function evaluateMarkerTextUncached(text: string, env: MarkerEnvironment | undefined): MarkerEvaluation {
  const parsed = parseMarker(text);
  try {
    return { result: parsed.marker === null ? null : evaluateMarker(parsed.marker, env), problems: parsed.problems };
  } catch {
    // Only a pathologically deep tree could get here (stack exhaustion); undecidable, not a crash.
    return { result: null, problems: parsed.problems };
  }
}

/** Variables whose values are versions: a non-version value makes their comparisons undecidable. */
const VERSION_VARIABLES: ReadonlySet<MarkerVariable> = new Set([
  "python_version",
  "python_full_version",
  "implementation_version",
]);

function lookup(value: MarkerValue, env: MarkerEnvironment | undefined): string | null {
  if (value.kind === "string") return value.value;
  if (value.kind === "unknown-variable") return null;
  switch (value.name) {
    // The engine targets Linux CPython images, so these hold even when no Python version is given.
    case "os_name":
      return "posix";
    case "sys_platform":
      return "linux";
    case "platform_system":
      return "Linux";
    case "implementation_name":
      return "cpython";
    case "platform_python_implementation":
      return "CPython";
    case "python_version":
      return env?.pythonVersion ?? null;
    case "python_full_version":
    case "implementation_version":
      // CPython's implementation_version is its python_full_version.
      return env?.pythonFullVersion ?? null;
    case "platform_machine":
      return env?.platformMachine ?? null;
    // The kernel is the build host's, not the image's; extras and groups are not known for a file.
    case "platform_release":
    case "platform_version":
    case "extra":
    case "extras":
    case "dependency_groups":
      return null;
  }
}

function compare(
  leftValue: MarkerValue,
  op: MarkerOperator,
  rightValue: MarkerValue,
  env: MarkerEnvironment | undefined,
): MarkerResult {
  // Only X.Y known: decided where the first and a late patch release agree (`>= '3.8.1'` on 3.7 is false
  // for every 3.7.z), undecidable where they do not (`>= '3.7.1'` on 3.7).
  if (env !== undefined && env.patchKnown === false && (isFullVersionVariable(leftValue) || isFullVersionVariable(rightValue))) {
    const first = compareIn(leftValue, op, rightValue, env);
    const late = compareIn(leftValue, op, rightValue, { ...env, pythonFullVersion: `${env.pythonVersion}.999` });
    return first === late ? first : null;
  }
  return compareIn(leftValue, op, rightValue, env);
}

function isFullVersionVariable(value: MarkerValue): boolean {
  return value.kind === "variable" && (value.name === "python_full_version" || value.name === "implementation_version");
}

function compareIn(
  leftValue: MarkerValue,
  op: MarkerOperator,
  rightValue: MarkerValue,
  env: MarkerEnvironment | undefined,
): MarkerResult {
  const left = lookup(leftValue, env);
  const right = lookup(rightValue, env);
  if (left === null || right === null) return null;
  if (op === "in") return right.includes(left);
  if (op === "not in") return !right.includes(left);
  const versionSide = isVersionVariable(leftValue) || isVersionVariable(rightValue);
  const specifier = `${op}${right}`;
  // A comma would turn one clause into a specifier set; `packaging` would reject it as a specifier.
  if (!right.includes(",") && right.trim() === right && isValidRange(specifier)) {
    if (!isValidVersion(left)) return versionSide ? null : stringCompare(left, op, right);
    // null where the library throws: undecidable.
    return satisfiesWithPrereleases(left, specifier);
  }
  if (versionSide && !isValidVersion(isVersionVariable(leftValue) ? left : right)) return null;
  return stringCompare(left, op, right);
}

function isVersionVariable(value: MarkerValue): boolean {
  return value.kind === "variable" && VERSION_VARIABLES.has(value.name);
}

function stringCompare(left: string, op: MarkerOperator, right: string): MarkerResult {
  switch (op) {
    case "==":
      return left === right;
    case "!=":
      return left !== right;
    case "<":
      return left < right;
    case "<=":
      return left <= right;
    case ">":
      return left > right;
    case ">=":
      return left >= right;
    case "===":
      return left.toLowerCase() === right.toLowerCase();
    // `~=` between strings has no meaning; `packaging` raises UndefinedComparison.
    default:
      return null;
  }
}
