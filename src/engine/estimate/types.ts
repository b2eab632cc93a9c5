// The estimate's output, as the CLI prints it (DESIGN §5) and the UI draws it. Every byte count is the
// sum of items, and every item names its source: a table row or a named assumption.
import type { SourceRef } from "../knowledge/types";
import type { Platform } from "../knowledge/wheel-tags";
import type { BuildCheckFinding } from "../verify/types";

export const CATEGORIES = ["base", "system", "python", "pipCache", "buildTools", "app"] as const;
export type Category = (typeof CATEGORIES)[number];

export type ByCategory = Record<Category, number>;

/** One attributed piece of a layer: "flask 3.1.3 (installed)", "pip cache", "python:3.12-slim". */
export interface LayerItem {
  readonly label: string;
  readonly bytes: number;
  readonly category: Category;
  /** Where the number came from. */
  readonly sources: readonly SourceRef[];
  /** Path in the image where these bytes live. */
  readonly path: string;
}

export interface LayerEstimate {
  /** Stage name, or its index as a string for unnamed stages. */
  readonly stage: string;
  readonly stageIndex: number;
  /** 1-based line of the instruction that made the layer. */
  readonly line: number;
  /** The instruction, shortened to one line for display. */
  readonly instruction: string;
  /** Bytes this layer adds to the image (on disk). */
  readonly bytes: number;
  /** The category holding most of the layer's bytes. */
  readonly category: Category;
  readonly items: readonly LayerItem[];
  /** Bytes of this layer that a later instruction deletes: they stay in the image all the same. */
  readonly deletedLaterBytes: number;
}

export interface EstimateWarning {
  /** Stable code, e.g. `musl-needs-compiler`, `deleted-in-later-layer`. */
  readonly code: string;
  readonly message: string;
  readonly line: number | null;
  /** For `deleted-in-later-layer`: the line of the instruction that created the deleted bytes. */
  readonly createdAt?: number;
}

/** A named assumption that a number rests on (shown beside the numbers, never hidden). */
export interface Assumption {
  readonly id: string;
  readonly text: string;
  readonly line: number | null;
}

/** What one `apt-get install NAME` without --no-install-recommends adds through Recommends (from the
 *  release table): what the flag would save there. Recorded (even when empty) only where a release
 *  table weighed the install. */
export interface AptRecommendsWeight {
  /** Line of the RUN that installs `requested`. */
  readonly line: number;
  readonly stageIndex: number;
  readonly requested: string;
  /** Packages only the Recommends bring (with their Depends), biggest first; Installed-Size × 1024. */
  readonly packages: readonly { readonly name: string; readonly bytes: number }[];
  readonly bytes: number;
  readonly sources: readonly SourceRef[];
}

export interface StageSummary {
  readonly index: number;
  readonly name: string | null;
  /** The base image row used (its ref), or null when unknown. */
  readonly baseImage: string | null;
  readonly libc: "glibc" | "musl" | null;
  readonly pythonVersion: string | null;
  /** Bytes of the stage's own filesystem, base included. */
  readonly totalBytes: number;
  readonly inFinalImage: boolean;
  /** Python packages the estimate has this stage compile from source (no wheel for its platform), sorted:
   *  the build check and the multistage rule read the same answer. */
  readonly builtFromSource: readonly string[];
  /** Python packages present in the stage's site directories when it ends, whoever put them there (its own
   *  installs, a venv or prefix copied from another stage), sorted: where a copied package's build lives. */
  readonly pythonPresent: readonly string[];
  /** The image this stage's wheels are chosen for (CPython, libc, Debian release, arch). */
  readonly platform: Platform;
  /** Python packages this stage's installs (and `pip wheel`) resolved, closure included, each once in the
   *  order installed: the name, the specifier that chose its version, the version chosen (null when no table
   *  holds the project). The rules ask about these, version for version, not about the newest release. */
  readonly pythonPackages: readonly ResolvedPythonPackage[];
  /** The line from which the stage holds what the model cannot know (an unknown base, a command it does not
   *  read, a file written by redirection): the build check calls nothing missing past it. Null when the
   *  whole stage is modelled. */
  readonly unmodelledFrom: number | null;
  /** A Debian release deb.debian.org no longer serves, whose apt sources the stage did not rewrite: an
   *  `apt-get update` there fails (knowledge/eol.ts debianArchived). */
  readonly aptArchived: boolean;
}

export interface ResolvedPythonPackage {
  readonly name: string;
  readonly specifier: string | null;
  readonly version: string | null;
}

export interface Rebuild {
  /** Bytes of final-image layers rebuilt (and pushed/pulled again) when only application source changes. */
  readonly bytes: number;
  /** Line of the first invalidated instruction, or null when none is. */
  readonly fromLine: number | null;
  /** True when the dependency install re-runs on a source change. */
  readonly reinstallsPackages: boolean;
}

export interface ImageEstimate {
  readonly totalBytes: number;
  readonly compressedBytes: number;
  readonly baseBytes: number;
  readonly byCategory: ByCategory;
  readonly rebuildBytes: number;
  readonly rebuild: Rebuild;
  /** Layers of the final image, base first. */
  readonly layers: readonly LayerEstimate[];
  /** Layers of stages that are not part of the final image (build stages). */
  readonly buildLayers: readonly LayerEstimate[];
  readonly stages: readonly StageSummary[];
  readonly warnings: readonly EstimateWarning[];
  readonly assumptions: readonly Assumption[];
  /** What would fail to build or run, per line (the build check, engine/verify). */
  readonly buildCheck: readonly BuildCheckFinding[];
  /** Python packages no table holds, weighed by the unknown-package default (any stage; sorted). */
  readonly unknownPackages: readonly string[];
  /** Every Python package an install writes in any stage (sorted): the denominator of unknownPackages. */
  readonly installedPackages: readonly string[];
  /** Per apt install without --no-install-recommends, in order: what its Recommends added. */
  readonly aptRecommends: readonly AptRecommendsWeight[];
}

export function emptyByCategory(): ByCategory {
  return { base: 0, system: 0, python: 0, pipCache: 0, buildTools: 0, app: 0 };
}
