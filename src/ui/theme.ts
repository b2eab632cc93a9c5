// The theme actually shown: the user's choice, or the system's when they chose "system".
import { useSyncExternalStore } from "react";
import { useAppStore } from "../state/store";

const DARK_QUERY = "(prefers-color-scheme: dark)";

function subscribe(listener: () => void): () => void {
  const query = matchMedia(DARK_QUERY);
  query.addEventListener("change", listener);
  return () => query.removeEventListener("change", listener);
}

export function useResolvedTheme(): "light" | "dark" {
  const choice = useAppStore((s) => s.theme);
  const systemDark = useSyncExternalStore(subscribe, () => matchMedia(DARK_QUERY).matches);
  if (choice === "system") return systemDark ? "dark" : "light";
  return choice;
}
