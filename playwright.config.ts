import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Playwright cannot download its own browsers on every machine (CI here has no internet but the npm and
// Debian registries), so the system Chromium is used where it is installed; elsewhere — a developer
// laptop after `npx playwright install chromium` — Playwright's own browser is used.
const SYSTEM_CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const useSystemChromium = existsSync(SYSTEM_CHROMIUM);
// E2E_PORT lets two checkouts run their e2e tests side by side without one reusing the other's server.
const PORT = Number(process.env.E2E_PORT ?? 4319);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // A timeout catches a hang, not slowness (speed is `npm run bench`'s). On a two-core CI machine running
  // two workers, the longest flows (two cold loads of the page and its tables, a uv lock) took 26-31 s
  // against Playwright's default 30 s.
  timeout: 60_000,
  workers: 2,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    // The service worker precaches ~23 MB (the tables) on every fresh context: only the offline spec,
    // which is about it, lets it run (test.use there).
    serviceWorkers: "block",
    launchOptions: useSystemChromium
      ? {
          executablePath: SYSTEM_CHROMIUM,
          // Without the background-networking flags Chromium keeps dialling Google hosts, which a closed
          // network refuses many times a second.
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        }
      : {},
  },
  webServer: {
    // The built site is what users get: test it, not the dev server.
    command: `npm run build && npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
