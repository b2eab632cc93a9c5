// The core flow: paste a fat project, step through the plan, and see apply / skip / alternative change
// the chart and the diff; then share the view and open it in a fresh browser.
import { expect, test } from "./fixtures";
import { FAT_DOCKERFILE, FAT_REQUIREMENTS } from "./data";
import { PlaygroundPage } from "./pages/playground-page";

test.beforeEach(async ({ playground }) => {
  await playground.goto();
  await playground.paste("dockerfile", FAT_DOCKERFILE);
  await playground.paste("requirements", FAT_REQUIREMENTS);
  await expect(playground.editor("dockerfile")).toContainText("apt-get install -y curl");
});

test("a fat Dockerfile gets a plan of several steps that shrinks the image", async ({ playground }) => {
  expect(await playground.steps.count()).toBeGreaterThan(1);
  await expect(playground.step(0)).toHaveAttribute("data-status", "original");
  await expect(playground.step(0).getByTestId("step-size")).toHaveText(/GB/);
  // The result is smaller than the original.
  const first = (await playground.step(0).getByTestId("step-size").textContent()) ?? "";
  await expect(playground.summaryFinal).not.toHaveText(first);
});

test("skip and apply change the chart and the diff", async ({ playground }) => {
  await playground.selectStep(1);
  await expect(playground.step(1)).toHaveAttribute("data-status", "applied");
  const chartApplied = await playground.chartNumbers();
  const diffApplied = await playground.diffText();
  expect(diffApplied).toContain("Dockerfile");

  await playground.skip(1);
  await expect(playground.step(1)).toHaveAttribute("data-status", "skipped");
  expect(await playground.chartNumbers()).not.toEqual(chartApplied);
  await expect(playground.page.getByTestId("diff-empty")).toBeVisible();

  await playground.apply(1);
  await expect(playground.step(1)).toHaveAttribute("data-status", "applied");
  expect(await playground.chartNumbers()).toEqual(chartApplied);
  expect(await playground.diffText()).toEqual(diffApplied);
});

test("another alternative changes the chart and the diff", async ({ playground }) => {
  const index = await playground.firstStepWithAlternatives();
  expect(index, "some step offers a choice (alpine or slim)").toBeGreaterThan(0);
  await playground.selectStep(index);
  const chartBefore = await playground.chartNumbers();
  const diffBefore = await playground.diffText();
  await playground.chooseAlternative(index, 1);
  await expect(playground.details).toHaveAttribute("data-step-id", (await playground.step(index).getAttribute("data-step-id")) ?? "");
  expect(await playground.chartNumbers()).not.toEqual(chartBefore);
  expect(await playground.diffText()).not.toEqual(diffBefore);
});

test("a shared link reproduces the view in a fresh browser", async ({ playground, browser }) => {
  await playground.skip(1);
  const index = await playground.firstStepWithAlternatives();
  if (index > 0) await playground.chooseAlternative(index, 1);
  await playground.setContextMegabytes("7.5");
  await playground.selectStep(2);
  const view = await playground.viewSnapshot();
  const url = await playground.share();

  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const fresh = new PlaygroundPage(page);
    await fresh.goto(url);
    expect(await fresh.viewSnapshot()).toEqual(view);
    await expect(fresh.notice).toHaveAttribute("data-tone", "info");
  } finally {
    await context.close();
  }
});

test("steps can be chosen and decided from the keyboard", async ({ playground, page }) => {
  await playground.step(2).getByTestId("step-select").focus();
  await page.keyboard.press("Enter");
  await expect(playground.details).toHaveAttribute("data-step-id", (await playground.step(2).getAttribute("data-step-id")) ?? "");
  await playground.step(1).getByTestId("step-skip").focus();
  await playground.changing(() => page.keyboard.press("Space"));
  await expect(playground.step(1)).toHaveAttribute("data-status", "skipped");
});
