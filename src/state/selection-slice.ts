// Which step the details (diff, layers, rationale) show. Steps are keyed by id, not index, so the
// selection survives a recomputation that adds or removes steps before it.
import type { StateCreator } from "zustand";
import type { AppState } from "./store";

export interface SelectionSlice {
  /** The selected step's id; null follows the final step (the result). */
  readonly selectedStep: string | null;
  selectStep(id: string | null): void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selectedStep: null,
  selectStep: (selectedStep) => set({ selectedStep }),
});
