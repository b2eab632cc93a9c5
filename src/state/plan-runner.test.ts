import { afterEach, describe, expect, it, vi } from "vitest";
import type { PlanRequest, PlanResponse, WorkerMessage, WorkerRequest } from "../worker/protocol";
import { createPlanRunner, INLINE_MAX_CHARS, timeLimitMessage, type PlanWorker } from "./plan-runner";

/** A worker the test drives: it records requests and answers only when told. */
class FakeWorker implements PlanWorker {
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly received: WorkerRequest[] = [];
  terminated = false;
  postMessage(request: WorkerRequest): void {
    this.received.push(request);
  }
  terminate(): void {
    this.terminated = true;
  }
  say(message: WorkerMessage): void {
    this.onmessage?.({ data: message } as MessageEvent<WorkerMessage>);
  }
  fail(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
  }
}

function request(id: number, dockerfile = "FROM python:3.12\n"): PlanRequest {
  return { id, input: { dockerfile, requirements: [], dockerignore: null } };
}

function setup(budget = 1_000) {
  const workers: FakeWorker[] = [];
  const inline = vi.fn(async (r: PlanRequest): Promise<PlanResponse> => ({ id: r.id, ok: false, error: "inline" }));
  const runner = createPlanRunner({
    timeBudgetMs: budget,
    createWorker: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    inline,
  });
  return { runner, workers, inline };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("plan runner watchdog", () => {
  it("passes the worker's answer through", async () => {
    const { runner, workers } = setup();
    workers[0]?.say({ ready: true });
    const answer = runner.run(request(1));
    workers[0]?.say({ id: 1, ok: false, error: "from the worker" });
    await expect(answer).resolves.toEqual({ id: 1, ok: false, error: "from the worker" });
  });

  it("past the time budget: terminates the worker, answers with the limit, and plans the next on a fresh one", async () => {
    vi.useFakeTimers();
    const { runner, workers, inline } = setup(30_000);
    workers[0]?.say({ ready: true });
    const answer = runner.run(request(1));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(workers[0]?.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(answer).resolves.toEqual({ id: 1, ok: false, error: timeLimitMessage(30_000) });
    expect(timeLimitMessage(30_000)).toContain("time limit of 30 s");
    expect(workers[0]?.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    void runner.run(request(2));
    expect(workers[1]?.received.map((r) => ("id" in r ? r.id : null))).toEqual([2]);
    expect(inline).not.toHaveBeenCalled();
  });

  it("a worker that dies on an input: the input is answered with why, never planned on the main thread", async () => {
    const { runner, workers, inline } = setup();
    workers[0]?.say({ ready: true });
    const answer = runner.run(request(1));
    workers[0]?.fail("out of memory");
    await expect(answer).resolves.toMatchObject({ id: 1, ok: false, error: expect.stringContaining("out of memory") });
    expect(inline).not.toHaveBeenCalled();
    expect(workers).toHaveLength(2);
  });

  it("a worker that cannot load: small inputs are planned on the main thread", async () => {
    const { runner, workers, inline } = setup();
    const answer = runner.run(request(1));
    workers[0]?.fail("");
    await expect(answer).resolves.toEqual({ id: 1, ok: false, error: "inline" });
    await runner.run(request(2));
    expect(inline).toHaveBeenCalledTimes(2);
    expect(workers).toHaveLength(1);
  });

  it("without a worker, an input too large to plan without freezing the page is refused", async () => {
    const inline = vi.fn(async (r: PlanRequest): Promise<PlanResponse> => ({ id: r.id, ok: false, error: "inline" }));
    const runner = createPlanRunner({ createWorker: () => null, inline });
    await expect(runner.run(request(1, "x".repeat(INLINE_MAX_CHARS + 1)))).resolves.toMatchObject({ ok: false, error: expect.stringContaining("too large") });
    expect(inline).not.toHaveBeenCalled();
    await expect(runner.run(request(2, "x".repeat(INLINE_MAX_CHARS)))).resolves.toEqual({ id: 2, ok: false, error: "inline" });
  });
});

describe("plan runner diffs (asked per shown step: worker/plan-view.ts)", () => {
  it("asks the worker for one step's diff of a given plan and passes its answer through", async () => {
    const { runner, workers } = setup();
    workers[0]?.say({ ready: true });
    const answer = runner.diff?.(7, "no-cache");
    expect(workers[0]?.received).toEqual([{ diffId: 1, planId: 7, stepId: "no-cache" }]);
    workers[0]?.say({ diffId: 1, diff: "--- a/Dockerfile\n" });
    await expect(answer).resolves.toBe("--- a/Dockerfile\n");
  });

  it("answers null when the worker is replaced before it answers (past the time budget)", async () => {
    vi.useFakeTimers();
    const { runner, workers } = setup(1_000);
    workers[0]?.say({ ready: true });
    const plan = runner.run(request(1));
    const diff = runner.diff?.(1, "no-cache");
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(plan).resolves.toMatchObject({ ok: false });
    await expect(diff).resolves.toBeNull();
    expect(workers[0]?.terminated).toBe(true);
  });

  it("keeps plan and diff answers apart (a diff answer never resolves a plan request)", async () => {
    const { runner, workers } = setup();
    workers[0]?.say({ ready: true });
    const plan = runner.run(request(1));
    const diff = runner.diff?.(1, "no-cache");
    workers[0]?.say({ diffId: 1, diff: null });
    workers[0]?.say({ id: 1, ok: false, error: "plan answer" });
    await expect(diff).resolves.toBeNull();
    await expect(plan).resolves.toEqual({ id: 1, ok: false, error: "plan answer" });
  });
});
