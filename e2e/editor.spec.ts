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
  // The diff falls back to text as well: a step's own, or (the last step may be offered) its preview.
  await playground.selectStep((await playground.steps.count()) - 1);
  const diffs = ["diff-text", "diff-empty", "preview-diff-text", "preview-diff-empty"].map((id) => page.getByTestId(id));
  await expect(diffs.reduce((any, d) => any.or(d))).toBeVisible();
});

test("findings become markers in the Dockerfile editor", async ({ playground, page }) => {
  await playground.goto();
  await expect(page.getByTestId("problems")).toContainText("size/base-variant");
  // Monaco draws a squiggle per marker; the default example has findings on its first lines.
  await expect(playground.editor("dockerfile").locator(".squiggly-warning, .squiggly-error, .squiggly-info").first()).toBeAttached();
});

test("the keyboard can leave the editor and reach every control", async ({ playground, page }) => {
  await playground.goto();
  // The toolbar is reachable by Tab from the top of the page.
  await page.locator("body").click({ position: { x: 2, y: 2 } });
  const reached = new Set<string>();
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press("Tab");
    reached.add((await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))) ?? "");
  }
  for (const id of ["examples", "context-size", "theme", "share"]) expect(reached).toContain(id);
  // By default Tab leaves the editor, so it is no trap; Ctrl+M switches Tab to indenting (the header says so).
  const monaco = playground.editor("dockerfile").locator(".monaco-editor");
  await monaco.locator(".view-lines").click();
  await expect(monaco).toContainClass("focused");
  await page.keyboard.press("Tab");
  await expect(monaco).not.toContainClass("focused");
  await monaco.locator(".view-lines").click();
  await page.keyboard.press("Control+M");
  await expect(page.getByTestId("tab-indents")).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(monaco).toContainClass("focused");
});
