// What a permalink carries: everything needed to reproduce the view (DESIGN §6) and nothing derived —
// the plan is recomputed from these on the way in.
import type { Decision } from "../engine/plan/plan";

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
  /** TABLES_VERSION of the size tables the link was made with. */
  readonly tablesVersion: string;
}
