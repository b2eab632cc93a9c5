// The crash guard end to end over the plan client: a visit that dies while planning leaves a mark; the
// next start shows the same text without planning it until asked. Each "visit" is a fresh copy of the
// modules (vi.resetModules), as a reload would have.
import { describe, expect, it, vi } from "vitest";
import type { PlanRequest, PlanResponse } from "../worker/protocol";
import { GUARD_KEY, readPlanning } from "./plan-guard";
import type { PlanRunner } from "./plan-runner";
import { memoryStorage } from "./storage";

async function visit(storage: Storage, answer: (request: PlanRequest) => Promise<PlanResponse>) {
  vi.resetModules();
  const client = await import("./plan-client");
  const { useAppStore } = await import("./store");
  useAppStore.getState().setDockerfile("FROM python:3.12\nENV L0=abcdefgh\n");
  const calls: PlanRequest[] = [];
  const runner: PlanRunner = { run: (request) => (calls.push(request), answer(request)) };
  client.startPlanClient({ storage, runner });
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
    expect(readPlanning(storage)).not.toBeNull();
    finish({ id: 1, ok: false, error: "x" });
    await vi.waitFor(() => expect(storage.getItem(GUARD_KEY)).toBeNull());
  });

  it("after a visit that died planning, the same text is held until 'Plan it anyway'", async () => {
    const storage = memoryStorage();
    const died = await visit(storage, never);
    await vi.waitFor(() => expect(died.calls).toHaveLength(1));
    const mark = storage.getItem(GUARD_KEY);
    expect(mark).not.toBeNull();

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
});
