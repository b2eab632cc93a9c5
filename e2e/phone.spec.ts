// The phone layout (issue 12): under 700 px, Input / Steps / Result tabs show one section at a time and
// nothing is wider than the screen; on a desktop every section shows and the tabs do not.
import { test, expect } from "./fixtures";
import type { Page } from "@playwright/test";

// Each test loads the whole playground; on a loaded CI machine that alone can take 20 s.
test.describe.configure({ timeout: 90_000 });

const PHONE = { width: 390, height: 844 };

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

test.describe("phone", () => {
  test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

  test("the tabs show one section at a time, none wider than the screen", async ({ playground, page }) => {
    await playground.goto();
    const editors = page.locator('[data-phone-pane="input"]');
    const steps = page.locator('[data-phone-pane="steps"]');
    const result = page.locator('[data-phone-pane="result"]');
    // The steps first: the answer is what a visitor came for.
    await expect(page.getByTestId("phone-tab-steps")).toHaveAttribute("aria-pressed", "true");
    await expect(steps).toBeVisible();
    await expect(editors).toBeHidden();
    await expect(result).toBeHidden();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);

    await page.getByTestId("phone-tab-input").tap();
    await expect(editors).toBeVisible();
    await expect(steps).toBeHidden();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);

    await page.getByTestId("phone-tab-result").tap();
    await expect(playground.details).toBeVisible();
    await expect(editors).toBeHidden();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  });

  test("step titles keep whole lines, not a word per line", async ({ playground, page }) => {
    await playground.goto();
    const widths = await page.locator(".step__title").evaluateAll((els) => els.map((el) => el.getBoundingClientRect().width));
    // At 390 px the title has the row to itself: well over half the screen (a word per line was ~60 px).
    for (const width of widths) expect(width).toBeGreaterThan(PHONE.width / 2);
  });

  test("the layer table's Size and Source are on screen", async ({ playground, page }) => {
    await playground.goto();
    await page.getByTestId("phone-tab-result").tap();
    const row = page.getByTestId("layer-table").getByTestId("layer-row").first();
    for (const label of ["Size", "Source"]) {
      const cell = row.locator(`td[data-label="${label}"]`);
      await expect(cell).toBeVisible();
      const box = await cell.boundingBox();
      expect(box).not.toBeNull();
      if (box !== null) expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    }
  });
});

test.describe("desktop", () => {
  test("every section shows and the tabs do not", async ({ playground, page }) => {
    await playground.goto();
    await expect(page.getByTestId("phone-tabs")).toBeHidden();
    for (const pane of ["input", "steps", "result"]) await expect(page.locator(`[data-phone-pane="${pane}"]`)).toBeVisible();
  });
});
