// Regenerates docs/screenshot.png (the README's picture): the playground with the Flask example loaded
// and its multistage step selected, in the light theme. Needs the built site served, e.g.
//   npm run build && npx vite preview --port 4319 --strictPort --host 127.0.0.1 &
//   npx tsx e2e/screenshot.ts [url] [out.png]
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";

const url = process.argv[2] ?? "http://127.0.0.1:4319/";
const out = process.argv[3] ?? "docs/screenshot.png";
const SYSTEM_CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

const browser = await chromium.launch(existsSync(SYSTEM_CHROMIUM)
  ? { executablePath: SYSTEM_CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"] }
  : {});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1500 }, colorScheme: "light" });
  const playground = new PlaygroundPage(page);
  await playground.goto(url);
  await playground.changing(() => page.getByTestId("examples").selectOption("flask").then(() => undefined));
  await page.getByTestId("notice").getByRole("button", { name: "Dismiss this message" }).click();
  const multistage = page.locator('[data-testid="step"][data-step-id="size/multistage"]');
  if ((await multistage.count()) > 0) await multistage.getByTestId("step-select").click();
  // Let Monaco's diff editor finish its (worker-computed) diff before the picture is taken.
  await page.waitForTimeout(1000);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
