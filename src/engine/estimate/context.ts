// What every instruction estimator can reach: the inputs, the finished stages, and the sinks for
// warnings and assumptions (collected once per estimate, de-duplicated).
import type { ExpansionBudget, VariableLookup } from "../dockerfile/variables";
import type { ParsedProjectFile } from "../project/types";
import type { Arch } from "../knowledge/wheel-tags";
import type { RequirementsFile } from "../requirements/model";
import type { BuildReader } from "../verify/build-check";
import type { BuildCheckFinding } from "../verify/types";
import type { DockerIgnore } from "./dockerignore";
import type { FsBudget } from "./stage-fs";
import type { StageState } from "./stage-state";
import type { AptRecommendsWeight } from "./types";

export interface EstimateSettings {
  /** Bytes `COPY . .` sends from the build context (after .dockerignore). */
  readonly contextBytes: number;
  /** The architecture wheels are chosen for (linux/amd64 unless set). */
  readonly arch: Arch;
  /** Installed bytes the user set per package (PEP 503 name), used instead of the table or the default. */
  readonly packageSizes: Readonly<Record<string, number>>;
}

export interface EstimateContext {
  readonly requirementFiles: readonly RequirementsFile[];
  /** pyproject.toml, uv.lock, poetry.lock, Pipfile(.lock) the user gave: what locked installs read. */
  readonly projectFiles: readonly ParsedProjectFile[];
  readonly settings: EstimateSettings;
  readonly dockerignore: DockerIgnore | null;
  /** Values of the ARGs declared before the first FROM. */
  readonly globalArgs: ReadonlyMap<string, string>;
  /** What variable substitution may still produce in this estimate (LIMITS.expandedCharsTotal). */
  readonly expansion: ExpansionBudget;
  /** What the stages' filesystems may still hold (LIMITS.fsEntryLevels, LIMITS.pathChars). */
  readonly fsBudget: FsBudget;
  /** The Dockerfile's escape character (`# escape=` directive), for reading its words as BuildKit does. */
  readonly escapeChar: string;
  /** Stages estimated so far, by index. */
  readonly stages: readonly StageState[];
  /** The first stage of each name (lower case) so far, as `COPY --from=<name>` finds it without a scan. */
  readonly stagesByName: ReadonlyMap<string, StageState>;
  /** `createdAt`: the line that made what this warning is about (a later-layer delete names its creator). */
  warn(code: string, message: string, line: number | null, createdAt?: number): void;
  /** True when a warning about bytes the total leaves out (uncounted.ts) was given at `line`. */
  uncountedAt(line: number): boolean;
  /** Record that an assumption (by id, from ASSUMPTIONS or a knowledge default) was used at `line`. */
  assume(id: string, text: string, line: number | null): void;
  /**
   * Record an assumption that names what it applies to (the pins a table version stands in for, the
   * unknown packages): the `items` of every call with this id are merged, in first-seen order and without
   * repeats, and `render` writes the text once, from the first ASSUMPTION_ITEMS_SHOWN of them (with
   * "and N more"). `assume` keeps one text per id, which named only the first install's items.
   */
  assumeEach(id: string, items: readonly string[], render: (listed: string) => string, line: number | null): void;
  /** The build check, called by the walk before each instruction and RUN command (DESIGN §3). */
  readonly reader: BuildReader;
  /** Report what makes the build fail where only the size model knows it (a source build without a
   *  compiler): a build-check finding, not a warning. */
  check(finding: BuildCheckFinding): void;
  /** Record a Python package an install writes; `known` false when neither table holds it (weighed by
   *  the unknown-package default). */
  notePackage(name: string, known: boolean): void;
  /** Record what an apt install's Recommends added (the saving --no-install-recommends would make). */
  noteRecommends(weight: AptRecommendsWeight): void;
}

/** pip reads boolean options from the environment; any valid value of PIP_NO_CACHE_DIR disables the
 *  cache (pip keeps "false" meaning "disable" for backward compatibility: cli/cmdoptions.py). */
/** The stage a `COPY --from=<from>` names, by name or by index (among the stages read so far, the current
 *  one included); undefined for an image reference or a stage not yet defined. */
export function stageNamed(ctx: EstimateContext, from: string): StageState | undefined {
  return ctx.stagesByName.get(from.toLowerCase()) ?? (/^\d+$/.test(from) ? ctx.stages[Number(from)] : undefined);
}

export function envFlagSet(env: VariableLookup, name: string): boolean {
  const value = env.get(name);
  return value !== undefined && /^(1|true|yes|on|0|false|no|off)$/i.test(value.trim());
}

/** True when the variable holds a true value (1/true/yes/on). */
export function envTrue(env: VariableLookup, name: string): boolean {
  const value = env.get(name);
  return value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());
}

export const MiB = 1024 * 1024;
export const KiB = 1024;
