// The chart (issue 12): bars a keyboard can reach and select, taps that select the tapped bar (not step 0),
// a zoom on the steps after the first, a tooltip that fits a phone, and Copy as markdown beside the result.
import { test, expect } from "./fixtures";
import type { Page } from "@playwright/test";

// Each test loads the whole playground; on a loaded CI machine that alone can take 20 s.
test.describe.configure({ timeout: 90_000 });

async function selectedStepId(page: Page): Promise<string | null> {
  return page.getByTestId("step-details").getAttribute("data-step-id");
}

async function stepId(page: Page, index: number): Promise<string | null> {
  return page.getByTestId("step").nth(index).getAttribute("data-step-id");
}

test.describe("desktop", () => {
  test("the bars are one tab stop; arrows, Home/End and Enter select steps", async ({ playground, page }) => {
    await playground.goto();
    const bars = page.getByTestId("chart-bar");
    const count = await bars.count();
    expect(count).toBe(await playground.steps.count());
    // Exactly one bar is in the tab order: the selected step's.
    const tabbable = await bars.evaluateAll((els) => els.filter((el) => el.getAttribute("tabindex") === "0").length);
    expect(tabbable).toBe(1);
    await bars.first().focus();
    await page.keyboard.press("Home");
    await expect.poll(() => selectedStepId(page)).toBe(await stepId(page, 0));
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => selectedStepId(page)).toBe(await stepId(page, 1));
    await expect(bars.nth(1)).toBeFocused();
    await expect(bars.nth(1)).toHaveAttribute("aria-checked", "true");
    await page.keyboard.press("End");
    await expect.poll(() => selectedStepId(page)).toBe(await stepId(page, count - 1));
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => selectedStepId(page)).toBe(await stepId(page, 0));
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Enter");
    await expect.poll(() => selectedStepId(page)).toBe(await stepId(page, count - 1));
  });

  test("a click selects the clicked bar's step", async ({ playground, page }) => {
    await playground.goto();
    await page.getByTestId("chart-bar").nth(2).click();
    await expect.poll(() => selectedStepId(page)).toBe(await stepId(page, 2));
  });

  test("zoom shows the steps after the first on an axis that does not start at zero", async ({ playground, page }) => {
    await playground.goto();
    const steps = await playground.steps.count();
    const chart = page.getByTestId("chart");
    const zoom = page.getByTestId("chart-zoom");
    await expect(zoom).toHaveAttribute("aria-pressed", "false");
    await zoom.click();
    await expect(zoom).toHaveAttribute("aria-pressed", "true");
    await expect(chart).toHaveAttribute("data-scale", "zoom");
    await expect(page.getByTestId("chart-bar")).toHaveCount(steps - 1);
    // The axis starts at the zoom's lower bound, which the caption names: 0 B is no longer a tick.
    const labels = await chart.locator("svg text").allTextContents();
    expect(labels).toContain("Step 1");
    expect(labels).not.toContain("0 B");
    await expect(chart.locator("figcaption")).toContainText("on an axis from");
    // A bar of the zoomed view still selects its own step (plan index = bar index + 1).
    await page.getByTestId("chart-bar").first().click();
    await expect.poll(() => selectedStepId(page)).toBe(await stepId(page, 1));
    await zoom.click();
    await expect(page.getByTestId("chart-bar")).toHaveCount(steps);
  });

  test("Copy as markdown copies the plan's report with a link to this view", async ({ playground, page }) => {
    await playground.goto();
    await page.getByTestId("copy-markdown").click();
    await expect(page.getByTestId("copy-markdown-status")).toHaveText("Markdown report copied.");
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toMatch(/^### Whaleweight: `Dockerfile`/);
    const steps = await playground.steps.count();
    // One row per step in the steps table (the findings table follows it, with its own columns).
    expect(text.split("\n").filter((l) => /^\| \d+ \| [^|]+ \| (original|applied|skipped|failed|offered)/.test(l))).toHaveLength(steps);
    expect(text).toContain(`| 0 | Your Dockerfile | original | ${(await playground.step(0).getByTestId("step-size").textContent()) ?? ""} |`);
    const link = /\]\((http[^)]+#v\d+\.[^)]+)\)/.exec(text)?.[1];
    expect(link).toBeDefined();
  });

  test("legend text meets 4.5:1 on the panel in both themes", async ({ playground, page }) => {
    await playground.goto();
    for (const theme of ["light", "dark"]) {
      await page.getByTestId("theme").selectOption(theme);
      const ratios = await page.locator(".chart__legend-text").evaluateAll((els) => els.map((el) => {
        const channels = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const luminance = (rgb: number[]) => {
          const [r = 0, g = 0, b = 0] = rgb.map((v) => {
            const c = v / 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const panel = el.closest(".panel");
        const fg = luminance(channels(getComputedStyle(el).color));
        const bg = luminance(channels(getComputedStyle(panel ?? document.body).backgroundColor));
        return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      }));
      expect(ratios.length).toBeGreaterThan(0);
      for (const ratio of ratios) expect(ratio).toBeGreaterThanOrEqual(4.5);
    }
  });
});

test.describe("phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("a tap selects the tapped bar, and its tooltip fits the screen", async ({ playground, page }) => {
    await playground.goto();
    const bar = page.getByTestId("chart-bar").nth(2);
    await bar.scrollIntoViewIfNeeded();
    await bar.tap();
    await expect.poll(() => selectedStepId(page)).toBe(await stepId(page, 2));
    const tooltip = page.getByTestId("chart-tooltip");
    await expect(tooltip).toBeVisible();
    const box = await tooltip.boundingBox();
    expect(box).not.toBeNull();
    if (box === null) return;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    // Another bar: the selection follows it, never falls back to step 0.
    await page.getByTestId("chart-bar").nth(1).tap();
    await expect.poll(() => selectedStepId(page)).toBe(await stepId(page, 1));
  });
});
