// Honest states: the first visit's example says it is one and offers empty editors; a Dockerfile pasted
// over the example offers to clear the example's other files; empty, garbage and binary input show the
// problem where the result would be — no "0 B", no chart, no Copy.
import { expect, test } from "./fixtures";
import type { PlaygroundPage } from "./pages/playground-page";

/** Paste, then wait for the analysis to settle (there are no steps to wait for when the input has a problem). */
async function pasteDockerfile(playground: PlaygroundPage, text: string): Promise<void> {
  const before = await playground.planVersion();
  await playground.paste("dockerfile", text, { wait: false });
  await expect.poll(() => playground.planVersion(), { timeout: 20_000 }).toBeGreaterThan(before);
  await expect(playground.page.getByTestId("analysis")).toHaveAttribute("data-pending", "false", { timeout: 20_000 });
}

async function expectNoResult(playground: PlaygroundPage): Promise<void> {
  const { page } = playground;
  await expect(page.getByTestId("result-problem")).toBeVisible();
  await expect(playground.summaryFinal).toHaveCount(0);
  await expect(page.getByTestId("copy-dockerfile")).toHaveCount(0);
  await expect(page.getByTestId("download-dockerfile")).toHaveCount(0);
  await expect(page.getByTestId("chart-heading").or(page.locator("#chart-heading"))).toHaveCount(0);
  await expect(page.getByTestId("analysis")).not.toContainText("0 B on disk");
}

test("the first visit's example says so, and Start from your own empties every editor", async ({ playground, page }) => {
  test.slow(); // Several plans on a machine shared with other builds.
  await playground.goto();
  await expect(page.getByTestId("example-banner")).toContainText("This is an example");
  await page.getByTestId("start-own").click();
  await expect(page.getByTestId("example-banner")).toHaveCount(0);
  await expect(page.getByTestId("result-problem")).toContainText("Nothing to weigh yet");
  await expectNoResult(playground);
  expect(await playground.editorText("dockerfile")).toBe("");
  expect(await playground.editorText("requirements")).toBe("");
  // The cursor is in the empty Dockerfile editor, ready for a paste.
  await expect(playground.editor("dockerfile").locator(".monaco-editor")).toHaveClass(/focused/);
  // And the example can be brought back.
  await page.getByTestId("notice-action").click();
  await expect(page.getByTestId("example-banner")).toBeVisible();
  await playground.waitForPlan();
});

test("Clear empties the project too", async ({ playground, page }) => {
  await playground.goto();
  await page.getByTestId("clear-project").click();
  await expect(page.getByTestId("result-problem")).toContainText("Nothing to weigh yet");
  await expect(page.getByTestId("file-row")).toHaveCount(3);
});

test("a Dockerfile pasted over the example offers to clear the example's other files", async ({ playground, page }) => {
  test.slow();
  await playground.goto();
  await playground.paste("dockerfile", "FROM python:3.12-slim\nWORKDIR /srv\nRUN pip install --no-cache-dir django\n");
  await expect(playground.notice).toContainText("the example's requirements.txt is still here");
  await playground.changing(() => page.getByTestId("notice-action").click());
  expect(await playground.editorText("requirements")).toBe("");
  expect(await playground.editorText("dockerfile")).toBe("FROM python:3.12-slim\nWORKDIR /srv\nRUN pip install --no-cache-dir django\n");
  // An edit of the example is not a paste over it: no offer.
  await playground.changing(() => page.getByTestId("examples").selectOption("flask").then(() => undefined));
  await page.getByTestId("notice").getByRole("button", { name: "Dismiss this message" }).click();
  const edited = (await playground.editorText("dockerfile")).replace("python:3.12", "python:3.12-slim");
  await playground.paste("dockerfile", edited);
  await expect(playground.notice).toHaveCount(0);
});

test.describe("input with no image to weigh shows the problem, not a result", () => {
  test.slow();
  for (const [what, text, expected] of [
    ["garbage", "Dear team,\nplease find the report attached.\n", "No image to weigh"],
    ["binary", "\uFFFD\uFFFDELF\uFFFD\u0002\u0003\uFFFD\n", "This is not a text Dockerfile"],
  ] as const) {
    test(what, async ({ playground, page }) => {
      await playground.goto();
      await pasteDockerfile(playground, text);
      await expect(page.getByTestId("result-problem")).toContainText(expected);
      await expectNoResult(playground);
      // Each problem names its line and column, and moves the editor there.
      const first = page.getByTestId("result-problem-item").first();
      await expect(first).toContainText(/Dockerfile:1:1/);
      await first.getByRole("button").click();
      await expect(playground.editor("dockerfile").locator(".monaco-editor")).toHaveClass(/focused/);
      // A real Dockerfile brings the result back.
      await playground.paste("dockerfile", "FROM python:3.12-slim\n");
      await expect(playground.summaryFinal).toBeVisible();
      await expect(page.getByTestId("result-problem")).toHaveCount(0);
    });
  }
});
