// Entry point: restore the saved state (or the default example) before the first render, then start the
// autosave and the derived plan (with its crash guard), and open a shared link if the address has one —
// decoded off the main thread, so the page is up while it is.
//
// Cold load (issue 13; docs/speed.md): the plan worker is started by the first import, before the other
// modules are evaluated; the Debian tables the restored text names are preloaded as soon as it is known.
import "./state/start-plan-worker";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { startAutosave } from "./state/autosave";
import { isPermalinkFragment } from "./permalink/codec";
import { openLink, restoreSaved } from "./state/boot";
import { startPlanClient } from "./state/plan-client";
import { startShareInvalidation } from "./state/share";
import { browserStorage } from "./state/storage";
import { useAppStore } from "./state/store";
import { App } from "./ui/App";
import { preloadDebianTables } from "./worker/debian-preload";
import { loadSizeChart } from "./ui/chart/load-size-chart";
import "./ui/styles.css";

const storage = browserStorage();
const env = { location, history, storage };
restoreSaved(env);
preloadDebianTables(useAppStore.getState().dockerfile, document);
startAutosave(storage);
startPlanClient({ storage });
// The chart's code loads while the worker starts and plans, not after the plan (load-size-chart.ts).
void loadSizeChart();
startShareInvalidation();
if (isPermalinkFragment(location.hash)) void openLink(env, location.hash);
// A link pasted into the address bar of an open tab changes only the fragment: open it too, over the
// text on screen (never over an older save).
addEventListener("hashchange", () => {
  if (isPermalinkFragment(location.hash)) void openLink(env, location.hash);
});

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
