// Taking the result home, and reading where the chart's numbers come from.
import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";

test("the result can be downloaded and copied", async ({ playground, page }) => {
  await playground.goto();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-dockerfile").click()]);
  expect(download.suggestedFilename()).toBe("Dockerfile");
  const downloaded = await readFile(await download.path(), "utf8");
  expect(downloaded).toMatch(/^FROM /m);
  await page.getByTestId("copy-dockerfile").click();
  await expect(page.getByTestId("result-status")).toHaveText("Dockerfile copied.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(downloaded);

  const [ignore] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-dockerignore").click()]);
  expect(ignore.suggestedFilename()).toMatch(/dockerignore$/);
  expect(await readFile(await ignore.path(), "utf8")).toContain(".git");
});

test("a bar's tooltip names where its bytes come from", async ({ playground, page }) => {
  await playground.goto();
  // The bars' hit areas (chart-bar) lie over the drawn bars: hovering one shows its tooltip.
  const bars = page.getByTestId("chart-bar");
  await expect(bars.first()).toBeVisible();
  await bars.first().hover();
  const tooltip = page.getByTestId("chart-tooltip");
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText("Base image");
  await expect(tooltip).toContainText("base-images:");
});

test("the theme follows the toggle", async ({ playground, page }) => {
  await playground.goto();
  await page.getByTestId("theme").selectOption("dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
});
