// Entry point: restore the state (shared link, else autosave, else the default example) before the first
// render, then start the derived plan and the autosave.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { startAutosave } from "./state/autosave";
import { isPermalinkFragment } from "./permalink/codec";
import { boot } from "./state/boot";
import { startPlanClient } from "./state/plan-client";
import { startShareInvalidation } from "./state/share";
import { browserStorage } from "./state/storage";
import { App } from "./ui/App";
import "./ui/styles.css";

const storage = browserStorage();
boot({ location, history, storage });
startAutosave(storage);
startPlanClient();
startShareInvalidation();
// A link pasted into the address bar of an open tab changes only the fragment: open it too.
addEventListener("hashchange", () => {
  if (isPermalinkFragment(location.hash)) boot({ location, history, storage });
});

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
