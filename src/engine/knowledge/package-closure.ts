// The dependency closure of a requirement set over the wheel table: each package once, at the version
// findPackage chooses, with every dependency's PEP 508 marker evaluated for the stage (CPython version,
// Linux, the architecture) and requested extras followed (`pkg[extra]` pulls the extra's own list). A
// dependency's third field is the extras asked *of the dependency* (`uvicorn[standard]`, as uv.lock's
// `{ name = "uvicorn", extra = ["standard"] }` and poetry.lock's `extras = […]` write it): the data's README
// calls it the parent's extra, but 768 of the 782 in the data name no extra of the parent, and the other 14
// are fastapi-cli's `uvicorn[standard]`, a plain dependency. Cycles end because a package is expanded once per extra;
// names the table lacks are listed, never thrown on.
import { evaluateMarkerText, markerEnvironment } from "../requirements/markers";
import type { MarkerEnvironment } from "../requirements/model";
import { findPackage, type PackageFacts } from "./find-package";
import { normalizePackageName } from "./python-packages";
import { pythonTable, type TableVersion } from "./python-table";
import type { Platform } from "./wheel-tags";

export interface ClosureRequest {
  readonly name: string;
  /** PEP 440 specifier as written (`>=2,<3`), or null. */
  readonly specifier: string | null;
  readonly extras: readonly string[];
  /** PEP 508 marker text, or null. */
  readonly marker: string | null;
}

export interface PackageClosure {
  /** Packages the set installs, each once: requested ones first, then dependencies breadth-first. */
  readonly packages: readonly PackageFacts[];
  /** Normalised names the table does not hold (their dependencies are unknown too), first-seen order. */
  readonly unknown: readonly string[];
}

/** Whether a marker applies on the stage. Undecidable markers apply, except ones about extras (the
 *  extra field of the data already says which extra pulls a dependency in). */
function applies(marker: string | null, env: MarkerEnvironment): boolean {
  if (marker === null || marker.trim() === "") return true;
  const key = `${env.pythonFullVersion}|${env.platformMachine}|${marker}`;
  let answer = markerMemo.get(key);
  if (answer === undefined) {
    answer = evaluateMarkerText(marker, env).result ?? !/\bextra\b/.test(marker);
    // The data holds a few thousand distinct markers; the bound only guards against pathological input.
    if (markerMemo.size > 50_000) markerMemo.clear();
    markerMemo.set(key, answer);
  }
  return answer;
}

const markerMemo = new Map<string, boolean>();

export function platformMarkers(platform: Platform): MarkerEnvironment {
  return markerEnvironment(platform.python, platform.arch);
}

const NOTHING: ReadonlySet<string> = new Set();
const NO_CONSTRAINTS: ReadonlyMap<string, string> = new Map();

/**
 * A request's specifier narrowed by a constraint (pip's `-c`: it bounds the version of a package wherever the
 * resolution reaches it, and installs nothing). Both hold; the one naming an exact version comes first, since
 * a version the table lacks is looked for near the first version the specifier names (find-package.ts).
 */
export function constrained(specifier: string | null, constraint: string | undefined): string | null {
  if (constraint === undefined || constraint === "") return specifier;
  if (specifier === null || specifier === "" || specifier === constraint) return constraint;
  return specifier.includes("==") && !constraint.includes("==") ? `${specifier},${constraint}` : `${constraint},${specifier}`;
}

/** Resolve `requests` transitively for `platform`. Deterministic for a given input order. `satisfied` names
 *  packages already installed in the target (normalised): pip keeps such a package, and what it required
 *  came with it, so it is listed but its dependencies are not followed (torch installed from the CPU index
 *  before `pip install sentence-transformers` brings no CUDA wheels). `constraints` (normalised name →
 *  specifier, from `-c` files) narrow the version of every package they name, requested or reached. */
export function resolvePackageClosure(requests: readonly ClosureRequest[], platform: Platform, satisfied: ReadonlySet<string> = NOTHING, constraints: ReadonlyMap<string, string> = NO_CONSTRAINTS): PackageClosure {
  const env = platformMarkers(platform);
  const facts = new Map<string, PackageFacts | null>();
  const expanded = new Map<string, Set<string>>();
  const order: string[] = [];
  const unknown: string[] = [];
  const queue: ClosureRequest[] = requests.filter((r) => applies(r.marker, env));
  for (let i = 0; i < queue.length; i++) {
    const request = queue[i];
    if (request === undefined) continue;
    const name = normalizePackageName(request.name);
    if (name === "") continue;
    if (!facts.has(name)) {
      const found = findPackage(name, constrained(request.specifier, constraints.get(name)), platform);
      facts.set(name, found);
      if (found === null) unknown.push(name);
      else order.push(name);
    }
    const found = facts.get(name);
    if (found == null || satisfied.has(name)) continue;
    const done = expanded.get(name) ?? new Set<string>();
    expanded.set(name, done);
    // "" stands for the package's own dependencies; each extra is expanded once, however it is reached.
    for (const extra of ["", ...request.extras.map(normalizePackageName)]) {
      if (done.has(extra)) continue;
      done.add(extra);
      const wanted = extra === "" ? null : extra;
      // The lock files behind the table record an extra only where a project asked for it: a version
      // without it (transformers 5.15.0 without [torch]) takes the extra of the newest version that has it,
      // rather than dropping what the extra brings (torch, accelerate: gigabytes).
      const version = wanted === null || declaresExtra(found.version, wanted) ? found.version : (extraStandIn(name, wanted) ?? found.version);
      if (wanted === null) {
        for (const [dep, marker, depExtra] of version.deps) {
          if (applies(marker, env) || forkArtefact(name, dep, depExtra) || forkComplement(marker)) queue.push(withExtras(dependency(dep), depExtra));
        }
      }
      if (wanted !== null) {
        for (const [dep, marker] of version.extras[wanted] ?? []) {
          if (applies(marker, env)) queue.push(dependency(dep));
        }
      }
    }
  }
  return { packages: order.map((n) => facts.get(n)).filter((f): f is PackageFacts => f != null), unknown };
}

function declaresExtra(version: TableVersion, extra: string): boolean {
  return (version.extras[extra]?.length ?? 0) > 0;
}

/** A dependency with the extras the data asks of it (`standard`, or `a,b`) added to any in its name. */
function withExtras(request: ClosureRequest, depExtras: string | null): ClosureRequest {
  if (depExtras === null) return request;
  const extras = depExtras.split(",").map((e) => e.trim()).filter((e) => e !== "" && !request.extras.includes(e));
  return extras.length === 0 ? request : { ...request, extras: [...request.extras, ...extras] };
}

/** The newest version of `project` whose data declares `extra`, or null. */
function extraStandIn(project: string, extra: string): TableVersion | null {
  return (pythonTable()?.versions(project) ?? []).find((ver) => declaresExtra(ver, extra)) ?? null;
}

/**
 * True for a marker that only excludes one Python minor (`python_full_version != '3.12.*' or
 * platform_machine != 'x86_64' or sys_platform != 'linux'`): the other half of a uv resolution fork, split
 * off for that minor and platform at another version of the dependency, which the data did not keep.
 * openai-whisper lists torch and triton so: read literally, neither is installed on CPython 3.12 x86_64
 * Linux, the one platform where both are (the review of real Dockerfiles, session 12). A dependency no
 * project declares that way for itself: it applies.
 */
function forkComplement(marker: string | null): boolean {
  return marker !== null && /python_full_version\s*!=\s*'\d+\.\d+\.\*'/.test(marker);
}

const forkMemo = new Map<string, boolean>();

/**
 * True when a dependency whose marker excludes the stage is required unconditionally by another version of
 * the same project. The harvested uv.lock files list a dependency once per resolution fork (numpy for
 * `sys_platform == 'darwin'` and again for everything else, at another version); the data kept one entry
 * per name, so scipy 1.18.0 says "numpy; sys_platform == 'darwin'". A marker that is only half of a fork
 * must not drop a hard dependency: where any other version declares it with no marker, it is one. Real
 * platform-only dependencies (colorama on win32, appnope on darwin) carry their marker in every version.
 */
function forkArtefact(project: string, depText: string, depExtra: string | null): boolean {
  const depName = normalizePackageName(dependency(depText).name);
  const key = `${project}|${depName}|${depExtra ?? ""}`;
  let answer = forkMemo.get(key);
  if (answer === undefined) {
    answer = (pythonTable()?.versions(project) ?? []).some((ver) => ver.deps.some(([d, marker, extra]) => marker === null && extra === depExtra && normalizePackageName(dependency(d).name) === depName));
    if (forkMemo.size > 50_000) forkMemo.clear();
    forkMemo.set(key, answer);
  }
  return answer;
}

/** A dependency as the data names it: `name` or `name[extra,…]`, with `==version` where the generator found
 *  the exact pin the project's metadata has (scripts/python-wheels-table.ts `exactPins`); otherwise no
 *  version, as the harvested rows have none. */
function dependency(text: string): ClosureRequest {
  const match = /^([^[\s=]+)(?:\[([^\]]*)\])?(?:==(\S+))?$/.exec(text.trim());
  const extras = (match?.[2] ?? "").split(",").map((e) => e.trim()).filter((e) => e !== "");
  const pin = match?.[3];
  return { name: match?.[1] ?? text, specifier: pin === undefined ? null : `==${pin}`, extras, marker: null };
}
