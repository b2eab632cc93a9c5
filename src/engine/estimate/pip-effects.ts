// What a pip install does to the stage besides adding packages, for the build check's readers: which
// venv a bare `pip` runs from, the directory a --prefix/--target install makes, pip removing itself by a
// self-upgrade into a prefix, and a source build without a compiler (a build-check error).
import { substituteVariables } from "../dockerfile/variables";
import { alpineAtLeast, debianPackage, findPythonPackage, isInFullPythonImage, packageBuildNeeds, sourceOnlyCompiled, withLibcHeaders } from "../knowledge";
import type { ClosureRequest } from "../knowledge";
import type { PipInstall } from "../shell/command-info";
import { envTrue, type EstimateContext } from "./context";
import { stageDebianRelease } from "./debian-install";
import { resolvePath } from "./paths";
import type { RunScope } from "./python-install";
import type { PackageCost } from "./python-sizes";
import { homeOf, type StageState } from "./stage-state";

function expand(scope: RunScope, text: string): string {
  return substituteVariables(text, scope.vars).value;
}

/** The venv a bare `pip`/`python` resolves to through PATH, if a known venv's bin comes first. */
export function venvOnPath(stage: StageState, scope: RunScope): string | null {
  const virtualEnv = scope.vars.get("VIRTUAL_ENV");
  for (const venv of venvCandidates(scope.vars.get("PATH") ?? stage.env.get("PATH") ?? "")) {
    if (stage.venvs.has(venv) || virtualEnv === venv) return venv;
  }
  return null;
}

/** The PATH `venvCandidates` read last, and what it found. */
let lastPath: { readonly path: string; readonly candidates: readonly string[] } | undefined;

/**
 * The venvs a PATH may resolve `pip` to, in order, each once: the directory above each `bin` entry, up to
 * the first system bin (/usr/local/bin, /usr/bin; its own parent included), past which no venv is reached.
 * The last PATH's are kept: every pip install of a stage reads the same one, and a `bulk` file's
 * `ENV PATH="/opt/venv/bin:${PATH}"` repeated 600 times made it 600 entries long, split and rewritten at
 * each install (fuzz case 21556 of `--cases 100000 --seed 100`: ~30 MB of an estimate's allocation).
 */
export function venvCandidates(path: string): readonly string[] {
  if (lastPath?.path === path) return lastPath.candidates;
  const candidates = new Set<string>();
  // `path.split(":")`, each directory with a trailing `/bin` or `/bin/` cut (`/\/bin\/?$/`), sliced only
  // when it has one: a long PATH is mostly one directory again and again.
  for (let start = 0; start <= path.length;) {
    const colon = path.indexOf(":", start);
    const end = colon < 0 ? path.length : colon;
    const cut = path.endsWith("/bin", end) ? 4 : path.endsWith("/bin/", end) ? 5 : 0;
    if (cut > 0) candidates.add(path.slice(start, end - cut));
    if (isSystemBin(path, start, end)) break;
    start = end + 1;
  }
  lastPath = { path, candidates: [...candidates] };
  return lastPath.candidates;
}

/** Is `path.slice(start, end)` /usr/local/bin or /usr/bin? */
function isSystemBin(path: string, start: number, end: number): boolean {
  return (end - start === 14 && path.startsWith("/usr/local/bin", start)) || (end - start === 8 && path.startsWith("/usr/bin", start));
}

/** Releases whose python3 is marked externally managed (PEP 668: /usr/lib/python3.X/EXTERNALLY-MANAGED, in
 *  Debian from 12 bookworm, in Ubuntu from 23.04 lunar), by the codename the base tables give; Alpine's
 *  python3 from 3.19 on (`alpine3.19`, checked by number). */
const EXTERNALLY_MANAGED = new Set(["bookworm", "trixie", "forky", "sid", "lunar", "mantic", "noble", "oracular", "plucky", "questing"]);

/** The distribution release as a finding names it: `Ubuntu noble`, `Debian bookworm`, `Alpine 3.20`. */
function releaseLabel(stage: StageState): string {
  return stage.family === "ubuntu" ? `Ubuntu ${stage.distro ?? ""}` : stage.family === "alpine" ? `Alpine ${(stage.distro ?? "").replace(/^alpine/, "")}` : `Debian ${stage.distro ?? ""}`;
}

function externallyManaged(stage: StageState): boolean {
  if (stage.family === "alpine") return alpineAtLeast(stage.distro, 3, 19) === true;
  return (stage.family === "debian" || stage.family === "ubuntu") && EXTERNALLY_MANAGED.has(stage.distro ?? "");
}

/** The `toolConfig` key a command sets when it lifts PEP 668 for the stage: `pip config set
 *  global.break-system-packages true`, or removing the EXTERNALLY-MANAGED marker. */
export const BREAK_SYSTEM_PACKAGES = "pip:break-system-packages";

/** The `toolConfig` key a command sets when it gives pip another index or a links directory through pip's
 *  configuration (`pip config set global.extra-index-url …`, a pip.conf written or linked). */
export const PIP_INDEX_CONFIGURED = "pip:index-configured";

/** Where pip reads a configuration file (pip's docs, "Configuration"): site-wide, then the user's. */
function pipConfigPaths(stage: StageState): string[] {
  const home = homeOf(stage);
  return ["/etc/pip.conf", "/etc/xdg/pip/pip.conf", `${home}/.config/pip/pip.conf`, `${home}/.pip/pip.conf`];
}

/** `==2.3.1+cpu`, `===1.0+ubuntu2`: an exact pin of a PEP 440 local version. */
const LOCAL_VERSION_PIN = /^\s*===?\s*[^,;\s]*\+[A-Za-z0-9.]+\s*$/;

/**
 * A pin of a local version (`torch==2.3.1+cpu`, `python-apt==2.4.0+ubuntu2` from a `pip freeze` of an Ubuntu
 * desktop) where pip has only PyPI to look in: PyPI never hosts local versions (PEP 440: "local version
 * identifiers SHOULD NOT be used when publishing upstream projects to a public index server"; its upload
 * rejects them), and `==X+label` matches only that local version, so pip finds none and the build fails.
 * Not where the install names another index or a links directory (option, requirements file, PIP_* variable,
 * pip's configuration), nor where the stage is past what the model follows.
 */
export function checkLocalVersionPins(ctx: EstimateContext, stage: StageState, scope: RunScope, info: PipInstall, names: readonly ClosureRequest[], filesNameIndex: () => boolean): void {
  if (info.installer !== "pip" || stage.unmodelledAt !== null) return;
  const pins = names.filter((r) => r.specifier !== null && LOCAL_VERSION_PIN.test(r.specifier));
  if (pins.length === 0) return;
  const optionNamesIndex = info.optionWords.some((w) => /^(--index-url|-i|--extra-index-url|--find-links|-f|--no-index)(=|$)|^-[if]\S/.test(w.value));
  const variables = ["PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_FIND_LINKS", "PIP_CONFIG_FILE"].some((name) => (scope.vars.get(name) ?? "") !== "");
  if (optionNamesIndex || variables || stage.toolConfig.get(PIP_INDEX_CONFIGURED) === "true") return;
  if (pipConfigPaths(stage).some((path) => stage.fs.select(path).length > 0) || filesNameIndex()) return;
  for (const pin of pins) {
    const version = (pin.specifier ?? "").replace(/^\s*===?\s*/, "").trim();
    const label = version.slice(version.indexOf("+") + 1);
    const publicVersion = version.slice(0, version.indexOf("+"));
    // PyTorch's builds are labelled by their index (`+cpu` from /whl/cpu, `+cu118` from /whl/cu118); the
    // public torch of the same number is another build (CUDA's), so it is no like-for-like pin.
    const torchIndex = /^(torch|torchvision|torchaudio)$/i.test(pin.name) && /^(cpu|cu\d+|rocm[\d.]+)$/.test(label);
    const remedy = torchIndex
      ? `Add the index that has it: --extra-index-url https://download.pytorch.org/whl/${label}.`
      : `Add the index or --find-links directory that has it, or pin the public version (${pin.name}==${publicVersion}).`;
    ctx.check({
      line: scope.line, column: 1, stage: stage.index, severity: "error", subject: pin.name, code: "local-version-not-on-index",
      message: `${pin.name}==${version} pins a local version (the "+${label}" label), which PyPI never hosts, and this install reads only PyPI: pip finds no matching version and the build fails. ${remedy}`,
    });
  }
}

/**
 * pip (and `uv pip install --system`) into the distribution's own python3 on a release that marks it
 * externally managed fails: `error: externally-managed-environment`. Not with --target, --prefix or --root
 * (pip skips the check there), in a venv, or with the override (--break-system-packages, its environment
 * variable, pip's config, the marker removed). `--user` is refused too. Official python images are not
 * affected: their Python is not the distribution's. Alpine's apk python3 is, from 3.19.
 */
export function checkExternallyManaged(ctx: EstimateContext, stage: StageState, scope: RunScope, info: PipInstall): void {
  if (stage.unmodelledAt !== null || stage.base === null || stage.base.python !== null) return;
  if (!externallyManaged(stage)) return;
  const o = info.options;
  if (o.target !== null || o.prefix !== null || o.root !== null || o.legacyInstallOptionPrefix !== null) return;
  if (info.venv !== null || venvOnPath(stage, scope) !== null) return;
  const uv = info.installer === "uv";
  if (uv && !info.optionWords.some((w) => w.value === "--system")) return;
  // Without the installer at all the RUN fails earlier, as the build check's missing-executable says.
  if (uv ? !stage.executables.has("uv") : !stage.executables.has("pip") && !stage.executables.has("pip3")) return;
  const override = info.optionWords.some((w) => w.value === "--break-system-packages")
    || envTrue(scope.vars, uv ? "UV_BREAK_SYSTEM_PACKAGES" : "PIP_BREAK_SYSTEM_PACKAGES") || stage.toolConfig.get(BREAK_SYSTEM_PACKAGES) === "true";
  if (override) return;
  const release = releaseLabel(stage);
  ctx.check({
    line: scope.line, column: 1, stage: stage.index, severity: "error", subject: uv ? "uv" : "pip", code: "externally-managed-environment",
    message: `${release} marks its python3 as externally managed (PEP 668): ${uv ? "uv pip install --system" : "pip install"} into it stops with "externally-managed-environment". Install into a venv (python3 -m venv /opt/venv, then /opt/venv/bin/pip), or add --break-system-packages.`,
  });
}

/** The pip that the distribution's python3-pip (py3-pip) installs, where it predates --break-system-packages
 *  (added in pip 23.0.1: PEP 668's override): Debian's and Ubuntu's package versions by release, Alpine's by
 *  minor below 3.18 (3.17: 22.3.1). */
const PIP_BEFORE_OVERRIDE: Readonly<Record<string, string>> = {
  stretch: "9.0.1", buster: "18.1", bullseye: "20.3.4", bionic: "9.0.1", focal: "20.0.2", jammy: "22.0.2", kinetic: "22.2",
};

/** The distribution's own pip version on `stage` where it is older than --break-system-packages, else null. */
function pipBeforeOverride(stage: StageState): string | null {
  if (stage.family === "alpine") return alpineAtLeast(stage.distro, 3, 18) === false ? "older than 23.0.1" : null;
  return stage.family === "debian" || stage.family === "ubuntu" ? PIP_BEFORE_OVERRIDE[stage.distro ?? ""] ?? null : null;
}

/**
 * `--break-system-packages` given to the distribution's own pip on a release whose pip predates it (Ubuntu
 * 22.04's 22.0.2, Debian 11's 20.3.4): pip stops with "no such option: --break-system-packages". Not where
 * the stage upgraded pip first (a pip the install put in place), in a venv, or on an official python image.
 */
export function checkBreakSystemPackagesOption(ctx: EstimateContext, stage: StageState, scope: RunScope, info: PipInstall): void {
  if (info.installer !== "pip" || stage.base === null || stage.base.python !== null || stage.unmodelledAt !== null) return;
  const option = info.optionWords.find((w) => w.value === "--break-system-packages");
  if (option === undefined || info.venv !== null || venvOnPath(stage, scope) !== null || stage.pythonPackages.has("pip")) return;
  const version = pipBeforeOverride(stage);
  if (version === null) return;
  const release = releaseLabel(stage);
  ctx.check({
    line: scope.line, column: 1, stage: stage.index, severity: "error", subject: "--break-system-packages", code: "unknown-pip-option",
    message: `${release}'s pip (${version}) predates --break-system-packages (pip 23.0.1): it stops with "no such option: --break-system-packages". ${release} does not mark its python3 as externally managed, so the option is not needed: drop it.`,
  });
}

/** The stand-in version a pin is read from when the pin's own wheels are in doubt, or null. */
function doubtfulStandIn(cost: PackageCost): PackageCost["facts"] {
  const series = (v: string) => v.replace(/^===?/, "").split(".").slice(0, 2).join(".");
  // A project that never published a Linux wheel (knowledge/source-only.ts) compiles at any version.
  return cost.facts?.choice === "nearest" && cost.facts.specifier !== null && series(cost.facts.specifier) !== series(cost.facts.version.version)
    && sourceOnlyCompiled(cost.name) === null ? cost.facts : null;
}

/** Why an install with no wheel found (a source build, or nothing pip can install) is in doubt: no pin,
 *  and the release read was built for newer CPythons only, so pip installs an older one
 *  (PackageFacts.mayCompile); null otherwise. */
export function unknownPickDoubt(cost: PackageCost): string | null {
  return cost.facts?.wheel === null ? cost.facts.mayCompile : null;
}

/** A source build in a stage without a compiler, or with one but without libc's headers, fails: a
 *  build-check error, with what the build needs. */
export function warnNoCompiler(ctx: EstimateContext, stage: StageState, cost: PackageCost, line: number): void {
  // A pinned version the table lacks is weighed as the nearest it holds: whether the pin itself has a wheel
  // for this image is not known (psycopg2 2.7 shipped manylinux wheels, 2.9 does not), so it is a warning.
  // A stand-in of the same minor series (psycopg2 2.9.10 for 2.9.9) ships the same kinds of wheels.
  const standIn = doubtfulStandIn(cost);
  // Unpinned, the release read may be one pip never picks on this Python: a warning too.
  const unknownPick = standIn === null ? unknownPickDoubt(cost) : null;
  const at = { line, column: 1, stage: stage.index, severity: standIn === null && unknownPick === null ? "error" as const : "warning" as const, subject: cost.name };
  const pinned = standIn?.specifier?.replace(/^===?/, "") ?? "";
  const unsure = standIn === null ? "" : ` (Read from ${cost.name} ${standIn.version.version}: the tables do not hold ${pinned}, and if ${pinned} has a wheel for this image, it installs as is.)`;
  // Only the size model knows which packages compile; while an unknown command may have installed a
  // compiler, saying the build fails would be a guess.
  if (stage.unmodelledAt !== null) return;
  const musl = stage.libc === "musl";
  // Where the release pip installs is not known, the build is said to fail only if that release compiles.
  const doubt = unknownPick === null ? null : `Which ${cost.name} release pip installs here is not known (${unknownPick}). If it has no ${musl ? "musllinux " : ""}wheel for this image, pip compiles it`;
  if (stage.hasCompiler) {
    const [headers, why] = musl ? ["musl-dev", "Alpine's gcc does not pull it in"] : ["libc6-dev", "Debian's gcc only recommends it, and --no-install-recommends leaves it out"];
    const lead = doubt === null ? `${cost.name} compiles from source, and` : `${doubt}, and`;
    ctx.check({ ...at, code: "source-build-needs-libc-headers", message: `${lead} this stage has a compiler but not libc's headers (${headers}: ${why}): the build fails at its first #include. Install ${headers} with the compiler.${unsure}` });
    return;
  }
  if (musl) {
    const needs = packageBuildNeeds(cost.name)?.alpine.join(", ") ?? "build-base";
    // An image whose pip predates musllinux wheels (python:3.9.0-alpine3.12) compiles what has one.
    const lead = doubt ?? (stage.muslMinor === 0
      ? `this image's pip predates musllinux wheels (pip 21.2, 2021: Alpine 3.12 and older python images), so pip compiles ${cost.name} on Alpine`
      : `${cost.name} has no musllinux wheel, so pip compiles it on Alpine`);
    ctx.check({ ...at, code: "musl-needs-compiler", message: `${lead} — but this stage has no compiler: the build fails. It needs ${needs}.${unsure}` });
    return;
  }
  const needs = withLibcHeaders(packageBuildNeeds(cost.name)?.debian ?? ["gcc"], "debian").join(", ");
  const binary = findPythonPackage(`${cost.name}-binary`);
  const lead = doubt ?? `${cost.name} has no Linux wheel, so pip compiles it from source`;
  ctx.check({ ...at, code: "source-build-needs-compiler", message: `${lead} — but this stage has no compiler: the build fails. It needs ${needs}${binary === null ? "" : `, or install ${binary.name}, which ships as a wheel`}.${unsure}` });
}

/**
 * A source build on Debian with a compiler and libc's headers, but without a header package the package
 * table names for it (psycopg2 without libpq-dev: "pg_config executable not found"). Only where the stage's
 * packages are modelled from a Debian table, and not on an image with a compiler (the full python images
 * carry the common -dev packages); on Alpine the table's names have alternatives, so nothing is said there.
 */
export function checkBuildHeaders(ctx: EstimateContext, stage: StageState, cost: PackageCost, line: number): void {
  if (stage.family !== "debian" || stage.libc === "musl" || stage.base === null) return;
  // The full python images ship buildpack-deps' compilers and headers (libpq-dev, libxml2-dev …), not every
  // library's: GDAL's, LDAP's, libmemcached's are theirs to add. Another image with a compiler is not known.
  const full = stage.fullPythonImage;
  if (stage.base.hasCompiler === true && !full) return;
  if (stage.unmodelledAt !== null || stage.systemUnknownAt !== null || (stage.debInstalled.size === 0 && !full)) return;
  if (!stage.hasCompiler || doubtfulStandIn(cost) !== null || unknownPickDoubt(cost) !== null) return;
  const headers = (packageBuildNeeds(cost.name)?.debian ?? []).filter((e) => /^\S+-dev$/.test(e.trim()) && e.trim() !== "libc6-dev");
  const missing = headers.filter((h) => !stage.debInstalled.has(h.trim()) && !(full && isInFullPythonImage(h.trim(), stage.distro ?? "trixie")));
  if (missing.length === 0) return;
  ctx.check({
    line, column: 1, stage: stage.index, severity: "error", subject: cost.name, code: "source-build-needs-headers",
    message: `${cost.name} compiles from source here, and this stage has a compiler but not ${missing.join(", ")}, whose headers${missing.includes("libpq-dev") ? " and pg_config" : ""} its build reads: the build fails. Install ${missing.join(" ")} with the compiler.`,
  });
}

/**
 * GDAL's Python bindings build against the system's libgdal of the same version (GDAL's docs: `pip install
 * GDAL==$(gdal-config --version)`): bindings newer than the stage's libgdal-dev call API the library lacks,
 * and the build fails. Read where the pin is exact and libgdal-dev comes from the stage's Debian release.
 */
export function checkGdalVersion(ctx: EstimateContext, stage: StageState, cost: PackageCost, specifier: string | null, line: number): void {
  if (cost.name !== "gdal" || specifier === null || !stage.debInstalled.has("libgdal-dev")) return;
  const pin = /^===?\s*(\d+)\.(\d+)/.exec(specifier.trim());
  const found = stageDebianRelease(stage);
  const library = found === null ? null : debianPackage("libgdal-dev", found.release)?.version ?? null;
  const lib = library === null ? null : /^(?:\d+:)?(\d+)\.(\d+)/.exec(library);
  if (pin === null || lib === null || found === null) return;
  const [pinMajor, pinMinor, libMajor, libMinor] = [pin[1], pin[2], lib[1], lib[2]].map(Number) as [number, number, number, number];
  if (pinMajor < libMajor || (pinMajor === libMajor && pinMinor <= libMinor)) return;
  ctx.check({
    line, column: 1, stage: stage.index, severity: "error", subject: "gdal", code: "gdal-version-mismatch",
    message: `GDAL ${specifier.trim().replace(/^===?\s*/, "")}'s Python bindings are newer than ${found.release}'s libgdal-dev (${library}), which they build against: the build fails on API the library lacks. Pin the bindings to the library's version (pip install GDAL==$(gdal-config --version)).`,
  });
}

/** The directory an install writes under (prefix, target, root, user base, venv), or null for the system
 *  site: it exists afterwards even when the packages it got are not counted (a file not given). */
export function installRoot(stage: StageState, scope: RunScope, info: PipInstall): string | null {
  const o = info.options;
  const root = o.target ?? o.prefix ?? o.legacyInstallOptionPrefix ?? o.root;
  if (root !== null) return resolvePath(scope.cwd, expand(scope, root));
  return userBase(stage, scope, info);
}

/** Where a user install writes (`--user`, or pip's PIP_USER=1): PYTHONUSERBASE, else ~/.local; null when the
 *  install is not a user install. */
export function userBase(stage: StageState, scope: RunScope, info: PipInstall): string | null {
  if (!info.options.user && !(info.installer === "pip" && envTrue(scope.vars, "PIP_USER"))) return null;
  const base = scope.vars.get("PYTHONUSERBASE");
  return base === undefined || base.trim() === "" ? `${homeOf(stage)}/.local` : resolvePath(scope.cwd, base);
}

/** `pip install --prefix=/x --upgrade pip` (or --root) with the system pip: pip installs the new pip under
 *  /x and uninstalls the one it runs from, so the next `pip` fails (pip: not found / No module named pip). */
export function notePipSelfUpgrade(stage: StageState, scope: RunScope, info: PipInstall): void {
  const o = info.options;
  const into = o.prefix ?? o.root;
  if (into === null || !o.upgrade || info.installer !== "pip" || info.venv !== null || venvOnPath(stage, scope) !== null) return;
  if (!info.requirements.some((r) => /^pip([<>=!~ ;[]|$)/i.test(r.value.trim()))) return;
  const reason = `\`pip install --${o.prefix === null ? "root" : "prefix"}=${into} --upgrade pip\` (line ${scope.line}) put the new pip under ${into} and uninstalled this stage's own`;
  for (const name of ["pip", "pip3"]) {
    stage.executables.delete(name);
    stage.removedExecutables.set(name, reason);
  }
}
