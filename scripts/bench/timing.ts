// Timing helpers of the bench, apart from the engine so that a child process can time dockerfile-utils
// with nothing of ours loaded (validate-times.ts).

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? NaN : sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/**
 * Median CPU milliseconds (user + system, process.cpuUsage) of `runs` calls after `warmup` untimed ones.
 * CPU time rather than wall clock: the machine this runs on is shared (load averages of 10–30 on 2 cores
 * while 7 agents build), and wall-clock medians there swung 10× between runs of the same file; the time
 * a call waits for a core is not its cost.
 */
export function timeMedian(fn: () => unknown, runs: number, warmup: number): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    samples.push((used.user + used.system) / 1000);
  }
  return median(samples);
}

let freshRuns = 0;

/**
 * The Dockerfile with a comment line no earlier run had, so each timed call meets a text the engine has not
 * seen, as a user's every keystroke is: `parseDockerfileCached` (the last two texts) and dockerfile-ast's
 * per-instruction memo cannot answer, and analyze pays the parse `validate` pays. What stays warm is what
 * stays warm between a user's keystrokes too: the tables, parsed requirements files (keyed by their own
 * text) and package closures.
 */
export function freshDockerfile(text: string): string {
  freshRuns++;
  return `${text}${text === "" || text.endsWith("\n") ? "" : "\n"}# bench run ${freshRuns}\n`;
}

