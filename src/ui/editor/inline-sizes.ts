// The sizes shown at the end of editor lines (like an import-cost view): what each Dockerfile instruction
// adds to the image, and what each requirement line's package weighs installed. Read from the estimate of
// the user's own text (the plan's first step), so the lines match the editor's. Pure, tested without Monaco.
import type { ImageEstimate, LayerItem } from "../../engine/estimate/types";
import { formatBytes } from "../../engine/format";

export interface InlineHint {
  /** 1-based line the hint is shown at the end of. */
  readonly line: number;
  readonly text: string;
  /** The longer explanation, for the hover. */
  readonly title: string;
}

/** One hint per instruction that adds bytes; a build stage's layers say they are not shipped. */
export function layerHints(estimate: ImageEstimate): InlineHint[] {
  const hints: InlineHint[] = [];
  for (const layer of estimate.layers) {
    if (layer.bytes <= 0) continue;
    hints.push({ line: layer.line, text: `+${formatBytes(layer.bytes)}`, title: `This instruction adds ${formatBytes(layer.bytes)} to the image.` });
  }
  for (const layer of estimate.buildLayers) {
    if (layer.bytes <= 0) continue;
    hints.push({ line: layer.line, text: `+${formatBytes(layer.bytes)} (build stage)`, title: `${formatBytes(layer.bytes)} in a build stage: not in the final image.` });
  }
  return hints.sort((a, b) => a.line - b.line);
}

/** PEP 503 normalised name. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

/** The package a requirements line names, or null for comments, options (-r, --hash, -e) and blanks. */
export function requirementName(line: string): string | null {
  const match = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/.exec(line.replace(/#.*/, ""));
  return match?.[1] === undefined ? null : normalizeName(match[1]);
}

/** Items that are a package's own installed files: not its wheel, the pip cache, a venv or .pyc left over. */
function packageOf(item: LayerItem): { name: string; assumed: boolean } | null {
  if (item.category !== "python") return null;
  if (/\((wheel|\.pyc)\)$|^venv |\bcache \(/.test(item.label)) return null;
  const first = item.label.split(" ")[0];
  if (first === undefined || first === "") return null;
  // "(not in the tables)", or "(not in the tables; sized from its locked wheel)": an estimate either way.
  return { name: normalizeName(first), assumed: /\(not in the tables[;)]/.test(item.label) };
}

/** One hint per requirement line whose package the estimate installs (in the final image, else a build stage). */
export function requirementHints(text: string, estimate: ImageEstimate): InlineHint[] {
  const sizes = new Map<string, { bytes: number; assumed: boolean; build: boolean }>();
  const collect = (items: readonly LayerItem[], build: boolean) => {
    for (const item of items) {
      const pkg = packageOf(item);
      if (pkg === null) continue;
      const known = sizes.get(pkg.name);
      if (known !== undefined && known.build !== build) continue;
      sizes.set(pkg.name, { bytes: (known?.bytes ?? 0) + item.bytes, assumed: pkg.assumed || (known?.assumed ?? false), build });
    }
  };
  for (const layer of estimate.layers) collect(layer.items, false);
  for (const layer of estimate.buildLayers) collect(layer.items, true);
  const hints: InlineHint[] = [];
  text.split("\n").forEach((line, index) => {
    const name = requirementName(line);
    const size = name === null ? undefined : sizes.get(name);
    if (size === undefined) return;
    const where = size.build ? " (build stage)" : "";
    hints.push({
      line: index + 1,
      text: `${size.assumed ? "~" : ""}${formatBytes(size.bytes)}${where}`,
      title: size.assumed
        ? `${name} is not in the size tables: ${formatBytes(size.bytes)} is the default assumption. Its dependencies are on their own lines of the layer table.`
        : `${name} installed: ${formatBytes(size.bytes)}${where}, without its dependencies.`,
    });
  });
  return hints;
}
