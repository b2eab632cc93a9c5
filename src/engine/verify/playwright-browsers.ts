// Where `playwright install` puts the browsers. Playwright downloads them to $PLAYWRIGHT_BROWSERS_PATH,
// by default ~/.cache/ms-playwright of the user who runs it (playwright.dev/docs/browsers, "Managing
// browser binaries"). Run as root that is /root/.cache/ms-playwright: the app, run as another user, looks
// in its own home ("Executable doesn't exist at /home/app/.cache/ms-playwright/…") and cannot enter /root
// (mode 700) anyway. The official mcr.microsoft.com/playwright images set PLAYWRIGHT_BROWSERS_PATH=/ms-playwright
// for that reason. Read by security/non-root-user (no USER line offered) and the build check (a USER after it).
import type { DockerfileModel } from "../dockerfile/model";
import { playwrightCommand } from "../estimate/python-downloads";
import { homeOf, type StageState } from "../estimate/stage-state";
import type { Report } from "./build-check";

/** The variable that moves the browsers out of the installing user's home. */
export const BROWSERS_PATH = "PLAYWRIGHT_BROWSERS_PATH";

/** PLAYWRIGHT_BROWSERS_PATH as a base image sets it: Microsoft's Playwright images set /ms-playwright in
 *  their Dockerfiles (microsoft/playwright, utils/docker/Dockerfile.*), so a further install goes there. */
export function baseBrowsersPath(image: string): string | undefined {
  return /^mcr\.microsoft\.com\/playwright(\/|:|@|$)/.test(image) ? "/ms-playwright" : undefined;
}

/** True when the command downloads Playwright's browsers: `playwright install [--with-deps] [chromium]`,
 *  also through `python -m`, `npx` or `uv run`; not `playwright install-deps` (system packages only). */
export function installsPlaywrightBrowsers(words: readonly string[]): boolean {
  return playwrightCommand(words)?.downloads === true;
}

/** True when the browsers go under /root: `value` is PLAYWRIGHT_BROWSERS_PATH as the install sees it
 *  (undefined or empty: the default, ~/.cache/ms-playwright), `home` the installing user's $HOME. A value
 *  with another variable is not guessed at (false), nor `0` (the browsers go inside the package). */
export function browsersUnderRoot(value: string | undefined, home: string): boolean {
  const path = value === undefined || value === "" ? `${home}/.cache/ms-playwright` : value.replace(/^(~|\$HOME|\$\{HOME\})(?=\/|$)/, home);
  return /^\/root(\/|$)/.test(path);
}

/** A `playwright install` run as root whose browsers went under /root: where, and in which stage. */
export interface RootBrowsers {
  readonly line: number;
  readonly column: number;
  readonly stage: number;
}

/**
 * A final stage that runs as another user (its own USER after the install) over browsers a root
 * `playwright install` left under /root, in that stage or one it builds on: the image builds, then
 * launching a browser fails ("Executable doesn't exist at /home/app/.cache/ms-playwright/…"). A warning:
 * the app may not launch the browser that way (a remote browser, `executable_path`). A later RUN that
 * names ms-playwright or changes /root's mode is taken as the user's answer, as for user-site-unreadable.
 */
export function checkRootBrowsers(model: DockerfileModel, final: StageState, chain: readonly number[], installs: readonly RootBrowsers[], report: Report): void {
  const install = installs.find((i) => chain.includes(i.stage));
  if (install === undefined || homeOf(final) === "/root") return;
  const later = chain.flatMap((s) => model.stages[s]?.instructions ?? []).filter((n) => n.keyword === "RUN" && n.range.startLine > install.line);
  if (later.some((n) => /ms-playwright|\bchmod\b.*\/root\b/.test(model.text.slice(n.range.start, n.range.end)))) return;
  report(install, "browsers-in-root-home", "warning", "/root/.cache/ms-playwright",
    `Line ${install.line} runs playwright install as root, which downloads the browsers under /root (~/.cache/ms-playwright unless ${BROWSERS_PATH} says otherwise), but the image runs as ${final.user ?? "another user"}, who looks in ${homeOf(final)}/.cache/ms-playwright and cannot enter /root (mode 700): launching a browser fails. Set ENV ${BROWSERS_PATH}=/ms-playwright before that line.`);
}
