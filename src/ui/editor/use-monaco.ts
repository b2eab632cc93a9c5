// The Monaco module once it has loaded (null before, and for good if it failed: the text areas stay).
import { useEffect, useState, useSyncExternalStore } from "react";
import { useAppStore } from "../../state/store";
import { loadedMonaco, loadMonaco, subscribeMonaco, type Monaco } from "./monaco";

export function useMonaco(): Monaco | null {
  const [monaco, setMonaco] = useState<Monaco | null>(null);
  useEffect(() => {
    let alive = true;
    loadMonaco().then(
      (loaded) => {
        if (!alive) return;
        setMonaco(loaded);
        useAppStore.getState().setEditorStatus("ready");
      },
      (error: unknown) => {
        console.error("Monaco failed to load; keeping the plain editors.", error);
        useAppStore.getState().setEditorStatus("failed");
      },
    );
    return () => {
      alive = false;
    };
  }, []);
  return monaco;
}

/** Monaco if something else already loaded it, without starting the load (the diff waits for the editors). */
export function useMonacoIfLoaded(): Monaco | null {
  return useSyncExternalStore(subscribeMonaco, loadedMonaco);
}
