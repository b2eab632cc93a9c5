// Imported first by main.tsx: what a cold load needs soonest (issue 13; docs/speed.md) runs before React
// and the UI's modules are evaluated. The plan worker starts (plan-worker.ts), the saved state (or the
// default example) is restored, and the Debian tables its FROM lines name are preloaded, so their
// download starts ~150 ms (2× that on a slow CPU) sooner than from the end of main.tsx.
import { preloadDebianTables } from "../worker/debian-preload";
import { restoreSaved } from "./boot";
import { startPlanWorkerEarly } from "./plan-worker";
import { browserStorage } from "./storage";
import { useAppStore } from "./store";

startPlanWorkerEarly();
export const storage = browserStorage();
export const env = { location, history, storage };
restoreSaved(env);
preloadDebianTables(useAppStore.getState().dockerfile, document);
