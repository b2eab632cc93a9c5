// `npm run bench`, Chromium section (issue 13): how soon the page answers. Serves the built dist/ with
// Vite's preview server on a free port, then in headless Chromium measures
//   - cold load → first chart drawn (the page's own performance mark, ms from navigation start), and
//   - keystroke → chart: a key pressed in the Dockerfile editor until the chart shows that text's plan
//     (the analysis publishes the plan's input version; the next animation frame is the paint),
// median of N per example. Targets (issue 13): keystroke → chart ≤ 50 ms median, chart ≤ 1.0 s after a
// cold load, and the same with the CPU slowed 2× (a slower machine), with the median timeline of the
// unthrottled loads. Skips, saying why, when dist/ or Chromium is missing. Prints; asserts nothing.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page, type Worker } from "@playwright/test";
import { preview } from "vite";
import { EXAMPLES } from "../../src/examples/index";
import { CHART_DRAWN_MARK } from "../../src/ui/first-chart";

/** Keystrokes timed per example (issue 13: "median of 20"). */
const KEYSTROKES = 20;
/** Cold loads timed: each a fresh browser context (empty cache, no service worker). */
const COLD_LOADS = 5;
/** The second cold-load row: the page's CPU slowed this many times (issue 13: a slower machine). */
const CPU_SLOWDOWN = 2;
const SYSTEM_CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

export interface BrowserRow {
  readonly what: string;
  readonly medianMs: number;
  readonly targetMs: number;
}

export interface BrowserResult {
  readonly rows: BrowserRow[];
  /** The unthrottled cold loads' median timeline (ms from navigation start), in time order. */
  readonly timeline: [string, number][];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function launch(): Promise<Browser | string> {
  try {
    return await chromium.launch(existsSync(SYSTEM_CHROMIUM)
      ? { executablePath: SYSTEM_CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"] }
      : {});
  } catch (error) {
    return `no Chromium (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`;
  }
}

/** Moments of a cold load, ms from navigation start: the page's and the plan worker's User Timing marks
 *  (src/worker/timeline.ts; the worker's shifted by the difference of the two time origins) and when the
 *  files on the way arrived (Resource Timing's responseEnd, the first request of each). */
export type Timeline = Record<string, number>;

interface ContextTimeline {
  readonly origin: number;
  readonly marks: readonly (readonly [string, number])[];
  readonly resources: readonly (readonly [string, number, number])[];
}

/** Read inside the page or the worker (serialised by Playwright: nothing from this module's scope). */
function readTimeline(): ContextTimeline {
  return {
    origin: performance.timeOrigin,
    marks: performance.getEntriesByType("mark").map((m) => [m.name, m.startTime] as const),
    resources: (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).map((r) => [r.name, r.startTime, r.responseEnd] as const),
  };
}

/** Which resources the timeline names, by file name (content hashes dropped). */
const TIMELINE_FILES: readonly (readonly [RegExp, string])[] = [
  [/\/index-[^/]*\.js$/, "page script"],
  [/\/SizeChart-[^/]*\.js$/, "chart chunk"],
  [/\/plan\.worker-[^/]*\.js$/, "worker script"],
  [/\/plan-engine-[^/]*\.js$/, "engine chunk"],
  [/\/python-wheels-[^/]*\.json$/, "wheel table"],
  [/\/debian-(bullseye|bookworm|trixie)-[^/]*\.json$/, "Debian table"],
];

function mergeTimeline(into: Timeline, from: ContextTimeline, shift: number, where: string): void {
  for (const [name, at] of from.marks) into[`${name.replace(/^whaleweight:/, "")} (${where} mark)`] ??= at + shift;
  for (const [url, start, end] of from.resources) {
    const file = TIMELINE_FILES.find(([pattern]) => pattern.test(url));
    if (file === undefined) continue;
    into[`${file[1]} requested (${where})`] ??= start + shift;
    into[`${file[1]} received (${where})`] ??= end + shift;
  }
}

/** One cold load: ms to the first chart, and its timeline. `cpuSlowdown` > 1 throttles the page's CPU
 *  (and its workers') by that factor through the DevTools protocol, as a slower machine would be. */
async function coldLoad(browser: Browser, url: string, cpuSlowdown: number): Promise<{ chartMs: number; timeline: Timeline }> {
  const context = await browser.newContext({ serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    if (cpuSlowdown > 1) await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
    const workers: Worker[] = [];
    page.on("worker", (worker) => workers.push(worker));
    await page.goto(url);
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, CHART_DRAWN_MARK, { timeout: 30_000 });
    const chartMs = await page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? Number.NaN, CHART_DRAWN_MARK);
    const own = await page.evaluate(readTimeline);
    const timeline: Timeline = {};
    mergeTimeline(timeline, own, 0, "page");
    for (const worker of workers) {
      if (!worker.url().includes("plan.worker")) continue;
      const theirs = await worker.evaluate(readTimeline).catch(() => null);
      if (theirs !== null) mergeTimeline(timeline, theirs, theirs.origin - own.origin, "worker");
    }
    return { chartMs, timeline };
  } finally {
    await context.close();
  }
}

/** Median of each moment over the loads that have it, in time order. */
function medianTimeline(timelines: readonly Timeline[]): [string, number][] {
  const names = new Set(timelines.flatMap((t) => Object.keys(t)));
  return [...names].map((name) => [name, median(timelines.flatMap((t) => (t[name] === undefined ? [] : [t[name]])))] as [string, number]).sort((a, b) => a[1] - b[1]);
}

/** One keystroke in the focused editor, timed until the plan of the new text is on screen. */
async function keystrokeMs(page: Page, key: string): Promise<number> {
  const wait = page.evaluate(() => new Promise<number>((resolve) => {
    const analysis = document.querySelector('[data-testid="analysis"]');
    if (analysis === null) return resolve(Number.NaN);
    const start = { at: Number.NaN };
    addEventListener("keydown", () => { start.at = performance.now(); }, { once: true, capture: true });
    const before = Number(analysis.getAttribute("data-plan-version"));
    const observer = new MutationObserver(() => {
      if (Number(analysis.getAttribute("data-plan-version")) > before && analysis.getAttribute("data-pending") === "false") {
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - start.at));
      }
    });
    observer.observe(analysis, { attributes: true });
  }));
  // Let the listener and observer be installed before the key. A failure below must not leave `wait`
  // rejecting unhandled when the context closes.
  wait.catch(() => undefined);
  await page.waitForTimeout(50);
  await page.keyboard.press(key);
  return wait;
}

async function keystrokeRows(browser: Browser, url: string): Promise<BrowserRow[]> {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const rows: BrowserRow[] = [];
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('[data-testid="app"][data-editor-status="ready"]', { timeout: 60_000 });
    for (const example of EXAMPLES) {
      await page.getByTestId("examples").selectOption(example.id);
      await page.waitForSelector('[data-testid="analysis"][data-pending="false"]');
      // The end of the Dockerfile's first line: a space typed and taken back, each a keystroke and a plan.
      await page.getByTestId("editor-dockerfile").locator(".view-lines").click();
      await page.keyboard.press("ControlOrMeta+Home");
      await page.keyboard.press("End");
      const times: number[] = [];
      for (let i = 0; i < KEYSTROKES; i++) times.push(await keystrokeMs(page, i % 2 === 0 ? "Space" : "Backspace"));
      rows.push({ what: `keystroke → chart: ${example.title}`, medianMs: median(times), targetMs: 50 });
    }
  } finally {
    await context.close();
  }
  return rows;
}

/** The Chromium rows and the cold load's timeline, or why there are none. */
export async function browserRows(root: string): Promise<BrowserResult | string> {
  const dist = join(root, "dist");
  if (!existsSync(join(dist, "index.html"))) return "no dist/ — run `npm run build` first.";
  const browser = await launch();
  if (typeof browser === "string") return browser;
  // configFile: false: dist/ is static files; the project config (plugins) is for building it.
  const server = await preview({ root, configFile: false, logLevel: "silent", preview: { port: 0, host: "127.0.0.1", open: false } });
  try {
    const url = server.resolvedUrls?.local[0];
    if (url === undefined) return "the preview server gave no address";
    // Alternated, so both rows see the same load on a shared machine.
    const cold: { chartMs: number; timeline: Timeline }[] = [];
    const slow: number[] = [];
    for (let i = 0; i < COLD_LOADS; i++) {
      cold.push(await coldLoad(browser, url, 1));
      slow.push((await coldLoad(browser, url, CPU_SLOWDOWN)).chartMs);
    }
    const rows = [
      { what: "cold load → chart drawn", medianMs: median(cold.map((c) => c.chartMs)), targetMs: 1000 },
      { what: `cold load → chart drawn, CPU ${CPU_SLOWDOWN}× slower`, medianMs: median(slow), targetMs: 1000 },
      ...(await keystrokeRows(browser, url)),
    ];
    return { rows, timeline: medianTimeline(cold.map((c) => c.timeline)) };
  } finally {
    await server.close();
    await browser.close();
  }
}

/** Prints the Chromium table (the one line scripts/bench.ts calls). */
export async function printBrowserTable(root: string): Promise<void> {
  const result = await browserRows(root);
  if (typeof result === "string") {
    console.log(`\nChromium (keystroke → chart, cold load): skipped: ${result}`);
    return;
  }
  const { rows, timeline } = result;
  console.log("\nChromium: time to the chart (median, ms; target in brackets)");
  const width = Math.max(...rows.map((r) => r.what.length));
  for (const r of rows) console.log(`${r.what.padEnd(width)}  ${r.medianMs.toFixed(0).padStart(6)}  (≤ ${r.targetMs})${r.medianMs <= r.targetMs ? "" : "  over"}`);
  console.log(`\nChromium: cold load timeline (median of ${COLD_LOADS}, ms from navigation start)`);
  const nameWidth = Math.max(...timeline.map(([name]) => name.length));
  for (const [name, at] of timeline) console.log(`${name.padEnd(nameWidth)}  ${at.toFixed(0).padStart(6)}`);
}
