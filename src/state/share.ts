// The Share link on screen describes the view when it was made; after any change it would open something
// else, so it is taken away rather than left to be copied stale.
import { sharedStateChanged } from "./autosave";
import { useAppStore } from "./store";

export function startShareInvalidation(): () => void {
  return useAppStore.subscribe((state, previous) => {
    if (!sharedStateChanged(state, previous)) return;
    if (state.shareUrl !== null || state.shareStatus !== "") state.setShare(null, "");
  });
}
