// Docker's variable substitution (`$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR:+alt}` and the forms
// without a colon), as used in FROM after global ARGs and in paths the estimator reads. Variables with no
// value are reported, not guessed. Expansion is bounded (LIMITS.expandedChars per substitution, and an
// optional budget over a whole estimate): `ENV L1=$L0$L0` chains otherwise double until the tab dies.
import { LIMITS } from "../limits";

export interface Substitution {
  readonly value: string;
  /** Names that had no value and no default. */
  readonly unresolved: readonly string[];
  /** True when a limit cut the expansion short (the value holds what fitted). */
  readonly limited: boolean;
}

/** Characters substitutions may still produce, shared by every substitution of one estimate. `limited`
 *  turns true when a substitution was cut short; the estimator reports it and clears it. */
export interface ExpansionBudget {
  remaining: number;
  limited: boolean;
  /** Set once the estimator has reported the limit: one report per estimate, not one per instruction. */
  reported: boolean;
}

export function expansionBudget(total: number = LIMITS.expandedCharsTotal): ExpansionBudget {
  return { remaining: total, limited: false, reported: false };
}

/** What substitution reads: a Map, or a scope layered over one (a RUN's `export`s over the stage's ENV).
 *  `expansion`, when present, is the budget substitutions through this lookup draw from. */
export interface VariableLookup {
  get(name: string): string | undefined;
  readonly expansion?: ExpansionBudget;
}

const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** Substitute `vars` into `text`. A variable set to "" counts as set for `-`/`+`, unset for `:-`/`:+`. */
export function substituteVariables(text: string, vars: VariableLookup, budget: ExpansionBudget | undefined = vars.expansion): Substitution {
  const unresolved: string[] = [];
  // The result may grow to the limit, or stay as long as the text when that is longer (no growth).
  const cap = Math.max(text.length, LIMITS.expandedChars);
  let length = text.length;
  let limited = false;
  const value = text.replace(
    VARIABLE,
    (match: string, braced: string | undefined, colon: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
      const name = braced ?? bare ?? "";
      const current = vars.get(name);
      const isSet = colon === ":" ? current !== undefined && current !== "" : current !== undefined;
      let replacement: string;
      if (op === "-") replacement = isSet ? (current ?? "") : (word ?? "");
      else if (op === "+") replacement = isSet ? (word ?? "") : "";
      else if (current === undefined) {
        unresolved.push(name);
        replacement = "";
      } else replacement = current;
      // Keep what fits under this substitution's cap and the estimate's budget; past them, nothing.
      const room = Math.min(cap - (length - match.length), budget?.remaining ?? Infinity);
      if (replacement.length > room) {
        limited = true;
        replacement = replacement.slice(0, Math.max(0, room));
      }
      length += replacement.length - match.length;
      if (budget !== undefined) budget.remaining -= replacement.length;
      return replacement;
    },
  );
  if (limited && budget !== undefined) budget.limited = true;
  return { value, unresolved, limited };
}
