// What the user decided at each step, by rule id. A rule without a decision is applied with its default
// alternative (the engine's rule), so only departures from that are stored — and shared.
import type { StateCreator } from "zustand";
import type { Decision } from "../engine/plan/plan";
import type { AppState } from "./store";

export interface DecisionsSlice {
  readonly decisions: Readonly<Record<string, Decision>>;
  decide(ruleId: string, decision: Decision): void;
  resetDecisions(): void;
}

export const createDecisionsSlice: StateCreator<AppState, [], [], DecisionsSlice> = (set) => ({
  decisions: {},
  decide: (ruleId, decision) =>
    set((state) => {
      const { [ruleId]: _previous, ...others } = state.decisions;
      // Applying the default is the default: store nothing, so the link stays short.
      const isDefault = decision.action === "apply" && decision.alternative === undefined;
      return { decisions: isDefault ? others : { ...others, [ruleId]: decision } };
    }),
  resetDecisions: () => set({ decisions: {} }),
});
