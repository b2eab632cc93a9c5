// The editors: text visible before Monaco, Monaco when it loads, the plain editor kept when it fails,
// and findings shown as markers.
import { expect, test } from "./fixtures";

test("without Monaco the plain editor stays and works", async ({ playground, page }) => {
  // Monaco's chunk cannot load (offline, blocked): the page must not care.
  await page.route(/monaco-setup-[^/]*\.js$/, (route) => route.abort());
  await page.goto("/");
  await expect(playground.app).toHaveAttribute("data-editor-status", "failed");
  await playground.waitForPlan();
  const textarea = page.getByTestId("editor-dockerfile-textarea");
  await expect(textarea).toHaveValue(/FROM python:3\.12/);
  await playground.paste("dockerfile", "FROM python:3.12-slim\nRUN pip install flask\n");
  await expect(textarea).toHaveValue("FROM python:3.12-slim\nRUN pip install flask\n");
  await expect(playground.step(0).getByTestId("step-size")).toHaveText(/MB/);
  // The diff falls back to text as well.
  await playground.selectStep((await playground.steps.count()) - 1);
  await expect(page.getByTestId("diff-text").or(page.getByTestId("diff-empty"))).toBeVisible();
});

test("findings become markers in the Dockerfile editor", async ({ playground, page }) => {
  await playground.goto();
  await expect(page.getByTestId("problems")).toContainText("size/base-variant");
  // Monaco draws a squiggle per marker; the default example has findings on its first lines.
  await expect(playground.editor("dockerfile").locator(".squiggly-warning, .squiggly-error, .squiggly-info").first()).toBeAttached();
});
