// "Copy as markdown": the plan as the CLI's PR report prints it (src/report/markdown.ts) — sizes before
// and after, one row per step, the findings — with a link that opens this very view, for a PR comment,
// an issue or a chat.
import { useState } from "react";
import { permalinkUrl } from "../../permalink/codec";
import { playgroundMarkdown } from "../../report/markdown";
import { snapshotOf } from "../../state/autosave";
import { useAppStore } from "../../state/store";
import type { PlanView } from "../../worker/plan-view";
import { copyText } from "../clipboard";

export function CopyMarkdown({ plan }: { readonly plan: PlanView }) {
  const [status, setStatus] = useState("");
  return (
    <span className="copy-markdown">
      <button type="button" data-testid="copy-markdown" onClick={() => {
        // The link is made on click, from the texts and decisions shown now.
        const link = permalinkUrl(location, snapshotOf(useAppStore.getState()));
        const text = playgroundMarkdown(plan.steps, plan.findings, plan.steps[0]?.diagnostics ?? [],
          link.ok ? { url: link.url, label: "Open this plan in the Whaleweight playground" } : null);
        void copyText(text).then((ok) => setStatus(ok ? "Markdown report copied." : "Could not copy: the browser refused the clipboard."));
      }}>Copy as markdown</button>
      <span role="status" className="hint" data-testid="copy-markdown-status">{status}</span>
    </span>
  );
}
