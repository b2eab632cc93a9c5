// The one store (STYLE 7): slices for inputs, decisions, selection, settings and ui, actions beside their
// state. The plan is not here: it is derived from these (state/plan-client.ts) and never stored twice.
import { create } from "zustand";
import { createDecisionsSlice, type DecisionsSlice } from "./decisions-slice";
import { createInputsSlice, type InputsSlice } from "./inputs-slice";
import { createSelectionSlice, type SelectionSlice } from "./selection-slice";
import { createSettingsSlice, type SettingsSlice } from "./settings-slice";
import { createUiSlice, type UiSlice } from "./ui-slice";

export type AppState = InputsSlice & DecisionsSlice & SelectionSlice & SettingsSlice & UiSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createInputsSlice(...a),
  ...createDecisionsSlice(...a),
  ...createSelectionSlice(...a),
  ...createSettingsSlice(...a),
  ...createUiSlice(...a),
}));
