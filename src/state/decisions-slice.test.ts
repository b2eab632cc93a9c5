import { beforeEach, describe, expect, it } from "vitest";
import { MAX_DECISION_HISTORY } from "./decisions-slice";
import { useAppStore } from "./store";

describe("undoing decisions", () => {
  beforeEach(() => useAppStore.setState({ decisions: {}, decisionHistory: [] }));

  it("brings back each earlier set of decisions in turn, then does nothing", () => {
    const store = useAppStore.getState();
    store.decide("size/slim-base", { action: "skip" });
    store.decide("size/no-cache", { action: "apply", alternative: "env" });
    store.resetDecisions();
    expect(useAppStore.getState().decisions).toEqual({});
    store.undoDecision();
    expect(useAppStore.getState().decisions).toEqual({ "size/slim-base": { action: "skip" }, "size/no-cache": { action: "apply", alternative: "env" } });
    store.undoDecision();
    expect(useAppStore.getState().decisions).toEqual({ "size/slim-base": { action: "skip" } });
    store.undoDecision();
    expect(useAppStore.getState().decisions).toEqual({});
    store.undoDecision();
    expect(useAppStore.getState().decisions).toEqual({});
  });

  it("a click that changes nothing is not an undo step", () => {
    useAppStore.getState().decide("size/slim-base", { action: "apply" });
    expect(useAppStore.getState().decisionHistory).toEqual([]);
  });

  it.each([
    { name: "a safe fix, applied by default: nothing stored", offeredByDefault: false, stored: {} },
    { name: "a fix offered by default: the apply is stored, or the plan would keep offering it", offeredByDefault: true, stored: { "security/non-root-user": { action: "apply" } } },
  ])("Apply with the default alternative — $name", ({ offeredByDefault, stored }) => {
    useAppStore.getState().decide("security/non-root-user", { action: "apply" }, offeredByDefault);
    expect(useAppStore.getState().decisions).toEqual(stored);
  });

  it("keeps at most MAX_DECISION_HISTORY steps", () => {
    for (let i = 0; i <= MAX_DECISION_HISTORY + 5; i++) useAppStore.getState().decide(`rule/${i}`, { action: "skip" });
    expect(useAppStore.getState().decisionHistory).toHaveLength(MAX_DECISION_HISTORY);
  });

  it("a new project forgets the history", () => {
    useAppStore.getState().decide("size/slim-base", { action: "skip" });
    useAppStore.getState().replaceProject({ dockerfile: "", requirements: [], projectFiles: [], dockerignore: null });
    expect(useAppStore.getState().decisionHistory).toEqual([]);
    expect(useAppStore.getState().requirements).toEqual([{ path: "requirements.txt", text: "" }]);
  });
});
