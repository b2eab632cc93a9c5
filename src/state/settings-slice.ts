// Estimate settings the user can change. null means the engine's default, so a link made today follows
// a better default tomorrow instead of freezing today's number.
import type { StateCreator } from "zustand";
import type { Arch } from "../permalink/shared-state";
import { packageKey, validPackageBytes } from "./package-sizes";
import type { AppState } from "./store";

export interface SettingsSlice {
  /** Bytes `COPY . .` sends (after .dockerignore), or null for the engine's default. */
  readonly contextBytes: number | null;
  /** The architecture pip picks wheels for, or null for the engine's default (x86_64). */
  readonly arch: Arch | null;
  /** Installed bytes the user typed per package (PEP 503 names); absent names take the tables' sizes. */
  readonly packageSizes: Readonly<Record<string, number>>;
  setContextBytes(bytes: number | null): void;
  setArch(arch: Arch | null): void;
  /** Set a package's installed size, or forget it (null). A name that normalises to nothing, or a size
   *  outside 0 B – 100 GB, changes nothing: the input shows what is wrong, the store keeps valid sizes only. */
  setPackageSize(name: string, bytes: number | null): void;
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set) => ({
  contextBytes: null,
  arch: null,
  packageSizes: {},
  setContextBytes: (contextBytes) => set({ contextBytes }),
  // x86_64 is the engine's default: stored as null so links stay as short as the defaults allow.
  setArch: (arch) => set({ arch: arch === "x86_64" ? null : arch }),
  setPackageSize: (name, bytes) => set((state) => {
    const key = packageKey(name);
    if (key === null) return {};
    if (bytes === null) {
      if (!(key in state.packageSizes)) return {};
      const { [key]: _removed, ...rest } = state.packageSizes;
      return { packageSizes: rest };
    }
    if (!validPackageBytes(bytes)) return {};
    const rounded = Math.round(bytes);
    if (state.packageSizes[key] === rounded) return {};
    return { packageSizes: { ...state.packageSizes, [key]: rounded } };
  }),
});
