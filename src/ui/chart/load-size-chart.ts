// The chart's code (Recharts, ~430 kB) is a lazy chunk, kept out of the first bundle. It used to be asked
// for only when the first plan arrived, which put its download and compile between the plan and the
// chart on every cold load (issue 13: ~250–300 ms of a 2.5 s load on the bench machine). main.tsx asks
// for it at start-up instead, so it loads while the worker starts and plans; the lazy component awaits
// the same promise.

import type * as SizeChartModule from "./SizeChart";

let loading: Promise<typeof SizeChartModule> | null = null;
let loaded: typeof SizeChartModule | null = null;

export function loadSizeChart(): Promise<typeof SizeChartModule> {
  loading ??= import("./SizeChart").then((module) => (loaded = module));
  return loading;
}

/** The chart's module once it has loaded, else null. A `lazy` component suspends at its first render
 *  even when its chunk is already in (its promise's result is only known a microtask later), which made
 *  the first plan commit a "Loading the chart…" fallback and render again: the page renders the loaded
 *  component directly instead (AnalysisPanel.tsx). */
export function loadedSizeChart(): typeof SizeChartModule | null {
  return loaded;
}
