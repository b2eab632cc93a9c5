// The wheel table (src/engine/knowledge/data/python-wheels.json): package facts at scale, as DATA that the
// worker fetches and the CLI reads (STYLE 12), not code in the first bundle.
//
// How a row is made: every line of python-wheels.jsonl (one package version harvested from public uv.lock
// files) becomes one version entry of its project, newest first. Wheels are kept when a CPython 3 Linux
// image on x86_64 or aarch64 can install them (other architectures and PyPy are dropped to keep the
// transfer small), with only the tag part of the filename (`cp312-cp312-manylinux_2_17_x86_64`). The 217
// rows of python-packages.json stay authoritative for installed sizes: their measured installed bytes go
// into `measured`, and a measured version the harvest lacks is added as a version entry of its own.
// Installed bytes for everything else = wheel bytes × a ratio per wheel kind, fitted here on the measured
// rows (`calibration`, with its leave-one-out error).

import * as v from "valibot";

const Dep = v.tuple([v.string(), v.nullable(v.string()), v.nullable(v.string())]);
export const RawWheelRow = v.object({
  name: v.string(),
  version: v.string(),
  deps: v.array(Dep),
  extras: v.record(v.string(), v.array(v.tuple([v.string(), v.nullable(v.string())]))),
  sdist: v.nullable(v.number()),
  wheels: v.array(v.tuple([v.string(), v.number()])),
  seen: v.number(),
  sources: v.array(v.string()),
});
export type RawWheelRow = v.InferOutput<typeof RawWheelRow>;

/** Parses python-wheels.jsonl: one object per line; a bad line names its number. */
export function parseWheelLines(text: string): RawWheelRow[] {
  const rows: RawWheelRow[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    const result = v.safeParse(RawWheelRow, JSON.parse(line) as unknown);
    if (!result.success) throw new Error(`python-wheels.jsonl line ${index + 1}: ${result.issues[0]?.message ?? "bad row"}`);
    rows.push(result.output);
  });
  return rows;
}

/** The fields of a measured python-packages row this table needs (already corrected by the generator). */
export interface MeasuredInput {
  readonly name: string;
  readonly version: string | null;
  readonly requires: readonly string[];
  readonly pure: boolean;
  readonly wheelFile: string | null;
  readonly wheelBytes: number | null;
  readonly musllinuxFile: string | null;
  readonly musllinuxWheelBytes: number | null;
  readonly sdistBytes: number | null;
  readonly installedBytes: number | null;
  readonly installedNote: string | null;
  readonly source: string;
  readonly date: string | null;
}

export type WheelKind = "pure" | "compiled" | "nativeLibs" | "cuda";

/** scripts/data/python-debian-sizes.json: Debian's Installed-Size for pure projects the wheel data lacks. */
export const RawDebianSizes = v.object({
  source: v.object({ what: v.string(), how: v.string(), suite: v.string(), read: v.string(), caveats: v.string() }),
  packages: v.array(v.object({ name: v.string(), debianPackage: v.string(), debianVersion: v.string(), installedSizeKiB: v.number(), depends: v.string() })),
});
export type RawDebianSizes = v.InferOutput<typeof RawDebianSizes>;

/** Installed with .pyc ÷ without, for pure packages: python-packages.json's `installedBytes` note (÷ ~1.9). */
const PYC_FACTOR = 1.9;

/** Debian binary names whose PyPI project is not simply the name without `python3-`. */
const DEBIAN_TO_PYPI: Readonly<Record<string, string>> = {
  yaml: "pyyaml", ldap: "python-ldap", "pkg-resources": "setuptools", mistune0: "mistune", enchant: "pyenchant", pil: "pillow",
};

/** `python3-flask (>= 0.10), python3:any, libjs-jquery` → ["flask"]: Python dependencies only. */
export function debianDepends(depends: string): string[] {
  return depends.split(",").map((d) => d.trim().split(/[\s(|]/)[0] ?? "")
    .filter((d) => d.startsWith("python3-"))
    .map((d) => d.slice("python3-".length))
    .map((d) => DEBIAN_TO_PYPI[d] ?? d.replace(/\./g, "-"));
}

/** `2022.12.19+ds-1` → `2022.12.19`; `0.9.5+dfsg.2-3` → `0.9.5`: the upstream version. */
function upstreamVersion(debianVersion: string): string {
  return debianVersion.replace(/^\d+:/, "").replace(/[-+~].*$/, "");
}

/** `name-1.0-cp312-cp312-manylinux_2_17_x86_64.whl` → `cp312-cp312-manylinux_2_17_x86_64`. */
export function wheelTag(filename: string): string {
  return filename.replace(/\.whl$/, "").split("-").slice(-3).join("-");
}

/** Whether a CPython 3 image on x86_64 or aarch64 Linux could install a wheel with this tag part. */
export function keepWheel(tag: string): boolean {
  const [python = "", , platform = ""] = tag.split("-");
  const cpython3 = python.split(".").some((p) => p === "py3" || p.startsWith("cp3") || p === "py2.py3");
  const arch = platform === "any" || platform.split(".").some((p) => p.endsWith("x86_64") || p.endsWith("aarch64"));
  return cpython3 && arch;
}

/** The kind of wheel a measured row is, from the research note (a `.libs` folder cannot be seen from a size). */
export function measuredKind(row: MeasuredInput): WheelKind {
  const note = row.installedNote ?? "";
  if (row.name.startsWith("nvidia-") || note.startsWith("CUDA")) return "cuda";
  if (row.pure) return "pure";
  if (note.startsWith("native-lib") || note.startsWith("Debian-measured part")) return "nativeLibs";
  return "compiled";
}

/** A row whose installed/wheel ratio was measured for this very project (not a median, not an assumption). */
function isMeasuredRatio(row: MeasuredInput): boolean {
  const note = row.installedNote ?? "";
  return row.wheelBytes !== null && row.installedBytes !== null &&
    (note.startsWith("ratio measured") || note.startsWith("Debian-measured part") || note.startsWith("native-lib"));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** CUDA library wheels: the research assumed 1.6 (unverified); there is nothing measured to fit. */
const CUDA_ASSUMED_RATIO = 1.6;

export interface KindCalibration {
  readonly ratio: number;
  /** Measured rows the ratio is the median of. */
  readonly rows: number;
  /** Leave-one-out relative error of installed bytes over those rows (null for the assumed CUDA ratio). */
  readonly medianError: number | null;
  readonly p90Error: number | null;
}

/** Median installed/wheel ratio per kind, and the error of using it for a row that was left out of the fit. */
export function calibrate(rows: readonly MeasuredInput[]): Record<WheelKind, KindCalibration> {
  const measured = rows.filter(isMeasuredRatio);
  const fit = (kind: WheelKind): KindCalibration => {
    const group = measured.filter((r) => measuredKind(r) === kind);
    const ratios = group.map((r) => (r.installedBytes ?? 0) / (r.wheelBytes ?? 1));
    // Predicted ÷ actual installed bytes = median ratio of the others ÷ this row's ratio (same wheel bytes).
    const errors = ratios.map((actual, i) => Math.abs(median(ratios.filter((_, j) => j !== i)) / actual - 1));
    return { ratio: round3(median(ratios)), rows: group.length, medianError: round3(median(errors)), p90Error: round3(quantile(errors, 0.9)) };
  };
  return { pure: fit("pure"), compiled: fit("compiled"), nativeLibs: fit("nativeLibs"), cuda: { ratio: CUDA_ASSUMED_RATIO, rows: 0, medianError: null, p90Error: null } };
}

/**
 * Dependencies a project pins to one exact version in its metadata, which the harvested rows list by name
 * only: torch pins its CUDA wheels (`nvidia-cublas-cu12==12.4.5.8`, `triton==3.1.0`), and torchvision and
 * torchaudio pin the torch they were built against (`torch==2.5.1`, which a `+cpu` build matches too).
 * Weighed at the newest version in the table, torch 2.5.1 would bring CUDA 12.9's wheels, ~1.3 GB more
 * than its own, and torchvision 0.20.1 the newest torch.
 */
const EXACT_PINS: Readonly<Record<string, (dep: string) => boolean>> = {
  torch: (dep) => dep.startsWith("nvidia-") || dep === "triton" || dep === "pytorch-triton",
  torchvision: (dep) => dep === "torch",
  torchaudio: (dep) => dep === "torch",
};

/** `2.5.1+cu121` → [`2.5.1`, `+cu121`]; `2.5.1` → [`2.5.1`, ``]. */
function splitLocal(version: string): [string, string] {
  const plus = version.indexOf("+");
  return plus < 0 ? [version, ""] : [version.slice(0, plus), version.slice(plus)];
}

/**
 * The version each exactly pinned dependency (EXACT_PINS) had in the lock files that locked the parent's
 * version: for a pinned PyTorch project, its version with the parent's number where the table has one;
 * else the one locked most often beside it (the newest on a tie); else the one found for the nearest
 * version of the parent with the same local label (`+cpu`, `+cu121` or none: another build pins another
 * CUDA), the newer on a tie. Rows name at most three lock files, so a version may share none with its
 * dependency's rows. A pinned PyTorch project (torch under torchvision) keeps the parent's local label:
 * a `+cpu` torchvision was locked with a `+cpu` torch. Key: `name\0version` → dependency name → version.
 */
export function exactPins(rows: readonly RawWheelRow[], compareVersions: (a: string, b: string) => number): Map<string, Map<string, string>> {
  const locked = new Map<string, Map<string, string[]>>();
  for (const row of rows) {
    for (const source of row.sources) {
      const names = locked.get(source) ?? new Map<string, string[]>();
      locked.set(source, names);
      names.set(row.name, [...(names.get(row.name) ?? []), row.version]);
    }
  }
  const known = new Set(rows.map((row) => `${row.name}\0${row.version}`));
  const pins = new Map<string, Map<string, string>>();
  const parents = rows.filter((row) => Object.hasOwn(EXACT_PINS, row.name));
  for (const row of parents) {
    const pinned = new Map<string, string>();
    const local = splitLocal(row.version)[1];
    for (const dep of pinnedDeps(row)) {
      // torchaudio's number is torch's (2.5.1 pins torch 2.5.1): that version, where the table has it.
      if (Object.hasOwn(EXACT_PINS, dep) && known.has(`${dep}\0${row.version}`)) {
        pinned.set(dep, row.version);
        continue;
      }
      const counts = new Map<string, number>();
      for (const source of row.sources) {
        for (const version of locked.get(source)?.get(dep) ?? []) {
          const base = splitLocal(version)[0];
          counts.set(base, (counts.get(base) ?? 0) + 1);
        }
      }
      // A lock file may hold several versions of the dependency (resolution forks): the most locked one.
      const best = [...counts].sort(([a, n], [b, m]) => m - n || compareVersions(b, a))[0];
      if (best !== undefined) pinned.set(dep, Object.hasOwn(EXACT_PINS, dep) ? `${best[0]}${local}` : best[0]);
    }
    pins.set(`${row.name}\0${row.version}`, pinned);
  }
  for (const name of new Set(parents.map((row) => row.name))) {
    const byLocal = new Map<string, RawWheelRow[]>();
    for (const row of parents.filter((r) => r.name === name)) {
      const local = splitLocal(row.version)[1];
      byLocal.set(local, [...(byLocal.get(local) ?? []), row]);
    }
    for (const versions of byLocal.values()) {
      versions.sort((a, b) => compareVersions(a.version, b.version));
      const found = versions.map((row) => new Map(pins.get(`${name}\0${row.version}`)));
      versions.forEach((row, i) => {
        const pinned = pins.get(`${name}\0${row.version}`);
        for (const dep of pinnedDeps(row)) {
          if (pinned === undefined || pinned.has(dep)) continue;
          for (let distance = 1; distance < versions.length; distance++) {
            const near = found[i + distance]?.get(dep) ?? found[i - distance]?.get(dep);
            if (near !== undefined) {
              pinned.set(dep, near);
              break;
            }
          }
        }
      });
    }
  }
  return pins;
}

function pinnedDeps(row: RawWheelRow): string[] {
  const pinned = EXACT_PINS[row.name];
  return pinned === undefined ? [] : row.deps.map(([dep]) => dep.replace(/\[.*$/, "")).filter(pinned);
}

export interface WheelTableInput {
  readonly rows: readonly RawWheelRow[];
  readonly measured: readonly MeasuredInput[];
  readonly lockDates: ReadonlyMap<string, string>;
  /** PEP 440 comparison (injected so this module stays free of the engine's imports). */
  readonly compareVersions: (a: string, b: string) => number;
  readonly generated: string;
  readonly debian: RawDebianSizes;
}

/** The JSON text without `tablesVersion` (the caller hashes it, then adds the version as the first key). */
export function wheelTableBody(input: WheelTableInput): Record<string, unknown> {
  const sourceIndex = new Map<string, number>();
  const sources: [string, string | null][] = [];
  const sourceOf = (text: string, date: string | null): number => {
    let index = sourceIndex.get(text);
    if (index === undefined) {
      index = sources.length;
      sourceIndex.set(text, index);
      sources.push([text, date]);
    }
    return index;
  };
  const dateOf = (source: string): string | null => input.lockDates.get(source.split(":")[0] ?? "") ?? null;

  type Version = [string, unknown[], Record<string, unknown>, number | null, [string, number][], number, number];
  const projects = new Map<string, Version[]>();
  const pins = exactPins(input.rows, input.compareVersions);
  for (const row of input.rows) {
    const wheels = row.wheels.map(([file, bytes]): [string, number] => [wheelTag(file), bytes]).filter(([tag]) => keepWheel(tag));
    const first = row.sources[0] ?? "unknown";
    const pinned = pins.get(`${row.name}\0${row.version}`);
    const deps = pinned === undefined ? row.deps : row.deps.map(([dep, marker, extra]) => {
      const version = pinned.get(dep.replace(/\[.*$/, ""));
      return [version === undefined ? dep : `${dep}==${version}`, marker, extra];
    });
    const version: Version = [row.version, deps, row.extras, row.sdist, wheels, sourceOf(first, dateOf(first)), row.seen];
    projects.set(row.name, [...(projects.get(row.name) ?? []), version]);
  }
  const measured: Record<string, unknown> = {};
  for (const row of [...input.measured].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (row.installedBytes === null) continue;
    measured[row.name] = [row.version, row.installedBytes, row.wheelBytes, measuredKind(row), row.installedNote];
    const versions = projects.get(row.name) ?? [];
    if (row.version === null || versions.some((ver) => ver[0] === row.version)) continue;
    const wheels: [string, number][] = [];
    if (row.wheelFile !== null && row.wheelBytes !== null) wheels.push([wheelTag(row.wheelFile), row.wheelBytes]);
    if (row.musllinuxFile !== null && row.musllinuxWheelBytes !== null && row.musllinuxFile !== row.wheelFile) {
      wheels.push([wheelTag(row.musllinuxFile), row.musllinuxWheelBytes]);
    }
    const deps = row.requires.map((name) => [name, null, null]);
    versions.push([row.version, deps, {}, row.sdistBytes, wheels, sourceOf(row.source, row.date), 0]);
    projects.set(row.name, versions);
  }
  const debian = input.debian.source;
  for (const row of input.debian.packages) {
    // Only where the harvest has no size at all (no wheel, no sdist: e.g. a lock that read a private index).
    const existing = projects.get(row.name) ?? [];
    if (existing.some((ver) => ver[3] !== null || ver[4].length > 0) || Object.hasOwn(measured, row.name)) continue;
    const version = upstreamVersion(row.debianVersion);
    const note = `Debian ${debian.suite} ${row.debianPackage}=${row.debianVersion} Installed-Size ${row.installedSizeKiB} KiB × ${PYC_FACTOR} for .pyc (Debian may drop vendored parts: see scripts/data/python-debian-sizes.json)`;
    measured[row.name] = [version, Math.round(row.installedSizeKiB * 1024 * PYC_FACTOR), null, "pure", note];
    const source = sourceOf(`Debian ${debian.suite} ${row.debianPackage}=${row.debianVersion} (${debian.how})`, debian.read);
    if (existing.some((ver) => ver[0] === version)) continue;
    projects.set(row.name, [...existing, [version, debianDepends(row.depends).map((d) => [d, null, null]), {}, null, [], source, 0]]);
  }
  const sortedProjects: Record<string, Version[]> = {};
  for (const name of [...projects.keys()].sort()) {
    sortedProjects[name] = [...(projects.get(name) ?? [])].sort((a, b) => input.compareVersions(b[0], a[0]));
  }
  return {
    format: 1,
    generated: input.generated,
    provenance:
      "python-wheels.jsonl (package versions, dependencies with markers, exact wheel bytes from public uv.lock files) " +
      "merged with python-packages.json (measured installed sizes); made by scripts/generate-tables.ts " +
      "(npm run tables -- ../shared/data); see docs/package-sizes.md",
    layout: {
      projects: "name → versions newest first: [version, deps [name or name==version (an exact pin, see exactPins), marker|null, extra|null][], extras {extra: [name, marker|null][]}, sdist bytes|null, wheels [tag, bytes][], source index, lock files seen in]",
      sources: "[owner/repo@commit:path, lock date|null]",
      measured: "name → [version, installed bytes with .pyc, wheel bytes|null, kind, note]",
      calibration: "installed ÷ wheel bytes per wheel kind, median over measured rows, leave-one-out relative error",
    },
    calibration: calibrate(input.measured),
    sources,
    measured,
    projects: sortedProjects,
  };
}

/** One project per line, so a refresh diffs by project and the file stays readable. */
export function printWheelTable(version: string, body: Record<string, unknown>): string {
  const lines: string[] = [`{"tablesVersion":${JSON.stringify(version)},`];
  const entries = Object.entries(body);
  entries.forEach(([key, value], i) => {
    const comma = i === entries.length - 1 ? "" : ",";
    if ((key === "projects" || key === "measured") && typeof value === "object" && value !== null) {
      const inner = Object.entries(value).map(([name, item]) => `${JSON.stringify(name)}:${JSON.stringify(item)}`);
      lines.push(`${JSON.stringify(key)}:{\n${inner.join(",\n")}\n}${comma}`);
    } else {
      lines.push(`${JSON.stringify(key)}:${JSON.stringify(value)}${comma}`);
    }
  });
  lines.push("}\n");
  return lines.join("\n");
}
