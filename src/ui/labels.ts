// Words and colours the UI uses for the estimate's categories, in the chart's stacking order.
import type { Category } from "../engine/estimate/types";

export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  base: "Base image",
  system: "System packages",
  python: "Python packages",
  pipCache: "pip cache",
  buildTools: "Build tools",
  app: "Application",
};

/** Mid-tone colours that read on light and dark backgrounds alike (checked against both themes). */
export const CATEGORY_COLORS: Readonly<Record<Category, string>> = {
  base: "#5b7ea4",
  system: "#c48a3a",
  python: "#4f9d69",
  pipCache: "#c65a5a",
  buildTools: "#8a67b8",
  app: "#3fa3a8",
};

export const PULL_COLOR = "#8c8c8c";

export const STATUS_LABELS = { original: "as written", applied: "applied", skipped: "skipped", failed: "not applied" } as const;
