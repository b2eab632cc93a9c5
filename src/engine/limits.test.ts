// Regression tests for the engine's hard limits (issue 14), each with a minimised reproducer of the input
// that hung or blew up before. Expected numbers come from LIMITS, never from a run's output. The time
// bounds are generous (this machine is 2 shared cores) and far below what the inputs took before.
import { describe, expect, it } from "vitest";
import { analyze, type Analysis } from "./analyze";
import { LIMITS } from "./limits";
import { buildPlan } from "./plan/plan";

function timed<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}

/** CPU milliseconds of `run` (Vitest runs each file in a process of its own): the size-model cases do
 *  ~0.7 s of work, which took 7–10 s of wall time when the whole engine suite shared the loaded 2 cores. */
function cpuTimed<T>(run: () => T): { result: T; ms: number } {
  const before = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(before);
  return { result, ms: (used.user + used.system) / 1000 };
}

function analyzeTexts(dockerfile: string, requirements: Record<string, string> = {}): Analysis {
  return analyze({ dockerfile, requirements: Object.entries(requirements).map(([path, content]) => ({ path, content })), dockerignore: null });
}

function codes(analysis: Analysis): string[] {
  return analysis.diagnostics.map((d) => d.code);
}

/** `ENV L0=abcdefgh`, then `ENV Ln+1=$Ln$Ln` (issue 15: 24 doublings, ~8 GB; before the limit, 117 s). */
function doublingChain(doublings: number, keyword = "ENV"): string {
  const lines = ["FROM python:3.12-slim", `${keyword} L0=abcdefgh`];
  for (let i = 0; i < doublings; i++) lines.push(`${keyword} L${i + 1}=$L${i}\${L${i}}`);
  lines.push(`RUN pip install $L${doublings}`);
  return lines.join("\n");
}

describe("variable expansion", () => {
  it.each([
    { name: "ENV doubling 24 times", text: doublingChain(24), firstLimitedLine: 2 + Math.ceil(Math.log2(LIMITS.expandedChars / 8)) },
    { name: "ARG doubling 24 times", text: doublingChain(24, "ARG"), firstLimitedLine: 2 + Math.ceil(Math.log2(LIMITS.expandedChars / 8)) },
  ])("$name stops at the per-value limit, with one error at the line that passed it", ({ text, firstLimitedLine }) => {
    const { result, ms } = timed(() => analyzeTexts(text));
    expect(ms).toBeLessThan(3_000);
    const limits = result.diagnostics.filter((d) => d.code === "limit/variable-expansion");
    expect(limits).toHaveLength(1);
    // 8 × 2^n first exceeds the limit at n = log2(limit / 8); line 1 is FROM and line 2 is L0.
    expect(limits[0]?.line).toBe(firstLimitedLine + 1);
    expect(limits[0]?.severity).toBe("error");
  });

  it("a long chain of large values stops at the estimate's total budget", () => {
    const half = 50_000;
    const lines = ["FROM python:3.12-slim", `ENV A=${"x".repeat(half)}`];
    for (let i = 0; i < 900; i++) lines.push(`ENV B${i}=$A$A`);
    const { result, ms } = timed(() => analyzeTexts(lines.join("\n")));
    expect(ms).toBeLessThan(3_000);
    // Each `$A$A` draws 2 × half from the budget; B0 is on line 3, so B(k) on line k + 3.
    const fits = Math.floor(LIMITS.expandedCharsTotal / (2 * half));
    expect(result.diagnostics.filter((d) => d.code === "limit/variable-expansion").map((d) => d.line)).toEqual([fits + 3]);
  });

  it("ordinary substitutions are untouched", () => {
    const result = analyzeTexts("FROM python:3.12-slim\nENV APP=/srv/app\nWORKDIR $APP\nRUN pip install flask");
    expect(codes(result).filter((c) => c.startsWith("limit/"))).toEqual([]);
  });
});

describe("Dockerfile size limits", () => {
  const stageHeavy = (stages: number) =>
    Array.from({ length: stages }, (_, i) => `FROM python:3.12-slim AS s${i}\nCOPY --from=s${Math.max(0, i - 1)} /app /app\nRUN pip install flask`).join("\n");

  it.each([
    { name: "stages", text: stageHeavy(LIMITS.stages + 1), code: "limit/stages", line: LIMITS.stages * 3 + 1 },
    { name: "instructions", text: ["FROM python:3.12-slim", ...Array.from({ length: LIMITS.instructions }, (_, i) => `ENV A${i}=${i}`)].join("\n"), code: "limit/instructions", line: LIMITS.instructions + 1 },
    { name: "a quoted 190 k-character echo (issue 15)", text: `FROM python:3.12-slim\nRUN echo "${"a=b ".repeat(47_500)}"`, code: "limit/instruction-size", line: 2 },
    { name: "a heredoc body past the limit", text: `FROM python:3.12-slim\nRUN <<EOF\n${"echo hi\n".repeat(LIMITS.instructionChars / 8)}EOF\n`, code: "limit/instruction-size", line: 2 },
  ])("$name: an error at the first instruction left out", ({ text, code, line }) => {
    const { result, ms } = timed(() => analyzeTexts(text));
    expect(ms).toBeLessThan(3_000);
    const limit = result.diagnostics.find((d) => d.code === code);
    expect(limit).toMatchObject({ line, column: 1, severity: "error" });
  });

  it("reads only the first LIMITS.dockerfileChars characters", () => {
    const text = `FROM python:3.12-slim\n${"# filler\n".repeat(Math.ceil(LIMITS.dockerfileChars / 9))}RUN pip install flask\n`;
    const result = analyzeTexts(text);
    expect(codes(result)).toContain("limit/dockerfile-size");
    expect(result.model.instructions.map((n) => n.keyword)).toEqual(["FROM"]);
  });

  it("a file under every limit has no limit diagnostics", () => {
    expect(codes(analyzeTexts(stageHeavy(LIMITS.stages))).filter((c) => c.startsWith("limit/"))).toEqual([]);
  });

  it("the plan proposes no rewrites past a limit, and says why", () => {
    const plan = buildPlan({ dockerfile: doublingChain(24), requirements: [], dockerignore: null });
    expect(plan.steps.map((s) => s.id)).toEqual(["original"]);
    expect(plan.notice).toMatch(/limits/);
  });
});

describe("size model limits", () => {
  // Wall time on the shared machine: ~0.7 s of CPU each took up to 10 s beside the rest of the suite.
  const WALL_TIMEOUT_MS = 60_000;
  /** Each stage copies the one before it twice: the model doubles per stage (before the limit, 20 stages
   *  held a million entries in 19 s of CPU; 40 would never end). */
  const doublingStages = (stages: number) => [
    "FROM python:3.12-slim AS s0", "WORKDIR /app", "COPY . .", "RUN pip install flask",
    ...Array.from({ length: stages - 1 }, (_, i) => `FROM python:3.12-slim AS s${i + 1}\nCOPY --from=s${i} /app /app/a\nCOPY --from=s${i} /app /app/b`),
  ].join("\n");
  /** A file copied in, then `chown -R` over everything so far, repeated: each chown copies up every earlier
   *  entry (before the limit, 2,000 pairs held 2 million entries and 360 MB of heap; 5,000 ran out). */
  const copyThenChown = (pairs: number) =>
    ["FROM python:3.12-slim", "WORKDIR /app", ...Array.from({ length: pairs }, (_, i) => `COPY requirements${i}.txt /app/\nRUN chown -R app /app`)].join("\n");
  /** 128 stages, each built on the one before (`FROM s<i-1>`), each forking a copy of its growing indexes. */
  const forkChain = (stages: number, copies: number) =>
    ["FROM python:3.12-slim AS s0", ...Array.from({ length: stages - 1 }, (_, i) => [`FROM s${i} AS s${i + 1}`, ...Array.from({ length: copies }, (_, k) => `COPY . /d${i}_${k}/`)].join("\n"))].join("\n");

  /** One stage making thousands of directories (a ~1 MB file), then stages built on it, each copying them. */
  const mkdirForks = (forks: number) => [
    "FROM python:3.12-slim AS s0",
    ...Array.from({ length: 15 }, (_, r) => `RUN mkdir ${Array.from({ length: 6_000 }, (_, k) => `/d${r}_${k}`).join(" ")}`),
    ...Array.from({ length: forks }, (_, i) => `FROM s0 AS s${i + 1}`),
  ].join("\n");

  it.each([
    { name: "15 RUN mkdir of 6,000 directories, then 127 stages built on them", text: mkdirForks(LIMITS.stages - 1), at: /^FROM s0 AS s\d+$/ },
    { name: "40 stages each copying the one before twice", text: doublingStages(40), at: /^COPY --from=s\d+ \/app \/app\/[ab]$/ },
    { name: "4,000 COPY + RUN chown -R pairs", text: copyThenChown(4_000), at: /^RUN chown -R app \/app$/ },
    { name: "128 stages built on each other, 70 copies each", text: forkChain(LIMITS.stages, 70), at: /^(FROM s\d+ AS s\d+|COPY \. \/d\d+_\d+\/)$/ },
  ])("$name: the estimate stops with one error at the line that passed the limit", ({ text, at }) => {
    const { result, ms } = cpuTimed(() => analyzeTexts(text));
    expect(ms).toBeLessThan(5_000);
    const limits = result.diagnostics.filter((d) => d.code.startsWith("limit/"));
    expect(limits).toHaveLength(1);
    expect(limits[0]).toMatchObject({ code: "limit/filesystem-entries", column: 1, severity: "error" });
    const line = limits[0]?.line ?? 0;
    expect(text.split("\n")[line - 1]).toMatch(at);
    // Nothing after that line is estimated: no layer starts past it.
    const layers = [...result.estimate.layers, ...result.estimate.buildLayers];
    expect(Math.max(...layers.map((l) => l.line))).toBeLessThanOrEqual(line);
    // What the model holds is bounded by the budget (each entry costs at least one unit).
    expect(layers.reduce((sum, l) => sum + l.items.length, 0)).toBeLessThanOrEqual(LIMITS.fsEntryLevels);
   }, WALL_TIMEOUT_MS);

  it("the same shapes, short, stay under the limit and are estimated whole", () => {
    expect(codes(analyzeTexts(mkdirForks(1))).filter((c) => c.startsWith("limit/"))).toEqual([]);
    for (const text of [doublingStages(8), copyThenChown(100), forkChain(20, 5)]) {
      const result = analyzeTexts(text);
      expect(codes(result).filter((c) => c.startsWith("limit/"))).toEqual([]);
      expect(Math.max(...[...result.estimate.layers, ...result.estimate.buildLayers].map((l) => l.line))).toBe(text.split("\n").length);
    }
  });

  it("a path longer than PATH_MAX stops the estimate at its line", () => {
    const deep = `/x${"/a".repeat(LIMITS.pathChars / 2)}`;
    const text = `FROM python:3.12-slim\nCOPY requirements.txt /app/\nCOPY requirements.txt ${deep}/\nRUN pip install flask\n`;
    const result = analyzeTexts(text);
    expect(result.diagnostics.filter((d) => d.code.startsWith("limit/"))).toEqual([expect.objectContaining({ code: "limit/path-length", line: 3, column: 1, severity: "error" })]);
    expect(result.estimate.layers.map((l) => l.line)).not.toContain(4);
  });

  it("the plan proposes no rewrites past the filesystem limit", () => {
    const plan = buildPlan({ dockerfile: doublingStages(40), requirements: [], dockerignore: null });
    expect(plan.steps.map((s) => s.id)).toEqual(["original"]);
    expect(plan.notice).toMatch(/limits/);
  }, WALL_TIMEOUT_MS);
});

describe("requirements limits", () => {
  it("a logical line past the limit is skipped with an error at its start", () => {
    const long = `flask==3.0 ${"\\\n --hash=sha256:ab".repeat(Math.ceil(LIMITS.requirementLineChars / 17))}`;
    const file = analyzeTexts("FROM python:3.12-slim", { "requirements.txt": `requests\n${long}\n` }).requirementFiles[0];
    expect(file?.diagnostics.find((d) => d.code === "limit/requirement-line")).toMatchObject({ line: 2, column: 1 });
    expect(file?.requirements.map((r) => r.name)).toEqual(["requests"]);
  });

  it("includes deeper than the limit are not followed", () => {
    const depth = LIMITS.includeDepth + 2;
    const files = Object.fromEntries(Array.from({ length: depth }, (_, i) => [`r${i}.txt`, i + 1 < depth ? `-r r${i + 1}.txt\npkg${i}\n` : `pkg${i}\n`]));
    const result = analyzeTexts("FROM python:3.12-slim", files);
    const limit = result.diagnostics.find((d) => d.code === "limit/include-depth");
    // From r0.txt, the include in r(depth - 1) would open the (depth + 1)-th file: it is refused there.
    expect(limit).toMatchObject({ line: 1, column: 1, file: { requirements: `r${LIMITS.includeDepth - 1}.txt` } });
  });

  // Issue 14: `\\+$` backtracked on a long run of backslashes (6 s for 50,000; quadratic in the run).
  it("a long run of backslashes that does not end the line is linear", () => {
    const { ms } = timed(() => analyzeTexts("FROM python:3.12-slim", { "requirements.txt": `${"\\".repeat(50_000)}x\\\nflask\n` }));
    expect(ms).toBeLessThan(2_000);
  });
});
