// What a permalink carries: everything needed to reproduce the view (DESIGN §6) and nothing derived —
// the plan is recomputed from these on the way in.
import type { Decision } from "../engine/plan/plan";

/** The architectures pip picks wheels for (EstimateSettings.arch). */
export type Arch = "x86_64" | "aarch64";

export interface SharedFile {
  readonly path: string;
  readonly text: string;
}

export interface SharedState {
  readonly dockerfile: string;
  readonly requirements: readonly SharedFile[];
  /** pyproject.toml, uv.lock, poetry.lock, Pipfile, Pipfile.lock by context path. */
  readonly projectFiles: readonly SharedFile[];
  /** null when the project has no .dockerignore. */
  readonly dockerignore: string | null;
  /** Only the decisions the user made; absent rules take their default (apply). */
  readonly decisions: Readonly<Record<string, Decision>>;
  /** The selected step's id, or null for "the final step". */
  readonly selectedStep: string | null;
  /** Build-context bytes, or null for the engine's default. */
  readonly contextBytes: number | null;
  /** The architecture wheels are chosen for, or null for the engine's default (x86_64). */
  readonly arch: Arch | null;
  /** Installed bytes the user typed per package, by PEP 503 name (none: the tables and defaults). */
  readonly packageSizes: Readonly<Record<string, number>>;
  /** TABLES_VERSION of the size tables the link was made with. */
  readonly tablesVersion: string;
}
