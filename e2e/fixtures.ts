// The playground page object handed to every test, with clipboard access granted (Share copies the link,
// and the page object pastes text the way users do) and a guard that fails the test on any dialog: no
// pasted text or link may ever open one.
import { test as base, expect } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";

export const test = base.extend<{ playground: PlaygroundPage; dialogs: string[] }>({
  dialogs: async ({ page }, use) => {
    const seen: string[] = [];
    page.on("dialog", (dialog) => {
      seen.push(dialog.message());
      void dialog.dismiss();
    });
    await use(seen);
    expect(seen, "no dialog may open").toEqual([]);
  },
  playground: async ({ page, context, dialogs: _dialogs }, use) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await use(new PlaygroundPage(page));
  },
});

export { expect };
