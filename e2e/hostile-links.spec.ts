// Issue 14's hostile links: each opens or is refused with a message, the page keeps answering input, and
// the user's own text stays. The fragments are made with the app's own codec, so they are exactly what a
// crafted link would carry.
import { encodePermalink, MAX_DECOMPRESSED_BYTES, MAX_FRAGMENT_CHARS } from "../src/permalink/codec";
import { TABLES_VERSION } from "../src/engine/knowledge/data/tables-version";
import { expect, test } from "./fixtures";

const OWN_TEXT = "FROM python:3.12-slim\n# my own work\n";

test("a 2 MB junk fragment just under the cap is refused with a message, and the own text stays", async ({ playground, page }) => {
  // Chromium itself takes seconds to load a page behind a 2 MB address on a loaded machine (measured:
  // ~8 s before the first script is requested), before any of the page's own work.
  test.setTimeout(120_000);
  await playground.goto();
  await playground.paste("dockerfile", OWN_TEXT);
  await page.goto("about:blank");
  // Chromium refuses URLs past 2 MiB in all: the fragment leaves room for the address before it.
  await page.goto(`/#v1.${"A".repeat(MAX_FRAGMENT_CHARS - 3 - 100)}`, { timeout: 60_000 });
  await playground.waitForPlan(60_000);
  await expect(playground.notice).toHaveAttribute("data-tone", "error");
  await expect(page.getByTestId("notice-message")).toContainText("could not be opened");
  await expect(playground.editor("dockerfile")).toContainText("my own work");
});

test("a short link that unpacks to just under the cap opens, and the page keeps answering", async ({ playground, page }) => {
  const fragment = encodePermalink({
    tablesVersion: TABLES_VERSION, dockerfile: `FROM python:3.12\nRUN echo ${"a".repeat(MAX_DECOMPRESSED_BYTES - 200)}\n`,
    requirements: [], dockerignore: null, decisions: {}, selectedStep: null, contextBytes: null, projectFiles: [], arch: null, packageSizes: {},
  });
  expect(fragment.length).toBeLessThan(10_000);
  await page.goto(`/#${fragment}`);
  // The page answers input while the link's text is planned (in the worker, under the engine's limits).
  await page.getByTestId("theme").selectOption("dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark", { timeout: 5_000 });
  await playground.waitForPlan(60_000);
  await expect(page.getByTestId("plan-notice")).toBeVisible();
});

test("a link is unpacked in a worker, and the page answers input meanwhile", async ({ playground, page }) => {
  await playground.goto();
  await playground.paste("dockerfile", OWN_TEXT);
  const fragment = encodePermalink({
    tablesVersion: TABLES_VERSION, dockerfile: `FROM python:3.12\nRUN echo ${"b".repeat(MAX_DECOMPRESSED_BYTES - 200)}\n`,
    requirements: [], dockerignore: null, decisions: {}, selectedStep: null, contextBytes: null, projectFiles: [], arch: null, packageSizes: {},
  });
  const unpacked = page.waitForRequest(/link\.worker[^/]*\.js/);
  await page.evaluate((hash) => { location.hash = hash; }, `#${fragment}`);
  await unpacked;
  await page.getByTestId("theme").selectOption("dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark", { timeout: 5_000 });
  await expect(page.getByTestId("notice-message")).toContainText("Opened a shared link", { timeout: 10_000 });
  // The text it replaced is offered back.
  await page.getByTestId("notice-action").click();
  await expect(playground.editor("dockerfile")).toContainText("my own work");
});

test("a junk link pasted into an open tab is refused with a message, and the text on screen stays", async ({ playground, page }) => {
  await playground.goto();
  await playground.paste("dockerfile", OWN_TEXT);
  await page.evaluate((hash) => { location.hash = hash; }, `#v1.${"A".repeat(MAX_FRAGMENT_CHARS - 3 - 100)}`);
  await expect(playground.notice).toHaveAttribute("data-tone", "error", { timeout: 10_000 });
  await expect(page.getByTestId("notice-message")).toContainText("could not be opened");
  await expect(playground.editor("dockerfile")).toContainText("my own work");
});
