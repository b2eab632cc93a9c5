// `npm run bench`, Chromium section (issue 13): how soon the page answers. Serves the built dist/ with
// Vite's preview server on a free port, then in headless Chromium measures
//   - cold load → first chart drawn (the page's own performance mark, ms from navigation start), and
//   - keystroke → chart: a key pressed in the Dockerfile editor until the chart shows that text's plan
//     (the analysis publishes the plan's input version; the next animation frame is the paint),
// median of N per example. Targets (issue 13): keystroke → chart ≤ 50 ms median, chart ≤ 1.0 s after a
// cold load. Skips, saying why, when dist/ or Chromium is missing. Prints; asserts nothing.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { preview } from "vite";
import { EXAMPLES } from "../../src/examples/index";
import { CHART_DRAWN_MARK } from "../../src/ui/first-chart";

/** Keystrokes timed per example (issue 13: "median of 20"). */
const KEYSTROKES = 20;
/** Cold loads timed: each a fresh browser context (empty cache, no service worker). */
const COLD_LOADS = 5;
const SYSTEM_CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

export interface BrowserRow {
  readonly what: string;
  readonly medianMs: number;
  readonly targetMs: number;
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

async function coldLoadMs(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, CHART_DRAWN_MARK, { timeout: 30_000 });
    return page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? Number.NaN, CHART_DRAWN_MARK);
  } finally {
    await context.close();
  }
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

/** The Chromium rows, or why there are none. */
export async function browserRows(root: string): Promise<BrowserRow[] | string> {
  const dist = join(root, "dist");
  if (!existsSync(join(dist, "index.html"))) return "no dist/ — run `npm run build` first.";
  const browser = await launch();
  if (typeof browser === "string") return browser;
  // configFile: false: dist/ is static files; the project config (plugins) is for building it.
  const server = await preview({ root, configFile: false, logLevel: "silent", preview: { port: 0, host: "127.0.0.1", open: false } });
  try {
    const url = server.resolvedUrls?.local[0];
    if (url === undefined) return "the preview server gave no address";
    const cold: number[] = [];
    for (let i = 0; i < COLD_LOADS; i++) cold.push(await coldLoadMs(browser, url));
    return [{ what: "cold load → chart drawn", medianMs: median(cold), targetMs: 1000 }, ...(await keystrokeRows(browser, url))];
  } finally {
    await server.close();
    await browser.close();
  }
}

/** Prints the Chromium table (the one line scripts/bench.ts calls). */
export async function printBrowserTable(root: string): Promise<void> {
  const rows = await browserRows(root);
  if (typeof rows === "string") {
    console.log(`\nChromium (keystroke → chart, cold load): skipped: ${rows}`);
    return;
  }
  console.log("\nChromium: time to the chart (median, ms; target in brackets)");
  const width = Math.max(...rows.map((r) => r.what.length));
  for (const r of rows) console.log(`${r.what.padEnd(width)}  ${r.medianMs.toFixed(0).padStart(6)}  (≤ ${r.targetMs})${r.medianMs <= r.targetMs ? "" : "  over"}`);
}
