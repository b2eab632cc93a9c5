// Issue 15: no link, damaged save or full storage loses the user's text or kills the tab, and a reload
// after each still has it. The links are made with the app's own codec, so they are exactly what a
// crafted link would carry.
import { encodePermalink } from "../src/permalink/codec";
import type { SharedState } from "../src/permalink/shared-state";
import { TABLES_VERSION } from "../src/engine/knowledge/data/tables-version";
import { expect, test } from "./fixtures";
import type { PlaygroundPage } from "./pages/playground-page";

const OWN_TEXT = "FROM python:3.12-slim\n# my own work\n";

function link(dockerfile: string): string {
  const state: SharedState = {
    tablesVersion: TABLES_VERSION, dockerfile, requirements: [], dockerignore: null, decisions: {}, selectedStep: null,
    contextBytes: null, projectFiles: [], arch: null, packageSizes: {},
  };
  return `#${encodePermalink(state)}`;
}

/** Issue 15's link: a variable doubled 24 times (2^24 × 8 characters if expanded) — it once grew the tab by ~8 GB. */
const DOUBLING = link([
  "FROM python:3.12-slim",
  "ENV L0=abcdefgh",
  ...Array.from({ length: 24 }, (_, i) => `ENV L${i + 1}=$L${i}$L${i}`),
  "RUN pip install $L24",
  "",
].join("\n"));
/** Issue 15's other link: a 1 MB quoted string (planned for over 150 s before the linear splitter). */
const MEGABYTE_STRING = link(`FROM python:3.12-slim\nRUN echo "${"a".repeat(1_000_000)}"\n`);

/** The page still answers input: the theme switch reacts. */
async function expectResponsive(playground: PlaygroundPage): Promise<void> {
  const { page } = playground;
  const next = (await page.locator("html").getAttribute("data-theme")) === "dark" ? "light" : "dark";
  await page.getByTestId("theme").selectOption(next);
  await expect(page.locator("html")).toHaveAttribute("data-theme", next, { timeout: 5_000 });
}

async function reload(playground: PlaygroundPage): Promise<void> {
  await playground.page.reload();
  await playground.waitForEditors();
}

for (const { name, fragment, marker } of [
  { name: "the doubling link", fragment: DOUBLING, marker: "ENV L0=abcdefgh" },
  { name: "the 1 MB quoted string link", fragment: MEGABYTE_STRING, marker: "RUN echo" },
]) {
  test(`${name} opens without killing the tab, and the own text survives it and a reload`, async ({ playground, page }) => {
    test.setTimeout(120_000);
    expect(fragment.length).toBeLessThan(5_000);
    await playground.goto();
    await playground.paste("dockerfile", OWN_TEXT);
    await page.goto(`/${fragment}`);
    await expect(page.getByTestId("notice-message")).toContainText("Opened a shared link", { timeout: 10_000 });
    await expect(playground.editor("dockerfile")).toContainText(marker);
    await expectResponsive(playground);
    // The plan ends (a result, or the limit it hit), and the tab is alive to show it.
    await expect(page.getByTestId("analysis")).toHaveAttribute("data-pending", "false", { timeout: 90_000 });
    await expect(page.getByTestId("plan-held")).toHaveCount(0);

    // A reload shows the link's text (saved in a slot of its own) and still offers the own text.
    await reload(playground);
    await expect(playground.editor("dockerfile")).toContainText(marker);
    await expect(page.getByTestId("notice-message")).toContainText("your own previous text is saved too");
    await page.getByTestId("notice-action").click();
    await expect(playground.editor("dockerfile")).toContainText("my own work");
    await playground.waitForPlan(60_000);
    await reload(playground);
    await expect(playground.editor("dockerfile")).toContainText("my own work");
  });
}

test("a damaged autosave is salvaged and said so, and a reload keeps the salvaged text", async ({ playground, page }) => {
  await playground.goto();
  // A version-1 save cut short in the middle of the Dockerfile, as a crash mid-write leaves it.
  await page.evaluate(() => {
    localStorage.clear();
    const whole = JSON.stringify({ t: "x", d: "FROM python:3.11-slim\n# rescued text, and then the rest", r: [["requirements.txt", "flask\n"]] });
    localStorage.setItem("whaleweight:autosave:v1", whole.slice(0, whole.indexOf("and then")));
  });
  await reload(playground);
  await expect(playground.editor("dockerfile")).toContainText("rescued text");
  await expect(playground.notice).toHaveAttribute("data-tone", "error");
  await expect(page.getByTestId("notice-message")).toContainText("damaged");
  await playground.waitForPlan();
  await reload(playground);
  await expect(playground.editor("dockerfile")).toContainText("rescued text");
});

test("storage full: a link pasted into an open tab never brings back an older save, and the text on screen can be restored", async ({ playground, page }) => {
  await playground.goto();
  await playground.paste("dockerfile", "FROM python:3.11\n# saved before the storage filled\n");
  // Let the autosave write it (it saves after a short quiet time).
  await expect.poll(() => page.evaluate(() => JSON.stringify(localStorage)), { timeout: 5_000 }).toContain("saved before the storage filled");
  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await playground.paste("dockerfile", "FROM python:3.12-slim\n# typed after the storage filled\n");
  await playground.changing(() => page.evaluate((hash) => { location.hash = hash; }, link("FROM python:3.13\n# from the pasted link\n")));
  await expect(playground.editor("dockerfile")).toContainText("from the pasted link");
  await expect(page.getByTestId("notice-message")).toContainText("storage is full");
  await page.getByTestId("notice-action").click();
  await expect(playground.editor("dockerfile")).toContainText("typed after the storage filled");
  // A reload (storage still full) shows the last text that could be saved: never the example or the link.
  await reload(playground);
  await expect(playground.editor("dockerfile")).toContainText("saved before the storage filled");
});

test("crash guard: a text the tab died planning is shown unplanned, with 'Plan it anyway'", async ({ playground, page, context }) => {
  await playground.goto();
  await playground.paste("dockerfile", "FROM python:3.12-slim\n# planned when the tab died\n");
  // A worker that never answers keeps the plan in flight, as a tab that dies mid-plan does…
  await page.route("**/plan.worker*.js", (route) => route.fulfill({ contentType: "text/javascript", body: "self.postMessage({ ready: true });" }));
  await page.reload();
  // The tab's mark, under its own key (plan-guard.ts: whaleweight:plan-guard:v1:<tab id>).
  const readMark = () => page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("whaleweight:plan-guard:v1"));
    return key === undefined ? null : [key, localStorage.getItem(key) ?? ""] as const;
  });
  await expect.poll(readMark, { timeout: 10_000 }).not.toBeNull();
  const mark = await readMark();
  // …and the tab dies: it fires no pagehide (which would clear the mark), and the browser releases its
  // Web Lock. A new tab of the same site finds the mark the dead one left.
  await page.close({ runBeforeUnload: false });
  const next = await context.newPage();
  await next.addInitScript(([key, value]) => {
    if (sessionStorage.getItem("seeded") === null) {
      localStorage.setItem(key, value);
      sessionStorage.setItem("seeded", "1");
    }
  }, mark ?? ["", ""]);
  await next.goto("/");
  await expect(next.getByTestId("plan-held")).toBeVisible({ timeout: 10_000 });
  await expect(next.getByTestId("editor-dockerfile")).toContainText("planned when the tab died");
  await next.getByTestId("plan-anyway").click();
  await expect(next.getByTestId("plan-held")).toHaveCount(0);
  await expect(next.getByTestId("analysis")).toHaveAttribute("data-pending", "false", { timeout: 20_000 });
  await expect(next.getByTestId("step").first()).toBeVisible();
});
