// The theme actually shown: the user's choice, or the system's when they chose "system".
import { useSyncExternalStore } from "react";
import { useAppStore } from "../state/store";

const DARK_QUERY = "(prefers-color-scheme: dark)";

/** One MediaQueryList for the page: `matchMedia` builds a new one per call, and useSyncExternalStore reads
 *  the snapshot at every render of every editor and diff (~1 ms per plan in the issue 13 profile). */
let darkQuery: MediaQueryList | null = null;
function darkList(): MediaQueryList {
  darkQuery ??= matchMedia(DARK_QUERY);
  return darkQuery;
}

function subscribe(listener: () => void): () => void {
  const query = darkList();
  query.addEventListener("change", listener);
  return () => query.removeEventListener("change", listener);
}

export function useResolvedTheme(): "light" | "dark" {
  const choice = useAppStore((s) => s.theme);
  const systemDark = useSyncExternalStore(subscribe, () => darkList().matches);
  if (choice === "system") return systemDark ? "dark" : "light";
  return choice;
}
