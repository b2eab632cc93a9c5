import { describe, expect, it } from "vitest";
import { isTabModeShortcut, setTabIndents, tabIndents } from "./tab-indent";

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe("isTabModeShortcut", () => {
  it.each([
    { name: "Ctrl+M", event: key("m", { ctrlKey: true }), is: true },
    { name: "Ctrl+Shift+M (the Mac's)", event: key("M", { ctrlKey: true }), is: true },
    { name: "M alone", event: key("m"), is: false },
    { name: "Cmd+M (minimise on a Mac)", event: key("m", { metaKey: true }), is: false },
    { name: "Ctrl+Alt+M", event: key("m", { ctrlKey: true, altKey: true }), is: false },
    { name: "Ctrl+N", event: key("n", { ctrlKey: true }), is: false },
  ])("$name → $is", ({ event, is }) => {
    expect(isTabModeShortcut(event)).toBe(is);
  });
});

describe("tabIndents", () => {
  it("is off by default (Tab leaves the editor) and follows the user's choice", () => {
    expect(tabIndents()).toBe(false);
    setTabIndents(true);
    expect(tabIndents()).toBe(true);
    setTabIndents(false);
    expect(tabIndents()).toBe(false);
  });
});
