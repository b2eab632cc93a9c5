import { describe, expect, it, vi } from "vitest";
import { encodePermalink, type DecodeResult } from "../permalink/codec";
import { LINK_FIXTURES } from "../permalink/fixtures";
import { decodeLinkOffThread, type LinkWorker } from "./link-decoder";

class FakeLinkWorker implements LinkWorker {
  onmessage: ((event: MessageEvent<DecodeResult>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  received: string[] = [];
  terminated = false;
  constructor(private readonly behaviour: "answer" | "hang" | "fail") {}
  postMessage(fragment: string): void {
    this.received.push(fragment);
    if (this.behaviour === "answer") queueMicrotask(() => this.onmessage?.({ data: { ok: false, kind: "invalid", message: "from the worker" } } as MessageEvent<DecodeResult>));
    if (this.behaviour === "fail") queueMicrotask(() => this.onerror?.({ message: "blocked", preventDefault: () => undefined } as ErrorEvent));
  }
  terminate(): void {
    this.terminated = true;
  }
}

const fixture = LINK_FIXTURES[0];

describe("decodeLinkOffThread", () => {
  it("hands the fragment to the worker and returns its answer, then ends the worker", async () => {
    const worker = new FakeLinkWorker("answer");
    await expect(decodeLinkOffThread("#v3.abc", { createWorker: () => worker })).resolves.toMatchObject({ ok: false, message: "from the worker" });
    expect(worker.received).toEqual(["#v3.abc"]);
    expect(worker.terminated).toBe(true);
  });

  it("refuses a link whose decoding runs past the budget, with a message, and ends the worker", async () => {
    vi.useFakeTimers();
    const worker = new FakeLinkWorker("hang");
    const result = decodeLinkOffThread("#v3.abc", { createWorker: () => worker, budgetMs: 10_000 });
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(result).resolves.toMatchObject({ ok: false, message: expect.stringContaining("longer than 10 s") });
    expect(worker.terminated).toBe(true);
    vi.useRealTimers();
  });

  it.runIf(fixture !== undefined)("decodes here when the worker cannot load (within the codec's caps)", async () => {
    const result = await decodeLinkOffThread(fixture?.fragment ?? "", { createWorker: () => new FakeLinkWorker("fail") });
    expect(result).toEqual({ ok: true, state: fixture?.state, version: Number(/^#?v(\d+)\./.exec(fixture?.fragment ?? "")?.[1]) });
  });

  it.runIf(fixture !== undefined)("decodes here where no worker exists", async () => {
    if (fixture === undefined) return;
    const state = { ...fixture.state, dockerfile: "FROM python:3.12\n" };
    await expect(decodeLinkOffThread(`#${encodePermalink(state)}`, { createWorker: () => null })).resolves.toMatchObject({ ok: true, state: { dockerfile: "FROM python:3.12\n" } });
  });
});
