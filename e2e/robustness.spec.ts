// Hostile and huge input: pasted markup stays text, and a 1 MB paste does not freeze the page.
import { expect, test } from "./fixtures";
import { HOSTILE_DOCKERFILE, HOSTILE_REQUIREMENTS, megabyteDockerfile } from "./data";

test("pasted HTML and script stay text", async ({ playground, page }) => {
  await playground.goto();
  const scriptsBefore = await page.locator("script").count();
  await playground.paste("dockerfile", HOSTILE_DOCKERFILE);
  await playground.paste("requirements", HOSTILE_REQUIREMENTS);
  await playground.selectStep(0);
  // The markup is shown as characters in the layer table and the findings…
  await expect(page.getByTestId("layer-table")).toContainText("<script>alert(2)</script>");
  // …and never becomes elements (the dialogs fixture fails the test if an alert opens).
  await expect(page.locator("img[src='x']")).toHaveCount(0);
  await expect(page.locator("svg[onload]")).toHaveCount(0);
  expect(await page.locator("script").count()).toBe(scriptsBefore);

  // Through a shared link too.
  const url = await playground.share();
  await page.goto("about:blank");
  await playground.goto(url);
  await playground.selectStep(0);
  await expect(page.getByTestId("layer-table")).toContainText("<script>alert(2)</script>");
  await expect(page.locator("img[src='x']")).toHaveCount(0);
});

test("a 1 MB paste keeps the page responsive", async ({ playground, page }) => {
  await playground.goto();
  const big = megabyteDockerfile();
  expect(big.length).toBeGreaterThan(1_000_000);
  const before = await playground.planVersion();
  await playground.paste("dockerfile", big, { wait: false });
  // While the plan of the new text is computed, the page still handles input: the theme switch reacts.
  await page.getByTestId("theme").selectOption("dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.getByTestId("theme").selectOption("light");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  // And the plan of the big text arrives.
  await expect.poll(() => playground.planVersion(), { timeout: 90_000 }).toBeGreaterThan(before);
  await playground.waitForPlan(90_000);
  await expect(page.getByTestId("layer-table")).toBeVisible();
  await expect(playground.step(0).getByTestId("step-size")).toBeVisible();
  // Either rewrites are proposed, or the page says why not (the engine caps them on huge input).
  await expect(page.getByTestId("plan-notice").or(playground.step(1))).toBeVisible();
});
