// Accessible by default (issue 12): no axe violations (WCAG 2.x A and AA) on the main views, in both
// themes, on a desktop and a phone; and Tab leaves the editors unless the user asks it to indent.
import AxeBuilder from "@axe-core/playwright";
import { test, expect } from "./fixtures";
import type { Page } from "@playwright/test";

// axe walks the whole DOM, Monaco's included: on a loaded machine one scan takes ~10 s.
test.describe.configure({ timeout: 180_000 });

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];


async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

for (const theme of ["light", "dark"] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test("the page with the example and a later step selected has no violations", async ({ playground, page }) => {
      await playground.goto();
      expect(await violations(page)).toEqual([]);
      // A later step: its diff, rationale and layer tables are in view.
      await playground.selectStep(1);
      await page.waitForTimeout(500);
      expect(await violations(page)).toEqual([]);
    });
  });

  test.describe(`${theme} theme, phone`, () => {
    test.use({ colorScheme: theme, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

    test("each tab has no violations", async ({ playground, page }) => {
      await playground.goto();
      for (const pane of ["steps", "input", "result"]) {
        await page.getByTestId(`phone-tab-${pane}`).tap();
        expect(await violations(page), pane).toEqual([]);
      }
    });
  });
}

test("Tab leaves an editor by default; with Tab-to-indent on it indents", async ({ playground, page }) => {
  await playground.goto();
  const header = page.getByTestId("tab-mode");
  await expect(header).toContainText("Tab moves to the next control");
  const dockerfile = playground.editor("dockerfile").locator(".monaco-editor");
  await dockerfile.locator(".view-lines").click();
  await page.keyboard.press("Tab");
  await expect(dockerfile).not.toContainClass("focused");

  await page.getByTestId("tab-indents").check();
  await expect(header).toContainText("Tab indents in the editors");
  const before = await playground.planVersion();
  await dockerfile.locator(".view-lines").click();
  await page.keyboard.press("End");
  await page.keyboard.press("Tab");
  await expect(dockerfile).toContainClass("focused");
  // The tab went into the text: the plan was asked again.
  await expect.poll(() => playground.planVersion()).toBeGreaterThan(before);
  // The choice is the person's: it survives a reload.
  await page.reload();
  await expect(page.getByTestId("tab-indents")).toBeChecked();
});
