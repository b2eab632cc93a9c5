// Offline for real (issue 12): once the playground has loaded, its service worker holds the page, the
// editor, the engine and the tables; with the network gone a reload still plans.
import { test, expect } from "./fixtures";
import { FAT_DOCKERFILE } from "./data";

// The config blocks service workers for every other spec.
test.use({ serviceWorkers: "allow" });

test("a loaded playground reloads and plans offline", async ({ playground, page, context }) => {
  test.setTimeout(120_000);
  await playground.goto();
  // The worker is active once everything is precached (install waits for the whole list).
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const online = await playground.summaryFinal.textContent();
  await context.setOffline(true);
  await page.reload();
  await playground.waitForPlan(60_000);
  await playground.waitForEditors();
  await expect(page.getByTestId("app")).toHaveAttribute("data-editor-status", "ready");
  // Same tables, same numbers as online.
  await expect(playground.summaryFinal).toHaveText(online ?? "");
  // And a new text is planned offline too.
  await playground.paste("dockerfile", FAT_DOCKERFILE);
  expect(await playground.steps.count()).toBeGreaterThan(1);
  await context.setOffline(false);
});

test("the page can be installed: a manifest with a name, a start URL and an icon", async ({ page }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).not.toBeNull();
  const response = await page.request.get(new URL(href ?? "", page.url()).toString());
  expect(response.ok()).toBe(true);
  const manifest = (await response.json()) as { name?: string; start_url?: string; display?: string; icons?: unknown[] };
  expect(manifest.name).toContain("Whaleweight");
  expect(manifest.start_url).toBeDefined();
  expect(manifest.display).toBe("standalone");
  expect(manifest.icons?.length).toBeGreaterThan(0);
});
