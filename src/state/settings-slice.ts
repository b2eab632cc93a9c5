// Estimate settings the user can change. null means the engine's default, so a link made today follows
// a better default tomorrow instead of freezing today's number.
import type { StateCreator } from "zustand";
import type { AppState } from "./store";

export interface SettingsSlice {
  /** Bytes `COPY . .` sends (after .dockerignore), or null for the engine's default. */
  readonly contextBytes: number | null;
  setContextBytes(bytes: number | null): void;
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set) => ({
  contextBytes: null,
  setContextBytes: (contextBytes) => set({ contextBytes }),
});
