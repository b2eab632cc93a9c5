// The variables a RUN sees while it executes: the stage's (read through, never copied) under what the
// RUN's own `export` and `VAR=x cmd` assignments set. Copying every ARG and ENV into a fresh Map per RUN
// made a file of many ENVs quadratic; reading through keeps a RUN's cost independent of them.
import type { ExpansionBudget, VariableLookup } from "../dockerfile/variables";

export class ScopeVariables implements VariableLookup {
  /** Names the RUN set (a value) or unset (undefined), over `base`; made at the first (most RUNs set none,
   *  and a Map per RUN was a measurable share of a long file's allocation). */
  private own: Map<string, string | undefined> | undefined;

  /** `base` must not change while the scope is in use (a RUN changes no ENV or ARG). */
  /** `expansion`: the estimate's budget, so substitutions through this scope (in any estimator) draw on it. */
  constructor(private readonly base: ReadonlyMap<string, string>, readonly expansion?: ExpansionBudget) {}

  get(name: string): string | undefined {
    return this.own?.has(name) === true ? this.own.get(name) : this.base.get(name);
  }

  set(name: string, value: string): void {
    (this.own ??= new Map()).set(name, value);
  }

  delete(name: string): void {
    (this.own ??= new Map()).set(name, undefined);
  }
}
