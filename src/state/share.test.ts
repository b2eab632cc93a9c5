import { afterEach, describe, expect, it } from "vitest";
import { startShareInvalidation } from "./share";
import { useAppStore } from "./store";

const INITIAL = useAppStore.getState();
let stop = () => {};

afterEach(() => {
  stop();
  useAppStore.setState(INITIAL, true);
});

describe("share invalidation", () => {
  it.each([
    { name: "an edit", change: () => useAppStore.getState().setDockerfile("FROM python:3.13\n") },
    { name: "a decision", change: () => useAppStore.getState().decide("size/base-variant", { action: "skip" }) },
    { name: "a selection", change: () => useAppStore.getState().selectStep("size/multistage") },
    { name: "a setting", change: () => useAppStore.getState().setContextBytes(5_000_000) },
    { name: "the architecture", change: () => useAppStore.getState().setArch("aarch64") },
    { name: "a package size", change: () => useAppStore.getState().setPackageSize("acme-sdk", 1_000_000) },
  ])("$name takes the stale link away", ({ change }) => {
    stop = startShareInvalidation();
    useAppStore.getState().setShare("https://example.org/#v1.abc", "Link copied.");
    change();
    expect(useAppStore.getState()).toMatchObject({ shareUrl: null, shareStatus: "" });
  });

  it("a theme change keeps the link", () => {
    stop = startShareInvalidation();
    useAppStore.getState().setShare("https://example.org/#v1.abc", "Link copied.");
    useAppStore.getState().setTheme("dark");
    expect(useAppStore.getState().shareUrl).toBe("https://example.org/#v1.abc");
  });
});
