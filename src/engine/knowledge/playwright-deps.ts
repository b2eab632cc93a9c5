// The apt packages `playwright install --with-deps` and `playwright install-deps` install, per release and
// browser: Playwright's own lists (data/playwright-deps.ts, derived from playwright-core by
// scripts/playwright-deps.ts). The driver installs its `tools` (xvfb, fonts) with every browser's list.
import { PLAYWRIGHT_DEPS } from "./data/playwright-deps";

/** Playwright's platform for each release codename the base tables give. */
const PLATFORM_OF_RELEASE: Readonly<Record<string, string>> = { bookworm: "debian12", trixie: "debian13", jammy: "ubuntu22.04", noble: "ubuntu24.04" };

/** The browsers Playwright installs by these names from its own builds (`chrome` and `msedge` are the vendors'
 *  packages, installed another way), and whose dependency list each reads. */
const LIST_OF_BROWSER: Readonly<Record<string, "chromium" | "firefox" | "webkit">> = {
  chromium: "chromium", "chromium-headless-shell": "chromium", "chromium-tip-of-tree": "chromium", firefox: "firefox", webkit: "webkit",
};

export interface PlaywrightDeps {
  readonly packages: readonly string[];
  /** Playwright's platform name the list is for (`debian13`). */
  readonly platform: string;
  readonly source: string;
}

/** The packages for `browsers` (none: every browser, as `playwright install` without names) on `release`;
 *  null where Playwright has no list for the release or a browser is not one of its own builds. */
export function playwrightAptPackages(release: string | null, browsers: readonly string[]): PlaywrightDeps | null {
  const platform = release === null ? undefined : PLATFORM_OF_RELEASE[release];
  const lists = platform === undefined ? undefined : PLAYWRIGHT_DEPS.platforms[platform];
  if (platform === undefined || lists === undefined) return null;
  const wanted = browsers.length === 0 ? (["chromium", "firefox", "webkit"] as const) : browsers.map((b) => LIST_OF_BROWSER[b]);
  if (wanted.some((list) => list === undefined)) return null;
  const packages = [...new Set([...lists.tools, ...wanted.flatMap((list) => (list === undefined ? [] : lists[list]))])];
  return { packages, platform, source: PLAYWRIGHT_DEPS.source };
}
