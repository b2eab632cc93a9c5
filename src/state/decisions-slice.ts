// What the user decided at each step, by rule id. A rule without a decision takes its default action (the
// engine's defaultActionOf: a safe fix is applied, a fix to review is offered), so only departures from
// that are stored — and shared. Apply on an offered step is such a departure and must be stored.
// Every change keeps the decisions before it, so a decision can be undone (the history is not shared or
// saved: it is this visit's).
import type { StateCreator } from "zustand";
import type { Decision } from "../engine/plan/plan";
import type { AppState } from "./store";

export type Decisions = Readonly<Record<string, Decision>>;

/** Undo steps kept: far more than anyone clicks through, and a bound on memory over a long visit. */
export const MAX_DECISION_HISTORY = 100;

export interface DecisionsSlice {
  readonly decisions: Decisions;
  /** The decisions before each change, oldest first. */
  readonly decisionHistory: readonly Decisions[];
  /** `offeredByDefault`: the rule may be offered rather than applied when undecided (a fix to review), so
   *  an apply of its default alternative is stored too; otherwise that apply is the default and dropped. */
  decide(ruleId: string, decision: Decision, offeredByDefault?: boolean): void;
  resetDecisions(): void;
  /** Back to the decisions before the last change (nothing when there is none). */
  undoDecision(): void;
}

function remember(history: readonly Decisions[], decisions: Decisions): readonly Decisions[] {
  return [...history, decisions].slice(-MAX_DECISION_HISTORY);
}

export const createDecisionsSlice: StateCreator<AppState, [], [], DecisionsSlice> = (set) => ({
  decisions: {},
  decisionHistory: [],
  decide: (ruleId, decision, offeredByDefault = false) =>
    set((state) => {
      const { [ruleId]: _previous, ...others } = state.decisions;
      // Applying the default is the default: store nothing, so the link stays short.
      const isDefault = decision.action === "apply" && decision.alternative === undefined && !offeredByDefault;
      const decisions = isDefault ? others : { ...others, [ruleId]: decision };
      if (JSON.stringify(decisions) === JSON.stringify(state.decisions)) return {};
      return { decisions, decisionHistory: remember(state.decisionHistory, state.decisions) };
    }),
  resetDecisions: () =>
    set((state) => (Object.keys(state.decisions).length === 0 ? {} : { decisions: {}, decisionHistory: remember(state.decisionHistory, state.decisions) })),
  undoDecision: () =>
    set((state) => {
      const previous = state.decisionHistory[state.decisionHistory.length - 1];
      return previous === undefined ? {} : { decisions: previous, decisionHistory: state.decisionHistory.slice(0, -1) };
    }),
});
