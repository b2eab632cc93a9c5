// An offered step (a fix to review, not applied until the user picks Apply) shows the change it offers:
// its details hold the diff it would apply, labelled as a preview, and that diff is the one the step shows
// once applied. The row and the chart say its size is the image without it, and what it would be with it.
import { expect, test } from "./fixtures";
import { FAT_DOCKERFILE, FAT_REQUIREMENTS } from "./data";

// Two pastes, a selection and a decision on a machine shared with other jobs: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

test.beforeEach(async ({ playground }) => {
  await playground.goto();
  await playground.paste("dockerfile", FAT_DOCKERFILE);
  await playground.paste("requirements", FAT_REQUIREMENTS);
});

test("an offered step previews its diff, and applying it makes that diff the step's own", async ({ playground, page }) => {
  const offered = page.locator('[data-testid="step"][data-status="offered"]');
  await expect(offered.first()).toBeVisible();
  const id = (await offered.first().getAttribute("data-step-id")) ?? "";
  const row = page.locator(`[data-testid="step"][data-step-id="${id}"]`);
  const index = await page.getByTestId("step").evaluateAll((rows, stepId) => rows.findIndex((r) => r.getAttribute("data-step-id") === stepId), id);
  await playground.selectStep(index);

  // The preview is there and labelled; the step's own "Changes" diff is not (it changed nothing yet).
  const preview = playground.details.getByTestId("preview");
  await expect(preview).toBeVisible();
  await expect(preview).toContainText("If applied");
  await expect(playground.details.getByTestId("preview-note")).toContainText("Not applied");
  const previewText = playground.details.getByTestId("preview-diff-text");
  await expect(previewText).toContainText("+++ b/Dockerfile");
  const previewed = (await previewText.textContent()) ?? "";
  expect(previewed).toMatch(/^\+[^+]/m);
  expect(await playground.diffText()).toBe("");

  // The row says its size is without the change, and what it would be with it.
  const ifApplied = row.getByTestId("step-if-applied");
  await expect(ifApplied).toContainText("if applied:");
  const wouldBe = /if applied: ([^(]+) \(/.exec((await ifApplied.textContent()) ?? "")?.[1]?.trim() ?? "";
  expect(wouldBe).not.toBe("");
  // The chart marks the would-be size of each offered step, and its table says so in words.
  await expect(page.getByTestId("chart-preview-mark")).toHaveCount(await offered.count());
  await expect(page.getByTestId("chart-offered-caption")).toBeVisible();
  await expect(playground.chartData).toContainText(`if applied: ${wouldBe} on disk`);

  // Apply: the step's diff is the one previewed, and its size the one promised.
  await playground.changing(() => row.getByTestId("step-apply").click());
  await expect(row).toHaveAttribute("data-status", "applied");
  await expect(playground.details).toHaveAttribute("data-step-id", id);
  await expect(playground.details.getByTestId("preview")).toHaveCount(0);
  expect(await playground.diffText()).toBe(previewed);
  await expect(row.getByTestId("step-size")).toHaveText(wouldBe);
});
