// Links that cannot be opened: a clear message, and the page (with the user's own text) stays usable.
import { expect, test } from "./fixtures";

const broken = [
  { name: "garbage", fragment: "#v1.not*base64!" },
  { name: "truncated", fragment: "#v1.q1YqUbJSKs3LLS4pSk1RslIqz0" },
  { name: "from the future", fragment: "#v99.q1YqUbJSKs3LLS4pSk1RslIqz0xOLS7JzM9TqAUA" },
];

for (const { name, fragment } of broken) {
  test(`a ${name} link shows a message and the editor stays usable`, async ({ playground }) => {
    await playground.goto(`/${fragment}`);
    await expect(playground.notice).toHaveAttribute("data-tone", "error");
    await expect(playground.page.getByTestId("notice-message")).toContainText("could not be opened");
    await playground.paste("dockerfile", "FROM python:3.12-slim\nRUN pip install flask\n");
    await expect(playground.editor("dockerfile")).toContainText("python:3.12-slim");
    await expect(playground.step(0).getByTestId("step-size")).toHaveText(/MB/);
  });
}

test("the text survives a reload", async ({ playground, page }) => {
  await playground.goto();
  await playground.paste("dockerfile", "FROM python:3.12-slim\n# kept across reloads\n");
  await expect(playground.editor("dockerfile")).toContainText("kept across reloads");
  await page.reload();
  await playground.waitForPlan();
  await playground.waitForEditors();
  await expect(playground.editor("dockerfile")).toContainText("kept across reloads");
});

test("opening a link keeps the user's own text within reach", async ({ playground, page }) => {
  await playground.goto();
  await playground.paste("dockerfile", "FROM python:3.11\n# the shared one\n");
  const url = await playground.share();
  await playground.paste("dockerfile", "FROM python:3.12-slim\n# my own work\n");
  await page.goto("about:blank");
  await playground.goto(url);
  await expect(playground.editor("dockerfile")).toContainText("the shared one");
  await playground.page.getByTestId("notice-action").click();
  await expect(playground.editor("dockerfile")).toContainText("my own work");
});

test("a link pasted into the address bar of an open tab opens too", async ({ playground, page }) => {
  await playground.goto();
  await playground.paste("dockerfile", "FROM python:3.11\n# shared through the address bar\n");
  const url = await playground.share();
  await playground.paste("dockerfile", "FROM python:3.12-slim\n# edited since\n");
  await playground.changing(() => page.evaluate((hash) => { location.hash = hash; }, new URL(url).hash));
  await expect(playground.editor("dockerfile")).toContainText("shared through the address bar");
});
