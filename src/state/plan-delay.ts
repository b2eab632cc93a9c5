// How long the plan client waits after an edit before planning (issue 13: a fixed 120 ms debounce was
// 124 of the 167 ms from keystroke to chart). Small texts are planned at once: the client keeps one plan
// in flight and folds the edits made meanwhile into the next one, so a burst of typing already costs one
// plan per plan-time, not one per keystroke, without any waiting. Only large texts, whose plans take long
// enough that starting one on a half-typed word wastes the worker, wait for a pause.

/** Up to this many characters (all files), plan at once. The examples are 0.3–1 kB and a long real
 *  Dockerfile of the shared corpus a few kB; issue 13's target is a 1,000-instruction file (~40 kB) in
 *  ≤ 50 ms, so at this size a plan costs about what a keystroke interval does (~100 ms at 10 keys/s). */
export const INSTANT_CHARS = 20_000;
/** Above INSTANT_CHARS: a pause this long before planning… */
export const BASE_DELAY_MS = 120;
/** …plus this much per 100 kB, so huge inputs are planned less often (the delays of the debounce this
 *  replaces, kept for large texts)… */
export const DELAY_PER_100KB_MS = 40;
/** …capped: even a 1 MB paste is planned within a second of the last keystroke. */
export const MAX_DELAY_MS = 800;

/** Milliseconds to wait after an edit to `chars` characters of text before planning. */
export function planDelay(chars: number): number {
  if (chars <= INSTANT_CHARS) return 0;
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS + (chars / 100_000) * DELAY_PER_100KB_MS);
}
