// How much work the engine did, counted rather than timed: Dockerfile parses, analyses and rules' detect
// runs since the process started. `npm run bench` prints them beside a plan's time (a plan's cost is about
// its analyses × one analysis), and scaling tests compare them at N and 2N instead of timing anything.
// Plain increments: reading them costs nothing and changes no result.
export const workCounters = { parses: 0, analyses: 0, detects: 0 };

export type WorkCounts = typeof workCounters;

/** The counts of work done while `fn` ran. */
export function countWork<T>(fn: () => T): { result: T; work: WorkCounts } {
  const before = { ...workCounters };
  const result = fn();
  return { result, work: { parses: workCounters.parses - before.parses, analyses: workCounters.analyses - before.analyses, detects: workCounters.detects - before.detects } };
}
