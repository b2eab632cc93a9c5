// Docker's variable substitution (`$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR:+alt}` and the forms
// without a colon), as used in FROM after global ARGs and in paths the estimator reads. Variables with no
// value are reported, not guessed.

export interface Substitution {
  readonly value: string;
  /** Names that had no value and no default. */
  readonly unresolved: readonly string[];
}

/** What substitution reads: a Map, or a scope layered over one (a RUN's `export`s over the stage's ENV). */
export interface VariableLookup {
  get(name: string): string | undefined;
}

const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** Substitute `vars` into `text`. A variable set to "" counts as set for `-`/`+`, unset for `:-`/`:+`. */
export function substituteVariables(text: string, vars: VariableLookup): Substitution {
  const unresolved: string[] = [];
  const value = text.replace(
    VARIABLE,
    (_match, braced: string | undefined, colon: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
      const name = braced ?? bare ?? "";
      const current = vars.get(name);
      const isSet = colon === ":" ? current !== undefined && current !== "" : current !== undefined;
      if (op === "-") return isSet ? (current ?? "") : (word ?? "");
      if (op === "+") return isSet ? (word ?? "") : "";
      if (current === undefined) {
        unresolved.push(name);
        return "";
      }
      return current;
    },
  );
  return { value, unresolved };
}
