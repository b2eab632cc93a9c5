// The crash guard end to end over the plan client: a visit that dies while planning leaves a mark; the
// next start shows the same text without planning it until asked. Each "visit" is a fresh copy of the
// modules (vi.resetModules), as a reload would have.
import { describe, expect, it, vi } from "vitest";
import type { PlanRequest, PlanResponse } from "../worker/protocol";
import { GUARD_KEY, readPlanningMarks, TAB_ID_KEY, type TabLocks } from "./plan-guard";
import type { PlanRunner } from "./plan-runner";
import { memoryStorage } from "./storage";

/** Web Locks as the browser keeps them: one holder per name, released when its tab goes (`close`). */
function fakeLocks() {
  const held = new Map<string, string>();
  const forTab = (tab: string): TabLocks => ({
    request: (name) => {
      if (!held.has(name)) held.set(name, tab);
      return new Promise(() => undefined);
    },
    query: () => Promise.resolve({ held: [...held.keys()].map((name) => ({ name })) }),
  });
  const close = (tab: string) => {
    for (const [name, owner] of held) if (owner === tab) held.delete(name);
  };
  return { forTab, close };
}

interface Tab {
  readonly session?: Storage | null;
  readonly locks?: TabLocks | null;
}

async function visit(storage: Storage, answer: (request: PlanRequest) => Promise<PlanResponse>, tab: Tab = {}) {
  vi.resetModules();
  const client = await import("./plan-client");
  const { useAppStore } = await import("./store");
  useAppStore.getState().setDockerfile("FROM python:3.12\nENV L0=abcdefgh\n");
  const calls: PlanRequest[] = [];
  const runner: PlanRunner = { run: (request) => (calls.push(request), answer(request)) };
  client.startPlanClient({ storage, runner, session: tab.session ?? null, locks: tab.locks ?? null });
  return { client, calls, useAppStore };
}

const never = () => new Promise<PlanResponse>(() => undefined);
const fails = async (request: PlanRequest): Promise<PlanResponse> => ({ id: request.id, ok: false, error: "stopped" });

describe("crash guard", () => {
  it("marks the input while it is planned and clears the mark when the answer comes", async () => {
    const storage = memoryStorage();
    let finish: (response: PlanResponse) => void = () => undefined;
    const { calls } = await visit(storage, (request) => new Promise((resolve) => (finish = () => resolve({ id: request.id, ok: false, error: "x" }))));
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(readPlanningMarks(storage)).toHaveLength(1);
    finish({ id: 1, ok: false, error: "x" });
    await vi.waitFor(() => expect(readPlanningMarks(storage)).toHaveLength(0));
  });

  it("after a visit that died planning, the same text is held until 'Plan it anyway'", async () => {
    const storage = memoryStorage();
    const died = await visit(storage, never);
    await vi.waitFor(() => expect(died.calls).toHaveLength(1));
    expect(readPlanningMarks(storage)).toHaveLength(1);

    const next = await visit(storage, fails);
    // Held: nothing planned, and the result says so (the page shows why, with "Plan it anyway").
    await vi.waitFor(() => expect(next.client.planSnapshot()).toMatchObject({ held: true, pending: false }));
    expect(next.calls).toHaveLength(0);
    next.client.planAnyway();
    await vi.waitFor(() => expect(next.calls).toHaveLength(1));
    await vi.waitFor(() => expect(next.client.planSnapshot()).toMatchObject({ held: false, error: "stopped" }));
  });

  it("a changed text is planned as usual", async () => {
    const storage = memoryStorage();
    const died = await visit(storage, never);
    await vi.waitFor(() => expect(died.calls).toHaveLength(1));
    const next = await visit(storage, fails);
    next.useAppStore.getState().setDockerfile("FROM python:3.12\n# edited\n");
    await vi.waitFor(() => expect(next.calls).toHaveLength(1), { timeout: 3_000 });
    expect(next.client.planSnapshot().held).toBe(false);
  });

  it("a mark left under the key of the version before tab ids is taken up too", async () => {
    const storage = memoryStorage();
    const died = await visit(storage, never);
    await vi.waitFor(() => expect(died.calls).toHaveLength(1));
    const key = [...Array(storage.length).keys()].map((i) => storage.key(i) ?? "").find((k) => k.startsWith(GUARD_KEY)) ?? "";
    storage.setItem(GUARD_KEY, storage.getItem(key) ?? "");
    storage.removeItem(key);
    const next = await visit(storage, fails);
    await vi.waitFor(() => expect(next.client.planSnapshot()).toMatchObject({ held: true }));
  });
});

describe("crash guard across tabs (Web Locks)", () => {
  it("a tab still planning does not make another tab hold the same text, nor loses its mark to it", async () => {
    const storage = memoryStorage();
    const locks = fakeLocks();
    const first = await visit(storage, never, { session: memoryStorage(), locks: locks.forTab("a") });
    await vi.waitFor(() => expect(first.calls).toHaveLength(1));
    const second = await visit(storage, fails, { session: memoryStorage(), locks: locks.forTab("b") });
    await vi.waitFor(() => expect(second.calls).toHaveLength(1));
    expect(second.client.planSnapshot().held).toBe(false);
    // The first tab is still planning: its mark is still there for the case it dies.
    expect(readPlanningMarks(storage)).toHaveLength(1);
  });

  it("the mark of a tab that is gone holds its text in the next tab", async () => {
    const storage = memoryStorage();
    const locks = fakeLocks();
    const died = await visit(storage, never, { session: memoryStorage(), locks: locks.forTab("a") });
    await vi.waitFor(() => expect(died.calls).toHaveLength(1));
    locks.close("a");
    const next = await visit(storage, fails, { session: memoryStorage(), locks: locks.forTab("b") });
    await vi.waitFor(() => expect(next.client.planSnapshot()).toMatchObject({ held: true, pending: false }));
    expect(next.calls).toHaveLength(0);
    expect(readPlanningMarks(storage)).toHaveLength(0);
  });

  it("the same tab reloaded finds its own mark; a duplicate of a live tab takes an id of its own", async () => {
    const storage = memoryStorage();
    const locks = fakeLocks();
    const session = memoryStorage();
    const died = await visit(storage, never, { session, locks: locks.forTab("a") });
    await vi.waitFor(() => expect(died.calls).toHaveLength(1));
    const id = session.getItem(TAB_ID_KEY);
    // A duplicate (sessionStorage copied, id included) while the original lives: not held, a new id.
    const duplicateSession = memoryStorage();
    duplicateSession.setItem(TAB_ID_KEY, id ?? "");
    const duplicate = await visit(storage, fails, { session: duplicateSession, locks: locks.forTab("b") });
    await vi.waitFor(() => expect(duplicate.calls).toHaveLength(1));
    expect(duplicate.client.planSnapshot().held).toBe(false);
    expect(duplicateSession.getItem(TAB_ID_KEY)).not.toBe(id);
    // The original reloaded after dying: the browser released its lock; the tab keeps its id and its mark.
    locks.close("a");
    const reloaded = await visit(storage, fails, { session, locks: locks.forTab("a") });
    await vi.waitFor(() => expect(reloaded.client.planSnapshot()).toMatchObject({ held: true }));
    expect(session.getItem(TAB_ID_KEY)).toBe(id);
  });
});
