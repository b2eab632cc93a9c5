// The order of a cold load (issue 13): the plan and its chart first, the editor's heavy code after. The
// chart says when it has been drawn; Monaco's loader waits for that (or for the user to reach for an
// editor), so Monaco's long parse-and-compile tasks never stand between a ready plan and its chart.

/** Performance mark set once the first chart is on screen; `npm run bench` reads it. */
export const CHART_DRAWN_MARK = "whaleweight:chart-drawn";

let drawn = false;
const waiting = new Set<() => void>();

export function markChartDrawn(): void {
  if (drawn) return;
  drawn = true;
  try {
    performance.mark(CHART_DRAWN_MARK);
  } catch {
    // No User Timing (old browsers, some test environments): the mark is for measuring only.
  }
  for (const resolve of waiting) resolve();
  waiting.clear();
}

/** Resolves once the first chart is drawn (at once if it already is). */
export function whenChartDrawn(): Promise<void> {
  if (drawn) return Promise.resolve();
  return new Promise((resolve) => waiting.add(resolve));
}
