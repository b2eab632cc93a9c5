// The Monaco module once it has loaded (null before, and for good if it failed: the text areas stay).
// The load starts after the first chart is drawn, or as soon as the user reaches for an editor, whichever
// comes first (issue 13: the chart used to wait ~1.1 s behind Monaco's long tasks although the plan was
// ready at 0.85 s). The text areas are fully editable meanwhile.
import { useEffect, useState, useSyncExternalStore } from "react";
import { useAppStore } from "../../state/store";
import { whenChartDrawn } from "../first-chart";
import { loadedMonaco, loadMonaco, subscribeMonaco, type Monaco } from "./monaco";

/** If no chart is ever drawn (the plan failed, the chart's chunk did not load), load Monaco anyway after
 *  this long: a little over the 1.0 s cold-load target for the chart (issue 13), so it never races it. */
const FALLBACK_MS = 2500;

let wanted: (() => void) | null = null;
const wantedNow = new Promise<void>((resolve) => {
  wanted = resolve;
});

/** Start loading Monaco now: the user focused or pointed at an editor. */
export function wantMonaco(): void {
  wanted?.();
}

function nextFrame(): Promise<void> {
  // After the frame that paints the chart, not inside it.
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

export function useMonaco(): Monaco | null {
  const [monaco, setMonaco] = useState<Monaco | null>(null);
  useEffect(() => {
    let alive = true;
    let fallback: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      fallback = setTimeout(resolve, FALLBACK_MS);
    });
    Promise.race([whenChartDrawn().then(nextFrame), wantedNow, timeout])
      .then(() => loadMonaco())
      .then(
        (loaded) => {
          if (!alive) return;
          setMonaco(loaded);
          useAppStore.getState().setEditorStatus("ready");
        },
        (error: unknown) => {
          console.error("Monaco failed to load; keeping the plain editors.", error);
          useAppStore.getState().setEditorStatus("failed");
        },
      )
      .finally(() => clearTimeout(fallback));
    return () => {
      alive = false;
      clearTimeout(fallback);
    };
  }, []);
  return monaco;
}

/** Monaco if something else already loaded it, without starting the load (the diff waits for the editors). */
export function useMonacoIfLoaded(): Monaco | null {
  return useSyncExternalStore(subscribeMonaco, loadedMonaco);
}
