// Entry point: restore the saved state (or the default example) before the first render, then start the
// autosave and the derived plan (with its crash guard), and open a shared link if the address has one —
// decoded off the main thread, so the page is up while it is.
//
// Cold load (issue 13; docs/speed.md): the first import starts the plan worker, restores the state and
// preloads the Debian tables it names, before the other modules (React, the UI) are evaluated.
import { env, storage } from "./state/start-early";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { startAutosave } from "./state/autosave";
import { isPermalinkFragment } from "./permalink/codec";
import { openLink } from "./state/boot";
import { startPlanClient } from "./state/plan-client";
import { startShareInvalidation } from "./state/share";
import { App } from "./ui/App";
import { loadSizeChart } from "./ui/chart/load-size-chart";
import "./ui/styles.css";

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
