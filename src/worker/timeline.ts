// Named moments of a cold load (issue 13), as User Timing marks: scripts/bench/browser.ts reads them from
// the page and from the plan worker to print the load's timeline. Once each; never throws.
const marked = new Set<string>();

export function markTime(name: string): void {
  if (marked.has(name)) return;
  marked.add(name);
  try {
    performance.mark(`whaleweight:${name}`);
  } catch {
    // No User Timing (old browsers, some test environments): the marks are for measuring only.
  }
}
