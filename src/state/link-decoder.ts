// The page's side of link decoding: the fragment goes to a short-lived worker (worker/link.worker.ts),
// and the answer comes back as the codec's DecodeResult. A worker that does not answer in time is
// terminated and the link refused with a message; where no worker can run, the codec runs here — its
// caps (fragment length, inflated size) keep that under a second (codec.test.ts measures it).
import { decodePermalink, type DecodeResult } from "../permalink/codec";

/** Time a decode may take before the link is refused. Decoding the largest link the caps allow takes
 *  well under a second (codec.test.ts: "is decided within a second"); ten times that leaves room for a
 *  slow phone and a worker's start-up, and is still short enough to wait for. */
export const LINK_DECODE_BUDGET_MS = 10_000;

/** What the decoder needs of a Worker (tests pass a fake). */
export interface LinkWorker {
  onmessage: ((event: MessageEvent<DecodeResult>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(fragment: string): void;
  terminate(): void;
}

export interface LinkDecoderOptions {
  readonly budgetMs?: number;
  /** null where no worker can be started (then the codec runs on this thread). */
  readonly createWorker?: () => LinkWorker | null;
}

export function decodeLinkOffThread(fragment: string, options: LinkDecoderOptions = {}): Promise<DecodeResult> {
  const worker = (options.createWorker ?? startLinkWorker)();
  if (worker === null) return Promise.resolve(decodePermalink(fragment));
  const budget = options.budgetMs ?? LINK_DECODE_BUDGET_MS;
  return new Promise<DecodeResult>((resolve) => {
    const finish = (result: DecodeResult) => {
      clearTimeout(timer);
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, kind: "too-large", message: `Opening the link took longer than ${budget / 1000} s, so it was stopped.` }), budget);
    worker.onmessage = (event) => finish(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      // The worker could not load (an old browser, a blocked script): decode here, within the caps.
      console.warn(`Link worker failed (${event.message}); decoding on the main thread.`);
      finish(decodePermalink(fragment));
    };
    worker.postMessage(fragment);
  });
}

function startLinkWorker(): LinkWorker | null {
  if (typeof Worker === "undefined") return null;
  try {
    return new Worker(new URL("../worker/link.worker.ts", import.meta.url), { type: "module", name: "whaleweight-link" }) as LinkWorker;
  } catch (error) {
    console.warn("No link worker:", error);
    return null;
  }
}
