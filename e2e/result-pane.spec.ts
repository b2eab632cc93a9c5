// The result pane (final texts, a diff between any two steps), undo of decisions, the sizes at line ends
// with going to a line from the layer table and the findings, and the plain-text diff drawn one line per row.
import { expect, test } from "./fixtures";

test("the result shows the final Dockerfile and compares any two steps", async ({ playground, page }) => {
  test.slow(); // Several plans on a machine shared with other builds.
  await playground.goto();
  const last = (await playground.steps.count()) - 1;
  expect(last).toBeGreaterThan(0);
  const final = page.getByTestId("final-dockerfile");
  await expect(final).toBeVisible();
  // The final Dockerfile is the last step's: the diff of the original against it adds its lines.
  const finalText = (await final.textContent()) ?? "";
  expect(finalText).not.toBe(await playground.editorText("dockerfile"));
  await expect(page.getByTestId("compare-from")).toHaveValue((await playground.step(0).getAttribute("data-step-id")) ?? "");
  await expect(page.getByTestId("compare-to")).toHaveValue((await playground.step(last).getAttribute("data-step-id")) ?? "");
  const plain = page.getByTestId("compare-diff-text");
  await expect(plain).toBeAttached();
  const firstFinalLine = finalText.split("\n")[0] ?? "";
  await expect(plain).toContainText(`+${firstFinalLine}`);
  // The same step on both sides: nothing to show.
  await page.getByTestId("compare-to").selectOption({ index: 0 });
  await expect(page.getByTestId("compare-diff-empty")).toHaveText("The same step on both sides.");
});

test("decisions can be undone, by the button and by Ctrl+Z outside the editors", async ({ playground, page }) => {
  test.slow();
  await playground.goto();
  const before = await playground.viewSnapshot();
  await playground.skip(1);
  await expect(playground.step(1)).toHaveAttribute("data-status", "skipped");
  await playground.changing(() => page.getByTestId("undo-decision").click());
  await expect(playground.step(1)).toHaveAttribute("data-status", "applied");
  expect((await playground.viewSnapshot())["steps"]).toEqual(before["steps"]);
  await expect(page.getByTestId("undo-decision")).toHaveCount(0);
  await playground.skip(1);
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await playground.changing(() => page.keyboard.press("ControlOrMeta+Z"));
  await expect(playground.step(1)).toHaveAttribute("data-status", "applied");
});

test("each instruction's and each requirement's size is at the end of its line, and rows move the editor to their line", async ({ playground, page }) => {
  test.slow();
  await playground.goto();
  await playground.selectStep(0);
  // The Dockerfile's sizes are the layer table's (of your own Dockerfile, step 0), line by line.
  const rows = page.getByTestId("layer-table").getByTestId("layer-row");
  const table: Record<number, string> = {};
  for (const row of await rows.all()) {
    const cells = await row.locator("td").allTextContents();
    table[Number(cells[0])] = `+${(cells[3] ?? "").replace(/ \(.*$/, "")}`;
  }
  await expect.poll(() => playground.inlineSizes("dockerfile")).toEqual(table);
  // Every named requirement of the example has its package's size.
  const requirements = await playground.editorText("requirements");
  const named = requirements.split("\n").filter((l) => /^[A-Za-z]/.test(l)).length;
  await expect.poll(async () => Object.keys(await playground.inlineSizes("requirements")).length).toBe(named);
  // A layer row's line takes the cursor to that line of the editor.
  const link = rows.last().getByTestId("line-link");
  const line = Number(await link.getAttribute("data-line"));
  await link.click();
  const editor = playground.editor("dockerfile");
  await expect(editor.locator(".monaco-editor")).toHaveClass(/focused/);
  await expect(editor.locator(".active-line-number")).toHaveText(String(line));
  // So does a finding.
  const goto = page.getByTestId("problem-goto").first();
  const where = /:(\d+):\d+$/.exec((await goto.textContent()) ?? "");
  await goto.click();
  await expect(editor.locator(".active-line-number")).toHaveText(where?.[1] ?? "?");
});

for (const theme of ["light", "dark"] as const) {
  test(`the plain diff puts each line on its own row, markers visible (${theme})`, async ({ playground, page }) => {
    await playground.goto();
    await page.getByTestId("theme").selectOption(theme);
    await playground.selectStep((await playground.steps.count()) - 1);
    await page.getByTestId("step-details").locator(".diff__plain summary").click();
    const lines = page.getByTestId("step-details").getByTestId("diff-text").locator("span");
    const boxes = (await lines.evaluateAll((spans) => spans.slice(0, 40).map((s) => {
      const r = s.getBoundingClientRect();
      const style = getComputedStyle(s);
      return { top: r.top, text: s.textContent ?? "", color: style.color, background: style.backgroundColor, cls: s.className };
    })));
    expect(boxes.length).toBeGreaterThan(3);
    // One row per line: every line starts below the one before.
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]?.top ?? 0).toBeGreaterThan(boxes[i - 1]?.top ?? 0);
    const added = boxes.find((b) => b.cls === "diff__add");
    expect(added?.text.startsWith("+")).toBe(true);
    expect(added?.color).not.toBe(added?.background);
  });
}
